//! Placement on every example and on a large generated design: geometry
//! invariants the router and the SVG rely on.

use std::collections::BTreeMap;

use archc_core::compile_str;

mod large;

use super::place;
use crate::types::{Container, Layout, Rect};

pub(super) const EXAMPLES: &[(&str, &str)] = &[
    ("blue_green.arch", include_str!("../../../../../examples/blue_green.arch")),
    ("components.arch", include_str!("../../../../../examples/components.arch")),
    ("direct_upload.arch", include_str!("../../../../../examples/direct_upload.arch")),
    ("environments_peered.arch", include_str!("../../../../../examples/environments_peered.arch")),
    ("fargate_microservices.arch", include_str!("../../../../../examples/fargate_microservices.arch")),
    ("hub_and_spoke.arch", include_str!("../../../../../examples/hub_and_spoke.arch")),
    ("image_pipeline.arch", include_str!("../../../../../examples/image_pipeline.arch")),
    ("log_lake.arch", include_str!("../../../../../examples/log_lake.arch")),
    ("multi_region_failover.arch", include_str!("../../../../../examples/multi_region_failover.arch")),
    ("serverless_api.arch", include_str!("../../../../../examples/serverless_api.arch")),
    ("static_site.arch", include_str!("../../../../../examples/static_site.arch")),
    ("three_tier_shop.arch", include_str!("../../../../../examples/three_tier_shop.arch")),
];

pub(super) fn lay(name: &str, text: &str) -> Layout {
    let (_, c) = compile_str(name, text);
    let model = c.checked().unwrap_or_else(|| panic!("{name} lowers without errors: {:#?}", c.diagnostics));
    let refusals = crate::refusals(model, c.proofs().unwrap_or_default(), &c.diagnostics);
    place(model, &refusals)
}

pub(super) fn down(text: &str) -> String {
    let t = text.replace("direction right", "");
    format!("direction down\n{t}")
}

pub(super) fn containers(l: &Layout) -> BTreeMap<&str, &Container> {
    l.containers.iter().map(|c| (c.id.as_str(), c)).collect()
}

