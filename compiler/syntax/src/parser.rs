//! From pest's pairs to the typed tree. The grammar accepts every input (bad
//! lines become `bad` statements), so this walk never fails; it reports what it
//! recovered from as diagnostics.

use crate::diag::codes;
use pest::iterators::Pair;
use pest::Parser as _;

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::expected;
use crate::span::{FileId, Span};

#[derive(pest_derive::Parser)]
#[grammar = "../../grammar/archc.pest"]
pub(crate) struct ArchParser;

/// Parses one source file. Always returns a tree; every syntax problem is in
/// the diagnostics, in source order.
pub fn parse(src: &str, file: FileId) -> (File, Vec<Diagnostic>) {
    let whole = Span::new(file, 0, src.len());
    if let Some(d) = too_deep_diagnostic(src, file) {
        return (File { stmts: Vec::new(), span: whole }, vec![d]);
    }
    if let Some(stmts) = crate::fast::parse(src, file) {
        return (File { stmts, span: whole }, Vec::new());
    }
    let (tree, diags) = parse_with_pest(src, file);
    if diags.iter().any(|d| d.code == codes::UNBALANCED_BRACE && d.message == "unclosed `{`") {
        if let Some(fixed) = reread_with_missing_brace(src, file) {
            return fixed;
        }
    }
    (tree, diags)
}

/// A `}` missing in the middle of a file leaves a block open to the end of
/// the file: the outermost block is blamed, and every later statement lands a
/// level too deep ("cannot be declared here"). As rustc does for unclosed
/// delimiters, indentation tells which block it is: the one whose body was
/// indented deeper than its opening line, and then a line comes back to
/// (or before) the opening line's indentation while it is still open. The
/// file is re-read with a `}` put in before that line, the spans are brought
/// back to the text as written, and one E0101 points at that block.
fn reread_with_missing_brace(src: &str, file: FileId) -> Option<(File, Vec<Diagnostic>)> {
    let (open, at) = unclosed_by_indentation(src)?;
    let patched = format!("{}}}\n{}", &src[..at], &src[at..]);
    let (mut tree, mut diags) = match crate::fast::parse(&patched, file) {
        Some(stmts) => (File { stmts, span: Span::new(file, 0, patched.len()) }, Vec::new()),
        None => parse_with_pest(&patched, file),
    };
    let back = |s: Span| {
        let map = |o: u32| {
            let o = o as usize;
            if o < at {
                o
            } else if o < at + 2 {
                at
            } else {
                o - 2
            }
        };
        Span::new(s.file, map(s.start), map(s.end))
    };
    use crate::remap::MapSpans;
    tree.map_spans(&back);
    diags.map_spans(&back);
    let line_end = src[at..].find('\n').map_or(src.len(), |n| at + n);
    let first = at + (src[at..line_end].len() - src[at..line_end].trim_start().len());
    let word_end = src[first..line_end].find(char::is_whitespace).map_or(line_end, |n| first + n);
    let line = src[..at].matches('\n').count() + 1;
    diags.push(
        Diagnostic::new(codes::UNBALANCED_BRACE, Span::new(file, open, open + 1), "unclosed `{`")
            .with_span_label("this block is never closed")
            .with_label(
                Span::new(file, first, word_end.max(first + 1)),
                "this line is not indented inside the block: its `}` is missing before it",
            )
            .with_help(format!("add the missing `}}` on a line of its own before line {line}")),
    );
    diags.sort_by_key(|d| (d.span.start, d.span.end));
    Some((tree, diags))
}

