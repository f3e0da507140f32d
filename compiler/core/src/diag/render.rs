//! Rendering diagnostics: rustc-style text (codespan-reporting), the JSON
//! shape of INTERFACES.md, and SARIF 2.1.0 for code scanning. All three are
//! pure: they return strings and values, and the caller decides where they go.
//!
//! Why codespan-reporting: it renders exactly rustc's layout (code in the
//! header, `-->` location, primary `^^^` and secondary `---` labels, `= help`
//! notes), handles several files in one diagnostic, needs no terminal (it
//! writes to any `WriteColor`, so colour is the caller's choice), and builds
//! for wasm32. ariadne draws prettier arcs but not rustc's layout; miette
//! wants diagnostics to be its own trait objects.

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label as CsLabel, LabelStyle};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor};
use serde_json::{json, Value};

use crate::source::{Source, SourceDb};
use archc_syntax::{Applicability, Code, Diagnostic, FileId, Severity, Span};

/// Diagnostics shown per file in the human output; the rest are counted
/// in one line (`... and 19900 more errors in big.arch (the first 100 are
/// shown)`), as compilers stop at a limit: past it, more of the same helps
/// no one, and each costs a snippet.
pub const MAX_HUMAN_PER_FILE: usize = 100;
/// Diagnostics per file in the JSON and SARIF documents; the rest are
/// counted in `truncated` (JSON) or `runs[0].properties.truncated` (SARIF).
pub const MAX_DOCUMENT_PER_FILE: usize = 1000;
/// A source line of up to this many characters is quoted whole; a longer
/// one is shown as a window around the span, with `...` for the rest.
pub const MAX_LINE_CHARS: usize = 200;
/// Characters of a long line shown each side of the span, and of the span
/// itself at most.
/// The most secondary labels quoted under one diagnostic in text: a rule
/// may label every resource of a full subnet, and codespan's layout grows
/// with labels times lines. The rest are counted in a note (JSON and SARIF
/// keep every label).
pub const MAX_HUMAN_LABELS: usize = 16;

const WINDOW_CONTEXT: usize = 60;
const WINDOW_SPAN: usize = 80;
/// What stands for the part of a long line left out.
const ELLIPSIS: &str = "...";

/// Whether `c` is shown escaped in the terminal: control characters (ESC
/// and BEL would let a file send terminal control sequences; C1 controls
/// too) and the bidirectional overrides, which reorder what is shown. Tab
/// and line feed are layout.
fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// `s` with every character of [`needs_escape`] written `\u{1b}`.
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// A file name as shown: control characters and line breaks escaped.
fn escape_name(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('\n') {
        return escape(s);
    }
    escape(s).replace('\n', "\\n").into()
}

/// A piece of a [`View`] line, from `v` in the view: for `rlen` bytes
/// of the source, copied (`verbatim`) or standing for them (an escaped
/// character, an ellipsis, the line break).
#[derive(Clone, Copy, Debug)]
struct Piece {
    v: usize,
    r: usize,
    rlen: usize,
    verbatim: bool,
}

#[derive(Debug)]
struct ViewLine {
    /// The 0-based line of the source.
    line: usize,
    /// Its bytes in the view's text, line break included.
    range: std::ops::Range<usize>,
    pieces: Vec<Piece>,
}

/// The lines of one file that one diagnostic quotes, as the terminal shows
/// them: control characters escaped and long lines cut to a window around
/// the labels. Line indexes stay the source's, so numbers and columns are
/// those of the file.
#[derive(Debug)]
struct View {
    file: FileId,
    text: String,
    lines: Vec<ViewLine>,
}

impl View {
    fn line_of(&self, line: usize) -> Option<&ViewLine> {
        self.lines.binary_search_by_key(&line, |l| l.line).ok().map(|i| &self.lines[i])
    }

    /// The view's line holding the view offset `v`.
    fn line_at(&self, v: usize) -> Option<&ViewLine> {
        let i = self.lines.partition_point(|l| l.range.start <= v);
        self.lines.get(i.checked_sub(1)?)
    }

