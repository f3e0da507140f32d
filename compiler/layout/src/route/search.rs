//! A* on the sparse grid. A state is a vertex and the direction it was
//! entered in, so a turn costs `BEND` on top of the length: the cheapest
//! path is short and has few bends. The estimate is the Manhattan distance
//! to the target box plus the turns it certainly needs, which never
//! overestimates, so in a small window the path found is the cheapest; in a
//! large one the estimate is weighted up a little (an eighth, or half in a
//! huge one), which finds a path nearly as cheap in a fraction of the
//! states. Ties go to the state nearest the target.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use super::grid::Grid;
use crate::types::Rect;

/// The cost of one turn, in units of length.
const BEND: u32 = 40;

/// A first or last segment shorter than `STUB` costs `SHORT_STUB` more.
const STUB: u32 = 12;
const SHORT_STUB: u32 = 60;

/// The extra cost of a port per edge already using it, counted up to
/// `MAX_SHARES` (a port of a hub shared by hundreds of edges would
/// otherwise send every search around the whole grid).
/// Zero: edges sharing a port leave it as one bundle that the nudge spreads
/// in the order of their turns, which crosses less than edges spread over
/// ports before they are ordered.
const SHARED_PORT: u32 = 0;
const MAX_SHARES: u32 = 1;

/// Directions: +x, -x, +y, -y; `d ^ 1` is the reverse of `d`.
const RIGHT: usize = 0;
const LEFT: usize = 1;
const DOWN: usize = 2;
const UP: usize = 3;

/// Buffers reused from edge to edge (stamped instead of cleared).
#[derive(Default)]
pub(crate) struct Scratch {
    /// Per state: (stamp, best cost, previous state).
    seen: Vec<(u32, u32, u32)>,
    generation: u32,
    /// (f << 32 | h, state, cost): cheapest estimate first, and among equals
    /// the one nearest the target, which keeps the search narrow.
    /// Packed into one `u128` (`key << 64 | state << 32 | cost`), which
    /// orders exactly as the tuple but compares in one step.
    heap: BinaryHeap<Reverse<u128>>,
    /// How many routed edges start or end at each border point: a port
    /// already taken costs more, so edges spread over a node's sides.
    used: Ports,
}

/// Border points to their use counts, hashed by [`PointHasher`]: every
/// search looks up each port of both its ends.
type Ports = HashMap<[i32; 2], u32, BuildHasherDefault<PointHasher>>;

/// A multiply-rotate hash of a point's few bytes (the keys are the
/// layout's own coordinates, no adversary's), much cheaper than SipHash.
/// Only lookups use it: nothing iterates the map, so the order it makes
/// never shows.
#[derive(Default)]
pub(crate) struct PointHasher(u64);

impl Hasher for PointHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(4) {
            let mut word = [0u8; 4];
            for (w, b) in word.iter_mut().zip(chunk) {
                *w = *b;
            }
            self.0 = (self.0.rotate_left(5) ^ u64::from(u32::from_le_bytes(word))).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
}

impl Scratch {
    /// Records the ports of a routed path.
    pub(crate) fn note_ports(&mut self, points: &[[i32; 2]]) {
        for p in [points.first(), points.last()].into_iter().flatten() {
            *self.used.entry(*p).or_insert(0) += 1;
        }
    }

    fn reset(&mut self, states: usize) {
        if self.seen.len() < states || self.generation == u32::MAX {
            self.seen = vec![(0, 0, 0); states];
            self.generation = 0;
        }
        self.generation += 1;
        self.heap.clear();
    }

    fn cost_of(&self, s: usize) -> u32 {
        match self.seen.get(s) {
            Some(&(st, c, _)) if st == self.generation => c,
            _ => u32::MAX,
        }
    }

    fn prev_of(&self, s: usize) -> u32 {
        self.seen.get(s).map_or(u32::MAX, |&(_, _, p)| p)
    }

