//! The small marks of AWS group boxes: the AWS Cloud, a region's flag, a
//! VPC's locked cloud, a subnet's lock (open for a public one). Drawn in a
//! container's top-left corner when the layout leaves room before its label.

use super::Part::{self, Line};

pub(super) fn glyph(kind: &str) -> Option<&'static [Part]> {
    match kind {
        "group-cloud" => Some(CLOUD),
        "group-region" => Some(REGION),
        "group-vpc" => Some(VPC),
        "group-public" => Some(PUBLIC),
        "group-private" | "group-isolated" => Some(PRIVATE),
        _ => None,
    }
}

/// The group glyph of a container kind (and subnet tier) and its tile
/// colour (`cloud`: the AWS Cloud's, which the theme picks); None for kinds
/// AWS draws without one (zones).
pub(crate) fn of(kind: &str, tier: Option<&str>, cloud: &'static str) -> Option<(&'static str, &'static str)> {
    match (kind, tier) {
        ("cloud", _) => Some(("group-cloud", cloud)),
        ("region", _) => Some(("group-region", "#00A4A6")),
        ("vpc", _) => Some(("group-vpc", "#8C4FFF")),
        ("subnet", Some("public")) => Some(("group-public", "#7AA116")),
        ("subnet", Some("isolated")) => Some(("group-isolated", "#7D8998")),
        ("subnet", _) => Some(("group-private", "#00A4A6")),
        _ => None,
    }
}

const CLOUD: &[Part] = &[Line("M15 34H33A7 7 0 0 0 34.5 20.2A10 10 0 0 0 15.5 18.5A7.8 7.8 0 0 0 15 34Z")];

const REGION: &[Part] = &[Line("M15 38V10M15 12H34L30 18L34 24H15")];

const VPC: &[Part] = &[
    Line("M15 34H33A7 7 0 0 0 34.5 20.2A10 10 0 0 0 15.5 18.5A7.8 7.8 0 0 0 15 34Z"),
    Line("M20.5 25H27.5V31H20.5ZM22 25V23A2 2 0 0 1 26 23V25"),
];

const PUBLIC: &[Part] = &[Line("M15 23H33V37H15Z"), Line("M18.5 23V16.5A5.5 5.5 0 0 1 29.5 16.5V17.5")];

const PRIVATE: &[Part] = &[Line("M15 23H33V37H15Z"), Line("M18.5 23V18A5.5 5.5 0 0 1 29.5 18V23")];