/// Every invariant of a placed layout; `name` says which in a failure.
fn check(name: &str, l: &Layout) {
    let by_id = containers(l);
    assert!(l.width > 0 && l.height > 0, "{name}: empty page");
    // Outermost first, and each child inside its parent.
    for (i, c) in l.containers.iter().enumerate() {
        if let Some(p) = &c.parent {
            let at = l.containers.iter().position(|k| &k.id == p);
            assert!(at.is_some_and(|a| a < i), "{name}: {} listed before its parent {p}", c.id);
            let p = by_id[p.as_str()];
            assert!(strictly_inside(&c.rect, &p.rect), "{name}: container {} not inside {}", c.id, p.id);
        }
        let page = Rect::new(0, 0, l.width, l.height);
        assert!(page.contains(&c.rect), "{name}: {} off the page", c.id);
        assert!(c.rect.contains(&c.label_box.rect), "{name}: label of {} outside it", c.id);
        for b in &c.badges {
            assert!(c.rect.contains(&b.rect), "{name}: badge {} outside {}", b.id, c.id);
            assert!(!b.rect.overlaps(&c.label_box.rect), "{name}: badge {} over the label of {}", b.id, c.id);
        }
    }
    for n in &l.nodes {
        let page = Rect::new(0, 0, l.width, l.height);
        assert!(page.contains(&n.rect) && page.contains(&n.label_box.rect), "{name}: {} off the page", n.id);
        let Some(p) = &n.parent else { continue };
        let p = by_id[p.as_str()];
        if n.shape == "border" {
            // Straddles its VPC's border: centre on it, inside the region.
            assert_eq!(p.kind, "vpc", "{name}: {}", n.id);
            let (cx, cy) = (n.rect.x + n.rect.w / 2, n.rect.y + n.rect.h / 2);
            let on_v = (cx == p.rect.x || cx == p.rect.right()) && cy > p.rect.y && cy < p.rect.bottom();
            let on_h = (cy == p.rect.y || cy == p.rect.bottom()) && cx > p.rect.x && cx < p.rect.right();
            assert!(on_v || on_h, "{name}: border node {} not on {}'s border", n.id, p.id);
            let region = by_id[p.parent.as_deref().unwrap_or_default()];
            assert!(strictly_inside(&n.rect, &region.rect), "{name}: {} outside {}", n.id, region.id);
            assert!(region.rect.contains(&n.label_box.rect), "{name}: label of {} outside {}", n.id, region.id);
        } else {
            assert!(strictly_inside(&n.rect, &p.rect), "{name}: node {} not inside {}", n.id, p.id);
            assert!(p.rect.contains(&n.label_box.rect), "{name}: label of {} outside {}", n.id, p.id);
        }
    }
    // No node over a node; no sibling boxes over each other.
    for (i, a) in l.nodes.iter().enumerate() {
        for b in l.nodes.iter().skip(i + 1) {
            assert!(!a.rect.overlaps(&b.rect), "{name}: nodes {} and {} overlap", a.id, b.id);
        }
    }
    for (i, a) in l.containers.iter().enumerate() {
        for b in l.containers.iter().skip(i + 1).filter(|b| b.parent == a.parent) {
            assert!(!a.rect.overlaps(&b.rect), "{name}: containers {} and {} overlap", a.id, b.id);
        }
    }
    // Labels: over no node that is not their own, and not over each other.
    let mut labels: Vec<(&str, Rect)> =
        l.nodes.iter().filter(|n| !n.label_box.lines.is_empty()).map(|n| (n.id.as_str(), n.label_box.rect)).collect();
    labels.extend(
        l.containers.iter().filter(|c| !c.label_box.lines.is_empty()).map(|c| (c.id.as_str(), c.label_box.rect)),
    );
    labels.extend(l.title.iter().map(|t| ("title", t.rect)));
    for (owner, r) in &labels {
        for n in l.nodes.iter().filter(|n| n.id != *owner) {
            assert!(!r.overlaps(&n.rect), "{name}: label of {owner} over node {}", n.id);
        }
    }
    for (i, (a, ra)) in labels.iter().enumerate() {
        for (b, rb) in labels.iter().skip(i + 1) {
            assert!(!ra.overlaps(rb), "{name}: labels of {a} and {b} overlap");
        }
    }
    check_rows(name, l);
    check_bands(name, l);
}

pub(super) fn strictly_inside(inner: &Rect, outer: &Rect) -> bool {
    inner.x > outer.x && inner.y > outer.y && inner.right() < outer.right() && inner.bottom() < outer.bottom()
}

/// Zones are columns; a row key (tier, k-th of the tier in its zone) has
/// the same y and height in every zone of a VPC; a zone's subnets share its
/// column.
pub(super) fn check_rows(name: &str, l: &Layout) {
    let by_id = containers(l);
    let mut rows: BTreeMap<(String, String, usize), (i32, i32)> = BTreeMap::new();
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    for z in l.containers.iter().filter(|c| c.kind == "az") {
        let vpc = z.parent.clone().unwrap_or_default();
        let subs: Vec<&Container> = l.containers.iter().filter(|c| c.parent.as_deref() == Some(&z.id)).collect();
        for s in &subs {
            assert_eq!((s.rect.x, s.rect.w), (subs[0].rect.x, subs[0].rect.w), "{name}: {} off its zone column", s.id);
            let tier = s.tier.clone().unwrap_or_default();
            let k = seen.entry((z.id.clone(), tier.clone())).or_insert(0);
            let key = (vpc.clone(), tier, *k);
            *k += 1;
            let got = (s.rect.y, s.rect.h);
            assert_eq!(*rows.entry(key).or_insert(got), got, "{name}: {} out of its row", s.id);
        }
        let _ = by_id[vpc.as_str()];
    }
    // Tier order downwards within a zone.
    let order = |t: &Option<String>| match t.as_deref() {
        Some("public") => 0,
        Some("private") => 1,
        _ => 2,
    };
    for z in l.containers.iter().filter(|c| c.kind == "az") {
        let mut subs: Vec<&Container> = l.containers.iter().filter(|c| c.parent.as_deref() == Some(&z.id)).collect();
        subs.sort_by_key(|s| s.rect.y);
        assert!(
            subs.windows(2).all(|w| order(&w[0].tier) <= order(&w[1].tier)),
            "{name}: tiers out of order in {}",
            z.id
        );
    }
}