    /// Where the source offset `r` (on source line `line`) is in the view;
    /// an offset left out of the window is at the ellipsis that stands for it.
    fn to_view(&self, line: usize, r: usize) -> usize {
        let Some(l) = self.line_of(line) else { return self.text.len() };
        for p in &l.pieces {
            if r < p.r {
                return p.v;
            }
            if r < p.r + p.rlen {
                return if p.verbatim { p.v + (r - p.r) } else { p.v };
            }
        }
        l.range.end
    }

    /// The source offset the view offset `v` shows.
    fn to_source(&self, v: usize) -> Option<usize> {
        let l = self.line_at(v)?;
        let p = l.pieces.iter().rev().find(|p| p.v <= v)?;
        Some(if p.verbatim { p.r + (v - p.v).min(p.rlen) } else { p.r })
    }
}

/// The bytes of source line `line` without its line break (`\n`, `\r\n`).
fn content(src: &Source, line: usize) -> std::ops::Range<usize> {
    let range = src.line_range(line).unwrap_or(0..0);
    let text = &src.text[range.clone()];
    let trimmed = text.strip_suffix('\n').map_or(text, |t| t.strip_suffix('\r').unwrap_or(t));
    range.start..range.start + trimmed.len()
}

/// The byte `n` characters before `at` in `s` (not before `floor`).
fn chars_back(s: &str, floor: usize, at: usize, n: usize) -> usize {
    s[floor..at].char_indices().rev().nth(n.saturating_sub(1)).map_or(floor, |(i, _)| floor + i)
}

/// The byte `n` characters after `at` in `s` (not after `ceil`).
fn chars_forward(s: &str, at: usize, ceil: usize, n: usize) -> usize {
    s[at..ceil].char_indices().nth(n).map_or(ceil, |(i, _)| at + i)
}

fn is_long(s: &str) -> bool {
    s.chars().nth(MAX_LINE_CHARS).is_some()
}

/// The lines of `file` that codespan quotes for these label ranges: the
/// first and last line of each, and the context it shows of a label over
/// several lines.
fn quoted_lines(src: &Source, ranges: &[std::ops::Range<usize>], config: &term::Config) -> Vec<usize> {
    let mut lines = Vec::new();
    for r in ranges {
        let (first, last) = (src.line_index(r.start), src.line_index(r.end));
        lines.extend(first..=last.min(first + config.start_context_lines));
        lines.extend(last.saturating_sub(config.end_context_lines).max(first)..=last);
    }
    lines.sort_unstable();
    lines.dedup();
    // Between two quoted lines, codespan shows a line rather than a gap
    // of one line.
    let gaps: Vec<usize> = lines.windows(2).filter(|w| w[1] == w[0] + 2).map(|w| w[0] + 1).collect();
    lines.extend(gaps);
    lines.sort_unstable();
    lines
}

/// A view of `src` for these label ranges, or None when every quoted line
/// can be shown as it is.
fn view(file: FileId, src: &Source, ranges: &[std::ops::Range<usize>], config: &term::Config) -> Option<View> {
    let lines = quoted_lines(src, ranges, config);
    let plain = |l: &usize| {
        let s = &src.text[content(src, *l)];
        !is_long(s) && !s.chars().any(needs_escape)
    };
    if lines.iter().all(plain) {
        return None;
    }
    let mut view = View { file, text: String::new(), lines: Vec::with_capacity(lines.len()) };
    for line in lines {
        let c = content(src, line);
        let full = src.line_range(line).unwrap_or(c.clone());
        let (ws, we) = if is_long(&src.text[c.clone()]) {
            let points: Vec<usize> =
                ranges.iter().flat_map(|r| [r.start, r.end]).filter(|p| (c.start..=c.end).contains(p)).collect();
            let lo = points.iter().copied().min().unwrap_or(c.start);
            let hi = points.iter().copied().max().unwrap_or(lo).min(chars_forward(&src.text, lo, c.end, WINDOW_SPAN));
            (chars_back(&src.text, c.start, lo, WINDOW_CONTEXT), chars_forward(&src.text, hi, c.end, WINDOW_CONTEXT))
        } else {
            (c.start, c.end)
        };
        let start = view.text.len();
        let mut pieces = Vec::new();
        let mut push = |view: &mut View, text: &str, r: usize, rlen: usize, verbatim: bool| {
            pieces.push(Piece { v: view.text.len(), r, rlen, verbatim });
            view.text.push_str(text);
        };
        if ws > c.start {
            push(&mut view, ELLIPSIS, ws, 0, false);
        }
        let mut run = ws;
        for (i, ch) in src.text[ws..we].char_indices() {
            if needs_escape(ch) {
                let at = ws + i;
                if run < at {
                    push(&mut view, &src.text[run..at], run, at - run, true);
                }
                push(&mut view, &escaped(ch), at, ch.len_utf8(), false);
                run = at + ch.len_utf8();
            }
        }
        if run < we {
            push(&mut view, &src.text[run..we], run, we - run, true);
        }
        if we < c.end {
            push(&mut view, ELLIPSIS, we, 0, false);
        }
        push(&mut view, "\n", c.end, full.end - c.end, false);
        view.lines.push(ViewLine { line, range: start..view.text.len(), pieces });
    }
    Some(view)
}

