//! No input panics, and every diagnostic points inside its source: random
//! soups of archc tokens (and bytes that are not) go through the whole front
//! end — parse, lower, render, JSON, SARIF, format.

use archc_core::diag::{render_human, to_json, to_sarif};
use archc_core::{compile_str, Diagnostic, Span};
use proptest::prelude::*;

const TOKENS: &[&str] = &[
    "region",
    "ap-northeast-2",
    "us-east-1",
    "vpc",
    "az",
    "a",
    "c",
    "public",
    "private",
    "isolated",
    "subnet",
    "igw",
    "nat",
    "gateway",
    "interface",
    "endpoint",
    "alb",
    "internal",
    "asg",
    "rds",
    "lambda",
    "s3",
    "sqs",
    "cloudfront",
    "route53",
    "tgw",
    "vpn",
    "onprem",
    "users",
    "internet",
    "nacl",
    "allow",
    "deny",
    "in",
    "out",
    "from",
    "to",
    "peering",
    "component",
    "for",
    "use",
    "as",
    "std/vpc",
    "./x.arch",
    "../y.arch",
    "title",
    "direction",
    "theme",
    "shop",
    "web",
    "app",
    "db",
    "pub_a",
    "$azs",
    "${az}",
    "pub_${az}",
    "$",
    "10.0.0.0/16",
    "10.0.0.1/16",
    "10.0.300.0/24",
    "0.0.0.0/0",
    "/24",
    "/99",
    "443",
    "8000-8100",
    "tcp/443",
    "udp/53",
    "https",
    "postgres",
    "30s",
    "15m",
    "512MB",
    "20GiB",
    "1.5",
    "true",
    "multi_az",
    "listen",
    "engine",
    "origins",
    "->",
    "<->",
    "<-",
    ":",
    ";",
    ",",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "=",
    ".",
    "\"label\"",
    "\"unterminated",
    "\"esc \\q\"",
    "\"\\u{110000}\"",
    "# comment",
    "\n",
    "\n",
    "\n",
    "—",
    "é",
    "\u{0}",
    "\t",
    "\r\n",
    "\\",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(TOKENS), prop::sample::select(&[" ", "", "  ", "\n"][..])), 0..80)
        .prop_map(|parts| parts.into_iter().map(|(t, sep)| format!("{t}{sep}")).collect())
}

fn assert_in_source(src: &str, name: &str, span: Span, what: &str) {
    assert!(span.end as usize <= src.len(), "{what} span {span:?} beyond the source ({} bytes) of {name}", src.len());
    assert!(span.start <= span.end, "{what} span {span:?} runs backwards");
    assert!(
        src.is_char_boundary(span.start as usize) && src.is_char_boundary(span.end as usize),
        "{what} span {span:?} splits a character"
    );
}

fn check(src: &str) {
    let (db, c) = compile_str("soup.arch", src);
    let file = db.id_of("soup.arch").expect("the entry file is in the db");
    for d in &c.diagnostics {
        check_diag(&db, file, src, d);
    }
    let _ = render_human(&db, &c.diagnostics, true);
    let _ = to_json(&db, &c.diagnostics);
    let _ = to_sarif(&db, &c.diagnostics, "test");
    if let Ok(formatted) = archc_syntax::fmt::format(src) {
        // What formats, formats to itself.
        assert_eq!(
            archc_syntax::fmt::format(&formatted).ok().as_deref(),
            Some(formatted.as_str()),
            "fmt is not idempotent on {src:?}"
        );
    }
}

fn check_diag(db: &archc_core::SourceDb, file: archc_core::FileId, src: &str, d: &Diagnostic) {
    assert!(
        archc_core::diag::codes::lookup(d.code.as_str()).is_some(),
        "{} is not in the code registry",
        d.code.as_str()
    );
    assert!(!d.message.is_empty());
    let spans = std::iter::once(("primary", d.span)).chain(d.labels.iter().map(|l| ("label", l.span)));
    for (what, span) in spans {
        if span.file == file {
            assert_in_source(src, "soup.arch", span, what);
        } else {
            let other = db.get(span.file).expect("a label's file is in the db");
            assert_in_source(&other.text, &other.name, span, what);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_never_panics(src in soup()) {
        check(&src);
    }

    #[test]
    fn arbitrary_text_never_panics(src in "\\PC{0,200}") {
        check(&src);
    }
}

#[test]
fn pathological_inputs() {
    for src in [
        "",
        "{",
        "}",
        "{{{{{{{{",
        "}}}}}}",
        "\"",
        "a ->",
        "-> b",
        "$",
        "${",
        "${}",
        "region",
        "vpc x 1.2.3.4/40",
        &"{".repeat(5000),
        &"a -> ".repeat(2000),
        "component c(x) { c y { x: 1 } }\nc z { x: 2 }",
    ] {
        check(src);
    }
}
