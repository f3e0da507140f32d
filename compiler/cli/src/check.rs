//! `archc check FILE... [--format human|json|sarif]`.

use std::path::PathBuf;

use archc_core::diag::{render_human, to_json, to_sarif};
use archc_core::{compile, SourceDb};

use crate::output;
use crate::project;
use crate::report::Report;
use crate::{Format, Outcome};

pub fn run(files: &[PathBuf], format: Format) -> Outcome {
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
    for entry in entries {
        let mut db = SourceDb::new();
        let id = db.add(entry.db_name.clone(), entry.text);
        let compilation = compile(&mut db, id, &entry.loader);
        report.add(&db, compilation.diagnostics, &|name| entry.display.path(name));
    }

    let written = match format {
        Format::Human => {
            output::stderr(&render_human(&report.db, &report.diags, output::stderr_color()));
            Outcome::Success
        }
        Format::Json => output::stdout(&json_text(&to_json(&report.db, &report.diags))),
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

fn json_text(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string());
    s.push('\n');
    s
}
