//! Derives the [`Plan`] from a checked model (docs/plan.md).
//!
//! [`Facts`] reads the model's topology once (subnets per VPC and zone, the
//! gateways of each VPC, the flows into each node); each part of the plan is
//! then derived from it by its own module, in the order one part needs the
//! other: transit gateways before route tables (a VPC's routes to a transit
//! gateway are the destinations of its route table).

use super::{acls, permissions, routes, security_groups, tgw, Plan, PlanIndex};
use crate::model::cidr::Cidr;
use crate::model::kinds::Kind;
use crate::model::{CheckedModel, EndpointType, Model, NodeId, NodeKind, Tier};

/// The network AWS would build for `model`.
pub fn derive(model: &CheckedModel) -> Plan {
    derive_model(model)
}

/// [`derive`] on any model (the unit tests' and the tools' entry; a model
/// with errors gives a best-effort plan).
pub(crate) fn derive_model(model: &Model) -> Plan {
    let facts = Facts::new(model);
    let transit_gateways = tgw::derive(&facts);
    let route_tables = routes::derive(&facts, &transit_gateways);
    let security_groups = security_groups::derive(&facts);
    let network_acls = acls::derive(&facts);
    let permissions = permissions::derive(&facts);

    let n = model.nodes().len();
    let mut index = PlanIndex { route_table: vec![None; n], security_group: vec![None; n], network_acl: vec![None; n] };
    for (i, rt) in route_tables.iter().enumerate() {
        if let Some(slot) = index.route_table.get_mut(rt.subnet.0) {
            *slot = Some(i);
        }
    }
    for (i, sg) in security_groups.iter().enumerate() {
        if let Some(slot) = index.security_group.get_mut(sg.owner.0) {
            *slot = Some(i);
        }
    }
    for (i, acl) in network_acls.iter().enumerate() {
        for s in &acl.subnets {
            if let Some(slot @ None) = index.network_acl.get_mut(s.0) {
                *slot = Some(i);
            }
        }
    }
    Plan { route_tables, security_groups, network_acls, transit_gateways, permissions, index }
}

/// `0.0.0.0/0`.
pub(crate) fn any() -> Cidr {
    Cidr::new(0, 0).unwrap_or(Cidr::PLACEHOLDER)
}

/// A subnet as the plan reads it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SubnetFacts {
    pub id: NodeId,
    pub vpc: NodeId,
    pub zone: Option<NodeId>,
    pub tier: Option<Tier>,
    /// The block it denotes (host bits cleared); None when unallocated.
    pub cidr: Option<Cidr>,
}

/// What the plan's parts read of the model, gathered once.
pub(crate) struct Facts<'m> {
    pub model: &'m Model,
    /// Every VPC, in declaration order.
    pub vpcs: Vec<NodeId>,
    /// Every subnet with a VPC, in declaration order.
    pub subnets: Vec<SubnetFacts>,
    /// Per node index, the indexes of the flows into it, in flow order.
    pub flows_to: Vec<Vec<usize>>,
    /// Per node index, its place in `subnets`.
    subnet_at: Vec<Option<usize>>,
    /// Per VPC node index, the nodes that belong to it, in declaration order.
    members: Vec<Vec<NodeId>>,
    /// Per VPC node index, its subnets (indexes into `subnets`).
    subnets_by_vpc: Vec<Vec<usize>>,
    /// Every `vpn` and `dx`, in declaration order.
    pub links: Vec<NodeId>,
}