    /// Records `cost` for state `s` when it is better, and queues it.
    /// An entry ordered after `cutoff` (the goal's pseudo entry, once a
    /// path is found) is never popped before the search stops: it is not
    /// queued, which keeps the heap small and changes nothing. The key
    /// (its estimate) is only worked out for an offer taken.
    fn offer(&mut self, s: usize, cost: u32, prev: u32, key: impl FnOnce() -> u64, cutoff: u128) {
        let generation = self.generation;
        if let Some(e) = self.seen.get_mut(s) {
            if e.0 != generation || cost < e.1 {
                *e = (generation, cost, prev);
                let entry = pack(key(), s as u32, cost);
                if entry < cutoff {
                    self.heap.push(Reverse(entry));
                }
            }
        }
    }
}

fn pack(key: u64, state: u32, cost: u32) -> u128 {
    (u128::from(key) << 64) | (u128::from(state) << 32) | u128::from(cost)
}

/// The boxes an edge joins; an `inner` end is a container holding the
/// other end, so the edge leaves or enters it from the inside.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ends {
    pub from: Rect,
    pub to: Rect,
    pub from_inner: bool,
    pub to_inner: bool,
}

fn distance_to(r: Rect, x: i32, y: i32) -> u32 {
    let dx = if x < r.x { r.x - x } else { (x - r.right()).max(0) };
    let dy = if y < r.y { r.y - y } else { (y - r.bottom()).max(0) };
    dx.saturating_add(dy).unsigned_abs()
}

/// A vertex on a border of `r`, with the direction that leaves (or enters)
/// the box there and a small cost for being off the side's centre.
struct Port {
    vertex: usize,
    outward: usize,
    cost: u32,
}

/// The vertices on the sides of `r` (not at its corners).
fn ports(grid: &Grid, r: Rect, used: &Ports) -> Vec<Port> {
    let nx = grid.nx();
    let mut out = Vec::new();
    let inset_x = (r.w / 4).min(4);
    let inset_y = (r.h / 4).min(4);
    let cx = r.x + r.w / 2;
    let cy = r.y + r.h / 2;
    // Off the centre costs about twice the offset on an icon's side and
    // little on a long one (a band, a container), where any point is fine.
    let off = |a: i32, b: i32, side: i32| a.abs_diff(b) * 96 / side.max(1).unsigned_abs();
    let taken = |x: i32, y: i32| used.get(&[x, y]).map_or(0, |n| (*n).min(MAX_SHARES) * SHARED_PORT);
    let within =
        |lines: &[i32], lo: i32, hi: i32| lines.partition_point(|&v| v <= lo)..lines.partition_point(|&v| v < hi);
    for (y, outward) in [(r.y, UP), (r.bottom(), DOWN)] {
        let Ok(j) = grid.ys.binary_search(&y) else { continue };
        for i in within(&grid.xs, r.x + inset_x, r.right() - inset_x) {
            let Some(&x) = grid.xs.get(i) else { continue };
            out.push(Port { vertex: j * nx + i, outward, cost: off(x, cx, r.w).saturating_add(taken(x, y)) });
        }
    }
    for (x, outward) in [(r.x, LEFT), (r.right(), RIGHT)] {
        let Ok(i) = grid.xs.binary_search(&x) else { continue };
        for j in within(&grid.ys, r.y + inset_y, r.bottom() - inset_y) {
            let Some(&y) = grid.ys.get(j) else { continue };
            out.push(Port { vertex: j * nx + i, outward, cost: off(y, cy, r.h).saturating_add(taken(x, y)) });
        }
    }
    out
}

