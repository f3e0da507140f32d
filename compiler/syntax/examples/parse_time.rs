//! Benchmark aid: `parse_time FILE [ROUNDS]` parses FILE ROUNDS times and
//! prints the best time in seconds (the syntax front end alone, without
//! process start, reading or lowering). Used by bench/front_end_vs_base.py.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_time FILE [ROUNDS]");
        return;
    };
    let rounds: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(20);
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            return;
        }
    };
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = std::time::Instant::now();
        let out = archc_syntax::parse(&src, archc_syntax::FileId(0));
        best = best.min(t.elapsed().as_secs_f64());
        std::hint::black_box(out);
    }
    println!("{best:.6}");
}
