//! The whole front end on arbitrary bytes: parse, lower (with the stdlib
//! importable), render diagnostics in every format, hold the parser's fast
//! path to pest, and format. Any panic or
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
    // The fast path of the grammar is pest's grammar compiled by hand: when
    // it accepts a file, pest must accept it too, with the very same tree.
    if let Some(fast) = archc_syntax::parse_fast(&src, archc_core::FileId(0)) {
        let (pest, diags) = archc_syntax::parse_with_pest(&src, archc_core::FileId(0));
        assert!(diags.is_empty(), "the fast path accepted what pest refuses");
        assert_eq!(fast, pest, "the fast path and pest disagree");
    }
    if let Ok(once) = archc_syntax::fmt::format(&src) {
        let twice = archc_syntax::fmt::format(&once);
        assert_eq!(twice.as_deref().ok(), Some(once.as_str()), "fmt must be idempotent");
    }
});
