//! The standard library: `.arch` modules under the top-level `stdlib/`,
//! embedded at compile time so that the browser build has them too.

/// Every stdlib module, by the name `use std/NAME` gives.
pub const MODULES: &[(&str, &str)] = &[
    ("vpc", include_str!("../../../../stdlib/vpc.arch")),
    ("three_tier", include_str!("../../../../stdlib/three_tier.arch")),
    ("serverless", include_str!("../../../../stdlib/serverless.arch")),
];

pub fn module(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}

/// The name a stdlib module has in the source database: `std:vpc.arch`.
/// A project file can never have it (project paths never hold `:`), so a
/// project folder called `std/` is just a folder.
pub fn file_name(module: &str) -> String {
    format!("std:{module}.arch")
}

/// The module of a stdlib file name (`std:vpc.arch` → `vpc`).
pub fn module_of_file(name: &str) -> Option<&str> {
    name.strip_prefix("std:")?.strip_suffix(".arch").filter(|m| module(m).is_some())
}

/// Whether a file of the source database is a stdlib module as embedded
/// (`std:vpc.arch` with the module's text): such a file keeps its name in
/// reports, which no file on disk can have.
pub fn is_stdlib_source(name: &str, text: &str) -> bool {
    module_of_file(name).and_then(module).is_some_and(|t| t == text)
}