/// A lower bound of the cost from (x, y), moving in direction `d`, to the
/// border of `r` entered from outside: the Manhattan distance, plus a bend
/// for each turn that cannot be avoided (the target lies off both axes, or
/// off the axis being moved along).
fn estimate(r: Rect, x: i32, y: i32, d: usize) -> u32 {
    let dx = if x < r.x { r.x - x } else { (x - r.right()).max(0) };
    let dy = if y < r.y { r.y - y } else { (y - r.bottom()).max(0) };
    let toward_x = (x < r.x && d == RIGHT) || (x > r.right() && d == LEFT);
    let toward_y = (y < r.y && d == DOWN) || (y > r.bottom() && d == UP);
    let bends = match (dx > 0, dy > 0) {
        (true, true) if toward_x || toward_y => 1,
        (true, true) => 2,
        (true, false) if toward_x => 0,
        (false, true) if toward_y => 0,
        (false, false) => 0,
        _ => 1,
    };
    u32::try_from(dx.saturating_add(dy)).unwrap_or(u32::MAX).saturating_add(bends * BEND)
}

/// Windows with more vertices than this are searched greedily (the
/// estimate weighted up): a path through a huge grid is found in a small
/// part of it, a little longer than the shortest at worst.
const EXACT_LIMIT: usize = 20_000;

fn key(g: u32, h: u32, greedy: u32) -> u64 {
    let weighted = h.saturating_add(h.saturating_mul(greedy) / 8);
    (u64::from(g.saturating_add(weighted)) << 32) | u64::from(h)
}

