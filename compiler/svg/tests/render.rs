//! The writer on hand-made layouts: structure for machines, escaping,
//! determinism, both themes, user icons; PNGs in /tmp for review.

mod support;

use archc_layout::text;
use archc_layout::{Anchor, Layout};
use archc_svg::{render, Icon, Options, Theme};
use support::{container, edge, groups, icon, parse, png, text_box, three_tier, title_of};

#[test]
fn root_carries_size_role_title_and_summary() {
    let layout = three_tier();
    let svg = render(&layout, &Options::default());
    let doc = parse(&svg);
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("width"), Some("1100"));
    assert_eq!(root.attribute("height"), Some("720"));
    assert_eq!(root.attribute("viewBox"), Some("0 0 1100 720"));
    assert_eq!(root.attribute("role"), Some("img"));
    assert_eq!(root.attribute("font-family"), Some(text::FONT_FAMILY));
    assert_eq!(title_of(root), "Three-tier shop");
    let desc = root.children().find(|c| c.has_tag_name("desc")).and_then(|d| d.text()).unwrap_or_default();
    assert_eq!(desc, "11 resources, 4 flows (1 refused), 3 connections, 11 containers.");
    let untitled = render(&Layout { title: None, ..Layout::default() }, &Options::default());
    assert_eq!(title_of(parse(&untitled).root_element()), "Architecture diagram");
}

#[test]
fn every_node_container_and_edge_is_a_tagged_group() {
    let layout = three_tier();
    let svg = render(&layout, &Options::default());
    let doc = parse(&svg);
    let nodes = groups(&doc, "node");
    let ids: Vec<_> = nodes.iter().filter_map(|n| n.attribute("data-id")).collect();
    let expected: Vec<_> = layout.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, expected);
    for (g, n) in nodes.iter().zip(&layout.nodes) {
        assert_eq!(g.attribute("data-kind"), Some(n.kind.as_str()));
        assert!(title_of(*g).starts_with(&format!("{} ({})", n.label, n.kind)), "{}", title_of(*g));
    }
    assert!(title_of(nodes[4]).ends_with("\nThe app servers"));
    let containers = groups(&doc, "container");
    let ids: Vec<_> = containers.iter().filter_map(|n| n.attribute("data-id")).collect();
    let expected: Vec<_> = layout.containers.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(containers[2].attribute("data-kind"), Some("vpc"));
    let edges = groups(&doc, "edge");
    assert_eq!(edges.len(), layout.edges.len());
    for (g, e) in edges.iter().zip(&layout.edges) {
        assert_eq!(g.attribute("data-from"), Some(e.from.as_str()));
        assert_eq!(g.attribute("data-to"), Some(e.to.as_str()));
        assert_eq!(g.attribute("data-kind"), Some(e.kind.as_str()));
    }
    // The refused flow: red, dashed, its code on the group and its message in the title.
    let refused = edges[2];
    assert_eq!(refused.attribute("data-refused"), Some("E0401"));
    assert!(title_of(refused).contains("E0401: flow app_1 -> db is blocked"), "{}", title_of(refused));
    let path = refused.children().find(|c| c.has_tag_name("path")).expect("a path");
    assert_eq!(path.attribute("stroke"), Some("#D13212"));
    assert!(path.attribute("stroke-dasharray").is_some());
    assert!(edges[0].attribute("data-refused").is_none());
    let blocked = |g: roxmltree::Node| g.descendants().any(|c| c.attribute("class") == Some("blocked"));
    assert!(blocked(refused) && !blocked(edges[0]), "the refused flow carries the crossed circle");
    // The badge of the network ACL.
    assert_eq!(groups(&doc, "badge").len(), 2);
}

#[test]
fn draw_order_is_containers_edges_nodes_then_edge_labels() {
    let svg = render(&three_tier(), &Options::default());
    let doc = parse(&svg);
    let order: Vec<_> = doc.root_element().children().filter_map(|c| c.attribute("class")).collect();
    let rank = |class: &str| match class {
        "container" => 0,
        "edge" => 1,
        "node" => 2,
        "edge-label" => 3,
        _ => 9,
    };
    let ranks: Vec<_> = order.iter().map(|c| rank(c)).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    assert_eq!(order.iter().filter(|c| **c == "edge-label").count(), 4);
}

