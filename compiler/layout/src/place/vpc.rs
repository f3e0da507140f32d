//! A VPC: zones side by side as columns, subnets as rows aligned across
//! zones (row key: tier public < private < isolated, then the k-th subnet
//! of that tier in its zone), bands stacked as lanes at the top of their
//! row, single-subnet resources in a grid under the lanes, and border nodes
//! straddling the VPC's edge.
//!
//! Channels: padding between a subnet and its zone's border, a gap between
//! zone columns and between rows, free space at both ends of each band
//! inside its subnets and between stacked lanes, so edges can leave every
//! box sideways.

use std::collections::BTreeMap;

use archc_core::model::{NodeId, NodeKind, Tier};

use super::size::{self, int, BAND_H, GAP, HEADER, ICON, LABEL_GAP};
use super::tree::VpcT;
use super::{badges_width, Cx};
use crate::text;
use crate::types::Rect;

/// Inside a subnet: the sides and bottom.
const SUB_PAD: i32 = 20;
/// The narrowest subnet: room for a band's glyph and some label.
const MIN_SUB_W: i32 = 240;
/// The widest a subnet grows to show its whole label.
const MAX_LABEL_W: i32 = 520;
/// Free space at each end of a band inside its end subnets.
const BAND_INSET: i32 = 24;
/// Between stacked band lanes, and under the last lane.
const LANE_GAP: i32 = 24;
/// Between a zone's border and its subnets.
const ZONE_PAD: i32 = 24;
/// Between zone columns, and between subnet rows.
const ZONE_GAP: i32 = 48;
const ROW_GAP: i32 = 32;
/// Between a VPC's border and its zones, on a side without border nodes.
const VPC_PAD: i32 = 28;
/// What the channel inside a side with border nodes grows by per edge of
/// those nodes, and at most.
const PER_EDGE: i32 = 8;
const MAX_EXTRA: i32 = 160;

/// How far a VPC's border nodes and their labels reach out of its box, on
/// each side: the VPC's siblings keep clear of it.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Overhang {
    pub l: i32,
    pub t: i32,
    pub r: i32,
    pub b: i32,
}

/// A subnet's place: its zone (index in the VPC), its row, its index in
/// its zone.
type SubnetAt = (usize, usize, usize);

/// A band's place: its row, its zone columns and its lane.
struct BandAt {
    id: NodeId,
    row: usize,
    lo: usize,
    hi: usize,
    lane: usize,
    parent: usize,
}

/// A subnet's single-subnet resources in their grid.
struct Content {
    nodes: Vec<(NodeId, Vec<String>)>,
    cells: Vec<(i32, i32)>,
    w: i32,
    h: i32,
}

/// One border node and its label.
struct Bordered {
    id: NodeId,
    lines: Vec<String>,
    w: i32,
    h: i32,
}

