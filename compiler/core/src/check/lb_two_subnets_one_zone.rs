//! E0503: a load balancer or interface endpoint with two subnets in one zone.

use super::zones::{and_list, by_zone};
use super::{rule, Context, Report, Rule};
use crate::model::{EndpointType, NodeKind};

rule! {
    /// # E0503: two subnets in one zone
    ///
    /// A load balancer (ALB or NLB) takes at most one subnet per Availability
    /// Zone: CreateLoadBalancer refuses two subnets of the same zone. An
    /// interface endpoint is the same: it has one network interface per zone,
    /// so its subnets must be in distinct zones (CreateVpcEndpoint: "You can
    /// specify only one subnet per Availability Zone"). The help names the
    /// subnets to keep, one per zone.
    /// See [CreateLoadBalancer](https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html)
    /// and [CreateVpcEndpoint](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a
    ///       public subnet pub_a2
    ///     }
    ///     az b {
    ///       public subnet pub_b
    ///     }
    ///     alb web in pub_a, pub_a2, pub_b
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0503]: the ALB `web` has two subnets in zone `a`
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
    ///       public subnet pub_a2
    ///     }
    ///     az b {
    ///       public subnet pub_b
    ///     }
    ///     alb web in pub_a, pub_b
    ///   }
    /// }
    /// ```
    pub struct LbTwoSubnetsOneZone;
}

impl Rule for LbTwoSubnetsOneZone {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let what = match &node.kind {
                NodeKind::Alb(_) => "the ALB",
                NodeKind::Nlb(_) => "the NLB",
                NodeKind::Endpoint(e)
                    if e.endpoint_type.as_ref().is_some_and(|t| t.value == EndpointType::Interface) =>
                {
                    "the interface endpoint"
                }
                _ => continue,
            };
            let zones = by_zone(cx.model, node);
            let keep: Vec<&str> = zones
                .values()
                .filter_map(|s| s.first())
                .filter_map(|s| cx.model.get(*s))
                .map(|n| n.name.as_str())
                .collect();
            for (zone, subnets) in &zones {
                if subnets.len() < 2 {
                    continue;
                }
                let names: Vec<&str> =
                    subnets.iter().filter_map(|s| cx.model.get(*s)).map(|n| n.name.as_str()).collect();
                let mut d = report
                    .diagnostic(
                        node.placement_span.unwrap_or(node.name_span),
                        format!("{what} `{}` has {} subnets in zone `{zone}`", node.name, count(subnets.len())),
                    )
                    .with_span_label(format!(
                        "{} are {} in zone `{zone}`",
                        and_list(&names),
                        if names.len() == 2 { "both" } else { "all" }
                    ))
                    .with_help(format!("keep one subnet per zone: `in {}`", keep.join(", ")));
                for s in subnets.iter().skip(1).filter_map(|s| cx.model.get(*s)) {
                    d = d.with_label(s.name_span, format!("also in zone `{zone}`"));
                }
                report.push(d);
            }
        }
    }
}

fn count(n: usize) -> String {
    match n {
        2 => "two".into(),
        3 => "three".into(),
        n => n.to_string(),
    }
}
