//! `archc plan FILE [--format human|json]`: the network a design becomes
//! (docs/plan.md): each subnet's route table, the network ACLs, the security
//! groups, the transit gateways and the permissions of its integrations.
//!
//! Compiles like `check`; with errors it prints the diagnostics as `check`
//! does and exits 1 (no plan is printed: a design with errors would not
//! deploy). Otherwise it prints the plan on standard output (warnings go to
//! standard error) and exits 0; an unreadable file exits 2.

use std::path::Path;

use archc_core::diag::to_json;
use archc_core::plan::{render_human_with, view::view};
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

    let (Some(model), Some(plan), false) = (compilation.checked(), compilation.plan(), compilation.has_errors()) else {
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
        ModelFormat::Human => output::stdout(&render_human_with(model, plan, &|span| locate(&db, span))),
        ModelFormat::Json => {
            let mut s = serde_json::to_string_pretty(&view(model, plan)).unwrap_or_default();
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

/// Where a span is, as the plan prints it: `line 12` in the entry file,
/// `NAME:12` in an imported one.
fn locate(db: &SourceDb, span: archc_core::Span) -> Option<String> {
    let src = db.get(span.file)?;
    let (line, _) = src.line_col(span.start as usize);
    Some(if span.file.0 == 0 { format!("line {line}") } else { format!("{}:{line}", src.name) })
}
