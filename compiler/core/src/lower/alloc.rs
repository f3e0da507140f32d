//! Pass 4: blocks for subnets written without a CIDR (LANGUAGE.md §6). Each
//! gets the lowest free block of its `size` (default /24) inside its VPC's
//! blocks, primary first, in declaration order, after every written block of
//! the VPC is reserved — so adding a subnet at the end moves no other.

use std::collections::BTreeMap;

use crate::diag::codes;
use archc_syntax::Diagnostic;

use crate::model::cidr::{Allocator, Cidr};
use crate::model::{Model, NodeKind, SubnetBlock};

pub(crate) fn allocate_subnets(model: &mut Model, diags: &mut Vec<Diagnostic>) {
    // Subnets by vpc, in declaration order: one pass over the nodes.
    let mut by_vpc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, n) in model.nodes.iter().enumerate() {
        if let (NodeKind::Subnet(_), Some(vpc)) = (&n.kind, n.vpc) {
            by_vpc.entry(vpc.index()).or_default().push(i);
        }
    }
    for (vpc, subnets) in by_vpc {
        let NodeKind::Vpc(v) = &model.nodes[vpc].kind else { continue };
        let pools: Vec<Cidr> = v.blocks.iter().map(|b| b.value.network()).collect();
        if pools.is_empty() {
            continue;
        }
        let written: Vec<Cidr> = subnets
            .iter()
            .filter_map(|&i| match &model.nodes[i].kind {
                NodeKind::Subnet(s) => match &s.cidr {
                    SubnetBlock::Written(c) => Some(c.value.network()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        // Near-linear in the subnets (a sorted free-space map and a cursor
        // per size), with the results of the lowest-free-block rule.
        let mut allocator = Allocator::new(&pools, &written);
        let vpc_name = model.nodes[vpc].name.clone();
        for i in subnets {
            let node = &mut model.nodes[i];
            let NodeKind::Subnet(subnet) = &mut node.kind else { continue };
            if !subnet.cidr.is_allocated() {
                continue;
            }
            let prefix = subnet.size.value;
            match allocator.allocate(prefix) {
                Some(block) => subnet.cidr = SubnetBlock::Allocated(block),
                None => {
                    let blocks: Vec<String> = pools.iter().map(Cidr::to_string).collect();
                    diags.push(
                        Diagnostic::new(codes::ALLOCATION_EXHAUSTED, node.name_span, format!("no free /{prefix} is left in vpc `{vpc_name}` for subnet `{}`", node.name))
                            .with_span_label("this subnet has no CIDR, so archc allocates one")
                            .with_help(format!(
                                "the vpc's blocks ({}) are used up: give the subnet a smaller `size:`, or add a secondary block to the vpc",
                                blocks.join(", ")
                            )),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{NodeKind, SubnetBlock};

    /// 5,000 allocated /28s in one VPC, through the whole front end: each
    /// the next block up (this took 10 s when every candidate was checked
    /// against every block).
    #[test]
    fn five_thousand_subnets_in_one_vpc() {
        let mut src = String::from("region us-east-1 {\n  vpc v 10.0.0.0/16, 10.1.0.0/16 {\n    az a {\n");
        for i in 0..5_000 {
            src.push_str(&format!("      private subnet s{i} {{ size: /28 }}\n"));
        }
        src.push_str("    }\n  }\n}\n");
        let (_, c) = crate::compile_str("many.arch", &src);
        assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics.first());
        let m = c.model();
        let blocks: Vec<String> = m
            .nodes()
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Subnet(s) => match s.cidr {
                    SubnetBlock::Allocated(b) => Some(b.to_string()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        assert_eq!(blocks.len(), 5_000);
        assert_eq!((blocks[0].as_str(), blocks[1].as_str()), ("10.0.0.0/28", "10.0.0.16/28"));
        assert_eq!(blocks[4_999], "10.1.56.112/28");
    }
}
