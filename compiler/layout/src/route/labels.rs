//! Edge labels: one line beside a segment of the edge, clear of every node,
//! every node or container label, badges, the title and the labels already
//! placed, and where it can, of every edge's lines. Many places are tried
//! (each segment, several positions, both sides), then shorter cuts of the
//! text; a label with no free place is left out and counted.

use std::collections::HashMap;

use crate::text;
use crate::types::{Anchor, Container, Edge, Node, Rect, TextBox};

/// The widest an edge label is drawn.
const MAX_WIDTH: i32 = 160;
/// Narrower cuts tried when the full text finds no place.
const CUTS: [i32; 3] = [100, 64, 36];
/// Padding around the text inside its box, and the gap to its segment.
const PAD: i32 = 2;
const GAP: i32 = 3;

/// Occupied boxes in uniform buckets, so a candidate is checked against the
/// few boxes near it instead of all of them.
struct Occupied {
    cell: i32,
    buckets: HashMap<(i32, i32), Vec<usize>>,
    rects: Vec<Rect>,
}

impl Occupied {
    fn new(cell: i32) -> Occupied {
        Occupied { cell, buckets: HashMap::new(), rects: Vec::new() }
    }

    fn cells(&self, r: Rect) -> impl Iterator<Item = (i32, i32)> {
        let c = self.cell;
        let (x0, x1) = (r.x.div_euclid(c), (r.right()).div_euclid(c));
        let (y0, y1) = (r.y.div_euclid(c), (r.bottom()).div_euclid(c));
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| (x, y)))
    }

    fn insert(&mut self, r: Rect) {
        if r.w <= 0 || r.h <= 0 {
            return;
        }
        self.insert_any(r);
    }

    /// Inserts `r` even when it is a line (no width or no height): a segment
    /// still overlaps a box it passes through.
    fn insert_any(&mut self, r: Rect) {
        let id = self.rects.len();
        self.rects.push(r);
        let cells: Vec<(i32, i32)> = self.cells(r).collect();
        for key in cells {
            self.buckets.entry(key).or_default().push(id);
        }
    }

    fn is_free(&self, r: Rect) -> bool {
        self.cells(r).all(|key| {
            self.buckets
                .get(&key)
                .is_none_or(|ids| ids.iter().all(|&i| self.rects.get(i).is_none_or(|o| !o.overlaps(&r))))
        })
    }
}

/// Places every edge's label; returns how many had to be left out.
pub(crate) fn place(
    edges: &mut [Edge],
    containers: &[Container],
    nodes: &[Node],
    title: Option<&TextBox>,
    canvas: Rect,
) -> usize {
    let mut occupied = Occupied::new(96);
    for n in nodes {
        occupied.insert(n.rect);
        occupied.insert(n.label_box.rect);
    }
    for c in containers {
        occupied.insert(c.heading());
        for b in &c.badges {
            occupied.insert(b.rect);
        }
    }
    if let Some(t) = title {
        occupied.insert(t.rect);
    }
    // The edges' segments: a label is first placed where it covers none.
    let mut lines = Occupied::new(96);
    for edge in edges.iter() {
        for pair in edge.points.windows(2) {
            if let [a, b] = pair {
                let (x, y) = (a[0].min(b[0]), a[1].min(b[1]));
                lines.insert_any(Rect::new(x, y, (a[0] - b[0]).abs(), (a[1] - b[1]).abs()));
            }
        }
    }
    let mut omitted = 0;
    for edge in edges.iter_mut() {
        edge.label_box = None;
        let Some(label) = edge.label.as_deref().map(str::trim).filter(|l| !l.is_empty()) else { continue };
        let widths = || std::iter::once(MAX_WIDTH).chain(CUTS);
        let h = text::line_height(text::EDGE_SIZE);
        let clear_of_lines = |r: Rect| occupied.is_free(r) && lines.is_free(r);
        let clear = |r: Rect| occupied.is_free(r);
        // Near the middle of a segment first, then anywhere along it, on
        // its line or further off.
        let placed =
            widths().map(|max| (max, &QUICK)).chain(widths().map(|max| (max, &THOROUGH))).find_map(|(max, tries)| {
                let line = cut(label, max - 2 * PAD);
                let w = text::width(&line, text::EDGE_SIZE, false) + 2 * PAD;
                spot(&edge.points, w, h, canvas, tries, &clear_of_lines)
                    .or_else(|| spot(&edge.points, w, h, canvas, tries, &clear))
                    .map(|r| (line, r))
            });
        match placed {
            Some((line, rect)) => {
                occupied.insert(rect);
                edge.label_box = Some(TextBox {
                    rect,
                    lines: vec![line],
                    size: text::EDGE_SIZE,
                    anchor: Anchor::Middle,
                    bold: false,
                });
            }
            None => omitted += 1,
        }
    }
    omitted
}

