//! Every example and a family of generated AWS-like designs, laid out and
//! measured: the defects `quality::measure` counts (overlaps, boxes outside
//! their parent, edges through nodes or foreign containers, edges off their
//! ends' borders, unrouted or non-orthogonal edges, labels dropped) must all
//! be zero, and every resource, container and flow must be drawn. The
//! readability figures (crossings, bends, aspect, area per node) are printed
//! for each design (`cargo test -p archc-layout --test quality --
//! --nocapture`), not asserted: they are for comparing, bench/layout.py
//! compares them with Graphviz and elkjs.

use std::collections::BTreeSet;

use archc_core::model::kinds::Layout as Drawn;
use archc_core::Compilation;
use archc_layout::quality::{measure, Quality};

mod common;
use common::{compile_file, examples};

/// Lays the design out, measures it and prints the figures; returns the
/// measures and what is missing from the drawing.
fn lay_out_and_measure(name: &str, c: &Compilation) -> (Quality, Vec<String>) {
    let Some(model) = c.checked() else {
        panic!("{name} should lower without errors: {:#?}", c.diagnostics);
    };
    let refusals = archc_layout::refusals(model, c.proofs().unwrap_or_default(), &c.diagnostics);
    let layout = archc_layout::layout(model, &refusals);
    let q = measure(&layout);
    eprintln!(
        "{name:>28}: {:>4} nodes {:>4} edges {:>3} containers | {:>4} crossings, {:.2} bends/edge, {:>3} overlapping runs, aspect {:.2}, {:.0} area/node",
        q.nodes, q.edges, q.containers, q.crossings, q.bends_per_edge, q.segment_overlaps, q.aspect, q.area_per_node
    );
    (q, missing(name, model, &layout))
}

/// What must appear, read from the model: each region, VPC, zone and subnet
/// as a container; each resource that is drawn as a node (not a NACL, which
/// is a badge; `internet` only when a flow touches it); each flow between
/// two different nodes as an edge between their ids. This is what fails
/// first while placement is missing, and it keeps the zero defects below
/// from passing on an empty layout.
fn missing(name: &str, model: &archc_core::Model, layout: &archc_layout::Layout) -> Vec<String> {
    let mut out = Vec::new();
    let containers: BTreeSet<&str> = layout.containers.iter().map(|c| c.id.as_str()).collect();
    let nodes: BTreeSet<&str> = layout.nodes.iter().map(|n| n.id.as_str()).collect();
    let edges: BTreeSet<(&str, &str)> = layout.edges.iter().map(|e| (e.from.as_str(), e.to.as_str())).collect();
    let touched: BTreeSet<usize> =
        model.flows().iter().flat_map(|f| [f.from.value.index(), f.to.value.index()]).collect();
    for (i, n) in model.nodes().iter().enumerate() {
        let kind = n.kind().keyword();
        match n.layout() {
            Drawn::Container if !containers.contains(n.id.as_str()) => {
                out.push(format!("{name}: the {kind} {} is not drawn as a container", n.id))
            }
            Drawn::Container => {}
            Drawn::Band if kind == "nacl" => {}
            _ if kind == "internet" && !touched.contains(&i) => {}
            _ if !nodes.contains(n.id.as_str()) => {
                out.push(format!("{name}: the {kind} {} is not drawn as a node", n.id))
            }
            _ => {}
        }
    }
    for f in model.flows() {
        let (from, to) = (model.node(f.from.value), model.node(f.to.value));
        if from.id != to.id && !edges.contains(&(from.id.as_str(), to.id.as_str())) {
            out.push(format!("{name}: the flow {} -> {} is not drawn", from.id, to.id));
        }
    }
    out
}

fn defects(name: &str, q: &Quality) -> Vec<String> {
    q.defects()
        .iter()
        .filter(|(_, n)| *n != 0)
        .map(|(what, n)| {
            let why: Vec<&str> = q.findings.iter().filter(|f| f.starts_with(what)).map(String::as_str).collect();
            format!("{name}: {n} {what}, e.g. {why:?}")
        })
        .collect()
}

