//! archc's own service glyphs: a white line drawing on a rounded tile of the
//! service's AWS category colour, drawn in a 48×48 box (the SVG scales the box
//! to the glyph size the layout gives). Original drawings, one file per
//! category; each evokes its service rather than copying AWS artwork.

mod compute;
mod containers;
mod database;
mod external;
pub(crate) mod groups;
mod integration;
mod networking;
mod security;
mod storage;

use std::fmt::Write as _;

#[cfg(test)]
use svg::node::element::Use;
use svg::node::element::{Group, Path, Rectangle, Symbol};
use svg::node::Blob;

use crate::write::escape_attribute;

use crate::theme::category_colour;

/// One stroke of a glyph, in the 48×48 box.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Part {
    /// A white line.
    Line(&'static str),
    /// A solid white shape.
    Solid(&'static str),
    /// A shape filled with the tile colour and outlined in white: it hides
    /// what was drawn before it (the person behind another).
    Cover(&'static str),
}

/// The drawing for a kind keyword, or a generic one for a kind this writer
/// does not know yet.
pub(crate) fn parts(kind: &str) -> &'static [Part] {
    compute::glyph(kind)
        .or_else(|| containers::glyph(kind))
        .or_else(|| database::glyph(kind))
        .or_else(|| storage::glyph(kind))
        .or_else(|| networking::glyph(kind))
        .or_else(|| integration::glyph(kind))
        .or_else(|| security::glyph(kind))
        .or_else(|| external::glyph(kind))
        .or_else(|| groups::glyph(kind))
        .unwrap_or(GENERIC)
}

/// An unknown kind: a plain cube.
const GENERIC: &[Part] =
    &[Part::Line("M24 11L35 17.5V30.5L24 37L13 30.5V17.5Z"), Part::Line("M13 17.5L24 24L35 17.5M24 24V37")];

/// Every kind with a glyph of its own, for the gallery test.
pub const KINDS: &[&str] = &[
    "ec2",
    "asg",
    "lambda",
    "ecs",
    "eks",
    "rds",
    "aurora",
    "elasticache",
    "dynamodb",
    "s3",
    "efs",
    "alb",
    "nlb",
    "igw",
    "nat",
    "endpoint",
    "cloudfront",
    "route53",
    "tgw",
    "vpn",
    "dx",
    "apigw",
    "sqs",
    "sns",
    "kinesis",
    "stepfn",
    "eventbridge",
    "waf",
    "nacl",
    "users",
    "internet",
    "onprem",
];

/// One glyph on one tile colour: drawn once per document as a `<symbol>`
/// and placed with `<use>`, so a diagram of thousands of resources does not
/// repeat the drawing. The id is made of what is drawn, so two archc
/// diagrams inlined in one page agree on what each id means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct GlyphKey {
    kind: &'static str,
    colour: &'static str,
}

impl GlyphKey {
    /// The glyph of a kind keyword (a generic one for a kind without its own)
    /// on the tile of its category.
    pub(crate) fn of(kind: &str, category: &str) -> GlyphKey {
        let kind = KINDS.iter().find(|k| **k == kind).copied().unwrap_or("generic");
        GlyphKey { kind, colour: category_colour(category) }
    }

    /// The mark of a container kind (and subnet tier), if AWS draws one;
    /// `cloud`: the AWS Cloud mark's tile colour.
    pub(crate) fn group(kind: &str, tier: Option<&str>, cloud: &'static str) -> Option<GlyphKey> {
        groups::of(kind, tier, cloud).map(|(kind, colour)| GlyphKey { kind, colour })
    }

    pub(crate) fn id(self) -> String {
        format!("archc-{}-{}", self.kind, self.colour.trim_start_matches('#'))
    }