/// The source database seen through codespan's `Files` trait, for one
/// diagnostic: the files it quotes through their [`View`]s where it has one.
struct DbFiles<'a> {
    db: &'a SourceDb,
    views: Vec<View>,
}

impl DbFiles<'_> {
    fn view(&self, id: FileId) -> Option<&View> {
        self.views.iter().find(|v| v.file == id)
    }

    fn src(&self, id: FileId) -> Result<&Source, FilesError> {
        self.db.get(id).ok_or(FilesError::FileMissing)
    }
}

impl<'a> Files<'a> for DbFiles<'a> {
    type FileId = FileId;
    type Name = std::borrow::Cow<'a, str>;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<Self::Name, FilesError> {
        Ok(escape_name(&self.src(id)?.name))
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        match self.view(id) {
            Some(v) => Ok(&v.text),
            None => Ok(&self.src(id)?.text),
        }
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let src = self.src(id)?;
        match self.view(id) {
            Some(v) => Ok(v.line_at(byte_index).map_or_else(|| src.line_index(src.text.len()), |l| l.line)),
            None => Ok(src.line_index(byte_index)),
        }
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<std::ops::Range<usize>, FilesError> {
        let src = self.src(id)?;
        // The line index built once per file: no rescan per label.
        let real = src
            .line_range(line_index)
            .ok_or(FilesError::LineTooLarge { given: line_index, max: src.line_index(src.text.len()) })?;
        match self.view(id) {
            // A line inside a long label that codespan does not show.
            Some(v) => Ok(v.line_of(line_index).map_or(v.text.len()..v.text.len(), |l| l.range.clone())),
            None => Ok(real),
        }
    }

    fn column_number(&'a self, id: FileId, _line_index: usize, byte_index: usize) -> Result<usize, FilesError> {
        let src = self.src(id)?;
        let at = match self.view(id) {
            Some(v) => v.to_source(byte_index).unwrap_or(src.text.len()),
            None => byte_index,
        };
        // The file's own columns (a byte-order mark is not one).
        Ok(src.line_col(at).1)
    }
}

fn cs_range(db: &SourceDb, span: Span) -> std::ops::Range<usize> {
    let len = db.get(span.file).map_or(0, |s| s.text.len());
    let start = (span.start as usize).min(len);
    let end = (span.end as usize).clamp(start, len);
    start..end
}

