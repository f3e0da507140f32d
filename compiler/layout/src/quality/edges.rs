//! The measures of edges: where they run (through nodes, through foreign
//! containers), how they end, how they bend and how often they cross.

use super::geom::{collinear_overlap, enters, on_border, orient, proper_crossing, strictly_inside_segment, Point};
use super::grid::{Bounds, Grid};
use super::tree::Tree;
use super::{Quality, Tally};
use crate::{Edge, Layout, Rect};

/// One segment of an edge's polyline.
struct Segment {
    edge: usize,
    a: Point,
    b: Point,
}

/// The edge's points without repeats (a zero-length segment is no segment).
fn path(e: &Edge) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(e.points.len());
    for &p in &e.points {
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// The box of the node or container `id`.
fn rect_of<'l>(layout: &'l Layout, tree: &Tree, id: &str) -> Option<&'l Rect> {
    if let Some(n) = tree.node(id).and_then(|n| layout.nodes.get(n)) {
        return Some(&n.rect);
    }
    tree.container(id).and_then(|c| layout.containers.get(c)).map(|c| &c.rect)
}

/// The direction changes along a path: consecutive segments that are not
/// on one line going the same way (a turn back counts too).
pub(super) fn bends(path: &[Point]) -> usize {
    path.windows(3)
        .filter(|w| match w {
            [a, b, c] => {
                let forward = (i128::from(b[0]) - i128::from(a[0])) * (i128::from(c[0]) - i128::from(b[0]))
                    + (i128::from(b[1]) - i128::from(a[1])) * (i128::from(c[1]) - i128::from(b[1]));
                orient(*a, *b, *c) != 0 || forward < 0
            }
            _ => false,
        })
        .count()
}

pub(super) fn measure(layout: &Layout, tree: &Tree, q: &mut Quality, findings: &mut Vec<String>) {
    let paths: Vec<Vec<Point>> = layout.edges.iter().map(path).collect();
    let routed = |p: &Vec<Point>| p.len() >= 2;
    q.bends = paths.iter().map(|p| bends(p)).sum();
    let mut tally = Tally::new(findings, "edge_labels_omitted");
    for e in layout.edges.iter().filter(|e| e.label.is_some() && e.label_box.is_none()) {
        tally.add(|| format!("{} -> {} {:?}", e.from, e.to, e.label.as_deref().unwrap_or_default()));
    }
    q.edge_labels_omitted = tally.count();
    let mut tally = Tally::new(findings, "edges_unrouted");
    for (e, p) in layout.edges.iter().zip(&paths) {
        if !routed(p) {
            tally.add(|| format!("{} -> {}", e.from, e.to));
        }
    }
    q.edges_unrouted = tally.count();

    let mut tally = Tally::new(findings, "edge_not_orthogonal");
    for (e, p) in layout.edges.iter().zip(&paths) {
        if p.windows(2).any(|s| matches!(s, [a, b] if a[0] != b[0] && a[1] != b[1])) {
            tally.add(|| format!("{} -> {}", e.from, e.to));
        }
    }
    q.edge_not_orthogonal = tally.count();

    let mut tally = Tally::new(findings, "edge_ends_off_border");
    for (e, p) in layout.edges.iter().zip(&paths) {
        let (Some(first), Some(last)) = (e.points.first(), e.points.last()) else { continue };
        let from_ok = rect_of(layout, tree, &e.from).is_some_and(|r| on_border(*first, r));
        let to_ok = rect_of(layout, tree, &e.to).is_some_and(|r| on_border(*last, r));
        if routed(p) && !(from_ok && to_ok) {
            let end = if from_ok { "last point off to" } else { "first point off from" };
            tally.add(|| format!("{} -> {} ({end})", e.from, e.to));
        }
    }
    q.edge_ends_off_border = tally.count();

    let segments: Vec<Segment> = paths
        .iter()
        .enumerate()
        .flat_map(|(edge, p)| {
            p.windows(2).filter_map(move |s| match s {
                [a, b] => Some(Segment { edge, a: *a, b: *b }),
                _ => None,
            })
        })
        .collect();
    q.edges_through_nodes = through_nodes(layout, &segments, findings);
    q.edges_through_foreign_containers = through_foreign_containers(layout, tree, &paths, findings);
    q.edges_into_end_container = into_end_container(layout, tree, &paths, findings);
    let (crossings, overlaps) = crossings(&paths, &segments);
    q.crossings = crossings;
    q.segment_overlaps = overlaps;
}