/// A band lies in the row of its topmost subnet, spans exactly the zone
/// columns of its subnets, below the subnet labels, with free space at both
/// ends inside its end subnets.
pub(super) fn check_bands(name: &str, l: &Layout) {
    let by_id = containers(l);
    for b in l.nodes.iter().filter(|n| n.shape == "band") {
        let subs: Vec<&Container> = b.placed_in.iter().filter_map(|s| by_id.get(s.as_str()).copied()).collect();
        assert!(!subs.is_empty(), "{name}: band {} in no subnet", b.id);
        let top = subs.iter().map(|s| s.rect.y).min().unwrap_or_default();
        let row = subs.iter().find(|s| s.rect.y == top).map(|s| s.rect).unwrap_or_default();
        let left = subs.iter().map(|s| s.rect.x).min().unwrap_or_default();
        let right = subs.iter().map(|s| s.rect.right()).max().unwrap_or_default();
        assert!(b.rect.y > row.y && b.rect.bottom() < row.bottom(), "{name}: band {} out of its row", b.id);
        assert!(b.rect.x > left && b.rect.x < left + row.w, "{name}: band {} starts outside its first column", b.id);
        assert!(
            b.rect.right() < right && b.rect.right() > right - row.w,
            "{name}: band {} ends outside its last column",
            b.id
        );
        assert!(
            b.rect.x - left >= 16 && right - b.rect.right() >= 16,
            "{name}: band {} leaves no room at its ends",
            b.id
        );
        for s in l.containers.iter().filter(|c| c.kind == "subnet") {
            assert!(!b.rect.overlaps(&s.label_box.rect), "{name}: band {} over the label of {}", b.id, s.id);
        }
        assert!(b.label_box.rect.x >= b.rect.x + 32 && b.rect.contains(&b.label_box.rect), "{name}: {}", b.id);
    }
}

#[test]
fn every_example_is_placed_within_its_invariants() {
    for (name, text) in EXAMPLES {
        let l = lay(name, text);
        assert!(!l.nodes.is_empty() && !l.containers.is_empty(), "{name}");
        check(name, &l);
        let again = lay(name, text);
        assert_eq!(l, again, "{name}: not deterministic");
        let d = lay(name, &down(text));
        assert_eq!(d.direction, "down");
        check(&format!("{name} (down)"), &d);
        for page in [&l, &d] {
            let aspect = f64::from(page.width) / f64::from(page.height);
            assert!((0.5..=2.0).contains(&aspect), "{name} ({}): aspect {aspect}", page.direction);
        }
    }
}

