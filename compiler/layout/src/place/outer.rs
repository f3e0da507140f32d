//! The page: the title on top; the outside column (users, the internet,
//! then on-premises networks) on the side traffic comes from (left for
//! `direction right`, top for `down`); and the AWS Cloud box holding the
//! global services (a column before the regions, or a row above them) and
//! the regions in a grid wrapped to keep the page between 1:2 and 2:1.

use archc_core::model::NodeId;

use super::size::{self, MARGIN, TOP};
use super::tree::Tree;
use super::{region, Cx};
use crate::types::Rect;

/// Between the cloud's border and its contents.
const CLOUD_PAD: i32 = 32;
/// Between regions.
const REGION_GAP: i32 = 72;
/// Between the global column and the regions, at least (more per edge).
const GLOBAL_GAP: i32 = 80;
/// Between the outside column and the cloud, at least (more per edge).
const OUTSIDE_GAP: i32 = 96;
/// The width/height the page aims at, in thousandths.
const TARGET: u32 = 1500;

/// Creates every container, outermost first (each container's parent is
/// listed before it), and records their indexes in the tree.
pub(super) fn create_containers(cx: &mut Cx, tree: &mut Tree) {
    let model = cx.model;
    if tree.regions.is_empty() && tree.global.is_empty() {
        return;
    }
    let aws = cx.out.container(model, None, "cloud", None);
    for r in &mut tree.regions {
        r.c = cx.out.container(model, Some(r.id), "region", Some(aws));
        for v in &mut r.vpcs {
            v.c = cx.out.container(model, Some(v.id), "vpc", Some(r.c));
            for z in &mut v.zones {
                z.c = cx.out.container(model, Some(z.id), "az", Some(v.c));
                for s in &mut z.subnets {
                    s.c = cx.out.container(model, Some(s.id), "subnet", Some(z.c));
                }
            }
        }
    }
}