/// The `{` of the block a dedent shows unclosed, and the start of the line
/// that dedents. Braces in strings and comments do not count.
fn unclosed_by_indentation(src: &str) -> Option<(usize, usize)> {
    struct Open {
        at: usize,
        indent: usize,
        deeper: bool,
    }
    let bytes = src.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut line_start = 0;
    while line_start < bytes.len() {
        let line_end = src[line_start..].find('\n').map_or(bytes.len(), |n| line_start + n);
        let indent = bytes[line_start..line_end].iter().take_while(|&&b| b == b' ' || b == b'\t').count();
        let first = bytes.get(line_start + indent).copied();
        if let (Some(top), Some(c)) = (stack.last_mut(), first) {
            if !matches!(c, b'#' | b'}' | b'\n' | b'\r') {
                if indent > top.indent {
                    top.deeper = true;
                } else if top.deeper {
                    return Some((top.at, line_start));
                }
            }
        }
        let mut i = line_start + indent;
        let mut in_string = false;
        while i < line_end {
            match bytes[i] {
                b'\\' if in_string => i += 1,
                b'"' => in_string = !in_string,
                b'#' if !in_string => break,
                b'r' if !in_string => {
                    if let Some((_, end)) = crate::comments::raw_string_at(bytes, i) {
                        i = end.unwrap_or(line_end);
                        continue;
                    }
                }
                b'{' if !in_string => stack.push(Open { at: i, indent, deeper: false }),
                b'}' if !in_string => {
                    stack.pop();
                }
                _ => {}
            }
            i += 1;
        }
        line_start = line_end + 1;
    }
    None
}

/// The fast path alone: the tree, or None where [`parse`] would go to pest.
/// Public only so that the tests can hold it to pest.
#[doc(hidden)]
pub fn parse_fast(src: &str, file: FileId) -> Option<File> {
    if too_deep(src).is_some() {
        return None;
    }
    let stmts = crate::fast::parse(src, file)?;
    Some(File { stmts, span: Span::new(file, 0, src.len()) })
}

/// [`parse`] without the fast path: what pest makes of the whole file. Public
/// only so that the tests can hold the fast path to it.
#[doc(hidden)]
pub fn parse_with_pest(src: &str, file: FileId) -> (File, Vec<Diagnostic>) {
    let mut b = Builder { file, src, diags: Vec::new(), unclosed: Vec::new() };
    let whole = Span::new(file, 0, src.len());
    if let Some(d) = too_deep_diagnostic(src, file) {
        return (File { stmts: Vec::new(), span: whole }, vec![d]);
    }
    let stmts = match ArchParser::parse(Rule::file, src) {
        Ok(mut pairs) => match pairs.next() {
            Some(pair) => b.stmts(pair),
            None => Vec::new(),
        },
        // The grammar is total; this arm only guards against a pest surprise,
        // or pest's own stack probe (native targets) refusing to go deeper:
        // a backstop that `too_deep` should never let fire.
        Err(err) => {
            let pos = match err.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((p, _)) => p,
            };
            let d = match &err.variant {
                pest::error::ErrorVariant::CustomError { message } if message.contains("limit reached") => {
                    Diagnostic::new(
                        codes::UNBALANCED_BRACE,
                        Span::new(file, pos, pos),
                        "this file is nested too deeply to be parsed",
                    )
                    .with_help("look for `{` or `[` that are never closed")
                }
                _ => Diagnostic::new(codes::SYNTAX_ERROR, Span::new(file, pos, pos), "this file could not be parsed"),
            };
            b.diags.push(d);
            Vec::new()
        }
    };
    b.report_unclosed();
    let mut diags = b.diags;
    diags.sort_by_key(|d| (d.span.start, d.span.end));
    (File { stmts, span: whole }, diags)
}

/// The parser and every later pass recurse once per nesting level: absurd
/// nesting is refused up front rather than overflow the stack.
fn too_deep_diagnostic(src: &str, file: FileId) -> Option<Diagnostic> {
    let at = too_deep(src)?;
    Some(
        Diagnostic::new(
            codes::UNBALANCED_BRACE,
            Span::new(file, at, at + 1),
            format!("blocks and lists nested more than {MAX_NESTING} deep"),
        )
        .with_span_label("this one is too deep")
        .with_help("an architecture never needs this much nesting: look for `{` or `[` that are never closed"),
    )
}

pub(crate) struct Builder<'s> {
    pub(crate) file: FileId,
    pub(crate) src: &'s str,
    pub(crate) diags: Vec<Diagnostic>,
    /// Blocks still open at the end of the file, outermost first.
    unclosed: Vec<Span>,
}

