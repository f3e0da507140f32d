//! A region: its VPCs in a grid, the network services that connect it to
//! the outside (transit gateways, VPN, Direct Connect) in a column on the
//! side facing the outside column, and its other regional services (S3,
//! SQS, Lambda outside subnets…) in a compact grid beside or under the VPCs,
//! whichever keeps the region nearest 3:2 in the least area. Wide channels
//! separate the three.

use archc_core::model::kinds::Kind;
use archc_core::model::NodeId;

use super::size::{self, GAP, LABEL_MAX, TOP};
use super::tree::{RegionT, VpcT};
use super::vpc::{self, Overhang};
use super::Cx;
use crate::text;
use crate::types::Rect;

/// The widest a region grows to show its whole label.
const LABEL_MAX_W: i32 = 520;
/// Between a region's border and its contents.
const REGION_PAD: i32 = 32;
/// Between VPCs (plus what their border nodes overhang), at least; more
/// for each edge that leaves a VPC, which may pass there.
const VPC_GAP: i32 = 56;
/// Between the VPCs and a services grid, at least; more for each edge
/// of its services, which pass there.
const SERVICES_GAP: i32 = 72;
/// What a services grid's gap grows by per edge of its services (bounded).
const PER_EDGE: i32 = 6;
const MAX_EXTRA: i32 = 160;
/// The width/height a region aims at, in thousandths, unless the page
/// asks for another of `TARGETS`.
const TARGET: u32 = 1600;
pub(super) const TARGETS: [u32; 2] = [TARGET, 1000];

/// An icon grid: its icons, their label line counts, and its size for a
/// column count (estimated with the tallest slot, which bounds the real).
struct Icons {
    items: Vec<(NodeId, Vec<String>)>,
    lines: Vec<usize>,
}

impl Icons {
    fn new(cx: &Cx, ids: &[NodeId]) -> Icons {
        let items: Vec<(NodeId, Vec<String>)> =
            ids.iter().map(|&n| (n, size::icon_lines(cx.model.get(n).map_or("", |n| n.display_label())))).collect();
        let lines: Vec<usize> = items.iter().map(|(_, l)| l.len()).collect();
        Icons { items, lines }
    }

    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn dims(&self, cols: usize) -> (i32, i32) {
        size::grid_dims(&self.lines, cols)
    }

    /// Moves a hub (at least 4 edges, more than twice any other icon's) to
    /// the middle cell of a grid of `cols` columns, so the edges of a fan-in
    /// or fan-out come from every side rather than across the grid.
    fn centre_hub(&mut self, cx: &Cx, cols: usize) {
        let n = self.items.len();
        if n < 5 {
            return;
        }
        let degree: Vec<usize> = self.items.iter().map(|(id, _)| cx.neighbours(*id).len()).collect();
        let Some(h) = hub(&degree) else { return };
        let cols = cols.clamp(1, n);
        let middle = ((n.div_ceil(cols) / 2) * cols + cols / 2).min(n - 1);
        if h < n {
            let item = self.items.remove(h);
            self.items.insert(middle.min(self.items.len()), item);
            self.lines = self.items.iter().map(|(_, l)| l.len()).collect();
        }
    }

    /// Places the icons in `cols` columns from `(x, y)` in region `c`.
    fn place(self, cx: &mut Cx, c: usize, cols: usize, x: i32, y: i32) {
        let (cells, _, _) = size::icon_grid(&self.lines, cols);
        for ((id, l), (dx, dy)) in self.items.into_iter().zip(cells) {
            cx.out.node(cx.model, id, "icon", Some(c), Some(c), super::icon_rect(x + dx, y + dy), l);
        }
    }
}

/// One arrangement of a region's inside.
#[derive(Clone, Copy, Debug)]
pub(super) struct Shape {
    vpc_cols: usize,
    near_cols: usize,
    far_cols: usize,
    /// The far services under the VPCs rather than beside them.
    far_below: bool,
    /// The size of the VPCs with the near services, then of the whole.
    core: (i32, i32),
    w: i32,
    h: i32,
}

/// A region whose VPCs are measured and whose services are gathered, ready
/// to be shaped for the page and placed.
pub(super) struct Prepared<'t> {
    r: &'t RegionT,
    vpcs: Vec<(&'t VpcT, Overhang, (i32, i32))>,
    near: Icons,
    far: Icons,
    /// Before the near services, before the far ones, between VPCs.
    gaps: (i32, i32, i32),
    label_w: i32,
}

