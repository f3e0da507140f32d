//! E0210: a subnet holds more IP addresses than it has.

use std::collections::BTreeMap;

use archc_syntax::Span;

use super::net::{pools, prefix_for, subnet_blocks, subnets_by_vpc, vpcs};
use super::{rule, Context, Report, Rule};
use crate::model::cidr::{Allocator, Cidr};
use crate::model::{CheckedModel, EndpointType, NatMode, Node, NodeId, NodeKind, SubnetBlock};
use crate::plan::AttachmentTarget;

rule! {
    /// # E0210: subnet capacity
    ///
    /// The resources placed in a subnet need more IP addresses than it has. AWS
    /// reserves five addresses of every subnet (the network address, the VPC
    /// router, the DNS server, one for future use and the broadcast address), so
    /// a /28 has 11 usable addresses and a /24 has 251. See
    /// [Subnet CIDR blocks](https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
    ///
    /// What archc counts in a subnet (a resource placed in several subnets is
    /// spread evenly over them, rounded up):
    ///
    /// - an `ec2`: its `count`;
    /// - a zonal `nat`: 1; an `interface endpoint`, an `efs` (its mount target)
    ///   and a `lambda` in the VPC (its Hyperplane network interface): 1 in each of
    ///   its subnets;
    /// - an `asg`: its `max` (else `desired`, else `min`), an `ecs` service: its
    ///   `tasks` (each Fargate task has its own interface), an `eks` cluster: its
    ///   `nodes` (its pods take more, with the VPC CNI);
    /// - an `rds`: 1, 1 more with `multi_az`, 1 per replica; an `aurora`: 1 writer
    ///   and its replicas; an `elasticache`: its `nodes` (default 1);
    /// - a transit gateway attachment: 1 in each of its subnets.
    ///
    /// A load balancer needs at least 8 free addresses in each of its subnets, to
    /// scale ([Application Load Balancer subnets](https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html)),
    /// so each `alb` or `nlb` counts 8. The help gives the smallest prefix that
    /// holds everything.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/28 {
    ///         ec2 workers { count: 12 }
    ///       }
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0210]: subnet `app_a` (10.0.0.0/28) has 11 usable addresses, and its resources need 12
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/27 {
    ///         ec2 workers { count: 12 }
    ///       }
    ///     }
    ///   }
    /// }
    /// ```
    pub struct SubnetCapacity;
}

/// Addresses a node takes in each of its `n` subnets (None: it takes
/// none), with, for a resource spread over its subnets, its total and what
/// it counts (`60 tasks`).
fn demand(node: &Node, n: u64) -> Option<(u64, Option<String>)> {
    let spread = |total: u64, unit: &str| (total.div_ceil(n.max(1)), (n > 1).then(|| format!("{total} {unit}")));
    let count = |v: Option<&crate::model::Spanned<u32>>, default: u32| u64::from(v.map_or(default, |v| v.value));
    let (each, total) = match &node.kind {
        NodeKind::Ec2(e) => (u64::from(e.count.value), None),
        NodeKind::Nat(nat) if nat.mode.value == NatMode::Zonal => (1, None),
        NodeKind::Endpoint(e) if e.endpoint_type.as_ref().is_some_and(|t| t.value == EndpointType::Interface) => {
            (1, None)
        }
        NodeKind::Efs(_) | NodeKind::Lambda(_) => (1, None),
        NodeKind::Asg(a) => {
            spread(count(a.max.as_ref().or(a.desired.as_ref()).or(a.min.as_ref()), 0), "instances at its max")
        }
        NodeKind::Ecs(e) => spread(count(e.tasks.as_ref(), 1), "tasks"),
        NodeKind::Eks(e) => spread(count(e.nodes.as_ref(), 0), "nodes"),
        NodeKind::Rds(r) => {
            let standby = u64::from(r.multi_az.as_ref().is_some_and(|v| v.value));
            spread(1 + standby + count(r.replicas.as_ref(), 0), "instances")
        }
        NodeKind::Aurora(a) => spread(1 + count(a.replicas.as_ref(), 0), "instances"),
        NodeKind::Elasticache(c) => spread(count(c.nodes.as_ref(), 1), "nodes"),
        NodeKind::Alb(_) | NodeKind::Nlb(_) => (8, None),
        _ => return None,
    };
    (each > 0).then_some((each, total))
}

