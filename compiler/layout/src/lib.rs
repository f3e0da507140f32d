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

use archc_core::reach::Proof;
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

/// The flows the checker refused: those whose proof has a blocker (the
/// checker's own proofs, `Compilation::proofs`), each with the errors
/// reported at its statement (check/flows.rs reports a blocked flow there).
/// A statement shared by several flows (a chain, a component's instances)
/// marks only the hops that are blocked.
pub fn refusals(model: &Model, proofs: &[Proof], diagnostics: &[Diagnostic]) -> Vec<Refusal> {
    let mut out = Vec::new();
    for (i, f) in model.flows().iter().enumerate() {
        if proofs.get(i).is_none_or(|p| p.blockers.is_empty()) {
            continue;
        }
        let said: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error() && d.span == f.span).collect();
        if said.is_empty() {
            // Blocked, but reported elsewhere (a structural error the flow
            // follows from): the first blocker says why.
            if let Some(b) = proofs.get(i).and_then(|p| p.blockers.first()) {
                out.push(Refusal { flow: i, code: b.reason.as_str().to_string(), message: b.message.clone() });
            }
        }
        for d in said {
            out.push(Refusal { flow: i, code: d.code.as_str().to_string(), message: d.message.clone() });
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
