//! Containers (the AWS Cloud, regions, VPCs, zones, subnets) and their
//! badges, in AWS group style: outline colour by kind, subnets filled by
//! tier, the label in the outline's colour.

use archc_layout::{Badge, Container};
use svg::node::element::{Group, Rectangle, Title};

use crate::icons::GlyphKey;
use crate::label;
use crate::theme::Palette;
use crate::xml::clean;

pub(crate) fn container(c: &Container, palette: &Palette) -> Group {
    let style = palette.container(&c.kind, c.tier.as_deref());
    let r = c.rect;
    let mut frame = Rectangle::new()
        .set("x", r.x)
        .set("y", r.y)
        .set("width", r.w.max(0))
        .set("height", r.h.max(0))
        .set("fill", style.fill.unwrap_or("none"))
        .set("stroke", style.stroke)
        .set("stroke-width", style.width);
    if let Some(dash) = style.dash {
        frame = frame.set("stroke-dasharray", dash);
    }
    if c.kind == "subnet" || c.kind == "cloud" {
        frame = frame.set("rx", 2);
    }
    let mut title = format!("{} ({})", clean(&c.label), clean(&c.kind));
    if let Some(description) = &c.description {
        title.push('\n');
        title.push_str(&clean(description));
    }
    let mut group = Group::new()
        .set("class", "container")
        .set("data-id", clean(&c.id))
        .set("data-kind", clean(&c.kind))
        .add(Title::new(title))
        .add(frame);
    if let Some(tier) = &c.tier {
        group = group.set("data-tier", clean(tier));
    }
    if let Some((key, size)) = corner_mark(c, palette) {
        group = group.add(key.place(c.rect.x, c.rect.y, size));
    }
    for line in label::line_blobs(&c.label_box, style.label, None) {
        group = group.add(line);
    }
    for b in &c.badges {
        group = group.add(badge(b, palette));
    }
    group
}

/// Smallest and largest corner mark drawn.
const MARK_MIN: i32 = 20;
const MARK_MAX: i32 = 32;

/// The AWS group mark of a container and its size, when the layout leaves
/// room for it left of the label: it sits flush in the top-left corner, as
/// in AWS's diagrams.
pub(crate) fn corner_mark(c: &Container, palette: &Palette) -> Option<(GlyphKey, i32)> {
    let room = c.label_box.rect.x.saturating_sub(c.rect.x).saturating_sub(6);
    let size = room.min(MARK_MAX).min(c.rect.w).min(c.rect.h);
    if size < MARK_MIN {
        return None;
    }
    GlyphKey::group(&c.kind, c.tier.as_deref(), palette.cloud_mark).map(|key| (key, size))
}

/// A small tag on the subnet's top edge: the network ACL guarding it.
fn badge(b: &Badge, palette: &Palette) -> Group {
    let r = b.rect;
    let size = archc_layout::text::BADGE_SIZE;
    let frame = Rectangle::new()
        .set("x", r.x)
        .set("y", r.y)
        .set("width", r.w.max(0))
        .set("height", r.h.max(0))
        .set("rx", 3)
        .set("fill", palette.badge_fill)
        .set("stroke", palette.badge_stroke)
        .set("stroke-width", 1);
    // Centred in the tag: the baseline a third of the font size below the middle.
    let mut text = label::text(&b.label);
    text = label::with(text, "x", r.x.saturating_add(r.w / 2));
    text = label::with(text, "y", r.y.saturating_add(r.h / 2).saturating_add(size * 7 / 20));
    text = label::with(text, "font-size", size);
    text = label::with(text, "text-anchor", "middle");
    text = label::with(text, "fill", palette.badge_stroke);
    Group::new()
        .set("class", "badge")
        .set("data-id", clean(&b.id))
        .set("data-kind", clean(&b.kind))
        .add(Title::new(format!("{} ({})", clean(&b.label), clean(&b.kind))))
        .add(frame)
        .add(text)
}