/// What each subnet holds: (the node, its label span, addresses).
fn consumers(cx: &Context<'_>) -> BTreeMap<NodeId, Vec<(String, Span, u64)>> {
    let m: &CheckedModel = cx.model;
    let mut out: BTreeMap<NodeId, Vec<(String, Span, u64)>> = BTreeMap::new();
    for node in m.nodes() {
        let subnets: Vec<NodeId> = match &node.kind {
            NodeKind::Ec2(e) => e.subnet.into_iter().collect(),
            NodeKind::Nat(n) => n.subnet.into_iter().collect(),
            _ => node.placement.clone(),
        };
        let Some((each, total)) = demand(node, subnets.len() as u64) else { continue };
        let over = total.map(|t| format!(" ({t} over {} subnets)", subnets.len())).unwrap_or_default();
        let what = match &node.kind {
            NodeKind::Alb(_) | NodeKind::Nlb(_) => format!("`{}` needs {each} free addresses to scale", node.name),
            _ if each == 1 => format!("`{}` takes 1 address{over}", node.name),
            _ => format!("`{}` takes {each} addresses{over}", node.name),
        };
        for s in subnets {
            out.entry(s).or_default().push((what.clone(), node.name_span, each));
        }
    }
    for t in &cx.plan.transit_gateways {
        let name = m.get(t.tgw).map_or("", |n| n.name.as_str()).to_string();
        let span = m.get(t.tgw).map_or(Span::detached(), |n| n.name_span);
        for a in t.attachments.iter().filter(|a| matches!(a.target, AttachmentTarget::Vpc(_))) {
            for &s in &a.subnets {
                out.entry(s).or_default().push((format!("the attachment of `{name}` takes 1 address"), span, 1));
            }
        }
    }
    out
}

impl Rule for SubnetCapacity {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let held = consumers(cx);
        let by_vpc = subnets_by_vpc(cx.model);
        for (vpc_id, vpc_node, vpc) in vpcs(cx.model) {
            let Some(subnets) = by_vpc.get(&vpc_id) else { continue };
            // The subnets too small, with what they hold and need.
            let mut full = Vec::new();
            for (i, &(id, _, s)) in subnets.iter().enumerate() {
                let Some(block) = s.cidr.cidr() else { continue };
                // E0204 reports a block AWS refuses outright.
                if !(16..=28).contains(&block.prefix) {
                    continue;
                }
                let Some(list) = held.get(&id) else { continue };
                let need: u64 = list.iter().map(|(_, _, n)| n).sum();
                if need > block.usable_in_subnet() {
                    full.push((i, block, list, need));
                }
            }
            // Larger blocks for them, one after the other, clear of the
            // subnets that stay and of each other.
            let stays: Vec<_> =
                subnets.iter().enumerate().filter(|(j, _)| !full.iter().any(|f| f.0 == *j)).map(|(_, s)| *s).collect();
            let mut allocator = Allocator::new(&pools(vpc), &subnet_blocks(&stays));
            for (i, block, list, need) in full {
                let Some(&(_, node, s)) = subnets.get(i) else { continue };
                let usable = block.usable_in_subnet();
                let (span, written) = match &s.cidr {
                    SubnetBlock::Written(c) => (c.span, true),
                    _ => (node.name_span, false),
                };
                let mut d = report
                    .diagnostic(
                        span,
                        format!(
                            "subnet `{}` ({block}) has {usable} usable addresses, and its resources need {need}",
                            node.name
                        ),
                    )
                    .with_span_label(format!(
                        "a /{} has {} addresses, 5 of them reserved by AWS",
                        block.prefix,
                        block.size()
                    ));
                for (what, at, _) in list.iter().filter(|(_, at, _)| !at.is_detached()) {
                    d = d.with_label(*at, what.clone());
                }
                let help = match prefix_for(need) {
                    Some(p) if !written => {
                        format!("give `{}` `size: /{p}` ({} usable addresses)", node.name, usable_of(p))
                    }
                    Some(p) => match allocator.allocate(p) {
                        Some(free) => format!(
                            "give `{}` a /{p} ({} usable addresses): `{free}` is free in vpc `{}`",
                            node.name,
                            usable_of(p),
                            vpc_node.name
                        ),
                        None => format!(
                            "give `{}` a /{p} ({} usable addresses), after adding a secondary block to vpc `{}`",
                            node.name,
                            usable_of(p),
                            vpc_node.name
                        ),
                    },
                    None => format!("spread the resources of `{}` over more subnets", node.name),
                };
                d = d.with_help(help);
                report.push(d);
            }
        }
    }
}

fn usable_of(prefix: u8) -> u64 {
    Cidr::new(0, prefix).map_or(0, Cidr::usable_in_subnet)
}
