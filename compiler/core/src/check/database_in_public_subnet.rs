//! W0510: a database or cache in a public subnet.

use std::collections::BTreeSet;

use super::zones::{by_zone, subnets_in_other_zones, tier};
use super::{rule, Context, Report, Rule};
use crate::model::{NodeKind, Tier};

rule! {
    /// # W0510: database in a public subnet
    ///
    /// An RDS instance, an Aurora cluster or an ElastiCache cluster placed in
    /// a public subnet sits one security-group rule (or one
    /// `PubliclyAccessible` flag) away from the internet: its subnet routes
    /// to the internet gateway. AWS recommends private subnets for databases
    /// and caches; nothing in a design needs a database to be in a public
    /// subnet, since its clients reach it inside the VPC. The help names the
    /// isolated (or private) subnets of the same zones.
    /// See [Subnets for your VPC](https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html)
    /// and [CreateDBInstance, PubliclyAccessible](https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a
    ///       isolated subnet data_a
    ///     }
    ///     az b {
    ///       public subnet pub_b
    ///       isolated subnet data_b
    ///     }
    ///     rds orders in pub_a, pub_b {
    ///       engine: postgres
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0510]: the RDS instance `orders` is in public subnets
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
    ///       isolated subnet data_a
    ///     }
    ///     az b {
    ///       public subnet pub_b
    ///       isolated subnet data_b
    ///     }
    ///     rds orders in data_a, data_b {
    ///       engine: postgres
    ///     }
    ///   }
    /// }
    /// ```
    pub struct DatabaseInPublicSubnet;
}

impl Rule for DatabaseInPublicSubnet {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let what = match &node.kind {
                NodeKind::Rds(_) => "RDS instance",
                NodeKind::Aurora(_) => "Aurora cluster",
                NodeKind::Elasticache(_) => "ElastiCache cluster",
                _ => continue,
            };
            let public: Vec<_> = node
                .placement
                .iter()
                .filter(|s| tier(cx.model, **s) == Some(Tier::Public))
                .filter_map(|s| cx.model.get(*s))
                .collect();
            if public.is_empty() {
                continue;
            }
            let mut d = report.diagnostic(
                node.placement_span.unwrap_or(node.name_span),
                format!(
                    "the {what} `{}` is in {}",
                    node.name,
                    if public.len() == 1 { "a public subnet" } else { "public subnets" }
                ),
            );
            for s in &public {
                d = d.with_label(s.name_span, format!("`{}` routes to the internet gateway", s.name));
            }
            let zones: BTreeSet<&str> = by_zone(cx.model, node).keys().copied().collect();
            let private: Vec<&str> =
                subnets_in_other_zones(cx.model, node.vpc, &[Tier::Isolated, Tier::Private], &BTreeSet::new())
                    .into_iter()
                    .filter(|(z, _)| zones.contains(z))
                    .filter_map(|(_, id)| cx.model.get(id).map(|n| n.name.as_str()))
                    .collect();
            d = d.with_help(if !private.is_empty() && private.len() == zones.len() {
                format!("place it in the isolated or private subnets of those zones: `in {}`", private.join(", "))
            } else {
                "declare an isolated subnet in each of its zones and place it there".to_string()
            });
            report.push(d);
        }
    }
}
