//! Where a flow's ends stand, and what address each has (docs: "Proving a
//! flow", Addresses and Positions).

use crate::model::cidr::Cidr;
use crate::model::kinds::Kind;
use crate::model::{CheckedModel, EndpointType, Node, NodeId, NodeKind, Tier};

/// What one end of a flow is, for the prover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum End {
    /// `internet` or `users`: the public internet.
    Internet,
    /// An `onprem` network and its block.
    Onprem(Cidr),
    /// A resource in a VPC, standing in each of these subnets.
    Vpc { vpc: NodeId, subnets: Vec<NodeId> },
    /// A gateway endpoint (a flow to it means its service).
    GatewayEndpoint { vpc: NodeId },
    /// A managed service outside any VPC (s3, sqs, a lambda without subnets
    /// as a source…), in its region (None: global).
    Service { region: Option<NodeId> },
    /// Route 53: DNS, answered by the VPC resolver or the public name servers.
    Dns,
    /// Anything else: not modelled.
    Unknown(&'static str),
}

/// Managed services: a flow out of one is an integration (or one of the
/// network pairs into a VPC), never a connection it opens itself.
pub(crate) fn is_managed(kind: Kind) -> bool {
    crate::plan::integrations::is_managed_source(kind)
}

/// What `id` is as a source (`as_target` false) or a target. A lambda is a
/// VPC resource as a source when it has subnets, but always a service as a
/// target (invoking it goes through the Lambda API).
pub(crate) fn classify(model: &CheckedModel, id: NodeId, as_target: bool) -> End {
    let Some(node) = model.get(id) else { return End::Unknown("an unknown node") };
    match &node.kind {
        NodeKind::Internet | NodeKind::Users => End::Internet,
        NodeKind::Onprem(o) => match &o.cidr {
            Some(c) => End::Onprem(c.value.network()),
            None => End::Unknown("an on-premises network without a block"),
        },
        NodeKind::Route53(_) => End::Dns,
        NodeKind::Lambda(_) if as_target || node.placement.is_empty() => End::Service { region: node.region },
        NodeKind::Endpoint(e) if e.endpoint_type.as_ref().is_some_and(|t| t.value == EndpointType::Gateway) => {
            match node.vpc {
                Some(vpc) => End::GatewayEndpoint { vpc },
                None => End::Unknown("a gateway endpoint outside a VPC"),
            }
        }
        _ if is_managed(node.kind()) => End::Service { region: node.region },
        _ => {
            let subnets = positions(node);
            match node.vpc {
                Some(vpc) if !subnets.is_empty() => End::Vpc { vpc, subnets },
                _ => End::Unknown("a resource with no subnet"),
            }
        }
    }
}

/// The subnets a VPC resource stands in.
pub(crate) fn positions(node: &Node) -> Vec<NodeId> {
    let own = match &node.kind {
        NodeKind::Ec2(e) => e.subnet,
        NodeKind::Nat(n) => n.subnet,
        _ => None,
    };
    let mut out = node.placement.clone();
    if let Some(s) = own {
        if !out.contains(&s) {
            out.insert(0, s);
        }
    }
    out
}

/// The block of a subnet, when it has one.
pub(crate) fn subnet_block(model: &CheckedModel, subnet: NodeId) -> Option<Cidr> {
    match &model.get(subnet)?.kind {
        NodeKind::Subnet(s) => s.cidr.cidr().map(Cidr::network),
        _ => None,
    }
}

/// The address a resource has in `subnet`: its fifth (the first after the
/// four AWS reserves at the start).
pub(crate) fn address(model: &CheckedModel, subnet: NodeId) -> Option<u32> {
    let b = subnet_block(model, subnet)?;
    Some(b.first().saturating_add(if b.size() > 4 { 4 } else { 0 }))
}

pub(crate) fn tier(model: &CheckedModel, subnet: NodeId) -> Option<Tier> {
    match &model.get(subnet)?.kind {
        NodeKind::Subnet(s) => s.tier.as_ref().map(|t| t.value),
        _ => None,
    }
}

pub(crate) fn zone(model: &CheckedModel, subnet: NodeId) -> Option<NodeId> {
    match &model.get(subnet)?.kind {
        NodeKind::Subnet(s) => s.zone,
        _ => None,
    }
}

/// Whether `node` has a public IPv4 address when it stands in a public
/// subnet (docs: every resource but a lambda, a database, a cache, a file
/// system, an internal load balancer, an interface endpoint, and an ec2
/// with `public_ip: false`).
pub(crate) fn public_ip(node: &Node) -> bool {
    match &node.kind {
        NodeKind::Lambda(_)
        | NodeKind::Rds(_)
        | NodeKind::Aurora(_)
        | NodeKind::Elasticache(_)
        | NodeKind::Efs(_)
        | NodeKind::Endpoint(_) => false,
        NodeKind::Alb(lb) | NodeKind::Nlb(lb) => lb.internet_facing,
        NodeKind::Ec2(e) => e.public_ip.as_ref().is_none_or(|p| p.value),
        _ => true,
    }
}

/// Whether a block holds no internet address: private space (10/8,
/// 172.16/12, 192.168/16, 100.64/10), or space that is never routed on the
/// internet (0/8 "this network", 127/8 loopback, 169.254/16 link-local,
/// 224/4 multicast, 240/4 reserved; RFC 6890). A deny entry on such a block
/// can never stop a packet to the internet.
pub(crate) fn private_block(c: Cidr) -> bool {
    const PRIVATE: [(u32, u8); 9] = [
        (0x0a00_0000, 8),
        (0xac10_0000, 12),
        (0xc0a8_0000, 16),
        (0x6440_0000, 10),
        (0x0000_0000, 8),
        (0x7f00_0000, 8),
        (0xa9fe_0000, 16),
        (0xe000_0000, 4),
        (0xf000_0000, 4),
    ];
    PRIVATE.iter().any(|&(a, p)| Cidr::new(a, p).is_some_and(|b| b.contains(c)))
}

/// `a.b.c.d` of an address.
pub(crate) fn ip(a: u32) -> String {
    let o = a.to_be_bytes();
    format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3])
}

/// The VPC blocks of the design.
pub(crate) fn vpc_blocks(model: &CheckedModel) -> Vec<Cidr> {
    let mut out = Vec::new();
    for n in model.nodes() {
        if let NodeKind::Vpc(v) = &n.kind {
            out.extend(v.blocks.iter().map(|b| b.value.network()));
        }
    }
    out
}
