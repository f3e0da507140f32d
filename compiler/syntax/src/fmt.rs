//! The canonical formatter behind `archc fmt`.
//!
//! [`format`] rewrites a whole file in the one canonical layout. It works from
//! the syntax tree, so the layout of the input does not matter, and it puts
//! every comment back where it belongs. It refuses a file that has syntax
//! errors (it returns their diagnostics) rather than guess at what was meant.
//! Formatting never changes meaning: the formatted file parses to the same
//! tree, and formatting it again changes nothing.
//!
//! # Layout
//!
//! - **Indentation**: two spaces per block level. No tabs, no trailing spaces.
//! - **One statement per line.** Statements written on one line with `;` are
//!   put on lines of their own, with one exception: a body that holds only
//!   properties, flags and declarations without a body of their own (no
//!   flows, rules or blocks inside, no comments), that was written on one
//!   line, and that fits in 100 columns together with its header and
//!   indentation stays on one line, written `{ key: value; key: value }`:
//!
//!   ```text
//!   asg app in app_a, app_c { instance: t3.medium; min: 2; max: 6 }
//!   public subnet pub_a 10.0.0.0/24 { nat nat_a }
//!   ```
//!
//!   A body written over several lines stays over several lines. An empty
//!   body is written `{}`.
//! - **Spacing**: one space between the parts of a statement, and none inside
//!   a token:
//!
//!   ```text
//!   title "Web shop"
//!   use ./network.arch as net
//!   public subnet pub_a 10.0.0.0/24
//!   vpc shop 10.0.0.0/16, 10.1.0.0/16
//!   alb web in pub_a, pub_c
//!   a -> b -> c : https, 8080 "label"
//!   key: v1, v2
//!   peering p vpc_a <-> vpc_b
//!   component web_tier(cidr, azs = [a, b]) {
//!   for az in $azs {
//!   allow in 100 https from 0.0.0.0/0
//!   ```
//!
//!   A comma is followed by one space; a colon after a property key by one
//!   space; the colon of a flow's ports stands between spaces. Lists are
//!   written `[a, b]`. Nothing is aligned in columns: modifiers, kinds and
//!   names are each followed by exactly one space.
//! - **Lists over several lines**: a value list continued on the next lines
//!   after trailing commas (property values, arguments, `in` placements, flow
//!   ports, `[…]` lists, component parameters) is joined onto one line.
//! - **Blank lines**: a run of blank lines between two statements becomes one
//!   blank line; a single blank line is kept. There is no blank line right
//!   after `{`, right before `}`, or at the start of the file. The file ends
//!   with exactly one newline (an empty file stays empty).
//! - **Comments**: every comment is kept, with its trailing spaces removed.
//!   - A comment on a line of its own stays on a line of its own, before the
//!     statement that follows it and indented like that statement; when it is
//!     the last thing in a body it is indented like the body's statements, and
//!     at the end of the file it stands at the top level.
//!   - A comment after code on the same line stays at the end of that
//!     statement's line, two spaces after it. When that statement ends with a
//!     body written over several lines, that line is the one with the `}`.
//!   - A comment after the `{` of a body stays after the `{`.
//!   - A comment inside a statement that runs over several lines (after a
//!     trailing comma of a list, inside component parameters) moves to its own
//!     line just before the statement, since the list is joined onto one line.
//!   - A body that contains a comment is always written over several lines.
//! - **Literals**: words, references, numbers with their units, CIDR blocks,
//!   prefixes (`/26`), ranges (`8000-8100`), protocol ports (`tcp/443`) and
//!   parameters (`$azs`) are written exactly as they were. Strings are written
//!   again from their value: `"` as `\"`, `\` as `\\`, a line break as `\n`, a
//!   tab as `\t`, a literal `$` before `{` as `\$`, any other control character
//!   as `\u{…}`, everything else as itself; interpolations as `${param}`. A
//!   `use` path keeps its form (bare or quoted). A byte-order mark at the start
//!   of the file is dropped and line endings become `\n`.

use crate::ast::*;
use crate::comments::Comment;
use crate::diag::Diagnostic;
use crate::span::{FileId, Span};

/// One level of indentation.
const INDENT: &str = "  ";
/// The widest a one-line body may make its line, in characters.
const MAX_WIDTH: usize = 100;

