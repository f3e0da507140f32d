//! A private checker of the router's hard rules, by plain geometry (no
//! code shared with the router but `crosses`), and a drawing to look at.

use crate::types::{Layout, Rect};

/// Every container holding `id` (by parent, and by `in` for a node).
pub(super) fn holders(l: &Layout, id: &str) -> Vec<String> {
    let parent_of =
        |id: &str| -> Option<String> { l.containers.iter().find(|c| c.id == id).and_then(|c| c.parent.clone()) };
    let mut out = Vec::new();
    let mut starts: Vec<Option<String>> = Vec::new();
    if let Some(n) = l.nodes.iter().find(|n| n.id == id) {
        starts.push(n.parent.clone());
        starts.extend(n.placed_in.iter().cloned().map(Some));
    } else {
        starts.push(parent_of(id));
    }
    for mut at in starts {
        while let Some(c) = at {
            at = parent_of(&c);
            out.push(c);
        }
    }
    out
}

pub(super) fn interior_hit(a: [i32; 2], b: [i32; 2], r: Rect) -> bool {
    crate::route::nudge::crosses((a, b), r)
}

pub(super) fn on_border(p: [i32; 2], r: Rect) -> bool {
    let in_x = p[0] >= r.x && p[0] <= r.right();
    let in_y = p[1] >= r.y && p[1] <= r.bottom();
    ((p[0] == r.x || p[0] == r.right()) && in_y) || ((p[1] == r.y || p[1] == r.bottom()) && in_x)
}

/// The hard rules, each broken instance described.
pub(super) fn violations(l: &Layout) -> Vec<String> {
    let mut out = Vec::new();
    let rect_of = |id: &str| {
        l.nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.rect)
            .or_else(|| l.containers.iter().find(|c| c.id == id).map(|c| c.rect))
    };
    for (i, e) in l.edges.iter().enumerate() {
        let name = format!("edge {i} {}->{}", e.from, e.to);
        if e.points.len() < 2 {
            out.push(format!("{name}: no points"));
            continue;
        }
        let (Some(fr), Some(tr)) = (rect_of(&e.from), rect_of(&e.to)) else { continue };
        if !on_border(e.points[0], fr) {
            out.push(format!("{name}: starts off border {:?}", e.points[0]));
        }
        if !on_border(*e.points.last().unwrap(), tr) {
            out.push(format!("{name}: ends off border {:?}", e.points.last()));
        }
        let mut held = holders(l, &e.from);
        held.extend(holders(l, &e.to));
        for w in e.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a[0] != b[0] && a[1] != b[1] {
                out.push(format!("{name}: diagonal {a:?} {b:?}"));
            }
            for n in &l.nodes {
                if interior_hit(a, b, n.rect) {
                    out.push(format!("{name}: through node {} at {a:?}-{b:?}", n.id));
                }
            }
            for c in &l.containers {
                let foreign = !held.contains(&c.id);
                if foreign && interior_hit(a, b, c.rect) {
                    out.push(format!("{name}: through container {} at {a:?}-{b:?}", c.id));
                }
            }
        }
    }
    let mut labels: Vec<(String, Rect)> = Vec::new();
    for n in &l.nodes {
        labels.push((format!("label of {}", n.id), n.label_box.rect));
    }
    for c in &l.containers {
        labels.push((format!("label of {}", c.id), c.label_box.rect));
    }
    for (i, e) in l.edges.iter().enumerate() {
        let Some(lb) = &e.label_box else { continue };
        let r = lb.rect;
        for n in &l.nodes {
            if n.rect.overlaps(&r) {
                out.push(format!("label of edge {i} over node {}", n.id));
            }
        }
        for (what, o) in &labels {
            if o.overlaps(&r) {
                out.push(format!("label of edge {i} over {what}"));
            }
        }
        labels.push((format!("label of edge {i}"), r));
    }
    out
}

/// Edges crossing a node's or container's label (soft: the router avoids
/// them unless nothing else works).
pub(super) fn through_labels(l: &Layout) -> Vec<String> {
    let labels: Vec<(&str, Rect)> = l
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.label_box.rect))
        .chain(l.containers.iter().map(|c| (c.id.as_str(), c.label_box.rect)))
        .collect();
    let mut out = Vec::new();
    for (i, e) in l.edges.iter().enumerate() {
        for w in e.points.windows(2) {
            for (id, r) in &labels {
                if interior_hit(w[0], w[1], *r) {
                    out.push(format!("edge {i} {}->{} through the label of {id}", e.from, e.to));
                }
            }
        }
    }
    out
}

pub(super) fn bends(l: &Layout) -> usize {
    l.edges.iter().map(|e| e.points.len().saturating_sub(2)).sum()
}
