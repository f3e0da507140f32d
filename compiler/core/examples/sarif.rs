//! Development aid: prints the SARIF of a file's diagnostics.
fn main() {
    let Some(path) = std::env::args().nth(1) else { return };
    let Ok(text) = std::fs::read_to_string(&path) else { return };
    let (db, c) = archc_core::compile_str("errs.arch", &text);
    println!(
        "{}",
        serde_json::to_string_pretty(&archc_core::diag::to_sarif(&db, &c.diagnostics, "0.1.0")).unwrap_or_default()
    );
}