/// The cheapest path from the border of `from` to the border of `to`
/// through steps not blocked by `mask`, as its corner points.
///
/// Only vertices inside `window` are used: most paths stay near their ends,
/// and a search kept to a small window visits far fewer states.
pub(crate) fn find(grid: &Grid, ends: &Ends, window: Rect, mask: u8, scratch: &mut Scratch) -> Option<Vec<[i32; 2]>> {
    let (from, to) = (ends.from, ends.to);
    let i_lo = grid.xs.partition_point(|&x| x < window.x);
    let i_hi = grid.xs.partition_point(|&x| x <= window.right());
    let j_lo = grid.ys.partition_point(|&y| y < window.y);
    let j_hi = grid.ys.partition_point(|&y| y <= window.bottom());
    let nx_all = grid.nx();
    // The estimate's extra weight, in eighths.
    let vertices = (i_hi.saturating_sub(i_lo)).saturating_mul(j_hi.saturating_sub(j_lo));
    let greedy = match vertices {
        v if v > 3 * EXACT_LIMIT => 4,
        v if v > EXACT_LIMIT => 1,
        _ => 0,
    };
    let inside = |v: usize| (i_lo..i_hi).contains(&(v % nx_all)) && (j_lo..j_hi).contains(&(v / nx_all));
    // An enclosing end is left inward and entered outward.
    let leave = |outward: usize| if ends.from_inner { outward ^ 1 } else { outward };
    let enter = |outward: usize| if ends.to_inner { outward } else { outward ^ 1 };
    let nx = grid.nx();
    let ny = grid.ny();
    let states = nx * ny * 4;
    let pseudo = u32::try_from(states).ok()?;
    scratch.reset(states);
    // Goal states: a port of `to` entered moving inward.
    let mut goals: Vec<(usize, u32)> = ports(grid, to, &scratch.used)
        .into_iter()
        .filter(|p| inside(p.vertex))
        .map(|p| (p.vertex * 4 + enter(p.outward), p.cost))
        .collect();
    goals.sort_unstable();
    if goals.is_empty() {
        return None;
    }
    let coords = |v: usize| -> (i32, i32) {
        (grid.xs.get(v % nx).copied().unwrap_or(0), grid.ys.get(v / nx).copied().unwrap_or(0))
    };
    let h = |x: i32, y: i32, d: usize| if ends.to_inner { 0 } else { estimate(to, x, y, d) };
    for p in ports(grid, from, &scratch.used).into_iter().filter(|p| inside(p.vertex)) {
        let d = leave(p.outward);
        let (x, y) = coords(p.vertex);
        scratch.offer(p.vertex * 4 + d, p.cost, u32::MAX, || key(p.cost, h(x, y, d), greedy), u128::MAX);
    }
    let on_target = |x: i32, y: i32| {
        ((x == to.x || x == to.right()) && y >= to.y && y <= to.bottom())
            || ((y == to.y || y == to.bottom()) && x >= to.x && x <= to.right())
    };
    let mut best: Option<(u32, usize)> = None;
    // The goal's pseudo entry: nothing ordered after it is ever popped.
    let mut cutoff = u128::MAX;
    while let Some(Reverse(packed)) = scratch.heap.pop() {
        let (s, g) = ((packed >> 32) as u32, packed as u32);
        if s == pseudo {
            break;
        }
        let s = s as usize;
        if scratch.cost_of(s) != g {
            continue;
        }
        let v = s / 4;
        let d = s % 4;
        let (i, j) = (v % nx, v / nx);
        let (Some(&x), Some(&y)) = (grid.xs.get(i), grid.ys.get(j)) else { continue };
        if on_target(x, y) {
            if let Ok(k) = goals.binary_search_by_key(&s, |&(gs, _)| gs) {
                let total = g.saturating_add(goals.get(k).map_or(0, |&(_, c)| c));
                if best.is_none_or(|(b, _)| total < b) {
                    best = Some((total, s));
                    cutoff = pack(key(total, 0, greedy), pseudo, total);
                    scratch.heap.push(Reverse(cutoff));
                }
            }
        }
        for nd in [RIGHT, LEFT, DOWN, UP] {
            if nd == d ^ 1 {
                continue;
            }
            let (next, x2, y2) = match nd {
                RIGHT if i + 1 < i_hi && !grid.h_blocked(i, j, mask) => (v + 1, grid.xs.get(i + 1), Some(&y)),
                LEFT if i > i_lo && !grid.h_blocked(i - 1, j, mask) => (v - 1, grid.xs.get(i - 1), Some(&y)),
                DOWN if j + 1 < j_hi && !grid.v_blocked(i, j, mask) => (v + nx, Some(&x), grid.ys.get(j + 1)),
                UP if j > j_lo && !grid.v_blocked(i, j - 1, mask) => (v - nx, Some(&x), grid.ys.get(j - 1)),
                _ => continue,
            };
            let (Some(&x2), Some(&y2)) = (x2, y2) else { continue };
            let step = x.abs_diff(x2) + y.abs_diff(y2);
            let turn = match () {
                () if nd == d => 0,
                // A turn right at an end leaves a stub too short to see.
                () if distance_to(from, x, y) < STUB || distance_to(to, x, y) < STUB => BEND + SHORT_STUB,
                () => BEND,
            };
            let ng = g.saturating_add(step).saturating_add(turn);
            scratch.offer(next * 4 + nd, ng, s as u32, || key(ng, h(x2, y2, nd), greedy), cutoff);
        }
    }
    let (_, mut s) = best?;
    let mut vertices = Vec::new();
    for _ in 0..states {
        vertices.push(s / 4);
        let p = scratch.prev_of(s);
        if p == u32::MAX {
            break;
        }
        s = p as usize;
    }
    vertices.reverse();
    let mut points: Vec<[i32; 2]> = Vec::with_capacity(vertices.len());
    for v in vertices {
        let (x, y) = coords(v);
        push_corner(&mut points, [x, y]);
    }
    Some(points)
}

/// Appends `p`, dropping the previous point when it lies on the straight
/// line from the one before it to `p`.
pub(crate) fn push_corner(points: &mut Vec<[i32; 2]>, p: [i32; 2]) {
    if points.last() == Some(&p) {
        return;
    }
    if let [.., a, b] = points.as_slice() {
        if (a[0] == b[0] && b[0] == p[0]) || (a[1] == b[1] && b[1] == p[1]) {
            points.pop();
        }
    }
    points.push(p);
}
