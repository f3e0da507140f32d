//! Separating edges drawn on top of each other. Each edge is searched alone,
//! so edges through one channel share its lines and edges leaving one side
//! of a node share its centre. Collinear overlapping segments are spread a
//! few units apart (centred on where they were), the first and last segment
//! staying on their end's side, and a move is only kept when the edge's new
//! segments still avoid every obstacle of that edge.

use std::rc::Rc;

use super::order;
use crate::types::{Edge, Rect};

/// The gap between two spread segments when there is room.
const SPACING: i32 = 8;
/// What a spread keeps free next to the obstacles on either side.
const EDGE_ROOM: i32 = 4;

/// What a routed edge must keep avoiding while it is moved.
pub(crate) struct Keep {
    pub from: Rect,
    pub to: Rect,
    /// An end that encloses the edge (it runs inside that container).
    pub inner: [bool; 2],
    /// The area the edge was routed in; it stays inside.
    pub region: Rect,
    /// Every node and foreign container around it, its ends included.
    pub hard: Rc<[Rect]>,
    /// Labels and badges around it: a move must not newly cross one.
    pub soft: Rc<[Rect]>,
}

pub(super) struct Segment {
    pub(super) edge: usize,
    /// Index of the segment's first point.
    pub(super) at: usize,
    pub(super) coord: i32,
    pub(super) lo: i32,
    pub(super) hi: i32,
    /// Where its neighbours go: negative when towards lower coordinates.
    pub(super) lean: i32,
    /// Among segments leaning alike, the order that keeps their turns from
    /// crossing: where a segment turns off towards lower coordinates at its
    /// low end, the later it turns the lower its place, and so on.
    pub(super) order: i64,
    /// Which way the edge turns at the segment's low and high end: -1
    /// towards lower coordinates across the line, 1 higher, 0 none (an end).
    pub(super) turns: [i32; 2],
    /// At the low and high end, the segment it turns into: where that one
    /// ends across this line, and which way the edge turns there along
    /// this line (0 at an end of the edge or when there is no turn).
    pub(super) next: [(i32, i32); 2],
}

pub(crate) fn nudge(edges: &mut [Edge], keep: &[Option<Keep>]) {
    // Vertical segments first (x moves), then horizontal ones with the
    // lengths the first pass left.
    for vertical in [true, false] {
        let mut segs = collect(edges, vertical);
        segs.sort_by_key(|s| (s.coord, s.lo, s.hi, s.edge, s.at));
        let mut start = 0;
        while start < segs.len() {
            // A cluster: same line, spans overlapping one after the other.
            let coord = segs.get(start).map_or(0, |s| s.coord);
            let mut end = start + 1;
            let mut reach = segs.get(start).map_or(0, |s| s.hi);
            while let Some(s) = segs.get(end) {
                if s.coord != coord || s.lo >= reach {
                    break;
                }
                reach = reach.max(s.hi);
                end += 1;
            }
            if end - start >= 2 {
                if let Some(cluster) = segs.get_mut(start..end) {
                    spread(edges, keep, cluster, vertical);
                }
            }
            start = end;
        }
    }
    order::ports(edges, keep);
}

fn collect(edges: &[Edge], vertical: bool) -> Vec<Segment> {
    // For a vertical segment, x is across its line and y along it.
    let across = |p: &[i32; 2]| if vertical { p[0] } else { p[1] };
    let along = |p: &[i32; 2]| if vertical { p[1] } else { p[0] };
    let mut out = Vec::new();
    for (e, edge) in edges.iter().enumerate() {
        let pts = &edge.points;
        for (k, pair) in pts.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            if across(a) != across(b) || along(a) == along(b) {
                continue;
            }
            let side = |p: Option<&[i32; 2]>, q: &[i32; 2]| p.map_or(0, |p| (across(p) - across(q)).signum());
            let before = if k > 0 { pts.get(k - 1) } else { None };
            let (at_a, at_b) = (side(before, a), side(pts.get(k + 2), b));
            let lean = at_a + at_b;
            let (lo_turn, hi_turn) = if along(a) < along(b) { (at_a, at_b) } else { (at_b, at_a) };
            // The neighbour at `a` runs from `pts[k - 1]` to `a`, the one at
            // `b` from `b` to `pts[k + 2]`.
            let beyond = |far: Option<&[i32; 2]>, further: Option<&[i32; 2]>| match far {
                Some(f) => (across(f), further.map_or(0, |g| (along(g) - along(f)).signum())),
                None => (across(a), 0),
            };
            let next_a = if k > 0 { beyond(pts.get(k - 1), if k > 1 { pts.get(k - 2) } else { None }) } else { (0, 0) };
            let next_b = beyond(pts.get(k + 2), pts.get(k + 3));
            let next = if along(a) < along(b) { [next_a, next_b] } else { [next_b, next_a] };
            let (lo, hi) = (i64::from(along(a).min(along(b))), i64::from(along(a).max(along(b))));
            let order = i64::from(lo_turn) * lo - i64::from(hi_turn) * hi;
            out.push(Segment {
                edge: e,
                at: k,
                coord: across(a),
                lo: along(a).min(along(b)),
                hi: along(a).max(along(b)),
                lean,
                order,
                turns: [lo_turn, hi_turn],
                next,
            });
        }
    }
    out
}