#[test]
fn user_strings_are_text_never_markup() {
    let evil = "<script>alert(\"x\") & 'y'</script>";
    let mut layout = three_tier();
    layout.title = Some(text_box(10, 10, evil, text::TITLE_SIZE, Anchor::Start, true));
    layout.nodes[0].label = evil.into();
    layout.nodes[0].label_box.lines = vec![evil.into(), "\u{0}bell\u{7}".into()];
    layout.nodes[0].description = Some(evil.into());
    layout.nodes[0].id = format!("id{evil}");
    layout.nodes[0].kind = format!("kind{evil}");
    layout.containers[0].label_box.lines = vec![evil.into()];
    layout.containers[0].id = evil.into();
    layout.containers[0].badges.push(archc_layout::Badge {
        id: evil.into(),
        kind: evil.into(),
        label: evil.into(),
        rect: Default::default(),
    });
    layout.edges[0].label_box.as_mut().expect("label").lines = vec![evil.into()];
    layout.edges[0].from = evil.into();
    layout.edges[0].refused = vec![evil.into()];
    layout.edges[0].refused_messages = vec![evil.into()];
    let svg = render(&layout, &Options::default());
    assert!(!svg.to_lowercase().contains("<script"), "{svg}");
    let doc = parse(&svg);
    assert!(!doc.descendants().any(|n| n.has_tag_name("script")));
    // Text nodes and attributes both come back as the user wrote them.
    let texts: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("text")).filter_map(|n| n.text()).collect();
    assert!(texts.iter().filter(|t| **t == evil).count() >= 4, "{texts:?}");
    assert!(texts.contains(&"bell"), "control characters are dropped: {texts:?}");
    let node = groups(&doc, "node")[0];
    assert_eq!(node.attribute("data-id"), Some(format!("id{evil}").as_str()));
    assert_eq!(node.attribute("data-kind"), Some(format!("kind{evil}").as_str()));
    assert!(title_of(node).starts_with(&format!("{evil} (kind{evil})")));
    assert_eq!(groups(&doc, "container")[0].attribute("data-id"), Some(evil));
    assert_eq!(groups(&doc, "edge")[0].attribute("data-from"), Some(evil));
    assert_eq!(groups(&doc, "edge")[0].attribute("data-refused"), Some(evil));
    assert_eq!(title_of(doc.root_element()), evil);
    png(&svg, 1.0, "/tmp/svgw-escape.png");
}

#[test]
fn output_is_deterministic_and_whole_numbers_come_from_the_layout() {
    let layout = three_tier();
    let options = Options::default();
    let a = render(&layout, &options);
    assert_eq!(a, render(&layout.clone(), &options.clone()));
    let doc = parse(&a);
    for n in doc.descendants().filter(|n| n.has_tag_name("rect") || n.has_tag_name("text")) {
        for name in ["x", "y", "width", "height"] {
            if let Some(v) = n.attribute(name) {
                assert!(v.parse::<i32>().is_ok(), "{name}={v}");
            }
        }
    }
}

#[test]
fn user_icons_are_embedded_by_id_before_kind() {
    let user_svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><rect id="a" width="10" height="10" fill="#0a0"/></svg>"##;
    let other = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#00f"/></svg>"##;
    let mut icons = std::collections::BTreeMap::new();
    icons.insert("ec2".to_string(), Icon { svg: user_svg.into() });
    icons.insert("eu-west-1.shop.app_2".to_string(), Icon { svg: other.into() });
    let layout = three_tier();
    let svg = render(&layout, &Options { theme: Theme::Light, icons });
    assert!(!svg.contains("<script"), "the icon is base64, never inline markup");
    let doc = parse(&svg);
    // Each icon file once, however many nodes show it.
    let images: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("image")).collect();
    assert_eq!(images.len(), 2);
    for image in &images {
        assert!(image.attribute("href").unwrap_or_default().starts_with("data:image/svg+xml;base64,PHN2Zy"));
    }
    let symbol_of = |id: &str| {
        let node = groups(&doc, "node").into_iter().find(|g| g.attribute("data-id") == Some(id)).expect(id);
        let href = node.descendants().find(|u| u.has_tag_name("use")).and_then(|u| u.attribute("href")).expect("use");
        let symbol = doc.descendants().find(|s| s.attribute("id") == Some(href.trim_start_matches('#'))).expect(href);
        symbol.children().find(|c| c.has_tag_name("image")).and_then(|i| i.attribute("href")).map(String::from)
    };
    let (kind_icon, own_icon) = (symbol_of("eu-west-1.shop.app_1"), symbol_of("eu-west-1.shop.app_2"));
    assert!(kind_icon.is_some() && own_icon.is_some());
    assert_ne!(kind_icon, own_icon, "app_2's own icon wins over the kind's");
    assert!(symbol_of("eu-west-1.assets").is_none(), "s3 keeps archc's glyph");
    png(&svg, 1.0, "/tmp/svgw-user-icons.png");
}

#[test]
fn empty_and_degenerate_layouts_still_make_a_document() {
    let mut layout = Layout::default();
    layout.containers.push(container("x", "weird", "", None, None, archc_layout::Rect::new(0, 0, -5, -5)));
    layout.nodes.push(icon("n", "", "", "", 0, 0));
    layout.edges.push(edge("a", "b", "unknown", &[], None));
    layout.edges.push(edge("a", "b", "flow", &[[1, 1]], Some("x")));
    let svg = render(&layout, &Options::default());
    parse(&svg);
    png(&svg, 1.0, "/tmp/svgw-degenerate.png");
}

