//! `archc model FILE [--format human|json]`: what a design became.
//!
//! Compiles like `check`; with errors it prints the diagnostics as `check`
//! does and exits 1 (no model is printed: only a design that lowered without
//! errors has one). Otherwise it prints the model on standard output: an
//! outline (`human`) or the model's view as one JSON document (`json`);
//! warnings go to standard error.

use std::path::Path;

use archc_core::diag::to_json;
use archc_core::model::{outline::outline, view::view};
use archc_core::{compile, SourceDb};

use crate::report::Report;
use crate::{output, project, ModelFormat, Outcome};

pub fn run(file: &Path, format: ModelFormat) -> Outcome {
    let entry = match project::open(file) {
        Ok(entry) => entry,
        Err(msg) => {
            output::error(&msg);
            return Outcome::Failure;
        }
    };
    let mut db = SourceDb::new();
    let id = db.add(entry.db_name.clone(), entry.text);
    let compilation = compile(&mut db, id, &entry.loader);
    let mut report = Report::default();
    report.add(&db, compilation.diagnostics.clone(), &|name| entry.display.path(name));

    let Some(model) = compilation.checked() else {
        return match format {
            ModelFormat::Human => {
                output::diagnostics(&report.db, &report.diags);
                Outcome::Errors
            }
            ModelFormat::Json => match output::stdout(&json_text(&to_json(&report.db, &report.diags))) {
                Outcome::Success => Outcome::Errors,
                failed => failed,
            },
        };
    };
    if !report.diags.is_empty() {
        output::diagnostics(&report.db, &report.diags);
    }
    match format {
        ModelFormat::Human => output::stdout(&outline(model)),
        ModelFormat::Json => {
            // Serialised from the view directly, so fields keep its order.
            let mut s = serde_json::to_string_pretty(&view(model)).unwrap_or_default();
            s.push('\n');
            output::stdout(&s)
        }
    }
}

fn json_text(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string());
    s.push('\n');
    s
}
