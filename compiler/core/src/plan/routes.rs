//! Route tables: one per subnet
//! (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html).
//!
//! Local routes for the VPC's blocks; the default route by tier (public: the
//! internet gateway; private: a NAT gateway, its own zone's first, else a
//! regional one, else another zone's); gateway endpoints' prefix lists;
//! peer VPCs' blocks; the transit gateway's destinations; on-premises blocks
//! through a virtual private gateway. AWS keeps one route per destination,
//! so the first derived wins, in that order.

use super::derive::{any, Facts, SubnetFacts};
use super::{Destination, Route, RouteTable, RouteTarget, TransitGatewayPlan};
use crate::model::cidr::Cidr;
use crate::model::kinds::Kind;
use crate::model::{Connectivity, NatMode, NodeId, NodeKind, Tier};

/// What every subnet of one VPC shares.
struct VpcRoutes {
    blocks: Vec<Cidr>,
    igw: Option<NodeId>,
    /// Public zonal NAT gateways with their zone, in declaration order.
    zonal_nats: Vec<(NodeId, Option<NodeId>)>,
    regional_nat: Option<NodeId>,
    /// Routes every subnet of the VPC has besides local and default.
    shared: Vec<Route>,
}

pub(crate) fn derive(facts: &Facts<'_>, tgws: &[TransitGatewayPlan]) -> Vec<RouteTable> {
    let mut per_vpc: Vec<Option<VpcRoutes>> = (0..facts.model.nodes().len()).map(|_| None).collect();
    for &v in &facts.vpcs {
        if let Some(slot) = per_vpc.get_mut(v.0) {
            *slot = Some(vpc_routes(facts, v, tgws));
        }
    }
    facts.subnets.iter().filter_map(|s| Some(table(s, per_vpc.get(s.vpc.0)?.as_ref()?))).collect()
}

fn table(s: &SubnetFacts, vr: &VpcRoutes) -> RouteTable {
    let mut routes: Vec<Route> =
        vr.blocks.iter().map(|&b| Route { destination: Destination::Cidr(b), target: RouteTarget::Local }).collect();
    let local = routes.len();
    let mut rest: Vec<Route> = Vec::new();
    if let Some(target) = default_target(s, vr) {
        rest.push(Route { destination: Destination::Cidr(any()), target });
    }
    for r in &vr.shared {
        if !rest.iter().any(|x| x.destination == r.destination) {
            rest.push(r.clone());
        }
    }
    rest.sort_by_key(|r| r.destination);
    routes.extend(rest);
    debug_assert!(routes.len() >= local);
    RouteTable { subnet: s.id, vpc: s.vpc, routes }
}

fn default_target(s: &SubnetFacts, vr: &VpcRoutes) -> Option<RouteTarget> {
    match s.tier? {
        Tier::Public => vr.igw.map(RouteTarget::InternetGateway),
        Tier::Private => {
            let same_zone = vr.zonal_nats.iter().find(|(_, z)| s.zone.is_some() && *z == s.zone).map(|(n, _)| *n);
            same_zone
                .or(vr.regional_nat)
                .or_else(|| vr.zonal_nats.first().map(|(n, _)| *n))
                .map(RouteTarget::NatGateway)
        }
        Tier::Isolated => None,
    }
}

fn vpc_routes(facts: &Facts<'_>, vpc: NodeId, tgws: &[TransitGatewayPlan]) -> VpcRoutes {
    let model = facts.model;
    let blocks = facts.vpc_blocks(vpc);
    let mut zonal_nats = Vec::new();
    let mut regional_nat = None;
    for (id, n) in facts.in_vpc(vpc, Kind::Nat) {
        let NodeKind::Nat(nat) = &n.kind else { continue };
        if nat.connectivity.value != Connectivity::Public {
            continue;
        }
        match nat.mode.value {
            NatMode::Zonal => {
                if let Some(sub) = nat.subnet.and_then(|s| facts.subnet(s)) {
                    zonal_nats.push((id, sub.zone));
                }
            }
            NatMode::Regional => {
                regional_nat = regional_nat.or(Some(id));
            }
        }
    }

    let mut shared: Vec<Route> = Vec::new();
    let add = |shared: &mut Vec<Route>, destination: Destination, target: RouteTarget| {
        if !shared.iter().any(|r| r.destination == destination) {
            shared.push(Route { destination, target });
        }
    };
    // Gateway endpoints: the service's prefix list.
    for (ep, service) in facts.gateway_endpoints_of(vpc) {
        add(&mut shared, Destination::PrefixList(service), RouteTarget::GatewayEndpoint(ep));
    }
    // Peerings: each block of the peer, unless it overlaps one of ours.
    let mut seen_peers: Vec<NodeId> = Vec::new();
    for (i, p) in model.peerings().iter().enumerate() {
        let (l, r) = (p.left.value, p.right.value);
        let peer = if l == vpc {
            r
        } else if r == vpc {
            l
        } else {
            continue;
        };
        if peer == vpc || seen_peers.contains(&peer) {
            continue;
        }
        seen_peers.push(peer);
        for b in facts.vpc_blocks(peer) {
            if !blocks.iter().any(|o| o.overlaps(b)) {
                add(&mut shared, Destination::Cidr(b), RouteTarget::Peering(i));
            }
        }
    }
    // Transit gateways the VPC is attached to: their route table's
    // destinations, but never one of the VPC's own blocks.
    for t in tgws {
        let attached = t.attachments.iter().any(|a| a.target == super::AttachmentTarget::Vpc(vpc));
        if !attached {
            continue;
        }
        for r in &t.routes {
            if !blocks.iter().any(|o| o.overlaps(r.destination)) {
                add(&mut shared, Destination::Cidr(r.destination), RouteTarget::TransitGateway(t.tgw));
            }
        }
    }
    // VPN and Direct Connect ending on this VPC's virtual private gateway.
    // Direct Connect first: a virtual private gateway prefers its routes to
    // a VPN's for the same network (the VPN is the backup).
    let dx_first = facts
        .links
        .iter()
        .filter(|&&l| facts.kind(l) == Some(Kind::Dx))
        .chain(facts.links.iter().filter(|&&l| facts.kind(l) != Some(Kind::Dx)));
    for &id in dx_first {
        let Some(n) = model.get(id) else { continue };
        let (vgw, to) = match &n.kind {
            NodeKind::Vpn(v) => (v.vgw.as_ref().map(|x| x.value), v.to.as_ref().map(|x| x.value)),
            NodeKind::Dx(d) => (d.vgw.as_ref().map(|x| x.value), d.to.as_ref().map(|x| x.value)),
            _ => continue,
        };
        if vgw != Some(vpc) {
            continue;
        }
        if let Some(block) = to.and_then(|o| facts.onprem_block(o)) {
            add(&mut shared, Destination::Cidr(block), RouteTarget::VirtualPrivateGateway(id));
        }
    }
    VpcRoutes { blocks, igw: facts.igw_of(vpc), zonal_nats, regional_nat, shared }
}
