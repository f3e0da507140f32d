//! E0202: two subnets of one VPC whose blocks overlap.

use archc_syntax::Fix;

use super::net::{pools, subnets_by_vpc, vpcs, written, written_directly, BlockIndex};
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
            // Each subnet that overlaps an earlier one, with (at most three
            // of) those it overlaps. Only written blocks can: archc allocates
            // around them.
            let mut index = BlockIndex::default();
            let mut clashes: Vec<(usize, Vec<usize>)> = Vec::new();
            for (i, (_, _, s)) in subnets.iter().enumerate() {
                let Some((block, _)) = written(s) else { continue };
                let earlier = index.earlier(block, i, 3);
                if !earlier.is_empty() {
                    clashes.push((i, earlier));
                }
                index.insert(block, i);
            }
            if clashes.is_empty() {
                continue;
            }
            // New blocks for the subnets reported, one after the other, clear
            // of every subnet that stays and of each other.
            let stays: Vec<Cidr> = subnets
                .iter()
                .enumerate()
                .filter(|(i, _)| clashes.binary_search_by_key(i, |(c, _)| *c).is_err())
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

#[cfg(test)]
mod tests {
    /// Random overlapping subnets in a VPC: one round of safe fixes leaves
    /// no overlap, every block inside the VPC, and nothing else reported.
    #[test]
    fn one_round_of_fixes_leaves_no_overlap() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut overlapping = 0;
        for round in 0..200 {
            let vpc_prefix = 16 + next(5) as u32;
            let mut src = format!("region us-east-1 {{\n  vpc v 10.0.0.0/{vpc_prefix} {{\n    az a {{\n");
            for i in 0..2 + next(6) {
                let prefix = (vpc_prefix + 2 + next(7) as u32).min(28);
                // An aligned block inside the VPC.
                let slots = 1u64 << (prefix - vpc_prefix);
                let addr = 0x0a00_0000u32 + (next(slots) as u32) * (1u32 << (32 - prefix));
                let [a, b, c, d] = addr.to_be_bytes();
                src.push_str(&format!("      private subnet s{i} {a}.{b}.{c}.{d}/{prefix}\n"));
            }
            if next(2) == 0 {
                src.push_str("      private subnet auto { size: /26 }\n");
            }
            src.push_str("    }\n  }\n}\n");
            let (db, c) = crate::compile_str("r.arch", &src);
            let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
            if codes.contains(&"E0205") {
                continue;
            }
            assert!(codes.iter().all(|c| *c == "E0202"), "round {round}: {codes:?}\n{src}");
            if codes.is_empty() {
                continue;
            }
            // No free block of the size: the help says to add a block.
            if c.diagnostics.iter().any(|d| d.fix.is_none()) {
                assert!(c
                    .diagnostics
                    .iter()
                    .all(|d| d.fix.is_some() || d.help.as_deref().is_some_and(|h| h.contains("secondary block"))));
                continue;
            }
            overlapping += 1;
            let fixes = crate::diag::fix::apply(&db, &c.diagnostics, false);
            assert_eq!(fixes.fixed.len(), c.diagnostics.len(), "round {round}: every fix applies\n{src}");
            let fixed = &fixes.files[0].text;
            let (_, after) = crate::compile_str("r.arch", fixed);
            assert!(after.diagnostics.is_empty(), "round {round}:\n{src}\nbecame\n{fixed}\n{:?}", after.diagnostics);
        }
        assert!(overlapping > 50, "only {overlapping} designs overlapped");
    }
}
