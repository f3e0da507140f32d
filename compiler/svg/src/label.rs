//! Text exactly where the layout put it: one `<text>` per line of a
//! [`TextBox`], never measured here.

use archc_layout::text::line_height;
use archc_layout::{Anchor, TextBox};
use std::fmt::Write as _;
use svg::node::element::Element;

use svg::node::{Blob, Node, Text};

use crate::write::{escape_attribute, escape_text};
use crate::xml::clean;

/// The baseline of a line whose box starts at `top`: the font's ascent sits
/// the line's leading below the top (DejaVu Sans: about 0.95 em).
fn baseline(top: i32, size: i32) -> i32 {
    top.saturating_add((size.saturating_mul(19) + 10) / 20)
}

/// A `<text>` element holding `content` with no whitespace around it (the
/// crate's own `Text` element puts its content on a line of its own, which
/// a script reading `textContent` would see).
pub(crate) fn text(content: &str) -> Element {
    let mut element = Element::new("text");
    element.append(Text::new(clean(content)));
    element
}

/// Sets an attribute, builder style, on a plain element.
pub(crate) fn with(mut element: Element, name: &str, value: impl Into<svg::node::Value>) -> Element {
    element.assign(name, value);
    element
}

/// The lines of `text_box`, painted in `colour`.
pub(crate) fn lines(text_box: &TextBox, colour: &str) -> Vec<Element> {
    // Bounded: `line_height` multiplies, and a layout read from JSON may say anything.
    let size = text_box.size.clamp(1, 4096);
    let step = line_height(size);
    let r = text_box.rect;
    let (x, anchor) = match text_box.anchor {
        Anchor::Start => (r.x, "start"),
        Anchor::Middle => (r.x.saturating_add(r.w / 2), "middle"),
    };
    let mut out = Vec::with_capacity(text_box.lines.len());
    let mut top = r.y;
    for line in &text_box.lines {
        let mut text = text(line);
        text.assign("x", x);
        text.assign("y", baseline(top, size));
        text.assign("font-size", size);
        text.assign("fill", colour);
        if anchor == "middle" {
            text.assign("text-anchor", anchor);
        }
        if text_box.bold {
            text.assign("font-weight", "bold");
        }
        out.push(text);
        top = top.saturating_add(step);
    }
    out
}

/// The lines of `text_box` as [`lines`] draws them (and [`halo`] when
/// `halo` names the background), each written straight to its text: the
/// same bytes the crate writes for those elements, without a tree of
/// attribute maps for the most numerous element of a diagram.
pub(crate) fn line_blobs(text_box: &TextBox, colour: &str, halo: Option<&str>) -> Vec<Blob> {
    let size = text_box.size.clamp(1, 4096);
    let step = line_height(size);
    let r = text_box.rect;
    let (x, middle) = match text_box.anchor {
        Anchor::Start => (r.x, false),
        Anchor::Middle => (r.x.saturating_add(r.w / 2), true),
    };
    let mut out = Vec::with_capacity(text_box.lines.len());
    let mut top = r.y;
    for line in &text_box.lines {
        // The attributes in the crate's (sorted) order.
        let mut s = String::with_capacity(160 + line.len());
        s.push_str("<text fill=\"");
        escape_attribute(&mut s, colour);
        let _ = write!(s, "\" font-size=\"{size}\"");
        if text_box.bold {
            s.push_str(" font-weight=\"bold\"");
        }
        if let Some(background) = halo {
            s.push_str(" paint-order=\"stroke\" stroke=\"");
            escape_attribute(&mut s, background);
            s.push_str("\" stroke-linejoin=\"round\" stroke-width=\"3\"");
        }
        if middle {
            s.push_str(" text-anchor=\"middle\"");
        }
        let _ = write!(s, " x=\"{x}\" y=\"{}\">", baseline(top, size));
        escape_text(&mut s, &clean(line));
        s.push_str("</text>");
        out.push(Blob::new(s));
        top = top.saturating_add(step);
    }
    out
}

/// `text` outlined in `background` under its fill (`paint-order`), so lines
/// behind it stop short of the letters. Kept for the test that
/// [`line_blobs`] writes the same bytes.
#[cfg(test)]
pub(crate) fn halo(mut text: Element, background: &str) -> Element {
    text.assign("stroke", background);
    text.assign("stroke-width", 3);
    text.assign("stroke-linejoin", "round");
    text.assign("paint-order", "stroke");
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use archc_layout::Rect;

    fn attrs(e: &Element) -> Vec<(String, String)> {
        let mut v: Vec<_> = e.get_attributes().iter().map(|(k, v)| (k.clone(), v.to_string())).collect();
        v.sort();
        v
    }

    #[test]
    fn lines_sit_one_line_height_apart_where_the_box_says() {
        let tb = TextBox {
            rect: Rect::new(100, 200, 80, 30),
            lines: vec!["orders".into(), "database".into()],
            size: 12,
            anchor: Anchor::Middle,
            bold: true,
        };
        let out = lines(&tb, "#000000");
        assert_eq!(out.len(), 2);
        let get = |e: &Element, k: &str| attrs(e).into_iter().find(|(n, _)| n == k).map(|(_, v)| v);
        // Centred: x is the middle of the box; baselines 11 below each line's top, 15 apart.
        assert_eq!(get(&out[0], "x").as_deref(), Some("140"));
        assert_eq!(get(&out[0], "y").as_deref(), Some("211"));
        assert_eq!(get(&out[1], "y").as_deref(), Some("226"));
        assert_eq!(get(&out[0], "text-anchor").as_deref(), Some("middle"));
        assert_eq!(get(&out[0], "font-weight").as_deref(), Some("bold"));
        assert_eq!(out[1].to_string(), "<text fill=\"#000000\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" x=\"140\" y=\"226\">database</text>");
        let start = TextBox { anchor: Anchor::Start, bold: false, ..tb };
        let out = lines(&start, "#000000");
        assert_eq!(get(&out[0], "x").as_deref(), Some("100"));
        assert_eq!(get(&out[0], "text-anchor"), None);
    }

    #[test]
    fn line_blobs_write_what_lines_and_halo_would() {
        for (anchor, bold, halo_colour) in [
            (Anchor::Middle, true, Some("#F2F8EE")),
            (Anchor::Start, false, None),
            (Anchor::Middle, false, Some("a\"<&'>")),
        ] {
            let tb = TextBox {
                rect: Rect::new(-5, 200, 81, 30),
                lines: vec!["a <b> & \"c\" 'd'".into(), "x\u{1}y 東京".into()],
                size: 12,
                anchor,
                bold,
            };
            let want: Vec<String> = lines(&tb, "#0&0")
                .into_iter()
                .map(|l| match halo_colour {
                    Some(h) => halo(l, h).to_string(),
                    None => l.to_string(),
                })
                .collect();
            let got: Vec<String> = line_blobs(&tb, "#0&0", halo_colour).iter().map(|b| b.to_string()).collect();
            assert_eq!(got, want);
        }
    }
}
