//! E0201: a written CIDR block whose host bits are set.

use archc_syntax::Fix;

use super::{rule, Context, Report, Rule};
use crate::model::cidr::Cidr;
use crate::model::{NodeKind, Spanned, SubnetBlock};

rule! {
    /// # E0201: CIDR host bits set
    ///
    /// A CIDR block's address has bits set beyond its prefix length: `10.0.1.0/16` is
    /// not the start of a /16 block. The help gives the /16 block that holds the
    /// address (`10.0.0.0/16`), and the suggested fix replaces it; the fix is
    /// *unsafe* (it may not be the block you meant), so `archc check --fix` applies
    /// it only with `--unsafe-fixes`.
    ///
    /// Every block written in a design is checked: a VPC's primary and secondary
    /// blocks, a subnet's block, an on-premises network's block and the remote
    /// block of a network ACL rule. It is a check of the model, so it is reported
    /// once the design has no other error.
    ///
    /// A CIDR block names a range of addresses by its first address and its prefix
    /// length, so the bits after the prefix (the host bits) must be zero. A block
    /// with host bits set is a typo, and archc cannot tell which half is wrong: often
    /// it is the prefix rather than the address (`10.0.1.0/16` may have been meant as
    /// `10.0.1.0/24`), and the two readings are very different networks. So archc
    /// asks you to write the block you mean instead of deploying a range you did not
    /// check. See
    /// [VPC CIDR blocks](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html)
    /// and [Subnet CIDR blocks](https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.1.0/16
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0201]: `10.0.1.0/16` has host bits set
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16
    /// }
    /// ```
    pub struct CidrHostBits;
}

impl Rule for CidrHostBits {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            match &node.kind {
                NodeKind::Vpc(vpc) => vpc.blocks.iter().for_each(|b| written(b, report)),
                NodeKind::Subnet(s) => {
                    if let SubnetBlock::Written(b) = &s.cidr {
                        written(b, report);
                    }
                }
                NodeKind::Onprem(o) => o.cidr.iter().for_each(|b| written(b, report)),
                NodeKind::Nacl(n) => n.rules.iter().for_each(|r| written(&r.cidr, report)),
                _ => {}
            }
        }
    }
}

/// One block as written: reported with the block that holds its address as
/// an unsafe fix (`10.0.1.0/16` may have meant `10.0.1.0/24`).
fn written(block: &Spanned<Cidr>, report: &mut Report<'_>) {
    let (cidr, span) = (block.value, block.span);
    if !cidr.has_host_bits() {
        return;
    }
    let fixed = cidr.network();
    let d = report
        .diagnostic(span, format!("`{cidr}` has host bits set"))
        .with_span_label(format!("the address is not the start of a /{} block", fixed.prefix))
        .with_help(format!("the block is `{fixed}`"))
        .with_fix(Fix::unsafe_edit(span, fixed.to_string()));
    report.push(d);
}
