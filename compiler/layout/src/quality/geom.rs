//! Exact predicates on integer points, segments and boxes. Products of
//! coordinate differences need 64 bits and their comparisons more, so every
//! product is taken in `i128`: no rounding, no overflow, on any `i32` input.

use crate::Rect;

pub(crate) type Point = [i32; 2];

/// The sign (-1, 0, 1) of the turn a → b → c: positive when c is to the left
/// of a → b (counter-clockwise in x-right, y-up axes), zero when collinear.
pub(crate) fn orient(a: Point, b: Point, c: Point) -> i32 {
    let (ax, ay) = (i128::from(a[0]), i128::from(a[1]));
    let cross = (i128::from(b[0]) - ax) * (i128::from(c[1]) - ay) - (i128::from(b[1]) - ay) * (i128::from(c[0]) - ax);
    cross.signum() as i32
}

fn dot(a: Point, b: Point, c: Point) -> i128 {
    (i128::from(b[0]) - i128::from(a[0])) * (i128::from(c[0]) - i128::from(a[0]))
        + (i128::from(b[1]) - i128::from(a[1])) * (i128::from(c[1]) - i128::from(a[1]))
}

/// The segments a–b and c–d cross at one point interior to both (not at an
/// end of either, not collinear).
pub(crate) fn proper_crossing(a: Point, b: Point, c: Point, d: Point) -> bool {
    orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0
}

/// `p` lies on the segment a–b strictly between its ends.
pub(crate) fn strictly_inside_segment(p: Point, a: Point, b: Point) -> bool {
    a != b && orient(a, b, p) == 0 && dot(a, b, p) > 0 && dot(b, a, p) > 0
}

/// The segments a–b and c–d lie on one line and share a piece of positive
/// length (drawn on top of each other).
pub(crate) fn collinear_overlap(a: Point, b: Point, c: Point, d: Point) -> bool {
    if a == b || c == d || orient(a, b, c) != 0 || orient(a, b, d) != 0 {
        return false;
    }
    // Positions along a → b, scaled by |b - a|²: a at 0, b at `len`.
    let len = dot(a, b, b);
    let (tc, td) = (dot(a, b, c), dot(a, b, d));
    tc.min(td).max(0) < tc.max(td).min(len)
}

/// A fraction `num / den` with `den > 0`.
#[derive(Clone, Copy)]
struct Frac {
    num: i128,
    den: i128,
}

impl Frac {
    fn cmp(self, o: Frac) -> std::cmp::Ordering {
        (self.num * o.den).cmp(&(o.num * self.den))
    }
}

/// The segment a–b meets the open interior of `r` (running along its border
/// or touching it from outside does not). Liang–Barsky clipping with exact
/// fractions: the points a + t(b - a), t in [0, 1], that satisfy the four
/// strict inequalities of the interior form an interval; it is non-empty or
/// not.
pub(crate) fn enters(a: Point, b: Point, r: &Rect) -> bool {
    if r.w <= 0 || r.h <= 0 {
        return false;
    }
    let (ax, ay) = (i128::from(a[0]), i128::from(a[1]));
    let (dx, dy) = (i128::from(b[0]) - ax, i128::from(b[1]) - ay);
    let (left, top) = (i128::from(r.x), i128::from(r.y));
    let (right, bottom) = (left + i128::from(r.w), top + i128::from(r.h));
    // t lies in (lo, hi), each end open when `strict`; [0, 1] to begin with.
    let (mut lo, mut lo_strict) = (Frac { num: 0, den: 1 }, false);
    let (mut hi, mut hi_strict) = (Frac { num: 1, den: 1 }, false);
    // Each constraint reads p·t < q.
    for (p, q) in [(-dx, ax - left), (dx, right - ax), (-dy, ay - top), (dy, bottom - ay)] {
        if p == 0 {
            if q <= 0 {
                return false;
            }
        } else if p > 0 {
            let f = Frac { num: q, den: p };
            match f.cmp(hi) {
                std::cmp::Ordering::Less => (hi, hi_strict) = (f, true),
                std::cmp::Ordering::Equal => hi_strict = true,
                std::cmp::Ordering::Greater => {}
            }
        } else {
            let f = Frac { num: -q, den: -p };
            match f.cmp(lo) {
                std::cmp::Ordering::Greater => (lo, lo_strict) = (f, true),
                std::cmp::Ordering::Equal => lo_strict = true,
                std::cmp::Ordering::Less => {}
            }
        }
    }
    match lo.cmp(hi) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Equal => !lo_strict && !hi_strict,
        std::cmp::Ordering::Greater => false,
    }
}

/// `p` is on the border of `r`, give or take one unit: within `r` grown by
/// one, and not in the interior of `r` shrunk by one.
pub(crate) fn on_border(p: Point, r: &Rect) -> bool {
    let (x, y) = (i64::from(p[0]), i64::from(p[1]));
    let (left, top) = (i64::from(r.x), i64::from(r.y));
    let (right, bottom) = (left + i64::from(r.w), top + i64::from(r.h));
    let near = x >= left - 1 && x <= right + 1 && y >= top - 1 && y <= bottom + 1;
    let deep = x > left + 1 && x < right - 1 && y > top + 1 && y < bottom - 1;
    near && !deep
}

/// The interiors of two boxes overlap (touching does not); in 64 bits, so a
/// box at the end of the `i32` range cannot overflow.
pub(crate) fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.w > 0
        && a.h > 0
        && b.w > 0
        && b.h > 0
        && i64::from(a.x) < i64::from(b.x) + i64::from(b.w)
        && i64::from(b.x) < i64::from(a.x) + i64::from(a.w)
        && i64::from(a.y) < i64::from(b.y) + i64::from(b.h)
        && i64::from(b.y) < i64::from(a.y) + i64::from(a.h)
}

