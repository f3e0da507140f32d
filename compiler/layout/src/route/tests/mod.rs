//! Routing checked by geometry: a private checker counts every violation of
//! the router's hard rules on hand-made and random layouts.

mod check;
mod fixtures;

use super::{route, RouteStats};
use crate::types::{Edge, Layout, Rect, TextBox};
use check::{bends, interior_hit, on_border, through_labels, violations};
use fixtures::{
    band, container, edge, generated_design, icon, lay_out_source, random_layout, structured, vpc_layout, Lcg, EXAMPLES,
};

#[test]
fn vpc_routes_without_violations() {
    let mut l = vpc_layout();
    let stats = route(&mut l);
    let v = violations(&l);
    assert!(v.is_empty(), "{v:#?}\n{stats:?}");
    assert_eq!(stats, RouteStats::default());
    let t = through_labels(&l);
    assert!(t.is_empty(), "{t:#?}");
    for e in &l.edges {
        assert_eq!(e.label_box.is_some(), e.label.is_some(), "{}->{}", e.from, e.to);
    }
    // Few bends: nothing here needs more than four per edge.
    assert!(l.edges.iter().all(|e| e.points.len() <= 6), "{:?}", l.edges.iter().map(|e| &e.points).collect::<Vec<_>>());
    assert!(bends(&l) <= 2 * l.edges.len(), "{}", bends(&l));
}

#[test]
fn edges_stay_inside_the_lowest_common_holder() {
    let mut l = vpc_layout();
    route(&mut l);
    let inside = |id: &str, e: &Edge| {
        let r = l.containers.iter().find(|c| c.id == id).unwrap().rect;
        e.points.iter().all(|p| p[0] >= r.x && p[0] <= r.right() && p[1] >= r.y && p[1] <= r.bottom())
    };
    let find = |f: &str, t: &str| l.edges.iter().find(|e| e.from == f && e.to == t).unwrap();
    assert!(inside("v", find("alb", "web1")));
    assert!(inside("zb", find("web2", "rds")) || inside("v", find("web2", "rds")));
    assert!(inside("r", find("s3", "lambda")));
    assert!(inside("zb", find("web1", "worker")) || inside("v", find("web1", "worker")));
    assert!(inside("v", find("web2", "web1")));
}

#[test]
fn a_container_end_is_touched_not_entered() {
    let mut l = vpc_layout();
    route(&mut l);
    let e = l.edges.iter().find(|e| e.from == "tgw" && e.to == "v").unwrap();
    let v = l.containers.iter().find(|c| c.id == "v").unwrap().rect;
    let last = *e.points.last().unwrap();
    assert!(on_border(last, v), "{:?}", e.points);
    for w in e.points.windows(2) {
        assert!(!interior_hit(w[0], w[1], v), "{:?}", e.points);
    }
}

#[test]
fn edges_leaving_one_side_get_distinct_ports() {
    let mut l = vpc_layout();
    route(&mut l);
    // web1, web2 and worker all go up into rds? No: rds is below; take the
    // three edges into the rds band and check their last points differ.
    let mut ends: Vec<[i32; 2]> = l.edges.iter().filter(|e| e.to == "rds").map(|e| *e.points.last().unwrap()).collect();
    let n = ends.len();
    ends.sort();
    ends.dedup();
    assert_eq!(ends.len(), n, "{ends:?}");
    // Two edges leaving alb for web1/web2 do not share their first segment.
    let firsts: Vec<_> = l.edges.iter().filter(|e| e.from == "alb").map(|e| (e.points[0], e.points[1])).collect();
    for (i, a) in firsts.iter().enumerate() {
        for b in &firsts[i + 1..] {
            assert_ne!(a, b, "{firsts:?}");
        }
    }
}

