//! Sizes of what is drawn (icon glyphs with their wrapped labels, bands),
//! one-line labels cut to a width, grids of equal slots, and the category
//! that colours a glyph. Every gap here is a channel the router may use.

use archc_core::model::kinds::Kind;

use crate::text;

/// An icon glyph's box (`shape: icon` and `border`).
pub(super) const ICON: i32 = 48;
/// Between an icon and the label under it.
pub(super) const LABEL_GAP: i32 = 4;
/// The widest a node's label is wrapped to; also the width of a slot.
pub(super) const LABEL_MAX: i32 = 120;
/// The free space between two slots of a grid: a corridor for edges.
pub(super) const GAP: i32 = 40;
/// A band's height and its glyph's.
pub(super) const BAND_H: i32 = 40;
pub(super) const BAND_ICON: i32 = 32;
/// The line a container's label takes, with the padding above and below it:
/// a container's children start this far below its top.
pub(super) const HEADER: i32 = 44;
/// Where the contents of the cloud and of a region start: under the label
/// line, with a channel between, where long edges run along the top.
pub(super) const TOP: i32 = HEADER + 24;
/// The empty border around the whole picture.
pub(super) const MARGIN: i32 = 24;

/// A count as i32, saturating (counts of user data are far below it).
pub(super) fn int(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The lines of an icon's label, wrapped under the glyph.
pub(super) fn icon_lines(label: &str) -> Vec<String> {
    text::wrap(label, LABEL_MAX, text::NODE_SIZE, false)
}

/// The height of `n` lines of a node label.
pub(super) fn lines_height(n: usize) -> i32 {
    int(n).saturating_mul(text::line_height(text::NODE_SIZE))
}

/// The height of an icon with `lines` lines of label under it.
pub(super) fn slot_h(lines: usize) -> i32 {
    ICON + LABEL_GAP + lines_height(lines)
}

/// The width an icon's label takes (at least the glyph's).
pub(super) fn icon_w(lines: &[String]) -> i32 {
    text::block_width(lines, text::NODE_SIZE, false).max(ICON)
}

/// `s` on one line no wider than `max_w`, cut with `…` when it is longer.
/// Linear in `s`: each character is measured once (its own width rounded
/// up, so the sum bounds the cut text's width).
pub(super) fn cut_line(s: &str, max_w: i32, size: i32, bold: bool) -> String {
    if text::width(s, size, bold) <= max_w {
        return s.to_string();
    }
    let room = max_w - text::width("…", size, bold);
    if room < 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0i32;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let w = text::width(c.encode_utf8(&mut buf), size, bold);
        if used.saturating_add(w) > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The longest a badge's label is drawn.
pub(super) const BADGE_MAX: i32 = 120;

/// The AWS category that colours a kind's glyph.
pub(super) fn category(kind: Kind) -> &'static str {
    match kind {
        Kind::Ec2 | Kind::Asg | Kind::Lambda => "compute",
        Kind::Ecs | Kind::Eks => "containers",
        Kind::Rds | Kind::Aurora | Kind::Elasticache | Kind::Dynamodb => "database",
        Kind::S3 | Kind::Efs => "storage",
        Kind::Sqs | Kind::Sns | Kind::Kinesis | Kind::Stepfn | Kind::Apigw | Kind::Eventbridge => "integration",
        Kind::Waf | Kind::Nacl => "security",
        Kind::Users | Kind::Internet | Kind::Onprem => "external",
        Kind::Igw
        | Kind::Nat
        | Kind::Endpoint
        | Kind::Alb
        | Kind::Nlb
        | Kind::Cloudfront
        | Kind::Route53
        | Kind::Tgw
        | Kind::Vpn
        | Kind::Dx
        | Kind::Region
        | Kind::Vpc
        | Kind::Az
        | Kind::Subnet => "networking",
    }
}

/// Boxes packed in a grid of `cols` columns, row by row: each column as wide
/// as its widest box, each row as tall as its tallest, `gap` between them.
/// Returns each box's top-left and the grid's size.
pub(super) fn pack(sizes: &[(i32, i32)], cols: usize, gap: i32) -> (Vec<(i32, i32)>, i32, i32) {
    let cols = cols.clamp(1, sizes.len().max(1));
    let rows = sizes.len().div_ceil(cols);
    let mut col_w = vec![0i32; cols];
    let mut row_h = vec![0i32; rows];
    for (i, &(w, h)) in sizes.iter().enumerate() {
        if let Some(c) = col_w.get_mut(i % cols) {
            *c = (*c).max(w);
        }
        if let Some(r) = row_h.get_mut(i / cols) {
            *r = (*r).max(h);
        }
    }
    let col_x = offsets(&col_w, gap);
    let row_y = offsets(&row_h, gap);
    let at = (0..sizes.len())
        .map(|i| (col_x.get(i % cols).copied().unwrap_or(0), row_y.get(i / cols).copied().unwrap_or(0)))
        .collect();
    (at, span(&col_w, gap), span(&row_h, gap))
}

/// Boxes on shelves of `cols` boxes, row by row: each shelf as tall as its
/// tallest box, boxes side by side on it with `gap` between (no column
/// alignment, so one wide box does not push a whole column out). Returns
/// each box's top-left and the size of the whole.
pub(super) fn shelves(sizes: &[(i32, i32)], cols: usize, gap: i32) -> (Vec<(i32, i32)>, i32, i32) {
    let cols = cols.clamp(1, sizes.len().max(1));
    let mut at = Vec::with_capacity(sizes.len());
    let (mut w, mut y) = (0i32, 0i32);
    for row in sizes.chunks(cols) {
        let mut x = 0i32;
        let mut tallest = 0i32;
        for &(bw, bh) in row {
            at.push((x, y));
            x = x.saturating_add(bw).saturating_add(gap);
            tallest = tallest.max(bh);
        }
        w = w.max(x - gap);
        y = y.saturating_add(tallest).saturating_add(gap);
    }
    (at, w.max(0), (y - gap).max(0))
}

/// The start of each of `lens` laid end to end with `gap` between.
pub(super) fn offsets(lens: &[i32], gap: i32) -> Vec<i32> {
    let mut at = 0i32;
    lens.iter()
        .map(|l| {
            let here = at;
            at = at.saturating_add(*l).saturating_add(gap);
            here
        })
        .collect()
}

/// The length of `lens` laid end to end with `gap` between.
pub(super) fn span(lens: &[i32], gap: i32) -> i32 {
    let sum = lens.iter().fold(0i32, |a, l| a.saturating_add(*l));
    sum.saturating_add(gap.saturating_mul(int(lens.len().saturating_sub(1))))
}

/// Lower is better: area times the cube of the distortion (how many times
/// the aspect is off the target), so doubling the distortion costs more
/// than doubling the area; far more beyond 2:1. `target` is width/height
/// in thousandths. In integers, so every platform chooses alike.
pub(super) fn score(w: i32, h: i32, target: u32) -> u128 {
    let w = u128::from(w.max(1).unsigned_abs());
    let h = u128::from(h.max(1).unsigned_abs());
    let target = u128::from(target.max(1));
    let aspect = (w * 1000 / h).max(1);
    let off = if aspect >= target { aspect * 1000 / target } else { target * 1000 / aspect };
    let score = (w * h).saturating_mul(off).saturating_mul(off).saturating_mul(off);
    // Beyond 2:1 either way a shape is taken only when nothing else fits.
    if (500..=2000).contains(&aspect) {
        score
    } else {
        score.saturating_mul(1 << 12)
    }
}

/// Icons in a grid of equal-width slots: returns each glyph's top-left, and
/// the grid's size. `lines` is each icon's label line count.
pub(super) fn icon_grid(lines: &[usize], cols: usize) -> (Vec<(i32, i32)>, i32, i32) {
    let sizes: Vec<(i32, i32)> = lines.iter().map(|&l| (LABEL_MAX, slot_h(l))).collect();
    let (at, w, h) = pack(&sizes, cols, GAP);
    let inset = (LABEL_MAX - ICON) / 2;
    (at.into_iter().map(|(x, y)| (x + inset, y)).collect(), w, h)
}

/// The size of an icon grid of `cols` columns, every row as tall as the
/// tallest slot (a bound of `icon_grid`'s height, and its width).
pub(super) fn grid_dims(lines: &[usize], cols: usize) -> (i32, i32) {
    let n = lines.len();
    if n == 0 {
        return (0, 0);
    }
    let cols = cols.clamp(1, n);
    let slot = slot_h(lines.iter().copied().max().unwrap_or(1));
    (int(cols) * (LABEL_MAX + GAP) - GAP, int(n.div_ceil(cols)) * (slot + GAP) - GAP)
}

/// A squarish column count for `n` slots of an icon grid, a little wider
/// than tall.
pub(super) fn square_cols(n: usize) -> usize {
    let mut c = 1usize;
    // Bounded by n: the smallest c with c² ≥ n, a little wider.
    while c.saturating_mul(c) < n && c < n {
        c += 1;
    }
    c.clamp(1, n.max(1))
}
