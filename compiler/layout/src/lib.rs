//! archc's diagram layout: from a checked model to boxes, glyph positions and
//! routed edges (the [`Layout`]), in SVG user units. A pure function: no
//! file system, clock or threads, so the playground runs it as the CLI does.
//!
//! The domain is the shortcut: regions hold VPCs, VPCs hold zones side by
//! side as columns, and tiers are rows aligned across zones, so the nesting
//! is laid out directly (`place`), and edges are then routed orthogonally in
//! the channels between boxes (`route`). `quality` measures a layout.

mod metrics;
mod place;
pub mod quality;
mod route;
pub mod text;
pub mod types;

use archc_core::{CheckedModel, Diagnostic, Model};

pub use types::{Anchor, Badge, Container, Edge, Layout, Node, Rect, TextBox};

/// An error of the checker about one flow: the flow (its index in
/// `Model::flows`) is drawn broken, with the code and message in its title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub flow: usize,
    pub code: String,
    pub message: String,
}

/// The flows the checker refused: each error whose primary span is a flow's
/// statement (check/flows.rs reports a blocked flow there).
pub fn refusals(model: &Model, diagnostics: &[Diagnostic]) -> Vec<Refusal> {
    let mut out = Vec::new();
    for d in diagnostics.iter().filter(|d| d.is_error()) {
        for (i, f) in model.flows().iter().enumerate() {
            if f.span == d.span {
                out.push(Refusal { flow: i, code: d.code.as_str().to_string(), message: d.message.clone() });
            }
        }
    }
    out
}

/// Lays the model out: containers, resources, and every flow and connection
/// routed. Deterministic: the same model gives the same layout, to the byte
/// once serialized.
pub fn layout(model: &CheckedModel, refusals: &[Refusal]) -> Layout {
    let mut layout = place::place(model, refusals);
    route::route(&mut layout);
    layout
}
