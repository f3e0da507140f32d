#!/usr/bin/env python3
"""Writes a synthetic but realistic archc design with about N resources:
VPCs of three zones with public/private/isolated subnets, an ALB, an ASG and
an RDS per VPC, a bucket and a queue per VPC, and flows between them. Used by
bench/front_end.py (and later by the layout benchmark).

With `--checker` (bench/checker.py), each VPC also gets what the checker has
to prove things over: network ACLs on the app and data subnets (with the
ephemeral-port rules replies need), an EC2 instance per zone, a Lambda
function in the VPC fed by its queue, a DynamoDB table, a peering with the
next VPC of its region (a chain, so some flows need a transitive path that
peering does not give), and many more flows: east-west between instances,
across the peering, to the internet through the NATs, to services through
the gateway endpoint and the NATs. The default output is unchanged, so the
front-end figures stay comparable.

    gen_design.py N [--checker]"""
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
checker = "--checker" in sys.argv[1:]
n = int(args[0]) if args else 100
vpcs = max(1, n // 16)
out = ['title "synthetic design"', "users clients"]
regions = ["us-east-1", "eu-west-1", "ap-northeast-2", "us-west-2"]
for r, region in enumerate(regions):
    mine = [v for v in range(vpcs) if v % len(regions) == r]
    if not mine:
        continue
    out.append(f"region {region} {{")
    for v in mine:
        a, b = divmod(v, 256)
        out.append(f"  vpc v{v} 10.{a * 16 + b // 16}.{(b % 16) * 16}.0/20 {{")
        out.append(f"    igw")
        for z in "abc":
            out.append(f"    az {z} {{")
            out.append(f"      public subnet v{v}_pub_{z} {{ size: /26; nat v{v}_nat_{z} }}")
            if checker:
                out.append(f"      private subnet v{v}_app_{z} {{ size: /24; ec2 v{v}_vm_{z} {{ instance: t3.micro; port: 22 }} }}")
            else:
                out.append(f"      private subnet v{v}_app_{z} {{ size: /24 }}")
            out.append(f"      isolated subnet v{v}_db_{z} {{ size: /26 }}")
            out.append(f"    }}")
        out.append(f"    alb v{v}_web in v{v}_pub_a, v{v}_pub_b, v{v}_pub_c {{ listen: 443 }}")
        out.append(f"    asg v{v}_app in v{v}_app_a, v{v}_app_b, v{v}_app_c {{ port: 8080; min: 2; max: 6 }}")
        out.append(f"    rds v{v}_db in v{v}_db_a, v{v}_db_b, v{v}_db_c {{ engine: postgres; multi_az }}")
        out.append(f"    gateway endpoint v{v}_s3 s3")
        if checker:
            block = f"10.{a * 16 + b // 16}.{(b % 16) * 16}.0/20"
            out.append(f"    nacl v{v}_app_acl in v{v}_app_a, v{v}_app_b, v{v}_app_c {{")
            out.append(f"      allow in 100 8080 from {block}")
            out.append(f"      allow in 110 22 from {block}")
            out.append(f"      allow in 120 1024-65535 from 0.0.0.0/0")
            out.append(f"      deny in 130 all from 10.0.0.0/8")
            out.append(f"      allow out 100 all to 0.0.0.0/0")
            out.append(f"    }}")
            out.append(f"    nacl v{v}_db_acl in v{v}_db_a, v{v}_db_b, v{v}_db_c {{")
            out.append(f"      allow in 100 postgres from {block}")
            out.append(f"      allow out 100 1024-65535 to {block}")
            out.append(f"    }}")
            out.append(f"    lambda v{v}_worker in v{v}_app_a, v{v}_app_b, v{v}_app_c {{ runtime: python3.12 }}")
        out.append("  }")
        out.append(f"  s3 v{v}_assets")
        out.append(f"  sqs v{v}_jobs {{ visibility_timeout: 5m }}")
        if checker:
            out.append(f"  dynamodb v{v}_table {{ key: id }}")
    out.append("}")
for v in range(vpcs):
    out.append(f"clients -> v{v}_web : https")
    out.append(f"v{v}_web -> v{v}_app -> v{v}_db")
    out.append(f"v{v}_app -> v{v}_assets")
    out.append(f"v{v}_app -> v{v}_jobs \"enqueue\"")
    if checker:
        out.append(f"v{v}_app -> internet : https \"updates\"")
        out.append(f"v{v}_app -> v{v}_table")
        out.append(f"v{v}_jobs -> v{v}_worker")
        out.append(f"v{v}_worker -> v{v}_db")
        out.append(f"v{v}_worker -> v{v}_assets")
        out.append(f"v{v}_worker -> internet : https")
        out.append(f"v{v}_vm_a -> v{v}_vm_b : ssh")
        out.append(f"v{v}_vm_b -> v{v}_vm_c : ssh")
        out.append(f"v{v}_app -> v{v}_vm_a : ssh")
        out.append(f"v{v}_vm_c -> internet : https")
        # Peering with the next VPC of the same region, and flows over it
        # (the one after that is two peerings away: not reachable).
        nxt, far = v + len(regions), v + 2 * len(regions)
        if nxt < vpcs:
            out.append(f"peering v{v}_v{nxt} v{v} <-> v{nxt}")
            out.append(f"v{v}_app -> v{nxt}_app : 8080 \"partner api\"")
            out.append(f"v{v}_worker -> v{nxt}_db")
        if far < vpcs:
            out.append(f"v{v}_app -> v{far}_app : 8080 \"two peerings away\"")
print("\n".join(out))
