//! Fixture tests over `tests/fixtures/`:
//!
//! - every `valid/*.arch` compiles without a diagnostic, and a compact
//!   printout of its model (one line per node, flow and peering, plus the
//!   settings) is snapshotted;
//! - every `invalid/*.arch` is snapshotted as the human diagnostics it gives.
//!   A fixture named `CODE_what.arch` gives exactly the code CODE; a first
//!   comment line `# expect: CODE CODE…` lists exactly the codes a fixture
//!   gives (the `many_*` fixtures, which prove that independent errors are all
//!   reported in one run). Every registered code has a fixture.
//!
//! A fixture is compiled as the root-relative file `NAME.arch`; it may import
//! `./lib/…`, which is read from the `lib/` folder beside it (folders are not
//! fixtures themselves). Snapshots live in `tests/snapshots/`; after an
//! intended change, review them with `cargo insta review` (or run the tests
//! with `INSTA_UPDATE=always` and read the diff).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use archc_core::diag::codes;
use archc_core::diag::{render_human, to_json, to_sarif};
use archc_core::model::view::view;
use archc_core::model::Model;
use archc_core::{compile, Compilation, LoadError, Loader, SourceDb};
use serde_json::Value;

/// Reads imports from the fixture's own folder.
struct DirLoader(PathBuf);

impl Loader for DirLoader {
    fn load(&self, path: &str) -> Result<String, LoadError> {
        std::fs::read_to_string(self.0.join(path)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound,
            std::io::ErrorKind::InvalidData => LoadError::Unreadable("it is not UTF-8 text".into()),
            _ => LoadError::Unreadable(e.kind().to_string()),
        })
    }
}

