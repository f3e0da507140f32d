//! Reachability: proves each flow over the [`Plan`], forward and back, and
//! names every blocker (docs/plan.md, "Proving a flow").
//!
//! A proof walks the path a connection takes (source subnet, its NACL and
//! route table, gateways, the target's subnet, NACL and security group) and
//! the path its replies take; it does not stop at the first blocker.
//! Blocker reasons use the vocabulary of AWS's VPC Reachability Analyzer
//! where it has a word ([`Reason`]).

mod acl;
mod address;
mod integration;
mod path;

use archc_syntax::Span;

use crate::model::ports::PortRange;
use crate::model::{CheckedModel, NodeId};
use crate::plan::{FlowIndex, Plan};

pub use integration::valid_targets;

/// How many (source subnet, target subnet) pairs one flow is proven for;
/// the pairs past it are reported as not proven (`PAIRS_NOT_PROVEN`), so
/// the work per flow is bounded whatever the design.
pub const MAX_PAIRS: usize = 64;

/// One way a packet goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    Forward,
    Return,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Forward => "forward",
            Direction::Return => "return",
        }
    }
}

/// Why a packet stops, in Reachability Analyzer's words (our own
/// UPPER_SNAKE words only where it has none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    NoRouteToDestination,
    SubnetAclRestriction,
    EniSgRulesMismatch,
    IgwPrivateIpAssociationForIngress,
    PcxRequiresAddressInVpcCidr,
    NgwRequiresSourceInVpc,
    VpceGatewayProtocolRestriction,
    TgwRtbCannotRoute,
    /// archc's own: an integration pair that AWS does not run.
    InvalidIntegration,
    /// archc's own: a resource without a public IPv4 address behind an
    /// internet gateway.
    NoPublicIp,
    /// archc's own: a transit gateway attachment with no subnet in the
    /// source's zone.
    TgwAttachmentNotInZone,
    /// archc's own: a kind or feature archc does not model.
    NotModelled,
    /// archc's own: more (source, target) subnet pairs than [`MAX_PAIRS`].
    PairsNotProven,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NoRouteToDestination => "NO_ROUTE_TO_DESTINATION",
            Reason::SubnetAclRestriction => "SUBNET_ACL_RESTRICTION",
            Reason::EniSgRulesMismatch => "ENI_SG_RULES_MISMATCH",
            Reason::IgwPrivateIpAssociationForIngress => "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS",
            Reason::PcxRequiresAddressInVpcCidr => "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR",
            Reason::NgwRequiresSourceInVpc => "NGW_REQUIRES_SOURCE_IN_VPC",
            Reason::VpceGatewayProtocolRestriction => "VPCE_GATEWAY_PROTOCOL_RESTRICTION",
            Reason::TgwRtbCannotRoute => "TGW_RTB_CANNOT_ROUTE",
            Reason::InvalidIntegration => "INVALID_INTEGRATION",
            Reason::NoPublicIp => "NO_PUBLIC_IP",
            Reason::TgwAttachmentNotInZone => "TGW_ATTACHMENT_NOT_IN_ZONE",
            Reason::NotModelled => "NOT_MODELLED",
            Reason::PairsNotProven => "PAIRS_NOT_PROVEN",
        }
    }
}

/// One step of a path: the component passed and the rule that let the
/// packet through (a route-table entry, an SG rule, a NACL rule number…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    /// The component's layout id (a node's qualified id, or a peering's name).
    pub component: String,
    /// `subnet`, `nacl`, `security-group`, `igw`, `nat`, `peering`, `tgw`…
    pub kind: &'static str,
    /// `route 10.20.0.0/16 local`, `nacl rule 100 allow tcp/443`…
    pub via: String,
}

/// Which rule reports a blocker: what the fix is, rather than what AWS's
/// analyzer would call it. Ordered from the most fundamental (a diagnostic
/// takes the code of its flow's first cause in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cause {
    /// A managed-service pair that is not an integration (E0406).
    InvalidIntegration,
    /// No way to the internet from where the source stands (E0305).
    NoWayOut,
    /// A peering crossed twice (E0402).
    NotTransitive,
    /// A peer's internet gateway, NAT or VPN (E0403).
    EdgeToEdge,
    /// No route (E0401).
    NoRoute,
    /// Inbound from outside a VPC to what is not a public entry point (E0601).
    EntryPoint,
    /// A network ACL (E0405).
    Acl,
    /// A security group (E0408 via `flow-not-proven`: flows make their own
    /// rules, so only `archc route` on another port meets it).
    SecurityGroup,
    /// Not modelled, or past the bound of pairs (E0408).
    NotProven,
}

