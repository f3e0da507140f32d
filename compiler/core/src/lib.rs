//! The archc compiler core: from source text to a checked, typed [`Model`],
//! with every problem as a [`Diagnostic`].
//!
//! Pure functions over strings and data: no file system, environment, clock,
//! threads or terminal. Imports are read through the caller's [`Loader`]; the
//! CLI implements it over files, the playground over memory. Later stages
//! (checks, layout, rendering, emission) are modules here that read the model.

pub mod check;
pub mod diag;
mod lower;
pub mod model;
pub mod plan;
pub mod reach;
pub mod source;

pub use archc_syntax::{Applicability, Code, Diagnostic, Edit, FileId, Fix, FlowBlocker, Label, Severity, Span};
pub use lower::stdlib::is_stdlib_source;
pub use lower::Trees;
pub use model::{CheckedModel, Model};
pub use plan::Plan;
pub use source::{LoadError, Loader, NoFiles, Source, SourceDb};

/// The result of compiling one entry file.
#[derive(Debug)]
pub struct Compilation {
    model: Lowered,
    /// Every problem found, in file and source order.
    pub diagnostics: Vec<Diagnostic>,
}

// One per compilation, never in a collection: the size of the checked
// variant (model, plan and proofs inline) costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
enum Lowered {
    /// No error: the back ends may run on it, on its plan and on the
    /// proofs of its flows.
    Checked(CheckedModel, Plan, Vec<reach::Proof>),
    /// With errors: a best effort, for tooling only.
    BestEffort(Model),
}

impl Compilation {
    /// The model as far as lowering got: complete when there is no error, a
    /// best effort otherwise (for tooling such as an editor's outline; no
    /// back end runs on it).
    pub fn model(&self) -> &Model {
        match &self.model {
            Lowered::Checked(m, _, _) => m,
            Lowered::BestEffort(m) => m,
        }
    }

    /// The model, when it lowered without an error: what the checker,
    /// layout and emission take.
    pub fn checked(&self) -> Option<&CheckedModel> {
        match &self.model {
            Lowered::Checked(m, _, _) => Some(m),
            Lowered::BestEffort(_) => None,
        }
    }

    /// The network plan derived from the checked model (docs/plan.md): what
    /// the checker proved flows over, and what the emitter writes.
    pub fn plan(&self) -> Option<&Plan> {
        match &self.model {
            Lowered::Checked(_, p, _) => Some(p),
            Lowered::BestEffort(_) => None,
        }
    }

    /// The proof of each flow (by its index in `Model::flows`), as the
    /// checker proved it: the diagram draws a blocked one broken, from this
    /// same derivation.
    pub fn proofs(&self) -> Option<&[reach::Proof]> {
        match &self.model {
            Lowered::Checked(_, _, proofs) => Some(proofs),
            Lowered::BestEffort(_) => None,
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

/// Compiles the file `entry` of `db` and everything it imports (added to
/// `db` as they are loaded). The checker's rules run only when lowering
/// reported no error: they read a complete model, and never report a
/// follow-on of a front-end error.
pub fn compile(db: &mut SourceDb, entry: FileId, loader: &dyn Loader) -> Compilation {
    compile_keeping_trees(db, entry, loader).0
}

/// [`compile`], also giving back the intermediate trees of lowering for the
/// caller to drop when it suits it (see [`Trees`]).
pub fn compile_keeping_trees(db: &mut SourceDb, entry: FileId, loader: &dyn Loader) -> (Compilation, Trees) {
    let (model, mut diagnostics, trees) = lower::lower(db, entry, loader);
    let model = if diagnostics.iter().any(Diagnostic::is_error) {
        Lowered::BestEffort(model)
    } else {
        // Only a model that lowered cleanly is checked; the checker's own
        // errors refuse the design but the model stays the one it proved.
        // The plan is derived once, here: the checker proves flows over it
        // and the back ends write it, so all of them read one derivation.
        // Every flow is proven once, here, for every rule and the diagram.
        let checked = CheckedModel::new(model);
        let plan = plan::derive(&checked);
        let proofs = reach::prove_flows(&checked, &plan);
        diagnostics.extend(check::check_proven(&checked, &plan, &proofs));
        check::sort_and_dedup(&mut diagnostics);
        Lowered::Checked(checked, plan, proofs)
    };
    (Compilation { model, diagnostics }, trees)
}

/// Compiles one self-contained text (it may `use std/…` but no files).
pub fn compile_str(name: &str, text: &str) -> (SourceDb, Compilation) {
    let mut db = SourceDb::new();
    let entry = db.add(name, text);
    let compilation = compile(&mut db, entry, &NoFiles);
    (db, compilation)
}
