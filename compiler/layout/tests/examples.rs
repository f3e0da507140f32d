//! The layout of every example, as `archc render --format layout-json`
//! prints it, snapshotted: a change in placement or routing shows here, box
//! by box, and must be looked at (render the PNGs: scripts/render-examples.sh).

use std::path::{Path, PathBuf};

use archc_core::{compile, Compilation, LoadError, Loader, SourceDb};

struct DirLoader(PathBuf);

impl Loader for DirLoader {
    fn load(&self, path: &str) -> Result<String, LoadError> {
        std::fs::read_to_string(self.0.join(path)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound,
            _ => LoadError::Unreadable(e.kind().to_string()),
        })
    }
}

fn compile_file(path: &Path) -> Compilation {
    let text = std::fs::read_to_string(path).expect("design readable");
    let name = path.file_name().and_then(|n| n.to_str()).expect("design name");
    let mut db = SourceDb::new();
    let entry = db.add(name, text);
    compile(&mut db, entry, &DirLoader(path.parent().expect("folder").to_path_buf()))
}

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "arch"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_example_lays_out_as_snapshotted() {
    let files = examples();
    assert!(files.len() >= 10, "only {} examples", files.len());
    for path in files {
        let c = compile_file(&path);
        let model = c.checked().unwrap_or_else(|| panic!("{} lowers", path.display()));
        assert!(!c.has_errors(), "{}: {:#?}", path.display(), c.diagnostics);
        let refused = archc_layout::refusals(model, c.proofs().unwrap_or_default(), &c.diagnostics);
        let layout = archc_layout::layout(model, &refused);
        // Deterministic: a second run gives the same layout.
        assert_eq!(layout, archc_layout::layout(model, &refused), "{}", path.display());
        assert_eq!(layout.nodes.is_empty(), model.nodes().len() <= 1, "{}", path.display());
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("stem").to_string();
        insta::assert_json_snapshot!(format!("layout__{stem}"), layout);
    }
}
