//! Placement: the nesting laid out directly. Sizes are measured bottom-up
//! (a subnet from its resources, a zone column from its subnets, a VPC from
//! its zones, a region from its VPCs and services, the cloud from its
//! regions), each box placing its children relative to its own corner; one
//! pass top-down then turns those into page coordinates. Every step is
//! linear in the model (grid choices try a bounded number of shapes).
//!
//! Edges get their ends, kinds and labels here (`edges`); the router fills
//! their points.

mod edges;
mod outer;
mod region;
mod size;
mod tree;
mod vpc;

#[cfg(test)]
mod tests;

use archc_core::model::{Direction, Model, NodeId, NodeKind};
use archc_core::CheckedModel;

use crate::text;
use crate::types::{Anchor, Badge, Container, Layout, Node, Rect, TextBox};
use crate::Refusal;

use size::{BAND_ICON, ICON, LABEL_GAP, MARGIN};
use tree::Tree;

pub(crate) fn place(model: &CheckedModel, refusals: &[Refusal]) -> Layout {
    let model: &Model = model;
    let (edges, with_internet) = edges::edges(model, refusals);
    let mut tree = Tree::build(model, with_internet);
    let adjacent = adjacency(model, &edges);
    let mut cx = Cx { model, out: Out::default(), down: model.settings.direction.value == Direction::Down, adjacent };
    outer::create_containers(&mut cx, &mut tree);
    let title = model.settings.title.as_ref().map(|t| title_box(&t.value));
    let title_h = title.as_ref().map_or(0, |t| t.rect.h + TITLE_GAP);
    outer::measure(&mut cx, &tree, title_h);
    let mut layout = finish(cx.out, model);
    layout.title = title;
    layout.edges = edges;
    layout.direction = model.settings.direction.value.as_str().to_string();
    layout.theme = model.settings.theme.value.as_str().to_string();
    normalize(&mut layout);
    layout
}

/// What placement carries from box to box.
pub(super) struct Cx<'m> {
    pub model: &'m Model,
    pub out: Out,
    /// `direction down`: the outside row on top, border nodes top/bottom.
    pub down: bool,
    /// Per model node, the model nodes its edges go to (one entry per
    /// edge): channels next to busy nodes are made wider, and border nodes
    /// are put near what they connect to.
    pub adjacent: Vec<Vec<usize>>,
}

impl Cx<'_> {
    /// How many edges end at `ids` (as a width factor, saturating).
    pub(super) fn edges_at(&self, ids: &[NodeId]) -> i32 {
        size::int(ids.iter().map(|i| self.adjacent.get(i.0).map_or(0, Vec::len)).sum())
    }

    pub(super) fn neighbours(&self, id: NodeId) -> &[usize] {
        self.adjacent.get(id.0).map_or(&[], Vec::as_slice)
    }
}

fn adjacency(model: &Model, edges: &[crate::types::Edge]) -> Vec<Vec<usize>> {
    let mut adjacent = vec![Vec::new(); model.nodes().len()];
    for e in edges {
        let (Some(a), Some(b)) = (model.by_id(&e.from), model.by_id(&e.to)) else { continue };
        if let Some(list) = adjacent.get_mut(a.0) {
            list.push(b.0);
        }
        if let Some(list) = adjacent.get_mut(b.0) {
            list.push(a.0);
        }
    }
    adjacent
}

/// The layout being built. Until `finish`, a container's rect is relative
/// to its parent's corner, and a node's to its frame's (the container whose
/// measuring placed it; None: the page).
#[derive(Default)]
pub(super) struct Out {
    pub containers: Vec<Container>,
    pub cparent: Vec<Option<usize>>,
    pub nodes: Vec<Node>,
    pub nframe: Vec<Option<usize>>,
    /// Each node's index in the model, to list nodes in declaration order.
    pub norder: Vec<usize>,
}

impl Out {
    /// A new container (its rect is set when it is measured).
    pub(super) fn container(&mut self, model: &Model, id: Option<NodeId>, kind: &str, parent: Option<usize>) -> usize {
        let node = id.and_then(|i| model.get(i));
        let (cid, label, tier, description) = match node {
            Some(n) => (
                n.id.clone(),
                container_label(n),
                match &n.kind {
                    NodeKind::Subnet(s) => s.tier.as_ref().map(|t| t.value.as_str().to_string()),
                    _ => None,
                },
                n.description.as_ref().map(|d| d.value.clone()),
            ),
            None => ("aws".to_string(), "AWS Cloud".to_string(), None, None),
        };
        let parent_id = parent.and_then(|p| self.containers.get(p)).map(|c| c.id.clone());
        self.containers.push(Container {
            id: cid,
            kind: kind.to_string(),
            label,
            tier,
            parent: parent_id,
            description,
            ..Container::default()
        });
        self.cparent.push(parent);
        self.containers.len() - 1
    }

    pub(super) fn set_rect(&mut self, c: usize, rect: Rect) {
        if let Some(k) = self.containers.get_mut(c) {
            k.rect = rect;
        }
    }

