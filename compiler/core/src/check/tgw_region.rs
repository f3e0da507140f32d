//! E0421: a transit gateway that attaches a VPC or VPN of another region.

use archc_syntax::{Diagnostic, Span};

use super::net::region_code;
use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::model::{CheckedModel, Node, NodeId, NodeKind};

rule! {
    /// # E0421: transit gateway in another region
    ///
    /// A transit gateway attaches a VPC or a VPN (in its `attach:`, or by the
    /// vpn's `tgw:`) declared in another region. A transit gateway is a regional
    /// router: its VPC and VPN attachments are in its own region, and it reaches
    /// another region only through a peering with a transit gateway there. See
    /// [How transit gateways work](https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html)
    /// and [Transit gateway peering attachments](https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html).
    ///
    /// The plan leaves such an attachment out, so no route leads over it: a
    /// flow that was meant to cross it is blocked too (E0401,
    /// `TGW_RTB_CANNOT_ROUTE`).
    ///
    /// The help names the transit gateway of that region to attach it to (and
    /// says to peer it with `peer:` when the two are not peered), or gives the
    /// one to declare. A `dx` is not reported: Direct Connect reaches transit
    /// gateways through a Direct Connect gateway, which is global.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc app 10.0.0.0/16
    ///   tgw hub { attach: app, eu_app }
    /// }
    ///
    /// region eu-west-1 {
    ///   vpc eu_app 10.1.0.0/16
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0421]: transit gateway `hub` (us-east-1) attaches vpc `eu_app` of eu-west-1
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc app 10.0.0.0/16
    ///   tgw hub { attach: app }
    /// }
    ///
    /// region eu-west-1 {
    ///   vpc eu_app 10.1.0.0/16
    ///   tgw hub_eu {
    ///     attach: eu_app
    ///     peer: hub
    ///   }
    /// }
    /// ```
    pub struct TgwRegion;
}

impl Rule for TgwRegion {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let m = cx.model;
        for (g, tgw) in m.of_kind(Kind::Tgw) {
            let NodeKind::Tgw(t) = &tgw.kind else { continue };
            for entry in &t.attach {
                let Some(target) = m.get(entry.value) else { continue };
                if matches!(target.kind(), Kind::Vpc | Kind::Vpn) && target.region != tgw.region {
                    let d = diagnostic(report, m, g, tgw, target, entry.span, false);
                    report.push(d);
                }
            }
        }
        for (vpn_id, vpn) in m.of_kind(Kind::Vpn) {
            let NodeKind::Vpn(v) = &vpn.kind else { continue };
            let Some(r) = &v.tgw else { continue };
            let Some(tgw) = m.get(r.value) else { continue };
            // Listed in the tgw's `attach:` too: reported there.
            let listed = matches!(&tgw.kind, NodeKind::Tgw(t) if t.attach.iter().any(|e| e.value == vpn_id));
            if tgw.region != vpn.region && !listed {
                let d = diagnostic(report, m, r.value, tgw, vpn, r.span, true);
                report.push(d);
            }
        }
    }
}

/// `by_tgw`: the vpn names the transit gateway (`tgw:`), rather than the
/// transit gateway listing it in `attach:`.
fn diagnostic(
    report: &Report<'_>,
    m: &CheckedModel,
    g: NodeId,
    tgw: &Node,
    target: &Node,
    at: Span,
    by_tgw: bool,
) -> Diagnostic {
    let here = region_code(m, tgw).unwrap_or_default();
    let there = region_code(m, target).unwrap_or_default();
    let kind = target.kind().keyword();
    let d = report
        .diagnostic(at, format!("transit gateway `{}` ({here}) attaches {kind} `{}` of {there}", tgw.name, target.name))
        .with_span_label("a transit gateway attaches only what is in its own region")
        .with_label(target.name_span, format!("`{}` is in {there}", target.name));
    // A transit gateway of that region, peered with this one or not.
    let local: Vec<(NodeId, &Node)> = m.of_kind(Kind::Tgw).filter(|(_, n)| n.region == target.region).collect();
    let peered = |h: NodeId| {
        let lists = |a: NodeId, b: NodeId| matches!(m.get(a).map(|n| &n.kind), Some(NodeKind::Tgw(t)) if t.peer.iter().any(|p| p.value == b));
        lists(g, h) || lists(h, g)
    };
    // How to put the target on a transit gateway `x`: its own `tgw:`, or
    // `x`'s `attach:`.
    let put = |x: &str| {
        if by_tgw {
            format!("write `tgw: {x}` in `{}`", target.name)
        } else {
            format!("attach `{}` to `{x}`", target.name)
        }
    };
    let help = match local.iter().find(|(h, _)| peered(*h)).or(local.first()) {
        Some(&(h, other)) if peered(h) => {
            format!("{}, the transit gateway of {there}, which is peered with `{}`", put(&other.name), tgw.name)
        }
        Some(&(_, other)) => format!(
            "{}, the transit gateway of {there}, and peer the two: `peer: {}` in `{}`",
            put(&other.name),
            tgw.name,
            other.name
        ),
        None => {
            let name = format!("{}_{}", tgw.name, there.replace('-', "_"));
            let new = if by_tgw {
                format!("`tgw {name} {{ peer: {} }}`", tgw.name)
            } else {
                format!("`tgw {name} {{ attach: {}; peer: {} }}`", target.name, tgw.name)
            };
            let then = if by_tgw { format!(", and {}", put(&name)) } else { String::new() };
            format!("declare a transit gateway in region {there}, peered with this one: {new}{then}")
        }
    };
    d.with_help(help)
}
