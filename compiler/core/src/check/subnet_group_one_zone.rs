//! E0505: an RDS instance or Aurora cluster whose subnets are in one zone.

use std::collections::BTreeSet;

use super::zones::{by_zone, second_zone, tier};
use super::{rule, Context, Report, Rule};
use crate::model::{NodeKind, Tier};

rule! {
    /// # E0505: DB subnet group in one zone
    ///
    /// An RDS instance or an Aurora cluster is placed through a DB subnet
    /// group, and RDS refuses a DB subnet group that does not cover at least
    /// two Availability Zones (`DBSubnetGroupDoesNotCoverEnoughAZs`), even for
    /// a single-AZ instance: the second zone is where a Multi-AZ standby or a
    /// failover goes. So `rds … in SUBNETS` and `aurora … in SUBNETS` need
    /// subnets in two zones. (A `multi_az: true` instance in one zone is this
    /// error too: it is named in the message.) The help names a subnet of the
    /// same tier in another zone; the suggested fix adds it (unsafe).
    ///
    /// An ElastiCache subnet group may have one zone (a single-node cache is
    /// valid); a cache with several nodes in one zone is warning W0511.
    /// See [CreateDBSubnetGroup](https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBSubnetGroup.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       isolated subnet data_a
    ///     }
    ///     az b {
    ///       isolated subnet data_b
    ///     }
    ///     rds orders in data_a {
    ///       engine: postgres
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0505]: the RDS instance `orders` has subnets in one zone only
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       isolated subnet data_a
    ///     }
    ///     az b {
    ///       isolated subnet data_b
    ///     }
    ///     rds orders in data_a, data_b {
    ///       engine: postgres
    ///     }
    ///   }
    /// }
    /// ```
    pub struct SubnetGroupOneZone;
}

impl Rule for SubnetGroupOneZone {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let (what, multi_az) = match &node.kind {
                NodeKind::Rds(r) => ("RDS instance", r.multi_az.as_ref().filter(|m| m.value).map(|m| m.span)),
                NodeKind::Aurora(_) => ("Aurora cluster", None),
                _ => continue,
            };
            let zones = by_zone(cx.model, node);
            if zones.is_empty() || zones.len() >= 2 {
                continue;
            }
            let zone = zones.keys().next().copied().unwrap_or("?");
            let taken: BTreeSet<&str> = zones.keys().copied().collect();
            let first_tier = node.placement.first().and_then(|s| tier(cx.model, *s)).unwrap_or(Tier::Isolated);
            let mut d = report
                .diagnostic(
                    node.placement_span.unwrap_or(node.name_span),
                    format!("the {what} `{}` has subnets in one zone only", node.name),
                )
                .with_span_label(format!("a DB subnet group needs two zones; these are all in zone `{zone}`"));
            if let Some(span) = multi_az {
                d = d.with_label(span, "a Multi-AZ standby goes in a second zone");
            }
            d = second_zone(cx.model, node, &taken, &[first_tier, Tier::Isolated, Tier::Private], "", d);
            report.push(d);
        }
    }
}