#[test]
fn parallel_edges_are_separated() {
    // Three edges between the same two columns of nodes run through one
    // channel; none may lie on top of another.
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for k in 0..3 {
        nodes.push(icon(&format!("l{k}"), None, 20, 20 + 100 * k));
        nodes.push(icon(&format!("r{k}"), None, 400, 20 + 100 * (2 - k)));
        edges.push(edge(&format!("l{k}"), &format!("r{k}"), None));
    }
    nodes.push(icon("mid", None, 200, 120));
    let mut l = Layout { width: 500, height: 340, nodes, edges, ..Layout::default() };
    let stats = route(&mut l);
    assert!(violations(&l).is_empty(), "{:?}", violations(&l));
    assert_eq!(stats.fallbacks, 0);
    let mut segs = Vec::new();
    for (i, e) in l.edges.iter().enumerate() {
        for w in e.points.windows(2) {
            segs.push((i, w[0], w[1]));
        }
    }
    for (i, a, b) in &segs {
        for (j, c, d) in &segs {
            if i >= j {
                continue;
            }
            let vertical = a[0] == b[0] && c[0] == d[0] && a[0] == c[0];
            let horizontal = a[1] == b[1] && c[1] == d[1] && a[1] == c[1];
            let overlap = |p: i32, q: i32, r: i32, s: i32| p.min(q).max(r.min(s)) < p.max(q).min(r.max(s));
            if vertical {
                assert!(!overlap(a[1], b[1], c[1], d[1]), "edges {i} {j} overlap: {:?}", l.edges);
            }
            if horizontal {
                assert!(!overlap(a[0], b[0], c[0], d[0]), "edges {i} {j} overlap: {:?}", l.edges);
            }
        }
    }
}

#[test]
fn a_walled_in_edge_falls_back_and_is_counted() {
    // `b` sits inside a ring of nodes with no gap: no path reaches it.
    let mut nodes = vec![icon("a", None, 10, 10), icon("b", None, 200, 200)];
    for (k, (x, y)) in [(152, 152), (200, 152), (248, 152), (152, 200), (248, 200), (152, 248), (200, 248), (248, 248)]
        .into_iter()
        .enumerate()
    {
        let mut n = icon(&format!("w{k}"), None, x, y);
        n.label_box = TextBox::default();
        nodes.push(n);
    }
    nodes[1].label_box = TextBox::default();
    let mut l = Layout { width: 400, height: 400, nodes, edges: vec![edge("a", "b", Some("x"))], ..Layout::default() };
    let stats = route(&mut l);
    assert_eq!(stats.fallbacks, 1);
    let p = &l.edges[0].points;
    assert!(p.len() >= 2 && p.windows(2).all(|w| w[0][0] == w[1][0] || w[0][1] == w[1][1]), "{p:?}");
}

#[test]
fn an_edge_names_a_node_before_a_container_of_the_same_id() {
    // A zone `a` and an ASG `a` in one VPC share their qualified id.
    let mut l = vpc_layout();
    l.nodes.push(band("za", "v", &["a2", "b2"], Rect::new(226, 500, 668, 40)));
    l.edges = vec![edge("za", "web2", None)];
    let stats = route(&mut l);
    assert_eq!(stats, RouteStats::default());
    let band = l.nodes.last().unwrap().rect;
    assert!(on_border(l.edges[0].points[0], band), "{:?}", l.edges[0].points);
}

#[test]
fn unknown_or_self_edges_do_not_panic() {
    let mut l = vpc_layout();
    l.edges = vec![edge("nope", "web1", None), edge("web1", "web1", Some("x")), edge("web1", "web2", None)];
    let stats = route(&mut l);
    assert_eq!(stats.unresolved, 2);
    assert!(l.edges[0].points.is_empty() && l.edges[1].points.is_empty());
    assert!(l.edges[2].points.len() >= 2);
}

#[test]
fn random_grids_route_cleanly_and_deterministically() {
    for seed in 1..=12 {
        let mut l = random_layout(seed, 5, 4, 40);
        let stats = route(&mut l);
        let v = violations(&l);
        assert!(v.is_empty(), "seed {seed}: {v:#?}");
        assert_eq!(stats.fallbacks, 0, "seed {seed}");
        if stats.through_labels == 0 {
            let t = through_labels(&l);
            assert!(t.is_empty(), "seed {seed}: {t:#?}");
        }
        let mut again = random_layout(seed, 5, 4, 40);
        route(&mut again);
        assert_eq!(l, again, "seed {seed}");
    }
}

#[test]
fn a_structured_layout_routes_cleanly() {
    let mut l = structured(2, 2);
    let stats = route(&mut l);
    let v = violations(&l);
    assert!(v.is_empty(), "{:#?}", &v[..v.len().min(20)]);
    assert_eq!(stats.fallbacks, 0);
}

#[test]
#[ignore = "larger: cargo test --release -p archc-layout structured_2000 -- --ignored"]
fn structured_2000_nodes_route_cleanly() {
    let mut l = structured(5, 4);
    let stats = route(&mut l);
    let v = violations(&l);
    assert!(v.is_empty(), "{:#?}", &v[..v.len().min(20)]);
    assert_eq!(stats.fallbacks, 0);
}

