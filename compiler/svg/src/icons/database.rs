//! Databases: RDS, Aurora, ElastiCache, DynamoDB; all cylinders, told apart
//! by what they carry.

use super::Part::{self, Line, Solid};

pub(super) fn glyph(kind: &str) -> Option<&'static [Part]> {
    match kind {
        "rds" => Some(RDS),
        "aurora" => Some(AURORA),
        "elasticache" => Some(ELASTICACHE),
        "dynamodb" => Some(DYNAMODB),
        _ => None,
    }
}

/// A cylinder with one band.
const RDS: &[Part] = &[
    Line("M13 15A11 4 0 1 0 35 15A11 4 0 1 0 13 15Z"),
    Line("M13 15V33A11 4 0 0 0 35 33V15"),
    Line("M13 24A11 4 0 0 0 35 24"),
];

/// A smaller cylinder and a spark: the cloud-native engine.
const AURORA: &[Part] = &[
    Line("M11 18A9 3.5 0 1 0 29 18A9 3.5 0 1 0 11 18Z"),
    Line("M11 18V33A9 3.5 0 0 0 29 33V18"),
    Line("M11 25.5A9 3.5 0 0 0 29 25.5"),
    Solid("M35 8L36.6 12.4L41 14L36.6 15.6L35 20L33.4 15.6L29 14L33.4 12.4Z"),
];

/// A cylinder with a lightning bolt: memory-fast.
const ELASTICACHE: &[Part] = &[
    Line("M13 15A11 4 0 1 0 35 15A11 4 0 1 0 13 15Z"),
    Line("M13 15V33A11 4 0 0 0 35 33V15"),
    Solid("M26 20L19.5 28.5H24L22 35L28.5 26.5H24Z"),
];

/// A table of items: three stacked discs.
const DYNAMODB: &[Part] = &[
    Line("M13 14A11 4 0 1 0 35 14A11 4 0 1 0 13 14Z"),
    Line("M13 14V34A11 4 0 0 0 35 34V14"),
    Line("M13 20.7A11 4 0 0 0 35 20.7M13 27.3A11 4 0 0 0 35 27.3"),
];
