//! Every kind's glyph in a grid, as icons and as bands, in both themes:
//! /tmp/icons.png (and /tmp/icons-dark.png, /tmp/icons-x3.png) for review.

mod support;

use archc_layout::{Layout, Rect};
use archc_svg::{icons::KINDS, render, Options, Theme};
use support::{band, category, container, icon, png};

fn gallery() -> Layout {
    let mut nodes = Vec::new();
    let columns = 8;
    for (i, kind) in KINDS.iter().chain(["mystery"].iter()).enumerate() {
        let (col, row) = ((i % columns) as i32, (i / columns) as i32);
        nodes.push(icon(&format!("n{i}"), kind, category(kind), kind, 20 + col * 100, 20 + row * 90));
    }
    let top = 20 + 5 * 90;
    for (i, kind) in ["alb", "rds", "asg", "efs", "lambda", "ecs"].iter().enumerate() {
        let (col, row) = ((i % 2) as i32, (i / 2) as i32);
        nodes.push(band(
            &format!("b{i}"),
            kind,
            category(kind),
            &format!("{kind} band label"),
            Rect::new(20 + col * 400, top + row * 56, 380, 40),
        ));
    }
    // Containers whose labels leave room for the AWS group mark.
    let mut containers = Vec::new();
    let marks_top = top + 3 * 56 + 10;
    for (i, (kind, tier, label)) in [
        ("cloud", None, "AWS Cloud"),
        ("region", None, "eu-west-1"),
        ("vpc", None, "shop 10.0.0.0/16"),
        ("subnet", Some("public"), "web_a 10.0.1.0/24"),
        ("subnet", Some("private"), "app_a 10.0.2.0/24"),
        ("subnet", Some("isolated"), "data_a 10.0.3.0/24"),
    ]
    .into_iter()
    .enumerate()
    {
        let (col, row) = ((i % 3) as i32, (i / 3) as i32);
        let mut c = container(
            &format!("c{i}"),
            kind,
            label,
            tier,
            None,
            Rect::new(20 + col * 265, marks_top + row * 70, 250, 56),
        );
        c.label_box.rect.x += 28;
        c.label_box.rect.y -= 1;
        containers.push(c);
    }
    Layout { width: 820, height: marks_top + 2 * 70 + 10, nodes, containers, ..Layout::default() }
}

#[test]
fn gallery_of_every_glyph_renders() {
    let layout = gallery();
    let light = render(&layout, &Options::default());
    png(&light, 1.0, "/tmp/icons.png");
    png(&light, 3.0, "/tmp/icons-x3.png");
    let dark = render(&layout, &Options { theme: Theme::Dark, ..Options::default() });
    png(&dark, 1.0, "/tmp/icons-dark.png");
    for kind in KINDS {
        assert!(light.contains(&format!("data-kind=\"{kind}\"")), "{kind}");
    }
}

/// A kind added to the language without a glyph here would be drawn as the
/// generic cube: fail until it has one (containers are boxes, network ACLs
/// badges).
#[test]
fn every_kind_of_the_language_has_a_glyph() {
    use archc_core::model::kinds::{Layout as Place, KINDS as LANGUAGE};
    for spec in LANGUAGE {
        if spec.layout == Place::Container || spec.keyword == "nacl" {
            continue;
        }
        assert!(KINDS.contains(&spec.keyword), "no glyph for `{}`", spec.keyword);
    }
    assert!(KINDS.contains(&"internet"));
}
