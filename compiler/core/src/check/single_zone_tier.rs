//! W0511: a tier confined to one zone.

use std::collections::BTreeSet;

use super::zones::{by_zone, second_zone, tier};
use super::{rule, Context, Report, Rule};
use crate::model::{NodeKind, Tier};

rule! {
    /// # W0511: tier in one zone
    ///
    /// An Auto Scaling group, ECS service, EKS cluster, Network Load Balancer,
    /// Lambda function in a VPC, or ElastiCache cluster of several nodes,
    /// whose subnets are all in one Availability Zone, has no failover: when
    /// that zone fails, the whole tier does. AWS recommends placing each tier
    /// in at least two zones ("By launching instances in at least two
    /// Availability Zones, you can protect your applications from the failure
    /// of a single Availability Zone"). It is a warning: a single-zone tier
    /// deploys, and may be a deliberate choice for a test environment. (An
    /// EKS cluster itself needs subnets in two zones; an ALB, RDS and Aurora
    /// in one zone are errors E0502 and E0505.)
    /// See [Subnets for your VPC](https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html)
    /// and [Add an Availability Zone](https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-add-availability-zone.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a
    ///     }
    ///     az b {
    ///       private subnet app_b
    ///     }
    ///     asg app in app_a {
    ///       min: 2
    ///       max: 4
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0511]: the Auto Scaling group `app` runs in one zone only
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a
    ///     }
    ///     az b {
    ///       private subnet app_b
    ///     }
    ///     asg app in app_a, app_b {
    ///       min: 2
    ///       max: 4
    ///     }
    ///   }
    /// }
    /// ```
    pub struct SingleZoneTier;
}

impl Rule for SingleZoneTier {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let what = match &node.kind {
                NodeKind::Asg(_) => "Auto Scaling group",
                NodeKind::Ecs(_) => "ECS service",
                NodeKind::Eks(_) => "EKS cluster",
                NodeKind::Nlb(_) => "NLB",
                NodeKind::Lambda(_) if !node.placement.is_empty() => "Lambda function",
                NodeKind::Elasticache(c) if c.nodes.as_ref().is_some_and(|n| n.value > 1) => "ElastiCache cluster",
                _ => continue,
            };
            let zones = by_zone(cx.model, node);
            if zones.len() != 1 {
                continue;
            }
            let zone = zones.keys().next().copied().unwrap_or("?");
            let mut d = report
                .diagnostic(
                    node.placement_span.unwrap_or(node.name_span),
                    format!("the {what} `{}` runs in one zone only", node.name),
                )
                .with_span_label(format!("all in zone `{zone}`: no failover if it fails"));
            let taken: BTreeSet<&str> = zones.keys().copied().collect();
            let first_tier = node.placement.first().and_then(|s| tier(cx.model, *s)).unwrap_or(Tier::Private);
            d = second_zone(cx.model, node, &taken, &[first_tier], "", d);
            report.push(d);
        }
    }
}