/// Measures the VPCs of region `r` (placing their insides) and gathers its
/// services.
pub(super) fn prepare<'t>(cx: &mut Cx, r: &'t RegionT) -> Prepared<'t> {
    let mut vpcs: Vec<(&VpcT, Overhang, (i32, i32))> = Vec::with_capacity(r.vpcs.len());
    for v in &r.vpcs {
        let o = vpc::measure(cx, v);
        let (w, h) = cx.out.size_of(v.c);
        vpcs.push((v, o, (o.l + w + o.r, o.t + h + o.b)));
    }
    // Network services face the outside only when there are VPCs to face
    // it past; otherwise all services share one grid.
    let is_link = |id: &NodeId| cx.model.get(*id).is_some_and(|n| matches!(n.kind(), Kind::Tgw | Kind::Vpn | Kind::Dx));
    let (near_ids, far_ids): (Vec<NodeId>, Vec<NodeId>) =
        if vpcs.is_empty() { (Vec::new(), r.services.clone()) } else { r.services.iter().partition(|id| is_link(id)) };
    let near = Icons::new(cx, &near_ids);
    let far = Icons::new(cx, &far_ids);
    let near_gap = SERVICES_GAP + cx.edges_at(&near_ids).saturating_mul(PER_EDGE).min(MAX_EXTRA);
    let far_gap = SERVICES_GAP + cx.edges_at(&far_ids).saturating_mul(PER_EDGE).min(MAX_EXTRA);
    let leaving = leaving(cx, r);
    let vpc_gap = VPC_GAP + size::int(leaving.iter().sum()).saturating_mul(PER_EDGE).min(MAX_EXTRA);
    let gaps = (near_gap, far_gap, vpc_gap);
    let label = cx.model.get(r.id).map(super::container_label).unwrap_or_default();
    // A long label is cut to the box rather than widening it past this.
    let label_w =
        (text::width(&label, text::CONTAINER_SIZE, true) + super::MARKED_LABEL_X + super::LABEL_X).min(LABEL_MAX_W);
    let mut p = Prepared { r, vpcs, near, far, gaps, label_w };
    // A hub VPC (a peering star) goes to the middle of the grid, so its
    // edges fan out instead of all crossing the grid from a corner. A grid
    // of four or fewer has no middle: declaration order stays.
    if let Some(h) = hub(&leaving).filter(|_| p.vpcs.len() >= 5) {
        let cols = p.shape(cx.down, TARGET).vpc_cols.max(1);
        let rows = p.vpcs.len().div_ceil(cols);
        let middle = ((rows / 2) * cols + cols / 2).min(p.vpcs.len().saturating_sub(1));
        if h < p.vpcs.len() {
            let v = p.vpcs.remove(h);
            p.vpcs.insert(middle.min(p.vpcs.len()), v);
        }
    }
    p
}

impl Prepared<'_> {
    fn sizes(&self) -> Vec<(i32, i32)> {
        self.vpcs.iter().map(|v| v.2).collect()
    }

    /// The arrangement of the region's inside nearest the aspect `target`
    /// (width/height in thousandths) for the least area.
    pub(super) fn shape(&self, down: bool, target: u32) -> Shape {
        choose(down, &self.sizes(), &self.near, &self.far, self.gaps, target)
    }

    /// The region's size in that arrangement.
    pub(super) fn size(&self, shape: &Shape) -> (i32, i32) {
        ((shape.w + 2 * REGION_PAD).max(self.label_w), TOP + shape.h.max(40) + REGION_PAD)
    }
}

/// Places the inside of a prepared region in `shape` and sets its size (its
/// corner is set by the cloud).
pub(super) fn place(cx: &mut Cx, p: Prepared, shape: Shape) {
    let (w, h) = p.size(&shape);
    let Prepared { r, vpcs, mut near, mut far, gaps, .. } = p;
    let (near_gap, far_gap, vpc_gap) = gaps;
    let sizes: Vec<(i32, i32)> = vpcs.iter().map(|v| v.2).collect();
    let (at, bw, bh) =
        if sizes.is_empty() { (Vec::new(), 0, 0) } else { size::shelves(&sizes, shape.vpc_cols, vpc_gap) };
    let (nw, nh) = near.dims(shape.near_cols);
    // The block of VPCs starts after the near services.
    let (vx, vy) = match (near.is_empty(), cx.down) {
        (true, _) => (REGION_PAD, TOP),
        (false, false) => (REGION_PAD + nw + near_gap, TOP),
        (false, true) => (REGION_PAD, TOP + nh + near_gap),
    };
    for ((v, o, _), (x, y)) in vpcs.iter().zip(&at) {
        let (vw, vh) = cx.out.size_of(v.c);
        cx.out.set_rect(v.c, Rect::new(vx + x + o.l, vy + y + o.t, vw, vh));
    }
    if !near.is_empty() {
        // Centred along the VPCs' side.
        let (x, y) = if cx.down {
            (REGION_PAD + ((bw - nw) / 2).max(0), TOP)
        } else {
            (REGION_PAD, TOP + ((bh - nh) / 2).max(0))
        };
        near.centre_hub(cx, shape.near_cols);
        near.place(cx, r.c, shape.near_cols, x, y);
    }
    if !far.is_empty() {
        // Beside or under the VPCs and the near services together.
        let (x, y) = match (sizes.is_empty(), shape.far_below) {
            (true, _) => (REGION_PAD, TOP),
            (false, true) => (REGION_PAD, TOP + shape.core.1 + far_gap),
            (false, false) => (REGION_PAD + shape.core.0 + far_gap, TOP),
        };
        far.centre_hub(cx, shape.far_cols);
        far.place(cx, r.c, shape.far_cols, x, y);
    }
    cx.out.set_rect(r.c, Rect::new(0, 0, w, h));
}