/// The network ACL rule that would let the packet through: what E0405's
/// fix inserts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AclFix {
    /// The `nacl` to add it to.
    pub nacl: NodeId,
    /// The rule line: `allow in 110 1024-65535 from 10.0.0.0/16`.
    pub line: String,
    /// Insert before this rule (the one that denies), or after it when
    /// `after` is set (the last rule, when the `*` rule denies).
    pub at: Span,
    pub after: bool,
}

/// Something that stops a flow one way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Blocker {
    pub reason: Reason,
    /// The layout id of the component that stops it.
    pub component: String,
    pub direction: Direction,
    pub message: String,
    /// Which rule reports it.
    pub cause: Cause,
    /// Where the component is written (a secondary label), if anywhere.
    pub span: Option<Span>,
    /// The exact change in the language that removes it, if archc knows one.
    pub help: Option<String>,
    /// For a network ACL: the rule to add.
    pub acl_fix: Option<AclFix>,
    /// A text insertion that removes it, when archc knows one that is not
    /// sure to be what the user wants (a NAT gateway costs money): an
    /// unsafe fix.
    pub insert: Option<(Span, String)>,
}

impl Blocker {
    /// The blocker as the diagnostic carries it.
    pub fn to_flow_blocker(&self) -> archc_syntax::FlowBlocker {
        archc_syntax::FlowBlocker {
            reason: self.reason.as_str(),
            component: self.component.clone(),
            direction: self.direction.as_str(),
            message: self.message.clone(),
        }
    }
}

/// What proving one flow (or one `archc route` question) found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Proof {
    /// The path forward: as far as it goes when blocked. Recorded by
    /// [`prove_flow`] and [`route`] only (`archc route`), not by
    /// [`prove_flows`].
    pub forward: Vec<Hop>,
    /// The path of the replies.
    pub reply: Vec<Hop>,
    /// Every blocker, both ways; empty when the flow is proven.
    pub blockers: Vec<Blocker>,
    /// Set when an S3 or DynamoDB flow goes out through this NAT gateway
    /// although a gateway endpoint would serve it (W0306); the VPC is the
    /// source's.
    pub service_via_nat: Option<(NodeId, NodeId)>,
}

impl Proof {
    pub fn reachable(&self) -> bool {
        self.blockers.is_empty()
    }

    /// The most fundamental cause among the blockers (the diagnostic's code).
    pub fn cause(&self) -> Option<Cause> {
        self.blockers.iter().map(|b| b.cause).min()
    }
}

/// The proof of each flow of `model`, in flow order (`FlowIndex`): its
/// blockers, without hops (`forward` and `reply` stay empty: the checker
/// reads only blockers; [`prove_flow`] and [`route`] give the path).
pub fn prove_flows(model: &CheckedModel, plan: &Plan) -> Vec<Proof> {
    let walk = path::Walk::new(model, plan, false);
    model.flows().iter().enumerate().map(|(i, f)| walk.prove(f.from.value, f.to.value, &f.ports, Some(i))).collect()
}

/// The proof of flow `flow`.
pub fn prove_flow(model: &CheckedModel, plan: &Plan, flow: FlowIndex) -> Proof {
    match model.flows().get(flow) {
        Some(f) => path::prove(model, plan, f.from.value, f.to.value, &f.ports, Some(flow)),
        None => Proof::default(),
    }
}

/// Whether `from` can open connections to `to` on `ports`, and how
/// (`archc route`): the same proof as a flow's, for any pair.
pub fn route(model: &CheckedModel, plan: &Plan, from: NodeId, to: NodeId, ports: &[PortRange]) -> Proof {
    path::prove(model, plan, from, to, ports, None)
}

#[cfg(test)]
mod tests;