fn compile_fixture(path: &Path) -> (SourceDb, Compilation) {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let name = path.file_name().and_then(|n| n.to_str()).expect("fixture name");
    let dir = path.parent().expect("fixture folder").to_path_buf();
    let mut db = SourceDb::new();
    let entry = db.add(name, text);
    let c = compile(&mut db, entry, &DirLoader(dir));
    (db, c)
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

// ---------------------------------------------------------------- valid

#[test]
fn valid_fixtures() {
    insta::glob!("fixtures/valid/*.arch", |path| {
        let (db, c) = compile_fixture(path);
        assert!(
            c.diagnostics.is_empty(),
            "{} should compile cleanly:\n{}",
            path.display(),
            render_human(&db, &c.diagnostics, false)
        );
        insta::assert_snapshot!(model_text(c.model()));
    });
}

/// One line per node (`id kind field=value… in subnets`), flow and peering,
/// after a line of settings, printed from the model's view (the wire form).
/// Only what was written shows (and structural facts such as a subnet's
/// zone); resolved defaults are left out. The builtin `internet` is left out.
fn model_text(m: &Model) -> String {
    let v = view(m);
    let mut out = String::new();
    let s = &v.settings;
    let _ = writeln!(
        out,
        "settings title={} direction={} theme={}",
        s.title.as_ref().map_or("-".to_string(), |t| format!("{t:?}")),
        s.direction,
        s.theme,
    );
    for node in v.nodes.iter().filter(|n| n.kind != "internet") {
        let mut line = format!("{} {}", node.id, node.kind);
        for (key, value) in &node.props {
            let _ = write!(line, " {key}={}", compact(value));
        }
        for (key, value) in [("label", &node.label), ("description", &node.description)] {
            if let Some(v) = value {
                let _ = write!(line, " {key}={v:?}");
            }
        }
        if !node.placement.is_empty() {
            let _ = write!(line, " in {}", node.placement.join(", "));
        }
        let _ = writeln!(out, "{line}");
    }
    for f in &v.flows {
        let mut line = format!("flow {} -> {} : {}", f.from, f.to, f.ports.join(", "));
        if !f.ports_written {
            line.push_str(" (natural)");
        }
        if let Some(l) = &f.label {
            let _ = write!(line, " {l:?}");
        }
        for (key, value) in [("pattern", &f.pattern), ("filter", &f.filter), ("description", &f.description)] {
            if let Some(v) = value {
                let _ = write!(line, " {key}={v:?}");
            }
        }
        if let Some(b) = &f.batch_size {
            let _ = write!(line, " batch_size={b}");
        }
        let _ = writeln!(out, "{line}");
    }
    for p in &v.peerings {
        let mut line = format!("peering {} {} <-> {}", p.name, p.left, p.right);
        if let Some(d) = &p.dns {
            let _ = write!(line, " dns={d}");
        }
        if let Some(l) = &p.label {
            let _ = write!(line, " label={l:?}");
        }
        let _ = writeln!(out, "{line}");
    }
    out
}

/// A JSON value of the view, compactly: simple strings bare.
fn compact(v: &Value) -> String {
    match v {
        Value::Object(o) => {
            let parts: Vec<String> = o.iter().map(|(k, v)| format!("{k}={}", compact(v))).collect();
            format!("{{{}}}", parts.join(" "))
        }
        Value::Array(a) => format!("[{}]", a.iter().map(compact).collect::<Vec<_>>().join(", ")),
        Value::String(s) if s.chars().all(|c| c.is_ascii_alphanumeric() || "._-/:".contains(c)) && !s.is_empty() => {
            s.clone()
        }
        other => other.to_string(),
    }
}

// ---------------------------------------------------------------- invalid

/// The codes a fixture must give: its name's code, or its `# expect:` line.
fn expected_codes(path: &Path, text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let prefix = stem.split('_').next().unwrap_or_default();
    if codes::all().any(|c| c.as_str() == prefix) {
        out.insert(prefix.to_string());
    }
    if let Some(list) = text.lines().next().and_then(|l| l.strip_prefix("# expect:")) {
        out.extend(list.split_whitespace().map(str::to_string));
    }
    out
}

#[test]
fn invalid_fixtures() {
    insta::glob!("fixtures/invalid/*.arch", |path| {
        let (db, c) = compile_fixture(path);
        let text = db.get(archc_core::FileId(0)).map(|s| s.text.clone()).unwrap_or_default();
        let expected = expected_codes(path, &text);
        assert!(!expected.is_empty(), "{}: name it CODE_what.arch or start it with `# expect: CODES`", path.display());
        let rendered = render_human(&db, &c.diagnostics, false);
        let got: BTreeSet<String> = c.diagnostics.iter().map(|d| d.code.to_string()).collect();
        assert_eq!(got, expected, "{}: the codes given differ from those expected:\n{rendered}", path.display());
        insta::assert_snapshot!(rendered);
    });
}

#[test]
fn every_code_has_an_invalid_fixture() {
    let names: Vec<String> = std::fs::read_dir(fixtures_dir().join("invalid"))
        .expect("fixtures/invalid")
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .collect();
    let missing: Vec<&str> = codes::all()
        .map(|c| c.as_str())
        .filter(|code| !names.iter().any(|n| n.starts_with(&format!("{code}_"))))
        .collect();
    assert!(missing.is_empty(), "no fixture invalid/CODE_….arch for {missing:?}");
}

/// Diagnostics come out in file and source order, each once, so the output
/// is stable and reads top to bottom.
#[test]
fn diagnostics_are_sorted_and_unique() {
    for entry in std::fs::read_dir(fixtures_dir().join("invalid")).expect("fixtures/invalid").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "arch") {
            continue;
        }
        let (_, c) = compile_fixture(&path);
        let keys: Vec<_> = c.diagnostics.iter().map(|d| (d.span.file, d.span.start)).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{}: diagnostics out of order", path.display());
        for (i, d) in c.diagnostics.iter().enumerate() {
            assert!(!c.diagnostics[..i].contains(d), "{}: `{}` reported twice", path.display(), d.message);
        }
    }
}