#[test]
fn examples_route_cleanly() {
    for (name, text) in EXAMPLES {
        let Some(l) = lay_out_source(name, text) else { panic!("{name} does not lower") };
        let v = violations(&l);
        assert!(v.is_empty(), "{name}: {v:#?}");
        let t = through_labels(&l);
        assert!(t.is_empty(), "{name}: {t:#?}");
        // Routing again from the placed boxes gives the same edges.
        let mut again = l.clone();
        let stats = route(&mut again);
        assert_eq!(stats.fallbacks, 0, "{name}");
        assert_eq!(l.edges, again.edges, "{name}");
    }
}

#[test]
fn examples_drawn_downwards_route_cleanly() {
    let mut lowered = 0;
    for (name, text) in EXAMPLES {
        let down = if text.contains("direction right") {
            text.replace("direction right", "direction down")
        } else {
            format!("direction down\n{text}")
        };
        let Some(l) = lay_out_source(name, &down) else { continue };
        lowered += 1;
        assert_eq!(l.direction, "down", "{name}");
        let v = violations(&l);
        assert!(v.is_empty(), "{name}: {v:#?}");
    }
    assert!(lowered >= 6, "only {lowered} examples lowered with `direction down`");
}

#[test]
fn a_generated_design_routes_cleanly() {
    let text = generated_design(240);
    let Some(mut l) = lay_out_source("generated.arch", &text) else { panic!("the generated design does not lower") };
    assert!(l.edges.len() > 80, "{}", l.edges.len());
    let stats = route(&mut l);
    let v = violations(&l);
    assert!(v.is_empty(), "{:#?}", &v[..v.len().min(20)]);
    assert_eq!(stats.fallbacks + stats.unresolved, 0, "{stats:?}");
}

#[test]
#[ignore = "larger: cargo test --release -p archc-layout generated_2000 -- --ignored"]
fn a_generated_design_of_2000_routes_cleanly() {
    let text = generated_design(2000);
    let Some(mut l) = lay_out_source("generated.arch", &text) else { panic!("the generated design does not lower") };
    let stats = route(&mut l);
    let v = violations(&l);
    assert!(v.is_empty(), "{:#?}", &v[..v.len().min(20)]);
    assert_eq!(stats.fallbacks + stats.unresolved, 0, "{stats:?}");
}

#[test]
fn malformed_layouts_do_not_panic() {
    // Overlapping and zero-sized boxes, a parent cycle, a missing parent, a
    // node outside its container, a container end holding the other end, a
    // band whose subnets do not exist.
    let mut rng = Lcg(99);
    for round in 0..30 {
        let mut containers = vec![
            container("p", "vpc", Some("q"), Rect::new(0, 0, 400, 400)),
            container("q", "region", Some("p"), Rect::new(10, 10, 300, 300)),
            container("s", "subnet", Some("missing"), Rect::new(50, 50, 0, 0)),
            container("t", "subnet", Some("p"), Rect::new(100, 100, 120, 120)),
        ];
        let mut nodes = vec![band("b", "t", &["nope", "t"], Rect::new(90, 130, 200, 40))];
        for k in 0..12 {
            let (x, y) = (rng.next(500) as i32 - 50, rng.next(500) as i32 - 50);
            let parent = ["p", "q", "s", "t", "none"][rng.next(5)];
            let mut n = icon(&format!("n{k}"), Some(parent), x, y);
            if rng.next(4) == 0 {
                n.rect.w = rng.next(3) as i32;
            }
            nodes.push(n);
        }
        containers[round % 4].rect.h = 0;
        let ids: Vec<String> =
            nodes.iter().map(|n| n.id.clone()).chain(containers.iter().map(|c| c.id.clone())).collect();
        let edges = (0..25).map(|_| edge(&ids[rng.next(ids.len())], &ids[rng.next(ids.len())], Some("x y"))).collect();
        let mut l = Layout { width: 450, height: 450, containers, nodes, edges, ..Layout::default() };
        route(&mut l);
        for e in &l.edges {
            assert!(e.points.windows(2).all(|w| w[0][0] == w[1][0] || w[0][1] == w[1][1]), "{:?}", e.points);
        }
    }
}

#[test]
fn labels_are_cut_to_fit_on_one_line() {
    let long = "word ".repeat(20_000);
    let cut = super::labels::cut(&long, 100);
    assert!(cut.ends_with('…'), "{cut}");
    assert!(crate::text::width(&cut, crate::text::EDGE_SIZE, false) <= 100, "{cut}");
    assert!(crate::text::width(&cut, crate::text::EDGE_SIZE, false) >= 80, "{cut}");
    assert_eq!(super::labels::cut("443", 100), "443");
    assert_eq!(super::labels::cut("  two\n words ", 100), "two words");
}
