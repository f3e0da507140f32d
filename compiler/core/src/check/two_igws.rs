//! E0303: more than one internet gateway in a VPC.

use archc_syntax::Fix;

use super::net::{igws_by_vpc, written_directly};
use super::{rule, Context, Report, Rule};

rule! {
    /// # E0303: two internet gateways
    ///
    /// A VPC declares `igw` more than once. A VPC has at most one internet
    /// gateway attached at a time; AWS refuses to attach a second. See
    /// [Amazon VPC quotas](https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html)
    /// ("You can attach only one internet gateway to a VPC at a time").
    ///
    /// archc reports each `igw` after the first; the fix deletes it
    /// (`archc check --fix` applies it). Every public subnet of the VPC uses the
    /// one that remains.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw main
    ///     igw spare
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0303]: vpc `shop` has a second internet gateway `spare`
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw main
    ///   }
    /// }
    /// ```
    pub struct TwoIgws;
}

impl Rule for TwoIgws {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let m = cx.model;
        for (vpc, igws) in igws_by_vpc(m) {
            let Some(first) = igws.first().and_then(|&i| m.get(i)) else { continue };
            let vpc_name = m.get(vpc).map_or("", |n| n.name.as_str());
            for igw in igws.iter().skip(1).filter_map(|&i| m.get(i)) {
                // An unnamed `igw` has its keyword for a name.
                let unnamed = |n: &crate::model::Node| n.name.is_empty() || n.name_span.start == n.span.start;
                let (at, name) =
                    if unnamed(igw) { (igw.span, String::new()) } else { (igw.name_span, format!(" `{}`", igw.name)) };
                let mut d = report
                    .diagnostic(at, format!("vpc `{vpc_name}` has a second internet gateway{name}"))
                    .with_span_label("a vpc has one internet gateway")
                    .with_label(if unnamed(first) { first.span } else { first.name_span }, "the first")
                    .with_help("delete this `igw`: every public subnet of the vpc uses the first one");
                if written_directly(igw) {
                    d = d.with_fix(Fix::safe(igw.span, ""));
                }
                report.push(d);
            }
        }
    }
}
