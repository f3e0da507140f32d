//! E0422: a vpn (or dx) that ends on no gateway.

use super::net::region_code;
use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::model::{NodeId, NodeKind};

rule! {
    /// # E0422: VPN without a gateway
    ///
    /// A `vpn` (or a `dx`) has neither `tgw:` nor `vgw:`, and no transit gateway
    /// lists it in its `attach:`. A Site-to-Site VPN connection ends on a virtual
    /// private gateway attached to a VPC or on a transit gateway (and a Direct
    /// Connect connection reaches one of them through a virtual interface); one
    /// that ends on neither connects the on-premises network to nothing. See
    /// [AWS Site-to-Site VPN](https://docs.aws.amazon.com/vpc/latest/userguide/vpn-connections.html).
    ///
    /// The help names the transit gateway of the same region when there is one,
    /// else a VPC of the region for `vgw:`.
    ///
    /// ## Example
    ///
    /// ```arch
    /// onprem office 192.168.0.0/16
    ///
    /// region us-east-1 {
    ///   vpc app 10.0.0.0/16
    ///   vpn office_vpn { to: office }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0422]: vpn `office_vpn` ends on no gateway
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// onprem office 192.168.0.0/16
    ///
    /// region us-east-1 {
    ///   vpc app 10.0.0.0/16
    ///   vpn office_vpn {
    ///     to: office
    ///     vgw: app
    ///   }
    /// }
    /// ```
    pub struct VpnWithoutGateway;
}

impl Rule for VpnWithoutGateway {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let m = cx.model;
        let attached = |id: NodeId| {
            m.of_kind(Kind::Tgw)
                .any(|(_, n)| matches!(&n.kind, NodeKind::Tgw(t) if t.attach.iter().any(|e| e.value == id)))
        };
        for (id, node) in m.nodes().iter().enumerate().map(|(i, n)| (NodeId(i), n)) {
            let ends = match &node.kind {
                NodeKind::Vpn(v) => v.tgw.is_some() || v.vgw.is_some(),
                NodeKind::Dx(x) => x.tgw.is_some() || x.vgw.is_some(),
                _ => continue,
            };
            if ends || attached(id) {
                continue;
            }
            let kw = node.kind().keyword();
            let what = if kw == "vpn" { "a VPN connection" } else { "a Direct Connect connection" };
            let tgw = m.of_kind(Kind::Tgw).find(|(_, n)| n.region == node.region).map(|(_, n)| n);
            let vpc = m.of_kind(Kind::Vpc).find(|(_, n)| n.region == node.region).map(|(_, n)| n);
            let help = match (tgw, vpc) {
                (Some(t), _) => format!("write `tgw: {}` to end it on the transit gateway of the region", t.name),
                (None, Some(v)) => format!(
                    "write `vgw: {}` to end it on a virtual private gateway of vpc `{}`, or `tgw:` a transit gateway",
                    v.name, v.name
                ),
                (None, None) => format!(
                    "declare a vpc or a transit gateway in {} and write `vgw: VPC` or `tgw: TGW`",
                    region_code(m, node).unwrap_or_else(|| "its region".into())
                ),
            };
            let d = report
                .diagnostic(node.name_span, format!("{kw} `{}` ends on no gateway", node.name))
                .with_span_label(format!(
                    "{what} ends on a virtual private gateway (`vgw:`) or a transit gateway (`tgw:`)"
                ))
                .with_help(help);
            report.push(d);
        }
    }
}
