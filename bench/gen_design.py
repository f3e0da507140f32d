#!/usr/bin/env python3
"""Writes a synthetic but realistic archc design with about N resources:
VPCs of three zones with public/private/isolated subnets, an ALB, an ASG and
an RDS per VPC, a bucket and a queue per VPC, and flows between them. Used by
bench/front_end.sh (and later by the layout benchmark)."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
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
            out.append(f"      private subnet v{v}_app_{z} {{ size: /24 }}")
            out.append(f"      isolated subnet v{v}_db_{z} {{ size: /26 }}")
            out.append(f"    }}")
        out.append(f"    alb v{v}_web in v{v}_pub_a, v{v}_pub_b, v{v}_pub_c {{ listen: 443 }}")
        out.append(f"    asg v{v}_app in v{v}_app_a, v{v}_app_b, v{v}_app_c {{ port: 8080; min: 2; max: 6 }}")
        out.append(f"    rds v{v}_db in v{v}_db_a, v{v}_db_b, v{v}_db_c {{ engine: postgres; multi_az }}")
        out.append(f"    gateway endpoint v{v}_s3 s3")
        out.append("  }")
        out.append(f"  s3 v{v}_assets")
        out.append(f"  sqs v{v}_jobs {{ visibility_timeout: 5m }}")
    out.append("}")
for v in range(vpcs):
    out.append(f"clients -> v{v}_web : https")
    out.append(f"v{v}_web -> v{v}_app -> v{v}_db")
    out.append(f"v{v}_app -> v{v}_assets")
    out.append(f"v{v}_app -> v{v}_jobs \"enqueue\"")
print("\n".join(out))
