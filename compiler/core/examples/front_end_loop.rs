//! Development aid for profiling: runs the whole front end (compile, the three
//! renderings, fmt) over the given files, repeatedly.
//! `cargo run --release -p archc-core --example front_end_loop -- N FILES…`
fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let files: Vec<String> = args.filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let mut diags = 0;
    for _ in 0..rounds {
        for src in &files {
            let (db, c) = archc_core::compile_str("f.arch", src);
            diags += c.diagnostics.len();
            let _ = archc_core::diag::render_human(&db, &c.diagnostics, false);
            let _ = archc_core::diag::to_sarif(&db, &c.diagnostics, "0");
            let _ = archc_syntax::fmt::format(src);
        }
    }
    println!("{} files x {rounds} rounds, {diags} diagnostics", files.len());
}
