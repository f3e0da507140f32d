//! `archc check FILE... [--format human|json|sarif] [--fix [--unsafe-fixes]]`.
//!
//! With `--fix`, each entry is compiled, the fixes that may be applied
//! unasked (safe ones; unsafe ones too with `--unsafe-fixes`) are written
//! into the files, and the entry is checked again, until no such fix is
//! left (or after [`MAX_ROUNDS`]): fixing a front-end error may let the
//! design lower and the checker's rules report. What was fixed is listed
//! (standard error, or `"fixed"` in the JSON); the report is of what is left.

use std::path::PathBuf;

use archc_core::diag::fix::{self, Fixes};
use archc_core::diag::{render_human, to_json, to_sarif};
use archc_core::{compile, Applicability, Diagnostic, SourceDb};
use serde_json::json;

use crate::output;
use crate::project::{self, Entry};
use crate::report::Report;
use crate::{Format, Outcome};

/// Rounds of fixes per entry at most: a fix that brought back the problem
/// it fixed must not loop for ever.
const MAX_ROUNDS: usize = 10;

/// `--fix` and `--unsafe-fixes`.
#[derive(Clone, Copy, Debug, Default)]
pub struct FixOptions {
    pub fix: bool,
    pub unsafe_fixes: bool,
}

/// A diagnostic that `--fix` fixed, where it was when it was fixed.
struct Fixed {
    code: &'static str,
    message: String,
    file: String,
    start: (usize, usize),
    end: (usize, usize),
}

pub fn run(files: &[PathBuf], format: Format, options: FixOptions) -> Outcome {
    // Every entry file must be readable before anything is reported: an
    // unreadable input is exit 2, and then no report is written.
    let mut entries = Vec::new();
    let mut unreadable = false;
    for path in files {
        match project::open(path) {
            Ok(entry) => entries.push(entry),
            Err(msg) => {
                output::error(&msg);
                unreadable = true;
            }
        }
    }
    if unreadable {
        return Outcome::Failure;
    }

    let mut report = Report::default();
    let mut fixed = Vec::new();
    for mut entry in entries {
        let mut rounds = 0;
        let (db, diagnostics) = loop {
            let mut db = SourceDb::new();
            let id = db.add(entry.db_name.clone(), entry.text.clone());
            let diagnostics = compile(&mut db, id, &entry.loader).diagnostics;
            if !options.fix || rounds == MAX_ROUNDS {
                break (db, diagnostics);
            }
            let fixes = fix::apply(&db, &diagnostics, options.unsafe_fixes);
            if fixes.files.is_empty() {
                break (db, diagnostics);
            }
            rounds += 1;
            if let Err(msg) = write_fixes(&entry, &db, &fixes) {
                output::error(&msg);
                return Outcome::Failure;
            }
            fixed.extend(fixes.fixed.iter().map(|&i| describe(&db, &diagnostics[i], &entry)));
            if let Some(f) = fixes.files.iter().find(|f| f.file == id) {
                entry.text = f.text.clone();
            }
        };
        report.add(&db, diagnostics, &|name| entry.display.path(name));
    }

    let written = match format {
        Format::Human => {
            let mut text = String::new();
            for f in &fixed {
                text.push_str(&format!("fixed[{}]: {}:{}:{}: {}\n", f.code, f.file, f.start.0, f.start.1, f.message));
            }
            if options.fix {
                let plural = |n: usize| if n == 1 { "1 problem".to_string() } else { format!("{n} problems") };
                text.push_str(&format!("fixed {}", plural(fixed.len())));
                let unsafe_left = report
                    .diags
                    .iter()
                    .filter(|d| d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Unsafe))
                    .count();
                if !options.unsafe_fixes && unsafe_left > 0 {
                    text.push_str(&format!(
                        "; {} more with an unsafe fix (`--unsafe-fixes` applies it)",
                        plural(unsafe_left)
                    ));
                }
                text.push_str(if report.diags.is_empty() { "\n" } else { "; what is left:\n\n" });
            }
            text.push_str(&render_human(&report.db, &report.diags, output::stderr_color()));
            output::stderr(&text);
            Outcome::Success
        }
        Format::Json => {
            let mut v = to_json(&report.db, &report.diags);
            if options.fix {
                v["fixed"] = fixed
                    .iter()
                    .map(|f| {
                        json!({"code": f.code, "message": f.message, "span": {
                            "file": f.file, "line": f.start.0, "column": f.start.1,
                            "end_line": f.end.0, "end_column": f.end.1,
                        }})
                    })
                    .collect();
            }
            output::stdout(&json_text(&v))
        }
        Format::Sarif => output::stdout(&json_text(&to_sarif(&report.db, &report.diags, env!("CARGO_PKG_VERSION")))),
    };
    if written == Outcome::Failure {
        return Outcome::Failure;
    }
    if report.has_errors() {
        Outcome::Errors
    } else {
        Outcome::Success
    }
}

/// Writes the fixed texts over the files they came from. A file that
/// changed on disk since it was read is not overwritten.
fn write_fixes(entry: &Entry, db: &SourceDb, fixes: &Fixes) -> Result<(), String> {
    for f in &fixes.files {
        let Some(src) = db.get(f.file) else { continue };
        let path = entry.display.disk_path(&src.name);
        let shown = entry.display.path(&src.name);
        match project::read_text(&path) {
            Ok(now) if now == src.text => {}
            Ok(_) => return Err(format!("`{shown}` changed while archc was fixing it; it was left as it is")),
            Err(why) => return Err(format!("cannot read `{shown}` again to fix it: {why}")),
        }
        std::fs::write(&path, &f.text)
            .map_err(|e| format!("cannot write the fixes to `{shown}`: {}", project::describe(&e)))?;
    }
    Ok(())
}

fn describe(db: &SourceDb, d: &Diagnostic, entry: &Entry) -> Fixed {
    let src = db.get(d.span.file);
    let at = |offset: u32| src.map_or((0, 0), |s| s.line_col(offset as usize));
    Fixed {
        code: d.code.as_str(),
        message: d.message.clone(),
        file: src.map_or_else(String::new, |s| entry.display.path(&s.name)),
        start: at(d.span.start),
        end: at(d.span.end),
    }
}

fn json_text(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string());
    s.push('\n');
    s
}
