//! E0424: a vpn whose `vgw:` names a VPC of another region.

use super::net::region_code;
use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::model::NodeKind;

rule! {
    /// # E0424: virtual private gateway in another region
    ///
    /// A `vpn` declared in one region ends (`vgw:`) on a VPC of another. A
    /// Site-to-Site VPN connection and the virtual private gateway it ends on are
    /// regional resources of the same region, and a virtual private gateway
    /// attaches only to a VPC of its region. See
    /// [AWS Site-to-Site VPN](https://docs.aws.amazon.com/vpc/latest/userguide/vpn-connections.html)
    /// and [AttachVpnGateway](https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AttachVpnGateway.html).
    ///
    /// Declare the vpn in the VPC's region (one `vpn` per region when the
    /// on-premises network reaches several). A `dx` is not reported: a Direct
    /// Connect gateway is global and reaches virtual private gateways in any
    /// region.
    ///
    /// ## Example
    ///
    /// ```arch
    /// onprem office 192.168.0.0/16
    ///
    /// region us-east-1 {
    ///   vpn office_vpn {
    ///     to: office
    ///     vgw: eu_app
    ///   }
    /// }
    ///
    /// region eu-west-1 {
    ///   vpc eu_app 10.1.0.0/16
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0424]: vpn `office_vpn` (us-east-1) ends on the virtual private gateway of vpc `eu_app` in eu-west-1
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// onprem office 192.168.0.0/16
    ///
    /// region eu-west-1 {
    ///   vpc eu_app 10.1.0.0/16
    ///   vpn office_vpn {
    ///     to: office
    ///     vgw: eu_app
    ///   }
    /// }
    /// ```
    pub struct VgwRegion;
}

impl Rule for VgwRegion {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let m = cx.model;
        for (_, vpn) in m.of_kind(Kind::Vpn) {
            let NodeKind::Vpn(v) = &vpn.kind else { continue };
            let Some(r) = &v.vgw else { continue };
            let Some(vpc) = m.get(r.value) else { continue };
            if vpc.region == vpn.region {
                continue;
            }
            let here = region_code(m, vpn).unwrap_or_default();
            let there = region_code(m, vpc).unwrap_or_default();
            let d = report
                .diagnostic(
                    r.span,
                    format!(
                        "vpn `{}` ({here}) ends on the virtual private gateway of vpc `{}` in {there}",
                        vpn.name, vpc.name
                    ),
                )
                .with_span_label("a VPN connection and its virtual private gateway are in one region")
                .with_label(vpc.name_span, format!("`{}` is in {there}", vpc.name))
                .with_help(format!("declare `vpn {}` in region {there}, beside vpc `{}`", vpn.name, vpc.name));
            report.push(d);
        }
    }
}
