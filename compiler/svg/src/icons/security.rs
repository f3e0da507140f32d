//! Security: WAF and network ACLs.

use super::Part::{self, Line};

pub(super) fn glyph(kind: &str) -> Option<&'static [Part]> {
    match kind {
        "waf" => Some(WAF),
        "nacl" => Some(NACL),
        _ => None,
    }
}

/// A brick wall.
const WAF: &[Part] = &[
    Line("M10 13H38V35H10Z"),
    Line("M10 20.3H38M10 27.7H38"),
    Line("M19 13V20.3M29 13V20.3M14 20.3V27.7M24 20.3V27.7M34 20.3V27.7M19 27.7V35M29 27.7V35"),
];

/// A shield with a tick.
const NACL: &[Part] =
    &[Line("M24 10L36 14.5V24C36 31 31 35.5 24 38C17 35.5 12 31 12 24V14.5Z"), Line("M18.5 24L22.5 28L30 20")];
