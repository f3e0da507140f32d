//! The network plan: the network AWS would build for a design, derived once
//! from the model (docs/plan.md says how each part is derived and why).
//!
//! Each subnet's route table, each resource's security group, each subnet's
//! network ACL, each transit gateway's attachments and route table, and each
//! integration's permission. The checker proves every flow over this plan
//! (`crate::reach`); the CloudFormation emitter will write this same plan,
//! so what is proven is what deploys. It is plain data: no rule reads the
//! model's topology a second way to decide what the network is.
//!
//! Order is part of the value: every list follows declaration order (routes
//! by the rule in docs/plan.md), so the printed plan is byte-stable.

mod access;
mod acls;
mod derive;
mod human;
pub mod integrations;
mod permissions;
mod routes;
mod security_groups;
mod tgw;
pub mod view;

pub use access::{service_access, ServiceAccess};
pub use derive::derive;
pub use human::{render_human, render_human_with};

use crate::model::cidr::Cidr;
use crate::model::ports::PortRange;
use crate::model::{Action, Model, NodeId};
use archc_syntax::Span;

/// The index of a flow in `Model::flows()`.
pub type FlowIndex = usize;

/// The index of a peering in `Model::peerings()`.
pub type PeeringIndex = usize;

/// The derived network of one design.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// One per subnet, in subnet declaration order.
    pub route_tables: Vec<RouteTable>,
    /// One per node that takes a security group (`Node::takes_security_group`),
    /// in declaration order.
    pub security_groups: Vec<SecurityGroup>,
    /// One per VPC with a subnet that no `nacl` covers (its default ACL),
    /// then one per `nacl`, in declaration order.
    pub network_acls: Vec<NetworkAcl>,
    /// One per transit gateway, in declaration order.
    pub transit_gateways: Vec<TransitGatewayPlan>,
    /// One per integration flow (LANGUAGE.md §5), in flow order.
    pub permissions: Vec<Permission>,
    /// Per node index: its route table, security group and network ACL
    /// (indexes into the lists above).
    pub(crate) index: PlanIndex,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct PlanIndex {
    pub(crate) route_table: Vec<Option<usize>>,
    pub(crate) security_group: Vec<Option<usize>>,
    pub(crate) network_acl: Vec<Option<usize>>,
}

impl Plan {
    /// The route table of a subnet.
    pub fn route_table(&self, subnet: NodeId) -> Option<&RouteTable> {
        let i = (*self.index.route_table.get(subnet.0)?)?;
        self.route_tables.get(i)
    }

    /// The security group of a resource.
    pub fn security_group(&self, node: NodeId) -> Option<&SecurityGroup> {
        let i = (*self.index.security_group.get(node.0)?)?;
        self.security_groups.get(i)
    }

    /// The network ACL a subnet is associated with (its VPC's default when
    /// no `nacl` names it).
    pub fn network_acl(&self, subnet: NodeId) -> Option<&NetworkAcl> {
        let i = (*self.index.network_acl.get(subnet.0)?)?;
        self.network_acls.get(i)
    }

    /// The route tables of a VPC's subnets, in subnet order.
    pub fn route_tables_of(&self, vpc: NodeId) -> impl Iterator<Item = &RouteTable> + '_ {
        self.route_tables.iter().filter(move |t| t.vpc == vpc)
    }

    /// The plan of a transit gateway.
    pub fn transit_gateway(&self, tgw: NodeId) -> Option<&TransitGatewayPlan> {
        self.transit_gateways.iter().find(|t| t.tgw == tgw)
    }

    /// The transit gateways a VPC is attached to, in declaration order.
    pub fn transit_gateways_of(&self, vpc: NodeId) -> impl Iterator<Item = &TransitGatewayPlan> + '_ {
        self.transit_gateways
            .iter()
            .filter(move |t| t.attachments.iter().any(|a| a.target == AttachmentTarget::Vpc(vpc)))
    }

    /// The permission of an integration flow.
    pub fn permission(&self, flow: FlowIndex) -> Option<&Permission> {
        self.permissions.iter().find(|p| p.flow == flow)
    }
}