fn to_codespan<'a>(db: &'a SourceDb, d: &Diagnostic, config: &term::Config) -> (CsDiagnostic<FileId>, DbFiles<'a>) {
    let mut out = match d.severity() {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    }
    .with_code(d.code.as_str())
    .with_message(escape(&d.message));
    let mut labels = Vec::new();
    if db.get(d.span.file).is_some() {
        labels.push((LabelStyle::Primary, d.span.file, cs_range(db, d.span), d.span_label.as_deref().unwrap_or("")));
    }
    for l in d.labels.iter().take(MAX_HUMAN_LABELS) {
        if db.get(l.span.file).is_some() {
            labels.push((LabelStyle::Secondary, l.span.file, cs_range(db, l.span), l.message.as_str()));
        }
    }
    let labels_left_out = d.labels.len().saturating_sub(MAX_HUMAN_LABELS);
    let mut files = DbFiles { db, views: Vec::new() };
    for (_, file, _, _) in &labels {
        if files.view(*file).is_some() {
            continue;
        }
        let ranges: Vec<_> = labels.iter().filter(|l| l.1 == *file).map(|l| l.2.clone()).collect();
        if let Some(src) = db.get(*file) {
            files.views.extend(view(*file, src, &ranges, config));
        }
    }
    let labels = labels
        .into_iter()
        .map(|(style, file, range, message)| {
            let range = match (files.view(file), db.get(file)) {
                (Some(v), Some(src)) => {
                    let start = v.to_view(src.line_index(range.start), range.start);
                    start..v.to_view(src.line_index(range.end), range.end).max(start)
                }
                _ => range,
            };
            CsLabel::new(style, file, range).with_message(escape(message))
        })
        .collect();
    let mut notes = Vec::new();
    if labels_left_out > 0 {
        notes.push(format!("note: and {labels_left_out} more places (`--format json` lists every one)"));
    }
    if let Some(h) = &d.help {
        notes.push(format!("help: {}", escape(h)));
    }
    if let Some(fix) = &d.fix {
        for e in &fix.edits {
            // A line inserted with its indentation reads as the line; a fix
            // whose every line the help already says (braces and `;`
            // aside: an inserted statement reads `; line` or ` { line }`)
            // is not said twice.
            let shown = e.replacement.trim();
            let core = shown.trim_matches(|c: char| matches!(c, ';' | ',' | '{' | '}') || c.is_whitespace());
            let said = |h: &str| {
                h.contains(core)
                    || shown.contains('\n')
                        && shown.lines().map(str::trim).filter(|l| !matches!(*l, "" | "{" | "}")).all(|l| h.contains(l))
            };
            if d.help.as_deref().is_none_or(|h| !said(h)) {
                let verb = if e.span.is_empty() { "insert" } else { "replace with" };
                notes.push(format!("help: {verb} `{}`", escape(shown)));
            }
        }
    }
    for n in &d.notes {
        notes.push(format!("note: {}", escape(n)));
    }
    out = out.with_labels(labels).with_notes(notes);
    (out, files)
}

