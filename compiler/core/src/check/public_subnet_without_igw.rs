//! E0302: a VPC with public subnets and no internet gateway.

use super::net::{add_igw_fix, igws_by_vpc, subnets_by_vpc, tier, vpcs};
use super::{rule, Context, Report, Rule};
use crate::model::Tier;

rule! {
    /// # E0302: public subnet without an internet gateway
    ///
    /// A VPC has public subnets but no `igw`. What makes a subnet public is its
    /// route table's default route (`0.0.0.0/0`) to the VPC's internet gateway;
    /// without one, a "public" subnet is private in all but name, and nothing in
    /// it is reachable from the internet or reaches it. See
    /// [Subnets for your VPC](https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html)
    /// and [Internet gateways](https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html).
    ///
    /// Reported once per VPC, at its name, with each public subnet labelled. The
    /// fix writes `igw` at the top of the VPC's body (`archc check --fix` applies
    /// it). If the subnets are not meant to face the internet, make them
    /// `private` or `isolated` instead.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0302]: vpc `shop` has a public subnet but no internet gateway
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///     }
    ///   }
    /// }
    /// ```
    pub struct PublicSubnetWithoutIgw;
}

impl Rule for PublicSubnetWithoutIgw {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let igws = igws_by_vpc(cx.model);
        let subnets = subnets_by_vpc(cx.model);
        for (vpc_id, node, _) in vpcs(cx.model) {
            if igws.contains_key(&vpc_id) {
                continue;
            }
            let public: Vec<_> =
                subnets.get(&vpc_id).into_iter().flatten().filter(|(_, _, s)| tier(s) == Some(Tier::Public)).collect();
            if public.is_empty() {
                continue;
            }
            let what = if public.len() == 1 { "a public subnet" } else { "public subnets" };
            let mut d = report
                .diagnostic(node.name_span, format!("vpc `{}` has {what} but no internet gateway", node.name))
                .with_span_label("no `igw` in this vpc");
            // Subnets declared by one line (a `for` in a component) share a label.
            let mut spans: Vec<(archc_syntax::Span, Vec<String>)> = Vec::new();
            for (_, s, _) in &public {
                match spans.iter_mut().find(|(at, _)| *at == s.name_span) {
                    Some((_, names)) => names.push(format!("`{}`", s.name)),
                    None => spans.push((s.name_span, vec![format!("`{}`", s.name)])),
                }
            }
            for (at, names) in spans {
                let label = match names.as_slice() {
                    [one] => format!("{one} is public: its default route goes to the vpc's `igw`"),
                    [init @ .., last] => {
                        format!(
                            "{} and {last} are public: their default route goes to the vpc's `igw`",
                            init.join(", ")
                        )
                    }
                    [] => continue,
                };
                d = d.with_label(at, label);
            }
            d = d.with_help(format!(
                "add `igw` to the body of vpc `{}`, or make the subnets `private` if they are not meant to face the internet",
                node.name
            ));
            if let Some(fix) = add_igw_fix(cx.model, vpc_id) {
                d = d.with_fix(fix);
            }
            report.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    /// `igw` goes first in the VPC's body, indented as `archc fmt` does.
    #[test]
    fn the_fix_writes_igw_at_the_top_of_the_body() {
        let src = "region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    dns_hostnames: true\n    az a {\n      public subnet p 10.0.0.0/24\n    }\n  }\n}\n";
        let (db, c) = crate::compile_str("i.arch", src);
        let fixes = crate::diag::fix::apply(&db, &c.diagnostics, false);
        assert_eq!(
            fixes.files.first().map(|f| f.text.as_str()),
            Some("region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    dns_hostnames: true\n    igw\n    az a {\n      public subnet p 10.0.0.0/24\n    }\n  }\n}\n")
        );
    }
}
