//! "Did you mean": the closest candidate by edit distance, when it is close
//! enough to be a likely typo rather than a different word.
//!
//! The work is bounded whatever the input (issue 10: a 20k-character name
//! against every name of a 50k-resource design took seconds and gigabytes):
//!
//! - a word of more than [`MAX_WORD_CHARS`] characters gets no suggestion
//!   (no one misspells a 65-character name by one letter and wants it back);
//! - a candidate whose length differs from the word's by more than the
//!   distance limit is skipped on its length alone;
//! - the distance is computed in a band (only the cells within the limit of
//!   the diagonal) over three rows of at most `MAX_WORD_CHARS + 4` cells, and
//!   stops as soon as a row is past the best distance so far;
//! - at most [`MAX_CANDIDATES`] candidates are looked at and at most
//!   [`MAX_CELLS`] cells computed per word: past either, the best found so
//!   far is the answer (the candidates come in a deterministic order).

/// Longer words get no suggestion.
pub const MAX_WORD_CHARS: usize = 64;
/// Candidates looked at per word, at most.
pub const MAX_CANDIDATES: usize = 200_000;
/// Distance cells computed per word, at most.
pub const MAX_CELLS: usize = 2_000_000;

pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    suggest(word, candidates).0
}

/// What one suggestion cost: candidates looked at and distance cells
/// computed (tests hold these to the bounds above).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    pub candidates: usize,
    pub cells: usize,
}

pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> (Option<&'a str>, Work) {
    let mut work = Work::default();
    // Counting the characters of a long word stops past the limit.
    if word.chars().nth(MAX_WORD_CHARS).is_some() {
        return (None, work);
    }
    let word: Vec<char> = word.chars().collect();
    let limit = match word.len() {
        0..=2 => 1,
        3..=5 => 2,
        _ => 3,
    };
    let mut scratch = Scratch::new(&word);
    let mut best: Option<(usize, &str)> = None;
    for cand in candidates {
        if work.candidates == MAX_CANDIDATES || work.cells >= MAX_CELLS {
            break;
        }
        work.candidates += 1;
        let bound = best.map_or(limit, |(d, _)| d);
        let Some(d) = bounded_distance(&word, cand, bound, &mut scratch, &mut work.cells) else { continue };
        if d == 0 {
            continue; // the word itself
        }
        if best.is_none_or(|(bd, bc)| d < bd || (d == bd && cand < bc)) {
            best = Some((d, cand));
        }
    }
    (best.map(|(_, c)| c), work)
}

/// Buffers reused from one candidate to the next, for one word.
struct Scratch {
    b: Vec<char>,
    /// Rows i-2, i-1 and i of the distance table.
    rows: [Vec<usize>; 3],
    /// The word's characters counted by bucket (`char as u32 % 128`), and
    /// the buckets it uses: a lower bound of the distance in a few steps
    /// per character (see [`Scratch::bag_bound`]).
    counts: [i32; 128],
    buckets: Vec<usize>,
}

impl Scratch {
    fn new(word: &[char]) -> Scratch {
        let mut counts = [0; 128];
        let mut buckets = Vec::new();
        for &c in word {
            let k = bucket(c);
            if counts[k] == 0 {
                buckets.push(k);
            }
            counts[k] += 1;
        }
        Scratch { b: Vec::new(), rows: Default::default(), counts, buckets }
    }

    /// At least the distance of the word and `b`: an edit changes, adds or
    /// removes one character (a transposition none), so the distance is at
    /// least what is left of either side once equal characters are paired.
    /// Characters that share a bucket pair too, so this stays a lower bound.
    fn bag_bound(&mut self, word_len: usize, b: &[char]) -> usize {
        for &c in b {
            self.counts[bucket(c)] -= 1;
        }
        let word_unpaired: usize = self.buckets.iter().map(|&k| self.counts[k].max(0) as usize).sum();
        for &c in b {
            self.counts[bucket(c)] += 1;
        }
        let paired = word_len - word_unpaired;
        word_unpaired.max(b.len() - paired)
    }
}

fn bucket(c: char) -> usize {
    c as usize % 128
}

