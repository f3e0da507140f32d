//! One depth rule for every input (issue 10): whatever the text, the tree is
//! never nested deeper than `MAX_NESTING`, so no pass over it (the tree
//! builder, the fast path, lowering, the formatter) can overflow the stack.
//! Too deep is a diagnostic, never a crash. One hostile input per class of
//! deep thing, at the limit and far past it, through the parser and the
//! formatter (`compiler/cli/tests/depth.rs` runs them through `check` and
//! `fmt`; `scripts/wasm-hostile.sh` through the core built for wasm); and
//! generated soups of the characters that open, close or hide a brace hold
//! the tree to the guard's bound.

use archc_syntax::ast::*;
use archc_syntax::{fmt, nesting_bound, parse, parse_fast, parse_with_pest, FileId, MAX_NESTING};
use proptest::prelude::*;

fn value_depth(v: &Value) -> usize {
    match &v.kind {
        ValueKind::List(items) => 1 + values_depth(items),
        _ => 0,
    }
}

fn values_depth(values: &[Value]) -> usize {
    values.iter().map(value_depth).max().unwrap_or(0)
}

fn stmts_depth(stmts: &[Stmt]) -> usize {
    stmts.iter().map(stmt_depth).max().unwrap_or(0)
}

/// How deep blocks and lists nest in one statement (a block or a list is 1).
fn stmt_depth(s: &Stmt) -> usize {
    let values = match &s.kind {
        StmtKind::Property(p) => values_depth(&p.values),
        StmtKind::Flow(f) => values_depth(&f.ports),
        StmtKind::Setting(x) => value_depth(&x.value),
        StmtKind::Component(c) => {
            c.params.iter().flatten().filter_map(|p| p.default.as_ref()).map(value_depth).max().unwrap_or(0)
        }
        StmtKind::For(f) => values_depth(&f.values),
        StmtKind::NaclRule(n) => value_depth(&n.number).max(values_depth(&n.ports)).max(value_depth(&n.peer)),
        StmtKind::Decl(d) => values_depth(&d.args),
        StmtKind::Use(_) | StmtKind::Peering(_) | StmtKind::Error(_) => 0,
    };
    values.max(s.kind.body().map_or(0, |b| 1 + stmts_depth(&b.stmts)))
}

fn tree_depth(f: &File) -> usize {
    stmts_depth(&f.stmts)
}

/// What a hostile input must give, besides a tree within the bound.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Expect {
    /// The nesting diagnostic.
    TooDeep,
    /// Some other diagnostic: the braces are a string's, the line is bad.
    Error,
    /// Nothing: the braces are a valid string's.
    Clean,
}

/// The hostile inputs: each class of deep thing, `n` levels deep.
fn hostile(n: usize) -> Vec<(&'static str, String, Expect)> {
    use Expect::*;
    vec![
        ("blocks", "a {\n".repeat(n), TooDeep),
        ("closed blocks", format!("{}{}", "vpc a {\n".repeat(n), "}\n".repeat(n)), TooDeep),
        ("lists", format!("x: {}", "[".repeat(n)), TooDeep),
        ("lists and blocks", "a [{".repeat(n), TooDeep),
        ("a component's body", format!("component c() {{\n{}", "a {\n".repeat(n)), TooDeep),
        ("a parameter's default", format!("component c(a = {}) {{\n}}\n", "[".repeat(n)), TooDeep),
        ("`${` in a word", format!("x ${}", "{".repeat(n)), TooDeep),
        // Closers that pest does not count as closers must not lower the count.
        (
            "`]` and `)` in a bad line",
            format!("{}{}{}", "a {\n".repeat(64), "q q q q ]]]]))))\n".repeat(64), "b {\n".repeat(n)),
            TooDeep,
        ),
        (
            "`}` in a string",
            format!("{}x: \"{}\"\n{}", "a {\n".repeat(64), "}".repeat(200), "b {\n".repeat(n)),
            TooDeep,
        ),
        ("a raw string after `}`", format!("}}r#\"a\"# {}", "{".repeat(n)), TooDeep),
        (
            "`$r\"` is a parameter and a string",
            format!("a -> $r\"x\\\"{}\"\n{}", "}".repeat(200), "b {\n".repeat(n)),
            TooDeep,
        ),
        // The issue's input: `${` that is no interpolation, in a string.
        ("`${` in an unterminated string", format!("title \"${}", "{".repeat(n)), Error),
        ("`${` in a string", format!("title \"${}\"\n", "{".repeat(n)), Error),
        ("`${` in a string closed by `}`", format!("title \"${} }}\n", "{".repeat(n)), Error),
        ("a string in a bad line", format!("x y z w \"{}\"\n", "{".repeat(n)), Error),
        // Linear, not a scan to the end of the line per quote: 50,000 deep,
        // this line has 100,000 strings.
        ("many strings on a line", format!("x y z w {}\n", "\"\\\"\\}".repeat(n)), Error),
        ("a string", format!("title \"{}\"\n", "{".repeat(n)), Clean),
        ("a raw string", format!("title r#\"{}\"#\n", "{".repeat(n)), Clean),
        ("a comment", format!("# {}\n", "{".repeat(n)), Clean),
    ]
}

