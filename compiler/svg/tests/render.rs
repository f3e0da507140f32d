//! The writer on hand-made layouts: structure for machines, escaping,
//! determinism, both themes, user icons; PNGs in /tmp for review.

mod support;

use archc_layout::text;
use archc_layout::{Anchor, Layout};
use archc_svg::{render, Icon, Options, Theme};
use support::{container, edge, icon, png, png_region, text_box, three_tier};

fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("the SVG is XML: {e}\n{svg}"))
}

fn groups<'a>(doc: &'a roxmltree::Document<'a>, class: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants().filter(|n| n.has_tag_name("g") && n.attribute("class") == Some(class)).collect()
}

fn title_of(node: roxmltree::Node) -> String {
    node.children().find(|c| c.has_tag_name("title")).and_then(|t| t.text()).unwrap_or_default().to_string()
}

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
fn edge_styles_follow_their_kind() {
    let svg = render(&three_tier(), &Options::default());
    let doc = parse(&svg);
    let stroke = |kind: &str| {
        let g = groups(&doc, "edge").into_iter().find(|g| g.attribute("data-kind") == Some(kind)).expect(kind);
        let p = g.children().find(|c| c.has_tag_name("path")).expect("path");
        (
            p.attribute("stroke").map(String::from),
            p.attribute("stroke-dasharray").is_some(),
            p.attribute("marker-end").map(String::from),
        )
    };
    assert_eq!(stroke("flow"), (Some("#545B64".into()), false, Some("url(#archc-arrow-light)".into())));
    assert_eq!(stroke("integration"), (Some("#E7157B".into()), true, Some("url(#archc-open-light)".into())));
    assert_eq!(stroke("vpn"), (Some("#00A4A6".into()), true, None));
    assert_eq!(stroke("attachment"), (Some("#00A4A6".into()), false, None));
    assert!(stroke("alias").1);
    for id in ["archc-arrow-light", "archc-open-light", "archc-refused-light"] {
        assert!(doc.descendants().any(|n| n.has_tag_name("marker") && n.attribute("id") == Some(id)), "{id}");
    }
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
fn both_themes_draw_and_differ() {
    let layout = three_tier();
    let light = render(&layout, &Options::default());
    let dark = render(&layout, &Options { theme: Theme::Dark, ..Options::default() });
    assert_ne!(light, dark);
    assert!(light.contains("fill=\"#FFFFFF\""));
    assert!(dark.contains("fill=\"#0F1B2A\""));
    assert_eq!(Theme::from_name("dark"), Some(Theme::Dark));
    assert_eq!(Theme::from_name("sepia"), None);
    png(&light, 1.0, "/tmp/svgw-three-tier.png");
    png(&dark, 1.0, "/tmp/svgw-three-tier-dark.png");
    png_region(&light, archc_layout::Rect::new(180, 150, 620, 420), 2.0, "/tmp/svgw-three-tier-zoom.png");
    png_region(&dark, archc_layout::Rect::new(180, 150, 620, 420), 2.0, "/tmp/svgw-three-tier-dark-zoom.png");
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
fn glyphs_are_defined_once_and_every_use_finds_its_symbol() {
    let svg = render(&three_tier(), &Options::default());
    let doc = parse(&svg);
    let symbols: Vec<_> =
        doc.descendants().filter(|n| n.has_tag_name("symbol")).filter_map(|n| n.attribute("id")).collect();
    let mut unique = symbols.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), symbols.len(), "{symbols:?}");
    // ec2 is used twice, drawn once; every node kind of the picture is there.
    assert!(symbols.contains(&"archc-ec2-ED7100") && symbols.contains(&"archc-users-7D8998"), "{symbols:?}");
    let uses: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("use")).collect();
    assert_eq!(uses.len(), three_tier().nodes.len());
    for u in uses {
        let href = u.attribute("href").unwrap_or_default();
        assert!(symbols.contains(&href.trim_start_matches('#')), "{href}");
    }
    // A kind without a glyph of its own gets the generic one.
    let mut layout = three_tier();
    layout.nodes[0].kind = "quantum-ledger".into();
    assert!(render(&layout, &Options::default()).contains("id=\"archc-generic-7D8998\""));
}

#[test]
fn marker_ids_name_the_theme() {
    let dark = render(&three_tier(), &Options { theme: Theme::Dark, ..Options::default() });
    assert!(dark.contains("id=\"archc-arrow-dark\"") && dark.contains("url(#archc-arrow-dark)"));
    assert!(!dark.contains("archc-arrow-light"));
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
fn one_defs_holds_markers_and_glyphs() {
    let svg = render(&three_tier(), &Options::default());
    assert_eq!(svg.matches("<defs>").count(), 1);
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
fn group_marks_appear_only_where_the_label_leaves_room() {
    let mut layout = three_tier();
    // The VPC's label moved right by 28: its locked cloud fits in the corner.
    layout.containers[2].label_box.rect.x += 28;
    let svg = render(&layout, &Options::default());
    let doc = parse(&svg);
    let marks: Vec<_> = groups(&doc, "container")
        .into_iter()
        .filter_map(|g| {
            g.children()
                .find(|c| c.has_tag_name("use"))
                .map(|u| (g.attribute("data-kind"), u.attribute("href"), u.attribute("width")))
        })
        .collect();
    assert_eq!(marks, vec![(Some("vpc"), Some("#archc-group-vpc-8C4FFF"), Some("30"))]);
    assert!(svg.contains("id=\"archc-group-vpc-8C4FFF\""));
    // Where the label is at the usual inset, no mark and no symbol.
    let plain = render(&three_tier(), &Options::default());
    assert!(!plain.contains("archc-group-"));
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
fn a_label_halo_takes_the_colour_under_it() {
    let mut layout = three_tier();
    layout.nodes[4].parent = Some("eu-west-1.shop.app_a".into());
    layout.nodes[0].parent = Some("nowhere".into());
    // A parent cycle ends, on the page colour.
    layout.containers[0].parent = Some("eu-west-1".into());
    let svg = render(&layout, &Options::default());
    let doc = parse(&svg);
    let halo = |i: usize| {
        let g = groups(&doc, "node")[i];
        g.children().find(|c| c.has_tag_name("text")).and_then(|t| t.attribute("stroke")).map(String::from)
    };
    assert_eq!(halo(4).as_deref(), Some("#E6F6F7"), "on the private subnet's fill");
    assert_eq!(halo(0).as_deref(), Some("#FFFFFF"), "on the page");
}

#[test]
fn an_edge_label_plate_takes_the_colour_under_it() {
    let mut layout = three_tier();
    // Inside web_a (public): the plate is the public subnet's fill.
    layout.edges[0].label_box.as_mut().expect("label").rect = archc_layout::Rect::new(300, 270, 30, 14);
    let svg = render(&layout, &Options::default());
    let doc = parse(&svg);
    let plate = |i: usize| {
        groups(&doc, "edge-label")[i]
            .children()
            .find(|c| c.has_tag_name("rect"))
            .and_then(|r| r.attribute("fill"))
            .map(String::from)
    };
    assert_eq!(plate(0).as_deref(), Some("#F2F6E8"));
    assert_eq!(plate(2).as_deref(), Some("#FFFFFF"), "between subnets: the page");
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