impl RouteTable {
    /// The route an address takes: the longest prefix that covers it (a
    /// prefix-list route never matches a plain address: see
    /// [`RouteTable::lookup_service`]).
    pub fn lookup(&self, addr: u32) -> Option<&Route> {
        self.routes
            .iter()
            .filter_map(|r| match r.destination {
                Destination::Cidr(c) if c.first() <= addr && addr <= c.last() => Some((c.prefix, r)),
                _ => None,
            })
            .max_by_key(|(prefix, _)| *prefix)
            .map(|(_, r)| r)
    }

    /// The route to a gateway service's public addresses: its prefix-list
    /// route, else the default route (0.0.0.0/0).
    pub fn lookup_service(&self, service: GatewayService) -> Option<&Route> {
        self.routes.iter().find(|r| r.destination == Destination::PrefixList(service)).or_else(|| self.default_route())
    }

    /// The 0.0.0.0/0 route, if any.
    pub fn default_route(&self) -> Option<&Route> {
        self.routes.iter().find(|r| matches!(r.destination, Destination::Cidr(c) if c.prefix == 0))
    }
}

impl TransitGatewayPlan {
    /// The route an address takes in the transit gateway's route table
    /// (longest prefix).
    pub fn lookup(&self, addr: u32) -> Option<&TgwRoute> {
        self.routes
            .iter()
            .filter(|r| r.destination.first() <= addr && addr <= r.destination.last())
            .max_by_key(|r| r.destination.prefix)
    }
}

/// A subnet's route table (each subnet has its own, so each can be read and
/// emitted alone).
#[derive(Clone, Debug, PartialEq)]
pub struct RouteTable {
    pub subnet: NodeId,
    pub vpc: NodeId,
    /// Local routes first (one per VPC block), then the rest by destination
    /// (CIDRs by address and prefix, then prefix lists).
    pub routes: Vec<Route>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    pub destination: Destination,
    pub target: RouteTarget,
}

/// Where a route sends packets to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Destination {
    Cidr(Cidr),
    /// The AWS-managed prefix list of a gateway endpoint's service in the
    /// VPC's region (`pl-…` for `com.amazonaws.REGION.s3`).
    PrefixList(GatewayService),
}

/// The services a gateway endpoint serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GatewayService {
    S3,
    DynamoDb,
}

/// Where a route sends packets through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RouteTarget {
    /// Inside the VPC.
    Local,
    /// The VPC's `igw`.
    InternetGateway(NodeId),
    /// A `nat` (zonal in a subnet, or regional).
    NatGateway(NodeId),
    /// A `gateway endpoint`.
    GatewayEndpoint(NodeId),
    /// A `peering` of the model.
    Peering(PeeringIndex),
    /// A `tgw` the VPC is attached to.
    TransitGateway(NodeId),
    /// The virtual private gateway of a `vpn` (or `dx`) with `vgw:` on this
    /// VPC; the node is the vpn or dx.
    VirtualPrivateGateway(NodeId),
}

impl RouteTarget {
    /// The target as the printed plan and `archc route` write it (`nat
    /// nat_a`, `peering dev_shared`, `vgw of vpn office`), each node named
    /// by `name`.
    pub fn describe(self, model: &Model, name: impl Fn(NodeId) -> String) -> String {
        match self {
            RouteTarget::Local => "local".to_string(),
            RouteTarget::InternetGateway(n) => format!("igw {}", name(n)),
            RouteTarget::NatGateway(n) => format!("nat {}", name(n)),
            RouteTarget::GatewayEndpoint(n) => format!("gateway endpoint {}", name(n)),
            RouteTarget::Peering(i) => match model.peerings().get(i) {
                Some(p) => format!("peering {}", p.name.value),
                None => format!("peering #{i}"),
            },
            RouteTarget::TransitGateway(n) => format!("tgw {}", name(n)),
            RouteTarget::VirtualPrivateGateway(n) => match model.get(n) {
                Some(node) => format!("vgw of {} {}", node.kind().keyword(), name(n)),
                None => format!("vgw of {}", name(n)),
            },
        }
    }
}

