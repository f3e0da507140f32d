//! Every example laid out by archc-layout and drawn in both themes: the
//! document parses, every node, container and edge of the layout is there
//! once with its data attributes, every `<use>` finds its symbol, and the
//! bytes are the same on a second run. PNGs land in /tmp/svgw-examples/ for
//! review.

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use archc_svg::{render, Options, Theme};

#[path = "../../layout/tests/common/mod.rs"]
mod common;
use common::{compile_file, examples};

#[test]
fn every_example_draws_whole_in_both_themes() {
    let files = examples();
    let out = Path::new("/tmp/svgw-examples");
    std::fs::create_dir_all(out).expect("a folder for the PNGs");
    for path in files {
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("stem").to_string();
        let layout = common::lay_out(&stem, &compile_file(&path));
        for theme in [Theme::Light, Theme::Dark] {
            let options = Options { theme, ..Options::default() };
            let svg = render(&layout, &options);
            assert_eq!(svg, render(&layout, &options), "{stem}: not deterministic");
            assert!(!svg.contains("<script"), "{stem}");
            let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{stem}: {e}"));
            let ids = |class: &str, attr: &str| -> Vec<String> {
                doc.descendants()
                    .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some(class))
                    .filter_map(|n| n.attribute(attr).map(String::from))
                    .collect()
            };
            let nodes: Vec<String> = layout.nodes.iter().map(|n| n.id.clone()).collect();
            assert_eq!(ids("node", "data-id"), nodes, "{stem}");
            let containers: Vec<String> = layout.containers.iter().map(|c| c.id.clone()).collect();
            assert_eq!(ids("container", "data-id"), containers, "{stem}");
            let froms: Vec<String> = layout.edges.iter().map(|e| e.from.clone()).collect();
            assert_eq!(ids("edge", "data-from"), froms, "{stem}");
            let symbols: BTreeSet<&str> =
                doc.descendants().filter(|n| n.has_tag_name("symbol")).filter_map(|n| n.attribute("id")).collect();
            for u in doc.descendants().filter(|n| n.has_tag_name("use")) {
                let href = u.attribute("href").unwrap_or_default().trim_start_matches('#');
                assert!(symbols.contains(href), "{stem}: <use> of a missing symbol {href}");
            }
            let suffix = if theme == Theme::Dark { "-dark" } else { "" };
            support::png(&svg, 1.0, &format!("/tmp/svgw-examples/{stem}{suffix}.png"));
            // What a docs repository commits: a change here is a change in
            // the picture (look at it: scripts/render-examples.sh).
            insta::assert_snapshot!(format!("svg__{stem}{suffix}"), svg);
        }
    }
}
