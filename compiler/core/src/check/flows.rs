//! What the flow rules share: one diagnostic per blocked flow, at the
//! flow's span, with the code of the flow's most fundamental blocker
//! (`Proof::cause`), a secondary label at each blocking component, the help
//! of the first blocker of that cause, and every blocker in `blockers`.

use archc_syntax::Diagnostic;

use super::{Context, Report};
use crate::model::Flow;
use crate::reach::{Cause, Proof};

/// `a -> b` with the names as written.
pub(super) fn flow_text(cx: &Context<'_>, f: &Flow) -> String {
    let name = |id| cx.model.get(id).map_or("?", |n: &crate::model::Node| n.name.as_str());
    format!("{} -> {}", name(f.from.value), name(f.to.value))
}

/// The flows whose most fundamental blocker is of one of `causes`.
pub(super) fn blocked<'a>(
    cx: &'a Context<'_>,
    causes: &'a [Cause],
) -> impl Iterator<Item = (&'a Flow, &'a Proof)> + 'a {
    cx.model.flows().iter().zip(cx.proofs).filter(move |(_, p)| p.cause().is_some_and(|c| causes.contains(&c)))
}

/// The diagnostic of a blocked flow: `message` at the flow, the first
/// blocker of `cause` as its label and help, every blocker attached.
pub(super) fn diagnostic(report: &Report<'_>, f: &Flow, proof: &Proof, cause: &[Cause], message: String) -> Diagnostic {
    let first = proof.blockers.iter().find(|b| cause.contains(&b.cause));
    let mut d = report.diagnostic(f.span, message);
    if let Some(b) = first {
        d = d.with_span_label(b.message.clone());
        if let Some(h) = &b.help {
            d = d.with_help(h.clone());
        }
    }
    let mut labelled = Vec::new();
    for b in &proof.blockers {
        if let Some(span) = b.span {
            if !labelled.contains(&span) && span != f.span {
                labelled.push(span);
                d = d.with_label(span, format!("{} {}: {}", b.direction.as_str(), b.reason.as_str(), b.component));
            }
        }
    }
    d.with_blockers(proof.blockers.iter().map(|b| b.to_flow_blocker()).collect())
}
