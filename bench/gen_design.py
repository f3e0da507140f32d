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

With `--layout` (bench/layout.py) it writes, instead, a design shaped for
the diagram, of about N resources (about 20 per VPC): CloudFront and Route 53
in front, an on-premises network on a VPN to a transit gateway per region
attached to up to five of its VPCs, the other VPCs peered in a chain; per
VPC three zones of public, private and isolated subnets with a NAT gateway
each and an instance in each private subnet, an ALB, an ASG, a Lambda
function in the private subnets, an RDS and an ElastiCache in the isolated
ones, two endpoints; per VPC in its region a bucket, a queue, a topic, a
function and a table; flows along the tiers, to the regional services, from
the queue to the function (an integration), across peerings and to the
internet.

    gen_design.py N [--checker | --layout]"""
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
checker = "--checker" in sys.argv[1:]
n = int(args[0]) if args else 100
regions = ["us-east-1", "eu-west-1", "ap-northeast-2", "us-west-2"]


def block(v):
    a, b = divmod(v, 256)
    return f"10.{a * 16 + b // 16}.{(b % 16) * 16}.0/20"


def layout_design(n):
    """The `--layout` design: about 20 resources per VPC."""
    vpcs = max(1, n // 20)
    webs = ", ".join(f"v{v}_web" for v in range(vpcs))
    out = ['title "synthetic design"', "users clients", "onprem office 172.16.0.0/16",
           f"cloudfront cdn {{ origins: v0_assets, {webs} }}",
           'route53 dns {\n  domain: "app.example.com"\n  alias: cdn\n}']
    flows = ["clients -> dns : dns", "clients -> cdn : https", "cdn -> v0_assets"]
    peerings = []
    for r, region in enumerate(regions):
        mine = [v for v in range(vpcs) if v % len(regions) == r]
        if not mine:
            continue
        out.append(f"region {region} {{")
        hub, chain = mine[:5], mine[5:]
        out.append(f"  tgw hub_{r} {{ attach: {', '.join(f'v{v}' for v in hub)} }}")
        out.append(f"  vpn office_vpn_{r} {{\n    to: office\n    tgw: hub_{r}\n  }}")
        for a, b in zip(chain, chain[1:]):
            peerings.append(f"peering v{a}_v{b} v{a} <-> v{b}")
            flows.append(f"v{a}_app -> v{b}_web : https \"partner api\"")
        for x, y in zip(hub, hub[1:]):
            flows.append(f"v{x}_app -> v{y}_web : https \"internal api\"")
        for v in mine:
            out.append(f"  vpc v{v} {block(v)} {{")
            out.append("    igw")
            for z in "abc":
                out.append(f"    az {z} {{")
                out.append(f"      public subnet v{v}_pub_{z} {{ size: /26; nat v{v}_nat_{z} }}")
                out.append(f"      private subnet v{v}_app_{z} {{ size: /24; ec2 v{v}_vm_{z} {{ instance: t3.micro; port: 22 }} }}")
                out.append(f"      isolated subnet v{v}_db_{z} {{ size: /26 }}")
                out.append("    }")
            out.append(f"    alb v{v}_web in v{v}_pub_a, v{v}_pub_b, v{v}_pub_c {{ listen: 443 }}")
            out.append(f"    asg v{v}_app in v{v}_app_a, v{v}_app_b, v{v}_app_c {{ port: 8080; min: 2; max: 6 }}")
            out.append(f"    lambda v{v}_fn in v{v}_app_a, v{v}_app_b, v{v}_app_c {{ runtime: python3.12 }}")
            out.append(f"    rds v{v}_db in v{v}_db_a, v{v}_db_b, v{v}_db_c {{ engine: postgres; multi_az }}")
            out.append(f"    elasticache v{v}_cache in v{v}_db_a, v{v}_db_b, v{v}_db_c {{ engine: valkey }}")
            out.append(f"    gateway endpoint v{v}_s3 s3")
            out.append(f"    gateway endpoint v{v}_ddb dynamodb")
            out.append("  }")
            out.append(f"  s3 v{v}_assets")
            out.append(f"  sqs v{v}_jobs {{ visibility_timeout: 5m }}")
            out.append(f"  sns v{v}_events")
            out.append(f"  lambda v{v}_worker {{ runtime: python3.12 }}")
            out.append(f"  dynamodb v{v}_table {{ key: id }}")
            flows += [
                f"cdn -> v{v}_web : https",
                f"v{v}_web -> v{v}_app -> v{v}_db",
                f"v{v}_app -> v{v}_cache",
                f"v{v}_app -> v{v}_assets",
                f"v{v}_app -> v{v}_jobs \"enqueue\"",
                f"v{v}_jobs -> v{v}_worker",
                f"v{v}_worker -> v{v}_table",
                f"v{v}_worker -> v{v}_events \"done\"",
                f"v{v}_fn -> v{v}_db",
                f"v{v}_vm_a -> v{v}_app : ssh",
                f"v{v}_app -> internet : https \"updates\"",
            ]
        out.append("}")
    flows.append("office -> v0_web : https \"staff\"")
    return "\n".join(out + peerings + flows)


if "--layout" in sys.argv[1:]:
    print(layout_design(n))
    sys.exit(0)

vpcs = max(1, n // 16)
out = ['title "synthetic design"', "users clients"]
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