#[test]
fn the_shop_is_drawn_as_aws_draws_it() {
    let (name, text) = EXAMPLES[11];
    let l = lay(name, text);
    let by_id = containers(&l);
    let node = |id: &str| l.nodes.iter().find(|n| n.id == id).unwrap_or_else(|| panic!("{id}"));
    assert_eq!(l.containers[0].id, "aws");
    assert_eq!(by_id["ap-northeast-2.shop"].label, "shop 10.20.0.0/16");
    assert_eq!(by_id["ap-northeast-2.shop.a"].label, "Availability Zone a");
    assert_eq!(by_id["ap-northeast-2.shop.a.pub_a"].label, "pub_a 10.20.0.0/24");
    // The shoppers are left of the cloud; the IGW on the VPC's left border.
    let vpc = by_id["ap-northeast-2.shop"].rect;
    assert!(node("shoppers").rect.right() < l.containers[0].rect.x);
    let igw = l.nodes.iter().find(|n| n.kind == "igw").expect("igw");
    assert_eq!(igw.rect.x + igw.rect.w / 2, vpc.x);
    // The data ACL is a badge on both data subnets, not a node.
    assert!(l.nodes.iter().all(|n| n.kind != "nacl"));
    for s in ["ap-northeast-2.shop.a.data_a", "ap-northeast-2.shop.c.data_c"] {
        assert_eq!(by_id[s].badges.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(), ["ap-northeast-2.shop.data_acl"]);
    }
    // The ALB is one band over both public subnets, parent the VPC.
    let web = node("ap-northeast-2.shop.web");
    assert_eq!((web.shape.as_str(), web.parent.as_deref()), ("band", Some("ap-northeast-2.shop")));
    assert_eq!(web.placed_in, ["ap-northeast-2.shop.a.pub_a", "ap-northeast-2.shop.c.pub_c"]);
    assert_eq!(node("ap-northeast-2.shop.a.pub_a.nat_a").parent.as_deref(), Some("ap-northeast-2.shop.a.pub_a"));
    assert_eq!(node("cdn").parent.as_deref(), Some("aws"));
    assert_eq!(node("ap-northeast-2.media").parent.as_deref(), Some("ap-northeast-2"));
    // Two bands in the data row stack as lanes.
    let (orders, sessions) = (node("ap-northeast-2.shop.orders"), node("ap-northeast-2.shop.sessions"));
    assert_eq!(orders.rect.x, sessions.rect.x);
    assert!(orders.rect.bottom() < sessions.rect.y || sessions.rect.bottom() < orders.rect.y);
    // Edges: the flows in order, then the links.
    let kinds: Vec<(&str, &str, &str)> =
        l.edges.iter().map(|e| (e.from.as_str(), e.to.as_str(), e.kind.as_str())).collect();
    assert_eq!(kinds[0], ("shoppers", "shop_dns", "flow"));
    // CloudFront reading S3 is an integration; to the ALB, network traffic.
    assert!(kinds.contains(&("cdn", "ap-northeast-2.media", "integration")), "{kinds:?}");
    assert!(kinds.contains(&("cdn", "ap-northeast-2.shop.web", "flow")), "{kinds:?}");
    assert!(kinds.contains(&("shop_dns", "cdn", "alias")));
    assert!(kinds.contains(&("edge_acl", "cdn", "protects")));
    assert!(l.nodes.iter().any(|n| n.kind == "internet"), "the internet is drawn: a flow goes there");
    assert_eq!(l.edges[1].label.as_deref(), Some("browse and buy"));
    assert_eq!(l.edges[1].ports.as_deref(), Some("443"));
    // Ports not written: no label, the natural port still given.
    let web_app = l.edges.iter().find(|e| e.to == "ap-northeast-2.shop.app").expect("web -> app");
    assert_eq!((web_app.label.as_deref(), web_app.ports.as_deref()), (Some("HTTP, port 8000"), Some("8000")));
    let to_db = l.edges.iter().find(|e| e.to == "ap-northeast-2.shop.orders").expect("app -> orders");
    assert_eq!(to_db.ports.as_deref(), Some("5432"));
    assert!(l.edges.iter().all(|e| e.points.is_empty()));
    assert_eq!(l.title.as_ref().map(|t| t.lines.clone()), Some(vec!["Web shop — production".to_string()]));
}

