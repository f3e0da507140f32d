//! W0610: a network ACL with more rules in one direction than the default
//! quota allows.

use super::{rule, Context, Report, Rule};
use crate::model::{NodeKind, RuleDirection};

/// Rules per network ACL and direction, the `*` deny included: the default
/// quota, and the most it can be raised to.
const DEFAULT_QUOTA: usize = 20;
const MAX_QUOTA: usize = 40;

rule! {
    /// # W0610: network ACL rule quota
    ///
    /// A `nacl` with more than 20 inbound or 20 outbound entries, counting the
    /// final `*` deny that AWS adds. Each port of a rule is an entry of its
    /// own (`allow in 100 http, https from …` is two). A network ACL holds 20
    /// entries per direction by default; the quota can be raised to 40 at
    /// most, and AWS warns that more rules cost network performance, since
    /// every packet is compared with them in order. Past 40 the design cannot
    /// be deployed at all. See
    /// [Amazon VPC quotas: network ACLs](https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-nacls).
    ///
    /// Network ACLs are coarse filters: merge neighbouring ports into ranges
    /// and addresses into wider blocks, and leave the per-service rules to the
    /// security groups, which the flows already write. Or request a quota
    /// increase before deploying.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       isolated subnet data_a 10.0.10.0/24
    ///     }
    ///     nacl data_acl in data_a {
    ///       allow in 100 5432, 5433, 5434, 5435, 5436, 5437, 5438, 5439, 5440, 5441 from 10.0.0.0/16
    ///       allow in 110 6379, 6380, 6381, 6382, 6383, 6384, 6385, 6386, 6387, 6388 from 10.0.0.0/16
    ///       allow out 100 1024-65535 to 10.0.0.0/16
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0610]: `data_acl` has 21 inbound entries, over the quota of 20
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       isolated subnet data_a 10.0.10.0/24
    ///     }
    ///     nacl data_acl in data_a {
    ///       allow in 100 5432-5441 from 10.0.0.0/16
    ///       allow in 110 6379-6388 from 10.0.0.0/16
    ///       allow out 100 1024-65535 to 10.0.0.0/16
    ///     }
    ///   }
    /// }
    /// ```
    pub struct NaclRuleQuota;
}

impl Rule for NaclRuleQuota {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let NodeKind::Nacl(nacl) = &node.kind else { continue };
            for (direction, word) in [(RuleDirection::In, "inbound"), (RuleDirection::Out, "outbound")] {
                let rules: Vec<_> = nacl.rules.iter().filter(|r| r.direction == direction).collect();
                // One entry per port range, and AWS's `*` deny.
                let entries = rules.iter().map(|r| r.ports.len().max(1)).sum::<usize>() + 1;
                if entries <= DEFAULT_QUOTA {
                    continue;
                }
                let mut d = report
                    .diagnostic(
                        node.name_span,
                        format!("`{}` has {entries} {word} entries, over the quota of {DEFAULT_QUOTA}", node.name),
                    )
                    .with_span_label(if entries > MAX_QUOTA {
                        format!("more than {MAX_QUOTA}, the most any quota increase allows: AWS refuses it")
                    } else {
                        format!("the `*` deny included; {DEFAULT_QUOTA} by default, {MAX_QUOTA} at most after a quota increase")
                    })
                    .with_help(
                        "merge neighbouring ports into ranges (`5432-5441`) and addresses into wider blocks, leave \
                         per-service filtering to the security groups, or request a quota increase before deploying",
                    );
                // The entry that goes past the quota.
                let mut count = 1;
                if let Some(rule) = rules.iter().find(|r| {
                    count += r.ports.len().max(1);
                    count > DEFAULT_QUOTA
                }) {
                    d = d.with_label(rule.span, format!("the {}st {word} entry", DEFAULT_QUOTA + 1));
                }
                report.push(d);
            }
        }
    }
}
