//! Orthogonal routing in the channels between boxes, after `place`.
//!
//! Each edge is searched alone (`search`) on a sparse grid (`grid`) built
//! from only what it must avoid (`holders`): the boxes inside the lowest
//! container holding both ends, with every container that holds neither end
//! taken as one opaque box. Then edges sharing a line are spread apart
//! (`nudge`, which also spreads ports on a node's side) and labels are
//! placed where they cover nothing (`labels`).

mod grid;
mod holders;
mod labels;
mod nudge;
mod search;
#[cfg(test)]
mod tests;

use crate::types::{Layout, Rect};
use holders::{Index, Item, Marks};
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
    let mut marks = Marks::default();
    let mut scratch = search::Scratch::default();
    let mut keep: Vec<Option<Keep>> = Vec::with_capacity(edges.len());
    for edge in edges.iter_mut() {
        edge.points.clear();
        let ends = index.item(&edge.from).zip(index.item(&edge.to)).filter(|(a, b)| a != b);
        let Some((a, b)) = ends else {
            stats.unresolved += 1;
            keep.push(None);
            continue;
        };
        let (Some(ra), Some(rb)) = (index.rect(a), index.rect(b)) else {
            stats.unresolved += 1;
            keep.push(None);
            continue;
        };
        match route_one(&index, a, b, &mut marks, &mut scratch) {
            Some((points, through_labels, obstacles)) => {
                stats.through_labels += usize::from(through_labels);
                edge.points = points;
                let mut hard = obstacles.hard;
                hard.extend(
                    [(obstacles.from, obstacles.from_inner), (obstacles.to, obstacles.to_inner)]
                        .into_iter()
                        .filter(|(_, inner)| !inner)
                        .map(|(r, _)| r),
                );
                keep.push(Some(Keep { from: obstacles.from, to: obstacles.to, hard }));
            }
            None => {
                stats.fallbacks += 1;
                edge.points = fallback(ra, rb);
                keep.push(None);
            }
        }
    }
    nudge::nudge(edges, &keep);
    let canvas = Rect::new(0, 0, *width, *height);
    stats.labels_omitted = labels::place(edges, containers, nodes, title.as_ref(), canvas);
    stats
}

/// The path of one edge, whether it had to cross labels, and its obstacles.
fn route_one(
    index: &Index,
    a: Item,
    b: Item,
    marks: &mut Marks,
    scratch: &mut search::Scratch,
) -> Option<(Vec<[i32; 2]>, bool, holders::Obstacles)> {
    let obstacles = index.obstacles(a, b, marks)?;
    let grid = grid::Grid::build(&obstacles)?;
    if let Some(points) = search::find(&grid, &obstacles, grid::HARD | grid::SOFT, scratch) {
        return Some((points, false, obstacles));
    }
    let points = search::find(&grid, &obstacles, grid::HARD, scratch)?;
    Some((points, true, obstacles))
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