#[test]
fn a_large_diagram_stays_compact() {
    let kinds = ["ec2", "alb", "rds", "s3", "lambda", "sqs", "users", "mystery"];
    let mut layout = Layout { width: 20_000, height: 20_000, ..Layout::default() };
    for i in 0..5_000i32 {
        let kind = kinds[i as usize % kinds.len()];
        let (x, y) = ((i % 100) * 150, (i / 100) * 150);
        layout.nodes.push(icon(&format!("n{i}"), kind, support::category(kind), &format!("node {i}"), x, y));
        layout.edges.push(edge(
            &format!("n{i}"),
            &format!("n{}", i + 1),
            "flow",
            &[[x + 48, y + 24], [x + 100, y + 24], [x + 100, y + 60], [x + 150, y + 60]],
            Some("443"),
        ));
    }
    let start = std::time::Instant::now();
    let svg = render(&layout, &Options::default());
    let took = start.elapsed();
    println!("5,000 nodes and edges: {} bytes in {took:?}", svg.len());
    assert!(svg.len() < 5_000 * 1_600, "{} bytes", svg.len());
    assert_eq!(svg.matches("<symbol").count(), kinds.len());
    parse(&svg);
}

#[test]
fn extreme_coordinates_do_not_overflow() {
    let mut layout = three_tier();
    let far = i32::MAX - 1;
    for n in &mut layout.nodes {
        n.rect = archc_layout::Rect::new(far, i32::MIN, far, far);
        n.label_box.rect = n.rect;
        n.label_box.size = i32::MAX;
    }
    for c in &mut layout.containers {
        c.rect = archc_layout::Rect::new(i32::MIN, far, far, i32::MIN);
    }
    for e in &mut layout.edges {
        e.points = vec![[far, far], [i32::MIN, far], [i32::MIN, i32::MIN], [far, i32::MIN]];
        e.refused = vec!["E0401".into()];
    }
    layout.width = i32::MAX;
    parse(&render(&layout, &Options::default()));
}

#[test]
fn only_edges_carry_data_from() {
    let layout = three_tier();
    let svg = render(&layout, &Options::default());
    let doc = parse(&svg);
    let with_from = doc.descendants().filter(|n| n.attribute("data-from").is_some()).count();
    assert_eq!(with_from, layout.edges.len());
    let labels = groups(&doc, "edge-label");
    assert_eq!(labels[0].attribute("data-edge-from"), Some("users"));
    assert_eq!(labels[0].attribute("data-edge-to"), Some("eu-west-1.shop.web"));
}

#[test]
fn an_edge_title_says_its_ports_once() {
    let mut layout = three_tier();
    layout.edges[0].ports = Some("443".into());
    layout.edges[1].ports = Some("8080-8081".into());
    let svg = render(&layout, &Options::default());
    let doc = parse(&svg);
    let edges = groups(&doc, "edge");
    assert_eq!(title_of(edges[0]), "users → eu-west-1.shop.web (flow)\n443");
    assert_eq!(title_of(edges[1]), "eu-west-1.shop.web → eu-west-1.shop.app_2 (flow)\n8080\nports 8080-8081");
}

#[test]
fn one_large_icon_on_many_nodes_is_embedded_once() {
    let big = format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><!--{}--></svg>", "x".repeat(200_000));
    let mut layout = Layout { width: 10_000, height: 10_000, ..Layout::default() };
    for i in 0..2_000 {
        layout.nodes.push(icon(&format!("n{i}"), "ec2", "compute", "vm", (i % 50) * 100, (i / 50) * 100));
    }
    let mut icons = std::collections::BTreeMap::new();
    icons.insert("ec2".to_string(), Icon { svg: big });
    let svg = render(&layout, &Options { theme: Theme::Light, icons });
    assert_eq!(svg.matches("<image").count(), 1);
    assert_eq!(svg.matches("<use").count(), 2_000);
    // The icon twice (href and xlink:href, ~270 KB each) and ~400 bytes a node.
    assert!(svg.len() < 1_600_000, "{} bytes", svg.len());
}

#[test]
fn a_node_title_names_its_subnets_and_a_glyph_is_centred_in_its_box() {
    let mut layout = three_tier();
    layout.nodes[3].placed_in = vec!["eu-west-1.shop.web_a".into(), "eu-west-1.shop.web_b".into()];
    layout.nodes[7].rect.w = 60;
    let svg = render(&layout, &Options::default());
    let doc = parse(&svg);
    let nodes = groups(&doc, "node");
    assert_eq!(title_of(nodes[3]), "web (alb) (alb)\nin eu-west-1.shop.web_a, eu-west-1.shop.web_b");
    let glyph = nodes[7].descendants().find(|u| u.has_tag_name("use")).expect("a glyph");
    assert_eq!((glyph.attribute("x"), glyph.attribute("width")), (Some("886"), Some("48")));
}
