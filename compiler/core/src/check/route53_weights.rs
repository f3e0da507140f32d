//! E0710: Route 53 records whose targets do not fit their routing policy.

use super::{rule, Context, Report, Rule};
use crate::model::{NodeKind, RoutingPolicy};

rule! {
    /// # E0710: Route 53 policy and targets disagree
    ///
    /// A `route53` block with a routing policy becomes one record per target,
    /// and each policy has its shape:
    ///
    /// - `weighted`: one weight per target, in order (`weights: 90, 10`
    ///   with two targets); a weighted record without its weight is refused;
    /// - `failover`: exactly two targets, the primary first and the
    ///   secondary second (Route 53 takes one PRIMARY and one SECONDARY record
    ///   per name);
    /// - `weights` on any other policy mean nothing and are refused (a record
    ///   with a weight is a weighted record);
    /// - every policy but `simple` needs `targets` (a `simple` record names
    ///   its target with `alias`).
    ///
    /// (A multivalue answer may have more than eight records: Route 53
    /// answers with up to eight healthy ones, so it is not an error.)
    /// See [Weighted routing](https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-weighted.html)
    /// and [Failover routing](https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-failover.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   s3 blue {
    ///     website: true
    ///   }
    ///   s3 green {
    ///     website: true
    ///   }
    /// }
    /// route53 www {
    ///   domain: "www.example.com"
    ///   policy: weighted
    ///   targets: blue, green
    ///   weights: 100
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0710]: `www` has 2 targets but 1 weight
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   s3 blue {
    ///     website: true
    ///   }
    ///   s3 green {
    ///     website: true
    ///   }
    /// }
    /// route53 www {
    ///   domain: "www.example.com"
    ///   policy: weighted
    ///   targets: blue, green
    ///   weights: 90, 10
    /// }
    /// ```
    pub struct Route53Weights;
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Rule for Route53Weights {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let NodeKind::Route53(r) = &node.kind else { continue };
            let policy = r.policy.value;
            let (targets, weights) = (r.targets.len(), r.weights.len());
            let targets_span =
                r.targets.first().map(|t| t.span).map(|s| r.targets.iter().fold(s, |a, t| a.join(t.span)));
            let weights_span =
                r.weights.first().map(|w| w.span).map(|s| r.weights.iter().fold(s, |a, w| a.join(w.span)));
            match policy {
                RoutingPolicy::Weighted if weights != targets && targets > 0 => {
                    let mut d = report
                        .diagnostic(
                            weights_span.unwrap_or(r.policy.span),
                            format!(
                                "`{}` has {} but {}",
                                node.name,
                                plural(targets, "target", "targets"),
                                plural(weights, "weight", "weights")
                            ),
                        )
                        .with_help(if weights > targets {
                            let kept: Vec<String> = r.weights.iter().take(targets).map(|w| w.value.to_string()).collect();
                            format!("give one weight per target, in order: `weights: {}`", kept.join(", "))
                        } else {
                            let mut padded: Vec<String> = r.weights.iter().map(|w| w.value.to_string()).collect();
                            padded.resize(targets, "0".into());
                            format!(
                                "give one weight per target, in order: `weights: {}` (a weight of 0 sends a target no traffic)",
                                padded.join(", ")
                            )
                        });
                    if let Some(s) = targets_span {
                        d = d.with_label(s, "the targets");
                    }
                    report.push(d);
                }
                RoutingPolicy::Failover if targets != 2 && targets > 0 => {
                    let d = report
                        .diagnostic(
                            targets_span.unwrap_or(r.policy.span),
                            format!(
                                "the failover records `{}` have {}; failover takes exactly two",
                                node.name,
                                plural(targets, "target", "targets")
                            ),
                        )
                        .with_label(r.policy.span, "failover: one primary and one secondary")
                        .with_help("write `targets: PRIMARY, SECONDARY`, the primary first");
                    report.push(d);
                }
                _ => {}
            }
            if policy != RoutingPolicy::Weighted && weights > 0 {
                let d = report
                    .diagnostic(
                        weights_span.unwrap_or(node.name_span),
                        format!("`{}` has weights but its policy is `{policy}`", node.name),
                    )
                    .with_label(r.policy.span, format!("the policy is `{policy}`"))
                    .with_help("remove `weights`, or write `policy: weighted`");
                report.push(d);
            }
            if policy != RoutingPolicy::Simple && targets == 0 {
                let d = report
                    .diagnostic(r.policy.span, format!("the `{policy}` records `{}` have no targets", node.name))
                    .with_help(format!(
                        "list what it routes to: `targets: A, B`{}",
                        if r.alias.is_some() { " (instead of `alias`)" } else { "" }
                    ));
                report.push(d);
            }
        }
    }
}