/// The closed boxes meet (touching counts); in 64 bits.
pub(crate) fn touches(a: &Rect, b: &Rect) -> bool {
    i64::from(a.x) <= i64::from(b.x) + i64::from(b.w)
        && i64::from(b.x) <= i64::from(a.x) + i64::from(a.w)
        && i64::from(a.y) <= i64::from(b.y) + i64::from(b.h)
        && i64::from(b.y) <= i64::from(a.y) + i64::from(a.h)
}

/// `inner` lies inside `outer` (borders may touch); in 64 bits.
pub(crate) fn contains(outer: &Rect, inner: &Rect) -> bool {
    i64::from(inner.x) >= i64::from(outer.x)
        && i64::from(inner.y) >= i64::from(outer.y)
        && i64::from(inner.x) + i64::from(inner.w) <= i64::from(outer.x) + i64::from(outer.w)
        && i64::from(inner.y) + i64::from(inner.h) <= i64::from(outer.y) + i64::from(outer.h)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NODE: Rect = Rect::new(10, 10, 20, 20); // (10,10)–(30,30)

    #[test]
    fn a_segment_through_a_box_enters_it() {
        assert!(enters([0, 20], [40, 20], &NODE));
        assert!(enters([20, 0], [20, 40], &NODE));
        // Ending inside, or wholly inside.
        assert!(enters([0, 20], [15, 20], &NODE));
        assert!(enters([12, 12], [28, 28], &NODE));
        // Diagonal through the middle.
        assert!(enters([0, 0], [40, 40], &NODE));
        // A point inside (a zero-length segment).
        assert!(enters([20, 20], [20, 20], &NODE));
    }

    #[test]
    fn touching_or_running_along_the_border_does_not_enter() {
        assert!(!enters([0, 10], [40, 10], &NODE), "along the top edge");
        assert!(!enters([30, 0], [30, 40], &NODE), "along the right edge");
        assert!(!enters([0, 20], [10, 20], &NODE), "ending on the left edge");
        assert!(!enters([10, 20], [0, 20], &NODE), "starting on the left edge");
        assert!(!enters([0, 20], [5, 20], &NODE), "short of it");
        assert!(!enters([0, 20], [0, 40], &NODE), "beside it");
        // A diagonal through the corner only.
        assert!(!enters([0, 20], [20, 0], &NODE), "touches the corner (10,10)");
        assert!(!enters([20, 20], [20, 20], &Rect::new(0, 0, 0, 40)), "an empty box has no interior");
    }

    #[test]
    fn crossings_are_proper_only() {
        assert!(proper_crossing([0, 5], [10, 5], [5, 0], [5, 10]));
        assert!(!proper_crossing([0, 5], [10, 5], [5, 5], [5, 10]), "a T: one ends on the other");
        assert!(!proper_crossing([0, 5], [10, 5], [10, 5], [20, 5]), "end to end");
        assert!(!proper_crossing([0, 5], [10, 5], [5, 5], [15, 5]), "collinear overlap is not a crossing");
        assert!(!proper_crossing([0, 5], [10, 5], [11, 0], [11, 10]), "apart");
        assert!(proper_crossing([0, 0], [10, 10], [0, 10], [10, 0]), "diagonals");
    }

    #[test]
    fn collinear_overlap_needs_a_shared_length() {
        assert!(collinear_overlap([0, 5], [10, 5], [5, 5], [15, 5]));
        assert!(collinear_overlap([10, 5], [0, 5], [2, 5], [3, 5]), "either direction");
        assert!(!collinear_overlap([0, 5], [10, 5], [10, 5], [20, 5]), "touching at an end");
        assert!(!collinear_overlap([0, 5], [10, 5], [0, 6], [10, 6]), "parallel");
        assert!(collinear_overlap([0, 0], [4, 4], [2, 2], [8, 8]), "diagonal");
    }

    #[test]
    fn points_on_the_border_within_one_unit() {
        assert!(on_border([10, 20], &NODE));
        assert!(on_border([9, 20], &NODE));
        assert!(on_border([11, 20], &NODE));
        assert!(on_border([31, 31], &NODE));
        assert!(!on_border([8, 20], &NODE));
        assert!(!on_border([12, 20], &NODE), "inside");
        assert!(!on_border([20, 20], &NODE));
    }

    #[test]
    fn strictly_inside_a_segment() {
        assert!(strictly_inside_segment([5, 0], [0, 0], [10, 0]));
        assert!(!strictly_inside_segment([0, 0], [0, 0], [10, 0]));
        assert!(!strictly_inside_segment([11, 0], [0, 0], [10, 0]));
        assert!(!strictly_inside_segment([5, 1], [0, 0], [10, 0]));
    }

    #[test]
    fn extreme_coordinates_do_not_overflow() {
        let big = Rect::new(i32::MAX - 10, i32::MAX - 10, 10, 10);
        assert!(overlaps(&big, &big));
        assert!(contains(&big, &big));
        assert!(enters([i32::MIN, i32::MAX - 5], [i32::MAX, i32::MAX - 5], &big));
        assert!(proper_crossing(
            [i32::MIN, i32::MIN],
            [i32::MAX, i32::MAX],
            [i32::MIN, i32::MAX],
            [i32::MAX, i32::MIN]
        ));
    }
}
