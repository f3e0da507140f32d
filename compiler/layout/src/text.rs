//! Text measured from a table compiled in (`metrics.rs`, DejaVu Sans), never
//! from the system: the CLI and the browser lay out to the same byte. The
//! SVG names the same font, so what is measured is what is drawn.

use crate::metrics;

/// Font sizes, in user units.
pub const TITLE_SIZE: i32 = 20;
pub const CONTAINER_SIZE: i32 = 13;
pub const NODE_SIZE: i32 = 12;
pub const EDGE_SIZE: i32 = 11;
pub const BADGE_SIZE: i32 = 10;

/// The font the SVG asks for; `metrics.rs` holds its widths.
pub const FONT_FAMILY: &str = "DejaVu Sans, Verdana, sans-serif";

/// The most lines a wrapped label takes; the rest is cut with an ellipsis.
pub const MAX_LINES: usize = 3;

/// The height of one line of text at `size`.
pub const fn line_height(size: i32) -> i32 {
    (size * 5 + 3) / 4
}

fn advance(c: char, bold: bool) -> u32 {
    let (table, fallback) =
        if bold { (&metrics::BOLD, metrics::BOLD_FALLBACK) } else { (&metrics::REGULAR, metrics::REGULAR_FALLBACK) };
    let cp = c as u32;
    if (0x20..0x100).contains(&cp) {
        let w = table[(cp - 0x20) as usize];
        // Control characters in the Latin-1 block have no glyph.
        if w == 0 {
            u32::from(fallback)
        } else {
            u32::from(w)
        }
    } else if is_wide(cp) {
        2048
    } else {
        u32::from(fallback)
    }
}

/// East Asian wide characters and emoji: a full em.
fn is_wide(cp: u32) -> bool {
    matches!(cp, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1FAFF | 0x20000..=0x3FFFD)
}

/// The width of `text` at `size`, rounded up to a whole unit.
pub fn width(text: &str, size: i32, bold: bool) -> i32 {
    let units: u64 = text.chars().map(|c| u64::from(advance(c, bold))).sum();
    let size = u64::try_from(size.max(0)).unwrap_or(0);
    i32::try_from((units * size).div_ceil(2048)).unwrap_or(i32::MAX)
}

/// `text` broken into lines no wider than `max_width` at word boundaries
/// (a word wider than a line is cut), at most [`MAX_LINES`] lines; text that
/// does not fit ends with `…`.
pub fn wrap(text: &str, max_width: i32, size: i32, bold: bool) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut cut = false;
    'words: for word in text.split_whitespace() {
        let mut word = word.to_string();
        loop {
            let candidate = if current.is_empty() { word.clone() } else { format!("{current} {word}") };
            if width(&candidate, size, bold) <= max_width {
                current = candidate;
                continue 'words;
            }
            if !current.is_empty() {
                lines.push(std::mem::take(&mut current));
                if lines.len() == MAX_LINES {
                    cut = true;
                    break 'words;
                }
                continue;
            }
            // A single word wider than the line: cut it after the last `_`,
            // `-`, `.` or `/` that fits (`dynamodb_` / `gateway`), else where
            // it overflows.
            let head = split_word(&word, max_width, size, bold);
            let tail: String = word.chars().skip(head.chars().count()).collect();
            lines.push(head);
            if lines.len() == MAX_LINES {
                cut = !tail.is_empty();
                break 'words;
            }
            if tail.is_empty() {
                continue 'words;
            }
            word = tail;
        }
    }
    if !current.is_empty() {
        if lines.len() < MAX_LINES {
            lines.push(current);
        } else {
            cut = true;
        }
    }
    if cut {
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && width(&format!("{last}…"), size, bold) > max_width {
                last.pop();
            }
            last.push('…');
        }
    }
    lines
}

/// The longest head of `word` that fits in `max_width`: up to a separator
/// when one fits, else as many characters as fit (at least one).
fn split_word(word: &str, max_width: i32, size: i32, bold: bool) -> String {
    let mut head = String::new();
    let mut at_separator = None;
    for c in word.chars() {
        head.push(c);
        if width(&head, size, bold) > max_width {
            head.pop();
            break;
        }
        if matches!(c, '_' | '-' | '.' | '/') && head.len() < word.len() {
            at_separator = Some(head.len());
        }
    }
    if let Some(end) = at_separator {
        head.truncate(end);
    }
    if head.is_empty() {
        word.chars().take(1).collect()
    } else {
        head
    }
}

/// The widest line of `lines`.
pub fn block_width(lines: &[String], size: i32, bold: bool) -> i32 {
    lines.iter().map(|l| width(l, size, bold)).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_font() {
        // DejaVu Sans: 'i' is narrow, 'W' wide; 12 px of "M" is 1767/2048 em.
        assert!(width("iiii", 12, false) < width("WWWW", 12, false));
        assert_eq!(width("M", 2048, false), 1767);
        assert!(width("web", 12, true) > width("web", 12, false));
        assert_eq!(width("", 12, false), 0);
        assert_eq!(width("東京", 10, false), 20);
    }

    #[test]
    fn wrap_breaks_at_words_and_bounds_lines() {
        let lines = wrap("orders database primary", 90, 12, false);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, 12, false) <= 90), "{lines:?}");
        let long = "word ".repeat(200);
        let lines = wrap(&long, 80, 12, false);
        assert_eq!(lines.len(), MAX_LINES);
        assert!(lines[MAX_LINES - 1].ends_with('…'));
        assert_eq!(wrap("dynamodb_gateway", 110, 12, false), ["dynamodb_", "gateway"]);
        let one = wrap(&"x".repeat(500), 60, 12, false);
        assert!(one.len() <= MAX_LINES && one.iter().all(|l| width(l, 12, false) <= 60), "{one:?}");
    }
}
