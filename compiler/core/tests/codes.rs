//! The code registry and its explanations (`codes/CODE.md`, printed by
//! `archc explain`).
//!
//! Every explanation has a title line `# CODE: title`, an `## Example` section
//! whose example fails with exactly that code, and a `## Fix` section whose
//! example compiles without a diagnostic. Both are checked here by compiling
//! them.
//!
//! # The convention for examples
//!
//! In each of the two sections, the fenced block whose info string is just
//! `arch` is the example's entry file; it is compiled as `main.arch` at the
//! root of a project. An example that needs further files (imports, E0118 to
//! E0120) gives each in a block whose info string is `arch file=PATH`, PATH
//! being relative to the project root (`arch file=net/vpc.arch`); they are
//! served to the compiler by an in-memory loader; with the further word
//! `unreadable` (```` ```arch file=net.arch unreadable ````) the loader finds
//! the file but cannot read it as UTF-8 text (E0127). A ```text block in the
//! `## Example` section quotes the header line of the diagnostic the example
//! gives (`error[E0106]: the name `assets` is declared twice`); each such
//! line must be in the example's actual output. Other fenced blocks are prose.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use archc_core::diag::codes;
use archc_core::{compile, Diagnostic, LoadError, Loader, SourceDb};

/// The arch blocks of one section: the entry file and the other files.
#[derive(Debug, Default)]
struct Example {
    entry: Vec<String>,
    files: BTreeMap<String, String>,
    /// Files that exist but cannot be read (`arch file=PATH unreadable`).
    unreadable: BTreeSet<String>,
    /// The `error[…]: …` lines quoted in ```text blocks: the output the
    /// example is said to give.
    quoted: Vec<String>,
}

/// The `## Example` and `## Fix` sections of an explanation.
fn examples(markdown: &str) -> BTreeMap<String, Example> {
    let mut out: BTreeMap<String, Example> = BTreeMap::new();
    let mut section = String::new();
    let mut block: Option<(String, String)> = None; // (info, text)
    for line in markdown.lines() {
        if let Some((info, text)) = &mut block {
            if line.trim_start().starts_with("```") {
                let (info, text) = block.take().unwrap_or_default();
                let mut words = info.split_whitespace();
                let ex = out.entry(section.clone()).or_default();
                match words.next() {
                    Some("arch") => {}
                    Some("text") => {
                        let heads = text.lines().filter(|l| l.starts_with("error[") || l.starts_with("warning["));
                        ex.quoted.extend(heads.map(str::to_string));
                        continue;
                    }
                    _ => continue,
                }
                let words: Vec<&str> = words.collect();
                match words.iter().find_map(|w| w.strip_prefix("file=")) {
                    Some(path) if words.contains(&"unreadable") => {
                        ex.unreadable.insert(path.to_string());
                    }
                    Some(path) => {
                        ex.files.insert(path.to_string(), text);
                    }
                    None => ex.entry.push(text),
                }
                continue;
            }
            let _ = info;
            text.push_str(line);
            text.push('\n');
            continue;
        }
        if let Some(info) = line.trim_start().strip_prefix("```") {
            block = Some((info.trim().to_string(), String::new()));
        } else if let Some(h) = line.strip_prefix("## ") {
            section = h.trim().to_string();
        }
    }
    assert!(block.is_none(), "an unclosed code fence");
    out
}

fn compile_example(ex: &Example) -> (SourceDb, Vec<Diagnostic>) {
    let mut db = SourceDb::new();
    let entry = db.add("main.arch", ex.entry[0].clone());
    let c = compile(&mut db, entry, &Files(ex));
    (db, c.diagnostics)
}

/// The example's files, from memory.
struct Files<'a>(&'a Example);

impl Loader for Files<'_> {
    fn load(&self, path: &str) -> Result<String, LoadError> {
        if self.0.unreadable.contains(path) {
            return Err(LoadError::Unreadable("it is not UTF-8 text".into()));
        }
        self.0.files.load(path)
    }
}

fn rendered(db: &SourceDb, diags: &[Diagnostic]) -> String {
    archc_core::diag::render_human(db, diags, false)
}

#[test]
fn codes_are_unique_sorted_and_named() {
    let mut seen = BTreeSet::new();
    let mut names = BTreeSet::new();
    for c in codes::all() {
        assert!(seen.insert(c.as_str()), "{} is registered twice", c.as_str());
        assert!(names.insert(c.name()), "the name {} is used twice", c.name());
        let bytes = c.as_str().as_bytes();
        assert!(
            bytes.len() == 5 && matches!(bytes[0], b'E' | b'W') && c.as_str()[1..].chars().all(|d| d.is_ascii_digit()),
            "{} is not a code",
            c.as_str()
        );
        assert!(
            c.name().chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'),
            "{}: name `{}` is not kebab-case",
            c.as_str(),
            c.name()
        );
        assert!(
            !c.summary().is_empty() && !c.summary().ends_with('.'),
            "{}: a summary is a phrase without a full stop",
            c.as_str()
        );
    }
    let codes: Vec<&str> = codes::all().map(|c| c.as_str()).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(codes, sorted, "CODES is kept in code order");
}

#[test]
fn every_explanation_has_a_title_an_example_and_a_fix() {
    for c in codes::all() {
        let first = c.explanation().lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("# {}: ", c.as_str())),
            "{}: the first line must be `# {}: title`, not {first:?}",
            c.as_str(),
            c.as_str()
        );
        let ex = examples(c.explanation());
        for section in ["Example", "Fix"] {
            let Some(e) = ex.get(section) else {
                panic!("{}: no `## {section}` section with an ```arch block", c.as_str())
            };
            assert_eq!(
                e.entry.len(),
                1,
                "{}: `## {section}` must have exactly one plain ```arch block (the entry file)",
                c.as_str()
            );
        }
        assert!(
            !ex["Example"].quoted.is_empty(),
            "{}: the example quotes the `error[…]` line it gives in a ```text block",
            c.as_str()
        );
    }
}

#[test]
fn every_failing_example_fails_with_its_code_and_every_fix_compiles() {
    let mut problems = Vec::new();
    for c in codes::all() {
        let ex = examples(c.explanation());
        let (Some(bad), Some(good)) = (ex.get("Example"), ex.get("Fix")) else { continue };
        if bad.entry.is_empty() || good.entry.is_empty() {
            continue;
        }
        let (db, diags) = compile_example(bad);
        let codes: BTreeSet<&str> = diags.iter().map(|d| d.code.as_str()).collect();
        let output = rendered(&db, &diags);
        if codes != BTreeSet::from([c.as_str()]) {
            problems.push(format!(
                "{}: the example must fail with {} alone, it gives {codes:?}:\n{output}",
                c.as_str(),
                c.as_str()
            ));
        }
        for line in &bad.quoted {
            if !output.lines().any(|l| l == line) {
                problems
                    .push(format!("{}: the explanation quotes `{line}`, but the example gives:\n{output}", c.as_str()));
            }
        }
        let (db, diags) = compile_example(good);
        if !diags.is_empty() {
            problems.push(format!("{}: the fix must compile cleanly:\n{}", c.as_str(), rendered(&db, &diags)));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// docs/diagnostics.md, the catalogue, has a row for every code.
#[test]
fn the_catalogue_lists_every_code() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/diagnostics.md");
    let doc = std::fs::read_to_string(&path).expect("docs/diagnostics.md");
    for c in codes::all() {
        let row = format!("| {} | `{}` | {} |", c.as_str(), c.name(), c.summary());
        assert!(doc.contains(&row), "docs/diagnostics.md has no row `{row}`");
    }
}