/// Blocks and lists nested deeper than this are refused before parsing.
///
/// It is the one depth rule of the front end: pest's recursion, the tree
/// builder, the fast path, lowering, the formatter and every other pass over
/// the tree recurse once per block or list, so none of them goes deeper than
/// this. It must fit the smallest stack archc runs on: wasm's default 1 MiB
/// (`scripts/wasm-hostile.sh` measures the depth that still passes there).
pub const MAX_NESTING: usize = 128;

/// The offset of the first `{` or `[` nested deeper than [`MAX_NESTING`].
///
/// This is a sound upper bound on the nesting pest (and so the tree) will
/// have, whatever the text: strings, raw strings and comments are read
/// exactly as the grammar reads them in a good line *and* in a bad one
/// (`bad_str`, `bad_raw`, `bad_word`), so a brace is structural here if and
/// only if it is structural there. Braces and brackets are counted apart: a
/// `]` in a bad line closes nothing (brackets are text there), and a list
/// never holds a block, so the bracket count starts again at every `{`, `}`
/// and `;`. Counts never go below zero, so a closer can only make the bound
/// tighter where pest closes too. Parentheses (parameter lists) do not nest.
fn too_deep(src: &str) -> Option<usize> {
    scan_nesting(src, MAX_NESTING).1
}

/// The bound [`too_deep`] puts on the nesting of blocks and lists in `src`:
/// the tree [`parse`] builds is never deeper. Public only so that the tests
/// and the fuzz target can hold the tree to it.
#[doc(hidden)]
pub fn nesting_bound(src: &str) -> usize {
    scan_nesting(src, usize::MAX).0
}

/// The deepest nesting the scan saw, and the offset of the first `{` or `[`
/// deeper than `limit` (where the scan stops).
fn scan_nesting(src: &str, limit: usize) -> (usize, Option<usize>) {
    // Byte by byte: every byte it looks for is ASCII, and no byte of a
    // multi-byte UTF-8 character is, so offsets are those of `char_indices`
    // at a fraction of the cost (this runs on every file).
    let bytes = src.as_bytes();
    let mut braces = 0usize;
    let mut brackets = 0usize;
    let mut deepest = 0usize;
    // The end of the line being read (its `\n`, or the end of the text) and
    // the `}` that ends it, if one does: found at its first string.
    let mut line: (usize, Option<usize>) = (0, None);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'r' => {
                if let Some((_, end)) = crate::comments::raw_string_at(bytes, i) {
                    // Unterminated, it runs to the end of its line.
                    i = end.unwrap_or_else(|| line_end(bytes, i));
                    continue;
                }
            }
            b'#' => {
                i = line_end(bytes, i);
                continue;
            }
            b'"' => {
                // To the closing quote, or to the end of the line (a string
                // never spans lines, in a good line or a bad one) but for a
                // `}` that ends the line (`last_close` in the grammar).
                // The line's end and closing `}` are found once per line:
                // a line of many strings stays linear.
                if i >= line.0 {
                    let end = line_end(bytes, i);
                    let trimmed =
                        end - bytes[i..end].iter().rev().take_while(|&&b| matches!(b, b' ' | b'\t' | b'\r')).count();
                    line = (end, (trimmed > i + 1 && bytes[trimmed - 1] == b'}').then_some(trimmed - 1));
                }
                let (end, last_close) = line;
                let last_close = last_close.filter(|&c| c > i);
                i += 1;
                while i < end && bytes[i] != b'"' {
                    if bytes[i] == b'\\' && i + 1 < end {
                        i += 2;
                    } else if Some(i) == last_close {
                        break;
                    } else {
                        i += 1;
                    }
                }
                if bytes.get(i) == Some(&b'"') {
                    i += 1;
                }
                continue;
            }
            b'{' => {
                braces += 1;
                brackets = 0;
            }
            b'}' => {
                braces = braces.saturating_sub(1);
                brackets = 0;
            }
            b';' => brackets = 0,
            b'[' => brackets += 1,
            b']' => brackets = brackets.saturating_sub(1),
            _ => {}
        }
        deepest = deepest.max(braces + brackets);
        if braces + brackets > limit {
            return (deepest, Some(i));
        }
        i += 1;
    }
    (deepest, None)
}

/// The offset of the line break that ends the line holding `i` (or the end).
fn line_end(bytes: &[u8], i: usize) -> usize {
    bytes[i..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |n| i + n)
}

