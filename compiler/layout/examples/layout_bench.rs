//! Times archc's diagram in process, for bench/layout.py: compiles the
//! design once, then lays it out and draws the SVG `RUNS` times, and prints
//! one JSON line with the medians (ms) and the sizes. Writes the layout to
//! `OUT.json` (what bench/layout.py measures and hands to the peer tools),
//! and the picture to `OUT.svg` when given, to look at.
//!
//!     cargo run --release -p archc-layout --example layout_bench -- DESIGN.arch RUNS OUT.json [OUT.svg]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use archc_core::{compile, LoadError, Loader, SourceDb};

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

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

fn run(design: &Path, runs: usize, out: &Path, svg_out: Option<&Path>) -> Result<String, String> {
    let text = std::fs::read_to_string(design).map_err(|e| format!("{}: {e}", design.display()))?;
    let dir = design.parent().map(Path::to_path_buf).unwrap_or_default();
    let name = design.file_name().and_then(|n| n.to_str()).unwrap_or("design.arch");
    let started = Instant::now();
    let mut db = SourceDb::new();
    let entry = db.add(name, text);
    let c = compile(&mut db, entry, &DirLoader(dir));
    let compile_ms = ms(started);
    let model = c.checked().ok_or_else(|| format!("{}: does not lower: {:?}", design.display(), c.diagnostics))?;
    let refusals = archc_layout::refusals(model, c.proofs().unwrap_or_default(), &c.diagnostics);
    let (mut layout_ms, mut render_ms, mut total_ms) = (Vec::new(), Vec::new(), Vec::new());
    let mut last = None;
    let mut svg = String::new();
    for _ in 0..runs.max(1) {
        let t0 = Instant::now();
        let layout = archc_layout::layout(model, &refusals);
        let laid = ms(t0);
        let t1 = Instant::now();
        svg = render(&layout);
        render_ms.push(ms(t1));
        total_ms.push(ms(t0));
        layout_ms.push(laid);
        last = Some(layout);
    }
    let layout = last.unwrap_or_default();
    let json = serde_json::to_string(&layout).map_err(|e| e.to_string())?;
    std::fs::write(out, json).map_err(|e| format!("{}: {e}", out.display()))?;
    if let Some(path) = svg_out {
        std::fs::write(path, &svg).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let svg_bytes = svg.len();
    Ok(format!(
        "{{\"nodes\": {}, \"edges\": {}, \"containers\": {}, \"flows\": {}, \"runs\": {}, \"compile_ms\": {compile_ms:.3}, \"layout_ms\": {:.3}, \"render_ms\": {:.3}, \"total_ms\": {:.3}, \"svg_bytes\": {svg_bytes}}}",
        layout.nodes.len(),
        layout.edges.len(),
        layout.containers.len(),
        model.flows().len(),
        runs.max(1),
        median(layout_ms),
        median(render_ms),
        median(total_ms),
    ))
}

/// The SVG of the layout, with the default options (light theme, archc's
/// own icons): what `archc render` adds to a compile, with the layout.
fn render(layout: &archc_layout::Layout) -> String {
    archc_svg::render(layout, &archc_svg::Options::default())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (design, runs, out, svg) = match args.as_slice() {
        [design, runs, out] => (design, runs, out, None),
        [design, runs, out, svg] => (design, runs, out, Some(Path::new(svg))),
        _ => {
            eprintln!("usage: layout_bench DESIGN.arch RUNS OUT.json [OUT.svg]");
            return ExitCode::from(2);
        }
    };
    let Ok(runs) = runs.parse::<usize>() else {
        eprintln!("RUNS must be a number");
        return ExitCode::from(2);
    };
    match run(Path::new(design), runs, Path::new(out), svg) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
