//! Measures layouts given as JSON (archc's own, `archc render --format
//! layout-json`, or another tool's converted into that shape by
//! bench/layout.py): prints one line of `quality::measure` JSON per file.
//!
//!     cargo run --release -p archc-layout --example layout_measure -- LAYOUT.json...

use std::process::ExitCode;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: layout_measure LAYOUT.json...");
        return ExitCode::from(2);
    }
    for path in paths {
        let layout: archc_layout::Layout = match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(l) => l,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        match serde_json::to_string(&archc_layout::quality::measure(&layout)) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
