//! archc's SVG writer: draws a computed [`Layout`] as an AWS-style
//! architecture diagram, with archc's own service glyphs (or the user's
//! icons, embedded). A pure function: no I/O, and the same layout and
//! options give the same bytes.
//!
//! The SVG never measures text: every label is drawn where the layout's
//! `TextBox` puts it, in [`archc_layout::text::FONT_FAMILY`].
//!
//! Machine output (INTERFACES.md, "Machine output of the SVG"): every
//! resource is a `<g class="node" data-id data-kind>`, every container a
//! `<g class="container" data-id data-kind>`, every edge a
//! `<g class="edge" data-from data-to data-kind>` (and `data-refused` with
//! the error codes of a refused flow), each with a `<title>`. Besides
//! those: `<g class="badge">` (a network ACL on its subnet), `<g
//! class="edge-label" data-edge-from data-edge-to>` (an edge's text, drawn
//! above everything), `<g class="blocked">` (the crossed circle
//! on a refused flow); `data-shape` on nodes, `data-tier` on subnets.
//!
//! Draw order: background, title, containers outermost first (each with its
//! label and badges), edges, nodes, edge labels. Glyphs and the user's icons
//! are `<symbol>`s in the one `<defs>`, placed with `<use>`: each drawn once
//! however many resources show it.

mod boxes;
mod edges;
mod embed;
pub mod icons;
mod label;
mod nodes;
mod theme;
mod write;
mod xml;

use std::collections::{BTreeMap, BTreeSet};

use archc_layout::text::FONT_FAMILY;
use archc_layout::Layout;
use svg::node::element::{Definitions, Description, Rectangle, Title, SVG};

pub use theme::Theme;

/// A user's icon: the text of an SVG file (AWS's official icon set, say).
/// It is embedded as an `<image>` with a `data:` URL, so the drawing stays
/// self-contained, the icon's scripts never run and its ids cannot collide
/// with the diagram's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Icon {
    pub svg: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub theme: Theme,
    /// Icons by node id or kind keyword (`alb`); a node's id wins over its
    /// kind.
    pub icons: BTreeMap<String, Icon>,
}

/// The diagram as an SVG document.
pub fn render(layout: &Layout, options: &Options) -> String {
    let palette = theme::Palette::of(options.theme);
    let title = match &layout.title {
        Some(t) if !t.lines.is_empty() => xml::clean(&t.lines.join(" ")),
        _ => "Architecture diagram".to_string(),
    };
    let icon_ids = nodes::icon_ids(&layout.nodes, options);
    let mut doc = SVG::new()
        .set("width", layout.width.max(1))
        .set("height", layout.height.max(1))
        .set("viewBox", format!("0 0 {} {}", layout.width.max(1), layout.height.max(1)))
        .set("xmlns:xlink", "http://www.w3.org/1999/xlink")
        .set("role", "img")
        .set("font-family", FONT_FAMILY)
        .add(Title::new(title))
        .add(Description::new().add(svg::node::Text::new(summary(layout))))
        .add(glyphs(layout, options, palette, &icon_ids, edges::markers(palette)))
        .add(
            Rectangle::new()
                .set("width", layout.width.max(1))
                .set("height", layout.height.max(1))
                .set("fill", palette.background),
        );
    if let Some(t) = &layout.title {
        for line in label::lines(t, palette.text) {
            doc = doc.add(line);
        }
    }
    for c in &layout.containers {
        doc = doc.add(boxes::container(c, palette));
    }
    for e in &layout.edges {
        doc = doc.add(edges::edge(e, palette));
    }
    let by_id: BTreeMap<&str, &archc_layout::Container> =
        layout.containers.iter().map(|c| (c.id.as_str(), c)).collect();
    for n in &layout.nodes {
        doc = doc.add(nodes::node(n, palette, &icon_ids, nodes::ground(n, &by_id, palette)));
    }
    for e in &layout.edges {
        let ground =
            e.label_box.as_ref().map_or(palette.background, |t| edges::ground_at(t.rect, &layout.containers, palette));
        if let Some(l) = edges::edge_label(e, palette, ground) {
            doc = doc.add(l);
        }
    }
    // About 600 bytes a resource, edge or container: one allocation.
    let items = layout.nodes.len() + layout.edges.len() + layout.containers.len();
    let mut out = write::to_string(&doc, items.saturating_mul(640).saturating_add(16_384));
    out.push('\n');
    out
}

/// `defs` with the `<symbol>` of every glyph and user icon the nodes use,
/// once each (`icon_ids`: the user's icons in use, by key).
fn glyphs(
    layout: &Layout,
    options: &Options,
    palette: &theme::Palette,
    icon_ids: &BTreeMap<&str, String>,
    defs: Definitions,
) -> Definitions {
    let own: BTreeSet<icons::GlyphKey> = layout
        .nodes
        .iter()
        .filter(|n| nodes::icon_key(n, options).is_none())
        .map(|n| icons::GlyphKey::of(&n.kind, &n.category))
        .chain(layout.containers.iter().filter_map(|c| boxes::corner_mark(c, palette)).map(|(key, _)| key))
        .collect();
    let defs = own.into_iter().fold(defs, |defs, key| defs.add(key.symbol()));
    // One symbol per distinct icon file, in the order of their ids.
    let users: BTreeMap<&str, &Icon> =
        icon_ids.iter().filter_map(|(key, id)| Some((id.as_str(), options.icons.get(*key)?))).collect();
    users.into_values().fold(defs, |defs, icon| defs.add(embed::symbol(icon)))
}

/// One sentence for `<desc>`: what the diagram holds.
fn summary(layout: &Layout) -> String {
    let flows = layout.edges.iter().filter(|e| e.kind == "flow" || e.kind == "integration").count();
    let refused = layout.edges.iter().filter(|e| !e.refused.is_empty()).count();
    let other = layout.edges.len().saturating_sub(flows);
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut s = format!("{}, {}", plural(layout.nodes.len(), "resource", "resources"), plural(flows, "flow", "flows"));
    if refused > 0 {
        s.push_str(&format!(" ({refused} refused)"));
    }
    if other > 0 {
        s.push_str(&format!(", {}", plural(other, "connection", "connections")));
    }
    s.push_str(&format!(", {}.", plural(layout.containers.len(), "container", "containers")));
    s
}