fn spread(edges: &mut [Edge], keep: &[Option<Keep>], cluster: &mut [Segment], vertical: bool) {
    // Segments whose neighbours go to lower coordinates take the lower places,
    // so that the spread does not add crossings where they leave.
    cluster.sort_by_key(|s| (s.lean, s.order, s.edge, s.at));
    order::arrange(cluster);
    let coord = cluster.first().map_or(0, |s| s.coord);
    // The free stretch across the line that every segment of the cluster has.
    let (mut lo, mut hi) = (i32::MIN, i32::MAX);
    for s in cluster.iter() {
        let Some(Some(kp)) = keep.get(s.edge) else { return };
        let (l, h) = room(kp, s, vertical, edges.get(s.edge).map_or(0, |e| e.points.len()));
        lo = lo.max(l);
        hi = hi.min(h);
    }
    let usable = hi.saturating_sub(lo).saturating_sub(2 * EDGE_ROOM);
    // One place per segment when they fit; else segments that do not
    // overlap along the line share a place (interval partitioning), so a
    // long bundle needs only as many places as it is deep.
    let mut places: Vec<i32> = (0..cluster.len()).map(|k| i32::try_from(k).unwrap_or(0)).collect();
    let mut n = i32::try_from(cluster.len()).unwrap_or(i32::MAX);
    if n.saturating_mul(2) > usable {
        // In the cluster's order, each segment takes the place above every
        // earlier one it overlaps, so overlapping segments keep their order.
        let mut deepest = 0;
        for k in 0..cluster.len() {
            let Some(s) = cluster.get(k) else { continue };
            let place = cluster
                .get(..k)
                .into_iter()
                .flatten()
                .zip(places.iter())
                .filter(|(t, _)| t.lo < s.hi && s.lo < t.hi)
                .map(|(_, &p)| p + 1)
                .max()
                .unwrap_or(0);
            if let Some(p) = places.get_mut(k) {
                *p = place;
            }
            deepest = deepest.max(place + 1);
        }
        n = deepest;
    }
    if n < 2 || usable < 2 {
        return;
    }
    // Deeper than the channel is wide: one unit apart, places reused in
    // turn (a fan-in of hundreds of edges at one icon cannot be told apart
    // anyway, but fewer of them lie exactly on top of each other).
    let capacity = usable + 1;
    if n > capacity {
        for place in &mut places {
            *place %= capacity;
        }
        n = capacity;
    }
    let spacing = SPACING.min(usable / (n - 1)).max(1);
    // Centred on the line, shifted to fit between `lo` and `hi`.
    let span = spacing * (n - 1);
    let first = (coord - span / 2).clamp(lo + EDGE_ROOM, (hi - EDGE_ROOM - span).max(lo + EDGE_ROOM));
    for (s, place) in cluster.iter().zip(places) {
        let target = first + place * spacing;
        // A move that would hit something is tried closer to the line.
        for step in [target, coord + (target - coord) / 2] {
            if step == coord || try_move(edges, keep, s, vertical, step) {
                break;
            }
        }
    }
}