/// Formats a whole file canonically. Refuses (returns the syntax diagnostics) when the file has syntax errors.
pub fn format(src: &str) -> Result<String, Vec<Diagnostic>> {
    let (file, diags) = crate::parse(src, FileId(0));
    if diags.iter().any(Diagnostic::is_error) {
        return Err(diags);
    }
    let comments = crate::comments(src, FileId(0));
    let mut f = Formatter { src, comments: &comments, out: String::new() };
    f.items(&file.stmts, 0, src.len(), 0, false);
    let mut out = f.out;
    let kept = out.trim_end_matches('\n').len();
    out.truncate(kept);
    if !out.is_empty() {
        out.push('\n');
    }
    Ok(out)
}

struct Formatter<'a> {
    src: &'a str,
    /// Every comment of the file, in source order.
    comments: &'a [Comment],
    out: String,
}

/// Something that takes lines of its own in a file or a body.
enum Item<'t> {
    Stmt(usize, &'t Stmt),
    Comment(&'t Comment),
}

fn start(span: Span) -> usize {
    span.start as usize
}

fn end(span: Span) -> usize {
    span.end as usize
}

/// Whether a gap between two items holds a line with nothing on it.
fn has_blank_line(gap: &str) -> bool {
    let lines: Vec<&str> = gap.split('\n').collect();
    let inner = lines.get(1..lines.len().saturating_sub(1)).unwrap_or(&[]);
    inner.iter().any(|line| line.trim_matches([' ', '\t', '\r', '\u{feff}']).is_empty())
}

fn comment_text(c: &Comment) -> &str {
    c.text.trim_end_matches([' ', '\t', '\r'])
}

impl<'a> Formatter<'a> {
    fn text(&self, from: usize, to: usize) -> &'a str {
        self.src.get(from..to).unwrap_or("")
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
    }

    /// The comments that start in `from..to`.
    fn comments_in(&self, from: usize, to: usize) -> &'a [Comment] {
        let all = self.comments;
        let first = all.partition_point(|c| start(c.span) < from);
        let last = all.partition_point(|c| start(c.span) < to).max(first);
        all.get(first..last).unwrap_or(&[])
    }

    /// Where the statement's code ends: its span without the spaces and the
    /// comment that the parser may have swallowed after its last token.
    fn code_end(&self, stmt: &Stmt) -> usize {
        let from = start(stmt.span);
        let mut to = end(stmt.span).max(from);
        loop {
            let kept = self.text(from, to).trim_end_matches([' ', '\t', '\r', '\n', '\u{feff}']).len();
            to = from + kept;
            // A comment runs to the end of its line: one that starts before
            // `to` and reaches it is one that `to` stands in or just after.
            match self.comments_in(from, to).last().filter(|c| end(c.span) >= to) {
                Some(c) => to = start(c.span),
                None => return to,
            }
        }
    }

    /// Formats the statements of the file or of a body whose inside is
    /// `lo..hi`, with the comments that stand among them. For a body, this
    /// writes from just after its `{` (a comment there, then the line break)
    /// to the line break before its `}`.
    fn items(&mut self, stmts: &[Stmt], lo: usize, hi: usize, depth: usize, in_block: bool) {
        let ends: Vec<usize> = stmts.iter().map(|s| self.code_end(s)).collect();
        let mut trailing: Vec<Option<&Comment>> = vec![None; stmts.len()];
        let mut brace: Option<&Comment> = None;
        let mut items: Vec<(usize, Item<'_>)> = Vec::new();
        for (i, stmt) in stmts.iter().enumerate() {
            items.push((start(stmt.span), Item::Stmt(i, stmt)));
        }
        for c in self.comments_in(lo, hi) {
            let at = start(c.span);
            // Statements do not overlap: the last one that starts before the
            // comment either holds it (in its header or body) or ends before it.
            let n = stmts.partition_point(|s| start(s.span) <= at);
            let before = n.checked_sub(1).and_then(|i| Some((i, *ends.get(i)?)));
            if let Some((i, e)) = before {
                if at < e {
                    continue;
                }
                if !self.text(e, at).contains('\n') {
                    if let Some(slot @ None) = trailing.get_mut(i) {
                        *slot = Some(c);
                        continue;
                    }
                }
            }
            if in_block && before.is_none() && brace.is_none() && !self.text(lo, at).contains('\n') {
                brace = Some(c);
                continue;
            }
            items.push((at, Item::Comment(c)));
        }
        items.sort_by_key(|(at, _)| *at);

        if in_block {
            if let Some(c) = brace {
                self.out.push_str("  ");
                self.out.push_str(comment_text(c));
            }
            self.out.push('\n');
        }
        let mut prev_end: Option<usize> = None;
        for (at, item) in items {
            if let Some(p) = prev_end {
                if has_blank_line(self.text(p, at)) {
                    self.out.push('\n');
                }
            }
            match item {
                Item::Comment(c) => {
                    self.indent(depth);
                    self.out.push_str(comment_text(c));
                    self.out.push('\n');
                    prev_end = Some(end(c.span));
                }
                Item::Stmt(i, stmt) => {
                    let code_end = ends.get(i).copied().unwrap_or(at);
                    self.stmt(stmt, code_end, depth);
                    match trailing.get(i).copied().flatten() {
                        Some(c) => {
                            self.out.push_str("  ");
                            self.out.push_str(comment_text(c));
                            prev_end = Some(end(c.span));
                        }
                        None => prev_end = Some(code_end),
                    }
                    self.out.push('\n');
                }
            }
        }
    }

    /// Writes one statement from the start of its line to the end of its last
    /// line (without the line break), preceded by the comments of its header
    /// on lines of their own.
    fn stmt(&mut self, stmt: &Stmt, code_end: usize, depth: usize) {
        let body = stmt.kind.body();
        let header_end = body.map_or(code_end, |b| start(b.span));
        for c in self.comments_in(start(stmt.span), header_end) {
            self.indent(depth);
            self.out.push_str(comment_text(c));
            self.out.push('\n');
        }
        let header = self.header(&stmt.kind);
        self.indent(depth);
        self.out.push_str(&header);
        if let Some(b) = body {
            self.block(b, depth, header.chars().count());
        }
    }

    /// Writes a body after its header: ` {}`, ` { a: 1; b }` or a block over
    /// several lines.
    fn block(&mut self, block: &Block, depth: usize, header_width: usize) {
        let (from, to) = (start(block.span), end(block.span));
        let inner_end = if block.closed { to.saturating_sub(1).max(from) } else { to };
        let has_comments = !self.comments_in(from, to).is_empty();
        if block.stmts.is_empty() && !has_comments {
            self.out.push_str(" {}");
            return;
        }
        if let Some(line) = self.one_line(block, has_comments) {
            if depth * INDENT.len() + header_width + line.chars().count() <= MAX_WIDTH {
                self.out.push_str(&line);
                return;
            }
        }
        self.out.push_str(" {");
        self.items(&block.stmts, from.saturating_add(1), inner_end, depth + 1, true);
        self.indent(depth);
        self.out.push('}');
    }

    /// The one-line form of a body, when it may have one.
    fn one_line(&self, block: &Block, has_comments: bool) -> Option<String> {
        if !block.closed || has_comments || block.stmts.is_empty() {
            return None;
        }
        if self.text(start(block.span), end(block.span)).contains('\n') {
            return None;
        }
        let mut parts = Vec::new();
        for stmt in &block.stmts {
            let simple = match &stmt.kind {
                StmtKind::Property(_) => true,
                // Flags, and declarations without a body of their own
                // (`{ nat nat_a }`, as LANGUAGE.md writes it).
                StmtKind::Decl(d) => d.body.is_none(),
                _ => false,
            };
            if !simple {
                return None;
            }
            parts.push(self.header(&stmt.kind));
        }
        Some(format!(" {{ {} }}", parts.join("; ")))
    }

    /// A statement without its body.
    fn header(&self, kind: &StmtKind) -> String {
        match kind {
            StmtKind::Property(p) => format!("{}: {}", p.key.text, values(&p.values)),
            StmtKind::Flow(f) => {
                let mut s = f.hops.iter().map(Ref::source_text).collect::<Vec<_>>().join(" -> ");
                if !f.ports.is_empty() {
                    s.push_str(" : ");
                    s.push_str(&values(&f.ports));
                }
                if let Some(label) = &f.label {
                    s.push(' ');
                    s.push_str(&string_lit(label));
                }
                s
            }
            StmtKind::Setting(s) => format!("{} {}", s.key.text, value(&s.value)),
            StmtKind::Use(u) => {
                let mut s = String::from("use ");
                let raw = self.text(start(u.path_span), end(u.path_span)).trim();
                if raw.starts_with('"') {
                    if u.path.is_empty() && raw != "\"\"" {
                        // An interpolated path, which the tree does not keep.
                        s.push_str(raw);
                    } else {
                        s.push_str(&string(&[Piece::Text(u.path.clone(), u.path_span)]));
                    }
                } else {
                    s.push_str(&u.path);
                }
                if let Some(alias) = &u.alias {
                    s.push_str(" as ");
                    s.push_str(&alias.text);
                }
                s
            }
            StmtKind::Component(c) => {
                let mut s = format!("component {}", c.name.text);
                if let Some(params) = &c.params {
                    let list: Vec<String> = params
                        .iter()
                        .map(|p| match &p.default {
                            Some(d) => format!("{} = {}", p.name.text, value(d)),
                            None => p.name.text.clone(),
                        })
                        .collect();
                    s.push('(');
                    s.push_str(&list.join(", "));
                    s.push(')');
                }
                s
            }
            StmtKind::For(f) => format!("for {} in {}", f.var.text, values(&f.values)),
            StmtKind::Peering(p) => {
                format!("peering {} {} <-> {}", p.name.source_text(), p.left.source_text(), p.right.source_text())
            }
            StmtKind::NaclRule(r) => format!(
                "{} {} {} {} {} {}",
                r.action.text,
                r.direction.text,
                value(&r.number),
                values(&r.ports),
                r.peer_keyword.text,
                value(&r.peer)
            ),
            StmtKind::Decl(d) => {
                let mut s: String = d.modifiers.iter().map(|m| format!("{} ", m.text)).collect();
                s.push_str(&d.kind.source_text());
                let mut rest: Vec<String> = Vec::new();
                if let Some(name) = &d.name {
                    rest.push(name.source_text());
                }
                if !d.args.is_empty() {
                    rest.push(values(&d.args));
                }
                if let Some(place) = &d.placement {
                    let refs: Vec<String> = place.refs.iter().map(Ref::source_text).collect();
                    rest.push(format!("in {}", refs.join(", ")));
                }
                if !rest.is_empty() {
                    s.push(' ');
                }
                s.push_str(&rest.join(" "));
                s
            }
            // Never reached: a file with a statement that did not parse is refused.
            StmtKind::Error(e) => e.text.trim().to_string(),
        }
    }
}

