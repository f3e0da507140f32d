//! The syntax of archc: the pest grammar (`grammar/archc.pest`), a typed syntax
//! tree in which every node carries its byte span, and the canonical formatter.
//!
//! Nothing of pest leaks out of this crate: [`parse`] returns an [`ast::File`]
//! and the syntax diagnostics, and never fails. Parsing recovers at statement
//! and block boundaries, so one run reports every syntax error of a file.

pub mod ast;
mod comments;
pub mod diag;
mod expected;
mod fast;
pub mod fmt;
mod parser;
mod remap;
pub mod span;

pub use comments::{comments, Comment};
pub use diag::{Applicability, Code, Diagnostic, Edit, Fix, FlowBlocker, Label, Severity};
pub use parser::{nesting_bound, parse, parse_fast, parse_with_pest, MAX_NESTING};
pub use span::{FileId, Span};
