//! `archc fmt FILE... [--check]` and `archc fmt -`.
//!
//! A file is rewritten only when its canonical layout differs from what it
//! holds (an unchanged file keeps its modification time). A file with syntax
//! errors is never touched: its errors are reported and the exit code is 1.
//! `--check` writes nothing and names each file that would change on
//! standard error (`would reformat PATH`), exiting 1 if there is one.

use std::path::{Path, PathBuf};

use archc_core::SourceDb;

use crate::output;
use crate::project;
use crate::report::Report;
use crate::Outcome;

pub fn run(files: &[PathBuf], check: bool) -> Outcome {
    let stdin = Path::new("-");
    if files.iter().any(|f| f == stdin) {
        if files.len() > 1 {
            output::error("`-` (standard input) cannot be combined with other files");
            return Outcome::Failure;
        }
        return run_stdin(check);
    }

    let mut outcome = Outcome::Success;
    let mut report = Report::default();
    for path in files {
        let shown = path.display().to_string();
        let text = match project::read_text(path) {
            Ok(t) => t,
            Err(why) => {
                output::error(&format!("cannot read `{shown}`: {why}"));
                outcome = outcome.max(Outcome::Failure);
                continue;
            }
        };
        match archc_syntax::fmt::format(&text) {
            Err(diags) => {
                add_refused(&mut report, &shown, &text, diags);
                outcome = outcome.max(Outcome::Errors);
            }
            Ok(formatted) if formatted == text => {}
            Ok(_) if check => {
                output::stderr(&format!("would reformat {}\n", archc_core::diag::escape(&shown)));
                outcome = outcome.max(Outcome::Errors);
            }
            Ok(formatted) => {
                if let Err(e) = std::fs::write(path, formatted) {
                    output::error(&format!("cannot write `{shown}`: {}", project::describe(&e)));
                    outcome = outcome.max(Outcome::Failure);
                }
            }
        }
    }
    if !report.diags.is_empty() {
        output::diagnostics(&report.db, &report.diags);
    }
    outcome
}

fn run_stdin(check: bool) -> Outcome {
    let text = match project::read_bounded(std::io::stdin().lock()) {
        Ok(text) => text,
        Err(why) => {
            output::error(&format!("cannot read standard input: {why}"));
            return Outcome::Failure;
        }
    };
    match archc_syntax::fmt::format(&text) {
        Err(diags) => {
            let mut report = Report::default();
            add_refused(&mut report, "<stdin>", &text, diags);
            output::diagnostics(&report.db, &report.diags);
            Outcome::Errors
        }
        Ok(formatted) if check => {
            if formatted == text {
                Outcome::Success
            } else {
                output::stderr("would reformat <stdin>\n");
                Outcome::Errors
            }
        }
        Ok(formatted) => output::stdout(&formatted),
    }
}

/// The syntax errors of a file `fmt` refused (its spans are in `FileId(0)`).
fn add_refused(report: &mut Report, shown: &str, text: &str, diags: Vec<archc_core::Diagnostic>) {
    let mut db = SourceDb::new();
    db.add(shown, text);
    report.add(&db, diags, &|name| name.to_string());
}