/// `label` on one line no wider than `max`, ending with `…` when cut.
pub(super) fn cut(label: &str, max: i32) -> String {
    let one_line = label.split_whitespace().collect::<Vec<_>>().join(" ");
    if text::width(&one_line, text::EDGE_SIZE, false) <= max {
        return one_line;
    }
    // Characters are added while they fit with the ellipsis, each measured
    // alone and rounded up (a little more than together), so a long label
    // is cut in one pass.
    let room = max - text::width("…", text::EDGE_SIZE, false);
    let mut used = 0;
    let mut head = String::new();
    for c in one_line.chars() {
        let mut buf = [0u8; 4];
        used += text::width(c.encode_utf8(&mut buf), text::EDGE_SIZE, false);
        if used > room {
            break;
        }
        head.push(c);
    }
    format!("{}…", head.trim_end())
}

/// Where along a segment a label is tried, in sixteenths, and how far from
/// it (`ON_LINE`: centred on the line, its box hiding the line).
struct Tries {
    along: &'static [i32],
    gaps: &'static [i32],
}

const ON_LINE: i32 = i32::MIN;

const QUICK: Tries = Tries { along: &[8, 4, 12, 2, 14], gaps: &[GAP] };
const THOROUGH: Tries =
    Tries { along: &[8, 6, 10, 4, 12, 2, 14, 1, 3, 5, 7, 9, 11, 13, 15], gaps: &[GAP, ON_LINE, GAP + 10, GAP + 20] };

/// The first place for a `w`×`h` box beside a segment of `points` that
/// `free` accepts: segments the box fits along first, longest first, then
/// the rest.
fn spot(points: &[[i32; 2]], w: i32, h: i32, canvas: Rect, tries: &Tries, free: &dyn Fn(Rect) -> bool) -> Option<Rect> {
    let mut segs: Vec<(bool, i32, usize)> = points
        .windows(2)
        .enumerate()
        .filter_map(|(k, pair)| {
            let [a, b] = pair else { return None };
            let len = (b[0] - a[0]).abs() + (b[1] - a[1]).abs();
            let horizontal = a[1] == b[1];
            let fits = if horizontal { len >= w + 2 * GAP } else { len >= h + 2 * GAP };
            Some((!fits, -len, k))
        })
        .collect();
    segs.sort_unstable();
    for (_, _, k) in segs {
        let (Some(a), Some(b)) = (points.get(k), points.get(k + 1)) else { continue };
        for &gap in tries.gaps {
            for &t in tries.along {
                for side in [false, true] {
                    let r = beside(*a, *b, t, side, gap, w, h);
                    if canvas.contains(&r) && free(r) {
                        return Some(r);
                    }
                }
            }
        }
    }
    None
}

/// The box at `t`/16 along the segment a→b, `gap` above or below it
/// (horizontal), right or left of it (vertical), or centred on it.
fn beside(a: [i32; 2], b: [i32; 2], t: i32, other_side: bool, gap: i32, w: i32, h: i32) -> Rect {
    let x = a[0] + (b[0] - a[0]) * t / 16;
    let y = a[1] + (b[1] - a[1]) * t / 16;
    if a[1] == b[1] {
        let top = match gap {
            ON_LINE => y - h / 2,
            _ if other_side => y + gap,
            _ => y - gap - h,
        };
        Rect::new(x - w / 2, top, w, h)
    } else {
        let left = match gap {
            ON_LINE => x - w / 2,
            _ if other_side => x - gap - w,
            _ => x + gap,
        };
        Rect::new(left, y - h / 2, w, h)
    }
}
