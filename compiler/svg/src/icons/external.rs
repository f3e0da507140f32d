//! Outside AWS: users, the internet, on-premises networks.

use super::Part::{self, Cover, Line, Solid};

pub(super) fn glyph(kind: &str) -> Option<&'static [Part]> {
    match kind {
        "users" => Some(USERS),
        "internet" => Some(INTERNET),
        "onprem" => Some(ONPREM),
        _ => None,
    }
}

/// Two people, one in front of the other.
const USERS: &[Part] = &[
    Line("M30.5 11A4.5 4.5 0 1 0 30.5 20A4.5 4.5 0 1 0 30.5 11Z"),
    Line("M30.5 23C35.5 23 38.5 26.5 38.5 31V33H32"),
    Cover("M19 16A5 5 0 1 0 19 26A5 5 0 1 0 19 16Z"),
    Cover("M9.5 38V35.5C9.5 30.5 13.5 28.5 19 28.5C24.5 28.5 28.5 30.5 28.5 35.5V38Z"),
];

/// A globe: meridian, equator, two parallels.
const INTERNET: &[Part] = &[
    Line("M24 11A13 13 0 1 0 24 37A13 13 0 1 0 24 11Z"),
    Line("M24 11C18 15 18 33 24 37C30 33 30 15 24 11Z"),
    Line("M11 24H37M13 17.5H35M13 30.5H35"),
];

/// An office building with a lower wing.
const ONPREM: &[Part] = &[
    Line("M13 38V11H28V38M28 19H36V38M9 38H39"),
    Solid("M16.5 14.5h3v3h-3zM22 14.5h3v3h-3zM16.5 20.5h3v3h-3zM22 20.5h3v3h-3zM16.5 26.5h3v3h-3zM22 26.5h3v3h-3zM30.5 23h3v3h-3zM30.5 29h3v3h-3z"),
    Line("M19 38V33H22V38"),
];