/// What every input must give: no crash, a tree within the bound, and the
/// formatter's answer.
fn bounded(class: &str, src: &str) -> Vec<archc_syntax::Diagnostic> {
    let (tree, diags) = parse(src, FileId(0));
    let depth = tree_depth(&tree);
    assert!(depth <= MAX_NESTING, "{class}: a tree {depth} deep");
    assert!(depth <= nesting_bound(src), "{class}: a tree {depth} deep, over the guard's bound {}", nesting_bound(src));
    let formatted = fmt::format(src);
    assert_eq!(formatted.is_err(), !diags.is_empty(), "{class}: fmt and parse disagree");
    diags
}

#[test]
fn too_deep_is_a_diagnostic_whatever_the_deep_thing() {
    let too_deep = format!("blocks and lists nested more than {MAX_NESTING} deep");
    for n in [MAX_NESTING + 1, 50_000] {
        for (class, src, expect) in hostile(n) {
            let diags = bounded(class, &src);
            let deep = diags.iter().any(|d| d.message == too_deep);
            let got = match (deep, diags.is_empty()) {
                (true, _) => Expect::TooDeep,
                (false, false) => Expect::Error,
                (false, true) => Expect::Clean,
            };
            assert_eq!(got, expect, "{class} ({n} deep): {:?}", diags.iter().map(|d| &d.message).collect::<Vec<_>>());
        }
    }
}

#[test]
fn the_limit_itself_parses_and_formats() {
    let blocks = format!("{}{}", "vpc a {\n".repeat(MAX_NESTING), "}\n".repeat(MAX_NESTING));
    let lists = format!("x: {}{}\n", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
    let both =
        format!("{}x: {}{}\n{}", "a {\n".repeat(MAX_NESTING / 2), "[".repeat(64), "]".repeat(64), "}\n".repeat(64));
    for src in [blocks, lists, both] {
        let (tree, diags) = parse(&src, FileId(0));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(tree_depth(&tree), MAX_NESTING);
        let once = fmt::format(&src).expect("formats");
        assert_eq!(fmt::format(&once).expect("formats again"), once);
    }
}

/// What opens, closes or hides a brace, in a good line or a bad one.
const PIECES: &[&str] = &[
    "{", "}", "[", "]", "(", ")", "\"", "${", "$", "r\"", "r#\"", "\"#", "#", "\\", ";", "\n", " ", "a", "r",
    "x y z w ", "a: ", ",", "->", " }\n", "${a}", "-", ".",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]
    #[test]
    fn the_tree_is_never_deeper_than_the_guard_says(pieces in prop::collection::vec(0..PIECES.len(), 0..120)) {
        let src: String = pieces.iter().map(|&i| PIECES[i]).collect();
        let bound = nesting_bound(&src);
        let (tree, _) = parse_with_pest(&src, FileId(0));
        prop_assert!(tree_depth(&tree) <= bound, "pest: {} > {bound} on {src:?}", tree_depth(&tree));
        if let Some(fast) = parse_fast(&src, FileId(0)) {
            prop_assert!(tree_depth(&fast) <= bound, "fast path: {} > {bound} on {src:?}", tree_depth(&fast));
        }
    }
}
