//! E0502: an Application Load Balancer whose subnets are in one zone.

use std::collections::BTreeSet;

use super::zones::{by_zone, second_zone, tier};
use super::{rule, Context, Report, Rule};
use crate::model::limits::ALB_MIN_ZONES;
use crate::model::{NodeKind, Tier};

rule! {
    /// # E0502: ALB in one zone
    ///
    /// An Application Load Balancer needs subnets in at least two
    /// Availability Zones: CreateLoadBalancer refuses an ALB whose subnets
    /// are all in one zone ("You must specify subnets from at least two
    /// Availability Zones"). Two subnets of the same zone do not count twice.
    /// The help names a subnet of the same tier in another zone of the VPC to
    /// add to `in`; the suggested fix adds it (unsafe: it is a choice of
    /// subnet, so `archc check --fix` applies it only with `--unsafe-fixes`).
    /// See [CreateLoadBalancer](https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html).
    ///
    /// A Network Load Balancer may have one zone (rule W0511 warns).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a
    ///     }
    ///     az b {
    ///       public subnet pub_b
    ///     }
    ///     alb web in pub_a
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0502]: the ALB `web` has subnets in one zone only
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a
    ///     }
    ///     az b {
    ///       public subnet pub_b
    ///     }
    ///     alb web in pub_a, pub_b
    ///   }
    /// }
    /// ```
    pub struct AlbOneZone;
}

impl Rule for AlbOneZone {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            if !matches!(node.kind, NodeKind::Alb(_)) {
                continue;
            }
            let zones = by_zone(cx.model, node);
            if zones.is_empty() || zones.len() as u64 >= ALB_MIN_ZONES.value {
                continue;
            }
            let taken: BTreeSet<&str> = zones.keys().copied().collect();
            let zone = zones.keys().next().copied().unwrap_or("?");
            let first_tier = node.placement.first().and_then(|s| tier(cx.model, *s)).unwrap_or(Tier::Public);
            let span = node.placement_span.unwrap_or(node.name_span);
            let mut d = report
                .diagnostic(span, format!("the ALB `{}` has subnets in one zone only", node.name))
                .with_span_label(format!("every subnet here is in zone `{zone}`"));
            d = second_zone(cx.model, node, &taken, &[first_tier], "an ALB needs subnets in two zones: ", d);
            report.push(d);
        }
    }
}
