//! E0207: a VPC block in link-local space (169.254.0.0/16).

use super::net::{link_local, vpcs, VpcSpace};
use super::{rule, Context, Report, Rule};

rule! {
    /// # E0207: link-local VPC block
    ///
    /// A VPC block overlaps `169.254.0.0/16`, the link-local range. AWS uses it
    /// inside every VPC (the instance metadata service at `169.254.169.254`, the
    /// Amazon DNS server at `169.254.169.253`, the time service), so no VPC block
    /// may take addresses from it. See
    /// [VPC CIDR blocks](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
    ///
    /// The help names a block of the same size in private space that no VPC of
    /// the design uses.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 169.254.0.0/16
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0207]: the block `169.254.0.0/16` of vpc `shop` is in link-local space
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16
    /// }
    /// ```
    pub struct LinkLocal;
}

impl Rule for LinkLocal {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let mut space = VpcSpace::new(cx.model);
        for (_, node, vpc) in vpcs(cx.model) {
            for b in vpc.blocks.iter().filter(|b| link_local(b.value)) {
                let mut d = report
                    .diagnostic(
                        b.span,
                        format!("the block `{}` of vpc `{}` is in link-local space", b.value, node.name),
                    )
                    .with_span_label("169.254.0.0/16 is AWS's own inside every vpc (instance metadata, DNS, time)");
                if let Some(free) = space.suggest(b.value, b.value.prefix) {
                    d = d.with_help(format!("use private address space, such as `{free}`"));
                }
                report.push(d);
            }
        }
    }
}
