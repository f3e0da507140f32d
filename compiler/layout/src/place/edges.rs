//! The edge list: every flow (a service integration when the plan's table
//! says so), then VPC peerings, then the connections written as properties
//! (TGW attachments and peerings, VPN and Direct Connect links, Route 53
//! aliases, what a WAF protects), ordered by their ends' ids. Points are
//! the router's.

use archc_core::model::kinds::Kind;
use archc_core::model::ports::{PortRange, Protocol};
use archc_core::model::{Model, NodeId, NodeKind};
use archc_core::plan::integrations;

use crate::types::Edge;
use crate::Refusal;

/// The edges of `model`, and whether one of them touches the internet (it
/// is drawn only then).
pub(super) fn edges(model: &Model, refusals: &[Refusal]) -> (Vec<Edge>, bool) {
    let kind_of = |id: NodeId| model.get(id).map(|n| n.kind());
    // A network ACL is a badge, not a node: nothing connects to it.
    let drawn = |id: NodeId| kind_of(id).is_some_and(|k| k != Kind::Nacl);
    let ident = |id: NodeId| model.get(id).map(|n| n.id.clone()).unwrap_or_default();
    let mut out: Vec<Edge> = Vec::new();
    let mut internet = false;
    let mut touch = |id: NodeId| {
        if kind_of(id) == Some(Kind::Internet) {
            internet = true;
        }
    };

    for (i, f) in model.flows().iter().enumerate() {
        let (a, b) = (f.from.value, f.to.value);
        if a == b || !drawn(a) || !drawn(b) {
            continue;
        }
        touch(a);
        touch(b);
        let integration = match (kind_of(a), kind_of(b)) {
            (Some(ka), Some(kb)) => integrations::integration(ka, kb).is_some(),
            _ => false,
        };
        let ports = (!f.ports.is_empty()).then(|| ports_text(&f.ports));
        let label = match &f.label {
            Some(l) => Some(l.value.clone()),
            None if f.ports_written => ports.clone(),
            None => None,
        };
        let mut refused: Vec<String> = Vec::new();
        let mut messages: Vec<String> = Vec::new();
        for r in refusals.iter().filter(|r| r.flow == i) {
            refused.push(r.code.clone());
            messages.push(r.message.clone());
        }
        refused.sort();
        refused.dedup();
        messages.sort();
        messages.dedup();
        out.push(Edge {
            from: ident(a),
            to: ident(b),
            kind: if integration { "integration" } else { "flow" }.to_string(),
            label,
            ports,
            refused,
            refused_messages: messages,
            description: f.description.as_ref().map(|d| d.value.clone()),
            ..Edge::default()
        });
    }

    for p in model.peerings() {
        let (a, b) = (p.left.value, p.right.value);
        if a == b || !drawn(a) || !drawn(b) {
            continue;
        }
        let label = p.label.as_ref().map_or_else(|| p.name.value.clone(), |l| l.value.clone());
        out.push(Edge {
            from: ident(a),
            to: ident(b),
            kind: "peering".to_string(),
            label: Some(label),
            ..Edge::default()
        });
    }

    let mut links: Vec<(String, String, &'static str)> = Vec::new();
    for (i, n) in model.nodes().iter().enumerate() {
        let me = NodeId(i);
        let mut link = |to: NodeId, kind: &'static str| {
            if to != me && drawn(me) && drawn(to) {
                let (mut a, mut b) = (ident(me), ident(to));
                // A peering written on both sides is one link.
                if kind == "tgw-peering" && b < a {
                    std::mem::swap(&mut a, &mut b);
                }
                links.push((a, b, kind));
            }
        };
        match &n.kind {
            NodeKind::Tgw(t) => {
                t.attach.iter().for_each(|v| link(v.value, "attachment"));
                t.peer.iter().for_each(|p| link(p.value, "tgw-peering"));
            }
            NodeKind::Vpn(v) => {
                for end in [&v.to, &v.tgw, &v.vgw].into_iter().flatten() {
                    link(end.value, "vpn");
                }
            }
            NodeKind::Dx(d) => {
                for end in [&d.to, &d.tgw, &d.vgw].into_iter().flatten() {
                    link(end.value, "dx");
                }
            }
            NodeKind::Route53(r) => {
                for t in r.alias.iter().map(|a| a.value).chain(r.targets.iter().map(|t| t.value)) {
                    link(t, "alias");
                }
            }
            NodeKind::Waf(w) => w.protects.iter().for_each(|p| link(p.value, "protects")),
            _ => {}
        }
    }
    links.sort();
    links.dedup();
    for (from, to, kind) in links {
        out.push(Edge { from, to, kind: kind.to_string(), ..Edge::default() });
    }
    (out, internet)
}

/// Ports as a reader writes them: `443`, `8000-8010`, `udp/53`, `icmp`,
/// `all`, joined with `, `.
fn ports_text(ports: &[PortRange]) -> String {
    let one = |p: &PortRange| {
        let range = if p.from == p.to { p.from.to_string() } else { format!("{}-{}", p.from, p.to) };
        match p.protocol {
            Protocol::Tcp => range,
            Protocol::Udp => format!("udp/{range}"),
            Protocol::Icmp => "icmp".to_string(),
            Protocol::All => "all".to_string(),
        }
    };
    ports.iter().map(one).collect::<Vec<_>>().join(", ")
}
