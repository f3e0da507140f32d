//! Comments are not part of the syntax tree (the grammar skips them like
//! spaces); the formatter gets them from this scan and puts them back by
//! position.

use crate::span::{FileId, Span};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    /// From `#` to the end of the line, without the line break.
    pub span: Span,
    pub text: String,
    /// True when only spaces stand before it on its line.
    pub own_line: bool,
}

/// A raw string `r"…"` / `r#"…"#` opening at byte `i` (not inside a word or
/// a `$param`; after an interpolation's `}` it does open one, as in the grammar):
/// its number of `#`, and the byte after its closing quote and `#`s, or None
/// when its line ends first.
pub(crate) fn raw_string_at(bytes: &[u8], i: usize) -> Option<(usize, Option<usize>)> {
    if bytes.get(i) != Some(&b'r') {
        return None;
    }
    if i > 0 && matches!(bytes[i - 1], b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'-' | b'.' | b'$') {
        return None;
    }
    let hashes = bytes[i + 1..].iter().take_while(|&&b| b == b'#').count();
    let open = i + 1 + hashes;
    if bytes.get(open) != Some(&b'"') {
        return None;
    }
    let mut j = open + 1;
    while j < bytes.len() && bytes[j] != b'\n' {
        if bytes[j] == b'"' && bytes[j + 1..].iter().take(hashes).filter(|&&b| b == b'#').count() == hashes {
            return Some((hashes, Some(j + 1 + hashes)));
        }
        j += 1;
    }
    Some((hashes, None))
}

/// Every comment of `src`, in order. A `#` inside a string is not a comment.
pub fn comments(src: &str, file: FileId) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut in_string = false;
    let mut line_start = 0;
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                in_string = false;
                line_start = i + 1;
            }
            b'r' if !in_string => {
                if let Some((_, end)) = raw_string_at(bytes, i) {
                    // To its end, or to the end of its line when unterminated.
                    i = end.unwrap_or_else(|| src[i..].find('\n').map_or(src.len(), |n| i + n));
                    continue;
                }
            }
            b'"' => in_string = !in_string,
            b'\\' if in_string => i += 1,
            b'#' if !in_string => {
                let end = src[i..].find('\n').map_or(src.len(), |n| i + n);
                let end = if end > i && src.as_bytes().get(end - 1) == Some(&b'\r') { end - 1 } else { end };
                let own_line = src[line_start..i].trim().is_empty();
                out.push(Comment { span: Span::new(file, i, end), text: src[i..end].to_string(), own_line });
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}
