//! E0505: an RDS instance or Aurora cluster whose subnets are in one zone.

use std::collections::BTreeSet;

use super::zones::{a_tier, append_to_placement, by_zone, new_subnet_like, subnets_in_other_zones, tier};
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
            let other =
                subnets_in_other_zones(cx.model, node.vpc, &[first_tier, Tier::Isolated, Tier::Private], &taken);
            let mut d = report
                .diagnostic(
                    node.placement_span.unwrap_or(node.name_span),
                    format!("the {what} `{}` has subnets in one zone only", node.name),
                )
                .with_span_label(format!("a DB subnet group needs two zones; these are all in zone `{zone}`"));
            if let Some(span) = multi_az {
                d = d.with_label(span, "a Multi-AZ standby goes in a second zone");
            }
            // A subnet of the same tier as the group's own (an isolated
            // database gets an isolated subnet); where no other zone has
            // one, the line that declares one, then a subnet of another tier.
            let declare = node.placement.first().and_then(|like| new_subnet_like(cx.model, node.vpc, *like, &taken));
            match other.first().and_then(|(z, id)| Some((*z, *id, cx.model.get(*id)?))) {
                Some((z, id, subnet)) => {
                    let other_tier = tier(cx.model, id).unwrap_or(first_tier);
                    let add = format!("add `{}` (zone `{z}`) to its `in` list", subnet.name);
                    let help = match &declare {
                        Some((nz, line)) if other_tier != first_tier => format!(
                            "no other zone has {} subnet: declare `{line}` in `az {nz}` and add it to \
                             the `in` list, or {add} ({} subnet)",
                            a_tier(first_tier),
                            a_tier(other_tier)
                        ),
                        _ => add,
                    };
                    d = d
                        .with_label(subnet.name_span, format!("{} subnet in zone `{z}`", a_tier(other_tier)))
                        .with_help(help);
                    if let Some(fix) = append_to_placement(node, &subnet.name) {
                        d = d.with_fix(fix);
                    }
                }
                None => {
                    d = d.with_help(match &declare {
                        Some((nz, line)) => format!("declare `{line}` in `az {nz}` and add it to the `in` list"),
                        None => format!(
                            "declare {} subnet in a second `az` of the VPC and add it to the `in` list",
                            a_tier(first_tier)
                        ),
                    });
                }
            }
            report.push(d);
        }
    }
}
