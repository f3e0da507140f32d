//! "Did you mean": the closest candidate by edit distance, when it is close
//! enough to be a likely typo rather than a different word.

pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word: Vec<char> = word.chars().collect();
    let limit = match word.len() {
        0..=2 => 1,
        3..=5 => 2,
        _ => 3,
    };
    // Every declared name may be a candidate, once per unknown name: the
    // work per candidate is kept small (no allocation, a length test, and a
    // distance that stops as soon as it exceeds the best so far).
    let mut scratch = Scratch::default();
    let mut best: Option<(usize, &str)> = None;
    for cand in candidates {
        let bound = best.map_or(limit, |(d, _)| d);
        let Some(d) = bounded_distance(&word, cand, bound, &mut scratch) else { continue };
        if d == 0 {
            continue; // the word itself
        }
        if best.is_none_or(|(bd, bc)| d < bd || (d == bd && cand < bc)) {
            best = Some((d, cand));
        }
    }
    best.map(|(_, c)| c)
}

/// Buffers reused from one candidate to the next.
#[derive(Default)]
struct Scratch {
    b: Vec<char>,
    /// Rows i-2, i-1 and i of the distance table.
    rows: [Vec<usize>; 3],
}

/// The Damerau–Levenshtein distance (optimal string alignment, on chars) of
/// `a` and `b` if it is at most `max`; None as soon as it is sure to be more.
fn bounded_distance(a: &[char], b: &str, max: usize, s: &mut Scratch) -> Option<usize> {
    s.b.clear();
    s.b.extend(b.chars());
    let b = &s.b;
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    for row in &mut s.rows {
        row.clear();
        row.resize(b.len() + 1, 0);
    }
    let [two, one, cur] = &mut s.rows;
    for (j, cell) in one.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (one[j] + 1).min(cur[j - 1] + 1).min(one[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(two[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        // Every later cell is at least the smallest of this row.
        if row_min > max {
            return None;
        }
        std::mem::swap(two, one);
        std::mem::swap(one, cur);
    }
    let d = one[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        bounded_distance(&a, b, usize::MAX, &mut Scratch::default()).unwrap_or(usize::MAX)
    }

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(did_you_mean("igw", ["igw", "nat"]), None);
        assert_eq!(did_you_mean("iwg", ["igw", "nat"]), Some("igw"));
        assert_eq!(did_you_mean("mutli_az", ["multi_az", "replicas"]), Some("multi_az"));
        assert_eq!(did_you_mean("zzzzzz", ["multi_az"]), None);
        // The nearest wins, then the first in name order.
        assert_eq!(did_you_mean("media", ["medias", "medai", "mediaa"]), Some("medai"));
        assert_eq!(did_you_mean("abcd", ["abxd", "abcx"]), Some("abcx"));
    }

    #[test]
    fn distances() {
        for (a, b, d) in [
            ("", "", 0),
            ("a", "", 1),
            ("", "abc", 3),
            ("kitten", "sitting", 3),
            ("ab", "ba", 1),
            ("café", "cafe", 1),
            ("abcd", "acbd", 1),
            ("ca", "abc", 3),
        ] {
            assert_eq!((distance(a, b), distance(b, a)), (d, d), "{a} {b}");
            let chars: Vec<char> = a.chars().collect();
            assert_eq!(bounded_distance(&chars, b, d, &mut Scratch::default()), Some(d));
            if d > 0 {
                assert_eq!(bounded_distance(&chars, b, d - 1, &mut Scratch::default()), None);
            }
        }
    }
}
