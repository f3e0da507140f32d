//! Storage: S3 buckets and EFS file systems.

use super::Part::{self, Line};

pub(super) fn glyph(kind: &str) -> Option<&'static [Part]> {
    match kind {
        "s3" => Some(S3),
        "efs" => Some(EFS),
        _ => None,
    }
}

/// A bucket: an open rim over a tapering body.
const S3: &[Part] =
    &[Line("M11 15A13 4.5 0 1 0 37 15A13 4.5 0 1 0 11 15Z"), Line("M11 15L15 34A9 3.5 0 0 0 33 34L37 15")];

/// A shared folder.
const EFS: &[Part] = &[Line("M10 15H20L23 18.5H38V35H10Z"), Line("M10 23H38"), Line("M17 29H31")];
