//! Random small designs as .arch text (so they go through the real
//! compiler): 1–3 VPCs with public, private and isolated subnets in one to
//! three zones, an igw or not, NATs (zonal, regional, private, sometimes in
//! the wrong subnet), gateway endpoints, peerings (chains A–B–C included),
//! NACLs with random allow and deny rules (some that break replies), EC2
//! instances, ALBs, RDS databases, Lambda functions in and out of a VPC,
//! buckets, queues, tables, users, and random flows between them.
//!
//! Deterministic: the same seed gives the same text.

/// xorshift64*: small, seeded, deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const REGIONS: &[&str] = &["us-east-1", "eu-west-1"];
const ZONES: &[&str] = &["a", "b", "c"];
const TIERS: &[&str] = &["public", "private", "isolated"];

struct Subnet {
    name: String,
    tier: usize,
    zone: usize,
    block: String,
}

struct Vpc {
    name: String,
    block: String,
}

/// One random design.
pub fn design(seed: u64) -> String {
    let mut r = Rng::new(seed);
    let mut out = vec![format!("# generated design, seed {seed}"), "users people".to_string()];
    let vpc_count = 1 + r.below(3);
    let mut vpcs: Vec<Vpc> = Vec::new();
    // Flow sources and targets.
    let mut sources: Vec<String> = vec!["people".into()];
    let mut targets: Vec<(String, &'static str)> = vec![("internet".into(), "")];
    let mut services: Vec<String> = Vec::new();
    let mut inside_lambdas: Vec<String> = Vec::new();
    let second_region = r.chance(25);
    for (ri, region) in REGIONS.iter().enumerate() {
        if ri == 1 && !second_region {
            break;
        }
        out.push(format!("region {region} {{"));
        for v in 0..vpc_count {
            // With a second region, the last VPC lives there.
            let here = if second_region && vpc_count > 1 && v == vpc_count - 1 { 1 } else { 0 };
            if here != ri {
                continue;
            }
            let name = format!("v{v}");
            let block = format!("10.{v}.0.0/16");
            out.push(format!("  vpc {name} {block} {{"));
            if r.chance(75) {
                out.push("    igw".into());
            }
            let zones = 1 + r.below(3);
            let mut subnets = Vec::new();
            for (zi, z) in ZONES.iter().take(zones).enumerate() {
                out.push(format!("    az {z} {{"));
                for (ti, tier) in TIERS.iter().enumerate() {
                    if !r.chance(70) && ti != 1 {
                        continue;
                    }
                    let sname = format!("{name}_{}{z}", &tier[..3]);
                    let sblock = format!("10.{v}.{}.0/24", zi * 3 + ti);
                    let mut body = Vec::new();
                    // A zonal NAT: mostly in a public subnet, sometimes in the wrong one.
                    let nat_here = match ti {
                        0 => r.chance(55),
                        1 => r.chance(8),
                        _ => false,
                    };
                    if nat_here {
                        if r.chance(12) {
                            body.push(format!("nat {sname}_nat {{ type: private }}"));
                        } else {
                            body.push(format!("nat {sname}_nat"));
                        }
                    }
                    if ti != 2 && r.chance(45) {
                        let ec2 = format!("{sname}_vm");
                        let port = *r.pick(&[80u16, 443, 8080, 22]);
                        let public_ip = if ti == 0 && r.chance(25) { "; public_ip: false" } else { "" };
                        body.push(format!("ec2 {ec2} {{ instance: t3.micro; port: {port}{public_ip} }}"));
                        sources.push(ec2.clone());
                        targets.push((ec2, ""));
                    }
                    out.push(format!("      {tier} subnet {sname} {sblock} {{ {} }}", body.join("; ")));
                    subnets.push(Subnet { name: sname, tier: ti, zone: zi, block: sblock });
                }
                out.push("    }".into());
            }
            if r.chance(15) {
                out.push(format!("    nat {name}_rnat {{ mode: regional }}"));
            }
            if r.chance(40) {
                out.push(format!("    gateway endpoint {name}_s3e s3"));
            }
            if r.chance(20) {
                out.push(format!("    gateway endpoint {name}_ddbe dynamodb"));
            }
            // Interface endpoints in private or isolated subnets, at most one
            // per zone (as AWS allows), often in several zones: a client may
            // connect to any of them (see `known_interface_endpoint_in_two_zones`).
            for service in ["sqs", "s3", "dynamodb"] {
                let at: Vec<&Subnet> = subnets.iter().filter(|s| s.tier != 0).collect();
                if !at.is_empty() && r.chance(if service == "sqs" { 30 } else { 10 }) {
                    let mut chosen: Vec<&str> = Vec::new();
                    let mut zones_used: Vec<usize> = Vec::new();
                    let first = r.pick(&at);
                    chosen.push(&first.name);
                    zones_used.push(first.zone);
                    for s in &at {
                        if !zones_used.contains(&s.zone) && r.chance(60) {
                            chosen.push(&s.name);
                            zones_used.push(s.zone);
                        }
                    }
                    out.push(format!("    interface endpoint {name}_{service}_ie {service} in {}", chosen.join(", ")));
                }
            }
            let of_tier = |t: usize| subnets.iter().filter(|s| s.tier == t).map(|s| s.name.clone()).collect::<Vec<_>>();
            let (public, private, isolated) = (of_tier(0), of_tier(1), of_tier(2));
            // A load balancer over one subnet per zone.
            if r.chance(50) {
                let internal = r.chance(30);
                let at = if internal && !private.is_empty() { &private } else { &public };
                if !at.is_empty() {
                    let lb = format!("{name}_lb");
                    let kw = if internal { "internal alb" } else { "alb" };
                    out.push(format!("    {kw} {lb} in {} {{ listen: 443 }}", at.join(", ")));
                    targets.push((lb.clone(), ""));
                    sources.push(lb);
                }
            }
            if r.chance(45) && !isolated.is_empty() {
                let db = format!("{name}_db");
                out.push(format!("    rds {db} in {} {{ engine: postgres }}", isolated.join(", ")));
                targets.push((db, ""));
            }
            if r.chance(40) {
                let at = if r.chance(75) { &private } else { &public };
                if !at.is_empty() {
                    let f = format!("{name}_fn");
                    out.push(format!("    lambda {f} in {} {{ runtime: python3.12 }}", at.join(", ")));
                    sources.push(f.clone());
                    inside_lambdas.push(f);
                }
            }
            // NACLs over random subnets.
            for k in 0..r.below(3) {
                let chosen: Vec<&Subnet> = subnets.iter().filter(|_| r.chance(50)).collect();
                if chosen.is_empty() {
                    continue;
                }
                let names: Vec<&str> = chosen.iter().map(|s| s.name.as_str()).collect();
                out.push(format!("    nacl {name}_acl{k} in {} {{", names.join(", ")));
                let cidrs = {
                    let mut c = vec!["0.0.0.0/0".to_string(), block.clone(), "10.0.0.0/8".into()];
                    c.extend(subnets.iter().map(|s| s.block.clone()));
                    // Parts of a subnet: whoever stands at its 5th address
                    // is in the lower /25 and /28, not in the upper /25.
                    if let Some(s) = subnets.first() {
                        let base = s.block.trim_end_matches(".0/24");
                        c.push(format!("{base}.0/25"));
                        c.push(format!("{base}.128/25"));
                        c.push(format!("{base}.0/28"));
                    }
                    c.extend(vpcs.iter().map(|o| o.block.clone()));
                    c.push(format!("10.{}.0.0/16", (v + 1) % 3));
                    c.push("192.168.0.0/16".into());
                    c
                };
                let ports =
                    ["443", "80", "8080", "22", "5432", "1024-65535", "all", "32768-65535", "1024-2000", "0-1023"];
                let mut number = 100;
                for dir in ["in", "out"] {
                    if r.chance(45) {
                        // A realistic base: everything allowed, then denies above it.
                        for _ in 0..r.below(2) {
                            let c = r.pick(&cidrs).clone();
                            let p = r.pick(&ports);
                            out.push(format!(
                                "      deny {dir} {number} {p} {} {c}",
                                if dir == "in" { "from" } else { "to" }
                            ));
                            number += 10;
                        }
                        out.push(format!(
                            "      allow {dir} {number} all {} 0.0.0.0/0",
                            if dir == "in" { "from" } else { "to" }
                        ));
                        number += 10;
                    } else {
                        for _ in 0..1 + r.below(4) {
                            let act = if r.chance(75) { "allow" } else { "deny" };
                            let c = r.pick(&cidrs).clone();
                            let p = r.pick(&ports);
                            out.push(format!(
                                "      {act} {dir} {number} {p} {} {c}",
                                if dir == "in" { "from" } else { "to" }
                            ));
                            number += 10;
                        }
                    }
                }
                out.push("    }".into());
            }
            out.push("  }".into());
            vpcs.push(Vpc { name, block });
        }
        // Regional services.
        let tag = &region[..2];
        if r.chance(70) {
            let s = format!("bucket_{tag}");
            out.push(format!("  s3 {s}"));
            services.push(s);
        }
        if r.chance(50) {
            let s = format!("queue_{tag}");
            out.push(format!("  sqs {s}"));
            services.push(s);
        }
        if r.chance(35) {
            let s = format!("table_{tag}");
            out.push(format!("  dynamodb {s} {{ key: id }}"));
            services.push(s);
        }
        if r.chance(30) {
            let s = format!("edge_fn_{tag}");
            out.push(format!("  lambda {s} {{ runtime: python3.12 }}"));
            sources.push(s);
        }
        out.push("}".into());
    }
    // Peerings: random pairs, sometimes a chain A–B–C.
    let names: Vec<String> = vpcs.iter().map(|v| v.name.clone()).collect();
    if names.len() >= 2 {
        let mut pairs = Vec::new();
        if names.len() == 3 && r.chance(40) {
            pairs.push((0, 1));
            pairs.push((1, 2));
        } else {
            for i in 0..names.len() {
                for j in i + 1..names.len() {
                    if r.chance(45) {
                        pairs.push((i, j));
                    }
                }
            }
        }
        for (i, j) in pairs {
            out.push(format!("peering p{i}{j} {} <-> {}", names[i], names[j]));
            if r.chance(8) {
                // A second peering of the same pair, written the other way.
                out.push(format!("peering q{i}{j} {} <-> {}", names[j], names[i]));
            }
        }
    }
    // Transit gateways: a hub in the first region attached to some of its
    // VPCs, and sometimes listing the VPC of the second region too (an
    // attachment AWS refuses, E0421: nothing may cross it, see
    // `known_tgw_attached_across_regions`); sometimes a second hub in the
    // second region, peered with the first.
    let in_first = vpc_count - usize::from(second_region && vpc_count > 1);
    let tgws = if names.len() >= 2 && r.chance(30) {
        let attach: Vec<&str> = names
            .iter()
            .enumerate()
            .filter(|&(i, _)| r.chance(if i < in_first { 70 } else { 40 }))
            .map(|(_, n)| n.as_str())
            .collect();
        let mut t = Vec::new();
        if !attach.is_empty() {
            t.push(format!("region {} {{ tgw hub {{ attach: {} }} }}", REGIONS[0], attach.join(", ")));
            if second_region && r.chance(50) {
                let last = names.last().map_or("v0", String::as_str);
                t.push(format!("region {} {{ tgw hub2 {{ attach: {last}; peer: hub }} }}", REGIONS[1]));
            }
        }
        t
    } else {
        Vec::new()
    };
    let has_hub = !tgws.is_empty();
    out.extend(tgws);
    // An on-premises network over a VPN or Direct Connect, on a VPC's
    // virtual private gateway or on the hub. Its flows go into any VPC,
    // linked or not (into one no link reaches, nothing carries them: see
    // `known_onprem_into_an_unlinked_vpc`).
    if r.chance(30) {
        out.push("onprem office 192.168.0.0/16".into());
        let first: Vec<&String> = names.iter().take(in_first).collect();
        let link = if has_hub && r.chance(50) { "tgw: hub".to_string() } else { format!("vgw: {}", r.pick(&first)) };
        let kind =
            if r.chance(70) { "vpn office_vpn { to: office" } else { "dx office_dx { to: office; bandwidth: 1Gbps" };
        out.push(format!("region {} {{ {kind}; {link} }} }}", REGIONS[0]));
        sources.push("office".into());
        targets.push(("office".into(), ""));
    }
    // A CloudFront distribution in front of a load balancer or an instance
    // (internal ones included, which it cannot reach), and a bucket.
    let origins: Vec<String> = targets
        .iter()
        .map(|(t, _)| t.clone())
        .filter(|t| t.ends_with("_lb") || t.ends_with("_vm"))
        .chain(services.iter().filter(|s| s.starts_with("bucket")).cloned())
        .collect();
    if !origins.is_empty() && r.chance(25) {
        let o: Vec<String> = (0..1 + r.below(2)).map(|_| r.pick(&origins).clone()).collect();
        let mut o2 = o.clone();
        o2.dedup();
        out.push(format!("cloudfront cdn {{ origins: {} }}", o2.join(", ")));
        for x in o2 {
            out.push(format!("cdn -> {x}"));
        }
    }
    // Flows.
    for t in &services {
        targets.push((t.clone(), ""));
    }
    let flow_count = 2 + r.below(7);
    let mut seen = Vec::new();
    for _ in 0..flow_count {
        let from = r.pick(&sources).clone();
        let (to, _) = r.pick(&targets).clone();
        // Between two ends outside every VPC there is nothing to prove
        // (except a Lambda function outside a VPC calling a service).
        let outside = |x: &str| x == "people" || x == "office" || x == "internet";
        let from_outside = outside(&from) || from.starts_with("edge_fn");
        if from == to || (from_outside && outside(&to)) || (outside(&from) && services.contains(&to)) {
            continue;
        }
        if from.starts_with("edge_fn") && to == "internet" {
            continue;
        }
        if seen.contains(&(from.clone(), to.clone())) {
            continue;
        }
        seen.push((from.clone(), to.clone()));
        let ports = if to == "internet" || to == "office" || r.chance(25) {
            format!(" : {}", r.pick(&["443", "80", "8080", "8000-8100", "udp/53", "443, 8443", "22"]))
        } else {
            String::new()
        };
        out.push(format!("{from} -> {to}{ports}"));
    }
    // Integrations: a bucket or a queue invoking a function.
    if !inside_lambdas.is_empty() && r.chance(20) {
        let f = r.pick(&inside_lambdas).clone();
        if let Some(s) = services.iter().find(|s| s.starts_with("bucket") || s.starts_with("queue")) {
            out.push(format!("{s} -> {f}"));
        }
    }
    // Sometimes a pair that is no integration at all (a queue "invoking"
    // an instance or a database): nothing may carry it.
    if r.chance(12) {
        let vms: Vec<&(String, &str)> =
            targets.iter().filter(|(t, _)| t.ends_with("_vm") || t.ends_with("_db")).collect();
        if let (Some(s), false) = (services.first(), vms.is_empty()) {
            let (t, _) = r.pick(&vms);
            out.push(format!("{s} -> {t}"));
        }
    }
    out.join("\n") + "\n"
}
