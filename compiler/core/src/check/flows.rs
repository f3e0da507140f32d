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

/// The ports of database and cache engines: PostgreSQL, MySQL, Redis,
/// Memcached, MongoDB, SQL Server, Oracle, NFS (EFS).
const DATA_PORTS: [(u16, &str); 8] = [
    (5432, "PostgreSQL"),
    (3306, "MySQL"),
    (6379, "Redis"),
    (11211, "Memcached"),
    (27017, "MongoDB"),
    (1433, "SQL Server"),
    (1521, "Oracle"),
    (2049, "NFS"),
];

/// When a network ACL rule line (`allow in 110 5432 from 0.0.0.0/0`, as the
/// prover writes it) opens the port of a database or cache engine from or
/// to the whole internet: that engine's name. Such a rule is never attached
/// as a fix (the flow itself is the mistake, W0606/E0603). The reply range a
/// rule opens to the internet (`1024-65535`, to 65535 from 1024 or above) is
/// not a database port opened, however many ports it spans.
pub(super) fn opens_data_port_to_world(line: &str) -> Option<&'static str> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let [_, _, _, ports, _, cidr] = words.as_slice() else { return None };
    if *cidr != "0.0.0.0/0" {
        return None;
    }
    let ports: &str = ports.rsplit('/').next().unwrap_or(ports);
    let (from, to): (u16, u16) = match ports {
        "all" => (0, u16::MAX),
        p => match p.split_once('-') {
            Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
            None => (p.parse().ok()?, p.parse().ok()?),
        },
    };
    if from >= 1024 && to == u16::MAX {
        return None;
    }
    DATA_PORTS.iter().find(|(p, _)| (from..=to).contains(p)).map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::opens_data_port_to_world as wide;

    #[test]
    fn a_database_port_opened_to_the_internet_is_named() {
        assert_eq!(wide("allow in 140 5432 from 0.0.0.0/0"), Some("PostgreSQL"));
        assert_eq!(wide("allow out 110 6379 to 0.0.0.0/0"), Some("Redis"));
        assert_eq!(wide("allow in 110 tcp/3300-3310 from 0.0.0.0/0"), Some("MySQL"));
        assert_eq!(wide("allow in 110 all from 0.0.0.0/0"), Some("PostgreSQL"));
        // From a block of the VPC, or the reply range, or a web port: fine.
        assert_eq!(wide("allow in 140 5432 from 10.0.1.0/24"), None);
        assert_eq!(wide("allow out 120 1024-65535 to 0.0.0.0/0"), None);
        assert_eq!(wide("allow in 110 443 from 0.0.0.0/0"), None);
        assert_eq!(wide("allow in 110 icmp from 0.0.0.0/0"), None);
    }
}
