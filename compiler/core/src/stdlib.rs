//! The standard library: `.arch` modules under the top-level `stdlib/`,
//! embedded at compile time so that the browser build has them too.

/// Every stdlib module, by the name `use std/NAME` gives.
pub const MODULES: &[(&str, &str)] = &[
    ("vpc", include_str!("../../../stdlib/vpc.arch")),
    ("three_tier", include_str!("../../../stdlib/three_tier.arch")),
    ("serverless", include_str!("../../../stdlib/serverless.arch")),
];

pub fn module(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, text)| *text)
}