/// The stretch across its line that segment `s` may move in: up to the
/// nearest obstacle of its edge on either side, inside its region, and on
/// its end's side when it touches an end.
fn room(kp: &Keep, s: &Segment, vertical: bool, points: usize) -> (i32, i32) {
    let (mut lo, mut hi) = if vertical { (kp.region.x, kp.region.right()) } else { (kp.region.y, kp.region.bottom()) };
    let span = |r: &Rect| if vertical { (r.y, r.bottom(), r.x, r.right()) } else { (r.x, r.right(), r.y, r.bottom()) };
    for r in kp.hard.iter().chain(kp.soft.iter()) {
        let (a0, a1, c0, c1) = span(r);
        if a0 < s.hi && a1 > s.lo {
            if c1 <= s.coord {
                lo = lo.max(c1);
            } else if c0 >= s.coord {
                hi = hi.min(c0);
            }
        }
    }
    let last = points.saturating_sub(2);
    for (touches, end) in [(s.at == 0, kp.from), (s.at == last, kp.to)] {
        if touches {
            let (_, _, c0, c1) = span(&end);
            lo = lo.max(c0);
            hi = hi.min(c1);
        }
    }
    (lo, hi)
}

/// Moves segment `s` of its edge to `to` across its direction when the edge
/// stays clear and orthogonal; returns whether it moved.
pub(super) fn try_move(edges: &mut [Edge], keep: &[Option<Keep>], s: &Segment, vertical: bool, to: i32) -> bool {
    let Some(Some(kp)) = keep.get(s.edge) else { return false };
    let Some(edge) = edges.get_mut(s.edge) else { return false };
    let last = edge.points.len().saturating_sub(1);
    let mut pts = edge.points.clone();
    for idx in [s.at, s.at + 1] {
        match pts.get_mut(idx) {
            Some([x, _]) if vertical => *x = to,
            Some([_, y]) => *y = to,
            None => return false,
        }
    }
    // An end point slides along its side and must stay on it.
    let on_side = |r: Rect| {
        let (lo, hi) = if vertical { (r.x, r.right()) } else { (r.y, r.bottom()) };
        to > lo + 2 && to < hi - 2
    };
    if (s.at == 0 && !on_side(kp.from)) || (s.at + 1 == last && !on_side(kp.to)) {
        return false;
    }
    // The neighbours change length; they must not shrink to nothing or turn
    // back, and every changed segment must stay out of the obstacles.
    let old = &edge.points;
    let from = s.at.saturating_sub(1);
    let upto = (s.at + 2).min(last);
    for k in from..upto {
        let (Some(a), Some(b), Some(oa), Some(ob)) = (pts.get(k), pts.get(k + 1), old.get(k), old.get(k + 1)) else {
            return false;
        };
        let len = |p: &[i32; 2], q: &[i32; 2]| (q[0] - p[0]) + (q[1] - p[1]);
        if k != s.at && (len(a, b) == 0 || len(a, b).signum() != len(oa, ob).signum()) {
            return false;
        }
        let seg = (*a, *b);
        let outside = [a, b].iter().any(|p| !kp.region.contains(&Rect::new(p[0], p[1], 0, 0)));
        if outside {
            return false;
        }
        let ends = [(kp.from, kp.inner[0]), (kp.to, kp.inner[1])];
        let enters_end = ends.iter().any(|&(r, inner)| !inner && crosses(seg, r));
        if enters_end || kp.hard.iter().any(|r| crosses(seg, *r)) {
            return false;
        }
        let old_seg = (*oa, *ob);
        if kp.soft.iter().any(|r| crosses(seg, *r) && !crosses(old_seg, *r)) {
            return false;
        }
    }
    edge.points = pts;
    true
}

/// True when the segment meets the interior of `r`.
pub(crate) fn crosses((a, b): ([i32; 2], [i32; 2]), r: Rect) -> bool {
    let (x0, x1) = (a[0].min(b[0]), a[0].max(b[0]));
    let (y0, y1) = (a[1].min(b[1]), a[1].max(b[1]));
    let open_x = if x0 == x1 { x0 > r.x && x0 < r.right() } else { x0 < r.right() && x1 > r.x };
    let open_y = if y0 == y1 { y0 > r.y && y0 < r.bottom() } else { y0 < r.bottom() && y1 > r.y };
    open_x && open_y
}
