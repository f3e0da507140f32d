//! Compute: EC2 instances, Auto Scaling groups, Lambda functions.

use super::Part::{self, Line};

pub(super) fn glyph(kind: &str) -> Option<&'static [Part]> {
    match kind {
        "ec2" => Some(EC2),
        "asg" => Some(ASG),
        "lambda" => Some(LAMBDA),
        _ => None,
    }
}

/// A chip: a square die with pins on every side.
const EC2: &[Part] = &[
    Line("M16 16H32V32H16Z"),
    Line("M20 11V16M24 11V16M28 11V16M20 32V37M24 32V37M28 32V37"),
    Line("M11 20H16M11 24H16M11 28H16M32 20H37M32 24H37M32 28H37"),
];

/// A group that grows and shrinks: an instance with arrows out to both sides.
const ASG: &[Part] = &[
    Line("M19 19H29V29H19Z"),
    Line("M8 24H15M11 20.5L7.5 24L11 27.5"),
    Line("M33 24H40M37 20.5L40.5 24L37 27.5"),
    Line("M13 12H35V15M13 36H35V33M13 12V15M13 36V33"),
];

/// λ.
const LAMBDA: &[Part] = &[Line("M14 37L23 20"), Line("M15 11H20L31 36H35")];
