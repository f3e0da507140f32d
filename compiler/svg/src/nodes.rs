//! Resources: a glyph with its label under it (`icon`), the same glyph
//! straddling its VPC's border (`border`), or a translucent bar across zone
//! columns with a small glyph at its left (`band`).

use std::collections::BTreeMap;

use archc_layout::{Container, Node, Rect};
use svg::node::element::{Group, Rectangle, Title};

use crate::icons::{self, GlyphKey};
use crate::theme::{category_colour, Palette};
use crate::xml::clean;
use crate::{embed, label, Options};

/// The glyph of a band: smaller than an icon, this far from the bar's left
/// end (the layout starts the label 8 units after it: `place::node_label_box`).
const BAND_GLYPH: i32 = 32;
const BAND_INSET: i32 = 8;

/// The colour under a node's label: the fill of the innermost filled
/// container holding it (a subnet), else the page. A halo in that colour
/// hides lines without showing as a pale outline on a tinted subnet.
pub(crate) fn ground<'a>(n: &Node, containers: &BTreeMap<&str, &Container>, palette: &'a Palette) -> &'a str {
    let mut at = n.parent.as_deref();
    // Bounded: a parent chain longer than the containers is a cycle.
    for _ in 0..=containers.len() {
        let Some(c) = at.and_then(|id| containers.get(id)) else { break };
        if let Some(fill) = palette.container(&c.kind, c.tier.as_deref()).fill {
            return fill;
        }
        at = c.parent.as_deref();
    }
    palette.background
}

pub(crate) fn node(n: &Node, palette: &Palette, icon_ids: &BTreeMap<&str, String>, ground: &str) -> Group {
    let mut title = format!("{} ({})", clean(&n.label), clean(&n.kind));
    if !n.placed_in.is_empty() {
        title.push_str("\nin ");
        title.push_str(&clean(&n.placed_in.join(", ")));
    }
    if let Some(description) = &n.description {
        title.push('\n');
        title.push_str(&clean(description));
    }
    let mut group = Group::new()
        .set("class", "node")
        .set("data-id", clean(&n.id))
        .set("data-kind", clean(&n.kind))
        .set("data-shape", clean(&n.shape))
        .add(Title::new(title));
    let r = n.rect;
    if n.shape == "band" {
        let colour = category_colour(&n.category);
        // The bar is opaque (the subnets under it would muddy its tint)
        // and then tinted with its category colour.
        group = group.add(plate(r, palette.background)).add(
            plate(r, colour).set("fill-opacity", palette.band_tint).set("stroke", colour).set("stroke-width", "1.5"),
        );
        let size = BAND_GLYPH.min(r.h.saturating_sub(8)).max(0);
        let y = r.y.saturating_add((r.h.saturating_sub(size)) / 2);
        group = add_glyph(group, n, icon_ids, r.x.saturating_add(BAND_INSET), y, size);
    } else if n.shape == "border" {
        // The VPC's outline runs behind a border glyph: a plate of
        // background colour under it hides the line even behind a user's
        // icon that is transparent. Exactly the glyph box, so arrow heads
        // still touch the glyph.
        group = group.add(plate(r, palette.background));
        group = add_glyph(group, n, icon_ids, r.x, r.y, r.w.min(r.h).max(0));
    } else {
        // Square, centred in a box that is not.
        let size = r.w.min(r.h).max(0);
        let (x, y) =
            (r.x.saturating_add(r.w.saturating_sub(size) / 2), r.y.saturating_add(r.h.saturating_sub(size) / 2));
        group = add_glyph(group, n, icon_ids, x, y, size);
    }
    // A halo of background colour keeps a label under a glyph readable
    // where an edge or a border passes under it (a border glyph's label sits
    // on its VPC's outline); a band's label is on the band's own opaque bar.
    let halo = (n.shape != "band").then_some(ground);
    for line in label::line_blobs(&n.label_box, palette.text, halo) {
        group = group.add(line);
    }
    group
}

/// The key in `Options::icons` of this node's icon: its id, else its kind.
pub(crate) fn icon_key<'a>(n: &'a Node, options: &Options) -> Option<&'a str> {
    [n.id.as_str(), n.kind.as_str()].into_iter().find(|k| options.icons.contains_key(*k))
}

/// The symbol ids of the user's icons the nodes use, by icon key: each icon
/// hashed once, however many nodes show it.
pub(crate) fn icon_ids<'a>(nodes: &'a [Node], options: &Options) -> BTreeMap<&'a str, String> {
    let mut ids = BTreeMap::new();
    for n in nodes {
        if let Some(key) = icon_key(n, options) {
            if let (false, Some(icon)) = (ids.contains_key(key), options.icons.get(key)) {
                ids.insert(key, embed::id(icon));
            }
        }
    }
    ids
}

/// The user's icon (`icon_ids`), else archc's own glyph: both symbols in
/// the document's `<defs>`.
fn add_glyph(group: Group, n: &Node, icon_ids: &BTreeMap<&str, String>, x: i32, y: i32, size: i32) -> Group {
    let options_key = [n.id.as_str(), n.kind.as_str()].into_iter().find_map(|k| icon_ids.get(k));
    match options_key {
        Some(id) => group.add(icons::place(id, x, y, size)),
        None => group.add(GlyphKey::of(&n.kind, &n.category).place(x, y, size)),
    }
}

/// A rounded rectangle filling `r`: a band's bar, a border glyph's plate.
fn plate(r: Rect, fill: &str) -> Rectangle {
    Rectangle::new()
        .set("x", r.x)
        .set("y", r.y)
        .set("width", r.w.max(0))
        .set("height", r.h.max(0))
        .set("rx", 6)
        .set("fill", fill.to_string())
}
