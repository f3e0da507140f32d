//! E0420: a peering of a VPC with itself, or a second peering of one pair.

use std::collections::BTreeMap;

use super::{rule, Context, Report, Rule};
use crate::model::NodeId;

rule! {
    /// # E0420: self or duplicate peering
    ///
    /// A `peering` joins a VPC with itself, or joins two VPCs that another
    /// `peering` already joins. A VPC cannot peer with itself, and AWS allows at
    /// most one peering connection between the same two VPCs. See
    /// [VPC peering limitations](https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html)
    /// ("You cannot have more than one VPC peering connection between the same two
    /// VPCs at the same time").
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc dev 10.0.0.0/16
    ///   vpc prod 10.1.0.0/16
    /// }
    ///
    /// peering dev_prod dev <-> prod
    /// peering prod_dev prod <-> dev
    /// ```
    ///
    /// ```text
    /// error[E0420]: peering `prod_dev` joins vpcs `prod` and `dev` a second time
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc dev 10.0.0.0/16
    ///   vpc prod 10.1.0.0/16
    /// }
    ///
    /// peering dev_prod dev <-> prod
    /// ```
    pub struct PeeringSelfOrDuplicate;
}

impl Rule for PeeringSelfOrDuplicate {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let m = cx.model;
        let name = |id: NodeId| m.get(id).map_or("", |n| n.name.as_str());
        let mut first: BTreeMap<(NodeId, NodeId), usize> = BTreeMap::new();
        for (i, p) in m.peerings().iter().enumerate() {
            let (a, b) = (p.left.value, p.right.value);
            if a == b {
                let d = report
                    .diagnostic(p.right.span, format!("peering `{}` joins vpc `{}` with itself", p.name.value, name(a)))
                    .with_span_label("the same vpc on both sides")
                    .with_label(p.left.span, "this side")
                    .with_help("name the other vpc on one side of `<->`; a vpc's subnets already reach each other through its local route");
                report.push(d);
                continue;
            }
            match first.get(&(a.min(b), a.max(b))) {
                None => {
                    first.insert((a.min(b), a.max(b)), i);
                }
                Some(&j) => {
                    let Some(earlier) = m.peerings().get(j) else { continue };
                    let d = report
                        .diagnostic(
                            p.name.span,
                            format!(
                                "peering `{}` joins vpcs `{}` and `{}` a second time",
                                p.name.value,
                                name(a),
                                name(b)
                            ),
                        )
                        .with_span_label("two vpcs have at most one peering connection")
                        .with_label(earlier.name.span, "the first peering of the pair")
                        .with_help(format!("delete this peering: `{}` already joins them", earlier.name.value));
                    report.push(d);
                }
            }
        }
    }
}