// ---------------------------------------------------------------- JSON and SARIF

fn span_keys_ok(span: &Value) -> bool {
    ["file", "line", "column", "end_line", "end_column"].iter().all(|k| span.get(k).is_some())
        && span["file"].is_string()
        && ["line", "column", "end_line", "end_column"].iter().all(|k| span[k].as_u64().is_some_and(|n| n >= 1))
}

/// `archc check --format json`: the shape of INTERFACES.md.
#[test]
fn json_has_the_interface_shape() {
    let (db, c) = compile_fixture(&fixtures_dir().join("invalid/E0106_duplicate_name.arch"));
    let v = to_json(&db, &c.diagnostics);
    let diags = v["diagnostics"].as_array().expect("diagnostics is an array");
    assert_eq!(diags.len(), c.diagnostics.len());
    assert_eq!(v["errors"].as_u64(), Some(c.error_count() as u64));
    assert_eq!(v["warnings"].as_u64(), Some(c.warning_count() as u64));
    for d in diags {
        assert!(d["code"].as_str().is_some_and(|s| s.starts_with('E') || s.starts_with('W')), "{d}");
        assert!(matches!(d["severity"].as_str(), Some("error" | "warning")), "{d}");
        assert!(d["message"].is_string(), "{d}");
        assert!(span_keys_ok(&d["span"]), "{d}");
        assert!(d["help"].is_string() || d["help"].is_null(), "{d}");
        for l in d["labels"].as_array().expect("labels is an array") {
            assert!(span_keys_ok(&l["span"]) && l["message"].is_string(), "{l}");
        }
    }
    // The second of two declarations is the place, the first a label.
    let dup = &diags[0];
    assert_eq!(dup["code"], "E0106");
    assert_eq!(dup["span"]["file"], "E0106_duplicate_name.arch");
    assert!(dup["span"]["line"].as_u64() > dup["labels"][0]["span"]["line"].as_u64());
}

/// Lines and columns count from 1, columns in Unicode scalar values.
#[test]
fn json_columns_count_characters() {
    let (db, c) = archc_core::compile_str("u.arch", "title \"Café — ☕\"\nvcp x\n");
    let v = to_json(&db, &c.diagnostics);
    let span = &v["diagnostics"][0]["span"];
    assert_eq!(
        (span["line"].as_u64(), span["column"].as_u64(), span["end_column"].as_u64()),
        (Some(2), Some(1), Some(4))
    );
    // `vcp` after a string holding `é` (2 bytes) and `☕` (3 bytes).
    let (db, c) = archc_core::compile_str("u.arch", "title \"Café ☕\"; vcp x\n");
    let v = to_json(&db, &c.diagnostics);
    let span = &v["diagnostics"][0]["span"];
    assert_eq!(
        (span["line"].as_u64(), span["column"].as_u64(), span["end_column"].as_u64()),
        (Some(1), Some(17), Some(20)),
        "{v}"
    );
}

/// `archc check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it.
#[test]
fn sarif_has_the_code_scanning_shape() {
    let (db, c) = compile_fixture(&fixtures_dir().join("invalid/many_independent_errors.arch"));
    let v = to_sarif(&db, &c.diagnostics, "9.9.9");
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "archc");
    assert_eq!(run["tool"]["driver"]["version"], "9.9.9");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let rule_ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    for r in rules {
        assert!(r["shortDescription"]["text"].as_str().is_some_and(|s| !s.is_empty()), "{r}");
        assert!(r["help"]["markdown"].as_str().is_some_and(|s| s.contains("## Example")), "{r}");
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), c.diagnostics.len());
    for r in results {
        let rule = r["ruleId"].as_str().expect("ruleId");
        assert!(rule_ids.contains(&rule), "{rule} is not among the rules");
        let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rule_ids[index], rule);
        assert!(matches!(r["level"].as_str(), Some("error" | "warning" | "note")), "{r}");
        assert!(r["message"]["text"].is_string(), "{r}");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "many_independent_errors.arch");
        assert!(loc["region"]["startLine"].as_u64().is_some_and(|n| n >= 1), "{r}");
        assert!(loc["region"]["startColumn"].as_u64().is_some_and(|n| n >= 1), "{r}");
    }
}

