//! E0310: a subnet named by two network ACLs.

use std::collections::BTreeMap;

use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::model::NodeId;

rule! {
    /// # E0310: subnet in two network ACLs
    ///
    /// Two `nacl`s list the same subnet in their `in`. A subnet is associated
    /// with exactly one network ACL at a time; associating it with another
    /// replaces the first, so one of the two rule sets would silently not apply.
    /// archc keeps the first and reports the second. See
    /// [Network ACLs](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html)
    /// ("You can associate a network ACL with multiple subnets. However, a subnet
    /// can be associated with only one network ACL at a time").
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24
    ///     }
    ///     nacl web in app_a {
    ///       allow in 100 443 from 0.0.0.0/0
    ///     }
    ///     nacl admin in app_a {
    ///       allow in 100 22 from 10.0.0.0/8
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0310]: subnet `app_a` is in network ACL `web` and again in `admin`
    /// ```
    ///
    /// ## Fix
    ///
    /// One ACL per subnet, with all the rules it needs:
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24
    ///     }
    ///     nacl web in app_a {
    ///       allow in 100 443 from 0.0.0.0/0
    ///       allow in 110 22 from 10.0.0.0/8
    ///     }
    ///   }
    /// }
    /// ```
    pub struct SubnetInTwoNacls;
}

impl Rule for SubnetInTwoNacls {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let m = cx.model;
        let mut owner: BTreeMap<NodeId, NodeId> = BTreeMap::new();
        for (id, nacl) in m.of_kind(Kind::Nacl) {
            for &s in &nacl.placement {
                let Some(&first) = owner.get(&s) else {
                    owner.insert(s, id);
                    continue;
                };
                if first == id {
                    continue;
                }
                let (Some(first_node), Some(subnet)) = (m.get(first), m.get(s)) else { continue };
                let d = report
                    .diagnostic(
                        nacl.placement_span.unwrap_or(nacl.name_span),
                        format!(
                            "subnet `{}` is in network ACL `{}` and again in `{}`",
                            subnet.name, first_node.name, nacl.name
                        ),
                    )
                    .with_span_label(format!("`{}` is listed here too", subnet.name))
                    .with_label(first_node.placement_span.unwrap_or(first_node.name_span), "the first network ACL of the subnet")
                    .with_help(format!(
                        "a subnet has one network ACL: remove `{}` from the `in` of `{}`, and move the rules it needs into `{}`",
                        subnet.name, nacl.name, first_node.name
                    ));
                report.push(d);
            }
        }
    }
}
