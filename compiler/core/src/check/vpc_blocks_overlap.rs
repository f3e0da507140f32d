//! E0206: a VPC's own blocks overlap each other.

use super::net::{vpcs, VpcSpace};
use super::{rule, Context, Report, Rule};

rule! {
    /// # E0206: VPC blocks overlap
    ///
    /// Two blocks of one VPC (its primary block and a secondary one, or two
    /// secondary ones) share addresses. AWS refuses to associate a block that
    /// overlaps a block already associated with the VPC. See
    /// [VPC CIDR blocks](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
    ///
    /// archc reports the later block, with the earlier one as a label, and the
    /// help names a block of the same size that no VPC of the design uses.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16, 10.0.128.0/17
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0206]: the block `10.0.128.0/17` of vpc `shop` overlaps its block `10.0.0.0/16`
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16, 10.1.0.0/17
    /// }
    /// ```
    pub struct VpcBlocksOverlap;
}

impl Rule for VpcBlocksOverlap {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let mut space = VpcSpace::new(cx.model);
        for (_, node, vpc) in vpcs(cx.model) {
            for (i, b) in vpc.blocks.iter().enumerate() {
                let Some(first) = vpc.blocks[..i].iter().find(|e| e.value.network().overlaps(b.value.network())) else {
                    continue;
                };
                let mut d = report
                    .diagnostic(
                        b.span,
                        format!("the block `{}` of vpc `{}` overlaps its block `{}`", b.value, node.name, first.value),
                    )
                    .with_span_label("shares addresses with an earlier block of the same vpc")
                    .with_label(first.span, "the earlier block");
                d = match space.suggest(b.value, b.value.prefix) {
                    Some(free) => d.with_help(format!(
                        "a vpc's blocks must not overlap: drop `{}`, or use a block no vpc uses, such as `{free}`",
                        b.value
                    )),
                    None => d.with_help(format!("a vpc's blocks must not overlap: drop `{}`", b.value)),
                };
                report.push(d);
            }
        }
    }
}