/// Measures and places the inside of VPC `v`; sets its size (its corner is
/// set by the region). Returns how far it overhangs its box.
pub(super) fn measure(cx: &mut Cx, v: &VpcT) -> Overhang {
    let model = cx.model;
    let nz = v.zones.len();

    // Rows: (tier, k-th of the tier in its zone), the same in every zone.
    let mut keys: BTreeMap<(u8, usize), usize> = BTreeMap::new();
    let mut sub_row: Vec<Vec<(u8, usize)>> = Vec::with_capacity(nz);
    for z in &v.zones {
        let mut seen = [0usize; 4];
        let mut rows = Vec::with_capacity(z.subnets.len());
        for s in &z.subnets {
            let t = tier_order(model.get(s.id).map(|n| &n.kind));
            let slot = seen.get_mut(usize::from(t)).map_or(0, |c| {
                *c += 1;
                *c - 1
            });
            keys.insert((t, slot), 0);
            rows.push((t, slot));
        }
        sub_row.push(rows);
    }
    for (i, r) in keys.values_mut().enumerate() {
        *r = i;
    }
    let nrows = keys.len();
    let row_of = |key: &(u8, usize)| keys.get(key).copied().unwrap_or(0);
    let mut at: BTreeMap<NodeId, (usize, usize, usize)> = BTreeMap::new();
    for (zi, z) in v.zones.iter().enumerate() {
        for (si, s) in z.subnets.iter().enumerate() {
            let row = sub_row.get(zi).and_then(|r| r.get(si)).map_or(0, row_of);
            at.insert(s.id, (zi, row, si));
        }
    }

    // Each band's subnets (zone, row, index in zone); then the zone
    // columns' order.
    let band_subs: Vec<(NodeId, Vec<SubnetAt>)> = v
        .bands
        .iter()
        .map(|&b| {
            let mut subs: Vec<(usize, usize, usize)> = model
                .get(b)
                .map(|n| n.placement.iter().filter_map(|s| at.get(s).copied()).collect())
                .unwrap_or_default();
            subs.sort_unstable();
            subs.dedup();
            (b, subs)
        })
        .collect();
    let col = columns(nz, &at, &band_subs);
    let col_of = |z: usize| col.get(z).copied().unwrap_or(z);

    // Bands: the first (topmost) row of their subnets, their column span,
    // and the first lane of that row free over the span.
    let mut lanes: Vec<Vec<Vec<bool>>> = vec![Vec::new(); nrows];
    let mut bands: Vec<BandAt> = Vec::with_capacity(v.bands.len());
    let mut stray: Vec<NodeId> = Vec::new();
    for (b, subs) in &band_subs {
        let b = *b;
        let (Some(row), Some(lo), Some(hi)) = (
            subs.iter().map(|s| s.1).min(),
            subs.iter().map(|s| col_of(s.0)).min(),
            subs.iter().map(|s| col_of(s.0)).max(),
        ) else {
            stray.push(b);
            continue;
        };
        let parent = match subs.as_slice() {
            [(z, _, s)] => subnet_c(v, *z, *s).unwrap_or(v.c),
            [(z, _, _), ..] if lo == hi => v.zones.get(*z).map_or(v.c, |z| z.c),
            _ => v.c,
        };
        let Some(row_lanes) = lanes.get_mut(row) else {
            stray.push(b);
            continue;
        };
        let free = |lane: &Vec<bool>| lane.get(lo..=hi).is_some_and(|span| span.iter().all(|u| !u));
        let lane = match row_lanes.iter().position(free) {
            Some(l) => l,
            None => {
                row_lanes.push(vec![false; nz]);
                row_lanes.len() - 1
            }
        };
        if let Some(span) = row_lanes.get_mut(lane).and_then(|l| l.get_mut(lo..=hi)) {
            span.iter_mut().for_each(|u| *u = true);
        }
        bands.push(BandAt { id: b, row, lo, hi, lane, parent });
    }
    let lane_count: Vec<i32> = lanes.iter().map(|l| int(l.len())).collect();

    // Subnet contents and the common column width.
    let mut width = MIN_SUB_W;
    let mut content_h = vec![0i32; nrows];
    let mut contents: Vec<Vec<Content>> = Vec::with_capacity(nz);
    for (zi, z) in v.zones.iter().enumerate() {
        let mut col = Vec::with_capacity(z.subnets.len());
        for (si, s) in z.subnets.iter().enumerate() {
            let nodes: Vec<(NodeId, Vec<String>)> = s
                .nodes
                .iter()
                .map(|&n| (n, size::icon_lines(model.get(n).map_or("", |n| n.display_label()))))
                .collect();
            let line_counts: Vec<usize> = nodes.iter().map(|(_, l)| l.len()).collect();
            let (cells, w, h) = size::icon_grid(&line_counts, size::square_cols(nodes.len()));
            let label = model.get(s.id).map(super::container_label).unwrap_or_default();
            let badges: Vec<String> =
                s.nacls.iter().filter_map(|n| model.get(*n)).map(|n| n.display_label().to_string()).collect();
            let label_need = (text::width(&label, text::CONTAINER_SIZE, true) + super::MARKED_LABEL_X + 26)
                .min(MAX_LABEL_W)
                + badges_width(&badges);
            width = width.max(w + 2 * SUB_PAD).max(label_need);
            let row = sub_row.get(zi).and_then(|r| r.get(si)).map_or(0, row_of);
            if let Some(c) = content_h.get_mut(row) {
                *c = (*c).max(h);
            }
            col.push(Content { nodes, cells, w, h });
        }
        contents.push(col);
    }
    let lanes_h = |r: usize| lane_count.get(r).copied().unwrap_or(0) * (BAND_H + LANE_GAP);
    let row_h: Vec<i32> =
        (0..nrows).map(|r| HEADER + lanes_h(r) + content_h.get(r).copied().unwrap_or(0) + SUB_PAD).collect();
    let row_y = size::offsets(&row_h, ROW_GAP);
    let zone_w = width + 2 * ZONE_PAD;
    let zone_h = HEADER + size::span(&row_h, ROW_GAP) + ZONE_PAD;

    // Border nodes: near side faces the outside column.
    let border = |ids: &[NodeId]| -> Vec<Bordered> {
        ids.iter()
            .map(|&id| {
                let lines = size::icon_lines(model.get(id).map_or("", |n| n.display_label()));
                Bordered { id, w: size::icon_w(&lines), h: size::lines_height(lines.len()), lines }
            })
            .collect()
    };
    let mut far_ids = v.far.clone();
    far_ids.extend(stray);
    // Along its side, each border node goes near what it connects to in
    // this VPC (the mean row, or zone column on a horizontal side), so its
    // edges cross fewer others.
    let mut inside: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for b in &bands {
        inside.insert(b.id.0, (b.row, b.lo));
    }
    for (zi, z) in v.zones.iter().enumerate() {
        for (si, s) in z.subnets.iter().enumerate() {
            let row = sub_row.get(zi).and_then(|r| r.get(si)).map_or(0, row_of);
            for n in &s.nodes {
                inside.insert(n.0, (row, col_of(zi)));
            }
        }
    }
    let down = cx.down;
    let key = |id: &NodeId| -> i64 {
        let near: Vec<i64> = cx
            .neighbours(*id)
            .iter()
            .filter_map(|n| inside.get(n))
            .map(|&(row, zone)| i64::try_from(if down { zone } else { row }).unwrap_or(0))
            .collect();
        match i64::try_from(near.len()) {
            Ok(count) if count > 0 => near.iter().sum::<i64>() * 1000 / count,
            _ => i64::MAX,
        }
    };
    far_ids.sort_by_cached_key(key);
    let mut near_ids = v.near.clone();
    near_ids.sort_by_cached_key(key);
    let near = border(&near_ids);
    let far = border(&far_ids);
    let vlabel = model.get(v.id).map(super::container_label).unwrap_or_default();
    let vlabel_w = text::width(&vlabel, text::CONTAINER_SIZE, true).min(MAX_LABEL_W);
    let half = |b: &[Bordered]| b.iter().map(|b| b.w / 2).max().map_or(0, |h| h + 16);
    let max_lh = |b: &[Bordered]| b.iter().map(|b| b.h).max().unwrap_or(0);
    let along_v = |b: &[Bordered]| size::span(&b.iter().map(|b| ICON + LABEL_GAP + b.h).collect::<Vec<_>>(), GAP);
    let along_h = |b: &[Bordered]| size::span(&b.iter().map(|b| b.w).collect::<Vec<_>>(), GAP);
    let (left, top, right, bottom): (&[Bordered], &[Bordered], &[Bordered], &[Bordered]) =
        if cx.down { (&[], &near, &[], &far) } else { (&near, &[], &far, &[]) };
    // The edges of border nodes run between them and the zones: that
    // channel widens with their number.
    let busy = |ids: &[NodeId]| cx.edges_at(ids).saturating_mul(PER_EDGE).min(MAX_EXTRA);
    let (near_extra, far_extra) = (busy(&near_ids), busy(&far_ids));
    let (extra_l, extra_t, extra_r, extra_b) =
        if cx.down { (0, near_extra, 0, far_extra) } else { (near_extra, 0, far_extra, 0) };
    let inset_l = extra_l + if left.is_empty() { VPC_PAD } else { half(left).max(VPC_PAD) };
    let inset_r = extra_r + if right.is_empty() { VPC_PAD } else { half(right).max(VPC_PAD) };
    let inset_t = extra_t + if top.is_empty() { HEADER } else { HEADER.max(ICON / 2 + LABEL_GAP + max_lh(top) + 20) };
    let inset_b = extra_b + if bottom.is_empty() { VPC_PAD } else { ICON / 2 + 20 };
    let top_from = super::MARKED_LABEL_X + vlabel_w + 32;
    let zones_w = if nz == 0 { 120 } else { int(nz) * zone_w + int(nz - 1) * ZONE_GAP };
    let w = (inset_l + zones_w + inset_r)
        .max(super::MARKED_LABEL_X + vlabel_w + 30)
        .max(top_from + along_h(top) + 24)
        .max(inset_l + along_h(bottom) + 24);
    let side_from = HEADER + 12;
    let h = (inset_t + if nz == 0 { 40 } else { zone_h } + inset_b)
        .max(side_from + along_v(left) + 24)
        .max(side_from + along_v(right) + 24);
    cx.out.set_rect(v.c, Rect::new(0, 0, w, h));

    // Zones, subnets and their resources.
    for (zi, z) in v.zones.iter().enumerate() {
        let zx = inset_l + int(col_of(zi)) * (zone_w + ZONE_GAP);
        cx.out.set_rect(z.c, Rect::new(zx, inset_t, zone_w, zone_h));
        for (si, s) in z.subnets.iter().enumerate() {
            let row = sub_row.get(zi).and_then(|r| r.get(si)).map_or(0, row_of);
            let y = HEADER + row_y.get(row).copied().unwrap_or(0);
            cx.out.set_rect(s.c, Rect::new(ZONE_PAD, y, width, row_h.get(row).copied().unwrap_or(0)));
            let Some(c) = contents.get(zi).and_then(|col| col.get(si)) else { continue };
            let x0 = (width - c.w) / 2;
            let y0 = HEADER + lanes_h(row) + (content_h.get(row).copied().unwrap_or(0) - c.h) / 2;
            for ((id, lines), (x, y)) in c.nodes.iter().zip(&c.cells) {
                let rect = super::icon_rect(x0 + x, y0 + y);
                cx.out.node(model, *id, "icon", Some(s.c), Some(s.c), rect, lines.clone());
            }
        }
    }
    for b in &bands {
        let col_x = |z: usize| inset_l + int(z) * (zone_w + ZONE_GAP) + ZONE_PAD;
        let x = col_x(b.lo) + BAND_INSET;
        let right_x = col_x(b.hi) + width - BAND_INSET;
        let y = inset_t + HEADER + row_y.get(b.row).copied().unwrap_or(0) + HEADER + int(b.lane) * (BAND_H + LANE_GAP);
        let rect = Rect::new(x, y, right_x - x, BAND_H);
        cx.out.node(model, b.id, "band", Some(b.parent), Some(v.c), rect, Vec::new());
    }

    // Border nodes along their sides.
    let mut y = side_from;
    for b in left {
        cx.out.node(model, b.id, "border", Some(v.c), Some(v.c), super::icon_rect(-ICON / 2, y), b.lines.clone());
        y += ICON + LABEL_GAP + b.h + GAP;
    }
    let mut y = side_from;
    for b in right {
        cx.out.node(model, b.id, "border", Some(v.c), Some(v.c), super::icon_rect(w - ICON / 2, y), b.lines.clone());
        y += ICON + LABEL_GAP + b.h + GAP;
    }
    let mut x = top_from;
    for b in top {
        let rect = super::icon_rect(x + (b.w - ICON) / 2, -ICON / 2);
        cx.out.node(model, b.id, "border", Some(v.c), Some(v.c), rect, b.lines.clone());
        x += b.w + GAP;
    }
    let mut x = inset_l;
    for b in bottom {
        let rect = super::icon_rect(x + (b.w - ICON) / 2, h - ICON / 2);
        cx.out.node(model, b.id, "border", Some(v.c), Some(v.c), rect, b.lines.clone());
        x += b.w + GAP;
    }

    let out = |b: &[Bordered]| if b.is_empty() { 0 } else { half(b) };
    Overhang {
        l: out(left),
        r: out(right),
        t: if top.is_empty() { 0 } else { ICON / 2 + 16 },
        b: if bottom.is_empty() { 0 } else { ICON / 2 + LABEL_GAP + max_lh(bottom) + 16 },
    }
}

