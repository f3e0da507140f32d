//! E0203: a subnet whose block lies in none of its VPC's blocks.

use archc_syntax::Fix;

use super::net::{free_block, pools, subnet_blocks, subnets_by_vpc, vpcs, written, written_directly};
use super::{rule, Context, Report, Rule};

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
            for (i, (_, node, s)) in subnets.iter().enumerate() {
                let Some((block, span)) = written(s) else { continue };
                if pools.iter().any(|p| p.contains(block.network())) {
                    continue;
                }
                let blocks: Vec<String> = vpc.blocks.iter().map(|b| format!("`{}`", b.value)).collect();
                let mut d = report
                    .diagnostic(span, format!("subnet `{}` ({block}) is outside vpc `{}`", node.name, vpc_node.name))
                    .with_span_label(format!("not inside {}", blocks.join(" or ")));
                if let Some(first) = vpc.blocks.first() {
                    d = d.with_label(first.span, format!("the addresses of vpc `{}`", vpc_node.name));
                }
                let others: Vec<_> = subnets.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, s)| *s).collect();
                match free_block(&pools, &subnet_blocks(&others), block.prefix) {
                    Some(free) => {
                        d = d.with_help(format!(
                            "a subnet lies inside its vpc's blocks: `{free}` is the lowest free /{} in vpc `{}`",
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