/// rustc-style text for every diagnostic, then a summary line. `color`
/// adds ANSI colours (the CLI passes true only for a terminal). See
/// [`write_human`].
pub fn render_human(db: &SourceDb, diags: &[Diagnostic], color: bool) -> String {
    let mut buf: Vec<u8> = Vec::new();
    let _ = write_human(db, diags, color, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// Writes rustc-style text for the diagnostics to `out` as each is
/// rendered (nothing holds the whole report), then a line per file with
/// more than [`MAX_HUMAN_PER_FILE`] (how many more there are), then the
/// summary of them all. Control characters of the input are shown escaped
/// (`\u{1b}`), and a long line as a window around its span. Fails only
/// when `out` does.
pub fn write_human(db: &SourceDb, diags: &[Diagnostic], color: bool, out: &mut dyn Write) -> std::io::Result<()> {
    // ASCII frame (`-->`, `|`, `=`) as rustc draws it; the default box
    // drawing characters are not rustc's and garble on some consoles.
    let config = term::Config { chars: term::Chars::ascii(), ..term::Config::default() };
    let mut writer: Box<dyn termcolor::WriteColor + '_> =
        if color { Box::new(termcolor::Ansi::new(out)) } else { Box::new(termcolor::NoColor::new(out)) };
    let (shown, left_out) = per_file(db, diags, MAX_HUMAN_PER_FILE);
    for d in diags.iter().zip(&shown).filter(|(_, s)| **s).map(|(d, _)| d) {
        let (cs, files) = to_codespan(db, d, &config);
        match term::emit(&mut writer, &config, &files, &cs) {
            Ok(()) => {}
            Err(FilesError::Io(e)) => return Err(e),
            // A rendering failure (a span outside its file) must not hide
            // the diagnostic: fall back to a plain line.
            Err(_) => writeln!(writer, "{}[{}]: {}", d.severity().as_str(), d.code, escape(&d.message))?,
        }
    }
    for (file, (errors, warnings)) in &left_out {
        let what = match (errors, warnings) {
            (e, 0) => plural(*e, "more error"),
            (0, w) => plural(*w, "more warning"),
            (e, w) => format!("{} and {}", plural(*e, "more error"), plural(*w, "more warning")),
        };
        let place = file.and_then(|f| db.get(f)).map_or(String::new(), |s| format!(" in {}", escape_name(&s.name)));
        writeln!(writer, "... and {what}{place} (the first {MAX_HUMAN_PER_FILE} are shown)\n")?;
    }
    write!(writer, "{}", summary(diags))?;
    writer.flush()
}

/// A file (None: diagnostics without a place) and how many of its errors
/// and warnings were left out.
type LeftOut = (Option<FileId>, (usize, usize));

/// Which diagnostics are kept, `limit` per file (the file of the primary
/// span), in order; and per file with some left out, how many errors and
/// warnings were.
fn per_file(db: &SourceDb, diags: &[Diagnostic], limit: usize) -> (Vec<bool>, Vec<LeftOut>) {
    let mut counts: std::collections::BTreeMap<Option<FileId>, usize> = Default::default();
    let mut left_out: Vec<LeftOut> = Vec::new();
    let kept = diags
        .iter()
        .map(|d| {
            let file = db.get(d.span.file).map(|_| d.span.file);
            let n = counts.entry(file).or_default();
            *n += 1;
            if *n <= limit {
                return true;
            }
            let i = match left_out.iter().position(|(f, _)| *f == file) {
                Some(i) => i,
                None => {
                    left_out.push((file, (0, 0)));
                    left_out.len() - 1
                }
            };
            let (e, w) = &mut left_out[i].1;
            *if d.is_error() { e } else { w } += 1;
            false
        })
        .collect();
    (kept, left_out)
}

fn plural(n: usize, w: &str) -> String {
    if n == 1 {
        format!("{n} {w}")
    } else {
        format!("{n} {w}s")
    }
}

use std::io::Write;

/// `2 errors, 1 warning` (or `no problems`).
pub fn summary(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let plural = |n: usize, w: &str| if n == 1 { format!("{n} {w}") } else { format!("{n} {w}s") };
    match (errors, warnings) {
        (0, 0) => "no problems\n".into(),
        (e, 0) => format!("{}\n", plural(e, "error")),
        (0, w) => format!("{}\n", plural(w, "warning")),
        (e, w) => format!("{}, {}\n", plural(e, "error"), plural(w, "warning")),
    }
}

fn span_json(db: &SourceDb, span: Span) -> Value {
    match db.get(span.file) {
        Some(src) => {
            let (line, column) = src.line_col(span.start as usize);
            let (end_line, end_column) = src.line_col(span.end as usize);
            json!({"file": src.name, "line": line, "column": column, "end_line": end_line, "end_column": end_column})
        }
        None => Value::Null,
    }
}

/// One diagnostic in the shape of INTERFACES.md.
pub fn diagnostic_json(db: &SourceDb, d: &Diagnostic) -> Value {
    let mut v = json!({
        "code": d.code.as_str(),
        "severity": d.severity().as_str(),
        "message": d.message,
        "span": span_json(db, d.span),
        "labels": d.labels.iter().map(|l| json!({"span": span_json(db, l.span), "message": l.message})).collect::<Vec<_>>(),
        "help": d.help,
    });
    if !d.blockers.is_empty() {
        v["blockers"] = blockers_json(&d.blockers);
    }
    if let Some(fix) = &d.fix {
        // `suggestion` is the contract of INTERFACES.md for a one-edit fix a
        // tool may apply; `fix` adds every edit and how far it can be trusted.
        if let ([edit], false) = (fix.edits.as_slice(), fix.applicability == Applicability::DisplayOnly) {
            v["suggestion"] = json!({"span": span_json(db, edit.span), "replacement": edit.replacement});
        }
        v["fix"] = json!({
            "applicability": fix.applicability.as_str(),
            "edits": fix.edits.iter().map(|e| json!({"span": span_json(db, e.span), "replacement": e.replacement})).collect::<Vec<_>>(),
        });
    }
    v
}

/// A flow's blockers as INTERFACES.md gives them:
/// `[{"reason", "component", "direction", "message"}]`.
pub fn blockers_json(blockers: &[archc_syntax::FlowBlocker]) -> Value {
    Value::Array(
        blockers
            .iter()
            .map(|b| json!({"reason": b.reason, "component": b.component, "direction": b.direction, "message": b.message}))
            .collect(),
    )
}

/// `archc check --format json`: `{"diagnostics": […], "errors": N, "warnings": N}`.
/// At most [`MAX_DOCUMENT_PER_FILE`] diagnostics per file are listed; when
/// some are left out, `truncated` says how many (`errors` and `warnings`
/// count them all).
pub fn to_json(db: &SourceDb, diags: &[Diagnostic]) -> Value {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let (kept, left_out) = per_file(db, diags, MAX_DOCUMENT_PER_FILE);
    let mut v = json!({
        "diagnostics": diags.iter().zip(&kept).filter(|(_, k)| **k).map(|(d, _)| diagnostic_json(db, d)).collect::<Vec<_>>(),
        "errors": errors,
        "warnings": diags.len() - errors,
    });
    let truncated: usize = left_out.iter().map(|(_, (e, w))| e + w).sum();
    if truncated > 0 {
        v["truncated"] = truncated.into();
    }
    v
}

/// A file name as a SARIF `uri` (RFC 3986): an absolute path is a `file://`
/// URI, a project-relative one a relative reference (code scanning resolves
/// it against the checkout), `std:NAME.arch` keeps its `std` scheme; every
/// byte but the unreserved characters and `/` is percent-encoded.
pub fn to_uri(name: &str) -> String {
    fn encode(out: &mut String, s: &str) {
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
                out.push(char::from(b));
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    let mut out = String::with_capacity(name.len() + 8);
    let bytes = name.as_bytes();
    if name.starts_with('/') {
        out.push_str("file://");
        encode(&mut out, name);
    } else if bytes.len() > 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && matches!(bytes[2], b'/' | b'\\')
    {
        // A Windows path: `C:\x\y.arch` is `file:///C:/x/y.arch`.
        out.push_str("file:///");
        out.push_str(&name[..2]);
        encode(&mut out, &name[2..].replace('\\', "/"));
    } else if let Some(module) = name.strip_prefix("std:") {
        out.push_str("std:");
        encode(&mut out, module);
    } else {
        encode(&mut out, name);
    }
    out
}

fn sarif_region(db: &SourceDb, span: Span) -> Option<Value> {
    let src = db.get(span.file)?;
    let (line, column) = src.line_col(span.start as usize);
    let (end_line, end_column) = src.line_col(span.end as usize);
    Some(json!({
        "artifactLocation": {"uri": to_uri(&src.name)},
        "region": {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
    }))
}

/// SARIF 2.1.0, as GitHub code scanning accepts it: one run, the tool's
/// rules (every code that occurs, with its summary and help), one result
/// per diagnostic with its physical location and related locations.
pub fn to_sarif(db: &SourceDb, diags: &[Diagnostic], tool_version: &str) -> Value {
    let mut used: Vec<&'static Code> = diags.iter().map(|d| d.code).collect();
    used.sort_unstable();
    used.dedup();
    let rules: Vec<Value> = used
        .iter()
        .map(|code| {
            json!({
                "id": code.as_str(),
                "name": code.name(),
                "shortDescription": {"text": code.summary()},
                "fullDescription": {"text": code.summary()},
                "help": {"text": code.explanation(), "markdown": code.explanation()},
                "defaultConfiguration": {"level": code.severity().as_str()},
            })
        })
        .collect();
    let (kept, left_out) = per_file(db, diags, MAX_DOCUMENT_PER_FILE);
    let truncated: usize = left_out.iter().map(|(_, (e, w))| e + w).sum();
    let results: Vec<Value> = diags
        .iter()
        .zip(&kept)
        .filter(|(_, k)| **k)
        .map(|(d, _)| {
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(h);
            }
            let related: Vec<Value> = d
                .labels
                .iter()
                .enumerate()
                .filter_map(|(i, l)| {
                    let loc = sarif_region(db, l.span)?;
                    Some(json!({"id": i + 1, "physicalLocation": loc, "message": {"text": l.message}}))
                })
                .collect();
            let mut r = json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": used.binary_search(&d.code).unwrap_or(0),
                "level": d.severity().as_str(),
                "message": {"text": message},
                "locations": sarif_region(db, d.span).map(|loc| vec![json!({"physicalLocation": loc})]).unwrap_or_default(),
            });
            if !related.is_empty() {
                r["relatedLocations"] = Value::Array(related);
            }
            if !d.blockers.is_empty() {
                r["properties"] = json!({"blockers": blockers_json(&d.blockers)});
            }
            // SARIF consumers apply fixes unasked: only safe ones go there.
            if let Some(fix) = d.fix.as_ref().filter(|f| f.is_safe()) {
                let changes: Option<Vec<Value>> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        let loc = sarif_region(db, e.span)?;
                        Some(json!({
                            "artifactLocation": loc["artifactLocation"].clone(),
                            "replacements": [{"deletedRegion": loc["region"].clone(), "insertedContent": {"text": e.replacement}}]
                        }))
                    })
                    .collect();
                if let Some(changes) = changes {
                    let description = match fix.edits.as_slice() {
                        [one] => format!("replace with `{}`", one.replacement),
                        _ => "apply the suggested edits".to_string(),
                    };
                    r["fixes"] = json!([{"description": {"text": description}, "artifactChanges": changes}]);
                }
            }
            r
        })
        .collect();
    let mut v = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "archc",
                "version": tool_version,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    // Past the limit per file, the run says how many results it left out.
    if truncated > 0 {
        v["runs"][0]["properties"] = json!({"truncated": truncated});
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::codes;

    fn unresolved(db: &SourceDb, file: FileId, name: &str) -> Vec<Diagnostic> {
        let text = &db.get(file).expect("file").text;
        text.match_indices(name)
            .map(|(i, _)| {
                let span = Span::new(file, i, i + name.len());
                Diagnostic::new(codes::UNRESOLVED_REFERENCE, span, format!("cannot find `{name}`"))
                    .with_span_label("no declaration has this name")
            })
            .collect()
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        // ESC and BEL in a string, in a name, in the message, in a label and
        // in the file name: none reaches the terminal as it is.
        let mut db = SourceDb::new();
        let text = "title \"a\u{1b}]0;owned\u{7}\" x\nregion r {\n  lambda f\u{1b}[2J\u{202e}g\n}\n";
        let file = db.add("we\u{1b}[1mird\n.arch", text);
        let at = text.find("f\u{1b}").expect("name");
        let mut diags = unresolved(&db, file, "x");
        diags.push(
            Diagnostic::new(codes::UNRESOLVED_REFERENCE, Span::new(file, at, at + 5), "cannot find `f\u{1b}[2J`")
                .with_label(Span::new(file, 7, 8), "in \u{7}here")
                .with_help("rename `f\u{1b}`"),
        );
        let out = render_human(&db, &diags, false);
        assert!(!out.chars().any(needs_escape), "{out:?}");
        for shown in [
            "title \"a\\u{1b}]0;owned\\u{7}\" x",
            "lambda f\\u{1b}[2J\\u{202e}g",
            "cannot find `f\\u{1b}[2J`",
            "in \\u{7}here",
            "help: rename `f\\u{1b}`",
            "--> we\\u{1b}[1mird\\n.arch:3:10",
            "--> we\\u{1b}[1mird\\n.arch:1:21",
        ] {
            assert!(out.contains(shown), "{shown} in\n{out}");
        }
        // The caret is under the escaped text it points at.
        let lines: Vec<&str> = out.lines().collect();
        let i = lines.iter().position(|l| l.contains("lambda f")).expect("snippet");
        let (line, carets) = (lines[i], lines[i + 1]);
        assert_eq!(&line[carets.find('^').expect("caret")..][..10], "f\\u{1b}[2J", "{out}");
        // Colour adds its own sequences, never the input's.
        let colored = render_human(&db, &diags, true);
        assert!(!colored.contains("\u{1b}]0") && !colored.contains('\u{7}') && !colored.contains("\u{1b}[2J"));
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_and_diagnostics_are_capped_per_file() {
        // 20,000 errors on one line of about 120 KB.
        let mut db = SourceDb::new();
        let line: Vec<String> = (0..20_000).map(|i| format!("m{i:05}")).collect();
        let text = format!("title \"t\"\n{}\n", line.join(" -> "));
        let file = db.add("long.arch", text.as_str());
        let diags: Vec<Diagnostic> = line
            .iter()
            .map(|name| {
                let i = text.find(name.as_str()).expect("name");
                Diagnostic::new(codes::UNRESOLVED_REFERENCE, Span::new(file, i, i + 6), format!("cannot find `{name}`"))
            })
            .collect();
        let out = render_human(&db, &diags, false);
        assert!(out.lines().all(|l| l.chars().count() < MAX_LINE_CHARS), "a line too long");
        assert_eq!(out.matches("error[E0107]").count(), MAX_HUMAN_PER_FILE);
        assert!(out.contains("... and 19900 more errors in long.arch (the first 100 are shown)\n"), "{out}");
        assert!(out.ends_with("20000 errors\n"));
        assert!(out.len() < MAX_HUMAN_PER_FILE * 600, "{} bytes", out.len());
        // The window is around the span, its columns those of the file.
        let fiftieth = out.split("error[E0107]").nth(51).expect("the 51st");
        assert!(fiftieth.contains("--> long.arch:2:501\n"), "{fiftieth}");
        assert!(fiftieth.contains("2 | ...") && fiftieth.contains(" -> m00050 -> "), "{fiftieth}");
        let lines: Vec<&str> = fiftieth.lines().collect();
        let caret = lines[4].find('^').expect("caret");
        assert_eq!(&lines[3][caret..caret + 6], "m00050", "{fiftieth}");

        // The documents list 1000 per file and count the rest.
        let v = to_json(&db, &diags);
        assert_eq!(v["diagnostics"].as_array().map(Vec::len), Some(MAX_DOCUMENT_PER_FILE));
        assert_eq!((v["errors"].as_u64(), v["truncated"].as_u64()), (Some(20_000), Some(19_000)));
        let s = to_sarif(&db, &diags, "0");
        assert_eq!(s["runs"][0]["results"].as_array().map(Vec::len), Some(MAX_DOCUMENT_PER_FILE));
        assert_eq!(s["runs"][0]["properties"]["truncated"], 19_000);
        // Under the limit, no `truncated` key: the shapes are as before.
        assert!(to_json(&db, &diags[..10]).get("truncated").is_none());
        assert!(to_sarif(&db, &diags[..10], "0")["runs"][0].get("properties").is_none());
    }

    #[test]
    fn the_output_is_written_as_it_is_rendered() {
        /// A writer that refuses anything past a few kilobytes.
        struct Short(usize);
        impl Write for Short {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                if self.0 > 4096 {
                    return Err(std::io::Error::other("full"));
                }
                self.0 += buf.len();
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut db = SourceDb::new();
        let text = "x\n".repeat(1000);
        let file = db.add("many.arch", text.as_str());
        let diags = unresolved(&db, file, "x");
        let mut short = Short(0);
        // The first write past the limit fails the rendering: the text went
        // out diagnostic by diagnostic, not as one string at the end.
        assert!(write_human(&db, &diags, false, &mut short).is_err());
        assert!(short.0 <= 4096 + 256, "{}", short.0);
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let mut db = SourceDb::new();
        let file = db.add("bom.arch", "\u{feff}title \"t\" x\n");
        let diags = unresolved(&db, file, "x");
        let out = render_human(&db, &diags, false);
        assert!(out.contains("--> bom.arch:1:11\n"), "{out}");
        assert_eq!(to_json(&db, &diags)["diagnostics"][0]["span"]["column"], 11);
        let region = &to_sarif(&db, &diags, "0")["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
        assert_eq!((region["startColumn"].as_u64(), region["endColumn"].as_u64()), (Some(11), Some(12)));
    }

    #[test]
    fn sarif_uris_are_uris() {
        for (name, uri) in [
            ("shop.arch", "shop.arch"),
            ("designs/my shop.arch", "designs/my%20shop.arch"),
            ("100%.arch", "100%25.arch"),
            ("café/ü.arch", "caf%C3%A9/%C3%BC.arch"),
            ("a#b?c.arch", "a%23b%3Fc.arch"),
            ("../up.arch", "../up.arch"),
            ("<stdin>", "%3Cstdin%3E"),
            ("std:vpc.arch", "std:vpc.arch"),
            ("/home/me/my shop.arch", "file:///home/me/my%20shop.arch"),
            ("C:\\work\\a b.arch", "file:///C:/work/a%20b.arch"),
        ] {
            assert_eq!(to_uri(name), uri, "{name}");
        }
        let mut db = SourceDb::new();
        let file = db.add("/tmp/my shop.arch", "x\n");
        let v = to_sarif(&db, &unresolved(&db, file, "x"), "0");
        let loc = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "file:///tmp/my%20shop.arch");
    }
}
