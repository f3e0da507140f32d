//! E0709: a load balancer name that breaks Elastic Load Balancing's rules.

use std::collections::BTreeMap;

use super::{rule, Context, Report, Rule};
use crate::model::limits::LB_NAME_MAX;
use crate::model::{NodeId, NodeKind, Spanned};

rule! {
    /// # E0709: invalid load balancer name
    ///
    /// The physical name of an ALB or NLB (`name:`) has at most 32
    /// characters, only letters, digits and hyphens, does not begin or end
    /// with a hyphen, and does not begin with `internal-` (AWS uses that
    /// prefix in the DNS names of internal load balancers). It is unique
    /// among the load balancers of an account in a region, so two of one
    /// design in the same region may not share it. CreateLoadBalancer
    /// refuses any other name.
    /// See [CreateLoadBalancer](https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html) (Name).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a
    ///     }
    ///     az b {
    ///       public subnet pub_b
    ///     }
    ///     alb web in pub_a, pub_b {
    ///       name: "shop_web"
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0709]: `shop_web` is not a valid load balancer name: `_` is not allowed (only letters, digits and `-` are)
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
    ///     }
    ///     az b {
    ///       public subnet pub_b
    ///     }
    ///     alb web in pub_a, pub_b {
    ///       name: "shop-web"
    ///     }
    ///   }
    /// }
    /// ```
    pub struct LbName;
}

fn problem(name: &str) -> Option<String> {
    let len = name.chars().count() as u64;
    if len == 0 || len > LB_NAME_MAX.value {
        return Some(format!("it has {len} characters, and a load balancer name has 1 to 32"));
    }
    if let Some(c) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-')) {
        return Some(format!("`{}` is not allowed (only letters, digits and `-` are)", c.escape_default()));
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Some("it must not begin or end with a hyphen".into());
    }
    if name.to_ascii_lowercase().starts_with("internal-") {
        return Some("it must not begin with `internal-`".into());
    }
    None
}

fn suggestion(name: &str) -> Option<String> {
    let name = name.strip_prefix("internal-").unwrap_or(name);
    let mut out = String::new();
    for c in name.chars() {
        let c = if c.is_ascii_alphanumeric() { c } else { '-' };
        if c == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(c);
    }
    let mut out: String = out.chars().take(LB_NAME_MAX.value as usize).collect();
    while out.ends_with('-') {
        out.pop();
    }
    problem(&out).is_none().then_some(out)
}

impl Rule for LbName {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let mut seen: BTreeMap<(Option<NodeId>, String), &Spanned<String>> = BTreeMap::new();
        for node in cx.model.nodes() {
            let (NodeKind::Alb(lb) | NodeKind::Nlb(lb)) = &node.kind else { continue };
            let Some(name) = &lb.name else { continue };
            if let Some(why) = problem(&name.value) {
                let mut d =
                    report.diagnostic(name.span, format!("`{}` is not a valid load balancer name: {why}", name.value));
                d = d.with_help(match suggestion(&name.value) {
                    Some(s) => format!("write `name: \"{s}\"`"),
                    None => "write up to 32 letters, digits and hyphens, such as `name: \"shop-web\"`".into(),
                });
                report.push(d);
                continue;
            }
            let key = (node.region, name.value.clone());
            match seen.get(&key) {
                Some(first) => {
                    let d = report
                        .diagnostic(
                            name.span,
                            format!("the load balancer name `{}` is used twice in this region", name.value),
                        )
                        .with_label(first.span, "first used here")
                        .with_help("load balancer names are unique per account and region: give this one another name");
                    report.push(d);
                }
                None => {
                    seen.insert(key, name);
                }
            }
        }
    }
}
