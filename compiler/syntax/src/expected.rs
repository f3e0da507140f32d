//! Turns a line the grammar could not read into a diagnostic a user
//! understands: where exactly it went wrong, what was expected there (in words,
//! never pest rule names), and what was found instead.

use crate::diag::codes;
use pest::error::{ErrorVariant, InputLocation};
use pest::Parser as _;

use crate::comments::raw_string_at;
use crate::diag::Diagnostic;
use crate::parser::{ArchParser, Rule};
use crate::span::{FileId, Span};

pub(crate) fn explain_bad_statement(file: FileId, src: &str, text: Span, block: Option<Span>) -> Diagnostic {
    let line = src.get(text.range()).unwrap_or("");
    let base = text.start as usize;

    if let Some((at, hashes)) = unterminated_raw(line) {
        let start = base + at;
        let end = base + line.trim_end().len();
        let close = format!("\"{}", "#".repeat(hashes));
        return Diagnostic::new(
            codes::BAD_STRING,
            Span::new(file, start, end.max(start + 1)),
            "unterminated raw string",
        )
        .with_span_label("this raw string is not closed on its line")
        .with_help(format!(
            "close it with `{close}`: a raw string opened with `r{}\"` ends at the first `{close}`",
            "#".repeat(hashes)
        ));
    }
    if let Some(quote) = unterminated_quote(line) {
        let start = base + quote;
        let end = base + line.trim_end().len();
        return Diagnostic::new(codes::BAD_STRING, Span::new(file, start, end.max(start + 1)), "unterminated string")
            .with_span_label("this string is not closed on its line")
            .with_help("close it with `\"`; to put a quote inside a string, write `\\\"`");
    }

    let trimmed = line.trim_end();
    match ArchParser::parse(Rule::statement_only, trimmed) {
        Err(err) => {
            let pos = match err.location {
                InputLocation::Pos(p) => p,
                InputLocation::Span((p, _)) => p,
            };
            let mut wants: Vec<String> = Vec::new();
            if let ErrorVariant::ParsingError { positives, .. } = &err.variant {
                for rule in positives {
                    if let Some(w) = rule_words(*rule) {
                        push_unique(&mut wants, w.to_string());
                    }
                }
            }
            // "end of line" reads best as the last of the alternatives.
            if let Some(i) = wants.iter().position(|w| w == "end of line") {
                let eol = wants.remove(i);
                wants.push(eol);
            }
            if pos >= trimmed.len() {
                // Nothing more on the line: the statement stopped short.
                wants.retain(|w| w != "end of line");
            }
            let (found, found_len) = found_at(trimmed, pos);
            let start = base + pos;
            let span = Span::new(file, start, start + found_len);
            let message = if wants.is_empty() {
                format!("unexpected {found}")
            } else {
                format!("expected {}, found {found}", join_or(&wants))
            };
            let mut d = Diagnostic::new(codes::SYNTAX_ERROR, span, message);
            if let Some(help) = hint(trimmed, pos) {
                d = d.with_help(help);
            }
            d
        }
        Ok(_) => match block {
            Some(b) => {
                let open = Span::new(file, b.start as usize, b.start as usize + 1);
                Diagnostic::new(codes::SYNTAX_ERROR, open, "unexpected `{`: this statement takes no block")
                    .with_label(text, "this statement is complete without it")
                    .with_help("only declarations, components, `for`, flows and peerings open a block")
            }
            None => Diagnostic::new(codes::SYNTAX_ERROR, text, "this line could not be read")
                .with_help("each statement goes on its own line or ends with `;`"),
        },
    }
}

/// The modifiers of LANGUAGE.md §4, for "did you mean".
const MODIFIERS: &[&str] = &["public", "private", "isolated", "internal", "gateway", "interface"];

/// Friendly advice for the most common slips.
fn hint(line: &str, pos: usize) -> Option<String> {
    let rest = &line[pos.min(line.len())..];
    let before = &line[..pos.min(line.len())];
    // `alb wéb`: the name stopped at a letter that is not ASCII.
    if rest.chars().next().is_some_and(|c| !c.is_ascii()) {
        return Some(
            "names and words are ASCII: letters `a`–`z` and `A`–`Z`, digits, `_` and `-`; \
                     other text goes in a string (`label: \"…\"`)"
                .to_string(),
        );
    }
    // `replicas: -1`
    if rest.starts_with('-') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return Some(
            "there are no negative numbers: numbers are whole numbers from 0 (or decimals such as `1.5`)".into(),
        );
    }
    // `timeout: 10 minutes`
    let last = before.trim_end().rsplit([' ', '\t', ':', ',']).next().unwrap_or("");
    if before.ends_with([' ', '\t']) && !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        let word: String = rest.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let unit = match word.to_ascii_lowercase().as_str() {
            "s" | "sec" | "secs" | "second" | "seconds" => Some("s"),
            "m" | "min" | "mins" | "minute" | "minutes" => Some("m"),
            "h" | "hr" | "hrs" | "hour" | "hours" => Some("h"),
            "d" | "day" | "days" => Some("d"),
            _ => None,
        };
        let size = ["B", "KB", "kB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB"].contains(&word.as_str());
        if let Some(unit) = unit.or(size.then_some(word.as_str())) {
            return Some(format!("write the unit right after the number, without a space: `{last}{unit}`"));
        }
    }
    // `pubic subnet x …`: a misspelt modifier reads as a kind and its name.
    let mut words = line.split_whitespace();
    if let (Some(first), Some(_)) = (words.next(), words.next()) {
        if !MODIFIERS.contains(&first) {
            if let Some(m) = MODIFIERS.iter().find(|m| close(first, m)) {
                return Some(format!("`{first}` is not a modifier: did you mean `{m}`?"));
            }
        }
    }
    hint_static(line, rest).map(str::to_string)
}

