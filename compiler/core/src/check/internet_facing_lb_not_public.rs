//! E0504: an internet-facing load balancer in a subnet that is not public.

use std::collections::BTreeSet;

use archc_syntax::{Fix, Span};

use super::zones::{by_zone, subnets_in_other_zones, tier};
use super::{rule, Context, Report, Rule};
use crate::model::{NodeKind, Tier};

rule! {
    /// # E0504: internet-facing load balancer not in public subnets
    ///
    /// An ALB or NLB is internet-facing unless declared `internal`, and an
    /// internet-facing load balancer gets public addresses in each of its
    /// subnets: those subnets must be public (their route table sends
    /// `0.0.0.0/0` to the VPC's internet gateway). In a private or isolated
    /// subnet it cannot be reached from the internet, and AWS refuses to
    /// create it in a subnet without a route to an internet gateway. Either
    /// the load balancer is meant to be internal (write `internal alb …`; the
    /// suggested fix does, and is unsafe: it changes who can reach it), or
    /// it belongs in the public subnets of those zones, which the help names.
    /// Whether the VPC has the internet gateway its public subnets need is a
    /// routing rule's question, not this one's.
    /// See [CreateLoadBalancer](https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html)
    /// (Scheme and Subnets).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a
    ///       private subnet app_a
    ///     }
    ///     az b {
    ///       public subnet pub_b
    ///       private subnet app_b
    ///     }
    ///     alb web in app_a, app_b
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0504]: the internet-facing ALB `web` is in subnets that are not public
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
    ///       private subnet app_a
    ///     }
    ///     az b {
    ///       public subnet pub_b
    ///       private subnet app_b
    ///     }
    ///     alb web in pub_a, pub_b
    ///   }
    /// }
    /// ```
    pub struct InternetFacingLbNotPublic;
}

impl Rule for InternetFacingLbNotPublic {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let (what, keyword) = match &node.kind {
                NodeKind::Alb(lb) if lb.internet_facing => ("ALB", "alb"),
                NodeKind::Nlb(lb) if lb.internet_facing => ("NLB", "nlb"),
                _ => continue,
            };
            let not_public: Vec<_> =
                node.placement.iter().filter(|s| tier(cx.model, **s).is_some_and(|t| t != Tier::Public)).collect();
            if not_public.is_empty() {
                continue;
            }
            let mut d = report.diagnostic(
                node.placement_span.unwrap_or(node.name_span),
                format!("the internet-facing {what} `{}` is in subnets that are not public", node.name),
            );
            for s in &not_public {
                if let (Some(n), Some(t)) = (cx.model.get(**s), tier(cx.model, **s)) {
                    d = d.with_label(n.name_span, format!("`{}` is {t}", n.name));
                }
            }
            // The public subnets of the same zones, one per zone.
            let zones: BTreeSet<&str> = by_zone(cx.model, node).keys().copied().collect();
            let all_zones: BTreeSet<&str> = BTreeSet::new();
            let public: Vec<&str> = subnets_in_other_zones(cx.model, node.vpc, &[Tier::Public], &all_zones)
                .into_iter()
                .filter(|(z, _)| zones.contains(z))
                .filter_map(|(_, id)| cx.model.get(id).map(|n| n.name.as_str()))
                .collect();
            let help = if public.len() == zones.len() && !public.is_empty() {
                format!(
                    "if it is for clients on the internet, place it in the public subnets of those zones: `in {}`; \
                     if only the VPC uses it, declare it `internal {keyword} {}`",
                    public.join(", "),
                    node.name
                )
            } else {
                format!(
                    "if only the VPC uses it, declare it `internal {keyword} {}`; if it is for clients on the internet, \
                     place it in public subnets of two zones",
                    node.name
                )
            };
            d = d.with_help(help);
            if let Some(at) = start_of(node.span) {
                d = d.with_fix(Fix::unsafe_edit(at, "internal "));
            }
            report.push(d);
        }
    }
}

/// An empty span where the declaration starts (its keyword: `internal`
/// is the only modifier a load balancer takes, and it is absent here).
fn start_of(span: Span) -> Option<Span> {
    (!span.is_detached()).then_some(Span { file: span.file, start: span.start, end: span.start })
}