/// Measures every box and places the cloud and the outside column on the
/// page, `title_h` below its top margin.
pub(super) fn measure(cx: &mut Cx, tree: &Tree, title_h: i32) {
    let model = cx.model;
    let down = cx.down;
    let top = MARGIN + title_h;
    let icons = |ids: &[NodeId]| -> Vec<(NodeId, Vec<String>)> {
        ids.iter().map(|&n| (n, size::icon_lines(model.get(n).map_or("", |n| n.display_label())))).collect()
    };
    let global = icons(&tree.global);
    let global_lines: Vec<usize> = global.iter().map(|(_, l)| l.len()).collect();
    let outside = icons(&tree.outside);
    let outside_lines: Vec<usize> = outside.iter().map(|(_, l)| l.len()).collect();

    let (mut cloud_w, mut cloud_h) = (0, 0);
    let global_gap = GLOBAL_GAP + cx.edges_at(&tree.global).saturating_mul(8).min(160);
    let outside_gap = OUTSIDE_GAP + cx.edges_at(&tree.outside).saturating_mul(8).min(240);
    let has_cloud = !tree.regions.is_empty() || !tree.global.is_empty();
    if has_cloud {
        let no_regions = tree.regions.is_empty();
        let prepared: Vec<region::Prepared> = tree.regions.iter().map(|r| region::prepare(cx, r)).collect();
        // Every region shaped for each aspect it may take; the page picks.
        let variants: Vec<Vec<(region::Shape, (i32, i32))>> = region::TARGETS
            .iter()
            .map(|&t| {
                prepared
                    .iter()
                    .map(|p| {
                        let shape = p.shape(down, t);
                        (shape, p.size(&shape))
                    })
                    .collect()
            })
            .collect();
        // The block of regions plus the global column (or row) in `k`
        // columns, and the outside column, as the page would be.
        let with_global = |w: i32, h: i32, k: usize| -> (i32, i32) {
            if global_lines.is_empty() {
                return (w, h);
            }
            let (gw, gh) = size::grid_dims(&global_lines, k);
            match (no_regions, down) {
                (true, _) => (gw, gh),
                (false, true) => (w.max(gw), h + global_gap + gh),
                (false, false) => (w + global_gap + gw, h.max(gh)),
            }
        };
        let page = |w: i32, h: i32, k: usize| -> (i32, i32) {
            let (w, h) = with_global(w, h, k);
            let (w, h) = (w + 2 * CLOUD_PAD, h + TOP + CLOUD_PAD);
            if outside_lines.is_empty() {
                return (w, h);
            }
            let cols = region::fill_cols(&outside_lines, if down { w } else { h }, down);
            let (ow, oh) = size::grid_dims(&outside_lines, cols);
            if down {
                (w.max(ow), h + outside_gap + oh)
            } else {
                (w + outside_gap + ow, h.max(oh))
            }
        };
        // Every region column count and global column count (bounded):
        // the page nearest the target aspect for the least area.
        let mut best = (u128::MAX, 0usize, 1usize, 1usize);
        for (v, variant) in variants.iter().enumerate() {
            let sizes: Vec<(i32, i32)> = variant.iter().map(|(_, s)| *s).collect();
            for c in region::column_options(sizes.len()) {
                let (_, bw, bh) = size::shelves(&sizes, c, REGION_GAP);
                for k in region::column_options(global_lines.len()) {
                    let (pw, ph) = page(bw, bh, k);
                    let score = size::score(pw, ph, TARGET);
                    if score < best.0 {
                        best = (score, v, c, k);
                    }
                }
            }
        }
        let (_, variant, cols, global_cols) = best;
        let shapes = variants.into_iter().nth(variant).unwrap_or_default();
        let mut sizes = Vec::with_capacity(shapes.len());
        for (p, (shape, size)) in prepared.into_iter().zip(shapes) {
            region::place(cx, p, shape);
            sizes.push(size);
        }
        let (at, bw, bh) = if sizes.is_empty() { (Vec::new(), 0, 0) } else { size::shelves(&sizes, cols, REGION_GAP) };
        let (cells, gw, gh) = size::icon_grid(&global_lines, global_cols);
        let (gx, gy, rx, ry) = match (global.is_empty() || sizes.is_empty(), down) {
            (true, _) => (CLOUD_PAD, TOP, CLOUD_PAD, TOP),
            (false, true) => (CLOUD_PAD, TOP, CLOUD_PAD, TOP + gh + global_gap),
            (false, false) => (CLOUD_PAD, TOP, CLOUD_PAD + gw + global_gap, TOP),
        };
        for (r, (x, y)) in tree.regions.iter().zip(&at) {
            let (w, h) = cx.out.size_of(r.c);
            cx.out.set_rect(r.c, Rect::new(rx + x, ry + y, w, h));
        }
        let aws = 0usize;
        if !global.is_empty() {
            for ((id, l), (x, y)) in global.into_iter().zip(cells) {
                cx.out.node(model, id, "icon", Some(aws), Some(aws), super::icon_rect(gx + x, gy + y), l);
            }
        }
        let (iw, ih) = with_global(bw, bh, global_cols);
        cloud_w = iw + 2 * CLOUD_PAD;
        cloud_h = ih + TOP + CLOUD_PAD;
        cx.out.set_rect(aws, Rect::new(0, 0, cloud_w.max(160), cloud_h.max(100)));
    }

    // The outside column (or row), centred against the cloud.
    let cols = region::fill_cols(&outside_lines, if down { cloud_w } else { cloud_h }, down);
    let (cells, ow, oh) = size::icon_grid(&outside_lines, cols);
    let (ox, oy, cx0, cy0) = match (outside.is_empty(), down) {
        (true, _) => (MARGIN, top, MARGIN, top),
        (false, true) => (MARGIN + ((cloud_w - ow) / 2).max(0), top, MARGIN, top + oh + outside_gap),
        (false, false) => (MARGIN, top + ((cloud_h - oh) / 2).max(0), MARGIN + ow + outside_gap, top),
    };
    for ((id, l), (x, y)) in outside.into_iter().zip(cells) {
        cx.out.node(model, id, "icon", None, None, super::icon_rect(ox + x, oy + y), l);
    }
    if has_cloud {
        let (w, h) = cx.out.size_of(0);
        cx.out.set_rect(0, Rect::new(cx0, cy0, w, h));
    }
}