/// public < private < isolated < (no tier).
fn tier_order(kind: Option<&NodeKind>) -> u8 {
    match kind {
        Some(NodeKind::Subnet(s)) => match s.tier.as_ref().map(|t| t.value) {
            Some(Tier::Public) => 0,
            Some(Tier::Private) => 1,
            Some(Tier::Isolated) => 2,
            None => 3,
        },
        _ => 3,
    }
}

/// The column of each zone: declaration order, unless putting first the
/// zones most bands use leaves fewer subnets that are not a band's own
/// under it (a band in zones a and c of a, b, c crosses b's subnet; in the
/// order a, c, b it does not).
fn columns(nz: usize, at: &BTreeMap<NodeId, (usize, usize, usize)>, bands: &[(NodeId, Vec<SubnetAt>)]) -> Vec<usize> {
    let declared: Vec<usize> = (0..nz).collect();
    let mut used = vec![0usize; nz];
    for (_, subs) in bands {
        let mut zones: Vec<usize> = subs.iter().map(|s| s.0).collect();
        zones.dedup();
        for z in zones {
            if let Some(u) = used.get_mut(z) {
                *u += 1;
            }
        }
    }
    let mut by_use: Vec<usize> = (0..nz).collect();
    by_use.sort_by_key(|z| std::cmp::Reverse(used.get(*z).copied().unwrap_or(0)));
    // `order` lists zones left to right; the column of zone z is its place.
    let column_of = |order: &[usize]| -> Vec<usize> {
        let mut col = vec![0usize; nz];
        for (c, z) in order.iter().enumerate() {
            if let Some(slot) = col.get_mut(*z) {
                *slot = c;
            }
        }
        col
    };
    let cells: std::collections::BTreeSet<(usize, usize)> = at.values().map(|&(z, row, _)| (z, row)).collect();
    let foreign = |col: &[usize]| -> usize {
        bands
            .iter()
            .filter_map(|(_, subs)| {
                let row = subs.iter().map(|s| s.1).min()?;
                let cols: Vec<usize> = subs.iter().filter_map(|s| col.get(s.0).copied()).collect();
                let (lo, hi) = (cols.iter().min().copied()?, cols.iter().max().copied()?);
                let own: Vec<usize> = subs.iter().filter(|s| s.1 == row).map(|s| s.0).collect();
                Some(
                    (0..nz)
                        .filter(|z| {
                            col.get(*z).is_some_and(|c| (lo..=hi).contains(c))
                                && cells.contains(&(*z, row))
                                && !own.contains(z)
                        })
                        .count(),
                )
            })
            .sum()
    };
    let (kept, moved) = (column_of(&declared), column_of(&by_use));
    if foreign(&moved) < foreign(&kept) {
        moved
    } else {
        kept
    }
}

fn subnet_c(v: &VpcT, z: usize, s: usize) -> Option<usize> {
    v.zones.get(z).and_then(|z| z.subnets.get(s)).map(|s| s.c)
}
