//! E0308: a regional NAT gateway in a VPC without an internet gateway.

use super::net::{add_igw_fix, igws_by_vpc};
use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::model::{Connectivity, NatMode, NodeKind};

rule! {
    /// # E0308: regional NAT gateway without an internet gateway
    ///
    /// A regional NAT gateway (`nat NAME { mode: regional }`) stands in a VPC
    /// that has no `igw`. A regional NAT gateway needs no public subnet, but it
    /// still sends what it translates out through the VPC's internet gateway, so
    /// AWS requires one attached to the VPC. See
    /// [NAT gateways](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html).
    ///
    /// The fix writes `igw` at the top of the VPC's body (`archc check --fix`
    /// applies it).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     nat out { mode: regional }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0308]: the regional NAT gateway `out` needs an internet gateway in vpc `shop`
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     nat out { mode: regional }
    ///   }
    /// }
    /// ```
    pub struct RegionalNatWithoutIgw;
}

impl Rule for RegionalNatWithoutIgw {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let m = cx.model;
        let igws = igws_by_vpc(m);
        for (_, node) in m.of_kind(Kind::Nat) {
            let NodeKind::Nat(nat) = &node.kind else { continue };
            if nat.mode.value != NatMode::Regional || nat.connectivity.value != Connectivity::Public {
                continue;
            }
            let Some(vpc) = node.vpc else { continue };
            if igws.contains_key(&vpc) {
                continue;
            }
            let vpc_name = m.get(vpc).map_or("", |n| n.name.as_str());
            let mut d = report
                .diagnostic(
                    node.name_span,
                    format!("the regional NAT gateway `{}` needs an internet gateway in vpc `{vpc_name}`", node.name),
                )
                .with_span_label("it sends its traffic out through the vpc's internet gateway")
                .with_help(format!("add `igw` to the body of vpc `{vpc_name}`"));
            if let Some(v) = m.get(vpc) {
                d = d.with_label(v.name_span, "no `igw` in this vpc");
            }
            if let Some(fix) = add_igw_fix(m, vpc) {
                d = d.with_fix(fix);
            }
            report.push(d);
        }
    }
}