impl<'s> Builder<'s> {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, s.start(), s.end())
    }

    /// A statement's span without the spaces and comment that pest's
    /// implicit whitespace may have left at its end: from its start to the
    /// end of its last part.
    fn tight_span(&self, pair: &Pair<'_, Rule>) -> Span {
        let outer = pair.as_span();
        let end = pair.clone().into_inner().map(|p| p.as_span().end()).max().unwrap_or(outer.end());
        let end = if pair.as_rule() == Rule::bad { outer.end() } else { end.max(outer.start()) };
        Span::new(self.file, outer.start(), end)
    }

    /// The statements directly inside a `file` or `block` pair.
    fn stmts(&mut self, parent: Pair<'_, Rule>) -> Vec<Stmt> {
        let mut out = Vec::new();
        for pair in parent.into_inner() {
            let span = self.tight_span(&pair);
            let kind = match pair.as_rule() {
                Rule::stray_close => {
                    self.diags.push(
                        Diagnostic::new(codes::UNBALANCED_BRACE, span, "unmatched `}`")
                            .with_span_label("this `}` closes no block")
                            .with_help("remove it, or add the `{` it was meant to close"),
                    );
                    continue;
                }
                Rule::block_close | Rule::EOI => continue,
                Rule::property => StmtKind::Property(self.property(pair)),
                Rule::flow => StmtKind::Flow(self.flow(pair)),
                Rule::setting => StmtKind::Setting(self.setting(pair)),
                Rule::use_stmt => StmtKind::Use(self.use_stmt(pair)),
                Rule::component => StmtKind::Component(self.component(pair, span)),
                Rule::for_stmt => StmtKind::For(self.for_stmt(pair, span)),
                Rule::peering => StmtKind::Peering(self.peering(pair)),
                Rule::nacl_rule => StmtKind::NaclRule(self.nacl_rule(pair, span)),
                Rule::decl => StmtKind::Decl(self.decl(pair)),
                Rule::bad => StmtKind::Error(self.bad(pair)),
                _ => continue,
            };
            out.push(Stmt { kind, span });
        }
        out
    }

    fn block(&mut self, pair: Pair<'_, Rule>) -> Block {
        let span = self.span(&pair);
        let closed = pair.clone().into_inner().any(|p| p.as_rule() == Rule::block_close);
        if !closed {
            self.unclosed.push(Span::new(self.file, span.start as usize, span.start as usize + 1));
        }
        let stmts = self.stmts(pair);
        Block { stmts, span, closed }
    }

    /// One diagnostic for every block the file leaves open: the outermost
    /// is where a `}` is missing; the inner ones are labelled.
    fn report_unclosed(&mut self) {
        self.unclosed.sort();
        let Some((&outer, inner)) = self.unclosed.split_first() else { return };
        let eof = Span::new(self.file, self.src.len(), self.src.len());
        let mut d = Diagnostic::new(codes::UNBALANCED_BRACE, outer, "unclosed `{`")
            .with_span_label("this block is never closed")
            .with_label(eof, "the file ends here");
        for span in inner.iter().take(3) {
            d = d.with_label(*span, "this one is not closed either");
        }
        let n = self.unclosed.len();
        d = d.with_help(if n == 1 { "add the missing `}`".to_string() } else { format!("add the {n} missing `}}`") });
        self.diags.push(d);
    }

    fn ident(&self, pair: Pair<'_, Rule>) -> Ident {
        Ident { text: pair.as_str().to_string(), span: self.span(&pair) }
    }

    fn interp(&self, pair: Pair<'_, Rule>) -> Ident {
        let span = self.span(&pair);
        match pair.into_inner().next() {
            Some(id) => self.ident(id),
            None => Ident { text: String::new(), span },
        }
    }

    fn word(&self, pair: Pair<'_, Rule>) -> Word {
        let span = self.span(&pair);
        let pieces = pair
            .into_inner()
            .map(|p| match p.as_rule() {
                Rule::interp => Piece::Interp(self.interp(p)),
                _ => Piece::Text(p.as_str().to_string(), self.span(&p)),
            })
            .collect();
        Word { pieces, span }
    }

    fn reference(&self, pair: Pair<'_, Rule>) -> Ref {
        match pair.as_rule() {
            Rule::param_ref => Ref::Param(self.param_ident(pair)),
            _ => Ref::Word(self.word(pair)),
        }
    }

    /// `$name`: the identifier after the dollar, with the span of the whole.
    fn param_ident(&self, pair: Pair<'_, Rule>) -> Ident {
        let span = self.span(&pair);
        let text = pair.into_inner().next().map(|p| p.as_str().to_string()).unwrap_or_default();
        Ident { text, span }
    }

    fn string(&mut self, pair: Pair<'_, Rule>) -> StrLit {
        let span = self.span(&pair);
        let mut pieces: Vec<Piece> = Vec::new();
        if let Some(hashes) = pair.as_str().strip_prefix('r') {
            let raw = hashes.bytes().take_while(|&b| b == b'#').count();
            if let Some(text) = pair.into_inner().find(|p| p.as_rule() == Rule::raw_text) {
                if !text.as_str().is_empty() {
                    pieces.push(Piece::Text(text.as_str().to_string(), self.span(&text)));
                }
            }
            return StrLit { pieces, span, raw: Some(raw) };
        }
        for p in pair.into_inner() {
            let pspan = self.span(&p);
            match p.as_rule() {
                Rule::interp => pieces.push(Piece::Interp(self.interp(p))),
                Rule::escape => {
                    let text = self.escape(p.as_str(), pspan);
                    push_text(&mut pieces, &text, pspan);
                }
                _ => push_text(&mut pieces, p.as_str(), pspan),
            }
        }
        StrLit { pieces, span, raw: None }
    }

    /// Decodes one escape; an unknown one is reported and kept as written.
    fn escape(&mut self, raw: &str, span: Span) -> String {
        let decoded = match raw {
            "\\\"" => Some('"'),
            "\\\\" => Some('\\'),
            "\\n" => Some('\n'),
            "\\t" => Some('\t'),
            "\\$" => Some('$'),
            _ => raw
                .strip_prefix("\\u{")
                .and_then(|r| r.strip_suffix('}'))
                .filter(|hex| !hex.is_empty() && hex.len() <= 6)
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => c.to_string(),
            None => {
                let (msg, help) = if raw.starts_with("\\u") {
                    (
                        "invalid unicode escape",
                        "write `\\u{` with 1 to 6 hex digits of a Unicode scalar value and `}`, e.g. `\\u{2014}`",
                    )
                } else {
                    ("unknown escape in string", "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t`, `\\$` and `\\u{…}`")
                };
                self.diags.push(Diagnostic::new(codes::BAD_STRING, span, format!("{msg} `{raw}`")).with_help(help));
                raw.to_string()
            }
        }
    }

    fn value(&mut self, pair: Pair<'_, Rule>) -> Value {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::string => ValueKind::String(self.string(pair)),
            Rule::cidr => ValueKind::Cidr(pair.as_str().to_string()),
            Rule::prefix => ValueKind::Prefix(pair.as_str().trim_start_matches('/').to_string()),
            Rule::proto_port => {
                let mut inner = pair.into_inner();
                let proto = inner.next().map(|p| p.as_str().to_string()).unwrap_or_default();
                match inner.next() {
                    Some(p) if p.as_rule() == Rule::range => {
                        let (low, high) = range_parts(p);
                        ValueKind::ProtoPort { proto, low, high: Some(high) }
                    }
                    Some(p) => ValueKind::ProtoPort { proto, low: p.as_str().to_string(), high: None },
                    None => ValueKind::ProtoPort { proto, low: String::new(), high: None },
                }
            }
            Rule::range => {
                let (low, high) = range_parts(pair);
                ValueKind::Range { low, high }
            }
            Rule::quantity => {
                let text = pair.as_str();
                let cut = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len());
                ValueKind::Quantity { number: text[..cut].to_string(), unit: text[cut..].to_string() }
            }
            Rule::list => ValueKind::List(self.values(pair)),
            Rule::param_ref => ValueKind::Param(self.param_ident(pair)),
            _ => ValueKind::Word(self.word(pair)),
        };
        Value { kind, span }
    }

    /// The values of a comma-separated list (`values`, `ports`, `args`, `list`).
    fn values(&mut self, pair: Pair<'_, Rule>) -> Vec<Value> {
        pair.into_inner().filter(|p| !is_punctuation(p.as_rule())).map(|p| self.value(p)).collect()
    }

    fn property(&mut self, pair: Pair<'_, Rule>) -> Property {
        let mut key = None;
        let mut values = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::ident => key = Some(self.ident(p)),
                Rule::values => values = self.values(p),
                _ => {}
            }
        }
        Property { key: key.unwrap_or_else(|| empty_ident(self.file)), values }
    }

    fn flow(&mut self, pair: Pair<'_, Rule>) -> Flow {
        let mut flow = Flow { hops: Vec::new(), ports: Vec::new(), ports_span: None, label: None, body: None };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::arrow | Rule::colon => {}
                Rule::ports => {
                    flow.ports_span = Some(self.span(&p));
                    flow.ports = self.values(p);
                }
                Rule::string => flow.label = Some(self.string(p)),
                Rule::block => flow.body = Some(self.block(p)),
                _ => flow.hops.push(self.reference(p)),
            }
        }
        flow
    }

    fn setting(&mut self, pair: Pair<'_, Rule>) -> Setting {
        let mut inner = pair.into_inner();
        let key = inner.next().map(|p| self.ident(p)).unwrap_or_else(|| empty_ident(self.file));
        let value = match inner.next() {
            Some(p) => self.value(p),
            None => Value { kind: ValueKind::List(Vec::new()), span: key.span },
        };
        Setting { key, value }
    }

    fn use_stmt(&mut self, pair: Pair<'_, Rule>) -> Use {
        let mut use_ = Use { path: String::new(), path_span: self.span(&pair), alias: None };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::module_path => {
                    use_.path_span = self.span(&p);
                    use_.path = match p.into_inner().next() {
                        Some(s) if s.as_rule() == Rule::string => {
                            let lit = self.string(s);
                            match lit.as_plain() {
                                Some(path) => path,
                                None => {
                                    self.diags.push(
                                        Diagnostic::new(
                                            codes::SYNTAX_ERROR,
                                            lit.span,
                                            "a `use` path cannot interpolate parameters",
                                        )
                                        .with_help(
                                            "imports are resolved before any component is expanded: write the path out",
                                        ),
                                    );
                                    String::new()
                                }
                            }
                        }
                        Some(s) => s.as_str().to_string(),
                        None => String::new(),
                    };
                }
                Rule::ident => use_.alias = Some(self.ident(p)),
                _ => {}
            }
        }
        use_
    }

    fn component(&mut self, pair: Pair<'_, Rule>, span: Span) -> Component {
        let mut name = empty_ident(self.file);
        let mut params = None;
        let mut body = Block { stmts: Vec::new(), span, closed: true };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::ident => name = self.ident(p),
                Rule::params => {
                    let mut list = Vec::new();
                    for param in p.into_inner().filter(|p| p.as_rule() == Rule::param) {
                        let pspan = self.span(&param);
                        let mut inner = param.into_inner();
                        let pname = inner.next().map(|i| self.ident(i)).unwrap_or_else(|| empty_ident(self.file));
                        let default = inner.find(|v| v.as_rule() != Rule::equals).map(|v| self.value(v));
                        list.push(Param { name: pname, default, span: pspan });
                    }
                    params = Some(list);
                }
                Rule::block => body = self.block(p),
                _ => {}
            }
        }
        Component { name, params, body }
    }

    fn for_stmt(&mut self, pair: Pair<'_, Rule>, span: Span) -> For {
        let mut var = empty_ident(self.file);
        let mut values = Vec::new();
        let mut body = Block { stmts: Vec::new(), span, closed: true };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::ident => var = self.ident(p),
                Rule::values => values = self.values(p),
                Rule::block => body = self.block(p),
                _ => {}
            }
        }
        For { var, values, body }
    }

    fn peering(&mut self, pair: Pair<'_, Rule>) -> Peering {
        let mut refs = Vec::new();
        let mut body = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::kw_peering => {}
                Rule::block => body = Some(self.block(p)),
                Rule::name | Rule::word | Rule::param_ref => refs.push(self.reference(p)),
                _ => {}
            }
        }
        let mut refs = refs.into_iter();
        let blank = || Ref::Param(empty_ident(self.file));
        Peering {
            name: refs.next().unwrap_or_else(blank),
            left: refs.next().unwrap_or_else(blank),
            right: refs.next().unwrap_or_else(blank),
            body,
        }
    }

    fn nacl_rule(&mut self, pair: Pair<'_, Rule>, span: Span) -> NaclRule {
        let blank_value = Value { kind: ValueKind::List(Vec::new()), span };
        let mut rule = NaclRule {
            action: empty_ident(self.file),
            direction: empty_ident(self.file),
            number: blank_value.clone(),
            ports: Vec::new(),
            peer_keyword: empty_ident(self.file),
            peer: blank_value,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::nacl_action => rule.action = self.ident(p),
                Rule::nacl_dir => rule.direction = self.ident(p),
                Rule::nacl_peer => rule.peer_keyword = self.ident(p),
                Rule::ports => rule.ports = self.values(p),
                Rule::quantity if rule.direction.text.is_empty() || rule.ports.is_empty() => {
                    rule.number = self.value(p)
                }
                _ => rule.peer = self.value(p),
            }
        }
        rule
    }

    fn decl(&mut self, pair: Pair<'_, Rule>) -> Decl {
        let mut decl = Decl {
            modifiers: Vec::new(),
            kind: Word { pieces: Vec::new(), span: self.span(&pair) },
            name: None,
            args: Vec::new(),
            placement: None,
            body: None,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::modifier => decl.modifiers.push(self.ident(p)),
                Rule::kind => {
                    if let Some(w) = p.into_inner().next() {
                        decl.kind = self.word(w);
                    }
                }
                Rule::decl_name => decl.name = p.into_inner().next().map(|n| self.reference(n)),
                Rule::args => decl.args = self.values(p),
                Rule::placement => {
                    let mut keyword = self.span(&p);
                    let mut refs = Vec::new();
                    for r in p.into_inner() {
                        match r.as_rule() {
                            Rule::kw_in => keyword = self.span(&r),
                            Rule::comma => {}
                            _ => refs.push(self.reference(r)),
                        }
                    }
                    decl.placement = Some(Placement { keyword, refs });
                }
                Rule::block => decl.body = Some(self.block(p)),
                _ => {}
            }
        }
        decl
    }

    fn bad(&mut self, pair: Pair<'_, Rule>) -> ErrorStmt {
        let mut text = String::new();
        let mut text_span = self.span(&pair);
        let mut body = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::bad_text => {
                    text = p.as_str().to_string();
                    text_span = self.span(&p);
                }
                Rule::block => body = Some(self.block(p)),
                _ => {}
            }
        }
        let diag = expected::explain_bad_statement(self.file, self.src, text_span, body.as_ref().map(|b| b.span));
        self.diags.push(diag);
        let (kind, name) = match crate::fast::decl_head(self.src, self.file, text_span.start as usize) {
            Some((kind, name)) => (Some(kind), Some(name)),
            None => (None, None),
        };
        ErrorStmt { text, body, kind, name }
    }
}

fn is_punctuation(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::comma
            | Rule::colon
            | Rule::equals
            | Rule::open_brace
            | Rule::open_paren
            | Rule::close_paren
            | Rule::close_bracket
            | Rule::both_ways
    )
}

fn push_text(pieces: &mut Vec<Piece>, text: &str, span: Span) {
    if let Some(Piece::Text(prev, prev_span)) = pieces.last_mut() {
        prev.push_str(text);
        *prev_span = prev_span.join(span);
    } else {
        pieces.push(Piece::Text(text.to_string(), span));
    }
}

fn range_parts(pair: Pair<'_, Rule>) -> (String, String) {
    let mut inner = pair.into_inner();
    let low = inner.next().map(|p| p.as_str().to_string()).unwrap_or_default();
    let high = inner.next().map(|p| p.as_str().to_string()).unwrap_or_default();
    (low, high)
}

fn empty_ident(file: FileId) -> Ident {
    Ident { text: String::new(), span: Span::new(file, 0, 0) }
}
