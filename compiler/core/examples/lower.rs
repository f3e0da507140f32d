//! Development aid: `cargo run -p archc-core --example lower FILE` prints the
//! diagnostics and, with a second argument, the model's nodes.
fn main() {
    let Some(path) = std::env::args().nth(1) else { return };
    let Ok(text) = std::fs::read_to_string(&path) else { return };
    let (db, c) = archc_core::compile_str(&path, &text);
    print!("{}", archc_core::diag::render_human(&db, &c.diagnostics, false));
    if std::env::args().nth(2).is_some() {
        for n in c.model().nodes() {
            println!("{:<40} {:?} parent={:?} placement={:?}", n.id, n.kind(), n.parent, n.placement);
        }
        for f in c.model().flows() {
            println!(
                "flow {} -> {} {:?}",
                c.model().node(f.from.value).id,
                c.model().node(f.to.value).id,
                f.ports.iter().map(|p| p.to_string()).collect::<Vec<_>>()
            );
        }
    }
}
