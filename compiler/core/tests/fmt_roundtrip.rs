//! `archc fmt` changes layout, never meaning: for every example, every stdlib
//! module and every `arch` block of LANGUAGE.md and docs/language.md,
//! formatting twice changes nothing and the compiled model (spans aside) and
//! the diagnostic codes are the same before and after.

use std::path::{Path, PathBuf};

fn top() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn arch_files(dir: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(top().join(dir))
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "arch"))
                .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// The ```arch blocks of a Markdown file.
fn arch_blocks(path: &Path) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(path) else { return Vec::new() };
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
    let files: Vec<_> = arch_files("examples").into_iter().chain(arch_files("stdlib")).collect();
    assert!(files.len() >= 5, "expected the examples and the stdlib, found {}", files.len());
    for (name, src) in &files {
        assert!(round_trip(name, src), "{name} has syntax errors");
        let (_, c) = archc_core::compile_str(name, src);
        assert!(!c.has_errors(), "{name} does not compile cleanly: {:?}", c.diagnostics);
    }
}

#[test]
fn language_snippets_round_trip() {
    let mut checked = 0;
    for doc in [top().join("../shared/design/LANGUAGE.md"), top().join("docs/language.md")] {
        for (name, src) in arch_blocks(&doc) {
            // Blocks with `…` are sketches, not programs.
            if !src.contains('…') && round_trip(&name, &src) {
                checked += 1;
            }
        }
    }
    assert!(checked >= 1, "no arch block was checked");
}
