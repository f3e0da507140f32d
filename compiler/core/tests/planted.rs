//! Planted mistakes: thirteen realistic designs (`tests/planted/*.arch`, from
//! SCENARIOS.md), each written the way a user would and each with one to four
//! mistakes a senior AWS architect would catch, listed in its first comment
//! block as `# planted: CODE what`. The checker must report every planted
//! code; docs/planted.md records what it caught and how each message read.
//!
//! `planted_designs_lower_and_list_their_mistakes` holds on every branch:
//! each design is valid archc apart from what was planted (no front-end
//! error, E01xx), and every planted line names a code of the table below.
//! `every_planted_mistake_is_caught` needs all of the checker's rules (it is
//! ignored until they are merged); run it with
//! `cargo test -p archc-core --test planted -- --include-ignored --nocapture`
//! to see every design's diagnostics and, per design, the codes found,
//! missed and unexpected.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use archc_core::diag::render_human;
use archc_core::{compile, LoadError, Loader, SourceDb};

/// The codes a design may plant: the checker's codes of issue 11.
const PLANTABLE: &[&str] = &[
    "E0202", "E0203", "E0204", "E0209", "E0210", "E0301", "E0302", "E0303", "W0304", "E0305", "W0306", "E0307",
    "E0401", "E0402", "E0403", "E0405", "E0406", "E0420", "E0421", "E0501", "E0502", "E0504", "E0505", "E0509",
    "W0510", "E0601", "W0602", "E0603", "W0604", "W0605", "W0606", "W0607", "W0608", "W0609", "W0610", "W0611",
    "W0612", "W0613", "W0614", "W0615", "E0701", "E0705", "E0708", "E0710",
];

struct NoImports;

impl Loader for NoImports {
    fn load(&self, _: &str) -> Result<String, LoadError> {
        Err(LoadError::NotFound)
    }
}

struct Design {
    name: String,
    /// `(code, what)` of each `# planted:` line.
    planted: Vec<(String, String)>,
    db: SourceDb,
    diagnostics: Vec<archc_core::Diagnostic>,
}

fn designs() -> Vec<Design> {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/planted");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/planted")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "arch"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a readable design");
            let name = path.file_name().and_then(|n| n.to_str()).expect("a file name").to_string();
            // The first comment block: the lines before the first that is not a comment.
            let planted = text
                .lines()
                .take_while(|l| l.starts_with('#'))
                .filter_map(|l| l.strip_prefix("# planted:"))
                .map(|rest| {
                    let rest = rest.trim();
                    let (code, what) = rest.split_once(' ').unwrap_or((rest, ""));
                    (code.to_string(), what.trim().to_string())
                })
                .collect();
            let mut db = SourceDb::new();
            let entry = db.add(&name, text);
            let c = compile(&mut db, entry, &NoImports);
            Design { name, planted, db, diagnostics: c.diagnostics }
        })
        .collect()
}

#[test]
fn planted_designs_lower_and_list_their_mistakes() {
    let designs = designs();
    assert!(designs.len() >= 12, "a dozen designs, found {}", designs.len());
    let mut problems = Vec::new();
    for d in &designs {
        if d.planted.is_empty() || d.planted.len() > 4 {
            problems.push(format!("{}: plants {} mistakes (1-4 expected)", d.name, d.planted.len()));
        }
        for (code, what) in &d.planted {
            if !PLANTABLE.contains(&code.as_str()) || what.is_empty() {
                problems.push(format!("{}: `# planted: {code} {what}` is not a plantable code with what", d.name));
            }
        }
        let front: Vec<_> = d.diagnostics.iter().filter(|x| x.code.as_str().starts_with("E01")).cloned().collect();
        if !front.is_empty() {
            problems.push(format!("{}: front-end errors:\n{}", d.name, render_human(&d.db, &front, false)));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_planted_mistake_is_caught() {
    let mut report = String::new();
    let mut messages = String::new();
    let (mut planted_total, mut caught_total) = (0, 0);
    let mut missed_any = Vec::new();
    for d in designs() {
        let mut got: BTreeSet<&str> = d.diagnostics.iter().map(|x| x.code.as_str()).collect();
        // A flow blocked by a route and by an ACL is one diagnostic with the
        // route's code and both blockers: the ACL mistake is caught there.
        if d.diagnostics.iter().flat_map(|x| &x.blockers).any(|b| b.reason == "SUBNET_ACL_RESTRICTION") {
            got.insert("E0405");
        }
        let planted: BTreeSet<&str> = d.planted.iter().map(|(c, _)| c.as_str()).collect();
        let found: Vec<&str> = planted.intersection(&got).copied().collect();
        let missed: Vec<&str> = planted.difference(&got).copied().collect();
        let unexpected: Vec<&str> = got.difference(&planted).copied().collect();
        planted_total += planted.len();
        caught_total += found.len();
        let _ = writeln!(
            report,
            "{:<28} planted {}  found {:?}  missed {:?}  unexpected {:?}",
            d.name,
            planted.len(),
            found,
            missed,
            unexpected
        );
        let _ = writeln!(messages, "==== {}\n{}", d.name, render_human(&d.db, &d.diagnostics, false));
        if !missed.is_empty() {
            missed_any.push(format!("{}: {missed:?}\n{}", d.name, render_human(&d.db, &d.diagnostics, false)));
        }
    }
    let _ = writeln!(report, "caught {caught_total} of {planted_total} planted mistakes");
    // With --nocapture: every message, to judge how each reads (docs/planted.md).
    println!("{messages}\n{report}");
    assert!(missed_any.is_empty(), "{report}\nmissed:\n{}", missed_any.join("\n"));
}
