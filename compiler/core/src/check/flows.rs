//! What the flow rules share: one diagnostic per blocked flow, at the
//! flow's span, with the code of the flow's most fundamental blocker
//! (`Proof::cause`), a secondary label at each blocking component, the help
//! of the first blocker of that cause, and every blocker in `blockers`.

use archc_syntax::{Diagnostic, Span};

use super::{Context, Report};
use crate::model::Flow;
use crate::reach::{Blocker, Cause, Direction, Proof, Reason};

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

/// Reports each flow blocked for one of `causes` as [`diagnostic`] makes
/// it, with `message(flow text)`: all a flow rule does when it adds nothing
/// of its own (a fix, a help of its own, a kind it leaves to another rule).
pub(super) fn report_blocked(
    cx: &Context<'_>,
    report: &mut Report<'_>,
    causes: &[Cause],
    message: impl Fn(&str) -> String,
) {
    for (f, proof) in blocked(cx, causes) {
        let d = diagnostic(report, f, proof, causes, message(&flow_text(cx, f)));
        report.push(d);
    }
}

/// What stops a flow at one component, one way.
type Stop = (Reason, Direction);

/// The diagnostic of a blocked flow: `message` at the flow, the first
/// blocker of `cause` as its label and help, every blocker attached.
///
/// A flow between components of several subnets is proven per (source
/// subnet, target subnet) pair, so one missing route or ACL rule stops it
/// several times over. The human output says each (reason, component,
/// direction) once, as a note with "(and N more subnet pairs)", and puts one
/// label at each blocking component; `blockers` (JSON, SARIF) keeps every one.
pub(super) fn diagnostic(report: &Report<'_>, f: &Flow, proof: &Proof, cause: &[Cause], message: String) -> Diagnostic {
    let first = proof.blockers.iter().find(|b| cause.contains(&b.cause));
    let mut d = report.diagnostic(f.span, message);
    if let Some(b) = first {
        d = d.with_span_label(b.message.clone());
        if let Some(h) = &b.help {
            d = d.with_help(h.clone());
        }
    }
    // One label per blocking component: its span, and what stops the flow
    // there, each (reason, direction) once.
    let mut labels: Vec<(Span, &str, Vec<Stop>)> = Vec::new();
    for b in &proof.blockers {
        let Some(span) = b.span.filter(|s| *s != f.span) else { continue };
        match labels.iter_mut().find(|(s, _, _)| *s == span) {
            Some((_, _, what)) => {
                if !what.contains(&(b.reason, b.direction)) {
                    what.push((b.reason, b.direction));
                }
            }
            None => labels.push((span, b.component.as_str(), vec![(b.reason, b.direction)])),
        }
    }
    for (span, component, what) in labels {
        d = d.with_label(span, format!("{}: {component}", label_text(&what)));
    }
    // One note per (reason, component, direction), in the order first met.
    let mut notes: Vec<(&Blocker, usize)> = Vec::new();
    for b in &proof.blockers {
        let same = |n: &Blocker| n.reason == b.reason && n.component == b.component && n.direction == b.direction;
        match notes.iter_mut().find(|(n, _)| same(n)) {
            Some(n) => n.1 += 1,
            None => notes.push((b, 0)),
        }
    }
    for (b, more) in notes {
        let pairs = match more {
            0 => String::new(),
            1 => " (and 1 more subnet pair)".to_string(),
            n => format!(" (and {n} more subnet pairs)"),
        };
        d = d.with_note(format!(
            "{} {} at `{}`: {}{pairs}",
            b.direction.as_str(),
            b.reason.as_str(),
            b.component,
            b.message
        ));
    }
    d.with_blockers(proof.blockers.iter().map(|b| b.to_flow_blocker()).collect())
}

/// `forward and return SUBNET_ACL_RESTRICTION`, `forward X, return Y`.
fn label_text(what: &[Stop]) -> String {
    let mut parts: Vec<(Reason, Vec<&str>)> = Vec::new();
    for (reason, direction) in what {
        match parts.iter_mut().find(|(r, _)| r == reason) {
            Some((_, ds)) => ds.push(direction.as_str()),
            None => parts.push((*reason, vec![direction.as_str()])),
        }
    }
    parts.iter().map(|(r, ds)| format!("{} {}", ds.join(" and "), r.as_str())).collect::<Vec<_>>().join(", ")
}
