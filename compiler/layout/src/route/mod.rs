//! Orthogonal routing in the channels between boxes, after `place`.
//!
//! Each edge is searched alone (`search`, A* with a cost per bend) on a
//! sparse grid (`grid`) built from only what it must avoid (`holders`): the
//! boxes inside the lowest container holding both ends, with every container
//! that holds neither end taken as one opaque box. Edges with the same
//! holders share a grid; an edge alone is first searched on a grid of just
//! the area around its ends. Then edges sharing a line are spread apart
//! (`nudge`, which also spreads ports on a node's side) and labels are
//! placed where they cover nothing (`labels`).

mod grid;
mod holders;
mod labels;
mod nudge;
mod order;
mod search;
#[cfg(test)]
mod tests;

use crate::types::{Layout, Rect};
use std::collections::BTreeMap;
use std::rc::Rc;

use holders::{Index, Item, Marks, Plan};
use nudge::Keep;

/// What routing could not do well, for tests and reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RouteStats {
    /// Edges with no path that avoids everything: drawn as a plain L.
    pub fallbacks: usize,
    /// Edges whose path crosses a label or badge because nothing else works.
    pub through_labels: usize,
    /// Edges whose `from` or `to` is not a drawn box: left without points.
    pub unresolved: usize,
    /// Labels with no free place: left without a box.
    pub labels_omitted: usize,
}

pub(crate) fn route(layout: &mut Layout) -> RouteStats {
    let mut stats = RouteStats::default();
    let Layout { containers, nodes, edges, title, width, height, .. } = layout;
    let index = Index::new(containers, nodes, *width, *height);
    // Edges with the same plan share one grid: group them. The groups are
    // routed in the BTreeMap's order, members in edge order, so the result
    // is the same every time (a later edge sees which ports earlier ones
    // took).
    let mut groups: BTreeMap<Plan, Vec<(usize, Item, Item)>> = BTreeMap::new();
    for (e, edge) in edges.iter_mut().enumerate() {
        edge.points.clear();
        let ends = index.item(&edge.from).zip(index.item(&edge.to)).filter(|(a, b)| a != b);
        match ends {
            Some((a, b)) => groups.entry(index.plan(a, b)).or_default().push((e, a, b)),
            None => stats.unresolved += 1,
        }
    }
    let mut marks = Marks::default();
    let mut scratch = search::Scratch::default();
    let mut keep: Vec<Option<Keep>> = Vec::new();
    keep.resize_with(edges.len(), || None);
    for (plan, members) in &groups {
        let obstacles = index.obstacles(plan, &mut marks);
        let mut ends_lines: Vec<Rect> =
            members.iter().flat_map(|&(_, a, b)| [index.rect(a), index.rect(b)]).flatten().collect();
        ends_lines.sort_unstable_by_key(|r| (r.x, r.y, r.w, r.h));
        ends_lines.dedup();
        // The group's edges are first searched around their ends, on a grid
        // of just that area; the whole region's grid is built only for an
        // edge that finds no path there.
        let region = obstacles.region;
        let area = members
            .iter()
            .filter_map(|&(_, a, b)| Some(near(index.rect(a)?, index.rect(b)?)))
            .reduce(holders::union)
            .filter(|area| plan.enclosing.is_none() && !area.contains(&region));
        let mut local: Option<Option<grid::Grid>> = None;
        let mut full: Option<Option<grid::Grid>> = None;
        let soft: Rc<[Rect]> = obstacles.soft.iter().copied().collect();
        let hard: Rc<[Rect]> =
            obstacles.nodes.iter().chain(obstacles.boxes.iter()).chain(obstacles.ends.iter()).copied().collect();
        for &(e, a, b) in members {
            let (Some(from), Some(to), Some(edge)) = (index.rect(a), index.rect(b), edges.get_mut(e)) else { continue };
            let inner = |item: Item| matches!(item, Item::Container(c) if Some(c) == plan.enclosing);
            let ends = search::Ends { from, to, from_inner: inner(a), to_inner: inner(b) };
            let clear = grid::HARD | grid::SOFT;
            let mut found = None;
            if let Some(area) = area {
                let grid = local.get_or_insert_with(|| grid::Grid::build(&obstacles, &ends_lines, area)).as_ref();
                let near = near(from, to);
                found = grid.and_then(|g| search::find(g, &ends, near, clear, &mut scratch)).map(|p| (p, false));
            }
            if found.is_none() {
                let grid = full.get_or_insert_with(|| grid::Grid::build(&obstacles, &ends_lines, region)).as_ref();
                found = grid.and_then(|g| {
                    search::find(g, &ends, region, clear, &mut scratch)
                        .map(|p| (p, false))
                        .or_else(|| search::find(g, &ends, region, grid::HARD, &mut scratch).map(|p| (p, true)))
                });
            }
            match found {
                Some((points, through_labels)) => {
                    stats.through_labels += usize::from(through_labels);
                    scratch.note_ports(&points);
                    edge.points = points;
                    if let Some(k) = keep.get_mut(e) {
                        *k = Some(Keep {
                            from,
                            to,
                            inner: [ends.from_inner, ends.to_inner],
                            region: obstacles.region,
                            hard: Rc::clone(&hard),
                            soft: Rc::clone(&soft),
                        });
                    }
                }
                None => {
                    stats.fallbacks += 1;
                    edge.points = fallback(from, to);
                }
            }
        }
    }
    nudge::nudge(edges, &keep);
    let canvas = Rect::new(0, 0, *width, *height);
    stats.labels_omitted = labels::place(edges, containers, nodes, title.as_ref(), canvas);
    stats
}

/// How far around its ends an edge is first searched (more for a long
/// edge), on a grid of only the area around its group's ends. Most paths
/// stay there; the rest are searched in the whole region, avoiding labels,
/// then crossing them if nothing else works.
const WINDOW: i32 = 200;

/// The area an edge is first searched in: its ends and some room around.
fn near(from: Rect, to: Rect) -> Rect {
    let both = holders::union(from, to);
    both.grow(WINDOW.max(both.w.max(both.h) / 4))
}

/// A plain orthogonal path between two boxes that ignores obstacles: for an
/// edge with no free path, so that it is still drawn.
fn fallback(a: Rect, b: Rect) -> Vec<[i32; 2]> {
    let (acx, acy) = (a.x + a.w / 2, a.y + a.h / 2);
    let (bcx, bcy) = (b.x + b.w / 2, b.y + b.h / 2);
    let lo_x = a.x.max(b.x);
    let hi_x = a.right().min(b.right());
    if lo_x < hi_x {
        let x = lo_x + (hi_x - lo_x) / 2;
        return if acy <= bcy { vec![[x, a.bottom()], [x, b.y]] } else { vec![[x, a.y], [x, b.bottom()]] };
    }
    let lo_y = a.y.max(b.y);
    let hi_y = a.bottom().min(b.bottom());
    if lo_y < hi_y {
        let y = lo_y + (hi_y - lo_y) / 2;
        return if acx <= bcx { vec![[a.right(), y], [b.x, y]] } else { vec![[a.x, y], [b.right(), y]] };
    }
    // Leave `a` sideways towards `b`, then turn into `b` from above or below.
    let start_x = if bcx > acx { a.right() } else { a.x };
    let end_y = if acy < bcy { b.y } else { b.bottom() };
    vec![[start_x, acy], [bcx, acy], [bcx, end_y]]
}
