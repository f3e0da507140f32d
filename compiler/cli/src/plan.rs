//! `archc plan FILE [--format human|json]`: the network a design becomes
//! (docs/plan.md): each subnet's route table, the network ACLs, the security
//! groups, the transit gateways and the permissions of its integrations.
//!
//! Compiles like `check`; with errors it prints the diagnostics as `check`
//! does and exits 1 (no plan is printed: a design with errors would not
//! deploy). Otherwise it prints the plan on standard output (warnings go to
//! standard error) and exits 0; an unreadable file exits 2.

use std::path::Path;

use archc_core::plan::{render_human_with, view::view};
use archc_core::SourceDb;

use crate::entry::compile_file;
use crate::{output, ModelFormat, Outcome};

pub fn run(file: &Path, format: ModelFormat) -> Outcome {
    let c = match compile_file(file) {
        Ok(c) => c,
        Err(outcome) => return outcome,
    };
    let comp = &c.compilation;
    let (Some(model), Some(plan), false) = (comp.checked(), comp.plan(), comp.has_errors()) else {
        return c.refuse(format);
    };
    c.warn();
    match format {
        ModelFormat::Human => output::stdout(&render_human_with(model, plan, &|span| locate(&c.db, span))),
        ModelFormat::Json => output::stdout(&output::json_text(&view(model, plan))),
    }
}

/// Where a span is, as the plan prints it: `line 12` in the entry file,
/// `NAME:12` in an imported one.
fn locate(db: &SourceDb, span: archc_core::Span) -> Option<String> {
    let src = db.get(span.file)?;
    let (line, _) = src.line_col(span.start as usize);
    Some(if span.file.0 == 0 { format!("line {line}") } else { format!("{}:{line}", src.name) })
}