fn values(list: &[Value]) -> String {
    list.iter().map(value).collect::<Vec<_>>().join(", ")
}

fn value(v: &Value) -> String {
    match &v.kind {
        ValueKind::String(s) => string_lit(s),
        ValueKind::Cidr(c) => c.clone(),
        ValueKind::Prefix(p) => format!("/{p}"),
        ValueKind::ProtoPort { proto, low, high: Some(high) } => format!("{proto}/{low}-{high}"),
        ValueKind::ProtoPort { proto, low, high: None } => format!("{proto}/{low}"),
        ValueKind::Range { low, high } => format!("{low}-{high}"),
        ValueKind::Quantity { number, unit } => format!("{number}{unit}"),
        ValueKind::List(items) => format!("[{}]", values(items)),
        ValueKind::Param(p) => format!("${}", p.text),
        ValueKind::Word(w) => w.source_text(),
    }
}

/// A string literal from its pieces, with the escapes it needs.
/// A string as written: a raw string stays raw, with its `#`s.
fn string_lit(s: &StrLit) -> String {
    match s.raw {
        Some(n) => {
            let hashes = "#".repeat(n);
            let text: String =
                s.pieces.iter().map(|p| if let Piece::Text(t, _) = p { t.as_str() } else { "" }).collect();
            format!("r{hashes}\"{text}\"{hashes}")
        }
        None => string(&s.pieces),
    }
}

fn string(pieces: &[Piece]) -> String {
    let mut out = String::from("\"");
    for piece in pieces {
        match piece {
            Piece::Text(text, _) => {
                let mut chars = text.chars().peekable();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => out.push_str("\\\""),
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\t' => out.push_str("\\t"),
                        '$' if chars.peek() == Some(&'{') => out.push_str("\\$"),
                        c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
                        c => out.push(c),
                    }
                }
            }
            Piece::Interp(id) => {
                out.push_str("${");
                out.push_str(&id.text);
                out.push('}');
            }
        }
    }
    out.push('"');
    out
}
