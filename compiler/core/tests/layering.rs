//! The core's folders import each other in one direction only, as
//! ARCHITECTURE.md draws them: the model knows nothing of lowering, the
//! checker or diagnostics' rendering; lowering and the checker read the
//! model; rendering knows no stage but the registry. A `use crate::…` that
//! breaks this fails here, before it can grow into a cycle.

use std::collections::BTreeSet;
use std::path::Path;

/// Each part of `core/src`, and the parts of the crate it may name.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &["model"]),
    ("source.rs", &[]),
    ("lower", &["lower", "model", "diag", "source"]),
    ("plan", &["plan", "model"]),
    ("reach", &["reach", "plan", "model"]),
    ("check", &["check", "reach", "plan", "model", "diag"]),
    // `diag` lists the checker's codes in the registry and asks the stdlib
    // which files are its own (a fix never edits them); nothing more.
    ("diag", &["diag", "source", "check::codes", "lower::stdlib"]),
];

#[test]
fn core_folders_import_in_one_direction() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    let mut scanned = 0;
    for (part, allowed) in ALLOWED {
        let mut files = Vec::new();
        collect(&src.join(part), &mut files);
        assert!(!files.is_empty(), "no sources under {part}");
        for file in files {
            scanned += 1;
            for (line_no, used) in crate_paths(&std::fs::read_to_string(&file).expect("read source")) {
                if !allowed.iter().any(|a| used == *a || used.starts_with(&format!("{a}::"))) {
                    problems.push(format!("{}:{line_no}: `{part}` may not use `crate::{used}`", file.display()));
                }
            }
        }
    }
    assert!(scanned > 20, "only {scanned} files scanned");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn collect(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_file() {
        out.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else { return };
    for entry in entries.flatten() {
        let p = entry.path();
        // Unit tests may compile whole designs; they are not the module's face.
        if p.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        if p.is_dir() || p.extension().is_some_and(|e| e == "rs") {
            collect(&p, out);
        }
    }
}

/// `crate::a::b` paths named in code (not comments), up to the file's unit
/// tests.
fn crate_paths(text: &str) -> BTreeSet<(usize, String)> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("#[cfg(test)]") {
            break;
        }
        if code.starts_with("//") {
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let path: String =
                after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':').collect();
            let path = path.trim_end_matches(':').to_string();
            out.insert((i + 1, path));
            rest = after;
        }
    }
    out
}

#[test]
fn the_scanner_reads_paths_and_skips_comments() {
    let found = crate_paths("use crate::model::{A, B};\n// crate::lower\nlet x = crate::diag::codes::ALL;\n#[cfg(test)]\nuse crate::lower;\n");
    let paths: Vec<&str> = found.iter().map(|(_, p)| p.as_str()).collect();
    assert_eq!(paths, ["model", "diag::codes::ALL"]);
}
