//! E0209: VPCs that are peered, or attached to one transit gateway (or to
//! two peered ones), whose blocks overlap.

use std::collections::BTreeSet;

use archc_syntax::{Diagnostic, Span};

use super::net::free_vpc_block;
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

/// Whether the design connects VPCs `a` and `b` directly: a peering, one
/// transit gateway, or two peered transit gateways.
pub(super) fn connected(model: &CheckedModel, a: NodeId, b: NodeId) -> bool {
    let peered = model
        .peerings()
        .iter()
        .any(|p| (p.left.value, p.right.value) == (a, b) || (p.left.value, p.right.value) == (b, a));
    let on = |tgw: NodeId, v: NodeId| attached_vpcs(model, tgw).iter().any(|(x, _)| *x == v);
    let shared = model.of_kind(Kind::Tgw).any(|(g, _)| on(g, a) && on(g, b));
    let across = tgw_peerings(model).iter().any(|&(g, h, _)| (on(g, a) && on(h, b)) || (on(g, b) && on(h, a)));
    peered || shared || across
}

impl Rule for ConnectedVpcOverlap {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let m = cx.model;
        let name = |id: NodeId| m.get(id).map_or("", |n| n.name.as_str());
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
            report.push(finish(m, d, (name(a), x), (name(b), y), "AWS refuses to peer vpcs whose blocks overlap"));
        }
        // One transit gateway.
        for (g, gn) in m.of_kind(Kind::Tgw) {
            let vpcs = attached_vpcs(m, g);
            for (j, &(b, at)) in vpcs.iter().enumerate() {
                let Some(&(a, _)) = vpcs[..j].iter().find(|(a, _)| *a != b && overlap(m, *a, b).is_some()) else {
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
                    m,
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
            for (a, _) in attached_vpcs(m, g) {
                for (b, _) in attached_vpcs(m, h) {
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
                        m,
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
    m: &CheckedModel,
    d: Diagnostic,
    (a, x): (&str, &Spanned<Cidr>),
    (b, y): (&str, &Spanned<Cidr>),
    why: &str,
) -> Diagnostic {
    let d = d
        .with_span_label(why.to_string())
        .with_label(x.span, format!("`{a}` has `{}`", x.value))
        .with_label(y.span, format!("`{b}` has `{}`", y.value));
    match free_vpc_block(m, y.value, y.value.prefix) {
        Some(free) => d.with_help(format!("give `{b}` a block that no other vpc uses, such as `{free}`")),
        None => d.with_help(format!("give `{b}` a block that does not overlap `{a}`")),
    }
}
