//! A region: its VPCs in a grid (wrapped to keep the region near 3:2), and
//! its regional services (S3, SQS, Lambda outside subnets, TGW, VPN, DX…)
//! in a compact grid beside the VPCs (right of them for `direction right`,
//! under them for `down`), with a wide channel between.

use archc_core::model::NodeId;

use super::size::{self, GAP, HEADER, LABEL_MAX};
use super::tree::RegionT;
use super::vpc::{self, Overhang};
use super::Cx;
use crate::text;
use crate::types::Rect;

/// Between a region's border and its contents.
const REGION_PAD: i32 = 32;
/// Between VPCs (plus what their border nodes overhang).
const VPC_GAP: i32 = 56;
/// Between the VPCs and the services grid.
const SERVICES_GAP: i32 = 72;
/// The width/height a region aims at.
const TARGET: f64 = 1.6;

/// Measures and places the inside of region `r`; sets its size (its corner
/// is set by the cloud).
pub(super) fn measure(cx: &mut Cx, r: &RegionT) {
    let model = cx.model;
    let mut hangs: Vec<Overhang> = Vec::with_capacity(r.vpcs.len());
    let mut sizes: Vec<(i32, i32)> = Vec::with_capacity(r.vpcs.len());
    for v in &r.vpcs {
        let o = vpc::measure(cx, v);
        let (w, h) = cx.out.size_of(v.c);
        sizes.push((o.l + w + o.r, o.t + h + o.b));
        hangs.push(o);
    }
    let services: Vec<(NodeId, Vec<String>)> =
        r.services.iter().map(|&n| (n, size::icon_lines(model.get(n).map_or("", |n| n.display_label())))).collect();
    let lines: Vec<usize> = services.iter().map(|(_, l)| l.len()).collect();
    let down = cx.down;
    let with_services = |w: i32, h: i32| -> (i32, i32) {
        if lines.is_empty() {
            return (w, h);
        }
        let (_, sw, sh) = size::icon_grid(&lines, fill_cols(&lines, if down { w } else { h }, down));
        if sizes.is_empty() {
            (sw, sh)
        } else if down {
            (w.max(sw), h + SERVICES_GAP + sh)
        } else {
            (w + SERVICES_GAP + sw, h.max(sh))
        }
    };
    let cols = size::best_cols(&sizes, VPC_GAP, TARGET, with_services);
    let (at, bw, bh) = if sizes.is_empty() { (Vec::new(), 0, 0) } else { size::pack(&sizes, cols, VPC_GAP) };
    for ((v, o), (x, y)) in r.vpcs.iter().zip(&hangs).zip(&at) {
        let (w, h) = cx.out.size_of(v.c);
        cx.out.set_rect(v.c, Rect::new(REGION_PAD + x + o.l, HEADER + y + o.t, w, h));
    }
    let (inner_w, inner_h) = with_services(bw, bh);
    if !services.is_empty() {
        let (cells, _, _) = size::icon_grid(&lines, fill_cols(&lines, if down { bw } else { bh }, down));
        let (sx, sy) = match (sizes.is_empty(), down) {
            (true, _) => (REGION_PAD, HEADER),
            (false, true) => (REGION_PAD, HEADER + bh + SERVICES_GAP),
            (false, false) => (REGION_PAD + bw + SERVICES_GAP, HEADER),
        };
        for ((id, l), (x, y)) in services.into_iter().zip(cells) {
            cx.out.node(model, id, "icon", Some(r.c), Some(r.c), super::icon_rect(sx + x, sy + y), l);
        }
    }
    let label = model.get(r.id).map(super::container_label).unwrap_or_default();
    let label_w = text::width(&label, text::CONTAINER_SIZE, true) + 2 * super::LABEL_X;
    let w = (inner_w + 2 * REGION_PAD).max(label_w);
    let h = HEADER + inner_h.max(40) + REGION_PAD;
    cx.out.set_rect(r.c, Rect::new(0, 0, w, h));
}

/// The column count of an icon grid that fills `length` (a height, or a
/// width when `across`), and is at least about square.
pub(super) fn fill_cols(lines: &[usize], length: i32, across: bool) -> usize {
    let n = lines.len();
    if n == 0 {
        return 1;
    }
    let square = size::square_cols(n);
    if across {
        let fit = usize::try_from((length + GAP) / (LABEL_MAX + GAP)).unwrap_or(1).max(1);
        fit.max(square).min(n)
    } else {
        let slot = size::slot_h(lines.iter().copied().max().unwrap_or(1));
        let rows_fit = usize::try_from((length + GAP) / (slot + GAP)).unwrap_or(1).max(1);
        let rows = rows_fit.max(n.div_ceil(square)).min(n);
        n.div_ceil(rows.max(1)).max(1)
    }
}
