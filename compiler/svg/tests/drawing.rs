//! How things look: edge styles by kind, themes, glyph symbols and marker
//! ids, group marks, halos and label plates; PNGs in /tmp for review.

mod support;

use archc_svg::{render, Options, Theme};
use support::{groups, parse, png, png_region, three_tier};

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
fn one_defs_holds_markers_and_glyphs() {
    let svg = render(&three_tier(), &Options::default());
    assert_eq!(svg.matches("<defs>").count(), 1);
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
