//! What the network rules (E02xx addressing, E03xx gateways, E04xx
//! connectivity) share: the VPCs and subnets of a design in declaration
//! order, free blocks from the allocator of `model::cidr`, and the text of
//! the one-line insertions their fixes make.
//!
//! Not a rule: no code of its own.

use std::collections::BTreeMap;

use archc_syntax::Span;

use crate::model::cidr::{Allocator, Cidr};
use crate::model::kinds::Kind;
use crate::model::{CheckedModel, Node, NodeId, NodeKind, Subnet, SubnetBlock, Tier, Vpc};

/// Every VPC with its data, in declaration order.
pub(super) fn vpcs(model: &CheckedModel) -> impl Iterator<Item = (NodeId, &Node, &Vpc)> + '_ {
    model.nodes().iter().enumerate().filter_map(|(i, n)| match &n.kind {
        NodeKind::Vpc(v) => Some((NodeId(i), n, v)),
        _ => None,
    })
}

/// A subnet with its node and data.
pub(super) type SubnetRef<'a> = (NodeId, &'a Node, &'a Subnet);

/// The subnets of each VPC, in declaration order (one pass over the nodes).
pub(super) fn subnets_by_vpc(model: &CheckedModel) -> BTreeMap<NodeId, Vec<SubnetRef<'_>>> {
    let mut out: BTreeMap<NodeId, Vec<SubnetRef<'_>>> = BTreeMap::new();
    for (i, n) in model.nodes().iter().enumerate() {
        if let (NodeKind::Subnet(s), Some(vpc)) = (&n.kind, n.vpc) {
            out.entry(vpc).or_default().push((NodeId(i), n, s));
        }
    }
    out
}

/// The subnet data of a node, if it is a subnet.
pub(super) fn subnet(model: &CheckedModel, id: NodeId) -> Option<(&Node, &Subnet)> {
    let node = model.get(id)?;
    match &node.kind {
        NodeKind::Subnet(s) => Some((node, s)),
        _ => None,
    }
}

/// The tier of a subnet (None when the modifier is missing, an error).
pub(super) fn tier(s: &Subnet) -> Option<Tier> {
    s.tier.as_ref().map(|t| t.value)
}

/// The `igw`s of each VPC, in declaration order.
pub(super) fn igws_by_vpc(model: &CheckedModel) -> BTreeMap<NodeId, Vec<NodeId>> {
    let mut out: BTreeMap<NodeId, Vec<NodeId>> = BTreeMap::new();
    for (id, n) in model.of_kind(Kind::Igw) {
        if let Some(vpc) = n.vpc {
            out.entry(vpc).or_default().push(id);
        }
    }
    out
}

/// A VPC's blocks as the blocks they denote.
pub(super) fn pools(vpc: &Vpc) -> Vec<Cidr> {
    vpc.blocks.iter().map(|b| b.value.network()).collect()
}

/// The private range (RFC 1918, or 100.64.0.0/10) that holds `near`, else 10.0.0.0/8.
fn private_range(near: Cidr) -> Cidr {
    const RANGES: [(u32, u8); 4] = [(0x0a00_0000, 8), (0xac10_0000, 12), (0xc0a8_0000, 16), (0x6440_0000, 10)];
    RANGES
        .iter()
        .filter_map(|&(addr, prefix)| Cidr::new(addr, prefix))
        .find(|r| r.contains(near.network()))
        .or_else(|| Cidr::new(0x0a00_0000, 8))
        .unwrap_or(near)
}

/// Blocks a VPC could use instead of one it has: free private space, clear
/// of every VPC block of the design and of each block suggested before, so
/// two suggestions of one rule never collide.
pub(super) struct VpcSpace {
    taken: Vec<Cidr>,
    allocators: BTreeMap<Cidr, Allocator>,
}

impl VpcSpace {
    pub(super) fn new(model: &CheckedModel) -> VpcSpace {
        VpcSpace { taken: vpcs(model).flat_map(|(_, _, v)| pools(v)).collect(), allocators: BTreeMap::new() }
    }

    /// A free block of `prefix` (16 to 28) in the private range of `near`
    /// (else in 10.0.0.0/8).
    pub(super) fn suggest(&mut self, near: Cidr, prefix: u8) -> Option<Cidr> {
        let prefix = prefix.clamp(16, 28);
        let ten = Cidr::new(0x0a00_0000, 8)?;
        let taken = &self.taken;
        for range in [private_range(near), ten] {
            let allocator = self.allocators.entry(range).or_insert_with(|| Allocator::new(&[range], taken));
            if let Some(block) = allocator.allocate(prefix) {
                return Some(block);
            }
        }
        None
    }
}