fn through_nodes(layout: &Layout, segments: &[Segment], findings: &mut Vec<String>) -> usize {
    let mut tally = Tally::new(findings, "edges_through_nodes");
    let bounds: Vec<Bounds> = layout.nodes.iter().map(|n| Bounds::of_rect(&n.rect)).collect();
    let grid = Grid::new(&bounds);
    let mut flagged = vec![false; layout.edges.len()];
    for s in segments {
        let (Some(e), Some(false)) = (layout.edges.get(s.edge), flagged.get(s.edge).copied()) else { continue };
        let mut hit = None;
        grid.near(&Bounds::of_segment(s.a, s.b), |i| {
            if let Some(n) = layout.nodes.get(i) {
                if hit.is_none() && n.id != e.from && n.id != e.to && enters(s.a, s.b, &n.rect) {
                    hit = Some(n.id.as_str());
                }
            }
        });
        if let Some(node) = hit {
            if let Some(f) = flagged.get_mut(s.edge) {
                *f = true;
            }
            tally.add(|| format!("{} -> {} through {node}", e.from, e.to));
        }
    }
    tally.count()
}

fn through_foreign_containers(layout: &Layout, tree: &Tree, paths: &[Vec<Point>], findings: &mut Vec<String>) -> usize {
    let mut tally = Tally::new(findings, "edges_through_foreign_containers");
    let mut holders = Vec::new();
    for (e, p) in layout.edges.iter().zip(paths) {
        holders.clear();
        tree.holders(layout, &e.from, &mut holders);
        tree.holders(layout, &e.to, &mut holders);
        let hit = p.windows(2).find_map(|s| match s {
            [a, b] => tree.foreign(&holders, |r| enters(*a, *b, r)),
            _ => None,
        });
        if let Some(c) = hit {
            let c = layout.containers.get(c).map_or("?", |c| c.id.as_str());
            tally.add(|| format!("{} -> {} through {c}", e.from, e.to));
        }
    }
    tally.count()
}

/// Edges that enter a container which is one of their ends: such an edge
/// attaches at the container's border and stays outside it, unless its other
/// end is inside that container (then it has to go in).
fn into_end_container(layout: &Layout, tree: &Tree, paths: &[Vec<Point>], findings: &mut Vec<String>) -> usize {
    let mut tally = Tally::new(findings, "edges_into_end_container");
    let mut holders = Vec::new();
    for (e, p) in layout.edges.iter().zip(paths) {
        for (end, other) in [(&e.from, &e.to), (&e.to, &e.from)] {
            let Some(c) = tree.container(end) else { continue };
            holders.clear();
            tree.holders(layout, other, &mut holders);
            if holders.contains(&c) {
                continue;
            }
            let Some(rect) = layout.containers.get(c).map(|c| &c.rect) else { continue };
            if p.windows(2).any(|s| matches!(s, [a, b] if enters(*a, *b, rect))) {
                tally.add(|| format!("{} -> {} into {end}", e.from, e.to));
                break;
            }
        }
    }
    tally.count()
}

/// Crossings between different edges, and pairs of their segments drawn on
/// top of each other. A crossing is either a proper crossing of two
/// segments (a point inside both), or an edge's bend point lying inside
/// another edge's segment with the bend's two neighbours strictly on either
/// side of that segment's line (the edge passes through at its bend; the
/// two segments at the bend do not cross properly, so this is not counted
/// twice). Two edges bending at the very same point are not counted.
fn crossings(paths: &[Vec<Point>], segments: &[Segment]) -> (usize, usize) {
    let bounds: Vec<Bounds> = segments.iter().map(|s| Bounds::of_segment(s.a, s.b)).collect();
    let grid = Grid::new(&bounds);
    let (mut crossings, mut overlaps) = (0, 0);
    grid.pairs(|i, j| {
        if let (Some(s), Some(t)) = (segments.get(i), segments.get(j)) {
            if s.edge != t.edge {
                if proper_crossing(s.a, s.b, t.a, t.b) {
                    crossings += 1;
                } else if collinear_overlap(s.a, s.b, t.a, t.b) {
                    overlaps += 1;
                }
            }
        }
    });
    for (edge, p) in paths.iter().enumerate() {
        for w in p.windows(3) {
            let [before, at, after] = w else { continue };
            let here = Bounds::of_segment(*at, *at);
            grid.near(&here, |j| {
                if let Some(t) = segments.get(j) {
                    if t.edge != edge
                        && strictly_inside_segment(*at, t.a, t.b)
                        && orient(t.a, t.b, *before) * orient(t.a, t.b, *after) < 0
                    {
                        crossings += 1;
                    }
                }
            });
        }
    }
    (crossings, overlaps)
}
