//! The whole front end on arbitrary bytes: parse, lower (with the stdlib
//! importable), render diagnostics in every format, hold the parser's fast
//! path to pest, hold the tree to the nesting guard's bound, and format;
//! then, for what lowers, lay it out and draw it, refused flows included.
//! Any panic or
//! crash is a bug: every input must come back as diagnostics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let src = String::from_utf8_lossy(data);
    let (db, c) = archc_core::compile_str("fuzz.arch", &src);
    for d in &c.diagnostics {
        assert!(d.span.end as usize <= src.len() || d.span.file != archc_core::FileId(0));
        assert!(d.span.start <= d.span.end);
    }
    let _ = archc_core::diag::render_human(&db, &c.diagnostics, false);
    let _ = archc_core::diag::to_json(&db, &c.diagnostics);
    let _ = archc_core::diag::to_sarif(&db, &c.diagnostics, "fuzz");
    if let Some(model) = c.checked() {
        let refused = archc_layout::refusals(model, c.proofs().unwrap_or_default(), &c.diagnostics);
        let layout = archc_layout::layout(model, &refused);
        let _ = archc_svg::render(&layout, &archc_svg::Options::default());
    }
    // The fast path of the grammar is pest's grammar compiled by hand: when
    // it accepts a file, pest must accept it too, with the very same tree.
    if let Some(fast) = archc_syntax::parse_fast(&src, archc_core::FileId(0)) {
        let (pest, diags) = archc_syntax::parse_with_pest(&src, archc_core::FileId(0));
        assert!(diags.is_empty(), "the fast path accepted what pest refuses");
        assert_eq!(fast, pest, "the fast path and pest disagree");
    }
    // One depth rule: whatever the text, the tree is no deeper than the
    // nesting guard's bound, nor than MAX_NESTING (what every recursive pass
    // relies on to stay within the stack).
    let (tree, _) = archc_syntax::parse(&src, archc_core::FileId(0));
    let depth = depth::stmts(&tree.stmts);
    assert!(depth <= archc_syntax::MAX_NESTING, "a tree {depth} deep");
    assert!(depth <= archc_syntax::nesting_bound(&src), "a tree deeper than the guard's bound");
    if let Ok(once) = archc_syntax::fmt::format(&src) {
        let twice = archc_syntax::fmt::format(&once);
        assert_eq!(twice.as_deref().ok(), Some(once.as_str()), "fmt must be idempotent");
    }
});

/// How deep blocks and lists nest in a tree (a block or a list is 1).
mod depth {
    use archc_syntax::ast::{Stmt, StmtKind, Value, ValueKind};

    fn value(v: &Value) -> usize {
        match &v.kind {
            ValueKind::List(items) => 1 + values(items),
            _ => 0,
        }
    }

    fn values(list: &[Value]) -> usize {
        list.iter().map(value).max().unwrap_or(0)
    }

    pub fn stmts(list: &[Stmt]) -> usize {
        list.iter().map(stmt).max().unwrap_or(0)
    }

    fn stmt(s: &Stmt) -> usize {
        let own = match &s.kind {
            StmtKind::Property(p) => values(&p.values),
            StmtKind::Flow(f) => values(&f.ports),
            StmtKind::Setting(x) => value(&x.value),
            StmtKind::Component(c) => {
                c.params.iter().flatten().filter_map(|p| p.default.as_ref()).map(value).max().unwrap_or(0)
            }
            StmtKind::For(f) => values(&f.values),
            StmtKind::NaclRule(n) => value(&n.number).max(values(&n.ports)).max(value(&n.peer)),
            StmtKind::Decl(d) => values(&d.args),
            StmtKind::Use(_) | StmtKind::Peering(_) | StmtKind::Error(_) => 0,
        };
        own.max(s.kind.body().map_or(0, |b| 1 + stmts(&b.stmts)))
    }
}
