//! Security groups: one per resource that takes one
//! (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html).
//!
//! Ingress admits exactly the flows drawn into the resource, on exactly
//! their ports, from the narrowest peer AWS can name: the source's security
//! group in the same VPC, the source's subnets' blocks across VPCs
//! (a security group can be referenced across a peering only in one region,
//! and not across a transit gateway: blocks work everywhere), `0.0.0.0/0`
//! for the internet. Egress is AWS's default (everything out); security
//! groups are stateful, so replies need no rule. An interface endpoint's
//! group admits tcp/443 from every resource whose service calls resolve to
//! it. Integration flows (an S3 notification to a function…) are AWS calling
//! an API, not a connection into the resource: they take no rule.

use super::access::{service_access, ServiceAccess};
use super::derive::{any, Facts};
use super::integrations::{classify, PairKind};
use super::{SecurityGroup, SgPeer, SgRule};
use crate::model::kinds::Kind;
use crate::model::ports::{PortRange, Protocol};
use crate::model::{NodeId, NodeKind};

pub(crate) fn derive(facts: &Facts<'_>) -> Vec<SecurityGroup> {
    let model = facts.model;
    // The flows that resolve to each interface endpoint (service access).
    let mut via_endpoint: Vec<Vec<usize>> = vec![Vec::new(); model.nodes().len()];
    for (i, f) in model.flows().iter().enumerate() {
        if let Some(ServiceAccess::InterfaceEndpoint(ep)) = service_access(model, f.from.value, f.to.value) {
            if let Some(list) = via_endpoint.get_mut(ep.0) {
                list.push(i);
            }
        }
    }
    let mut out = Vec::new();
    for (i, node) in model.nodes().iter().enumerate() {
        let owner = NodeId(i);
        if !node.takes_security_group() {
            continue;
        }
        let Some(vpc) = node.vpc else { continue };
        let mut flows: Vec<usize> = facts.flows_to.get(i).cloned().unwrap_or_default();
        let is_endpoint = matches!(node.kind, NodeKind::Endpoint(_));
        if is_endpoint {
            flows.extend(via_endpoint.get(i).into_iter().flatten().copied());
            flows.sort_unstable();
            flows.dedup();
        }
        let mut ingress = Vec::new();
        for fi in flows {
            let Some(f) = model.flows().get(fi) else { continue };
            let source = f.from.value;
            let Some(source_kind) = facts.kind(source) else { continue };
            if matches!(classify(source_kind, node.kind()), PairKind::Integration(_)) {
                continue;
            }
            let ports: Vec<PortRange> =
                if is_endpoint && f.to.value != owner { vec![PortRange::tcp(443)] } else { f.ports.clone() };
            let peers = peers_of(facts, source, vpc);
            for p in &ports {
                for &peer in &peers {
                    ingress.push(SgRule { ports: *p, peer, flow: Some(fi) });
                }
            }
        }
        let egress = vec![SgRule {
            ports: PortRange { protocol: Protocol::All, from: 0, to: 65535 },
            peer: SgPeer::Cidr(any()),
            flow: None,
        }];
        out.push(SecurityGroup { owner, vpc, ingress, egress });
    }
    out
}

/// Whom a rule for flows from `source` into a group of VPC `vpc` admits.
fn peers_of(facts: &Facts<'_>, source: NodeId, vpc: NodeId) -> Vec<SgPeer> {
    let model = facts.model;
    let Some(node) = model.get(source) else { return Vec::new() };
    match node.kind() {
        Kind::Internet | Kind::Users => return vec![SgPeer::Cidr(any())],
        Kind::Onprem => return facts.onprem_block(source).map(SgPeer::Cidr).into_iter().collect(),
        Kind::Cloudfront => return vec![SgPeer::CloudFrontOrigins],
        Kind::Apigw => return vec![SgPeer::VpcLink(source)],
        _ => {}
    }
    match node.vpc {
        Some(v) if v == vpc && node.takes_security_group() => vec![SgPeer::Group(source)],
        Some(_) => {
            let mut blocks = Vec::new();
            for s in &node.placement {
                if let Some(c) = facts.subnet(*s).and_then(|s| s.cidr) {
                    if !blocks.contains(&SgPeer::Cidr(c)) {
                        blocks.push(SgPeer::Cidr(c));
                    }
                }
            }
            blocks
        }
        None => vec![SgPeer::Cidr(any())],
    }
}
