//! The plan of every example and of every valid fixture with a network, as
//! `archc plan` prints it: these snapshots are the proof the plan is right
//! (read them when they change).

use std::path::{Path, PathBuf};

use archc_core::plan::{render_human_with, view::view};
use archc_core::{compile, Compilation, LoadError, Loader, SourceDb};

/// Reads imports from the design's own folder.
struct DirLoader(PathBuf);

impl Loader for DirLoader {
    fn load(&self, path: &str) -> Result<String, LoadError> {
        std::fs::read_to_string(self.0.join(path)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound,
            _ => LoadError::Unreadable(e.kind().to_string()),
        })
    }
}

fn compile_file(path: &Path) -> (SourceDb, Compilation) {
    let text = std::fs::read_to_string(path).expect("design readable");
    let name = path.file_name().and_then(|n| n.to_str()).expect("design name");
    let dir = path.parent().expect("design folder").to_path_buf();
    let mut db = SourceDb::new();
    let entry = db.add(name, text);
    let c = compile(&mut db, entry, &DirLoader(dir));
    (db, c)
}

fn designs(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("a folder of designs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "arch"))
        .collect();
    files.sort();
    files
}

/// The human plan of each design, snapshotted as `plan__PREFIX_STEM`; with
/// `only_networks`, designs whose plan is empty are skipped.
fn snapshot_all(dir: &str, prefix: &str, only_networks: bool) -> usize {
    let mut n = 0;
    for path in designs(dir) {
        let (db, c) = compile_file(&path);
        let (Some(model), Some(plan)) = (c.checked(), c.plan()) else {
            panic!("{} should lower without errors: {:#?}", path.display(), c.diagnostics);
        };
        if only_networks && plan.route_tables.is_empty() && plan.permissions.is_empty() {
            continue;
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("a file stem");
        // The JSON view serialises (and names only nodes of the model).
        serde_json::to_string(&view(model, plan)).expect("the plan view serialises");
        insta::assert_snapshot!(format!("{prefix}_{stem}"), render_human_with(model, plan, &|span| locate(&db, span)));
        n += 1;
    }
    n
}

#[test]
fn examples() {
    assert!(snapshot_all("../../examples", "example", false) >= 12);
}

#[test]
fn valid_fixtures_with_a_network() {
    assert!(snapshot_all("tests/fixtures/valid", "fixture", true) > 0);
}

/// Where a span is, as the plan prints it: `line 12` in the entry file,
/// `NAME:12` in an imported one.
fn locate(db: &SourceDb, span: archc_core::Span) -> Option<String> {
    let src = db.get(span.file)?;
    let (line, _) = src.line_col(span.start as usize);
    Some(if span.file.0 == 0 { format!("line {line}") } else { format!("{}:{line}", src.name) })
}
