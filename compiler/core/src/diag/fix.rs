//! Applying fixes (`archc check --fix`): the edits of the diagnostics'
//! fixes, as far as they can be trusted, into new file texts.
//!
//! Pure: it returns texts and the CLI writes them. Fixes are taken in the
//! order of the diagnostics; one whose edits overlap an edit already taken
//! is left for the next round (`--fix` checks again after applying), so
//! the edits of one round never overlap and are applied back to front.
//! A file of the standard library is never edited.

use std::collections::BTreeMap;
use std::ops::Bound;

use archc_syntax::{Applicability, Diagnostic, Edit, FileId};

use crate::lower::stdlib::is_stdlib_source;
use crate::source::SourceDb;

/// One file after the fixes that apply to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FixedFile {
    pub file: FileId,
    /// The whole new text.
    pub text: String,
}

/// What one round of fixes does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fixes {
    /// Every file that changes, in file order.
    pub files: Vec<FixedFile>,
    /// The indices (into the diagnostics given) of the diagnostics fixed.
    pub fixed: Vec<usize>,
}

/// The fixes of `diags` that may be applied unasked: the safe ones, and
/// the unsafe ones too when `unsafe_fixes` (ruff's `--unsafe-fixes`).
/// Display-only fixes are never applied.
pub fn apply(db: &SourceDb, diags: &[Diagnostic], unsafe_fixes: bool) -> Fixes {
    // Per file: the edits taken, by start offset.
    let mut taken: BTreeMap<FileId, BTreeMap<u32, Edit>> = BTreeMap::new();
    let mut fixed = Vec::new();
    for (i, d) in diags.iter().enumerate() {
        let Some(fix) = &d.fix else { continue };
        let allowed = match fix.applicability {
            Applicability::Safe => true,
            Applicability::Unsafe => unsafe_fixes,
            Applicability::DisplayOnly => false,
        };
        if !allowed || fix.edits.is_empty() || !fix.edits.iter().all(|e| editable(db, e)) {
            continue;
        }
        // All of a fix's edits, or none: each must be new and clear of the
        // others (an edit already taken, identically, is fine: the same fix
        // reported twice).
        let mut new: Vec<&Edit> = Vec::new();
        let mut clash = false;
        for e in &fix.edits {
            let file = taken.get(&e.span.file);
            match file.and_then(|f| conflict(f, e)) {
                Some(Conflict::Same) => {}
                Some(Conflict::Overlap) => clash = true,
                None if new.iter().any(|n| n.span.file == e.span.file && overlap(n, e)) => clash = true,
                None => new.push(e),
            }
        }
        if clash {
            continue;
        }
        for e in new {
            taken.entry(e.span.file).or_default().insert(e.span.start, e.clone());
        }
        fixed.push(i);
    }
    let files = taken
        .into_iter()
        .filter_map(|(file, edits)| {
            let mut text = db.get(file)?.text.clone();
            // Back to front, so the offsets of the edits still to come hold.
            for e in edits.values().rev() {
                text.replace_range(deleted_line(&text, e).unwrap_or(e.span.range()), &e.replacement);
            }
            Some(FixedFile { file, text })
        })
        .collect();
    Fixes { files, fixed }
}

/// The whole line of a deletion that leaves nothing but blanks on its line
/// (a declaration removed from a body), with its line break; None for any
/// other edit.
fn deleted_line(text: &str, e: &Edit) -> Option<std::ops::Range<usize>> {
    let range = e.span.range();
    if !e.replacement.is_empty() || range.is_empty() {
        return None;
    }
    let start = text.get(..range.start)?.rfind('\n').map_or(0, |i| i + 1);
    let rest = text.get(range.end..)?;
    let end = rest.find('\n').map_or(text.len(), |i| range.end + i + 1);
    let blank = |s: &str| s.chars().all(|c| c == ' ' || c == '\t' || c == '\r' || c == '\n');
    (blank(text.get(start..range.start)?) && blank(text.get(range.end..end)?)).then_some(start..end)
}