    pub(super) fn size_of(&self, c: usize) -> (i32, i32) {
        self.containers.get(c).map_or((0, 0), |k| (k.rect.w, k.rect.h))
    }

    /// A node at `rect` in the coordinates of `frame`; `parent` is the
    /// container it belongs to (often the frame). `lines` is its label.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn node(
        &mut self,
        model: &Model,
        id: NodeId,
        shape: &str,
        parent: Option<usize>,
        frame: Option<usize>,
        rect: Rect,
        lines: Vec<String>,
    ) {
        let Some(n) = model.get(id) else { return };
        self.nodes.push(Node {
            id: n.id.clone(),
            kind: n.kind().keyword().to_string(),
            label: n.display_label().to_string(),
            parent: parent.and_then(|p| self.containers.get(p)).map(|c| c.id.clone()),
            placed_in: n.placement.iter().filter_map(|s| model.get(*s)).map(|s| s.id.clone()).collect(),
            shape: shape.to_string(),
            category: size::category(n.kind()).to_string(),
            rect,
            label_box: TextBox { lines, size: text::NODE_SIZE, ..TextBox::default() },
            description: n.description.as_ref().map(|d| d.value.clone()),
        });
        self.nframe.push(frame);
        self.norder.push(id.0);
    }
}

/// "name block[, more blocks]" for a VPC, "name block" for a subnet,
/// "Availability Zone a" for a zone, the code for a region.
fn container_label(n: &archc_core::model::Node) -> String {
    let name = n.display_label();
    match &n.kind {
        NodeKind::Vpc(v) => {
            let blocks: Vec<String> = v.blocks.iter().map(|b| b.value.to_string()).collect();
            if blocks.is_empty() {
                name.to_string()
            } else {
                format!("{name} {}", blocks.join(", "))
            }
        }
        NodeKind::Subnet(s) => match s.cidr.cidr() {
            Some(c) => format!("{name} {c}"),
            None => name.to_string(),
        },
        NodeKind::Az(z) if n.label.is_none() => format!("Availability Zone {}", z.suffix),
        _ => name.to_string(),
    }
}

/// Page coordinates, label boxes and badges, nodes in declaration order.
fn finish(mut out: Out, model: &Model) -> Layout {
    // Outermost first: a parent's corner is already on the page.
    for i in 0..out.containers.len() {
        let origin =
            out.cparent.get(i).copied().flatten().and_then(|p| out.containers.get(p)).map(|p| (p.rect.x, p.rect.y));
        if let (Some((x, y)), Some(c)) = (origin, out.containers.get_mut(i)) {
            c.rect.x += x;
            c.rect.y += y;
        }
    }
    for (n, frame) in out.nodes.iter_mut().zip(&out.nframe) {
        if let Some((x, y)) = frame.and_then(|f| out.containers.get(f)).map(|f| (f.rect.x, f.rect.y)) {
            n.rect.x += x;
            n.rect.y += y;
        }
        node_label_box(n);
    }
    for c in &mut out.containers {
        container_label_box(c, model);
    }
    let mut order: Vec<(usize, Node)> = out.norder.into_iter().zip(out.nodes).collect();
    order.sort_by_key(|(i, _)| *i);
    Layout { containers: out.containers, nodes: order.into_iter().map(|(_, n)| n).collect(), ..Layout::default() }
}

/// Under the glyph (centred) for an icon or border node; inside the bar,
/// after its glyph, for a band.
fn node_label_box(n: &mut Node) {
    let line = text::line_height(text::NODE_SIZE);
    if n.shape == "band" {
        let x = n.rect.x + 8 + BAND_ICON + 8;
        let w = (n.rect.right() - 8 - x).max(0);
        let full = n.label.clone();
        let cut = size::cut_line(&full, w, text::NODE_SIZE, false);
        let tw = text::width(&cut, text::NODE_SIZE, false).min(w);
        n.label_box.lines = if cut.is_empty() { Vec::new() } else { vec![cut] };
        n.label_box.rect = Rect::new(x, n.rect.y + (n.rect.h - line) / 2, tw, line);
        n.label_box.anchor = Anchor::Start;
    } else {
        let w = text::block_width(&n.label_box.lines, text::NODE_SIZE, false);
        let h = size::lines_height(n.label_box.lines.len());
        let cx = n.rect.x + n.rect.w / 2;
        n.label_box.rect = Rect::new(cx - (w + 1) / 2, n.rect.bottom() + LABEL_GAP, w + (w & 1), h);
        n.label_box.anchor = Anchor::Middle;
    }
    n.label_box.size = text::NODE_SIZE;
    n.label_box.bold = false;
}

/// Badge geometry: height and the inner padding of its text.
const BADGE_H: i32 = 16;
const BADGE_PAD: i32 = 6;
/// Where a container's label starts inside its corner.
pub(super) const LABEL_X: i32 = 10;
/// Where the label of a cloud, region, VPC or subnet starts: after the AWS
/// group mark the SVG draws in the box's corner (a zone has none).
pub(super) const MARKED_LABEL_X: i32 = 36;

