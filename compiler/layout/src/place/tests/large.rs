//! Placement of large generated designs: aspect, containment, rows and
//! bands on thousands of nodes.

use std::collections::BTreeMap;

use archc_core::compile_str;

use super::{check_bands, check_rows, containers, strictly_inside};
use crate::place::place;
use crate::types::{Layout, Node};

/// A design of about `per_subnet * 108 + …` resources over 4 regions.
fn generated(per_subnet: usize, services: usize) -> String {
    generated_with(4, 3, per_subnet, services)
}

/// `regions` (at most 7) of `vpcs` VPCs each (at most 255 in all), each
/// with 3 zones × 3 tiers of `per_subnet` instances, 3 bands, and
/// `services` queues per region.
fn generated_with(regions: usize, vpcs: usize, per_subnet: usize, services: usize) -> String {
    let codes =
        ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-2", "us-east-2", "eu-central-1", "ap-southeast-1"];
    let mut s = String::from("title \"generated\"\nusers people\nonprem office 192.168.0.0/16\n");
    let mut flows = String::new();
    for (ri, r) in codes.iter().take(regions).enumerate() {
        s.push_str(&format!("region {r} {{\n"));
        for v in 0..vpcs {
            let k = ri * vpcs + v;
            s.push_str(&format!("  vpc v{k} 10.{k}.0.0/16 {{\n    igw\n"));
            for (zi, z) in ["a", "b", "c"].iter().enumerate() {
                s.push_str(&format!("    az {z} {{\n"));
                for (ti, tier) in ["public", "private", "isolated"].iter().enumerate() {
                    s.push_str(&format!("      {tier} subnet s{k}_{z}_{ti} 10.{k}.{}.0/24 {{\n", ti * 3 + zi));
                    for e in 0..per_subnet {
                        s.push_str(&format!("        ec2 w{k}_{z}_{ti}_{e} {{ port: 80 }}\n"));
                    }
                    s.push_str("      }\n");
                }
                s.push_str("    }\n");
            }
            s.push_str(&format!("    alb lb{k} in s{k}_a_0, s{k}_b_0, s{k}_c_0 {{ listen: 443 }}\n"));
            s.push_str(&format!("    asg app{k} in s{k}_a_1, s{k}_b_1 {{ port: 8080 }}\n"));
            s.push_str(&format!("    rds db{k} in s{k}_b_2, s{k}_c_2 {{ engine: postgres }}\n"));
            s.push_str("  }\n");
            flows.push_str(&format!("people -> lb{k} : 443\nlb{k} -> app{k}\napp{k} -> db{k}\n"));
            if per_subnet > 0 {
                flows.push_str(&format!("lb{k} -> w{k}_a_1_0\n"));
            }
        }
        for q in 0..services {
            s.push_str(&format!("  sqs q{ri}_{q}\n"));
        }
        if vpcs > 0 {
            let first = ri * vpcs;
            s.push_str(&format!(
                "  tgw hub{ri} {{ attach: v{first} }}\n  vpn link{ri} {{\n    to: office\n    tgw: hub{ri}\n  }}\n"
            ));
        }
        s.push_str("}\n");
    }
    s.push_str(&flows);
    s
}

#[test]
fn a_large_design_is_placed_near_square() {
    let text = generated(15, 60);
    let (_, c) = compile_str("big.arch", &text);
    let model = c.checked().unwrap_or_else(|| panic!("{:#?}", c.diagnostics.iter().take(3).collect::<Vec<_>>()));
    assert!(model.nodes().len() > 2000, "{}", model.nodes().len());
    let refusals = crate::refusals(model, c.proofs().unwrap_or_default(), &c.diagnostics);
    // Its time is measured in release by `five_thousand_resources_timing`.
    let l = place(model, &refusals);
    let aspect = f64::from(l.width) / f64::from(l.height);
    assert!((1.0 / 3.0..=3.0).contains(&aspect), "aspect {aspect} ({}×{})", l.width, l.height);
    check_fast(&l);
    assert_eq!(l, place(model, &refusals));
}

#[test]
fn many_shapes_of_design_stay_between_1_3_and_3_1() {
    for (regions, vpcs, per_subnet, services) in [
        (1, 1, 120, 0),
        (1, 24, 2, 0),
        (7, 1, 1, 5),
        (2, 1, 1, 300),
        (7, 6, 0, 0),
        (1, 8, 1, 200),
        (2, 20, 0, 120),
        (1, 3, 0, 60),
    ] {
        let text = generated_with(regions, vpcs, per_subnet, services);
        let (_, c) = compile_str("gen.arch", &text);
        let model = c.checked().unwrap_or_else(|| panic!("{:#?}", c.diagnostics.iter().take(3).collect::<Vec<_>>()));
        let l = place(model, &[]);
        let aspect = f64::from(l.width) / f64::from(l.height);
        let shape = (regions, vpcs, per_subnet, services);
        assert!((1.0 / 3.0..=3.0).contains(&aspect), "{shape:?}: aspect {aspect} ({}×{})", l.width, l.height);
        check_fast(&l);
    }
}

/// The invariants that are cheap on thousands of nodes: containment, and no
/// overlap between nodes of one parent.
fn check_fast(l: &Layout) {
    let by_id = containers(l);
    let mut by_parent: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    for n in &l.nodes {
        let p = n.parent.as_deref().unwrap_or_default();
        by_parent.entry(p).or_default().push(n);
        if let Some(c) = by_id.get(p).filter(|_| n.shape != "border") {
            assert!(strictly_inside(&n.rect, &c.rect), "{} not in {p}", n.id);
        }
    }
    for nodes in by_parent.values() {
        let mut sorted = nodes.clone();
        sorted.sort_by_key(|n| n.rect.x);
        for (i, a) in sorted.iter().enumerate() {
            for b in sorted.iter().skip(i + 1).take_while(|b| b.rect.x < a.rect.right()) {
                assert!(!a.rect.overlaps(&b.rect), "{} and {} overlap", a.id, b.id);
            }
        }
    }
    check_rows("large", l);
    check_bands("large", l);
}
