fn main() {
    let path = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(path).unwrap();
    let (file, diags) = archc_syntax::parse(&src, archc_syntax::FileId(0));
    if std::env::args().nth(2).is_some() {
        println!("{file:#?}");
    }
    println!("{} stmts", file.stmts.len());
    for d in diags {
        println!("{} {:?} {:?} {:?} | {:?}", d.code, d.message, &src[d.span.range()], d.help, d.labels);
    }
}