/// How far in from its box's left edge a container's label starts.
pub(super) fn label_x(kind: &str) -> i32 {
    if matches!(kind, "cloud" | "region" | "vpc" | "subnet") {
        MARKED_LABEL_X
    } else {
        LABEL_X
    }
}
const LABEL_Y: i32 = 10;

/// The width the badges of `labels` take side by side, with their gaps.
pub(super) fn badges_width(labels: &[String]) -> i32 {
    labels.iter().map(|l| text::width(&badge_label(l), text::BADGE_SIZE, false) + 2 * BADGE_PAD + 6).sum()
}

/// A badge's text: the ACL's label, cut to `BADGE_MAX`.
fn badge_label(label: &str) -> String {
    size::cut_line(label, size::BADGE_MAX, text::BADGE_SIZE, false)
}

/// The container's label at its top left, cut to what the box leaves
/// beside its badges; badges (a subnet's network ACLs) at its top right.
fn container_label_box(c: &mut Container, model: &Model) {
    let nacl_labels: Vec<(String, String)> = if c.kind == "subnet" {
        model
            .by_id(&c.id)
            .map(|s| {
                model
                    .resources_in(s)
                    .filter(|(_, n)| n.kind() == archc_core::model::kinds::Kind::Nacl)
                    .map(|(_, n)| (n.id.clone(), badge_label(n.display_label())))
                    .collect()
            })
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let mut right = c.rect.right() - 8;
    for (id, label) in &nacl_labels {
        let w = text::width(label, text::BADGE_SIZE, false) + 2 * BADGE_PAD;
        let rect = Rect::new(right - w, c.rect.y + LABEL_Y, w, BADGE_H);
        c.badges.push(Badge { id: id.clone(), kind: "nacl".to_string(), label: label.clone(), rect });
        right -= w + 6;
    }
    let label_x = label_x(&c.kind);
    let max_w = (right - 8 - (c.rect.x + label_x)).max(0);
    let line = size::cut_line(&c.label, max_w, text::CONTAINER_SIZE, true);
    let w = text::width(&line, text::CONTAINER_SIZE, true).min(max_w);
    c.label_box = TextBox {
        rect: Rect::new(c.rect.x + label_x, c.rect.y + LABEL_Y, w, text::line_height(text::CONTAINER_SIZE)),
        lines: if line.is_empty() { Vec::new() } else { vec![line] },
        size: text::CONTAINER_SIZE,
        anchor: Anchor::Start,
        bold: true,
    };
}

/// Between the title and the picture.
const TITLE_GAP: i32 = 24;
/// The widest the title is wrapped to (in at most three lines).
const TITLE_MAX_W: i32 = 960;

fn title_box(t: &str) -> TextBox {
    let lines = text::wrap(t, TITLE_MAX_W, text::TITLE_SIZE, true);
    let w = text::block_width(&lines, text::TITLE_SIZE, true);
    let h = size::int(lines.len()).saturating_mul(text::line_height(text::TITLE_SIZE));
    TextBox { rect: Rect::new(MARGIN, MARGIN, w, h), lines, size: text::TITLE_SIZE, anchor: Anchor::Start, bold: true }
}

/// Moves everything so the bounding box starts at the margin, and sizes the
/// page to it plus the margin.
fn normalize(l: &mut Layout) {
    let mut rects: Vec<Rect> = Vec::with_capacity(l.containers.len() + 2 * l.nodes.len() + 1);
    rects.extend(l.containers.iter().map(|c| c.rect));
    rects.extend(l.containers.iter().flat_map(|c| c.badges.iter().map(|b| b.rect)));
    rects.extend(l.nodes.iter().map(|n| n.rect));
    rects.extend(l.nodes.iter().filter(|n| !n.label_box.lines.is_empty()).map(|n| n.label_box.rect));
    rects.extend(l.title.iter().map(|t| t.rect));
    let Some(first) = rects.first().copied() else {
        l.width = 2 * MARGIN;
        l.height = 2 * MARGIN;
        return;
    };
    let (mut x0, mut y0, mut x1, mut y1) = (first.x, first.y, first.right(), first.bottom());
    for r in &rects {
        x0 = x0.min(r.x);
        y0 = y0.min(r.y);
        x1 = x1.max(r.right());
        y1 = y1.max(r.bottom());
    }
    let (dx, dy) = (MARGIN - x0, MARGIN - y0);
    if dx != 0 || dy != 0 {
        let shift = |r: &mut Rect| {
            r.x += dx;
            r.y += dy;
        };
        for c in &mut l.containers {
            shift(&mut c.rect);
            shift(&mut c.label_box.rect);
            c.badges.iter_mut().for_each(|b| shift(&mut b.rect));
        }
        for n in &mut l.nodes {
            shift(&mut n.rect);
            shift(&mut n.label_box.rect);
        }
        if let Some(t) = &mut l.title {
            shift(&mut t.rect);
        }
    }
    l.width = x1 - x0 + 2 * MARGIN;
    l.height = y1 - y0 + 2 * MARGIN;
}

/// An icon's rect (a glyph box) at `(x, y)`.
pub(super) fn icon_rect(x: i32, y: i32) -> Rect {
    Rect::new(x, y, ICON, ICON)
}
