//! The plan's wire form (`archc plan --format json`; docs/plan.md documents
//! the shape): a serialisable view, separate from the plan so the JSON stays
//! stable while the plan's types grow. Nodes are named by their layout ids
//! (qualified ids, as in `archc model --format json`), peerings by their
//! names, flows by their index in the model's `flows`; blocks, ports and
//! actions as the language writes them.

use serde::Serialize;

use super::{AclEntry, AttachmentTarget, Destination, GatewayService, Plan, RouteTarget, SgPeer, SgRule};
use crate::model::{Model, NodeId};

#[derive(Clone, Debug, Serialize)]
pub struct PlanView {
    pub route_tables: Vec<RouteTableView>,
    pub security_groups: Vec<SecurityGroupView>,
    pub network_acls: Vec<NetworkAclView>,
    pub transit_gateways: Vec<TransitGatewayView>,
    pub permissions: Vec<PermissionView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RouteTableView {
    pub subnet: String,
    pub vpc: String,
    pub routes: Vec<RouteView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RouteView {
    /// A CIDR block, or `prefix-list:s3` / `prefix-list:dynamodb`.
    pub destination: String,
    pub target: TargetView,
}

#[derive(Clone, Debug, Serialize)]
pub struct TargetView {
    /// `local`, `igw`, `nat`, `gateway-endpoint`, `peering`, `tgw`, `vgw`.
    pub kind: &'static str,
    /// The node's id (a vpn's or dx's for `vgw`), the peering's name; None
    /// for `local`.
    pub id: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SecurityGroupView {
    pub owner: String,
    pub vpc: String,
    pub ingress: Vec<SgRuleView>,
    pub egress: Vec<SgRuleView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SgRuleView {
    /// `tcp/443`, `udp/53`, `tcp/1024-65535`, `icmp`, `all`.
    pub ports: String,
    pub peer: PeerView,
    /// The index of the flow in the model's `flows`; None for the default
    /// egress rule.
    pub flow: Option<usize>,
}

#[derive(Clone, Debug, Serialize)]
pub struct PeerView {
    /// `security-group`, `cidr`, `cloudfront-origins`, `vpc-link`.
    pub kind: &'static str,
    /// The owner of the security group, or the api of the VPC link.
    pub id: Option<String>,
    pub cidr: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct NetworkAclView {
    /// None for the VPC's default ACL.
    pub nacl: Option<String>,
    pub vpc: String,
    pub subnets: Vec<String>,
    pub inbound: Vec<AclEntryView>,
    pub outbound: Vec<AclEntryView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AclEntryView {
    /// None for the final `*` rule.
    pub number: Option<u32>,
    pub action: &'static str,
    pub ports: String,
    pub cidr: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct TransitGatewayView {
    pub tgw: String,
    pub attachments: Vec<AttachmentView>,
    pub routes: Vec<TgwRouteView>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AttachmentView {
    /// `vpc`, `vpn`, `dx`, `peering`.
    pub kind: &'static str,
    /// The vpc, vpn or dx; for a peering, the other transit gateway.
    pub id: String,
    pub subnets: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TgwRouteView {
    pub destination: String,
    /// The index in `attachments`.
    pub attachment: usize,
    pub propagated: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct PermissionView {
    pub flow: usize,
    pub source: String,
    pub target: String,
    pub integration: &'static str,
    pub principal: &'static str,
    pub actions: Vec<&'static str>,
}

/// The view of `plan`, derived from `model`.
pub fn view(model: &Model, plan: &Plan) -> PlanView {
    let id = |n: NodeId| model.get(n).map_or_else(|| format!("#{}", n.0), |n| n.id.clone());
    let route_tables = plan
        .route_tables
        .iter()
        .map(|rt| RouteTableView {
            subnet: id(rt.subnet),
            vpc: id(rt.vpc),
            routes: rt
                .routes
                .iter()
                .map(|r| RouteView {
                    destination: match r.destination {
                        Destination::Cidr(c) => c.to_string(),
                        Destination::PrefixList(GatewayService::S3) => "prefix-list:s3".into(),
                        Destination::PrefixList(GatewayService::DynamoDb) => "prefix-list:dynamodb".into(),
                    },
                    target: {
                        let (kind, target) = match r.target {
                            RouteTarget::Local => ("local", None),
                            RouteTarget::InternetGateway(n) => ("igw", Some(id(n))),
                            RouteTarget::NatGateway(n) => ("nat", Some(id(n))),
                            RouteTarget::GatewayEndpoint(n) => ("gateway-endpoint", Some(id(n))),
                            RouteTarget::Peering(i) => (
                                "peering",
                                Some(model.peerings().get(i).map_or_else(|| format!("#{i}"), |p| p.name.value.clone())),
                            ),
                            RouteTarget::TransitGateway(n) => ("tgw", Some(id(n))),
                            RouteTarget::VirtualPrivateGateway(n) => ("vgw", Some(id(n))),
                        };
                        TargetView { kind, id: target }
                    },
                })
                .collect(),
        })
        .collect();
    let rule = |r: &SgRule| {
        let (kind, pid, cidr) = match r.peer {
            SgPeer::Group(n) => ("security-group", Some(id(n)), None),
            SgPeer::Cidr(c) => ("cidr", None, Some(c.to_string())),
            SgPeer::CloudFrontOrigins => ("cloudfront-origins", None, None),
            SgPeer::VpcLink(n) => ("vpc-link", Some(id(n)), None),
        };
        SgRuleView { ports: r.ports.to_string(), peer: PeerView { kind, id: pid, cidr }, flow: r.flow }
    };
    let security_groups = plan
        .security_groups
        .iter()
        .map(|g| SecurityGroupView {
            owner: id(g.owner),
            vpc: id(g.vpc),
            ingress: g.ingress.iter().map(rule).collect(),
            egress: g.egress.iter().map(rule).collect(),
        })
        .collect();
    let entry = |e: &AclEntry| AclEntryView {
        number: e.number,
        action: e.action.as_str(),
        ports: e.ports.to_string(),
        cidr: e.cidr.to_string(),
    };
    let network_acls = plan
        .network_acls
        .iter()
        .map(|a| NetworkAclView {
            nacl: a.nacl.map(id),
            vpc: id(a.vpc),
            subnets: a.subnets.iter().map(|&s| id(s)).collect(),
            inbound: a.inbound.iter().map(entry).collect(),
            outbound: a.outbound.iter().map(entry).collect(),
        })
        .collect();
    let transit_gateways = plan
        .transit_gateways
        .iter()
        .map(|t| TransitGatewayView {
            tgw: id(t.tgw),
            attachments: t
                .attachments
                .iter()
                .map(|a| {
                    let (kind, n) = match a.target {
                        AttachmentTarget::Vpc(n) => ("vpc", n),
                        AttachmentTarget::Vpn(n) => ("vpn", n),
                        AttachmentTarget::DirectConnect(n) => ("dx", n),
                        AttachmentTarget::Peer(n) => ("peering", n),
                    };
                    AttachmentView { kind, id: id(n), subnets: a.subnets.iter().map(|&s| id(s)).collect() }
                })
                .collect(),
            routes: t
                .routes
                .iter()
                .map(|r| TgwRouteView {
                    destination: r.destination.to_string(),
                    attachment: r.attachment,
                    propagated: r.propagated,
                })
                .collect(),
        })
        .collect();
    let permissions = plan
        .permissions
        .iter()
        .map(|p| PermissionView {
            flow: p.flow,
            source: id(p.source),
            target: id(p.target),
            integration: p.integration,
            principal: p.principal,
            actions: p.actions.to_vec(),
        })
        .collect();
    PlanView { route_tables, security_groups, network_acls, transit_gateways, permissions }
}
