//! W0615: a network ACL rule about traffic that network ACLs never filter.

use super::{rule, Context, Report, Rule};
use crate::model::cidr::Cidr;
use crate::model::{NodeKind, RuleDirection};

rule! {
    /// # W0615: network ACL rule without effect
    ///
    /// A rule of a `nacl` whose block holds only addresses that network ACLs
    /// do not filter: the Route 53 Resolver at the VPC's base address plus two
    /// (`10.0.0.2` in `10.0.0.0/16`, the "VPC+2" address, AmazonProvidedDNS),
    /// or link-local addresses (`169.254.0.0/16`: the instance metadata
    /// service at `169.254.169.254`, the Amazon DNS server at
    /// `169.254.169.253`, the Time Sync Service at `169.254.169.123`).
    ///
    /// Traffic to and from these never crosses the subnet boundary where an
    /// ACL is applied, so a `deny` of it denies nothing (instances still
    /// resolve names and read their credentials) and an `allow` is not
    /// needed. A rule that seems to protect something and does not is worse
    /// than none. See
    /// [Network ACL rules](https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html)
    /// ("Network ACLs can't block DNS requests to or from the Route 53
    /// Resolver … or requests to the Instance Metadata Service").
    ///
    /// To keep instances from the metadata service, require IMDSv2 and a hop
    /// limit of 1 on the instances; to control DNS, use Route 53 Resolver DNS
    /// Firewall. Delete the rule.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc app 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24
    ///     }
    ///     nacl app_acl in app_a {
    ///       deny out 90 all to 169.254.169.254/32
    ///       allow out 100 all to 0.0.0.0/0
    ///       allow in 100 all from 10.0.0.0/16
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0615]: rule 90 of `app_acl` has no effect
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc app 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24
    ///     }
    ///     nacl app_acl in app_a {
    ///       allow out 100 all to 0.0.0.0/0
    ///       allow in 100 all from 10.0.0.0/16
    ///     }
    ///   }
    /// }
    /// ```
    pub struct NaclRuleNoEffect;
}

/// 169.254.0.0/16.
const LINK_LOCAL: (u32, u8) = (0xA9FE_0000, 16);

impl Rule for NaclRuleNoEffect {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let Some(link_local) = Cidr::new(LINK_LOCAL.0, LINK_LOCAL.1) else { return };
        for node in cx.model.nodes() {
            let NodeKind::Nacl(nacl) = &node.kind else { continue };
            // The Route 53 Resolver: the base of the VPC's primary block, plus two.
            let resolver = node
                .vpc
                .and_then(|v| cx.model.get(v))
                .and_then(|v| match &v.kind {
                    NodeKind::Vpc(vpc) => vpc.blocks.first().map(|b| b.value.first()),
                    _ => None,
                })
                .and_then(|base| base.checked_add(2))
                .and_then(|addr| Cidr::new(addr, 32));
            for rule in &nacl.rules {
                let block = rule.cidr.value.network();
                let (what, instead) = if link_local.contains(block) {
                    (
                        "link-local addresses (the instance metadata service, Amazon DNS, Time Sync) are never \
                         filtered by a network ACL",
                        "require IMDSv2 with a hop limit of 1 to protect instance metadata",
                    )
                } else if resolver == Some(block) {
                    (
                        "the Route 53 Resolver (the VPC's base address + 2) is never filtered by a network ACL",
                        "use Route 53 Resolver DNS Firewall to filter DNS",
                    )
                } else {
                    continue;
                };
                let word = if rule.direction == RuleDirection::In { "from" } else { "to" };
                let d = report
                    .diagnostic(rule.span, format!("rule {} of `{}` has no effect", rule.number.value, node.name))
                    .with_span_label(what)
                    .with_help(format!(
                        "delete the rule: traffic {word} `{block}` does not cross the subnet's ACL; {instead}"
                    ));
                report.push(d);
            }
        }
    }
}
