//! The order of parallel segments sharing a channel, so that edges do not
//! cross where they leave it (the rule of libavoid's and ELK's orthogonal
//! edge ordering). Two overlapping segments are compared at each end of
//! their shared run: an edge that turns off there towards lower
//! coordinates goes on the lower side of one that runs on, and of two that
//! turn off towards the same side the one that turns first is outermost.
//! The votes of both ends decide; when they disagree a crossing cannot be
//! avoided and the pair stays as it was.

use std::cmp::Ordering;

use std::collections::BTreeMap;

use super::nudge::{try_move, Keep, Segment};
use crate::types::Edge;

/// Above this many segments a cluster keeps its coarse order (the pairwise
/// comparison is quadratic).
const MAX_PAIRWISE: usize = 1500;

/// Which of two overlapping segments should take the lower place: `Less`
/// when `s`, `Greater` when `t`, `Equal` when nothing says.
pub(super) fn compare(s: &Segment, t: &Segment) -> Ordering {
    if s.lo >= t.hi || t.lo >= s.hi {
        return Ordering::Equal;
    }
    let [s_lo, s_hi] = s.turns;
    let [t_lo, t_hi] = t.turns;
    // Low end: the segment that ends higher turns off first.
    let low = match s.lo.cmp(&t.lo) {
        Ordering::Equal if s_lo == t_lo => corner(s_lo, 1, s.next[0], t.next[0]),
        Ordering::Equal => s_lo - t_lo,
        Ordering::Greater => s_lo,
        Ordering::Less => -t_lo,
    };
    // High end: the segment that ends lower turns off first.
    let high = match s.hi.cmp(&t.hi) {
        Ordering::Equal if s_hi == t_hi => corner(s_hi, -1, s.next[1], t.next[1]),
        Ordering::Equal => s_hi - t_hi,
        Ordering::Less => s_hi,
        Ordering::Greater => -t_hi,
    };
    (low.signum() + high.signum()).cmp(&0)
}

/// Two segments that turn the same way `side` at the same end (`end` 1
/// for the low end, -1 for the high one) run on as parallel segments
/// `s` and `t` (where each ends across this line, and which way it turns
/// there): those are ordered by their far ends, and nested corners keep
/// that order here (a corner turning to the higher side at the low end
/// keeps it, one turning to the lower side reverses it, and the reverse at
/// the high end). Negative when `s` should take the lower place.
fn corner(side: i32, end: i32, (s_far, s_turn): (i32, i32), (t_far, t_turn): (i32, i32)) -> i32 {
    if side == 0 {
        return 0;
    }
    // The far end is the neighbours' high end when they go to the higher side.
    let vote = match (s_far.cmp(&t_far), side > 0) {
        (Ordering::Equal, _) => s_turn - t_turn,
        (Ordering::Less, true) | (Ordering::Greater, false) => s_turn,
        _ => -t_turn,
    };
    vote.signum() * side * end
}

/// Reorders `cluster` (already in a coarse order) so that overlapping
/// segments follow `compare`: ranked by how many others each should be
/// below, then adjacent pairs out of order swapped, a few passes.
pub(super) fn arrange(cluster: &mut [Segment]) {
    let n = cluster.len();
    if !(2..=MAX_PAIRWISE).contains(&n) {
        return;
    }
    let mut score = vec![0i64; n];
    for i in 0..n {
        for j in i + 1..n {
            let (Some(s), Some(t)) = (cluster.get(i), cluster.get(j)) else { continue };
            let d: i64 = match compare(s, t) {
                Ordering::Less => 1,
                Ordering::Greater => -1,
                Ordering::Equal => 0,
            };
            if let Some(x) = score.get_mut(i) {
                *x -= d;
            }
            if let Some(x) = score.get_mut(j) {
                *x += d;
            }
        }
    }
    // Stable: segments with equal scores keep the coarse order.
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by_key(|&k| score.get(k).copied().unwrap_or(0));
    permute(cluster, &idx);
    for _ in 0..4 {
        let mut swapped = false;
        for k in 1..n {
            let (Some(a), Some(b)) = (cluster.get(k - 1), cluster.get(k)) else { continue };
            if compare(a, b) == Ordering::Greater {
                cluster.swap(k - 1, k);
                swapped = true;
            }
        }
        if !swapped {
            break;
        }
    }
}