/// The Damerau–Levenshtein distance (optimal string alignment, on chars) of
/// `a` and `b` if it is at most `max`; None as soon as it is sure to be more.
/// Only the band of cells within `max` of the diagonal is computed (a cell
/// outside it is more than `max` already); `cells` counts those computed.
fn bounded_distance(a: &[char], b: &str, max: usize, s: &mut Scratch, cells: &mut usize) -> Option<usize> {
    // A char is 1 to 4 bytes: the byte length alone rules out most
    // candidates, before a single char is decoded.
    if b.len() + max < a.len() || b.len() > (a.len() + max) * 4 {
        return None;
    }
    s.b.clear();
    for c in b.chars() {
        if s.b.len() == a.len() + max {
            return None; // longer than the word by more than `max`
        }
        s.b.push(c);
    }
    if a.len().abs_diff(s.b.len()) > max {
        return None;
    }
    let b = std::mem::take(&mut s.b);
    let bound = s.bag_bound(a.len(), &b);
    s.b = b;
    if bound > max {
        return None;
    }
    let b = &s.b;
    // Past the limit: every cell outside the band reads as this.
    let far = max + 1;
    for row in &mut s.rows {
        row.clear();
        row.resize(b.len() + 2, far);
    }
    let [two, one, cur] = &mut s.rows;
    for (j, cell) in one.iter_mut().enumerate().take(b.len().min(max) + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        let lo = i.saturating_sub(max).max(1);
        let hi = (i + max).min(b.len());
        cur[0] = if i <= max { i } else { far };
        cur[lo - 1] = if lo == 1 { cur[0] } else { far };
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (one[j] + 1).min(cur[j - 1] + 1).min(one[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(two[j - 2] + 1);
            }
            cur[j] = v.min(far);
            row_min = row_min.min(cur[j]);
        }
        // The cell right of the band is read by the next row: never a
        // value left there by an earlier one.
        cur[hi + 1] = far;
        *cells += hi + 1 - lo;
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
        bounded_distance(&a, b, 64, &mut Scratch::new(&a), &mut 0).unwrap_or(usize::MAX)
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
            assert_eq!(bounded_distance(&chars, b, d, &mut Scratch::new(&chars), &mut 0), Some(d));
            if d > 0 {
                assert_eq!(bounded_distance(&chars, b, d - 1, &mut Scratch::new(&chars), &mut 0), None);
            }
        }
    }

    /// The full table, as the textbook has it: the band must agree.
    fn table_distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in t.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in t[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (t[i - 1][j] + 1).min(t[i][j - 1] + 1).min(t[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(t[i - 2][j - 2] + 1);
                }
                t[i][j] = v;
            }
        }
        t[a.len()][b.len()]
    }

    #[test]
    fn the_band_agrees_with_the_full_table() {
        // Every pair of short words over a small alphabet, every limit.
        let words: Vec<String> = (0..400u32)
            .map(|n| {
                let len = (n % 7) as usize;
                (0..len).map(|k| ['a', 'b', 'c'][((n / 7 + k as u32 * 5) % 3) as usize]).collect()
            })
            .collect();
        for a in &words {
            let chars: Vec<char> = a.chars().collect();
            for b in &words {
                let d = table_distance(a, b);
                for max in 0..4 {
                    let got = bounded_distance(&chars, b, max, &mut Scratch::new(&chars), &mut 0);
                    assert_eq!(got, (d <= max).then_some(d), "{a:?} {b:?} max {max}");
                }
            }
        }
    }

    #[test]
    fn a_huge_word_costs_nothing() {
        let word = "a".repeat(20_000);
        let near = format!("{word}b");
        let (s, work) = suggest(&word, [near.as_str(), "a", "b"]);
        assert_eq!((s, work), (None, Work::default()));
        // The longest word that gets one.
        let word = "x".repeat(MAX_WORD_CHARS);
        let near = format!("{}y", "x".repeat(MAX_WORD_CHARS - 1));
        let (s, work) = suggest(&word, [near.as_str()]);
        assert_eq!(s, Some(near.as_str()));
        assert!(work.cells <= MAX_WORD_CHARS * 7, "{work:?}");
    }

    #[test]
    fn huge_candidates_are_skipped_on_length() {
        let huge = "b".repeat(1_000_000);
        let (s, work) = suggest("bbbbbbbbba", (0..100).map(|_| huge.as_str()).chain(["bbbbbbbbbb"]));
        assert_eq!(s, Some("bbbbbbbbbb"));
        assert_eq!(work.candidates, 101);
        assert!(work.cells <= 10 * 7, "{work:?}");
    }

    #[test]
    fn many_candidates_are_bounded() {
        // 300,000 names that all share the word's length and its first 60
        // characters: each distance runs the whole band. The work stops at
        // the caps, whatever the number of candidates.
        let prefix = "n".repeat(60);
        let names: Vec<String> = (0..300_000).map(|i| format!("{prefix}{i:04x}")).collect();
        let word = format!("{prefix}zzzz");
        let (_, work) = suggest(&word, names.iter().map(String::as_str));
        assert!(work.candidates <= MAX_CANDIDATES, "{work:?}");
        assert!(work.cells <= MAX_CELLS + (MAX_WORD_CHARS + 1) * 7, "{work:?}");
        // Many misspelt short names against thousands of declared ones: each
        // costs a few cells per candidate of a near length, not a table.
        let names: Vec<String> = (0..50_000).map(|i| format!("server{i}")).collect();
        for i in [0, 7, 12_345, 49_999] {
            let (s, work) = suggest(&format!("srever{i}"), names.iter().map(String::as_str));
            assert_eq!(s, Some(names[i].as_str()));
            assert!(work.cells <= MAX_CELLS, "{work:?}");
        }
    }
}
