//! A uniform grid over boxes, so that the pairwise measures (overlaps,
//! crossings, segments through nodes) test only things that are near each
//! other: near-linear on a laid-out diagram instead of quadratic.
//!
//! Each item is filed in every cell its closed bounding box covers. A pair
//! of items is looked at only in the first cell both cover (the cell at the
//! larger of their first columns and the larger of their first rows), so it
//! is looked at once however many cells they share.

/// A closed box `[x0, x1] × [y0, y1]`, the bounds of a segment or a rect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bounds {
    pub x0: i64,
    pub y0: i64,
    pub x1: i64,
    pub y1: i64,
}

impl Bounds {
    pub(crate) fn of_rect(r: &crate::Rect) -> Bounds {
        let (x, y) = (i64::from(r.x), i64::from(r.y));
        Bounds { x0: x, y0: y, x1: x + i64::from(r.w.max(0)), y1: y + i64::from(r.h.max(0)) }
    }
    pub(crate) fn of_segment(a: [i32; 2], b: [i32; 2]) -> Bounds {
        let (ax, ay, bx, by) = (i64::from(a[0]), i64::from(a[1]), i64::from(b[0]), i64::from(b[1]));
        Bounds { x0: ax.min(bx), y0: ay.min(by), x1: ax.max(bx), y1: ay.max(by) }
    }
}

/// Cells in a row or column at most: bounds memory whatever the spread.
const MAX_SIDE: i64 = 1024;

pub(crate) struct Grid {
    x0: i64,
    y0: i64,
    cell: i64,
    cols: i64,
    rows: i64,
    cells: Vec<Vec<u32>>,
    /// Each item's first cell and last cell, `(c0, r0, c1, r1)`.
    spans: Vec<(i64, i64, i64, i64)>,
}

impl Grid {
    /// A grid over `items` (their bounds, in item order), with about one
    /// item per cell.
    pub(crate) fn new(items: &[Bounds]) -> Grid {
        let x0 = items.iter().map(|b| b.x0).min().unwrap_or(0);
        let y0 = items.iter().map(|b| b.y0).min().unwrap_or(0);
        let x1 = items.iter().map(|b| b.x1).max().unwrap_or(0);
        let y1 = items.iter().map(|b| b.y1).max().unwrap_or(0);
        let (w, h) = ((x1 - x0).max(1), (y1 - y0).max(1));
        let n = i64::try_from(items.len()).unwrap_or(i64::MAX).max(1);
        // Square cells of area w·h/n, but never more than MAX_SIDE a side.
        let area = (w as f64) * (h as f64) / (n as f64);
        let side = (area.sqrt().ceil() as i64).max(1);
        let cell = side.max(w / MAX_SIDE + 1).max(h / MAX_SIDE + 1);
        let (cols, rows) = (w / cell + 1, h / cell + 1);
        let count = usize::try_from(cols * rows).unwrap_or(1);
        let mut grid = Grid { x0, y0, cell, cols, rows, cells: vec![Vec::new(); count], spans: Vec::new() };
        for (i, b) in items.iter().enumerate() {
            let span = grid.span(b);
            grid.spans.push(span);
            let Ok(id) = u32::try_from(i) else { break };
            for r in span.1..=span.3 {
                for c in span.0..=span.2 {
                    if let Some(cell) = grid.index(c, r).and_then(|k| grid.cells.get_mut(k)) {
                        cell.push(id);
                    }
                }
            }
        }
        grid
    }

    fn index(&self, c: i64, r: i64) -> Option<usize> {
        usize::try_from(r * self.cols + c).ok()
    }

    /// The cells `b` covers, clamped to the grid.
    fn span(&self, b: &Bounds) -> (i64, i64, i64, i64) {
        let col = |x: i64| ((x - self.x0).div_euclid(self.cell)).clamp(0, self.cols - 1);
        let row = |y: i64| ((y - self.y0).div_euclid(self.cell)).clamp(0, self.rows - 1);
        (col(b.x0), row(b.y0), col(b.x1), row(b.y1))
    }

    /// Calls `f(i, j)` once for each pair of items, `i < j`, whose bounds
    /// share a cell.
    pub(crate) fn pairs(&self, mut f: impl FnMut(usize, usize)) {
        for r in 0..self.rows {
            for c in 0..self.cols {
                let Some(cell) = self.index(c, r).and_then(|k| self.cells.get(k)) else { continue };
                for (k, &i) in cell.iter().enumerate() {
                    for &j in cell.iter().skip(k + 1) {
                        if self.first_shared(i as usize, j as usize) == Some((c, r)) {
                            f(i.min(j) as usize, i.max(j) as usize);
                        }
                    }
                }
            }
        }
    }

    /// Calls `f(i)` once for each item whose bounds share a cell with `b`.
    pub(crate) fn near(&self, b: &Bounds, mut f: impl FnMut(usize)) {
        let q = self.span(b);
        for r in q.1..=q.3 {
            for c in q.0..=q.2 {
                let Some(cell) = self.index(c, r).and_then(|k| self.cells.get(k)) else { continue };
                for &i in cell {
                    let Some(s) = self.spans.get(i as usize) else { continue };
                    if (s.0.max(q.0), s.1.max(q.1)) == (c, r) {
                        f(i as usize);
                    }
                }
            }
        }
    }

    fn first_shared(&self, i: usize, j: usize) -> Option<(i64, i64)> {
        let (a, b) = (self.spans.get(i)?, self.spans.get(j)?);
        Some((a.0.max(b.0), a.1.max(b.1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(x0: i64, y0: i64, x1: i64, y1: i64) -> Bounds {
        Bounds { x0, y0, x1, y1 }
    }

    #[test]
    fn each_near_pair_is_seen_once() {
        // A long row crossing many cells, and items along it.
        let mut items = vec![b(0, 50, 1000, 50)];
        for i in 0..20 {
            items.push(b(i * 50, 0, i * 50 + 10, 100));
        }
        items.push(b(5000, 5000, 5010, 5010)); // far away
        let grid = Grid::new(&items);
        let mut seen = Vec::new();
        grid.pairs(|i, j| seen.push((i, j)));
        seen.sort();
        let before = seen.len();
        seen.dedup();
        assert_eq!(before, seen.len(), "no pair twice");
        for i in 1..=20 {
            assert!(seen.contains(&(0, i)), "the row meets item {i}");
        }
        assert!(!seen.iter().any(|&(_, j)| j == 21), "the far item meets nothing");
    }

    #[test]
    fn near_finds_each_item_once() {
        let items: Vec<Bounds> = (0..100).map(|i| b(i * 10, 0, i * 10 + 5, 5)).collect();
        let grid = Grid::new(&items);
        let mut seen = Vec::new();
        grid.near(&b(0, 2, 1000, 2), |i| seen.push(i));
        seen.sort();
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
    }
}
