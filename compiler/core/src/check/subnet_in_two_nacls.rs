//! W0614: a subnet named by two network ACLs.

use std::collections::BTreeMap;

use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::model::NodeId;

rule! {
    /// # W0614: subnet in two network ACLs
    ///
    /// A subnet that the `in` of two `nacl`s names. A subnet is associated with
    /// exactly one network ACL at a time: associating it with a second one
    /// replaces the first. archc keeps the first `nacl` (in declaration order)
    /// and the second one's rules never apply to the subnet, though the design
    /// reads as if both did. See
    /// [Control subnet traffic with network access control lists](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html)
    /// ("a subnet can be associated with only one network ACL at a time").
    ///
    /// Merge the rules into one `nacl`, or take the subnet out of one `in`.
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
    ///       allow in 100 postgres from 10.0.0.0/16
    ///       allow out 100 1024-65535 to 10.0.0.0/16
    ///     }
    ///     nacl audit_acl in data_a {
    ///       deny in 100 postgres from 10.0.99.0/24
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0614]: the subnet `data_a` is already in the network ACL `data_acl`
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
    ///       deny in 90 postgres from 10.0.99.0/24
    ///       allow in 100 postgres from 10.0.0.0/16
    ///       allow out 100 1024-65535 to 10.0.0.0/16
    ///     }
    ///   }
    /// }
    /// ```
    pub struct SubnetInTwoNacls;
}

impl Rule for SubnetInTwoNacls {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let model = cx.model;
        // The first nacl of each subnet, in declaration order.
        let mut first: BTreeMap<NodeId, NodeId> = BTreeMap::new();
        for (nacl_id, nacl) in model.of_kind(Kind::Nacl) {
            for &subnet in &nacl.placement {
                match first.get(&subnet).copied() {
                    Some(owner) if owner != nacl_id => {
                        let (Some(s), Some(owner)) = (model.get(subnet), model.get(owner)) else { continue };
                        let span = nacl.placement_span.unwrap_or(nacl.name_span);
                        let d = report
                            .diagnostic(
                                span,
                                format!("the subnet `{}` is already in the network ACL `{}`", s.name, owner.name),
                            )
                            .with_span_label(format!("`{}`'s rules never apply to `{}`", nacl.name, s.name))
                            .with_label(owner.name_span, format!("`{}` is associated with `{}` first", s.name, owner.name))
                            .with_help(format!(
                                "a subnet has one network ACL: move these rules into `{}`, or take `{}` out of this `in`",
                                owner.name, s.name
                            ));
                        report.push(d);
                    }
                    Some(_) => {}
                    None => {
                        first.insert(subnet, nacl_id);
                    }
                }
            }
        }
    }
}
