//! Transit gateways: attachments and the one route table of each
//! (https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html).
//!
//! A VPC attachment holds one subnet per zone, so the transit gateway can
//! reach that zone's resources; VPC and BGP VPN/Direct Connect attachments
//! propagate their blocks; a peering attachment never propagates, so archc
//! writes static routes for the peer's VPCs
//! (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html). Where two
//! attachments carry one destination, AWS's route evaluation order picks
//! (https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html#tgw-route-evaluation-overview):
//! a static route, else a VPC's, else Direct Connect's, else a VPN's.
//!
//! A transit gateway is regional: a VPC or VPN of another region in its
//! `attach` (or a vpn of another region naming it in `tgw:`) is not attached
//! at all (E0421 reports it), so no route leads over an attachment AWS would
//! refuse. A dx is attached from any region (through a global Direct Connect
//! gateway).

use super::derive::Facts;
use super::{AttachmentTarget, TgwAttachment, TgwRoute, TransitGatewayPlan};
use crate::model::cidr::Cidr;
use crate::model::kinds::Kind;
use crate::model::{NodeId, NodeKind, Tier, VpnRouting};

pub(crate) fn derive(facts: &Facts<'_>) -> Vec<TransitGatewayPlan> {
    let model = facts.model;
    let tgws: Vec<NodeId> = model.of_kind(Kind::Tgw).map(|(id, _)| id).collect();
    tgws.iter().map(|&g| plan_of(facts, g, &tgws)).collect()
}

fn tgw_data<'m>(facts: &Facts<'m>, g: NodeId) -> Option<&'m crate::model::TransitGateway> {
    match facts.model.get(g).map(|n| &n.kind) {
        Some(NodeKind::Tgw(t)) => Some(t),
        _ => None,
    }
}

