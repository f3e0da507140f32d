//! `archc fmt` changes layout, never meaning: for every example, every stdlib
//! module and every `arch` block of LANGUAGE.md and docs/language.md,
//! formatting twice changes nothing and the compiled model (spans aside) and
//! the diagnostic codes are the same before and after.

use std::path::{Path, PathBuf};

fn top() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `.arch` files of a folder of the repository; an unreadable folder or
/// file fails the test rather than shrinking what it checks.
fn arch_files(dir: &str) -> Vec<(String, String)> {
    let rd = std::fs::read_dir(top().join(dir)).unwrap_or_else(|e| panic!("cannot list {dir}/: {e}"));
    let mut out: Vec<(String, String)> = rd
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "arch"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            (p.display().to_string(), text)
        })
        .collect();
    out.sort();
    out
}

/// LANGUAGE.md, the design contract, in `shared/design/` beside the
/// repository: `../shared` of a clone (CI, /work/main), or of a folder above
/// it (a git worktree kept below the project folder). Missing, it fails the
/// test: a skipped contract check passes vacuously.
fn language_md() -> PathBuf {
    let repo = std::fs::canonicalize(top()).expect("the repository folder");
    repo.ancestors()
        .skip(1)
        .map(|dir| dir.join("shared/design/LANGUAGE.md"))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("no shared/design/LANGUAGE.md beside {} or a folder above it", repo.display()))
}

/// The ```arch blocks of a Markdown file.
fn arch_blocks(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        match &mut current {
            None if line.trim_start() == "```arch" => current = Some(String::new()),
            Some(block) if line.trim_start().starts_with("```") => {
                out.push((format!("{}:{}", path.display(), n + 1), std::mem::take(block)));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    out
}

fn model_json(name: &str, src: &str) -> (serde_json::Value, Vec<&'static str>) {
    let (_, c) = archc_core::compile_str(name, src);
    let codes = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
    (serde_json::to_value(archc_core::model::view::view(c.model())).expect("the view serialises"), codes)
}

fn round_trip(name: &str, src: &str) -> bool {
    let Ok(once) = archc_syntax::fmt::format(src) else { return false };
    let twice = archc_syntax::fmt::format(&once).expect("formatted text parses");
    assert_eq!(once, twice, "{name}: formatting is not idempotent");
    let (before, codes_before) = model_json(name, src);
    let (after, codes_after) = model_json(name, &once);
    assert_eq!(codes_before, codes_after, "{name}: formatting changed the diagnostics");
    assert_eq!(before, after, "{name}: formatting changed the model");
    true
}

#[test]
fn examples_and_stdlib_round_trip() {
    let (examples, stdlib) = (arch_files("examples"), arch_files("stdlib"));
    assert!(examples.len() >= 10, "expected the examples, found {}", examples.len());
    assert!(stdlib.len() >= 3, "expected the stdlib modules, found {}", stdlib.len());
    for (name, src) in examples.iter().chain(&stdlib) {
        assert!(round_trip(name, src), "{name} has syntax errors");
        let (_, c) = archc_core::compile_str(name, src);
        assert!(!c.has_errors(), "{name} does not compile cleanly: {:?}", c.diagnostics);
    }
}

/// Every ```arch block of both language documents that is a program (not a
/// sketch with `…`) round-trips; each document must give some.
#[test]
fn language_snippets_round_trip() {
    for (doc, at_least) in [(language_md(), 1), (top().join("docs/language.md"), 5)] {
        let programs: Vec<(String, String)> =
            arch_blocks(&doc).into_iter().filter(|(_, src)| !src.contains('…')).collect();
        for (name, src) in &programs {
            assert!(round_trip(name, src), "{name} has syntax errors");
        }
        assert!(
            programs.len() >= at_least,
            "{}: {} arch blocks checked, expected at least {at_least}",
            doc.display(),
            programs.len()
        );
    }
}
