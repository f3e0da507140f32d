//! Service access: how a resource reaches a regional AWS service (S3, SQS,
//! Lambda's API…). A DNS decision, not a route: the service's public name
//! resolves to an interface endpoint when the VPC has one with private DNS
//! (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html),
//! S3 and DynamoDB go through a gateway endpoint's prefix-list route when
//! the VPC has one
//! (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html),
//! and otherwise the public endpoint is reached over the internet path.

use super::integrations::service_name;
use crate::model::kinds::Kind;
use crate::model::{EndpointType, Model, NodeId, NodeKind};

/// How a flow from `source` reaches the regional service `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ServiceAccess {
    /// The source is outside any VPC (a lambda without subnets, a managed
    /// service): it reaches the service's endpoint directly.
    Direct,
    /// Through the VPC's gateway endpoint (S3, DynamoDB in the same region).
    GatewayEndpoint(NodeId),
    /// A local connection to the VPC's interface endpoint on tcp/443.
    InterfaceEndpoint(NodeId),
    /// The public endpoint over the internet path (IGW from a public subnet,
    /// NAT from a private one): no endpoint serves it, or the service is in
    /// another region.
    InternetPath,
}

/// How `source` reaches `target` when `target` is a regional service (a
/// kind with an endpoint service name: s3, dynamodb, sqs, sns, kinesis,
/// stepfn, apigw, eventbridge, lambda); None otherwise.
pub fn service_access(model: &Model, source: NodeId, target: NodeId) -> Option<ServiceAccess> {
    let t = model.get(target)?;
    let name = service_name(t.kind())?;
    let s = model.get(source)?;
    let Some(vpc) = s.vpc else { return Some(ServiceAccess::Direct) };
    let vpc_region = model.get(vpc).and_then(|v| v.region);
    if t.region.is_none() || t.region != vpc_region {
        return Some(ServiceAccess::InternetPath);
    }
    // Endpoints are declared in their VPC: its children, not the whole model.
    let endpoints = model.children(vpc).filter(|(_, n)| n.kind() == Kind::Endpoint);
    let mut interface = None;
    for (id, n) in endpoints {
        let NodeKind::Endpoint(e) = &n.kind else { continue };
        let (Some(ty), Some(service)) = (&e.endpoint_type, &e.service) else { continue };
        if !serves(&service.value, name) {
            continue;
        }
        match ty.value {
            EndpointType::Gateway if matches!(t.kind(), Kind::S3 | Kind::Dynamodb) => {
                return Some(ServiceAccess::GatewayEndpoint(id));
            }
            EndpointType::Interface if interface.is_none() && private_dns(model, vpc, e) => interface = Some(id),
            _ => {}
        }
    }
    Some(interface.map_or(ServiceAccess::InternetPath, ServiceAccess::InterfaceEndpoint))
}

/// Whether an endpoint's service (`sqs`, or `com.amazonaws.REGION.sqs`) is
/// the service `name`.
fn serves(service: &str, name: &str) -> bool {
    service == name || service.strip_suffix(name).is_some_and(|head| head.ends_with('.'))
}

/// Private DNS on the endpoint answers for the public name only when the VPC
/// has DNS support and DNS host names
/// (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html).
fn private_dns(model: &Model, vpc: NodeId, e: &crate::model::Endpoint) -> bool {
    let vpc_dns = match model.get(vpc).map(|v| &v.kind) {
        Some(NodeKind::Vpc(v)) => v.dns_support.value && v.dns_hostnames.value,
        _ => false,
    };
    e.private_dns.value && vpc_dns
}