/// Whether transit gateway `g` can attach `x` (a VPC, vpn or dx). A transit
/// gateway is regional: it attaches a VPC or a VPN of its own region only
/// (E0421 reports the others, and the plan leaves them out, so nothing is
/// routed over an attachment that cannot exist). A dx attaches from any
/// region: Direct Connect reaches it through a Direct Connect gateway, which
/// is global.
fn attachable(facts: &Facts<'_>, g: NodeId, x: NodeId) -> bool {
    if facts.kind(x) == Some(Kind::Dx) {
        return true;
    }
    let region = |n: NodeId| facts.model.get(n).and_then(|n| n.region);
    match (region(g), region(x)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The VPCs in a transit gateway's `attach` that it can attach.
fn attached_vpcs(facts: &Facts<'_>, g: NodeId) -> Vec<NodeId> {
    tgw_data(facts, g)
        .map(|t| {
            t.attach
                .iter()
                .map(|a| a.value)
                .filter(|&v| facts.kind(v) == Some(Kind::Vpc) && attachable(facts, g, v))
                .collect()
        })
        .unwrap_or_default()
}

/// What a peering attachment to `h` carries: the blocks of the VPCs attached
/// to `h`, then the on-premises blocks of the VPNs and Direct Connect links
/// that end on `h` (a transit gateway routes between any two of its
/// attachments; only its static routes across a peering must be written).
/// Not the peers of `h`: archc does not route across two peerings.
fn peer_blocks(facts: &Facts<'_>, h: NodeId) -> Vec<Cidr> {
    let mut out: Vec<Cidr> = attached_vpcs(facts, h).into_iter().flat_map(|v| facts.vpc_blocks(v)).collect();
    let mut links: Vec<NodeId> = tgw_data(facts, h)
        .map(|t| {
            t.attach.iter().map(|a| a.value).filter(|&a| matches!(facts.kind(a), Some(Kind::Vpn | Kind::Dx))).collect()
        })
        .unwrap_or_default();
    for (i, n) in facts.model.nodes().iter().enumerate() {
        if matches!(n.kind(), Kind::Vpn | Kind::Dx)
            && link_of(facts, NodeId(i)).0 == Some(h)
            && !links.contains(&NodeId(i))
        {
            links.push(NodeId(i));
        }
    }
    for l in links.into_iter().filter(|&l| attachable(facts, h, l)) {
        if let Some(b) = link_of(facts, l).1.and_then(|o| facts.onprem_block(o)) {
            out.push(b);
        }
    }
    out
}

/// `(tgw:, to:)` of a vpn or dx.
fn link_of(facts: &Facts<'_>, id: NodeId) -> (Option<NodeId>, Option<NodeId>) {
    match facts.model.get(id).map(|n| &n.kind) {
        Some(NodeKind::Vpn(v)) => (v.tgw.as_ref().map(|t| t.value), v.to.as_ref().map(|t| t.value)),
        Some(NodeKind::Dx(d)) => (d.tgw.as_ref().map(|t| t.value), d.to.as_ref().map(|t| t.value)),
        _ => (None, None),
    }
}

fn plan_of(facts: &Facts<'_>, g: NodeId, tgws: &[NodeId]) -> TransitGatewayPlan {
    let model = facts.model;
    let mut attachments: Vec<TgwAttachment> = Vec::new();
    let push = |attachments: &mut Vec<TgwAttachment>, target: AttachmentTarget| {
        if !attachments.iter().any(|a| a.target == target) {
            let subnets = match target {
                AttachmentTarget::Vpc(v) => attachment_subnets(facts, v),
                _ => Vec::new(),
            };
            attachments.push(TgwAttachment { target, subnets });
        }
    };
    if let Some(t) = tgw_data(facts, g) {
        for a in t.attach.iter().filter(|a| attachable(facts, g, a.value)) {
            match facts.kind(a.value) {
                Some(Kind::Vpc) => push(&mut attachments, AttachmentTarget::Vpc(a.value)),
                Some(Kind::Vpn) => push(&mut attachments, AttachmentTarget::Vpn(a.value)),
                Some(Kind::Dx) => push(&mut attachments, AttachmentTarget::DirectConnect(a.value)),
                _ => {}
            }
        }
    }
    for &id in &facts.links {
        let Some(node) = model.get(id) else { continue };
        let target = match node.kind() {
            Kind::Vpn => AttachmentTarget::Vpn(id),
            Kind::Dx => AttachmentTarget::DirectConnect(id),
            _ => continue,
        };
        if link_of(facts, id).0 == Some(g) && attachable(facts, g, id) {
            push(&mut attachments, target);
        }
    }
    if let Some(t) = tgw_data(facts, g) {
        for h in &t.peer {
            if h.value != g && facts.kind(h.value) == Some(Kind::Tgw) {
                push(&mut attachments, AttachmentTarget::Peer(h.value));
            }
        }
    }
    for &h in tgws {
        if h != g && tgw_data(facts, h).is_some_and(|t| t.peer.iter().any(|p| p.value == g)) {
            push(&mut attachments, AttachmentTarget::Peer(h));
        }
    }

    // One route per destination: AWS's route evaluation order decides
    // between attachments (static first, then propagated from a VPC, from
    // Direct Connect, from a VPN), the first attachment among equals.
    let mut routes: Vec<(u8, TgwRoute)> = Vec::new();
    for (i, a) in attachments.iter().enumerate() {
        let (blocks, propagated) = match a.target {
            AttachmentTarget::Vpc(v) => (facts.vpc_blocks(v), true),
            AttachmentTarget::Vpn(id) | AttachmentTarget::DirectConnect(id) => {
                let block = link_of(facts, id).1.and_then(|o| facts.onprem_block(o));
                let propagated = match model.get(id).map(|n| &n.kind) {
                    Some(NodeKind::Vpn(v)) => v.routing.value != VpnRouting::Static,
                    _ => true,
                };
                (block.into_iter().collect(), propagated)
            }
            AttachmentTarget::Peer(h) => (peer_blocks(facts, h), false),
        };
        let rank = match (propagated, a.target) {
            (false, _) => 0,
            (true, AttachmentTarget::Vpc(_)) => 1,
            (true, AttachmentTarget::DirectConnect(_)) => 2,
            (true, _) => 3,
        };
        for destination in blocks {
            let route = TgwRoute { destination, attachment: i, propagated };
            match routes.iter_mut().find(|(_, r)| r.destination == destination) {
                Some(slot) if rank < slot.0 => *slot = (rank, route),
                Some(_) => {}
                None => routes.push((rank, route)),
            }
        }
    }
    let mut routes: Vec<TgwRoute> = routes.into_iter().map(|(_, r)| r).collect();
    routes.sort_by_key(|r| r.destination);
    TransitGatewayPlan { tgw: g, attachments, routes }
}

/// Per zone of the VPC, in declaration order: its first private subnet, else
/// its first isolated, else its first public one.
fn attachment_subnets(facts: &Facts<'_>, vpc: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    for zone in facts.zones_of(vpc) {
        let in_zone: Vec<_> = facts.subnets_of(vpc).filter(|s| s.zone == Some(zone)).collect();
        let pick = [Tier::Private, Tier::Isolated, Tier::Public]
            .iter()
            .find_map(|&t| in_zone.iter().find(|s| s.tier == Some(t)));
        if let Some(s) = pick {
            out.push(s.id);
        }
    }
    out
}
