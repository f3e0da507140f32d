//! One entry file compiled for a command that prints what the design became
//! (`model`, `plan`, `route`): opened as `check` opens it, compiled, and its
//! diagnostics gathered under the names the user sees.

use std::path::Path;

use archc_core::diag::to_json;
use archc_core::{compile, Compilation, SourceDb};

use crate::report::Report;
use crate::{output, project, ModelFormat, Outcome};

pub struct Compiled {
    /// The compilation's own sources (spans in its model point here).
    pub db: SourceDb,
    pub compilation: Compilation,
    /// Its diagnostics, over files named as the user wrote them.
    pub report: Report,
}

/// Opens and compiles `file`; an unreadable one is reported here and gives
/// the exit code (2) as the error.
pub fn compile_file(file: &Path) -> Result<Compiled, Outcome> {
    let entry = project::open(file).map_err(|msg| {
        output::error(&msg);
        Outcome::Failure
    })?;
    let mut db = SourceDb::new();
    let id = db.add(entry.db_name.clone(), entry.text);
    let compilation = compile(&mut db, id, &entry.loader);
    let mut report = Report::default();
    report.add(&db, compilation.diagnostics.clone(), &|name| entry.display.path(name));
    Ok(Compiled { db, compilation, report })
}

impl Compiled {
    /// Refuses a design with errors as `check` reports it: the diagnostics
    /// on standard error (`human`) or as one JSON document on standard
    /// output (`json`), and exit code 1.
    pub fn refuse(&self, format: ModelFormat) -> Outcome {
        match format {
            ModelFormat::Human => {
                output::diagnostics(&self.report.db, &self.report.diags);
                Outcome::Errors
            }
            ModelFormat::Json => {
                match output::stdout(&output::json_text(&to_json(&self.report.db, &self.report.diags))) {
                    Outcome::Success => Outcome::Errors,
                    failed => failed,
                }
            }
        }
    }

    /// The warnings of a design that is printed, on standard error.
    pub fn warn(&self) {
        if !self.report.diags.is_empty() {
            output::diagnostics(&self.report.db, &self.report.diags);
        }
    }
}
