//! E0202: two subnets of one VPC whose blocks overlap.

use archc_syntax::Fix;

use super::net::{pools, subnets_by_vpc, vpcs, written, written_directly};
use super::{rule, Context, Report, Rule};
use crate::model::cidr::{Allocator, Cidr};

rule! {
    /// # E0202: subnets overlap
    ///
    /// Two subnets of one VPC have blocks that overlap: some addresses would
    /// belong to both. AWS refuses to create the second one ("The CIDR conflicts
    /// with another subnet"), because the VPC's router must know, for every
    /// address, the one subnet it lives in. See
    /// [Subnet CIDR blocks](https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
    ///
    /// archc reports the later subnet, with the earlier one it overlaps as a
    /// label. The help gives the lowest block of the same size that is free in
    /// the VPC (the block §6 allocation would choose, clear of every other
    /// subnet, written or allocated), and the fix writes it: `archc check --fix`
    /// applies it. A subnet written without a block is never the problem:
    /// archc allocates around the written ones.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24
    ///       isolated subnet db_a 10.0.0.128/25
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0202]: subnet `db_a` (10.0.0.128/25) overlaps subnet `app_a` (10.0.0.0/24)
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24
    ///       isolated subnet db_a 10.0.1.0/25
    ///     }
    ///   }
    /// }
    /// ```
    pub struct SubnetOverlap;
}

impl Rule for SubnetOverlap {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let by_vpc = subnets_by_vpc(cx.model);
        for (vpc_id, vpc_node, vpc) in vpcs(cx.model) {
            let Some(subnets) = by_vpc.get(&vpc_id) else { continue };
            // Each subnet that overlaps an earlier one, with those it overlaps.
            let mut clashes: Vec<(usize, Vec<usize>)> = Vec::new();
            for (i, (_, _, s)) in subnets.iter().enumerate() {
                let Some(block) = s.cidr.cidr().map(Cidr::network) else { continue };
                let earlier: Vec<usize> = subnets[..i]
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, _, e))| e.cidr.cidr().is_some_and(|b| b.network().overlaps(block)))
                    .map(|(j, _)| j)
                    .collect();
                if !earlier.is_empty() && written(s).is_some() {
                    clashes.push((i, earlier));
                }
            }
            if clashes.is_empty() {
                continue;
            }
            // New blocks for the subnets reported, one after the other, clear
            // of every subnet that stays and of each other.
            let stays: Vec<Cidr> = subnets
                .iter()
                .enumerate()
                .filter(|(i, _)| !clashes.iter().any(|(c, _)| c == i))
                .filter_map(|(_, (_, _, s))| s.cidr.cidr().map(Cidr::network))
                .collect();
            let mut allocator = Allocator::new(&pools(vpc), &stays);
            for (i, earlier) in clashes {
                let Some((_, node, s)) = subnets.get(i) else { continue };
                let Some((block, span)) = written(s) else { continue };
                let mut d = report.diagnostic(span, {
                    let (_, first, f) = subnets[earlier[0]];
                    let fb = f.cidr.cidr().map_or_else(String::new, |b| format!(" ({b})"));
                    format!("subnet `{}` ({block}) overlaps subnet `{}`{fb}", node.name, first.name)
                });
                d = d.with_span_label("this block shares addresses with another subnet of the vpc");
                for &j in &earlier {
                    let (_, other, o) = subnets[j];
                    let at = written(o).map_or(other.name_span, |(_, sp)| sp);
                    let what = o.cidr.cidr().map_or_else(String::new, |b| format!(" {b}"));
                    d = d.with_label(at, format!("`{}` is{what}", other.name));
                }
                match allocator.allocate(block.prefix) {
                    Some(free) => {
                        d = d.with_help(format!(
                            "give `{}` a block of its own: `{free}` is the lowest free /{} in vpc `{}`",
                            node.name, block.prefix, vpc_node.name
                        ));
                        if written_directly(node) {
                            d = d.with_fix(Fix::safe(span, free.to_string()));
                        }
                    }
                    None => {
                        d = d.with_help(format!(
                            "no /{} is free in vpc `{}`: add a secondary block to the vpc (`vpc {} {}, …`) and give `{}` a block in it",
                            block.prefix,
                            vpc_node.name,
                            vpc_node.name,
                            vpc.blocks.iter().map(|b| b.value.to_string()).collect::<Vec<_>>().join(", "),
                            node.name
                        ));
                    }
                }
                report.push(d);
            }
        }
    }
}