#[test]
fn every_example_lays_out_without_defects() {
    let mut failures = Vec::new();
    let files = examples();
    assert!(files.len() >= 10, "the examples folder holds the designs");
    for path in files {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
        let (q, missing) = lay_out_and_measure(&name, &compile_file(&path));
        failures.extend(missing.into_iter().take(3));
        failures.extend(defects(&name, &q));
    }
    assert!(failures.is_empty(), "defects:\n{}", failures.join("\n"));
}

#[test]
fn generated_designs_lay_out_without_defects() {
    let mut failures = Vec::new();
    for (seed, vpcs) in [(1, 1), (2, 2), (3, 4), (4, 7), (5, 12), (6, 20)] {
        let text = generate(seed, vpcs);
        let name = format!("generated seed {seed}, {vpcs} VPCs");
        let (_db, c) = archc_core::compile_str("generated.arch", &text);
        let (q, missing) = lay_out_and_measure(&name, &c);
        failures.extend(missing.into_iter().take(3));
        failures.extend(defects(&name, &q));
    }
    assert!(failures.is_empty(), "defects:\n{}", failures.join("\n"));
}

#[test]
fn the_generator_makes_about_fifteen_resources_per_vpc_and_is_deterministic() {
    assert_eq!(generate(6, 20), generate(6, 20));
    assert_ne!(generate(6, 20), generate(7, 20));
    let (_db, c) = archc_core::compile_str("generated.arch", &generate(6, 20));
    let model = c.checked().unwrap_or_else(|| panic!("lowers: {:#?}", c.diagnostics));
    let resources = model.nodes().iter().filter(|n| n.layout() != Drawn::Container).count();
    assert!((250..=400).contains(&resources), "{resources} resources");
}

