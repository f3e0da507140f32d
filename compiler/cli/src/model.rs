//! `archc model FILE [--format human|json]`: what a design became.
//!
//! Compiles like `check`; with errors it prints the diagnostics as `check`
//! does and exits 1 (no model is printed: only a design that lowered without
//! errors has one). Otherwise it prints the model on standard output: an
//! outline (`human`) or the model's view as one JSON document (`json`);
//! warnings go to standard error.

use std::path::Path;

use archc_core::model::{outline::outline, view::view};

use crate::entry::compile_file;
use crate::{output, ModelFormat, Outcome};

pub fn run(file: &Path, format: ModelFormat) -> Outcome {
    let c = match compile_file(file) {
        Ok(c) => c,
        Err(outcome) => return outcome,
    };
    let Some(model) = c.compilation.checked() else { return c.refuse(format) };
    c.warn();
    match format {
        ModelFormat::Human => output::stdout(&outline(model)),
        // Serialised from the view directly, so fields keep its order.
        ModelFormat::Json => output::stdout(&output::json_text(&view(model))),
    }
}
