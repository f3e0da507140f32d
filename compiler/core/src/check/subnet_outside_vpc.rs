//! E0203: a subnet whose block lies in none of its VPC's blocks.

use archc_syntax::Fix;

use super::net::{pools, subnet_blocks, subnets_by_vpc, vpcs, written, written_directly};
use super::{rule, Context, Report, Rule};
use crate::model::cidr::{Allocator, Cidr};

rule! {
    /// # E0203: subnet outside its VPC
    ///
    /// A subnet's block is not inside any of its VPC's blocks (primary or
    /// secondary). A subnet is carved out of its VPC's address space, so AWS
    /// refuses it ("The CIDR is invalid for this VPC"). See
    /// [Subnet CIDR blocks](https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
    ///
    /// The help gives the lowest free block of the same size inside the VPC,
    /// clear of its other subnets; the suggested fix writes it, but it is
    /// *unsafe* (the VPC's block may be what is wrong, or you may want a
    /// secondary block instead), so `archc check --fix` applies it only with
    /// `--unsafe-fixes`.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.1.0.0/24
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0203]: subnet `app_a` (10.1.0.0/24) is outside vpc `shop`
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24
    ///     }
    ///   }
    /// }
    /// ```
    pub struct SubnetOutsideVpc;
}

impl Rule for SubnetOutsideVpc {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let by_vpc = subnets_by_vpc(cx.model);
        for (vpc_id, vpc_node, vpc) in vpcs(cx.model) {
            let Some(subnets) = by_vpc.get(&vpc_id) else { continue };
            let pools = pools(vpc);
            if pools.is_empty() {
                continue;
            }
            let outside = |s: &crate::model::Subnet| {
                written(s).is_some_and(|(b, _)| !pools.iter().any(|p| p.contains(b.network())))
            };
            // Blocks inside for the subnets outside, one after the other, clear
            // of the subnets that stay and of each other.
            let stays: Vec<_> = subnets.iter().filter(|(_, _, s)| !outside(s)).copied().collect();
            let mut allocator = Allocator::new(&pools, &subnet_blocks(&stays));
            // Every written subnet outside: perhaps the vpc's primary block is
            // the typo. The block of its size that holds them all, if any.
            let all_out: Vec<Cidr> =
                subnets.iter().filter_map(|(_, _, s)| written(s)).map(|(b, _)| b.network()).collect();
            let moved_vpc =
                match (stays.iter().any(|(_, _, s)| written(s).is_some()), all_out.first(), vpc.blocks.first()) {
                    (false, Some(first), Some(primary)) => {
                        let p = primary.value.prefix;
                        let mask = if p == 0 { 0 } else { u32::MAX << (32 - u32::from(p)) };
                        Cidr::new(first.first() & mask, p).filter(|c| all_out.iter().all(|b| c.contains(*b)))
                    }
                    _ => None,
                };
            for (_, node, s) in subnets.iter().filter(|(_, _, s)| outside(s)) {
                let Some((block, span)) = written(s) else { continue };
                let blocks: Vec<String> = vpc.blocks.iter().map(|b| format!("`{}`", b.value)).collect();
                let mut d = report
                    .diagnostic(span, format!("subnet `{}` ({block}) is outside vpc `{}`", node.name, vpc_node.name))
                    .with_span_label(format!("not inside {}", blocks.join(" or ")));
                if let Some(first) = vpc.blocks.first() {
                    d = d.with_label(first.span, format!("the addresses of vpc `{}`", vpc_node.name));
                }
                match allocator.allocate(block.prefix) {
                    Some(free) => {
                        let vpc_fix = moved_vpc
                            .map(|b| format!("; or, if the vpc's block is what is wrong, write it as `{b}`"))
                            .unwrap_or_default();
                        d = d.with_help(format!(
                            "a subnet lies inside its vpc's blocks: `{free}` is the lowest free /{} in vpc `{}`{vpc_fix}",
                            block.prefix, vpc_node.name
                        ));
                        if written_directly(node) {
                            d = d.with_fix(Fix::unsafe_edit(span, free.to_string()));
                        }
                    }
                    None => {
                        d = d.with_help(format!(
                            "no /{} is free in vpc `{}`: add a secondary block that holds it (`vpc {} {}, {}`)",
                            block.prefix,
                            vpc_node.name,
                            vpc_node.name,
                            vpc.blocks.iter().map(|b| b.value.to_string()).collect::<Vec<_>>().join(", "),
                            block.network()
                        ));
                    }
                }
                report.push(d);
            }
        }
    }
}