#[test]
fn sarif_leaves_unsafe_fixes_out() {
    // The host-bits fix may change meaning (`/16` may have meant `/24`):
    // SARIF consumers apply fixes unasked, so it is not exported.
    let (db, c) = compile_fixture(&fixtures_dir().join("invalid/E0201_cidr_host_bits.arch"));
    assert!(c.diagnostics.iter().all(|d| d.fix.as_ref().is_some_and(|f| !f.is_safe())));
    let v = to_sarif(&db, &c.diagnostics, "0");
    let results = v["runs"][0]["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for r in results {
        assert_eq!(r["ruleId"], "E0201");
        assert!(r.get("fixes").is_none(), "{r}");
    }
    // JSON shows every fix, with how far it can be trusted.
    let v = to_json(&db, &c.diagnostics);
    for d in v["diagnostics"].as_array().expect("diagnostics") {
        assert_eq!(d["fix"]["applicability"], "unsafe", "{d}");
        assert_eq!(d["suggestion"]["replacement"], d["fix"]["edits"][0]["replacement"], "{d}");
    }
}

#[test]
fn sarif_exports_safe_fixes_only() {
    // `from` in an outbound rule: the direction says the keyword is `to`.
    let (db, c) = archc_core::compile_str(
        "f.arch",
        "region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    nacl n {\n      allow out 100 tcp/443 from 0.0.0.0/0\n    }\n  }\n}\n",
    );
    let fixable = c.diagnostics.iter().find(|d| d.fix.as_ref().is_some_and(|f| f.is_safe())).expect("a safe fix");
    let v = to_sarif(&db, &c.diagnostics, "0");
    let result = v["runs"][0]["results"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["ruleId"] == fixable.code.as_str()))
        .expect("the result");
    assert_eq!(result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"], "to");
}

// ---------------------------------------------------------------- builder

/// `valid/every_property.arch` writes every property of every kind: each
/// must reach the model as a written field (a builder that misreads a key
/// leaves its field absent or defaulted), and every kind of the table but
/// the predefined `internet` must appear.
#[test]
fn every_property_reaches_the_model() {
    use archc_core::model::kinds::{Kind, KINDS};
    let (db, c) = compile_fixture(&fixtures_dir().join("valid/every_property.arch"));
    assert!(c.diagnostics.is_empty(), "{}", render_human(&db, &c.diagnostics, false));
    let m = c.checked().expect("checked");
    for spec in KINDS {
        assert!(m.of_kind(spec.kind).next().is_some(), "no `{}` in the fixture", spec.keyword);
    }
    for node in m.nodes().iter().filter(|n| n.kind() != Kind::Internet) {
        let written: BTreeSet<&str> = node.kind.fields().iter().filter(|f| f.written).filter_map(|f| f.key).collect();
        let unwritten: Vec<&str> =
            node.kind().spec().props.iter().map(|p| p.key).filter(|k| !written.contains(k)).collect();
        // A kind may appear twice (a bare `s3 backup`): one full node suffices.
        let full = m.of_kind(node.kind()).any(|(_, other)| {
            let w: BTreeSet<&str> = other.kind.fields().iter().filter(|f| f.written).filter_map(|f| f.key).collect();
            other.kind().spec().props.iter().all(|p| w.contains(p.key))
        });
        assert!(full, "{}: properties not in the model: {unwritten:?}", node.id);
    }
    assert!(m.settings.title.is_some() && m.settings.direction.written && m.settings.theme.written);
}
