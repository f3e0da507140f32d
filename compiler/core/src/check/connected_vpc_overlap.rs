//! E0209: VPCs that are peered, or attached to one transit gateway (or to
//! two peered ones), whose blocks overlap.

use std::collections::{BTreeMap, BTreeSet};

use archc_syntax::{Diagnostic, Span};

use super::net::{BlockIndex, VpcSpace};
use super::{rule, Context, Report, Rule};
use crate::model::cidr::Cidr;
use crate::model::kinds::Kind;
use crate::model::{CheckedModel, NodeId, NodeKind, Spanned};

rule! {
    /// # E0209: connected VPCs overlap
    ///
    /// Two VPCs that the design connects have blocks that overlap, so an address
    /// of one could also be an address of the other and no route could tell them
    /// apart. AWS refuses a peering connection between VPCs with overlapping
    /// blocks, and a transit gateway does not route between attached VPCs whose
    /// blocks overlap. See
    /// [VPC peering limitations](https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html)
    /// and [Transit gateway VPC attachments](https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html).
    ///
    /// Reported at the `peering`, or at the `attach:` (or `peer:`) entry that
    /// joins the second VPC, with both blocks labelled. The help names a block of
    /// the same size that no VPC of the design uses. Overlapping VPCs that are not
    /// connected are only a warning (W0208).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc dev 10.0.0.0/16
    ///   vpc prod 10.0.0.0/16
    /// }
    ///
    /// peering dev_prod dev <-> prod
    /// ```
    ///
    /// ```text
    /// error[E0209]: peering `dev_prod` connects vpcs `dev` and `prod`, whose blocks overlap
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc dev 10.0.0.0/16
    ///   vpc prod 10.1.0.0/16
    /// }
    ///
    /// peering dev_prod dev <-> prod
    /// ```
    pub struct ConnectedVpcOverlap;
}

/// The first pair of overlapping blocks of two VPCs.
pub(super) fn overlap(model: &CheckedModel, a: NodeId, b: NodeId) -> Option<(&Spanned<Cidr>, &Spanned<Cidr>)> {
    let (NodeKind::Vpc(va), NodeKind::Vpc(vb)) = (&model.get(a)?.kind, &model.get(b)?.kind) else { return None };
    // A link-local block is E0207's, whatever it overlaps.
    let usable = |c: &&Spanned<Cidr>| !super::net::link_local(c.value);
    va.blocks.iter().filter(usable).find_map(|x| {
        vb.blocks.iter().filter(usable).find(|y| x.value.network().overlaps(y.value.network())).map(|y| (x, y))
    })
}

/// A VPC's blocks (none for another kind).
fn vpc_blocks(model: &CheckedModel, vpc: NodeId) -> Vec<Cidr> {
    match model.get(vpc).map(|n| &n.kind) {
        Some(NodeKind::Vpc(v)) => v.blocks.iter().map(|b| b.value).collect(),
        _ => Vec::new(),
    }
}

/// The VPCs in a transit gateway's `attach:`, with the entry that names each.
pub(super) fn attached_vpcs(model: &CheckedModel, tgw: NodeId) -> Vec<(NodeId, Span)> {
    let Some(NodeKind::Tgw(t)) = model.get(tgw).map(|n| &n.kind) else { return Vec::new() };
    t.attach
        .iter()
        .filter(|e| model.get(e.value).is_some_and(|n| n.kind() == Kind::Vpc))
        .map(|e| (e.value, e.span))
        .collect()
}

/// Pairs of transit gateways joined by `peer:` (each pair once, in the
/// order first written), with the entry that joins them.
pub(super) fn tgw_peerings(model: &CheckedModel) -> Vec<(NodeId, NodeId, Span)> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (g, n) in model.of_kind(Kind::Tgw) {
        let NodeKind::Tgw(t) = &n.kind else { continue };
        for h in &t.peer {
            if h.value != g && seen.insert((g.min(h.value), g.max(h.value))) {
                out.push((g, h.value, h.span));
            }
        }
    }
    out
}

/// What connects VPCs directly: peerings, transit gateways, and peerings
/// of transit gateways, indexed once.
pub(super) struct Connections {
    peered: BTreeSet<(NodeId, NodeId)>,
    /// Per VPC, the transit gateways that attach it.
    tgws: BTreeMap<NodeId, Vec<NodeId>>,
    tgw_peered: BTreeSet<(NodeId, NodeId)>,
}

impl Connections {
    pub(super) fn new(model: &CheckedModel) -> Connections {
        let pair = |a: NodeId, b: NodeId| (a.min(b), a.max(b));
        let peered = model.peerings().iter().map(|p| pair(p.left.value, p.right.value)).collect();
        let mut tgws: BTreeMap<NodeId, Vec<NodeId>> = BTreeMap::new();
        for (g, _) in model.of_kind(Kind::Tgw) {
            for (v, _) in attached_vpcs(model, g) {
                tgws.entry(v).or_default().push(g);
            }
        }
        let tgw_peered = tgw_peerings(model).into_iter().map(|(g, h, _)| pair(g, h)).collect();
        Connections { peered, tgws, tgw_peered }
    }

