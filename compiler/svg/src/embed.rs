//! The user's icons: each distinct file embedded once, as a `<symbol>`
//! holding an `<image>` with a `data:` URL (an image runs no script and its
//! ids cannot clash with the diagram's), and placed with `<use>`.

use svg::node::element::{Image, Symbol};

use crate::xml::base64;
use crate::Icon;

/// An id made from the icon's bytes (FNV-1a, 64 bits): the same file gets
/// the same id in every diagram, so two diagrams inlined in one page agree.
pub(crate) fn id(icon: &Icon) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in icon.svg.as_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("archc-icon-{hash:016x}")
}

/// The icon in a 48×48 box, for the document's `<defs>`.
pub(crate) fn symbol(icon: &Icon) -> Symbol {
    let url = format!("data:image/svg+xml;base64,{}", base64(icon.svg.as_bytes()));
    Symbol::new()
        .set("id", id(icon))
        .set("viewBox", "0 0 48 48")
        .add(Image::new().set("width", 48).set("height", 48).set("href", url.clone()).set("xlink:href", url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_bytes() {
        let a = Icon { svg: "<svg/>".into() };
        let b = Icon { svg: "<svg />".into() };
        assert_eq!(id(&a), id(&a.clone()));
        assert_ne!(id(&a), id(&b));
        // FNV-1a of the empty input is its offset basis.
        assert_eq!(id(&Icon::default()), "archc-icon-cbf29ce484222325");
    }
}
