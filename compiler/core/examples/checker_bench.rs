//! The checker's benchmark, in-process (bench/checker.py runs it): compiles
//! each file once, then times, over many iterations, deriving the network
//! plan (`plan::derive`), proving every flow both ways
//! (`reach::prove_flows`), and the whole checker (`check::check`, which
//! proves the flows again and runs every rule). Prints one line per file:
//!
//!     FILE nodes=N flows=F blocked=B … derive_ms=… prove_ms=… total_ms=… check_ms=…
//!
//! Each figure is the median over the iterations, in milliseconds.
//! `total_ms` is derive + prove: the plan and every flow proven both ways,
//! the figure issue 11 sets an aim for. `check_ms` is the whole checker on
//! that plan (it proves the flows again, then runs every rule), so what
//! `compile` spends after lowering is derive + check.
//! `cargo run --release -p archc-core --example checker_bench -- ITERATIONS FILES…`

use std::time::Instant;

use archc_core::{check, plan, reach};

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(0.0)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let mut args = std::env::args().skip(1);
    let iterations: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20).max(1);
    for path in args {
        let Ok(src) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: cannot read");
            std::process::exit(2);
        };
        let (_db, c) = archc_core::compile_str(&path, &src);
        let Some(model) = c.checked() else {
            eprintln!("{path}: does not lower ({} errors)", c.error_count());
            std::process::exit(2);
        };
        let (mut derive, mut prove, mut checking) = (Vec::new(), Vec::new(), Vec::new());
        let mut blocked = 0;
        let mut diagnostics = 0;
        for _ in 0..iterations {
            let t = Instant::now();
            let p = plan::derive(model);
            derive.push(ms(t));
            let t = Instant::now();
            let proofs = reach::prove_flows(model, &p);
            prove.push(ms(t));
            blocked = proofs.iter().filter(|p| !p.reachable()).count();
            let t = Instant::now();
            diagnostics = check::check(model, &p).len();
            checking.push(ms(t));
            std::hint::black_box((&p, &proofs));
        }
        let (d, p, k) = (median(derive), median(prove), median(checking));
        println!(
            "{path} nodes={} flows={} blocked={blocked} diagnostics={diagnostics} iterations={iterations} derive_ms={d:.3} prove_ms={p:.3} total_ms={:.3} check_ms={k:.3}",
            model.nodes().len(),
            model.flows().len(),
            d + p
        );
    }
}