/// A small deterministic generator (xorshift), so the designs need no
/// crate and no Python.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// An AWS-like design of `vpcs` VPCs spread over up to three regions: per
/// VPC two or three zones of public, private and isolated subnets (a second
/// private row sometimes), an IGW and NAT per zone, an ALB, an ASG or ECS
/// service, an RDS and sometimes a cache or a Lambda function in subnets,
/// instances, endpoints; per VPC in the region a bucket, a queue, a
/// function and a table; a transit gateway or peerings between VPCs of a
/// region; CloudFront and Route 53 in front; flows along the tiers, to the
/// regional services, between VPCs and to the internet.
fn generate(seed: u64, vpcs: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ seed.wrapping_mul(0x2545_F491_4F6C_DD1D));
    let regions = ["ap-northeast-2", "us-east-1", "eu-west-1"];
    let mut out = vec![format!("title \"generated {seed}\"")];
    if rng.chance(30) {
        out.push("direction down".into());
    }
    out.push("users users".into());
    let origins: Vec<String> =
        std::iter::once("v0_assets".to_string()).chain((0..vpcs).map(|v| format!("v{v}_web"))).collect();
    out.push(format!("cloudfront cdn {{ origins: {} }}", origins.join(", ")));
    out.push("route53 dns { domain: \"app.example.com\"\n  alias: cdn }".into());
    let mut flows =
        vec!["users -> dns : dns".to_string(), "users -> cdn : https".to_string(), "cdn -> v0_assets".to_string()];
    let mut zones_of = Vec::new();
    for (r, region) in regions.iter().enumerate() {
        let mine: Vec<usize> = (0..vpcs).filter(|v| v % regions.len() == r).collect();
        if mine.is_empty() {
            continue;
        }
        out.push(format!("region {region} {{"));
        if mine.len() >= 3 && rng.chance(60) {
            let attach: Vec<String> = mine.iter().map(|v| format!("v{v}")).collect();
            out.push(format!("  tgw hub_{r} {{ attach: {} }}", attach.join(", ")));
        } else {
            for pair in mine.windows(2) {
                out.push(format!("  peering p{}_{} v{} <-> v{}", pair[0], pair[1], pair[0], pair[1]));
            }
        }
        for &v in &mine {
            let zones: Vec<char> = if rng.chance(50) { vec!['a', 'b', 'c'] } else { vec!['a', 'c'] };
            let second_app_row = rng.chance(25);
            out.push(format!("  vpc v{v} 10.{v}.0.0/16 {{"));
            out.push("    igw".into());
            for z in &zones {
                out.push(format!("    az {z} {{"));
                out.push(format!("      public subnet v{v}_pub_{z} {{ size: /24; nat v{v}_nat_{z} }}"));
                if rng.chance(30) {
                    out.push(format!(
                        "      private subnet v{v}_app_{z} {{ size: /22; ec2 v{v}_vm_{z} {{ instance: t3.micro; port: 22 }} }}"
                    ));
                } else {
                    out.push(format!("      private subnet v{v}_app_{z} {{ size: /22 }}"));
                }
                if second_app_row {
                    out.push(format!("      private subnet v{v}_batch_{z} {{ size: /22 }}"));
                }
                out.push(format!("      isolated subnet v{v}_db_{z} {{ size: /24 }}"));
                out.push("    }".into());
            }
            let list = |tier: &str| zones.iter().map(|z| format!("v{v}_{tier}_{z}")).collect::<Vec<_>>().join(", ");
            out.push(format!("    alb v{v}_web in {} {{ listen: 443 }}", list("pub")));
            if rng.chance(50) {
                out.push(format!("    asg v{v}_app in {} {{ port: 8080; min: 2; max: 6 }}", list("app")));
            } else {
                out.push(format!("    ecs v{v}_app in {} {{ image: \"app:{v}\"; port: 8080 }}", list("app")));
            }
            out.push(format!("    rds v{v}_db in {} {{ engine: postgres; multi_az }}", list("db")));
            if rng.chance(50) {
                out.push(format!("    elasticache v{v}_cache in {} {{ engine: valkey }}", list("db")));
                flows.push(format!("v{v}_app -> v{v}_cache"));
            }
            if second_app_row {
                out.push(format!("    lambda v{v}_batch in {} {{ runtime: python3.12 }}", list("batch")));
                flows.push(format!("v{v}_batch -> v{v}_db"));
                flows.push(format!("v{v}_jobs -> v{v}_batch"));
            }
            out.push(format!("    gateway endpoint v{v}_s3 s3"));
            out.push("  }".into());
            out.push(format!("  s3 v{v}_assets"));
            out.push(format!("  sqs v{v}_jobs {{ visibility_timeout: 5m }}"));
            out.push(format!("  lambda v{v}_worker {{ runtime: python3.12 }}"));
            out.push(format!("  dynamodb v{v}_table {{ key: id }}"));
            flows.push(format!("cdn -> v{v}_web : https"));
            flows.push(format!("v{v}_web -> v{v}_app -> v{v}_db"));
            flows.push(format!("v{v}_app -> v{v}_assets"));
            flows.push(format!("v{v}_app -> v{v}_jobs \"enqueue\""));
            flows.push(format!("v{v}_jobs -> v{v}_worker"));
            flows.push(format!("v{v}_worker -> v{v}_table"));
            if rng.chance(30) {
                flows.push(format!("v{v}_app -> internet : https \"updates\""));
            }
            zones_of.push((v, r, mine.clone()));
        }
        out.push("}".into());
    }
    // Between VPCs of one region (over their peering or transit gateway).
    for (v, _, mine) in &zones_of {
        if let Some(other) = mine.iter().find(|&&o| o > *v) {
            if rng.chance(50) {
                flows.push(format!("v{v}_app -> v{other}_app : 8080 \"partner api\""));
            }
        }
    }
    out.extend(flows);
    out.join("\n") + "\n"
}

#[test]
fn generated_designs_pass_the_checker() {
    for (seed, vpcs) in [(1, 1), (2, 2), (3, 4), (4, 7), (5, 12), (6, 20)] {
        let (_db, c) = archc_core::compile_str("generated.arch", &generate(seed, vpcs));
        let errors: Vec<&str> = c.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.message.as_str()).collect();
        assert!(errors.is_empty(), "seed {seed}: {errors:#?}");
    }
}
