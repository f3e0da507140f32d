//! `archc check FILE... [--format human|json|sarif]`, and `archc check -`
//! for standard input (shown as `<stdin>`).
//!
//! Each file is compiled on its own. A file that cannot be read (missing, a
//! directory, a FIFO or device, not UTF-8, over 8 MiB) is the diagnostic
//! E0127 among the others, so the other files are still reported and a JSON
//! or SARIF document is always written; the exit code is then 2.

use std::path::{Path, PathBuf};

use archc_core::diag::{codes, render_human, to_json, to_sarif};
use archc_core::{compile_keeping_trees, Compilation, Diagnostic, SourceDb, Span, Trees};

use crate::output;
use crate::project::{self, Entry};
use crate::report::Report;
use crate::{Format, Outcome};

pub fn run(files: &[PathBuf], format: Format) -> Outcome {
    let stdin = Path::new("-");
    if files.iter().filter(|f| *f == stdin).count() > 1 {
        output::error("`-` (standard input) can be given once");
        return Outcome::Failure;
    }

    let mut report = Report::default();
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
            Ok(entry) => leftovers = Some(check_entry(&mut report, entry)),
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
            output::stderr(&render_human(&report.db, &human(&report), output::stderr_color()));
            Outcome::Success
        }
        Format::Json => output::stdout(&json_text(&to_json(&report.db, &report.diags))),
        Format::Sarif => output::stdout(&json_text(&to_sarif(&report.db, &report.diags, env!("CARGO_PKG_VERSION")))),
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

/// Compiles one file into the report; gives back what is left of the
/// compilation, for the caller to drop (or not, see `run`).
fn check_entry(report: &mut Report, entry: Entry) -> (Compilation, Trees) {
    let mut db = SourceDb::new();
    let id = db.add(entry.db_name.clone(), entry.text);
    let (mut compilation, trees) = compile_keeping_trees(&mut db, id, &entry.loader);
    report.add(&db, std::mem::take(&mut compilation.diagnostics), &|name| entry.display.path(name));
    (compilation, trees)
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

fn json_text(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string());
    s.push('\n');
    s
}
