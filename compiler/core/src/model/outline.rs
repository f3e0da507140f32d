//! `archc model`'s human form: the containment tree with each node's
//! kind, qualified id, blocks (allocated ones marked), placement and the
//! component instance that declared it; then flows, peerings and what each
//! instance expanded to.

use std::fmt::Write as _;

use super::{Model, Node, NodeId, NodeKind, SubnetBlock};

/// The outline of a model, one line per node, indented by containment.
pub fn outline(m: &Model) -> String {
    let mut out = String::new();
    for (id, _) in m.roots() {
        node(m, id, 0, &mut out);
    }
    if !m.flows().is_empty() {
        out.push_str("\nflows\n");
        for f in m.flows() {
            let ports: Vec<String> = f.ports.iter().map(ToString::to_string).collect();
            let _ = write!(out, "  {} -> {} : {}", m.node(f.from.value).id, m.node(f.to.value).id, ports.join(", "));
            if !f.ports_written {
                out.push_str(" (natural port)");
            }
            if let Some(l) = &f.label {
                let _ = write!(out, " {:?}", l.value);
            }
            out.push('\n');
        }
    }
    if !m.peerings().is_empty() {
        out.push_str("\npeerings\n");
        for p in m.peerings() {
            let _ = writeln!(out, "  {} {} <-> {}", p.name.value, m.node(p.left.value).id, m.node(p.right.value).id);
        }
    }
    if !m.instances().is_empty() {
        out.push_str("\ncomponent instances\n");
        for (e, nodes) in m.instances() {
            let ids: Vec<&str> = nodes.iter().map(|&n| m.node(n).id.as_str()).collect();
            let _ = writeln!(out, "  {} ({}): {} nodes: {}", e.instance, e.component, ids.len(), ids.join(", "));
        }
    }
    out
}

fn node(m: &Model, id: NodeId, depth: usize, out: &mut String) {
    let n = m.node(id);
    if matches!(n.kind, NodeKind::Internet) {
        return;
    }
    let _ = write!(out, "{:indent$}{} {}", "", heading(n), n.id, indent = depth * 2);
    match &n.kind {
        NodeKind::Vpc(v) => {
            let blocks: Vec<String> = v.blocks.iter().map(|b| b.value.to_string()).collect();
            let _ = write!(out, " {}", blocks.join(", "));
        }
        NodeKind::Az(z) => {
            if let Some(name) = &z.zone_name {
                let _ = write!(out, " ({name})");
            }
        }
        NodeKind::Subnet(s) => {
            let _ = match &s.cidr {
                SubnetBlock::Written(c) => write!(out, " {}", c.value),
                SubnetBlock::Allocated(c) => write!(out, " {c} (allocated)"),
                SubnetBlock::Unallocated => write!(out, " (not allocated)"),
            };
        }
        NodeKind::Onprem(o) => {
            if let Some(c) = &o.cidr {
                let _ = write!(out, " {}", c.value);
            }
        }
        _ => {}
    }
    if !n.placement.is_empty() && !matches!(n.kind, NodeKind::Ec2(_)) {
        let subnets: Vec<&str> = n.placement.iter().map(|&p| m.node(p).id.as_str()).collect();
        let _ = write!(out, " in {}", subnets.join(", "));
    }
    // A resource declared at region level belongs to its subnets' VPC.
    let parent_vpc =
        n.parent.and_then(|p| if m.node(p).kind() == super::kinds::Kind::Vpc { Some(p) } else { m.node(p).vpc });
    if let Some(v) = n.vpc.filter(|_| n.vpc != parent_vpc) {
        let _ = write!(out, " (vpc {})", m.node(v).id);
    }
    // The instance that declared it, on the first node of that instance
    // along each branch (its members below share it).
    let parent_expansion = n.parent.map(|p| m.node(p).expansion.as_slice()).unwrap_or_default();
    if let Some(e) = n.expansion.last().filter(|_| n.expansion.as_slice() != parent_expansion) {
        let _ = write!(out, "  [from {} ({})]", e.instance, e.component);
    }
    out.push('\n');
    for (child, _) in m.children(id) {
        node(m, child, depth + 1, out);
    }
}

/// `public subnet`, `internal alb`, `gateway endpoint`, or the keyword.
fn heading(n: &Node) -> String {
    let kw = n.kind().keyword();
    match &n.kind {
        NodeKind::Subnet(s) => match &s.tier {
            Some(t) => format!("{} {kw}", t.value),
            None => kw.to_string(),
        },
        NodeKind::Endpoint(e) => match &e.endpoint_type {
            Some(t) => format!("{} {kw}", t.value),
            None => kw.to_string(),
        },
        NodeKind::Alb(lb) | NodeKind::Nlb(lb) if !lb.internet_facing => format!("internal {kw}"),
        _ => kw.to_string(),
    }
}
