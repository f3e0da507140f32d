//! Diagnostics out: the code registry, "did you mean", and the three
//! renderings (rustc-style text, the JSON of INTERFACES.md, SARIF 2.1.0).
//! The [`Diagnostic`](archc_syntax::Diagnostic) value itself lives in the
//! syntax crate, the lowest stage that reports.

pub mod codes;
pub mod fix;
mod render;
pub(crate) mod suggest;

pub use suggest::did_you_mean;

pub use render::{
    blockers_json, escape, render_human, to_json, to_sarif, to_uri, write_human, MAX_DOCUMENT_PER_FILE,
    MAX_HUMAN_PER_FILE, MAX_LINE_CHARS,
};
