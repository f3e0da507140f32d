//! W0612: an instance given a public IP in a subnet with no route to the
//! internet gateway.

use super::{rule, Context, Report, Rule};
use crate::model::{NodeKind, Tier};

rule! {
    /// # W0612: public IP in a private subnet
    ///
    /// An `ec2` with `public_ip: true` in a `private` or `isolated` subnet. The
    /// address is allocated, but the subnet's route table sends nothing to the
    /// internet gateway, so no packet ever reaches the instance by it and none
    /// leaves by it: the property says the instance is on the internet while
    /// the network says it is not. Either the instance belongs in a public
    /// subnet, or the property is left over and only confuses the next reader
    /// (and a scanner that counts public addresses).
    ///
    /// AWS Security Hub reports subnets that assign public addresses on launch
    /// (EC2.15); an instance is reachable from the internet only with a public
    /// address *and* a route to an internet gateway. See
    /// [IP addressing for your VPCs and subnets](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html)
    /// and [Subnets for your VPC](https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc app 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24 {
    ///         ec2 worker {
    ///           instance: t3.micro
    ///           public_ip: true
    ///         }
    ///       }
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0612]: `worker` has a public IP in the private subnet `app_a`
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc app 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24 {
    ///         ec2 worker { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    /// }
    /// ```
    pub struct PublicIpInPrivateSubnet;
}

impl Rule for PublicIpInPrivateSubnet {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let NodeKind::Ec2(ec2) = &node.kind else { continue };
            let Some(public_ip) = ec2.public_ip.as_ref().filter(|p| p.value) else { continue };
            let Some(subnet) = ec2.subnet.and_then(|s| cx.model.get(s)) else { continue };
            let NodeKind::Subnet(s) = &subnet.kind else { continue };
            let Some(tier) = s.tier.as_ref().filter(|t| t.value != Tier::Public) else { continue };
            let tier_word = tier.value.as_str();
            let d = report
                .diagnostic(
                    public_ip.span,
                    format!("`{}` has a public IP in the {tier_word} subnet `{}`", node.name, subnet.name),
                )
                .with_span_label("no packet reaches or leaves it by this address")
                .with_label(subnet.name_span, format!("`{}` has no route to an internet gateway", subnet.name))
                .with_help(format!(
                    "delete `public_ip: true`, or declare `{}` in a public subnet if the internet must reach it",
                    node.name
                ));
            report.push(d);
        }
    }
}