#[test]
fn queues_feeding_functions_are_integrations() {
    let (name, text) = EXAMPLES[9];
    let l = lay(name, text);
    let kind = |from: &str, to: &str| {
        l.edges.iter().find(|e| e.from.ends_with(from) && e.to.ends_with(to)).map(|e| e.kind.as_str())
    };
    assert_eq!(kind("new_orders", "fulfil"), Some("integration"));
    assert_eq!(kind("api", "list_orders"), Some("integration"));
    assert_eq!(kind("clients", "api"), Some("flow"));
    assert_eq!(kind("create_order", "new_orders"), Some("flow"));
}

#[test]
fn direction_down_puts_the_outside_on_top() {
    let (name, text) = EXAMPLES[11];
    let l = lay(name, &down(text));
    let cloud = l.containers[0].rect;
    let shoppers = l.nodes.iter().find(|n| n.id == "shoppers").expect("shoppers");
    assert!(shoppers.label_box.rect.bottom() < cloud.y, "{shoppers:?} {cloud:?}");
    let vpc = containers(&l)["ap-northeast-2.shop"].rect;
    let igw = l.nodes.iter().find(|n| n.kind == "igw").expect("igw");
    assert_eq!(igw.rect.y + igw.rect.h / 2, vpc.y, "the IGW on the VPC's top border");
    let ep = l.nodes.iter().find(|n| n.kind == "endpoint").expect("endpoint");
    assert_eq!(ep.rect.y + ep.rect.h / 2, vpc.bottom(), "endpoints on the bottom border");
}

#[test]
fn refused_flows_carry_their_codes() {
    let text = "region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    az a {\n      private subnet p 10.0.1.0/24 { ec2 web { port: 80 } }\n    }\n  }\n}\nusers u\nu -> web : http\n";
    let (_, c) = compile_str("r.arch", text);
    let model = c.checked().expect("lowers");
    let refusals = crate::refusals(model, c.proofs().unwrap_or_default(), &c.diagnostics);
    let l = place(model, &refusals);
    let e = l.edges.iter().find(|e| e.from == "u").expect("the flow");
    assert_eq!(e.refused.is_empty(), refusals.is_empty(), "{:?}", c.diagnostics);
    assert_eq!(e.label.as_deref(), Some("80"));
    check("refused", &l);
}

pub(super) const ODD: &str = r#"
title "Odd shapes"
users u
onprem office 192.168.0.0/16
region us-east-1 {
  vpc empty 10.9.0.0/16
  vpc zoned_but_empty 10.8.0.0/16 {
    az a
  }
  vpc odd_one_with_a_very_long_name_that_goes_on_and_on 10.7.0.0/16 {
    igw
    az a {
      isolated subnet iso_first_with_a_long_label_indeed 10.7.9.0/24
      public subnet pub_a 10.7.0.0/24 {
        ec2 one { port: 80 }
        ec2 two { port: 80 }
        ec2 three_with_a_label_long_enough_to_wrap_over_lines { port: 80 }
      }
      private subnet priv_a 10.7.1.0/24
      private subnet priv_a2 10.7.2.0/24
    }
    az b {
      public subnet pub_b 10.7.3.0/24
    }
    az c {
      private subnet priv_c 10.7.4.0/24
    }
    lambda fn_across in pub_a, priv_c { runtime: python3.12 }
    internal alb only_b in pub_b, pub_a { listen: 80 }
    efs share in priv_a2
    gateway endpoint s3_ep s3
    gateway endpoint ddb_ep dynamodb
    interface endpoint sqs_ep sqs in priv_a, priv_c
    interface endpoint sns_ep sns in priv_a, priv_c
    nacl guard in pub_a, pub_b, priv_c {
      allow in 100 443 from 0.0.0.0/0
    }
    nacl second_guard_with_long_name in pub_a {
      allow in 100 80 from 0.0.0.0/0
    }
  }
  sqs jobs
}
u -> one : 80
office -> fn_across : 443
one -> jobs
"#;