    /// The drawing, in a 48×48 box, for the document's `<defs>`.
    pub(crate) fn symbol(self) -> Symbol {
        let group = self.kind.starts_with("group-");
        // A group mark sits square in its box's corner, as AWS draws them.
        let tile = Rectangle::new()
            .set("width", 48)
            .set("height", 48)
            .set("rx", if group { 0 } else { 6 })
            .set("fill", self.colour);
        let mut lines = Group::new()
            .set("fill", "none")
            .set("stroke", "#FFFFFF")
            // Group marks are drawn small: a heavier line keeps them crisp.
            .set("stroke-width", if group { 3 } else { 2 })
            .set("stroke-linecap", "round")
            .set("stroke-linejoin", "round");
        for part in parts(self.kind) {
            let path = match *part {
                Part::Line(d) => Path::new().set("d", d),
                Part::Solid(d) => Path::new().set("d", d).set("fill", "#FFFFFF").set("stroke", "none"),
                Part::Cover(d) => Path::new().set("d", d).set("fill", self.colour),
            };
            lines = lines.add(path);
        }
        Symbol::new().set("id", self.id()).set("viewBox", "0 0 48 48").add(tile).add(lines)
    }

    /// The glyph placed at `(x, y)`, `size` wide and high.
    pub(crate) fn place(self, x: i32, y: i32, size: i32) -> Blob {
        place(&self.id(), x, y, size)
    }
}

/// A `<use>` of the symbol `id` at `(x, y)`, `size` wide and high: one per
/// resource, written straight to text in the bytes of [`place_element`].
pub(crate) fn place(id: &str, x: i32, y: i32, size: i32) -> Blob {
    let mut href = String::with_capacity(id.len() + 8);
    escape_attribute(&mut href, id);
    let mut s = String::with_capacity(2 * href.len() + 96);
    // The attributes in the crate's (sorted) order.
    let _ = write!(
        s,
        "<use height=\"{size}\" href=\"#{href}\" width=\"{size}\" x=\"{x}\" xlink:href=\"#{href}\" y=\"{y}\"/>"
    );
    Blob::new(s)
}

/// The `<use>` [`place`] writes, as an element.
#[cfg(test)]
fn place_element(id: &str, x: i32, y: i32, size: i32) -> Use {
    // `href` for SVG 2 readers, `xlink:href` for SVG 1.1 ones (older image
    // viewers and editors).
    Use::new()
        .set("href", format!("#{id}"))
        .set("xlink:href", format!("#{id}"))
        .set("x", x)
        .set("y", y)
        .set("width", size)
        .set("height", size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_writes_the_use_element() {
        for (id, x, y, size) in [("archc-glyph-alb", 10, -20, 48), ("a\"b&<c>'", 0, 0, 0)] {
            assert_eq!(place(id, x, y, size).to_string(), place_element(id, x, y, size).to_string());
        }
    }

    #[test]
    fn every_listed_kind_has_a_drawing_of_its_own() {
        for kind in KINDS {
            assert_ne!(format!("{:?}", parts(kind)), format!("{GENERIC:?}"), "{kind} falls back to the generic glyph");
        }
        let mut drawings: Vec<_> = KINDS.iter().map(|k| format!("{:?}", parts(k))).collect();
        drawings.sort();
        drawings.dedup();
        assert_eq!(drawings.len(), KINDS.len(), "two kinds share one drawing");
        assert_eq!(format!("{:?}", parts("quantum-ledger")), format!("{GENERIC:?}"));
    }

    #[test]
    fn keys_fall_back_to_generic_and_name_their_colour() {
        assert_eq!(GlyphKey::of("alb", "networking").id(), "archc-alb-8C4FFF");
        assert_eq!(GlyphKey::of("<evil>", "nonsense").id(), "archc-generic-7D8998");
        assert_eq!(
            GlyphKey::group("subnet", Some("public"), "#232F3E").map(GlyphKey::id).as_deref(),
            Some("archc-group-public-7AA116")
        );
        assert_eq!(GlyphKey::group("az", None, "#232F3E"), None);
    }
}
