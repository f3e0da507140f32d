//! One report of the diagnostics of several compilations (or of several
//! files that `fmt` refused), in a source database of its own whose files
//! carry the names the user sees (see [`crate::project`]). The core's
//! renderers then work on it unchanged.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use archc_core::{Diagnostic, FileId, SourceDb, Span};

#[derive(Default)]
pub struct Report {
    pub db: SourceDb,
    pub diags: Vec<Diagnostic>,
    /// The diagnostics by a hash of their place, code and message: finding
    /// a repeat compares with the few of the same hash, not with every
    /// diagnostic (which made an input with thousands of errors quadratic).
    seen: BTreeMap<u64, Vec<usize>>,
}

impl Report {
    /// Adds the diagnostics of one compilation over `db`, each file shown
    /// under `display(name)`. A diagnostic already in the report (an
    /// imported file with an error, shared by two entries) is kept once.
    pub fn add(&mut self, db: &SourceDb, diags: Vec<Diagnostic>, display: &dyn Fn(&str) -> String) {
        let mut map: Vec<FileId> = Vec::new();
        for (_, src) in db.iter() {
            let shown =
                if archc_core::is_stdlib_source(&src.name, &src.text) { src.name.clone() } else { display(&src.name) };
            map.push(self.file(shown, &src.text));
        }
        let remap = |span: Span| match map.get(span.file.0 as usize) {
            Some(&file) => Span { file, ..span },
            None => span,
        };
        for mut d in diags {
            for span in d.spans_mut() {
                *span = remap(*span);
            }
            let same = self.seen.entry(key(&d)).or_default();
            if !same.iter().any(|&i| self.diags[i] == d) {
                same.push(self.diags.len());
                self.diags.push(d);
            }
        }
    }

    /// The id of a file shown as `name` with this text; two different texts
    /// under one name get distinct names.
    fn file(&mut self, name: String, text: &str) -> FileId {
        let mut name = name;
        loop {
            match self.db.id_of(&name) {
                None => return self.db.add(name, text),
                Some(id) if self.db.get(id).is_some_and(|s| s.text == text) => return id,
                Some(_) => name = format!("./{name}"),
            }
        }
    }

    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }
}

/// A hash of what tells most diagnostics apart (equal diagnostics have
/// equal keys). Only for finding repeats: it never orders output.
fn key(d: &Diagnostic) -> u64 {
    let mut h = DefaultHasher::new();
    (d.span, d.code.as_str(), &d.message).hash(&mut h);
    h.finish()
}