#[test]
fn odd_shapes_keep_the_invariants() {
    for text in [ODD.to_string(), down(ODD)] {
        let l = lay("odd.arch", &text);
        check("odd", &l);
        let by_id = containers(&l);
        let node = |id: &str| l.nodes.iter().find(|n| n.id.ends_with(id)).unwrap_or_else(|| panic!("{id}"));
        // The lambda in subnets of two rows and two zones: in the first row,
        // across zones a..c, parent the VPC.
        let f = node(".fn_across");
        assert_eq!(f.shape, "band");
        assert_eq!(f.parent.as_deref(), Some("us-east-1.odd_one_with_a_very_long_name_that_goes_on_and_on"));
        // One subnet: parent the subnet.
        assert_eq!(
            node(".share").parent.as_deref(),
            Some("us-east-1.odd_one_with_a_very_long_name_that_goes_on_and_on.a.priv_a2")
        );
        // Public above private above isolated, whatever the declaration order.
        let y = |id: &str| by_id.iter().find(|(k, _)| k.ends_with(id)).map(|(_, c)| c.rect.y).unwrap_or_default();
        assert!(
            y(".pub_a") < y(".priv_a")
                && y(".priv_a") < y(".priv_a2")
                && y(".priv_a2") < y(".iso_first_with_a_long_label_indeed")
        );
        assert_eq!(y(".pub_a"), y(".pub_b"));
        assert_eq!(y(".priv_a"), y(".priv_c"));
        assert!(l.nodes.iter().all(|n| n.kind != "internet"), "no edge touches the internet");
        let onprem = node("office");
        let users = node("u");
        assert!(onprem.rect.y > users.rect.y || onprem.rect.x > users.rect.x, "on-premises after users");
    }
}

#[test]
fn a_long_title_wraps_and_the_picture_starts_below_it() {
    let title = "word ".repeat(2000);
    let l = lay("t.arch", &format!("title \"{title}\"\n{ODD}").replace("title \"Odd shapes\"\n", ""));
    let t = l.title.as_ref().expect("title");
    assert_eq!(t.lines.len(), crate::text::MAX_LINES);
    assert!(t.rect.w <= 960 && t.lines.last().is_some_and(|l| l.ends_with('…')), "{t:?}");
    assert!(l.containers.iter().all(|c| c.rect.y > t.rect.bottom()));
    assert!(l.width < 4000, "{}", l.width);
    check("long title", &l);
}

#[test]
fn a_hub_vpc_stands_in_the_middle_of_its_spokes() {
    let mut text = String::from("region us-east-1 {\n  vpc hub 172.16.0.0/16 {\n    az a { private subnet hub_s 172.16.0.0/24 { ec2 hub_vm } }\n  }\n");
    for i in 0..14 {
        text.push_str(&format!(
            "  vpc v{i} 10.0.{i}.0/24 {{\n    az a {{ private subnet s{i} 10.0.{i}.0/28 {{ ec2 vm{i} }} }}\n  }}\n"
        ));
    }
    text.push_str("}\n");
    for i in 0..14 {
        text.push_str(&format!("peering p{i} hub <-> v{i}\nvm{i} -> hub_vm : 443\n"));
    }
    let l = lay("star.arch", &text);
    check("star", &l);
    let centre = |c: &Container| (c.rect.x + c.rect.w / 2, c.rect.y + c.rect.h / 2);
    let vpcs: Vec<(i32, i32)> = l.containers.iter().filter(|c| c.kind == "vpc").map(centre).collect();
    let hub = l.containers.iter().find(|c| c.id == "us-east-1.hub").map(centre).expect("hub");
    let (xs, ys): (Vec<i32>, Vec<i32>) = vpcs.iter().copied().unzip();
    let inner = |v: i32, all: &[i32]| all.iter().any(|a| *a < v) && all.iter().any(|a| *a > v);
    assert!(inner(hub.0, &xs) && inner(hub.1, &ys), "hub at {hub:?} among {vpcs:?}");
}

