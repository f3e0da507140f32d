//! Every rule of the checker is complete: its explanation has an example
//! that fails and a fix, and it has a failing fixture
//! (`fixtures/invalid/CODE_what.arch`) and its fixed twin
//! (`fixtures/valid/CODE_what.arch`, the same name), each with its
//! snapshot. A rule registered without one of these fails here.

use std::path::Path;

use archc_core::check::RULES;

#[test]
fn every_rule_has_docs_fixtures_and_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let list = |dir: &str| -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(root.join(dir))
            .expect("fixture folder")
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .collect();
        names.sort();
        names
    };
    let (invalid, valid, snapshots) = (list("fixtures/invalid"), list("fixtures/valid"), list("snapshots"));
    let mut problems = Vec::new();
    for (code, _) in RULES {
        let code = code.as_str();
        let doc = archc_core::diag::codes::lookup(code).expect("registered").explanation();
        for part in [format!("# {code}: "), "## Example".into(), "## Fix".into(), "https://".into()] {
            if !doc.contains(&part) {
                problems.push(format!("{code}: its explanation lacks `{part}`"));
            }
        }
        let prefix = format!("{code}_");
        let failing: Vec<&String> = invalid.iter().filter(|n| n.starts_with(&prefix) && n.ends_with(".arch")).collect();
        if failing.is_empty() {
            problems.push(format!("{code}: no failing fixture fixtures/invalid/{code}_what.arch"));
        }
        for name in failing {
            if !valid.contains(name) {
                problems.push(format!("{code}: fixtures/invalid/{name} has no fixed twin fixtures/valid/{name}"));
            }
            for (test, dir) in [("invalid_fixtures", "invalid"), ("valid_fixtures", "valid")] {
                let snap = format!("fixtures__{test}@{name}.snap");
                if (dir == "invalid" || valid.contains(name)) && !snapshots.contains(&snap) {
                    problems.push(format!("{code}: no snapshot snapshots/{snap}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
