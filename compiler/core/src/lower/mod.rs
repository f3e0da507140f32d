//! Lowering: from syntax trees to the typed [`Model`].
//!
//! Four small passes, each in its own module:
//! 1. [`load`]: parse the entry file and everything it `use`s (through the
//!    caller's [`Loader`]), and collect component definitions.
//! 2. [`expand`]: walk the statements, instantiate components and `for`
//!    loops, substitute `$params`, check each kind's place, and record every
//!    declaration as a raw node in its name scope.
//! 3. [`build`]: type every property against the kind table, resolve every
//!    reference through [`scope`], and produce the model's nodes, flows and
//!    peerings.
//! 4. [`alloc`]: give subnets written without a CIDR their blocks (§6).
//!
//! Every pass keeps going after an error, so one run reports every
//! independent problem.

mod alloc;
mod build;
mod expand;
mod load;
mod scope;
pub(crate) mod stdlib;
mod subst;
mod typed;

use archc_syntax::{Diagnostic, FileId};

use crate::model::Model;
use crate::source::{Loader, SourceDb};

/// The intermediate trees of one lowering (the syntax trees of every module
/// and the expanded declarations), handed to the caller to dispose of: they
/// are large and made of many small allocations, so freeing them is a fifth
/// of the front end's time. A process about to exit may leave them to the
/// operating system (see `archc check`); everyone else just drops them.
pub struct Trees {
    _program: load::Program,
    _raw: expand::Raw,
}

impl std::fmt::Debug for Trees {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Trees { .. }")
    }
}

/// Lowers the file `entry` (already in `db`) and everything it imports.
/// Imported files are added to `db`. The model is complete when the
/// diagnostics hold no error; with errors it is a best effort (later stages
/// must not run on it).
///
/// Also gives back the intermediate trees, for the caller to drop.
pub fn lower(db: &mut SourceDb, entry: FileId, loader: &dyn Loader) -> (Model, Vec<Diagnostic>, Trees) {
    let mut diags = Vec::new();
    let program = load::load(db, entry, loader, &mut diags);
    let raw = expand::expand(&program, &mut diags);
    let mut model = build::build(&raw, &mut diags);
    alloc::allocate_subnets(&mut model, &mut diags);
    // Complete: index it. Nothing changes the model after this.
    let model = Model::new(model.settings, model.nodes, model.flows, model.peerings);
    diags.sort_by(|a, b| (a.span.file, a.span.start, a.code).cmp(&(b.span.file, b.span.start, b.code)));
    diags.dedup();
    (model, diags, Trees { _program: program, _raw: raw })
}

#[cfg(test)]
mod tests;
