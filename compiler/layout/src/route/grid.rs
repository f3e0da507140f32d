//! The sparse grid an edge is searched on: a few candidate lines per axis
//! (beside each obstacle, the middle of each gap, the ends' borders and
//! centres), and which grid steps are blocked.
//!
//! The placement aligns boxes on rows and columns, so the distinct
//! coordinates stay few and the grid small. Obstacle borders themselves are
//! not lines: a path keeps a margin from what it passes, and a step that
//! runs along or through an obstacle (its closed box across, its open span
//! along) is blocked.

use super::holders::Obstacles;
use crate::types::Rect;

/// Blocked by a node or a foreign container: never crossed.
pub(crate) const HARD: u8 = 1;
/// Blocked by a label or badge: crossed only when nothing else works.
pub(crate) const SOFT: u8 = 2;

/// Gaps narrower than this get no line: no channel is that narrow (the
/// placement leaves at least 24), they are slits between borders of
/// unrelated boxes, and a line in each would double the grid.
const MIN_GAP: i32 = 8;

/// Beyond this many vertices an edge is not searched (drawn as an L).
const MAX_VERTICES: usize = 1_000_000;

pub(crate) struct Grid {
    pub xs: Vec<i32>,
    pub ys: Vec<i32>,
    /// The step from (i, j) to (i + 1, j), at `j * (nx - 1) + i`.
    h: Vec<u8>,
    /// The step from (i, j) to (i, j + 1), at `j * nx + i`.
    v: Vec<u8>,
}

impl Grid {
    /// The grid of the edges whose ends are `ends` (their borders and
    /// centres are lines, for ports), over the part of the region inside
    /// `clip`.
    pub(crate) fn build(o: &Obstacles, ends: &[Rect], clip: Rect) -> Option<Grid> {
        let r = if o.with_bounds { o.region } else { intersection(o.region, clip)? };
        let near = |b: &&Rect| b.x <= r.right() && b.right() >= r.x && b.y <= r.bottom() && b.bottom() >= r.y;
        let blocking = || o.nodes.iter().chain(o.boxes.iter()).chain(o.ends.iter()).filter(near);
        let all = || blocking().chain(o.soft.iter().filter(near)).chain(o.frames.iter().filter(near));
        // Ports lie on the borders of the ends, best at the middle of a side.
        let attach = || ends.iter();
        let xs = lines(r.x, r.right(), o.with_bounds, all().map(|r| (r.x, r.right())), attach().map(|r| (r.x, r.w)));
        let ys = lines(r.y, r.bottom(), o.with_bounds, all().map(|r| (r.y, r.bottom())), attach().map(|r| (r.y, r.h)));
        let nx = xs.len();
        let ny = ys.len();
        if nx < 2 || ny < 2 || nx.saturating_mul(ny) > MAX_VERTICES {
            return None;
        }
        let mut grid = Grid { h: vec![0; (nx - 1) * ny], v: vec![0; nx * (ny - 1)], xs, ys };
        for r in blocking() {
            grid.mark(*r, HARD);
        }
        for r in o.soft.iter().filter(near) {
            grid.mark(*r, SOFT);
        }
        Some(grid)
    }

    pub(crate) fn nx(&self) -> usize {
        self.xs.len()
    }

    pub(crate) fn ny(&self) -> usize {
        self.ys.len()
    }