/// Puts `cluster[order[k]]` at place `k`.
fn permute(cluster: &mut [Segment], order: &[usize]) {
    // Follow cycles: `pos[k]` is where the segment now at `k` must go.
    let mut pos = vec![0usize; order.len()];
    for (k, &from) in order.iter().enumerate() {
        if let Some(p) = pos.get_mut(from) {
            *p = k;
        }
    }
    for k in 0..pos.len() {
        while let Some(&target) = pos.get(k) {
            if target == k {
                break;
            }
            cluster.swap(k, target);
            pos.swap(k, target);
        }
    }
}

/// A box's side: the box (x, y, w, h), whether the end segments there are
/// horizontal, and which way they leave it.
type Side = ((i32, i32, i32, i32), bool, i32);

/// One edge's end on a node's side: the edge, its end segment, the port's
/// coordinate along the side, and the key that orders it among the side's
/// ports.
struct End {
    edge: usize,
    at: usize,
    port: i32,
    key: (i32, i32),
}

/// Reassigns the ports on each side of a box among the edges that end
/// there so that they fan out without crossing: edges whose next turn goes
/// towards lower coordinates take the lower ports, the one turning nearest
/// the box lowest, and the reverse for those turning the other way. The
/// reassignment of a side is undone unless every edge can move.
pub(super) fn ports(edges: &mut [Edge], keep: &[Option<Keep>]) {
    // (box, side as (horizontal end segment, outward sign)) -> ends.
    let mut sides: BTreeMap<Side, Vec<End>> = BTreeMap::new();
    for (e, edge) in edges.iter().enumerate() {
        let Some(Some(kp)) = keep.get(e) else { continue };
        let pts = &edge.points;
        let n = pts.len();
        if n < 3 {
            continue;
        }
        for (at, rect, p, q, r) in [
            (0, kp.from, pts.first(), pts.get(1), pts.get(2)),
            (n - 2, kp.to, pts.last(), pts.get(n - 2), pts.get(n - 3)),
        ] {
            let (Some(p), Some(q), Some(r)) = (p, q, r) else { continue };
            let horizontal = p[1] == q[1];
            // Along the end segment and across it (along the side).
            let (al, ac) = if horizontal { (0, 1) } else { (1, 0) };
            let (Some(&pa), Some(&qa), Some(&pc), Some(&rc)) = (p.get(al), q.get(al), p.get(ac), r.get(ac)) else {
                continue;
            };
            let Some(&qc) = q.get(ac) else { continue };
            let turn = (rc - qc).signum();
            let out = (qa - pa).signum();
            if turn == 0 || out == 0 || pc != qc {
                continue;
            }
            let d = (qa - pa).abs();
            let key = if turn < 0 { (turn, d) } else { (turn, -d) };
            sides.entry(((rect.x, rect.y, rect.w, rect.h), horizontal, out)).or_default().push(End {
                edge: e,
                at,
                port: pc,
                key,
            });
        }
    }
    for ((_, horizontal, _), mut ends) in sides {
        if ends.len() < 2 {
            continue;
        }
        let mut slots: Vec<i32> = ends.iter().map(|x| x.port).collect();
        // Shared ports stay shared: the side's ports, duplicates included,
        // are dealt out in order.
        slots.sort_unstable();
        ends.sort_by_key(|x| (x.key, x.port, x.edge, x.at));
        if ends.iter().zip(&slots).all(|(x, &s)| x.port == s) {
            continue;
        }
        let saved: Vec<(usize, Vec<[i32; 2]>)> =
            ends.iter().filter_map(|x| Some((x.edge, edges.get(x.edge)?.points.clone()))).collect();
        let ok = ends
            .iter()
            .zip(&slots)
            .all(|(x, &slot)| x.port == slot || try_move(edges, keep, &stub(x.edge, x.at), !horizontal, slot));
        if !ok {
            for (e, points) in saved {
                if let Some(edge) = edges.get_mut(e) {
                    edge.points = points;
                }
            }
        }
    }
}

/// A segment as `try_move` needs it: the edge and the index of its first point.
fn stub(edge: usize, at: usize) -> Segment {
    Segment { edge, at, coord: 0, lo: 0, hi: 0, lean: 0, order: 0, turns: [0, 0], next: [(0, 0), (0, 0)] }
}
