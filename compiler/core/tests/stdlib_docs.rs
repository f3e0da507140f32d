//! `docs/stdlib.md`, the user's reference of the standard library, is made
//! from `stdlib/*.arch` (an installed archc has no `stdlib/` folder to
//! read): each module's header comment, and per component its comment, its
//! parameters with their defaults, what it declares (names as written, such
//! as `public_${az}`) and its flows. This test regenerates the page and fails
//! when the file differs; after changing the stdlib, run
//!
//! ```sh
//! ARCHC_UPDATE_DOCS=1 cargo test -p archc-core --test stdlib_docs
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use archc_syntax::ast::{Block, Stmt, StmtKind};
use archc_syntax::FileId;

fn top() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const INTRO: &str = "\
# The standard library

<!-- Generated from stdlib/*.arch by compiler/core/tests/stdlib_docs.rs:
     edit the .arch files, then run
     ARCHC_UPDATE_DOCS=1 cargo test -p archc-core --test stdlib_docs -->

The standard library is built into archc: `use std/NAME` imports a module,
whose components are then instantiated like any other
([language reference, §11–12](language.md#11-modules-and-use)):

```arch
use std/vpc

region us-east-1 {
  multi_az_vpc shop { cidr: 10.0.0.0/16; azs: a, b, c }
}
```

A component's members are named inside its instance: the subnets above are
`shop.public_a`, `shop.private_b`, … (`${az}` stands for each zone letter of
`azs`; `$self` for the instance's own name). A parameter without a default
must be given. The comments below are those of the module's source.
";

/// The example of the introduction compiles.
#[test]
fn the_introduction_example_compiles() {
    let block = INTRO.split("```arch\n").nth(1).and_then(|rest| rest.split("```").next()).expect("an arch block");
    let (_, c) = archc_core::compile_str("intro.arch", block);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
}

/// The text of `span` in `src`.
fn slice(src: &str, span: archc_syntax::Span) -> &str {
    src.get(span.range()).unwrap_or("")
}

/// A statement's head: its text up to its body, on one line.
fn head(src: &str, stmt: &Stmt, body: Option<&Block>) -> String {
    let end = body.map_or(stmt.span.end, |b| b.span.start);
    let text = src.get(stmt.span.start as usize..end as usize).unwrap_or("");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The comment lines right above `line_start` (a run of own-line comments),
/// without their `#`.
fn comment_above(src: &str, offset: usize) -> Vec<String> {
    let before = &src[..src[..offset].rfind('\n').map_or(0, |i| i + 1)];
    let mut lines: Vec<String> = Vec::new();
    for line in before.lines().rev() {
        let Some(text) = line.trim_start().strip_prefix('#') else { break };
        lines.push(text.strip_prefix(' ').unwrap_or(text).trim_end().to_string());
    }
    lines.reverse();
    lines
}

/// The comment at the top of a module, up to its first blank line.
fn header(src: &str) -> Vec<String> {
    src.lines()
        .map_while(|l| l.strip_prefix('#'))
        .map(|t| t.strip_prefix(' ').unwrap_or(t).trim_end().to_string())
        .collect()
}

/// Declarations (nested) and flows of a component body.
fn walk(src: &str, stmts: &[Stmt], depth: usize, decls: &mut String, flows: &mut Vec<String>) {
    let indent = "  ".repeat(depth);
    for stmt in stmts {
        match &stmt.kind {
            StmtKind::Decl(d) if d.name.is_some() || d.body.is_some() || !d.args.is_empty() || !is_flag(src, d) => {
                let _ = writeln!(decls, "{indent}- `{}`", head(src, stmt, d.body.as_ref()));
                if let Some(body) = &d.body {
                    walk(src, &body.stmts, depth + 1, decls, flows);
                }
            }
            StmtKind::For(f) => {
                let _ = writeln!(decls, "{indent}- for each `{}` of `{}`:", f.var.text, values(src, &f.values));
                walk(src, &f.body.stmts, depth + 1, decls, flows);
            }
            StmtKind::Flow(f) => flows.push(head(src, stmt, f.body.as_ref())),
            _ => {}
        }
    }
}

/// A lone lower-case word that is a property flag (`multi_az`), not a kind.
fn is_flag(src: &str, d: &archc_syntax::ast::Decl) -> bool {
    let kind = slice(src, d.kind.span);
    archc_core::model::kinds::Kind::from_keyword(kind).is_none()
}

fn values(src: &str, vals: &[archc_syntax::ast::Value]) -> String {
    vals.iter().map(|v| slice(src, v.span)).collect::<Vec<_>>().join(", ")
}

fn module_doc(name: &str, src: &str) -> String {
    let (file, diags) = archc_syntax::parse(src, FileId(0));
    assert!(diags.is_empty(), "stdlib/{name}.arch has syntax errors: {diags:?}");
    let mut out = format!("\n## std/{name}\n\n");
    let head_lines = header(src);
    let intro: Vec<&String> = head_lines.iter().skip_while(|l| l.starts_with("std/")).collect();
    if let Some(first) = head_lines.first() {
        let _ = writeln!(out, "{}\n", first.split_once(" — ").map_or(first.as_str(), |(_, d)| d));
    }
    if intro.iter().any(|l| !l.is_empty()) {
        out.push_str("```text\n");
        for l in intro.iter().skip_while(|l| l.is_empty()) {
            let _ = writeln!(out, "{l}");
        }
        out.push_str("```\n");
    }
    let components: Vec<(&Stmt, &archc_syntax::ast::Component)> = file
        .stmts
        .iter()
        .filter_map(|s| match &s.kind {
            StmtKind::Component(c) => Some((s, c)),
            _ => None,
        })
        .collect();
    let _ = writeln!(
        out,
        "\nComponents: {}.",
        components.iter().map(|(_, c)| format!("[`{}`](#{})", c.name.text, c.name.text)).collect::<Vec<_>>().join(", ")
    );
    for (stmt, c) in components {
        let _ = writeln!(out, "\n### {}\n", c.name.text);
        let _ = writeln!(out, "`{}`\n", head(src, stmt, Some(&c.body)));
        let comment = comment_above(src, stmt.span.start as usize);
        if !comment.is_empty() {
            out.push_str("```text\n");
            for l in &comment {
                let _ = writeln!(out, "{l}");
            }
            out.push_str("```\n\n");
        }
        out.push_str("| parameter | default |\n|---|---|\n");
        for p in c.params.iter().flatten() {
            let default = p.default.as_ref().map_or("required".to_string(), |v| format!("`{}`", slice(src, v.span)));
            let _ = writeln!(out, "| `{}` | {default} |", p.name.text);
        }
        let (mut decls, mut flows) = (String::new(), Vec::new());
        walk(src, &c.body.stmts, 0, &mut decls, &mut flows);
        let _ = write!(out, "\nDeclares:\n\n{decls}");
        if !flows.is_empty() {
            out.push_str("\nFlows:\n\n");
            for f in flows {
                let _ = writeln!(out, "- `{f}`");
            }
        }
    }
    out
}

fn generate() -> String {
    let mut names: Vec<PathBuf> = std::fs::read_dir(top().join("stdlib"))
        .expect("stdlib/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "arch"))
        .collect();
    names.sort();
    assert!(names.len() >= 3, "the stdlib modules are missing");
    let mut out = INTRO.to_string();
    for path in names {
        let name = path.file_stem().and_then(|s| s.to_str()).expect("a module name").to_string();
        let src = std::fs::read_to_string(&path).expect("a stdlib module");
        out.push_str(&module_doc(&name, &src));
    }
    out
}

#[test]
fn docs_stdlib_md_matches_the_stdlib_sources() {
    let path = top().join("docs/stdlib.md");
    let want = generate();
    if std::env::var_os("ARCHC_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).expect("write docs/stdlib.md");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have != want {
        let first = have.lines().zip(want.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "docs/stdlib.md is out of date with stdlib/*.arch (first difference at line {}):\n  have: {:?}\n  want: {:?}\n\
             regenerate it: ARCHC_UPDATE_DOCS=1 cargo test -p archc-core --test stdlib_docs",
            first + 1,
            have.lines().nth(first).unwrap_or(""),
            want.lines().nth(first).unwrap_or("")
        );
    }
}

/// The page is made from the files; the binary embeds the modules. They
/// must be the same text, or the page documents something `use std/NAME`
/// does not import.
#[test]
fn the_stdlib_files_are_the_embedded_modules() {
    for entry in std::fs::read_dir(top().join("stdlib")).expect("stdlib/") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|x| x != "arch") {
            continue;
        }
        let name = path.file_name().and_then(|s| s.to_str()).expect("a name");
        let text = std::fs::read_to_string(&path).expect("a stdlib module");
        assert!(archc_core::is_stdlib_source(&format!("std:{name}"), &text), "{name} is not embedded as it is on disk");
    }
}