#[test]
fn a_queue_that_many_functions_feed_stands_in_the_middle_of_them() {
    let mut text = String::from("region us-east-1 {\n");
    for i in 0..24 {
        text.push_str(&format!("  lambda f{i}\n"));
    }
    text.push_str("  sqs q\n}\n");
    for i in 0..24 {
        text.push_str(&format!("f{i} -> q \"message {i}\"\n"));
    }
    let l = lay("fan_in.arch", &text);
    check("fan-in", &l);
    let q = l.nodes.iter().find(|n| n.id == "us-east-1.q").expect("queue").rect;
    let inner = |v: i32, pick: fn(&Rect) -> i32| {
        l.nodes.iter().any(|n| pick(&n.rect) < v) && l.nodes.iter().any(|n| pick(&n.rect) > v)
    };
    assert!(inner(q.x, |r| r.x) && inner(q.y, |r| r.y), "queue at {q:?}");
}

#[test]
fn long_names_are_cut_and_keep_the_page_small() {
    let long = "n".repeat(3000);
    let words = "word ".repeat(1000);
    let text = format!(
        "region us-east-1 {{\n  label: \"{words}\"\n  vpc v 10.0.0.0/16 {{\n    label: \"{words}\"\n    az a {{\n      label: \"{words}\"\n      private subnet {long} 10.0.1.0/24 {{\n        label: \"{words}\"\n        ec2 box {{ label: \"{words}\" }}\n      }}\n    }}\n    alb lb in {long} {{\n      label: \"{words}\"\n      listen: 80\n    }}\n    nacl guard in {long} {{\n      label: \"{words}\"\n      allow in 100 80 from 0.0.0.0/0\n    }}\n  }}\n}}\n"
    );
    let l = lay("long.arch", &text);
    check("long names", &l);
    assert!(l.width < 2000 && l.height < 2000, "{}×{}", l.width, l.height);
    let subnet = l.containers.iter().find(|c| c.kind == "subnet").expect("subnet");
    assert!(subnet.label_box.lines.iter().all(|t| t.ends_with('…')), "{:?}", subnet.label_box);
    assert!(subnet.badges.iter().all(|b| b.label.ends_with('…') && b.rect.w <= 140), "{:?}", subnet.badges);
}

#[test]
fn a_band_skipping_a_zone_gets_its_zones_side_by_side() {
    let mut text = String::from("region us-east-1 {\n  vpc v 10.0.0.0/16 {\n");
    for (i, z) in ["a", "b", "c"].iter().enumerate() {
        text.push_str(&format!(
            "    az {z} {{\n      public subnet pub_{z} 10.0.{i}.0/24\n      private subnet app_{z} 10.0.1{i}.0/24\n    }}\n"
        ));
    }
    text.push_str(
        "    internal alb lb in pub_a, pub_c { listen: 80 }\n    asg app in app_a, app_b, app_c { port: 80 }\n  }\n}\n",
    );
    let l = lay("skip.arch", &text);
    check("skip", &l);
    let lb = l.nodes.iter().find(|n| n.id == "us-east-1.v.lb").expect("lb").rect;
    for c in l.containers.iter().filter(|c| c.kind == "subnet") {
        let own = c.id.ends_with("pub_a") || c.id.ends_with("pub_c");
        assert!(own || !lb.overlaps(&c.rect), "the ALB crosses {}", c.id);
    }
    // Declaration order stays where nothing is crossed.
    let l = lay("skip.arch", &text.replace("pub_a, pub_c", "pub_a, pub_b"));
    let x = |id: &str| l.containers.iter().find(|c| c.id == id).map(|c| c.rect.x).unwrap_or_default();
    assert!(x("us-east-1.v.a") < x("us-east-1.v.b") && x("us-east-1.v.b") < x("us-east-1.v.c"));
}

#[test]
fn an_empty_design_is_an_empty_page() {
    let l = lay("e.arch", "users u\n");
    assert_eq!(l.nodes.len(), 1);
    assert!(l.containers.is_empty());
    check("empty", &l);
}
