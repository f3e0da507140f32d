//! Every kind's glyph in a grid, as icons and as bands, in both themes:
//! /tmp/icons.png (and /tmp/icons-dark.png, /tmp/icons-x3.png) for review.

mod support;

use archc_layout::{Layout, Rect};
use archc_svg::{icons::KINDS, render, Options, Theme};
use support::{band, category, icon, png};

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
    Layout { width: 820, height: top + 3 * 56 + 10, nodes, ..Layout::default() }
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