    /// Blocks every step that enters `r` or runs along its border. Steps
    /// wholly inside are left alone: no path can reach them, since each way
    /// in is blocked, and a big box would otherwise cost rows × columns.
    fn mark(&mut self, r: Rect, bit: u8) {
        if r.w <= 0 || r.h <= 0 {
            return;
        }
        let nx = self.nx();
        let ny = self.ny();
        // Horizontal steps on rows r.y ..= r.bottom whose open span meets (r.x, r.right).
        let j0 = self.ys.partition_point(|&y| y < r.y);
        let j1 = self.ys.partition_point(|&y| y <= r.bottom());
        let i0 = self.xs.partition_point(|&x| x <= r.x).saturating_sub(1);
        let i1 = self.xs.partition_point(|&x| x < r.right()).min(nx - 1);
        for j in j0..j1 {
            let on_border = self.ys.get(j).is_some_and(|&y| y == r.y || y == r.bottom());
            mark_run(&mut self.h, j * (nx - 1), i0, i1, on_border, bit);
        }
        let i0 = self.xs.partition_point(|&x| x < r.x);
        let i1 = self.xs.partition_point(|&x| x <= r.right());
        let j0 = self.ys.partition_point(|&y| y <= r.y).saturating_sub(1);
        let j1 = self.ys.partition_point(|&y| y < r.bottom()).min(ny - 1);
        for i in i0..i1 {
            let on_border = self.xs.get(i).is_some_and(|&x| x == r.x || x == r.right());
            if on_border || j1.saturating_sub(j0) <= 2 {
                for j in j0..j1 {
                    set(&mut self.v, j * nx + i, bit);
                }
            } else {
                set(&mut self.v, j0 * nx + i, bit);
                set(&mut self.v, (j1 - 1) * nx + i, bit);
            }
        }
    }

    /// True when the step from (i, j) to (i + 1, j) is blocked by `mask`.
    pub(crate) fn h_blocked(&self, i: usize, j: usize, mask: u8) -> bool {
        self.h.get(j * (self.nx() - 1) + i).is_none_or(|s| s & mask != 0)
    }

    /// True when the step from (i, j) to (i, j + 1) is blocked by `mask`.
    pub(crate) fn v_blocked(&self, i: usize, j: usize, mask: u8) -> bool {
        self.v.get(j * self.nx() + i).is_none_or(|s| s & mask != 0)
    }
}

/// Marks the steps `from..to` of the run starting at `base`: all of them
/// along a border, else the first and the last (the ways in).
fn mark_run(steps: &mut [u8], base: usize, from: usize, to: usize, all: bool, bit: u8) {
    if all || to.saturating_sub(from) <= 2 {
        for i in from..to {
            set(steps, base + i, bit);
        }
    } else {
        set(steps, base + from, bit);
        set(steps, base + to - 1, bit);
    }
}

fn set(steps: &mut [u8], at: usize, bit: u8) {
    if let Some(s) = steps.get_mut(at) {
        *s |= bit;
    }
}

fn intersection(a: Rect, b: Rect) -> Option<Rect> {
    let x = a.x.max(b.x);
    let y = a.y.max(b.y);
    let right = a.right().min(b.right());
    let bottom = a.bottom().min(b.bottom());
    (right > x && bottom > y).then(|| Rect::new(x, y, right - x, bottom - y))
}

/// The candidate lines of one axis inside (lo, hi): for each gap between
/// consecutive obstacle borders its middle; the ends' borders and centres. The region's
/// own borders only when an end is the region (`with_bounds`).
fn lines(
    lo: i32,
    hi: i32,
    with_bounds: bool,
    spans: impl Iterator<Item = (i32, i32)>,
    ends: impl Iterator<Item = (i32, i32)>,
) -> Vec<i32> {
    let mut borders: Vec<i32> = vec![lo, hi];
    for (a, b) in spans {
        borders.push(a);
        borders.push(b);
    }
    borders.sort_unstable();
    borders.dedup();
    let mut out = Vec::with_capacity(borders.len() * 2 + 6);
    for pair in borders.windows(2) {
        let (a, b) = match pair {
            [a, b] => (*a, *b),
            _ => continue,
        };
        let gap = b - a;
        if gap >= MIN_GAP {
            out.push(a + gap / 2);
        }
    }
    for (start, len) in ends {
        out.push(start);
        out.push(start + len);
        out.push(start + len / 2);
    }
    out.retain(|&v| v > lo && v < hi);
    if with_bounds {
        out.push(lo);
        out.push(hi);
    }
    out.sort_unstable();
    out.dedup();
    out
}