/// An edit inside a file of the project, on character boundaries.
fn editable(db: &SourceDb, e: &Edit) -> bool {
    db.get(e.span.file).is_some_and(|src| {
        !is_stdlib_source(&src.name, &src.text) && e.span.start <= e.span.end && src.text.get(e.span.range()).is_some()
    })
}

enum Conflict {
    /// The very same edit is taken already.
    Same,
    Overlap,
}

/// How `e` meets the edits taken in its file (neighbours by start offset).
fn conflict(taken: &BTreeMap<u32, Edit>, e: &Edit) -> Option<Conflict> {
    let before = taken.range(..=e.span.start).next_back().map(|(_, t)| t);
    let after = taken.range((Bound::Excluded(e.span.start), Bound::Unbounded)).next().map(|(_, t)| t);
    if before.is_some_and(|t| t.span == e.span && t.replacement == e.replacement) {
        return Some(Conflict::Same);
    }
    [before, after].into_iter().flatten().any(|t| overlap(t, e)).then_some(Conflict::Overlap)
}

/// Two edits overlap when their ranges share a byte, or they start at the
/// same place (two insertions there have no order).
fn overlap(a: &Edit, b: &Edit) -> bool {
    a.span.start == b.span.start || (a.span.start < b.span.end && b.span.start < a.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use archc_syntax::{Fix, Span};

    fn diag(db: &SourceDb, start: u32, end: u32, to: &str, applicability: Applicability) -> Diagnostic {
        let file = db.id_of("a.arch").expect("a.arch");
        let span = Span { file, start, end };
        Diagnostic::new(crate::diag::codes::SYNTAX_ERROR, span, "x")
            .with_fix(Fix::new(applicability, vec![Edit { span, replacement: to.into() }]))
    }

    #[test]
    fn a_deletion_that_empties_its_line_removes_the_line() {
        let mut db = SourceDb::new();
        db.add("a.arch", "a {\n  igw\n  igw x\n  b c\n}\n");
        let diags = [diag(&db, 12, 17, "", Applicability::Safe), diag(&db, 22, 23, "", Applicability::Safe)];
        let fixes = apply(&db, &diags, false);
        assert_eq!(fixes.files[0].text, "a {\n  igw\n  b \n}\n");
    }

    #[test]
    fn applies_back_to_front_and_skips_overlaps_and_unsafe() {
        let mut db = SourceDb::new();
        db.add("a.arch", "0123456789");
        let diags = [
            diag(&db, 1, 3, "ab", Applicability::Safe),
            diag(&db, 2, 4, "X", Applicability::Safe), // overlaps the first
            diag(&db, 6, 6, "+", Applicability::Safe), // an insertion
            diag(&db, 8, 9, "U", Applicability::Unsafe),
            diag(&db, 1, 3, "ab", Applicability::Safe), // the first again
            diag(&db, 0, 1, "D", Applicability::DisplayOnly),
        ];
        let f = apply(&db, &diags, false);
        assert_eq!(f.fixed, [0, 2, 4]);
        assert_eq!(f.files[0].text, "0ab345+6789");
        let f = apply(&db, &diags, true);
        assert_eq!(f.fixed, [0, 2, 3, 4]);
        assert_eq!(f.files[0].text, "0ab345+67U9");
    }

    #[test]
    fn never_edits_the_stdlib() {
        let (db, c) = crate::compile_str("a.arch", "use std/vpc\n");
        let std = db.iter().find(|(_, s)| is_stdlib_source(&s.name, &s.text)).map(|(id, _)| id).expect("std/vpc");
        let span = Span { file: std, start: 0, end: 1 };
        let d = Diagnostic::new(crate::diag::codes::SYNTAX_ERROR, span, "x").with_fix(Fix::safe(span, "#"));
        assert!(c.diagnostics.is_empty());
        assert_eq!(apply(&db, &[d], true), Fixes::default());
    }
}
