//! Edges: orthogonal polylines with rounded bends, styled by kind (flows
//! solid with an arrow, integrations dashed magenta, network connections
//! without arrows — peerings and Direct Connect as tubes, attachments
//! solid, VPN dashed —, alias/protects dotted), refused flows red and dashed
//! with a crossed circle; and their labels on a plate, drawn last.

use std::fmt::Write as _;

use archc_layout::{Container, Edge, Rect};
use svg::node::element::{Circle, Definitions, Group, Marker, Path, Rectangle, Title};

use crate::label;
use crate::theme::Palette;
use crate::xml::clean;

/// The radius of a rounded bend, when both segments are long enough.
const BEND: i32 = 6;

/// How an edge is stroked.
struct Stroke {
    colour: &'static str,
    width: &'static str,
    dash: Option<&'static str>,
    /// The arrow head, when it has one.
    head: Option<Head>,
    /// Drawn as a tube (a thick line with a core of background colour): a
    /// network link, told apart from the container outlines it runs beside.
    tube: bool,
}

#[derive(Clone, Copy)]
enum Head {
    /// A filled triangle in the flow colour.
    Arrow,
    /// An open chevron: an integration.
    Open,
    /// A filled triangle in the refused colour.
    Refused,
}

impl Head {
    /// The marker's id: it names the theme, as the colours differ, so two
    /// diagrams of different themes inlined in one page do not share one.
    fn id(self, palette: &Palette) -> String {
        let name = match self {
            Head::Arrow => "arrow",
            Head::Open => "open",
            Head::Refused => "refused",
        };
        format!("archc-{name}-{}", palette.name)
    }
}

const INTEGRATION: &str = "#E7157B";
const NETWORK: &str = "#8C4FFF";
const LINK: &str = "#00A4A6";

fn stroke(edge: &Edge, palette: &Palette) -> Stroke {
    let plain = |colour, width, dash, head| Stroke { colour, width, dash, head, tube: false };
    if !edge.refused.is_empty() {
        return plain(palette.refused, "2", Some("6 4"), Some(Head::Refused));
    }
    match edge.kind.as_str() {
        "flow" => plain(palette.line, "1.5", None, Some(Head::Arrow)),
        "integration" => plain(INTEGRATION, "1.5", Some("6 4"), Some(Head::Open)),
        "peering" | "tgw-peering" => Stroke { tube: true, ..plain(NETWORK, "5", None, None) },
        "attachment" => plain(LINK, "2.5", None, None),
        "vpn" => plain(LINK, "2.5", Some("8 4"), None),
        "dx" => Stroke { tube: true, ..plain(LINK, "5", None, None) },
        _ => plain(palette.faint, "1.25", Some("2 3"), None),
    }
}

/// The arrow heads, one marker per colour (an SVG 1.1 marker cannot take
/// the colour of the line it ends).
pub(crate) fn markers(palette: &Palette) -> Definitions {
    let marker = |head: Head, colour: &str| {
        let open = matches!(head, Head::Open);
        let path = if open {
            Path::new().set("d", "M1 1L9 5L1 9").set("fill", "none").set("stroke", colour).set("stroke-width", "1.5")
        } else {
            Path::new().set("d", "M0 1L10 5L0 9Z").set("fill", colour)
        };
        Marker::new()
            .set("id", head.id(palette))
            .set("viewBox", "0 0 10 10")
            .set("refX", if open { 9 } else { 10 })
            .set("refY", 5)
            .set("markerWidth", 10)
            .set("markerHeight", 10)
            .set("markerUnits", "userSpaceOnUse")
            .set("orient", "auto")
            .add(path)
    };
    Definitions::new()
        .add(marker(Head::Arrow, palette.line))
        .add(marker(Head::Open, INTEGRATION))
        .add(marker(Head::Refused, palette.refused))
}

/// The path through `points`, each bend rounded by up to [`BEND`] (less
/// where a segment is short, so two bends never overlap).
fn path_data(points: &[[i32; 2]]) -> String {
    let mut d = String::with_capacity(points.len() * 32);
    let Some(first) = points.first() else { return d };
    let _ = write!(d, "M{} {}", first[0], first[1]);
    for (i, p) in points.iter().enumerate().skip(1) {
        let (Some(prev), Some(next)) = (points.get(i - 1), points.get(i + 1)) else {
            let _ = write!(d, "L{} {}", p[0], p[1]);
            continue;
        };
        let r = BEND.min(span(prev, p) / 2).min(span(p, next) / 2);
        if r <= 0 {
            let _ = write!(d, "L{} {}", p[0], p[1]);
            continue;
        }
        let enter = toward(p, prev, r);
        let leave = toward(p, next, r);
        let _ = write!(d, "L{} {}Q{} {} {} {}", enter[0], enter[1], p[0], p[1], leave[0], leave[1]);
    }
    d
}

fn span(a: &[i32; 2], b: &[i32; 2]) -> i32 {
    a[0].saturating_sub(b[0]).saturating_abs().max(a[1].saturating_sub(b[1]).saturating_abs())
}

/// `by` units from `from` in the direction of `to`.
fn toward(from: &[i32; 2], to: &[i32; 2], by: i32) -> [i32; 2] {
    [
        from[0].saturating_add(to[0].saturating_sub(from[0]).signum() * by),
        from[1].saturating_add(to[1].saturating_sub(from[1]).signum() * by),
    ]
}

fn tagged(group: Group, edge: &Edge) -> Group {
    let mut group =
        group.set("data-from", clean(&edge.from)).set("data-to", clean(&edge.to)).set("data-kind", clean(&edge.kind));
    if !edge.refused.is_empty() {
        group = group.set("data-refused", clean(&edge.refused.join(" ")));
    }
    group
}