/// Every subnet block of a VPC, written or allocated.
pub(super) fn subnet_blocks(subnets: &[SubnetRef<'_>]) -> Vec<Cidr> {
    subnets.iter().filter_map(|(_, _, s)| s.cidr.cidr().map(Cidr::network)).collect()
}

/// The written block of a subnet.
pub(super) fn written(s: &Subnet) -> Option<(Cidr, Span)> {
    match &s.cidr {
        SubnetBlock::Written(c) => Some((c.value, c.span)),
        _ => None,
    }
}

/// The smallest subnet prefix (16 to 28) whose usable addresses hold `need`.
pub(super) fn prefix_for(need: u64) -> Option<u8> {
    (16..=28u8).rev().find(|p| (1u64 << (32 - u32::from(*p))).saturating_sub(5) >= need)
}

/// The region code a node stands in.
pub(super) fn region_code(model: &CheckedModel, node: &Node) -> Option<String> {
    match &model.get(node.region?)?.kind {
        NodeKind::Region(r) => Some(r.code.clone()),
        _ => None,
    }
}

/// The indentation `archc fmt` gives a declaration: two spaces per
/// enclosing declaration.
pub(super) fn indent(model: &CheckedModel, id: NodeId) -> String {
    let mut depth = 0usize;
    let mut at = model.get(id).and_then(|n| n.parent);
    // Bounded: parents form a tree no deeper than the nesting limit.
    while let Some(p) = at {
        depth += 1;
        if depth > 256 {
            break;
        }
        at = model.get(p).and_then(|n| n.parent);
    }
    "  ".repeat(depth)
}

/// Whether a node was written directly in its file (not through a
/// component, whose text a fix must not edit for one instance).
pub(super) fn written_directly(node: &Node) -> bool {
    node.expansion.is_empty()
}

/// Where a statement can be inserted at the top of `container`'s body, with
/// the text that follows the statement there: before its first child
/// declared in its own text, so the new line takes that child's place and
/// the child moves down with the indentation `archc fmt` gives it. None when
/// the container has no such child, or the child is repeated by a `for`
/// (the insertion would be repeated too).
pub(super) fn top_of_body(model: &CheckedModel, container: NodeId) -> Option<(Span, String)> {
    let outer = model.get(container)?;
    let (first, node) = model
        .children(container)
        .filter(|(_, c)| {
            written_directly(c)
                && c.span.file == outer.span.file
                && c.span.start > outer.span.start
                && c.span.end <= outer.span.end
        })
        .min_by_key(|(_, c)| c.span.start)?;
    let repeated = model.nodes().iter().filter(|n| n.span.file == node.span.file && n.span.start == node.span.start);
    if repeated.count() > 1 {
        return None;
    }
    let at = Span { file: node.span.file, start: node.span.start, end: node.span.start };
    Some((at, format!("\n{}", indent(model, first))))
}

/// The safe fix that writes `igw` at the top of a VPC's body: before its
/// first child, or as a new body of a VPC written without one. None when
/// the VPC comes from a component or its body has no place archc can find
/// without reading the text.
pub(super) fn add_igw_fix(model: &CheckedModel, vpc: NodeId) -> Option<archc_syntax::Fix> {
    let node = model.get(vpc)?;
    if !written_directly(node) {
        return None;
    }
    let edit = match top_of_body(model, vpc) {
        Some((at, after)) => archc_syntax::Edit { span: at, replacement: format!("igw{after}") },
        None => {
            let NodeKind::Vpc(v) = &node.kind else { return None };
            let header_end = v.blocks.iter().map(|b| b.span.end).max().unwrap_or(node.name_span.end);
            if node.span.end != header_end {
                return None;
            }
            let at = Span { file: node.span.file, start: node.span.end, end: node.span.end };
            let inner = format!("{}  ", indent(model, vpc));
            archc_syntax::Edit { span: at, replacement: format!(" {{\n{inner}igw\n{}}}", indent(model, vpc)) }
        }
    };
    Some(archc_syntax::Fix::new(archc_syntax::Applicability::Safe, vec![edit]))
}

/// Whether a block takes addresses from link-local space, 169.254.0.0/16 (E0207).
pub(super) fn link_local(c: Cidr) -> bool {
    Cidr::new(0xa9fe_0000, 16).is_some_and(|ll| ll.overlaps(c.network()))
}

/// Blocks by the block they denote, each with its owner (an index in the
/// caller's order, inserted in ascending order): which earlier owners
/// overlap a block, in near-linear time over a design. CIDR blocks either
/// nest or are disjoint, so the blocks that overlap `c` are those that hold
/// it (one candidate per prefix length) and those inside it (a range of
/// starts), and a block lies inside at most 33 others.
#[derive(Default)]
pub(super) struct BlockIndex {
    map: BTreeMap<(u32, u8), Vec<usize>>,
}

impl BlockIndex {
    pub(super) fn insert(&mut self, c: Cidr, owner: usize) {
        let n = c.network();
        let owners = self.map.entry((n.first(), n.prefix)).or_default();
        if owners.last() != Some(&owner) {
            owners.push(owner);
        }
    }

    /// The smallest owners below `before` (at most `limit`) whose block
    /// overlaps `c`, in ascending order.
    pub(super) fn earlier(&self, c: Cidr, before: usize, limit: usize) -> Vec<usize> {
        let n = c.network();
        let mut out = Vec::new();
        let mut take = |owners: &Vec<usize>| {
            out.extend(owners.iter().copied().take_while(|o| *o < before).take(limit));
        };
        // The blocks that hold it, or are it.
        for p in 0..=n.prefix {
            let mask = if p == 0 { 0 } else { u32::MAX << (32 - u32::from(p)) };
            if let Some(owners) = self.map.get(&(n.first() & mask, p)) {
                take(owners);
            }
        }
        // The blocks inside it.
        if n.prefix < 32 {
            for (_, owners) in self.map.range((n.first(), n.prefix + 1)..=(n.last(), 32)) {
                take(owners);
            }
        }
        out.sort_unstable();
        out.dedup();
        out.truncate(limit);
        out
    }
}
