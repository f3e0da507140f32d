//! `archc check FILE... [--format human|json|sarif] [--fix [--unsafe-fixes]]`,
//! and `archc check -` for standard input (shown as `<stdin>`).
//!
//! Each file is compiled on its own. A file that cannot be read (missing, a
//! directory, a FIFO or device, not UTF-8, over 8 MiB) is the diagnostic
//! E0127 among the others, so the other files are still reported and a JSON
//! or SARIF document is always written; the exit code is then 2.
//!
//! With `--fix`, each entry is compiled, the fixes that may be applied
//! unasked (safe ones; unsafe ones too with `--unsafe-fixes`) are written
//! into the files, and the entry is checked again, until no such fix is
//! left (or after [`MAX_ROUNDS`]): fixing a front-end error may let the
//! design lower and the checker's rules report. What was fixed is listed
//! (standard error, or `"fixed"` in the JSON); the report is of what is left.

use std::path::{Path, PathBuf};

use archc_core::diag::fix::{self, Fixes};
use archc_core::diag::{codes, escape, to_json, to_sarif, write_human};
use archc_core::{compile_keeping_trees, Applicability, Compilation, Diagnostic, SourceDb, Span, Trees};
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
    let stdin = Path::new("-");
    let stdins = files.iter().filter(|f| *f == stdin).count();
    if stdins > 1 {
        output::error("`-` (standard input) can be given once");
        return Outcome::Failure;
    }
    if stdins == 1 && options.fix {
        output::error("`--fix` writes the fixes into the files; standard input has none to write to");
        output::stderr("help: check a file with `archc check --fix FILE`, or `archc check -` without `--fix`\n");
        return Outcome::Failure;
    }

    let mut report = Report::default();
    let mut fixed = Vec::new();
    let mut unreadable = false;
    // What compiling the last file left (see `check_entry`).
    let mut leftovers = None;
    for path in files {
        let (shown, opened) = if path == stdin {
            (project::STDIN.to_string(), project::open_stdin())
        } else {
            (path.display().to_string(), project::open(path))
        };
        match opened {
            // The previous file's leftovers are dropped here: only the last
            // one's are left to the operating system.
            Ok(entry) => match check_entry(&mut report, &mut fixed, entry, options) {
                Ok(left) => leftovers = Some(left),
                Err(msg) => {
                    output::error(&msg);
                    return Outcome::Failure;
                }
            },
            Err(why) => {
                unreadable = true;
                report_unreadable(&mut report, &shown, &why);
            }
        }
    }
    // An unreadable import is E0127 too: unreadable input, exit 2.
    unreadable |= report.diags.iter().any(|d| d.code == codes::UNREADABLE_INPUT);

    let written = match format {
        Format::Human => {
            let mut text = String::new();
            for f in &fixed {
                text.push_str(&format!(
                    "fixed[{}]: {}:{}:{}: {}\n",
                    f.code,
                    escape(&f.file),
                    f.start.0,
                    f.start.1,
                    escape(&f.message)
                ));
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
            let color = output::stderr_color();
            output::stderr_with(|w| {
                w.write_all(text.as_bytes())?;
                write_human(&report.db, &human(&report), color, w)
            });
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
            output::stdout(&output::json_text(&v))
        }
        Format::Sarif => {
            output::stdout(&output::json_text(&to_sarif(&report.db, &report.diags, env!("CARGO_PKG_VERSION"))))
        }
    };
    // The syntax trees, the expanded declarations and the model of the last
    // file are hundreds of thousands of small allocations; freeing them one
    // by one was a fifth of `archc check`'s time. Nothing reads them again
    // and the process exits now, so the operating system takes the memory
    // back at once. (A long-lived caller of the core just drops them.)
    std::mem::forget(leftovers);
    if written == Outcome::Failure || unreadable {
        Outcome::Failure
    } else if report.has_errors() {
        Outcome::Errors
    } else {
        Outcome::Success
    }
}

/// Compiles one entry (with `--fix`, fixes and compiles it again, round
/// after round) and adds what is left to the report; gives back what is
/// left of the last compilation, for the caller to drop (or not, see `run`).
fn check_entry(
    report: &mut Report,
    fixed: &mut Vec<Fixed>,
    mut entry: Entry,
    options: FixOptions,
) -> Result<(Compilation, Trees), String> {
    let mut rounds = 0;
    let (db, mut compilation, trees) = loop {
        let mut db = SourceDb::new();
        let id = db.add(entry.db_name.clone(), entry.text.clone());
        let (compilation, trees) = compile_keeping_trees(&mut db, id, &entry.loader);
        if !options.fix || rounds == MAX_ROUNDS {
            break (db, compilation, trees);
        }
        let fixes = fix::apply(&db, &compilation.diagnostics, options.unsafe_fixes);
        if fixes.files.is_empty() {
            break (db, compilation, trees);
        }
        rounds += 1;
        write_fixes(&entry, &db, &fixes)?;
        fixed.extend(fixes.fixed.iter().map(|&i| describe(&db, &compilation.diagnostics[i], &entry)));
        if let Some(f) = fixes.files.iter().find(|f| f.file == id) {
            entry.text = f.text.clone();
        }
    };
    report.add(&db, std::mem::take(&mut compilation.diagnostics), &|name| entry.display.path(name));
    Ok((compilation, trees))
}

/// E0127 for an entry file that could not be read, at the start of an empty
/// file under the name the user typed.
fn report_unreadable(report: &mut Report, shown: &str, why: &str) {
    let mut db = SourceDb::new();
    let id = db.add(shown, "");
    let d = Diagnostic::new(codes::UNREADABLE_INPUT, Span::new(id, 0, 0), format!("cannot read `{shown}`: {why}"))
        .with_help(help(why));
    report.add(&db, vec![d], &|name| name.to_string());
}

/// The diagnostics as the terminal shows them: an unreadable entry file has
/// no text to quote, so its E0127 is the message and help alone (its name is
/// in the message); JSON and SARIF keep its span, for the file name.
fn human(report: &Report) -> Vec<Diagnostic> {
    let empty = |d: &Diagnostic| report.db.get(d.span.file).is_some_and(|s| s.text.is_empty());
    report
        .diags
        .iter()
        .map(|d| {
            let mut d = d.clone();
            if d.code == codes::UNREADABLE_INPUT && empty(&d) {
                d.span = Span::detached();
            }
            d
        })
        .collect()
}

fn help(why: &str) -> &'static str {
    if why.contains("FIFO") {
        "archc reads regular files only; to check what a program writes, pipe it in: `… | archc check -`"
    } else if why.contains("8 MiB") {
        "archc reads files of up to 8 MiB; a design is far smaller, so this is probably not the file you meant"
    } else if why.contains("no such file") {
        "check the path; it is relative to the current directory"
    } else {
        "archc reads regular files of UTF-8 text up to 8 MiB (or standard input, `-`)"
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