/// One edit (insert, delete, substitute or swap of neighbours) apart, for
/// words of four letters or more.
fn close(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() < 4 || a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.len(), b.len());
    if la == lb {
        pre + suf + 1 >= la
            || (pre + 2 <= la && a[pre] == b[pre + 1] && a[pre + 1] == b[pre] && a[pre + 2..] == b[pre + 2..])
    } else {
        pre + suf >= la.min(lb)
    }
}

fn hint_static(line: &str, rest: &str) -> Option<&'static str> {
    if rest.starts_with('=') {
        let first = line.split_whitespace().next().unwrap_or("");
        if matches!(first, "title" | "direction" | "theme") {
            return Some("settings are written without `=`: `title \"…\"`, `direction right`, `theme dark`");
        }
        return Some("properties are written `key: value`");
    }
    if rest.starts_with("<-") && !rest.starts_with("<->") {
        return Some("flows point from the side that opens the connection: write `b -> a`");
    }
    if rest.starts_with("=>") || rest.starts_with("-->") {
        return Some("a flow is written `a -> b`");
    }
    if line.trim_start().starts_with("peering") && !line.contains("<->") {
        return Some("a peering is written `peering name vpc_a <-> vpc_b`");
    }
    None
}

fn rule_words(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::ident | Rule::name | Rule::decl_name => "a name",
        Rule::word | Rule::kind | Rule::param_ref => "a name",
        Rule::value | Rule::values | Rule::args => "a value",
        Rule::string => "a string",
        Rule::cidr => "a CIDR block such as 10.0.0.0/16",
        Rule::ports | Rule::port | Rule::proto_port | Rule::range | Rule::integer => "a port",
        Rule::quantity => "a number",
        Rule::block => "`{`",
        Rule::arrow => "`->`",
        Rule::placement | Rule::kw_in | Rule::nacl_dir => "`in`",
        Rule::kw_as => "`as`",
        Rule::module_path | Rule::bare_path => "a module path such as `std/vpc` or `./network.arch`",
        Rule::params => "`(`",
        Rule::nacl_peer => "`from` or `to`",
        Rule::list => "`[`",
        Rule::prefix => "a prefix length such as /24",
        Rule::EOI | Rule::eol => "end of line",
        Rule::comma => "`,`",
        Rule::colon => "`:`",
        Rule::equals => "`=`",
        Rule::open_brace => "`{`",
        Rule::open_paren => "`(`",
        Rule::close_paren => "`)`",
        Rule::close_bracket => "`]`",
        Rule::both_ways => "`<->`",
        _ => return None,
    })
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// What stands at `pos`, for "found …", and how many bytes it covers.
fn found_at(line: &str, pos: usize) -> (String, usize) {
    let rest = line.get(pos..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return ("end of line".to_string(), 0);
    };
    let is_wordy = |c: char| c.is_alphanumeric() || c == '_' || c == '.' || c == '/';
    let len = if is_wordy(first) {
        rest.char_indices().find(|&(_, c)| !is_wordy(c) && c != '-').map_or(rest.len(), |(i, _)| i)
    } else if rest.starts_with("<->") {
        3
    } else if rest.starts_with("->") || rest.starts_with("<-") || rest.starts_with("=>") {
        2
    } else {
        first.len_utf8()
    };
    let text = &rest[..len];
    (format!("`{text}`"), len)
}

/// Where a raw string opens that is never closed on the line, and its `#`s.
fn unterminated_raw(line: &str) -> Option<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut in_string = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'#' if !in_string => return None,
            b'r' if !in_string => match raw_string_at(bytes, i) {
                Some((hashes, None)) => return Some((i, hashes)),
                Some((_, Some(end))) => {
                    i = end;
                    continue;
                }
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    None
}

/// The byte offset of an opening quote that is never closed on the line
/// (raw strings, closed, are passed over).
fn unterminated_quote(line: &str) -> Option<usize> {
    let mut open: Option<usize> = None;
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        if let (None, Some((_, Some(end)))) = (open, raw_string_at(line.as_bytes(), i)) {
            while chars.clone().next().is_some_and(|(j, _)| j < end) {
                chars.next();
            }
            continue;
        }
        match (c, open) {
            ('"', None) => open = Some(i),
            ('"', Some(_)) => open = None,
            ('\\', Some(_)) => {
                chars.next();
            }
            ('#', None) => break,
            _ => {}
        }
    }
    open
}

#[cfg(test)]
mod tests {
    use super::close;

    #[test]
    fn close_is_one_edit_apart() {
        assert!(close("pubic", "public"));
        assert!(close("privte", "private"));
        assert!(close("intenral", "internal"));
        assert!(close("isolatde", "isolated"));
        assert!(!close("internet", "internal"));
        assert!(!close("public", "public"));
        assert!(!close("pub", "public"));
        assert!(!close("subnet", "public"));
    }
}