    /// Whether the design connects VPCs `a` and `b` directly: a peering, one
    /// transit gateway, or two peered transit gateways.
    pub(super) fn connected(&self, a: NodeId, b: NodeId) -> bool {
        let none = Vec::new();
        let (ta, tb) = (self.tgws.get(&a).unwrap_or(&none), self.tgws.get(&b).unwrap_or(&none));
        self.peered.contains(&(a.min(b), a.max(b)))
            || ta.iter().any(|g| tb.contains(g))
            || ta.iter().any(|g| tb.iter().any(|h| self.tgw_peered.contains(&((*g).min(*h), (*g).max(*h)))))
    }
}

impl Rule for ConnectedVpcOverlap {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let m = cx.model;
        let name = |id: NodeId| m.get(id).map_or("", |n| n.name.as_str());
        let mut space = VpcSpace::new(m);
        // Each pair of vpcs once, however many ways connect it.
        let mut reported: BTreeSet<(NodeId, NodeId)> = BTreeSet::new();
        let mut first = |a: NodeId, b: NodeId| reported.insert((a.min(b), a.max(b)));
        // Peerings: the first of each pair (E0420 reports the rest).
        let mut pairs = BTreeSet::new();
        for p in m.peerings() {
            let (a, b) = (p.left.value, p.right.value);
            if a == b || !pairs.insert((a.min(b), a.max(b))) {
                continue;
            }
            let Some((x, y)) = overlap(m, a, b) else { continue };
            if !first(a, b) {
                continue;
            }
            let d = report.diagnostic(
                p.name.span,
                format!(
                    "peering `{}` connects vpcs `{}` and `{}`, whose blocks overlap",
                    p.name.value,
                    name(a),
                    name(b)
                ),
            );
            report.push(finish(
                &mut space,
                d,
                (name(a), x),
                (name(b), y),
                "AWS refuses to peer vpcs whose blocks overlap",
            ));
        }
        // One transit gateway.
        for (g, gn) in m.of_kind(Kind::Tgw) {
            let vpcs = attached_vpcs(m, g);
            let mut index = BlockIndex::default();
            for (j, &(b, at)) in vpcs.iter().enumerate() {
                let blocks = vpc_blocks(m, b);
                let mut earlier: Vec<usize> = blocks.iter().flat_map(|c| index.earlier(*c, j, 4)).collect();
                earlier.sort_unstable();
                blocks.iter().for_each(|c| index.insert(*c, j));
                let Some(a) = earlier.iter().filter_map(|&i| vpcs.get(i)).map(|(a, _)| *a).find(|a| *a != b) else {
                    continue;
                };
                let Some((x, y)) = overlap(m, a, b) else { continue };
                if !first(a, b) {
                    continue;
                }
                let d = report.diagnostic(
                    at,
                    format!(
                        "vpcs `{}` and `{}` are both attached to transit gateway `{}`, and their blocks overlap",
                        name(a),
                        name(b),
                        gn.name
                    ),
                );
                report.push(finish(
                    &mut space,
                    d,
                    (name(a), x),
                    (name(b), y),
                    "a transit gateway does not route between vpcs whose blocks overlap",
                ));
            }
        }
        // Two peered transit gateways: each routes to the other's vpcs.
        for (g, h, at) in tgw_peerings(m) {
            let mut reported = false;
            let theirs = attached_vpcs(m, h);
            let mut index = BlockIndex::default();
            for (i, &(v, _)) in theirs.iter().enumerate() {
                vpc_blocks(m, v).iter().for_each(|c| index.insert(*c, i));
            }
            for (a, _) in attached_vpcs(m, g) {
                let mut candidates: Vec<usize> =
                    vpc_blocks(m, a).iter().flat_map(|c| index.earlier(*c, usize::MAX, 4)).collect();
                candidates.sort_unstable();
                for b in candidates.iter().filter_map(|&i| theirs.get(i)).map(|(b, _)| *b) {
                    if reported || a == b {
                        continue;
                    }
                    let Some((x, y)) = overlap(m, a, b) else { continue };
                    if !first(a, b) {
                        continue;
                    }
                    let d = report.diagnostic(
                        at,
                        format!(
                            "transit gateways `{}` and `{}` are peered, and their vpcs `{}` and `{}` overlap",
                            name(g),
                            name(h),
                            name(a),
                            name(b)
                        ),
                    );
                    report.push(finish(
                        &mut space,
                        d,
                        (name(a), x),
                        (name(b), y),
                        "the peered transit gateways cannot route between vpcs whose blocks overlap",
                    ));
                    reported = true;
                }
            }
        }
    }
}

fn finish(
    space: &mut VpcSpace,
    d: Diagnostic,
    (a, x): (&str, &Spanned<Cidr>),
    (b, y): (&str, &Spanned<Cidr>),
    why: &str,
) -> Diagnostic {
    let d = d
        .with_span_label(why.to_string())
        .with_label(x.span, format!("`{a}` has `{}`", x.value))
        .with_label(y.span, format!("`{b}` has `{}`", y.value));
    match space.suggest(y.value, y.value.prefix) {
        Some(free) => d.with_help(format!("give `{b}` a block that no other vpc uses, such as `{free}`")),
        None => d.with_help(format!("give `{b}` a block that does not overlap `{a}`")),
    }
}
