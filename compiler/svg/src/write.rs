//! Writes a document built with the `svg` crate to text, byte for byte as
//! the crate's own `Display` does, but into one pre-sized `String`: no
//! intermediate strings per attribute (the crate escapes each value with
//! three `replace`s) and no vector per element to sort its attributes
//! beyond a small reused one.

use std::fmt::Write as _;

use svg::node::{Node, Value};

/// The text of `node` and everything under it, as `node.to_string()`.
pub(crate) fn to_string(node: &dyn Node, capacity: usize) -> String {
    let mut out = String::with_capacity(capacity);
    let mut names: Vec<(&str, &Value)> = Vec::new();
    element(&mut out, node, &mut names);
    out
}

/// One node: an element (it has attributes) written here, anything else
/// (text, a blob, a comment) by its own `Display`.
fn element<'a>(out: &mut String, node: &'a dyn Node, scratch: &mut Vec<(&'a str, &'a Value)>) {
    let (Some(attributes), Some(children)) = (node.get_attributes(), node.get_children()) else {
        let _ = write!(out, "{node}");
        return;
    };
    let name = node.get_name();
    out.push('<');
    out.push_str(name);
    let start = scratch.len();
    scratch.extend(attributes.iter().map(|(k, v)| (k.as_str(), v)));
    if let Some(pairs) = scratch.get_mut(start..) {
        pairs.sort_unstable_by_key(|pair| pair.0);
    }
    for (k, v) in scratch.get(start..).unwrap_or_default() {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        escape_attribute(out, v);
        out.push('"');
    }
    scratch.truncate(start);
    if children.is_empty() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    // A bareable element (the root `svg`, the crate's `Text`) is written
    // in the alternate form: every child on a line of its own.
    let alternate = node.is_bareable();
    let mut bare = false;
    for child in children {
        bare = child.is_bare() && !alternate;
        if !bare {
            out.push('\n');
        }
        element(out, child.as_ref(), scratch);
    }
    if !bare {
        out.push('\n');
    }
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// `value` with `& < > " '` escaped, as the crate does for an attribute.
pub(crate) fn escape_attribute(out: &mut String, value: &str) {
    escape(out, value, &['&', '<', '>', '"', '\''])
}

/// `value` with `& < >` escaped, as the crate does for a text node.
pub(crate) fn escape_text(out: &mut String, value: &str) {
    escape(out, value, &['&', '<', '>'])
}

/// `value` with each of `special` replaced by its entity.
fn escape(out: &mut String, value: &str, special: &[char]) {
    let mut rest = value;
    while let Some(at) = rest.find(special) {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let mut chars = tail.chars();
        out.push_str(match chars.next() {
            Some('&') => "&amp;",
            Some('<') => "&lt;",
            Some('>') => "&gt;",
            Some('"') => "&quot;",
            _ => "&apos;",
        });
        rest = chars.as_str();
    }
    out.push_str(rest);
}
