//! Fixes: every safe fix of every fixture applies cleanly and removes its
//! diagnostic.
//!
//! For each fixture (`tests/fixtures/{valid,invalid}/*.arch`, with the
//! files it imports), the safe fixes must not overlap (one round of
//! `diag::fix::apply` takes every one of them), never touch the stdlib, and
//! the fixed files must compile without the diagnostics they fixed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use archc_core::diag::fix::apply;
use archc_core::{compile, is_stdlib_source, Diagnostic, LoadError, Loader, SourceDb};

/// Reads imports from the fixture's folder, or from the fixed texts.
struct FixedLoader {
    dir: PathBuf,
    fixed: BTreeMap<String, String>,
}

impl Loader for FixedLoader {
    fn load(&self, path: &str) -> Result<String, LoadError> {
        match self.fixed.get(path) {
            Some(text) => Ok(text.clone()),
            None => std::fs::read_to_string(self.dir.join(path)).map_err(|_| LoadError::NotFound),
        }
    }
}

fn compile_with(name: &str, text: String, loader: &FixedLoader) -> (SourceDb, Vec<Diagnostic>) {
    let mut db = SourceDb::new();
    let entry = db.add(name, text);
    let c = compile(&mut db, entry, loader);
    (db, c.diagnostics)
}

/// What identifies a diagnostic across an edit that keeps lines: its code,
/// message, file and line.
fn key(db: &SourceDb, d: &Diagnostic) -> (String, String, String, usize) {
    let src = db.get(d.span.file).expect("the diagnostic's file");
    (d.code.to_string(), d.message.clone(), src.name.clone(), src.line_col(d.span.start as usize).0)
}

#[test]
fn every_safe_fix_of_every_fixture_applies_and_removes_its_diagnostic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut fixtures: Vec<PathBuf> = ["valid", "invalid"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(root.join(dir)).expect("fixtures").flatten().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "arch"))
        .collect();
    fixtures.sort();
    let mut applied = 0;
    for path in &fixtures {
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        let text = std::fs::read_to_string(path).expect("fixture");
        let mut loader = FixedLoader { dir: path.parent().expect("folder").to_path_buf(), fixed: BTreeMap::new() };
        let (db, diags) = compile_with(name, text.clone(), &loader);
        let safe: Vec<usize> =
            (0..diags.len()).filter(|&i| diags[i].fix.as_ref().is_some_and(|f| f.is_safe())).collect();
        let fixes = apply(&db, &diags, false);
        assert_eq!(fixes.fixed, safe, "{name}: every safe fix applies in one round (no overlapping edits)");
        if safe.is_empty() {
            continue;
        }
        applied += safe.len();
        let mut entry_text = text;
        for f in &fixes.files {
            let src = db.get(f.file).expect("fixed file");
            assert!(!is_stdlib_source(&src.name, &src.text), "{name}: a fix edits {}", src.name);
            if src.name == name {
                entry_text = f.text.clone();
            } else {
                loader.fixed.insert(src.name.clone(), f.text.clone());
            }
        }
        let (after_db, after) = compile_with(name, entry_text, &loader);
        let remaining: Vec<_> = after.iter().map(|d| key(&after_db, d)).collect();
        for &i in &safe {
            let k = key(&db, &diags[i]);
            assert!(!remaining.contains(&k), "{name}: {k:?} is still reported after its fix");
        }
    }
    assert!(applied >= 4, "the fixtures exercise safe fixes ({applied} applied)");
}

/// The safe fixes of `many_fixable` make it lower, and the check of the
/// model then offers the unsafe host-bits fix.
#[test]
fn fixing_reveals_the_rules_and_unsafe_fixes_finish_the_job() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/many_fixable.arch");
    let loader = FixedLoader { dir: PathBuf::new(), fixed: BTreeMap::new() };
    let mut text = std::fs::read_to_string(&path).expect("fixture");
    let mut rounds = Vec::new();
    for _ in 0..5 {
        let (db, diags) = compile_with("f.arch", text.clone(), &loader);
        let codes: Vec<&str> = diags.iter().map(|d| d.code.as_str()).collect();
        rounds.push(codes.join(" "));
        let fixes = apply(&db, &diags, true);
        let Some(f) = fixes.files.first() else { break };
        text = f.text.clone();
    }
    assert_eq!(rounds, ["E0124 E0124 E0100 E0100", "E0201", ""]);
    assert!(text.contains("vpc shop 10.0.0.0/16") && text.contains("versioning: true"), "{text}");
}
