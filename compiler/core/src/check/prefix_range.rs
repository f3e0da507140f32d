//! E0204: a VPC or subnet block that is not /16 to /28.

use archc_syntax::{Fix, Span};

use super::net::written_directly;
use super::{rule, Context, Report, Rule};
use crate::model::cidr::Cidr;
use crate::model::{NodeKind, SubnetBlock};

rule! {
    /// # E0204: prefix out of range
    ///
    /// A VPC block, or a subnet's block, is larger than a /16 or smaller than a
    /// /28. AWS allows only /16 (65,536 addresses) to /28 (16 addresses) for both,
    /// for every block of a VPC, primary or secondary. See
    /// [VPC CIDR blocks](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html)
    /// and [Subnet CIDR blocks](https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
    ///
    /// A subnet written without a block gets one of its `size:`, so a `size:`
    /// outside /16 to /28 is reported at the `size:`. The help gives the nearest
    /// prefix allowed; the fix that writes it is *unsafe* (a /8 cut to a /16 is a
    /// different network), so `archc check --fix` applies it only with
    /// `--unsafe-fixes`.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/8
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0204]: vpc `shop` has a /8 block; a vpc's blocks are /16 to /28
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16
    /// }
    /// ```
    pub struct PrefixRange;
}

/// The block of the nearest allowed size that holds `c`'s first address.
fn nearest(c: Cidr) -> Option<Cidr> {
    let prefix = c.prefix.clamp(16, 28);
    let mask = u32::MAX << (32 - u32::from(prefix));
    Cidr::new(c.network().first() & mask, prefix)
}

fn out_of_range(prefix: u8) -> bool {
    !(16..=28).contains(&prefix)
}

impl Rule for PrefixRange {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            match &node.kind {
                NodeKind::Vpc(v) => {
                    for b in v.blocks.iter().filter(|b| out_of_range(b.value.prefix)) {
                        let d = report
                            .diagnostic(
                                b.span,
                                format!(
                                    "vpc `{}` has a /{} block; a vpc's blocks are /16 to /28",
                                    node.name, b.value.prefix
                                ),
                            )
                            .with_span_label(size_label(b.value.prefix));
                        report.push(with_nearest(d, node, b.value, b.span));
                    }
                }
                NodeKind::Subnet(s) => match &s.cidr {
                    SubnetBlock::Written(b) if out_of_range(b.value.prefix) => {
                        let d = report
                            .diagnostic(
                                b.span,
                                format!("subnet `{}` is a /{}; a subnet is /16 to /28", node.name, b.value.prefix),
                            )
                            .with_span_label(size_label(b.value.prefix));
                        report.push(with_nearest(d, node, b.value, b.span));
                    }
                    SubnetBlock::Allocated(_) if out_of_range(s.size.value) && s.size.written => {
                        let want = s.size.value.clamp(16, 28);
                        let mut d = report
                            .diagnostic(
                                s.size.span,
                                format!("subnet `{}` has `size: /{}`; a subnet is /16 to /28", node.name, s.size.value),
                            )
                            .with_span_label(size_label(s.size.value))
                            .with_help(format!("write `size: /{want}`"));
                        if written_directly(node) {
                            d = d.with_fix(Fix::unsafe_edit(s.size.span, format!("/{want}")));
                        }
                        report.push(d);
                    }
                    _ => {}
                },
                _ => {}
            }
        }
    }
}

fn size_label(prefix: u8) -> String {
    if prefix < 16 {
        format!("a /{prefix} is larger than AWS allows (a /16 has 65,536 addresses)")
    } else {
        format!("a /{prefix} is smaller than AWS allows (a /28 has 16 addresses)")
    }
}

fn with_nearest(
    d: archc_syntax::Diagnostic,
    node: &crate::model::Node,
    block: Cidr,
    span: Span,
) -> archc_syntax::Diagnostic {
    match nearest(block) {
        Some(near) => {
            let d = d.with_help(format!("the nearest block AWS allows is `{near}`"));
            if written_directly(node) {
                d.with_fix(Fix::unsafe_edit(span, near.to_string()))
            } else {
                d
            }
        }
        None => d,
    }
}
