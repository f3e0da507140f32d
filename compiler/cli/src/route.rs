//! `archc route FILE FROM TO [--port P] [--format human|json]`: the path a
//! flow takes over the network plan, hop by hop both ways, or the would-be
//! path and every blocker with its reason (the proof `archc check` makes
//! of each flow, for any pair).
//!
//! FROM and TO are a qualified id (`us-east-1.shop.web`) or a plain name
//! that names one resource. The ports are `--port`, else the flow's when the
//! design has a flow FROM -> TO, else TO's natural port. Exit 0 when the path
//! exists both ways, 1 when it is blocked (or the file has errors: the
//! diagnostics are printed as by `check`), 2 on bad use (an unknown name,
//! with a did-you-mean; a port that does not parse).

use std::path::Path;

use serde_json::{json, Value};

use archc_core::diag::{blockers_json, did_you_mean};
use archc_core::model::ports::{natural_port, parse_port, PortRange, Protocol};
use archc_core::model::{CheckedModel, NodeId};
use archc_core::reach::{prove_flow, route, Hop, Proof};

use crate::entry::compile_file;
use crate::{output, ModelFormat, Outcome};

pub fn run(file: &Path, from: &str, to: &str, port: Option<&str>, format: ModelFormat) -> Outcome {
    let c = match compile_file(file) {
        Ok(c) => c,
        Err(outcome) => return outcome,
    };
    let (Some(model), Some(plan)) = (c.compilation.checked(), c.compilation.plan()) else {
        // The diagnostics as `check` shows them, whatever the format.
        return c.refuse(ModelFormat::Human);
    };
    let (from_id, to_id) = match (resolve(model, from), resolve(model, to)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            output::error(&e);
            return Outcome::Failure;
        }
    };
    let flow = model.flows().iter().position(|f| f.from.value == from_id && f.to.value == to_id);
    let (ports, proof): (Vec<PortRange>, Proof) = match port {
        Some(text) => match parse_port(text) {
            Some(p) => (vec![p], route(model, plan, from_id, to_id, &[p])),
            None => {
                output::error(&format!(
                    "`{text}` is not a port: write a number (443), a range (8000-8100), tcp/N, udp/N or a name (https)"
                ));
                return Outcome::Failure;
            }
        },
        None => match flow {
            Some(i) => (model.flows()[i].ports.clone(), prove_flow(model, plan, i)),
            None => match natural_port(model.node(to_id)) {
                Some(ports) => {
                    let proof = route(model, plan, from_id, to_id, &ports);
                    (ports, proof)
                }
                None => {
                    output::error(&format!(
                        "`{}` has no natural port and the design has no flow `{from} -> {to}`: give --port",
                        model.node(to_id).name
                    ));
                    return Outcome::Failure;
                }
            },
        },
    };
    c.warn();
    let (from_q, to_q) = (&model.node(from_id).id, &model.node(to_id).id);
    let text = match format {
        ModelFormat::Human => human(from_q, to_q, &ports, &proof),
        ModelFormat::Json => {
            let v = json!({
                "from": from_q,
                "to": to_q,
                "port": port_json(&ports),
                "reachable": proof.reachable(),
                "forward": hops_json(&proof.forward),
                "return": hops_json(&proof.reply),
                "blockers": blockers_json(&proof.blockers.iter().map(|b| b.to_flow_blocker()).collect::<Vec<_>>()),
            });
            output::json_text(&v)
        }
    };
    match output::stdout(&text) {
        Outcome::Success if proof.reachable() => Outcome::Success,
        Outcome::Success => Outcome::Errors,
        failed => failed,
    }
}

/// The node a name on the command line means: a qualified id, or a plain
/// name that one node that takes flows has.
fn resolve(model: &CheckedModel, name: &str) -> Result<NodeId, String> {
    if let Some(id) = model.by_id(name) {
        return Ok(id);
    }
    let takes = |n: &&archc_core::model::Node| n.kind().takes_flows();
    let matches: Vec<NodeId> =
        model.ids().filter(|&i| model.get(i).filter(takes).is_some_and(|n| n.name == name)).collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => {
            let candidates = model.nodes().iter().filter(takes).flat_map(|n| [n.name.as_str(), n.id.as_str()]);
            Err(match did_you_mean(name, candidates) {
                Some(s) => format!("no resource is named `{name}`; did you mean `{s}`?"),
                None => format!("no resource is named `{name}`"),
            })
        }
        many => {
            let ids: Vec<String> = many.iter().map(|&i| format!("`{}`", model.node(i).id)).collect();
            Err(format!("`{name}` names {} resources: write one of {}", many.len(), ids.join(", ")))
        }
    }
}

/// A single TCP port as a number, anything else as text.
fn port_json(ports: &[PortRange]) -> Value {
    match ports {
        [p] if p.protocol == Protocol::Tcp && p.from == p.to => json!(p.from),
        [p] => json!(p.to_string()),
        many => json!(many.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

fn hops_json(hops: &[Hop]) -> Value {
    Value::Array(hops.iter().map(|h| json!({"component": h.component, "kind": h.kind, "via": h.via})).collect())
}

fn human(from: &str, to: &str, ports: &[PortRange], proof: &Proof) -> String {
    use std::fmt::Write;
    let ports: Vec<String> = ports.iter().map(|p| p.to_string()).collect();
    let mut s = format!(
        "{from} -> {to} on {}: {}\n",
        ports.join(", "),
        if proof.reachable() { "reachable both ways" } else { "blocked" }
    );
    for (title, hops) in [("forward", &proof.forward), ("return", &proof.reply)] {
        let _ = writeln!(s, "{title}:");
        if hops.is_empty() {
            let _ = writeln!(s, "  (no hop)");
        }
        for (i, h) in hops.iter().enumerate() {
            let _ = writeln!(s, "  {:>2}. {:<15} {:<40} {}", i + 1, h.kind, h.component, h.via);
        }
    }
    if !proof.blockers.is_empty() {
        let _ = writeln!(s, "blockers:");
        for b in &proof.blockers {
            let _ = writeln!(s, "  {} {} at {}: {}", b.direction.as_str(), b.reason.as_str(), b.component, b.message);
            if let Some(h) = &b.help {
                let _ = writeln!(s, "      help: {h}");
            }
        }
    }
    s
}
