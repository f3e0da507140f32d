//! Development aid: `cargo run -p archc-syntax --example dump FILE [tree]`
//! prints the statement count and the syntax diagnostics (and the tree).
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE [tree]");
        return;
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            return;
        }
    };
    let (file, diags) = archc_syntax::parse(&src, archc_syntax::FileId(0));
    if std::env::args().nth(2).is_some() {
        println!("{file:#?}");
    }
    println!("{} stmts", file.stmts.len());
    for d in diags {
        let text = src.get(d.span.range()).unwrap_or("");
        println!("{} {:?} {:?} {:?}", d.code.as_str(), d.message, text, d.help);
    }
}
