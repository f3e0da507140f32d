//! W0208: two VPCs overlap and are not connected (yet).

use super::connected_vpc_overlap::{overlap, Connections};
use super::net::{vpcs, BlockIndex, VpcSpace};
use super::{rule, Context, Report, Rule};

rule! {
    /// # W0208: VPCs overlap
    ///
    /// Two VPCs of the design have blocks that overlap, and nothing connects
    /// them. That is allowed (VPCs in different accounts or regions often reuse
    /// `10.0.0.0/16`), but it closes a door: AWS refuses a peering between VPCs
    /// whose blocks overlap, a transit gateway cannot route between them, and a
    /// VPN or Direct Connect that reaches both cannot tell them apart. Plan the
    /// address space once, so that connecting them later is a line, not a
    /// migration. See
    /// [VPC CIDR blocks](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html)
    /// and [VPC peering limitations](https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html).
    ///
    /// Connected VPCs that overlap are an error (E0209). The help names a block of
    /// the same size that no VPC of the design uses.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc dev 10.0.0.0/16
    ///   vpc prod 10.0.0.0/16
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0208]: vpcs `dev` and `prod` overlap
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc dev 10.0.0.0/16
    ///   vpc prod 10.1.0.0/16
    /// }
    /// ```
    pub struct VpcOverlap;
}

impl Rule for VpcOverlap {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let all: Vec<_> = vpcs(cx.model).collect();
        let mut space = VpcSpace::new(cx.model);
        let links = Connections::new(cx.model);
        let mut index = BlockIndex::default();
        for (j, &(b, bn, v)) in all.iter().enumerate() {
            // The first earlier vpc it overlaps and is not connected to (one
            // warning per vpc; connected ones are E0209's).
            let mut earlier: Vec<usize> = v.blocks.iter().flat_map(|c| index.earlier(c.value, j, 8)).collect();
            earlier.sort_unstable();
            earlier.dedup();
            for c in &v.blocks {
                index.insert(c.value, j);
            }
            let found = earlier.iter().filter_map(|&i| all.get(i)).find_map(|&(a, an, _)| {
                let pair = overlap(cx.model, a, b)?;
                (!links.connected(a, b)).then_some((an, pair))
            });
            let Some((an, (x, y))) = found else { continue };
            let mut d = report
                .diagnostic(y.span, format!("vpcs `{}` and `{}` overlap", an.name, bn.name))
                .with_span_label(format!("`{}` shares addresses with `{}` of vpc `{}`", y.value, x.value, an.name))
                .with_label(x.span, format!("`{}` has `{}`", an.name, x.value));
            let help = match space.suggest(y.value, y.value.prefix) {
                Some(free) => format!(
                    "they can never be peered or share a transit gateway as they are; give `{}` a block no vpc uses, such as `{free}`",
                    bn.name
                ),
                None => "they can never be peered or share a transit gateway as they are".to_string(),
            };
            d = d.with_help(help);
            report.push(d);
        }
    }
}
