//! What the diagram tests share: compiling a design from its file (imports
//! read from its folder) and listing the examples. Also used by archc-svg's
//! tests (`#[path]`), which draw the same examples.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

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

pub fn compile_file(path: &Path) -> Compilation {
    let text = std::fs::read_to_string(path).expect("design readable");
    let name = path.file_name().and_then(|n| n.to_str()).expect("design name");
    let dir = path.parent().expect("design folder").to_path_buf();
    let mut db = SourceDb::new();
    let entry = db.add(name, text);
    compile(&mut db, entry, &DirLoader(dir))
}

/// `examples/*.arch`, sorted.
pub fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the examples folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "arch"))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "only {} examples", files.len());
    files
}

/// The layout of a compiled design, refused flows drawn from its proofs.
pub fn lay_out(name: &str, c: &Compilation) -> archc_layout::Layout {
    let model = c.checked().unwrap_or_else(|| panic!("{name} should lower: {:#?}", c.diagnostics));
    let refused = archc_layout::refusals(model, c.proofs().unwrap_or_default(), &c.diagnostics);
    archc_layout::layout(model, &refused)
}
