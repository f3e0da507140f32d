//! The measures of boxes: nodes overlapping nodes or foreign containers,
//! labels overlapping, boxes outside their parent, siblings overlapping.

use super::geom::{contains, overlaps, touches};
use super::grid::{Bounds, Grid};
use super::tree::Tree;
use super::Tally;
use crate::{Layout, Rect, TextBox};

pub(super) fn node_overlaps(layout: &Layout, findings: &mut Vec<String>) -> usize {
    let mut tally = Tally::new(findings, "node_overlaps");
    let bounds: Vec<Bounds> = layout.nodes.iter().map(|n| Bounds::of_rect(&n.rect)).collect();
    Grid::new(&bounds).pairs(|i, j| {
        if let (Some(a), Some(b)) = (layout.nodes.get(i), layout.nodes.get(j)) {
            if overlaps(&a.rect, &b.rect) {
                tally.add(|| format!("{} and {}", a.id, b.id));
            }
        }
    });
    tally.count()
}

/// Whose a label box is: a node's own label may lie on it (a band's does).
#[derive(Clone, Copy, PartialEq)]
enum Owner {
    Node(usize),
    Other,
}

struct Label<'a> {
    rect: Rect,
    owner: Owner,
    what: &'a str,
}

/// A box that shows text: not an empty one.
fn drawn(t: &TextBox) -> bool {
    t.rect.w > 0 && t.rect.h > 0 && t.lines.iter().any(|l| !l.is_empty())
}

fn labels(layout: &Layout) -> Vec<Label<'_>> {
    let mut out = Vec::new();
    if let Some(t) = layout.title.as_ref().filter(|t| drawn(t)) {
        out.push(Label { rect: t.rect, owner: Owner::Other, what: "the title" });
    }
    for c in &layout.containers {
        if drawn(&c.label_box) {
            out.push(Label { rect: c.label_box.rect, owner: Owner::Other, what: &c.id });
        }
        for b in c.badges.iter().filter(|b| b.rect.w > 0 && b.rect.h > 0) {
            out.push(Label { rect: b.rect, owner: Owner::Other, what: &b.id });
        }
    }
    for (i, n) in layout.nodes.iter().enumerate() {
        if drawn(&n.label_box) {
            out.push(Label { rect: n.label_box.rect, owner: Owner::Node(i), what: &n.id });
        }
    }
    for e in &layout.edges {
        if let Some(t) = e.label_box.as_ref().filter(|t| drawn(t)) {
            let what = e.label.as_deref().unwrap_or(&e.from);
            out.push(Label { rect: t.rect, owner: Owner::Other, what });
        }
    }
    out
}

/// Labels overlapping labels, and labels overlapping nodes other than their
/// own: the items of one grid are the labels, then the nodes.
pub(super) fn label_overlaps(layout: &Layout, findings: &mut Vec<String>) -> usize {
    let mut tally = Tally::new(findings, "label_overlaps");
    let labels = labels(layout);
    let mut bounds: Vec<Bounds> = labels.iter().map(|l| Bounds::of_rect(&l.rect)).collect();
    bounds.extend(layout.nodes.iter().map(|n| Bounds::of_rect(&n.rect)));
    Grid::new(&bounds).pairs(|i, j| {
        // i < j, so a pair of a label and a node has the label first.
        let Some(a) = labels.get(i) else { return };
        if let Some(b) = labels.get(j) {
            if overlaps(&a.rect, &b.rect) {
                tally.add(|| format!("label of {} and label of {}", a.what, b.what));
            }
        } else if let Some(n) = layout.nodes.get(j - labels.len()) {
            if a.owner != Owner::Node(j - labels.len()) && overlaps(&a.rect, &n.rect) {
                tally.add(|| format!("label of {} over node {}", a.what, n.id));
            }
        }
    });
    tally.count()
}

/// Whether a box with this `parent` lies where it should: inside the
/// parent's box (or the canvas); a `border` node straddling the parent's
/// border instead, within half its own size of it.
fn placed_right(rect: &Rect, parent: Option<&Rect>, canvas: &Rect, on_border: bool) -> bool {
    match parent {
        Some(p) if on_border => {
            let reach = rect.w.max(rect.h).max(0) / 2 + 1;
            let inner =
                Rect::new(p.x.saturating_add(1), p.y.saturating_add(1), p.w.saturating_sub(2), p.h.saturating_sub(2));
            let outer = Rect::new(
                p.x.saturating_sub(reach),
                p.y.saturating_sub(reach),
                p.w.saturating_add(reach.saturating_mul(2)),
                p.h.saturating_add(reach.saturating_mul(2)),
            );
            contains(&outer, rect) && !contains(&inner, rect) && touches(p, rect)
        }
        Some(p) => contains(p, rect),
        None => contains(canvas, rect),
    }
}

pub(super) fn outside_parent(layout: &Layout, tree: &Tree, findings: &mut Vec<String>) -> usize {
    let mut tally = Tally::new(findings, "nodes_outside_container");
    let canvas = Rect::new(0, 0, layout.width, layout.height);
    let rect_of = |p: Option<&String>| -> Result<Option<&Rect>, ()> {
        match p {
            None => Ok(None),
            Some(id) => tree.container(id).and_then(|c| layout.containers.get(c)).map(|c| Some(&c.rect)).ok_or(()),
        }
    };
    for c in &layout.containers {
        let right = rect_of(c.parent.as_ref()).is_ok_and(|p| placed_right(&c.rect, p, &canvas, false));
        if !right {
            tally.add(|| format!("container {} in {}", c.id, c.parent.as_deref().unwrap_or("the canvas")));
        }
    }
    for n in &layout.nodes {
        let right = rect_of(n.parent.as_ref()).is_ok_and(|p| placed_right(&n.rect, p, &canvas, n.shape == "border"));
        if !right {
            tally.add(|| format!("node {} in {}", n.id, n.parent.as_deref().unwrap_or("the canvas")));
        }
    }
    tally.count()
}

pub(super) fn node_container_overlaps(layout: &Layout, tree: &Tree, findings: &mut Vec<String>) -> usize {
    let mut tally = Tally::new(findings, "node_container_overlaps");
    let mut holders = Vec::new();
    for n in &layout.nodes {
        holders.clear();
        tree.holders(layout, &n.id, &mut holders);
        if let Some(c) = tree.foreign(&holders, |r| overlaps(r, &n.rect)) {
            let c = layout.containers.get(c).map_or("?", |c| c.id.as_str());
            tally.add(|| format!("node {} over {c}", n.id));
        }
    }
    tally.count()
}

pub(super) fn container_overlaps(layout: &Layout, tree: &Tree, findings: &mut Vec<String>) -> usize {
    let mut tally = Tally::new(findings, "container_overlaps");
    for group in tree.sibling_groups().filter(|g| g.len() > 1) {
        let bounds: Vec<Bounds> =
            group.iter().filter_map(|&c| layout.containers.get(c)).map(|c| Bounds::of_rect(&c.rect)).collect();
        Grid::new(&bounds).pairs(|i, j| {
            let a = group.get(i).and_then(|&c| layout.containers.get(c));
            let b = group.get(j).and_then(|&c| layout.containers.get(c));
            if let (Some(a), Some(b)) = (a, b) {
                if overlaps(&a.rect, &b.rect) {
                    tally.add(|| format!("{} and {}", a.id, b.id));
                }
            }
        });
    }
    tally.count()
}