pub(crate) fn edge(edge: &Edge, palette: &Palette) -> Group {
    let s = stroke(edge, palette);
    let mut title = format!("{} → {} ({})", clean(&edge.from), clean(&edge.to), clean(&edge.kind));
    // The ports once: the label is often the ports as written.
    let ports = edge.ports.as_ref().filter(|p| edge.label.as_ref() != Some(*p)).map(|p| format!("ports {p}"));
    for extra in [edge.label.as_ref(), ports.as_ref(), edge.description.as_ref()].into_iter().flatten() {
        title.push('\n');
        title.push_str(&clean(extra));
    }
    for (i, code) in edge.refused.iter().enumerate() {
        title.push('\n');
        title.push_str(&clean(code));
        if let Some(message) = edge.refused_messages.get(i).or(edge.refused_messages.first()) {
            title.push_str(": ");
            title.push_str(&clean(message));
        }
    }
    let mut path = Path::new()
        .set("d", path_data(&edge.points))
        .set("fill", "none")
        .set("stroke", s.colour)
        .set("stroke-width", s.width)
        .set("stroke-linejoin", "round");
    if let Some(dash) = s.dash {
        path = path.set("stroke-dasharray", dash);
    }
    if let Some(head) = s.head {
        path = path.set("marker-end", format!("url(#{})", head.id(palette)));
    }
    let mut group = tagged(Group::new().set("class", "edge"), edge).add(Title::new(title));
    if edge.points.len() < 2 {
        // Not routed (yet): the group still says the edge exists.
        return group;
    }
    if s.tube {
        let core = path.clone().set("stroke", palette.background).set("stroke-width", "1.5");
        group = group.add(path).add(core);
    } else {
        group = group.add(path);
    }
    if !edge.refused.is_empty() {
        if let Some(mark) = blocked_mark(&edge.points, palette) {
            group = group.add(mark);
        }
    }
    group
}

/// A refused flow is not told by its colour alone: a crossed circle sits
/// near its head (where the traffic is stopped), on the last segment long
/// enough to hold it clear of the arrow head and the bend.
fn blocked_mark(points: &[[i32; 2]], palette: &Palette) -> Option<Group> {
    const BEFORE_END: i32 = 20;
    const RADIUS: i32 = 6;
    let (from, to) = points
        .windows(2)
        .rev()
        .filter_map(|w| Some((w.first()?, w.get(1)?)))
        .find(|(a, b)| span(a, b) >= BEFORE_END + RADIUS + 8)?;
    let [cx, cy] = toward(to, from, BEFORE_END);
    let (left, right) = (cx.saturating_sub(3), cx.saturating_add(3));
    let (top, bottom) = (cy.saturating_sub(3), cy.saturating_add(3));
    let cross = format!("M{left} {top}L{right} {bottom}M{right} {top}L{left} {bottom}");
    Some(
        Group::new()
            .set("class", "blocked")
            .add(
                Circle::new()
                    .set("cx", cx)
                    .set("cy", cy)
                    .set("r", RADIUS)
                    .set("fill", palette.background)
                    .set("stroke", palette.refused)
                    .set("stroke-width", "1.5"),
            )
            .add(Path::new().set("d", cross).set("stroke", palette.refused).set("stroke-width", "1.5")),
    )
}

/// The edge's label on a plate of background colour, so it reads over the
/// lines it sits on; None when the layout placed no label.
/// The colour under `r`: the fill of the innermost container holding all of
/// it (a subnet), else the page (a label across a subnet's edge gets the
/// page's plate). Containers come parents first, so the last one holding it
/// is the innermost.
pub(crate) fn ground_at<'a>(r: Rect, containers: &[Container], palette: &'a Palette) -> &'a str {
    containers
        .iter()
        .rev()
        .find(|c| c.rect.contains(&r))
        .and_then(|c| palette.container(&c.kind, c.tier.as_deref()).fill)
        .unwrap_or(palette.background)
}

/// `ground`: the colour under the label, which its plate takes.
pub(crate) fn edge_label(edge: &Edge, palette: &Palette, ground: &str) -> Option<Group> {
    let text_box = edge.label_box.as_ref()?;
    let r = text_box.rect;
    let colour = if edge.refused.is_empty() { palette.text } else { palette.refused };
    // Its own attribute names: a reader counting `[data-from]` counts edges.
    let mut group = Group::new()
        .set("class", "edge-label")
        .set("data-edge-from", clean(&edge.from))
        .set("data-edge-to", clean(&edge.to))
        .add(
            Rectangle::new()
                .set("x", r.x.saturating_sub(2))
                .set("y", r.y)
                .set("width", r.w.saturating_add(4).max(0))
                .set("height", r.h.max(0))
                .set("rx", 3)
                .set("fill", ground.to_string())
                .set("fill-opacity", "0.88"),
        );
    for line in label::line_blobs(text_box, colour, None) {
        group = group.add(line);
    }
    Some(group)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bends_are_rounded_within_short_segments() {
        assert_eq!(path_data(&[[0, 0], [100, 0]]), "M0 0L100 0");
        assert_eq!(path_data(&[[0, 0], [100, 0], [100, 50]]), "M0 0L94 0Q100 0 100 6L100 50");
        // A 4-unit jog: the radius shrinks to half of it.
        assert_eq!(path_data(&[[0, 0], [50, 0], [50, 4], [90, 4]]), "M0 0L48 0Q50 0 50 2L50 2Q50 4 52 4L90 4");
        assert_eq!(path_data(&[]), "");
    }
}