/// The arrangement nearest the target aspect for the least area: every VPC
/// column count (bounded), the far services beside or under the VPCs, and
/// a bounded set of their column counts.
fn choose(down: bool, sizes: &[(i32, i32)], near: &Icons, far: &Icons, gaps: (i32, i32, i32), target: u32) -> Shape {
    let (near_gap, far_gap, _) = gaps;
    let mut best: Option<(u128, Shape)> = None;
    let vpc_options = column_options(sizes.len());
    let far_options = column_options(far.items.len());
    for &c in &vpc_options {
        let (bw, bh) = if sizes.is_empty() {
            (0, 0)
        } else {
            let (_, w, h) = size::shelves(sizes, c, gaps.2);
            (w, h)
        };
        let near_cols = fill_cols(&near.lines, if down { bw } else { bh }, down);
        let (nw, nh) = near.dims(near_cols);
        let (cw, ch) = match (near.is_empty(), down) {
            (true, _) => (bw, bh),
            (false, false) => (nw + near_gap + bw, nh.max(bh)),
            (false, true) => (nw.max(bw), nh + near_gap + bh),
        };
        for &k in &far_options {
            for below in [false, true] {
                let (fw, fh) = far.dims(k);
                let (w, h) = match (far.is_empty(), sizes.is_empty(), below) {
                    (true, _, _) => (cw, ch),
                    (false, true, _) => (fw, fh),
                    (false, false, true) => (cw.max(fw), ch + far_gap + fh),
                    (false, false, false) => (cw + far_gap + fw, ch.max(fh)),
                };
                let score = size::score(w, h, target);
                let shape = Shape { vpc_cols: c, near_cols, far_cols: k, far_below: below, core: (cw, ch), w, h };
                if best.as_ref().is_none_or(|(s, _)| score < *s) {
                    best = Some((score, shape));
                }
            }
        }
    }
    best.map_or(
        Shape { vpc_cols: 1, near_cols: 1, far_cols: 1, far_below: false, core: (0, 0), w: 0, h: 0 },
        |(_, s)| s,
    )
}

/// How many edges leave each VPC of `r` (one end in it, the other not),
/// the VPC itself (peerings, attachments) included.
fn leaving(cx: &Cx, r: &RegionT) -> Vec<usize> {
    r.vpcs
        .iter()
        .map(|v| {
            let mut ids: Vec<NodeId> = vec![v.id];
            ids.extend(v.bands.iter().chain(&v.near).chain(&v.far).copied());
            for z in &v.zones {
                for s in &z.subnets {
                    ids.extend(s.nodes.iter().copied());
                }
            }
            let outside = |m: &usize| cx.model.get(NodeId(*m)).is_none_or(|n| n.vpc != Some(v.id) && *m != v.id.0);
            ids.iter().map(|id| cx.neighbours(*id).iter().filter(|m| outside(m)).count()).sum()
        })
        .collect()
}

/// The one with most edges (of `counts`), when it is a hub: at least 4,
/// and more than twice any other's.
fn hub(counts: &[usize]) -> Option<usize> {
    let (at, most) = counts.iter().copied().enumerate().max_by_key(|&(i, c)| (c, std::cmp::Reverse(i)))?;
    let second = counts.iter().enumerate().filter(|&(i, _)| i != at).map(|(_, c)| *c).max().unwrap_or(0);
    (most >= 4 && most > 2 * second).then_some(at)
}

/// Column counts worth trying for `n` boxes: every one up to 16, then at
/// most 48 more spread up to `n`.
pub(super) fn column_options(n: usize) -> Vec<usize> {
    let mut out: Vec<usize> = (1..=n.clamp(1, 16)).collect();
    if n > 16 {
        let step = (n - 16).div_ceil(48).max(1);
        let mut c = 16 + step;
        while c <= n {
            out.push(c);
            c += step;
        }
    }
    out
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