/// A resource's security group: stateful, allow-only.
#[derive(Clone, Debug, PartialEq)]
pub struct SecurityGroup {
    pub owner: NodeId,
    pub vpc: NodeId,
    /// One rule per flow into the owner and port range, in flow order.
    pub ingress: Vec<SgRule>,
    /// AWS's default: everything out (`flow` None). Replies to admitted
    /// connections pass both ways whatever the rules say.
    pub egress: Vec<SgRule>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SgRule {
    pub ports: PortRange,
    pub peer: SgPeer,
    /// The flow this rule was derived from; None for AWS's default egress.
    pub flow: Option<FlowIndex>,
}

/// Who a security-group rule admits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SgPeer {
    /// The security group of another resource (same VPC, or a peer VPC in
    /// the same region).
    Group(NodeId),
    /// An address block: `0.0.0.0/0` for `internet` and `users`, an
    /// on-premises block, a subnet of a peer VPC in another region.
    Cidr(Cidr),
    /// CloudFront's origin-facing managed prefix list.
    CloudFrontOrigins,
    /// The security group of an API Gateway VPC link (the node is the api).
    VpcLink(NodeId),
}

/// A network ACL with its rules in evaluation order.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkAcl {
    /// The `nacl`, or None for the VPC's default ACL (allows everything).
    pub nacl: Option<NodeId>,
    pub vpc: NodeId,
    pub subnets: Vec<NodeId>,
    /// By rule number, then the implicit `*` deny last.
    pub inbound: Vec<AclEntry>,
    pub outbound: Vec<AclEntry>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AclEntry {
    /// None for the final `*` rule.
    pub number: Option<u32>,
    pub action: Action,
    pub ports: PortRange,
    /// The remote block (source inbound, destination outbound).
    pub cidr: Cidr,
    /// The rule as written; None for the default ACL's and `*` rules.
    pub span: Option<Span>,
}

/// A transit gateway: its attachments and its one route table (archc uses
/// the default association and propagation table).
#[derive(Clone, Debug, PartialEq)]
pub struct TransitGatewayPlan {
    pub tgw: NodeId,
    pub attachments: Vec<TgwAttachment>,
    /// Longest prefix wins; propagated VPC and VPN routes, then static
    /// routes over peering attachments.
    pub routes: Vec<TgwRoute>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TgwAttachment {
    pub target: AttachmentTarget,
    /// For a VPC: one subnet per zone of the VPC (docs/plan.md says which).
    pub subnets: Vec<NodeId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AttachmentTarget {
    Vpc(NodeId),
    Vpn(NodeId),
    DirectConnect(NodeId),
    /// A peering attachment to another `tgw`.
    Peer(NodeId),
}

#[derive(Clone, Debug, PartialEq)]
pub struct TgwRoute {
    pub destination: Cidr,
    /// Index into `attachments`.
    pub attachment: usize,
    /// False for a static route (peering attachments).
    pub propagated: bool,
}

/// What an integration (a flow between managed services) needs: a resource
/// policy or role that lets `principal` do `action` on the target.
#[derive(Clone, Debug, PartialEq)]
pub struct Permission {
    pub flow: FlowIndex,
    pub source: NodeId,
    pub target: NodeId,
    /// What AWS runs: "S3 event notification", "SNS subscription"…
    pub integration: &'static str,
    /// The service principal that acts (`s3.amazonaws.com`).
    pub principal: &'static str,
    /// The actions granted (`lambda:InvokeFunction`).
    pub actions: &'static [&'static str],
}

#[cfg(test)]
mod tests;
