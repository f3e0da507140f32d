//! Network ACLs (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html).
//!
//! A subnet no `nacl` names is associated with its VPC's default ACL, which
//! allows all traffic both ways (rule 100) before the `*` deny
//! (https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html).
//! A `nacl` is a custom ACL: its rules evaluated by number, lowest first,
//! then the `*` deny; custom ACLs allow nothing unless a rule says so. They
//! are stateless: replies need their own rules.

use super::derive::{any, Facts};
use super::{AclEntry, NetworkAcl};
use crate::model::kinds::Kind;
use crate::model::ports::{PortRange, Protocol};
use crate::model::{Action, NodeId, NodeKind, RuleDirection};

const ALL: PortRange = PortRange { protocol: Protocol::All, from: 0, to: 65535 };

pub(crate) fn derive(facts: &Facts<'_>) -> Vec<NetworkAcl> {
    let model = facts.model;
    // The subnets each `nacl` owns: those it names that no earlier one does.
    let mut claimed: Vec<bool> = vec![false; model.nodes().len()];
    let is_claimed = |claimed: &[bool], s: NodeId| claimed.get(s.0).copied().unwrap_or(false);
    let mut custom: Vec<NetworkAcl> = Vec::new();
    for (id, node) in model.of_kind(Kind::Nacl) {
        let NodeKind::Nacl(n) = &node.kind else { continue };
        let Some(vpc) = node.vpc else { continue };
        let mut subnets = Vec::new();
        for &s in &node.placement {
            if facts.subnet(s).is_some() && !is_claimed(&claimed, s) {
                if let Some(c) = claimed.get_mut(s.0) {
                    *c = true;
                }
                subnets.push(s);
            }
        }
        let mut rules: Vec<_> = n.rules.iter().collect();
        rules.sort_by_key(|r| r.number.value);
        let entries = |dir: RuleDirection| {
            let mut out: Vec<AclEntry> = Vec::new();
            for r in rules.iter().filter(|r| r.direction == dir) {
                for p in &r.ports {
                    out.push(AclEntry {
                        number: Some(r.number.value),
                        action: r.action,
                        ports: *p,
                        cidr: r.cidr.value.network(),
                        span: Some(r.span),
                    });
                }
            }
            out.push(deny_all());
            out
        };
        custom.push(NetworkAcl {
            nacl: Some(id),
            vpc,
            subnets,
            inbound: entries(RuleDirection::In),
            outbound: entries(RuleDirection::Out),
        });
    }

    let mut out = Vec::new();
    for &vpc in &facts.vpcs {
        let subnets: Vec<NodeId> = facts.subnets_of(vpc).map(|s| s.id).filter(|&s| !is_claimed(&claimed, s)).collect();
        if subnets.is_empty() {
            continue;
        }
        let entries = || {
            vec![AclEntry { number: Some(100), action: Action::Allow, ports: ALL, cidr: any(), span: None }, deny_all()]
        };
        out.push(NetworkAcl { nacl: None, vpc, subnets, inbound: entries(), outbound: entries() });
    }
    out.extend(custom);
    out
}

fn deny_all() -> AclEntry {
    AclEntry { number: None, action: Action::Deny, ports: ALL, cidr: any(), span: None }
}