impl<'m> Facts<'m> {
    pub fn new(model: &'m Model) -> Facts<'m> {
        let vpcs = model.of_kind(Kind::Vpc).map(|(id, _)| id).collect();
        let subnets: Vec<SubnetFacts> = model
            .of_kind(Kind::Subnet)
            .filter_map(|(id, node)| {
                let NodeKind::Subnet(s) = &node.kind else { return None };
                Some(SubnetFacts {
                    id,
                    vpc: node.vpc?,
                    zone: s.zone,
                    tier: s.tier.as_ref().map(|t| t.value),
                    cidr: s.cidr.cidr().map(Cidr::network),
                })
            })
            .collect();
        let mut flows_to = vec![Vec::new(); model.nodes().len()];
        for (i, f) in model.flows().iter().enumerate() {
            if let Some(list) = flows_to.get_mut(f.to.value.0) {
                list.push(i);
            }
        }
        let mut subnet_at = vec![None; model.nodes().len()];
        for (i, s) in subnets.iter().enumerate() {
            if let Some(slot) = subnet_at.get_mut(s.id.0) {
                *slot = Some(i);
            }
        }
        let mut members = vec![Vec::new(); model.nodes().len()];
        let mut links = Vec::new();
        for (i, n) in model.nodes().iter().enumerate() {
            if let Some(list) = n.vpc.and_then(|v| members.get_mut(v.0)) {
                list.push(NodeId(i));
            }
            if matches!(n.kind(), Kind::Vpn | Kind::Dx) {
                links.push(NodeId(i));
            }
        }
        let mut subnets_by_vpc = vec![Vec::new(); model.nodes().len()];
        for (i, s) in subnets.iter().enumerate() {
            if let Some(list) = subnets_by_vpc.get_mut(s.vpc.0) {
                list.push(i);
            }
        }
        Facts { model, vpcs, subnets, flows_to, subnet_at, members, subnets_by_vpc, links }
    }

    pub fn kind(&self, id: NodeId) -> Option<Kind> {
        self.model.get(id).map(|n| n.kind())
    }

    /// The VPC's blocks (host bits cleared), primary first.
    pub fn vpc_blocks(&self, vpc: NodeId) -> Vec<Cidr> {
        match self.model.get(vpc).map(|n| &n.kind) {
            Some(NodeKind::Vpc(v)) => v.blocks.iter().map(|b| b.value.network()).collect(),
            _ => Vec::new(),
        }
    }

    /// The subnets of a VPC, in declaration order.
    pub fn subnets_of(&self, vpc: NodeId) -> impl Iterator<Item = &SubnetFacts> + '_ {
        self.subnets_by_vpc.get(vpc.0).into_iter().flatten().filter_map(|&i| self.subnets.get(i))
    }

    pub fn subnet(&self, id: NodeId) -> Option<&SubnetFacts> {
        self.subnets.get((*self.subnet_at.get(id.0)?)?)
    }

    /// The zones of a VPC, in declaration order.
    pub fn zones_of(&self, vpc: NodeId) -> Vec<NodeId> {
        self.model.children(vpc).filter(|(_, n)| n.kind() == Kind::Az).map(|(id, _)| id).collect()
    }

    /// The nodes of `kind` that belong to `vpc`, in declaration order.
    pub fn in_vpc(&self, vpc: NodeId, kind: Kind) -> impl Iterator<Item = (NodeId, &'m crate::model::Node)> + '_ {
        let model = self.model;
        self.members
            .get(vpc.0)
            .into_iter()
            .flatten()
            .filter_map(move |&id| model.get(id).map(|n| (id, n)))
            .filter(move |(_, n)| n.kind() == kind)
    }

    /// The VPC's first `igw`.
    pub fn igw_of(&self, vpc: NodeId) -> Option<NodeId> {
        self.in_vpc(vpc, Kind::Igw).map(|(id, _)| id).next()
    }

    /// The service (`s3`, `dynamodb`) of a gateway endpoint.
    pub fn gateway_endpoints_of(&self, vpc: NodeId) -> Vec<(NodeId, super::GatewayService)> {
        self.in_vpc(vpc, Kind::Endpoint)
            .filter_map(|(id, n)| {
                let NodeKind::Endpoint(e) = &n.kind else { return None };
                if e.endpoint_type.as_ref()?.value != EndpointType::Gateway {
                    return None;
                }
                let service = match e.service.as_ref()?.value.as_str() {
                    "s3" => super::GatewayService::S3,
                    "dynamodb" => super::GatewayService::DynamoDb,
                    _ => return None,
                };
                Some((id, service))
            })
            .collect()
    }

    /// The block of an `onprem` network.
    pub fn onprem_block(&self, id: NodeId) -> Option<Cidr> {
        match self.model.get(id).map(|n| &n.kind) {
            Some(NodeKind::Onprem(o)) => o.cidr.as_ref().map(|c| c.value.network()),
            _ => None,
        }
    }
}
