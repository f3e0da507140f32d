//! W0713: multivalue answer records with more than eight targets.

use super::{rule, Context, Report, Rule};
use crate::model::limits::R53_MULTIVALUE_ANSWERS;
use crate::model::{NodeKind, RoutingPolicy};

rule! {
    /// # W0713: more than eight multivalue targets
    ///
    /// Route 53 answers a query for multivalue answer records with at most
    /// eight healthy records, chosen at random. A record set with more
    /// targets than that is accepted, but no client ever sees more than eight
    /// of them in one answer: the design spreads load over fewer targets than
    /// it draws, and a client's retry list is shorter than it looks. archc
    /// warns so that the design says what it means: eight targets behind the
    /// name, or a load balancer in front of the rest (which also gives real
    /// health-checked balancing, where multivalue answers are only a
    /// client-side spread). See
    /// [Multivalue answer routing](https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-multivalue.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   s3 s1 { website: true }
    ///   s3 s2 { website: true }
    ///   s3 s3 { website: true }
    ///   s3 s4 { website: true }
    ///   s3 s5 { website: true }
    ///   s3 s6 { website: true }
    ///   s3 s7 { website: true }
    ///   s3 s8 { website: true }
    ///   s3 s9 { website: true }
    /// }
    /// route53 www {
    ///   domain: "www.example.com"
    ///   policy: multivalue
    ///   targets: s1, s2, s3, s4, s5, s6, s7, s8, s9
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0713]: the multivalue records `www` have 9 targets; Route 53 answers with at most 8
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   s3 s1 { website: true }
    ///   s3 s2 { website: true }
    ///   s3 s3 { website: true }
    ///   s3 s4 { website: true }
    ///   s3 s5 { website: true }
    ///   s3 s6 { website: true }
    ///   s3 s7 { website: true }
    ///   s3 s8 { website: true }
    /// }
    /// route53 www {
    ///   domain: "www.example.com"
    ///   policy: multivalue
    ///   targets: s1, s2, s3, s4, s5, s6, s7, s8
    /// }
    /// ```
    pub struct MultivalueOverEight;
}

impl Rule for MultivalueOverEight {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let most = usize::try_from(R53_MULTIVALUE_ANSWERS.value).unwrap_or(usize::MAX);
        for node in cx.model.nodes() {
            let NodeKind::Route53(r) = &node.kind else { continue };
            if r.policy.value != RoutingPolicy::Multivalue || r.targets.len() <= most {
                continue;
            }
            let (Some(first), Some(last)) = (r.targets.first(), r.targets.last()) else { continue };
            let d = report
                .diagnostic(
                    first.span.join(last.span),
                    format!(
                        "the multivalue records `{}` have {} targets; Route 53 answers with at most {most}",
                        node.name,
                        r.targets.len()
                    ),
                )
                .with_span_label(format!("each answer holds {most} of these, chosen at random"))
                .with_help(format!(
                    "keep {most} targets, or put an `alb` or `nlb` in front of the rest and name it as one target"
                ));
            report.push(d);
        }
    }
}
