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

use crate::source::SourceDb;
use archc_syntax::{Applicability, Code, Diagnostic, FileId, Severity, Span};

/// The source database seen through codespan's `Files` trait.
struct DbFiles<'a>(&'a SourceDb);

impl<'a> Files<'a> for DbFiles<'a> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.0.get(id).map(|s| s.name.as_str()).ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.0.get(id).map(|s| s.text.as_str()).ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self.0.get(id).ok_or(FilesError::FileMissing)?.line_index(byte_index))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<std::ops::Range<usize>, FilesError> {
        let src = self.0.get(id).ok_or(FilesError::FileMissing)?;
        // The line index built once per file: no rescan per label.
        src.line_range(line_index)
            .ok_or(FilesError::LineTooLarge { given: line_index, max: src.line_index(src.text.len()) })
    }
}

fn cs_range(db: &SourceDb, span: Span) -> std::ops::Range<usize> {
    let len = db.get(span.file).map_or(0, |s| s.text.len());
    let start = (span.start as usize).min(len);
    let end = (span.end as usize).clamp(start, len);
    start..end
}

fn to_codespan(db: &SourceDb, d: &Diagnostic) -> CsDiagnostic<FileId> {
    let mut out = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    }
    .with_code(d.code.as_str())
    .with_message(&d.message);
    let mut labels = Vec::new();
    if db.get(d.span.file).is_some() {
        labels.push(
            CsLabel::new(LabelStyle::Primary, d.span.file, cs_range(db, d.span))
                .with_message(d.span_label.clone().unwrap_or_default()),
        );
    }
    for l in &d.labels {
        if db.get(l.span.file).is_some() {
            labels
                .push(CsLabel::new(LabelStyle::Secondary, l.span.file, cs_range(db, l.span)).with_message(&l.message));
        }
    }
    let mut notes = Vec::new();
    if let Some(h) = &d.help {
        notes.push(format!("help: {h}"));
    }
    if let Some(fix) = &d.fix {
        for e in &fix.edits {
            if d.help.as_deref().is_none_or(|h| !h.contains(&e.replacement)) {
                notes.push(format!("help: replace with `{}`", e.replacement));
            }
        }
    }
    out = out.with_labels(labels).with_notes(notes);
    out
}

/// rustc-style text for every diagnostic, then a summary line. `color`
/// adds ANSI colours (the CLI passes true only for a terminal).
pub fn render_human(db: &SourceDb, diags: &[Diagnostic], color: bool) -> String {
    let files = DbFiles(db);
    // ASCII frame (`-->`, `|`, `=`) as rustc draws it; the default box
    // drawing characters are not rustc's and garble on some consoles.
    let config = term::Config { chars: term::Chars::ascii(), ..term::Config::default() };
    let mut buf: Vec<u8> = Vec::new();
    {
        let mut writer: Box<dyn termcolor::WriteColor> =
            if color { Box::new(termcolor::Ansi::new(&mut buf)) } else { Box::new(termcolor::NoColor::new(&mut buf)) };
        for d in diags {
            // A rendering failure (a span outside its file) must not hide
            // the diagnostic: fall back to a plain line.
            if term::emit(&mut writer, &config, &files, &to_codespan(db, d)).is_err() {
                let _ = writeln!(writer, "{}[{}]: {}", d.severity.as_str(), d.code, d.message);
            }
        }
    }
    let mut out = String::from_utf8_lossy(&buf).into_owned();
    out.push_str(&summary(diags));
    out
}

use std::io::Write as _;

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
        "severity": d.severity.as_str(),
        "message": d.message,
        "span": span_json(db, d.span),
        "labels": d.labels.iter().map(|l| json!({"span": span_json(db, l.span), "message": l.message})).collect::<Vec<_>>(),
        "help": d.help,
    });
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

/// `archc check --format json`: `{"diagnostics": […], "errors": N, "warnings": N}`.
pub fn to_json(db: &SourceDb, diags: &[Diagnostic]) -> Value {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    json!({
        "diagnostics": diags.iter().map(|d| diagnostic_json(db, d)).collect::<Vec<_>>(),
        "errors": errors,
        "warnings": diags.len() - errors,
    })
}

fn sarif_region(db: &SourceDb, span: Span) -> Option<Value> {
    let src = db.get(span.file)?;
    let (line, column) = src.line_col(span.start as usize);
    let (end_line, end_column) = src.line_col(span.end as usize);
    Some(json!({
        "artifactLocation": {"uri": src.name},
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
    let results: Vec<Value> = diags
        .iter()
        .map(|d| {
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
                "level": d.severity.as_str(),
                "message": {"text": message},
                "locations": sarif_region(db, d.span).map(|loc| vec![json!({"physicalLocation": loc})]).unwrap_or_default(),
            });
            if !related.is_empty() {
                r["relatedLocations"] = Value::Array(related);
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
    json!({
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
    })
}
