//! W0712: a design that needs more than an account's default quota.

use std::collections::BTreeMap;

use super::lambda_timeout::duration;
use super::zones::zone_letter;
use super::{rule, Context, Report, Rule};
use crate::model::limits::{
    Limit, APIGW_REST_TIMEOUT_MAX, CLOUDFRONT_ORIGINS, EIPS_PER_REGION, NAT_GATEWAYS_PER_ZONE, VPCS_PER_REGION,
};
use crate::model::{ApiType, Connectivity, NatMode, Node, NodeId, NodeKind, Spanned};

rule! {
    /// # W0712: past a default quota
    ///
    /// Some AWS limits are default *quotas*: an account starts with them and
    /// can have them raised through Service Quotas. A design that needs more
    /// than the default deploys only in an account whose quota was raised.
    /// archc counts, per region: Elastic IP addresses (5; one per zonal
    /// public NAT gateway), VPCs (5) and NAT gateways per zone (5); per
    /// distribution, CloudFront origins (100); per API, a REST API's
    /// integration timeout (29 s; Regional and private REST APIs can have it
    /// raised). The values are data, in `compiler/core/src/model/limits.rs`.
    /// Elastic IPs are counted per region, not per VPC, and only for zonal
    /// public NAT gateways: a `type: private` NAT has none, and a regional
    /// NAT gateway's addresses are not modelled, so they are not counted.
    ///
    /// When your account's quota is raised, say so in the region, and archc
    /// counts against it: `quota_eips: 10`, `quota_vpcs: 20`,
    /// `quota_nat_gateways: 8`. See
    /// [Amazon VPC quotas](https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html)
    /// and [CloudFront quotas](https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc a 10.0.0.0/16
    ///   vpc b 10.1.0.0/16
    ///   vpc c 10.2.0.0/16
    ///   vpc d 10.3.0.0/16
    ///   vpc e 10.4.0.0/16
    ///   vpc f 10.5.0.0/16
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0712]: `us-east-1` has 6 VPCs; the default quota is 5 per region
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   quota_vpcs: 10
    ///   vpc a 10.0.0.0/16
    ///   vpc b 10.1.0.0/16
    ///   vpc c 10.2.0.0/16
    ///   vpc d 10.3.0.0/16
    ///   vpc e 10.4.0.0/16
    ///   vpc f 10.5.0.0/16
    /// }
    /// ```
    pub struct DefaultQuota;
}

impl Rule for DefaultQuota {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let model = cx.model;
        // Per region: its VPCs, its public zonal NAT gateways, and its NAT
        // gateways by zone letter, in declaration order.
        let mut vpcs: BTreeMap<NodeId, Vec<&Node>> = BTreeMap::new();
        let mut eips: BTreeMap<NodeId, Vec<&Node>> = BTreeMap::new();
        let mut nats: BTreeMap<(NodeId, &str), Vec<&Node>> = BTreeMap::new();
        for node in model.nodes() {
            let Some(region) = node.region else { continue };
            match &node.kind {
                NodeKind::Vpc(_) => vpcs.entry(region).or_default().push(node),
                NodeKind::Nat(n) if n.mode.value == NatMode::Zonal => {
                    if n.connectivity.value == Connectivity::Public {
                        eips.entry(region).or_default().push(node);
                    }
                    if let Some(z) = n.subnet.and_then(|s| zone_letter(model, s)) {
                        nats.entry((region, z)).or_default().push(node);
                    }
                }
                _ => {}
            }
        }
        let raised = |region: NodeId, pick: fn(&crate::model::Region) -> &Option<Spanned<u32>>| match model
            .get(region)
            .map(|r| &r.kind)
        {
            Some(NodeKind::Region(r)) => pick(r).as_ref().map(|q| u64::from(q.value)),
            _ => None,
        };
        for (region, list) in &vpcs {
            let quota = raised(*region, |r| &r.quota_vpcs).unwrap_or(VPCS_PER_REGION.value);
            over(cx, report, *region, list, quota, &VPCS_PER_REGION, "VPCs", "per region");
        }
        for (region, list) in &eips {
            let quota = raised(*region, |r| &r.quota_eips).unwrap_or(EIPS_PER_REGION.value);
            over(
                cx,
                report,
                *region,
                list,
                quota,
                &EIPS_PER_REGION,
                "Elastic IPs (one per public NAT gateway)",
                "per region",
            );
        }
        for ((region, zone), list) in &nats {
            let quota = raised(*region, |r| &r.quota_nat_gateways).unwrap_or(NAT_GATEWAYS_PER_ZONE.value);
            let what = format!("NAT gateways in zone `{zone}`");
            over(cx, report, *region, list, quota, &NAT_GATEWAYS_PER_ZONE, &what, "per zone");
        }
        for node in model.nodes() {
            match &node.kind {
                NodeKind::Cloudfront(cf) if cf.origins.len() as u64 > CLOUDFRONT_ORIGINS.value => {
                    let span = cf.origins.get(CLOUDFRONT_ORIGINS.value as usize).map_or(node.name_span, |o| o.span);
                    let d = report
                        .diagnostic(
                            span,
                            format!(
                                "`{}` has {} origins; the default quota is {} per distribution",
                                node.name,
                                cf.origins.len(),
                                CLOUDFRONT_ORIGINS.value
                            ),
                        )
                        .with_help("request an increase of `Origins per distribution` in Service Quotas, or split the distribution");
                    report.push(d);
                }
                NodeKind::Apigw(api) if api.api_type.value == ApiType::Rest => {
                    let Some(t) = api.timeout.as_ref().filter(|t| t.value.0 > APIGW_REST_TIMEOUT_MAX.value) else {
                        continue;
                    };
                    let d = report
                        .diagnostic(
                            t.span,
                            format!(
                                "the REST API `{}` has an integration timeout of {}; the default quota is 29s",
                                node.name,
                                duration(t.value.0)
                            ),
                        )
                        .with_help(
                            "a Regional or private REST API can have it raised (Service Quotas: `Maximum integration timeout`); \
                             an edge-optimized one cannot: otherwise write `timeout: 29s`",
                        );
                    report.push(d);
                }
                _ => {}
            }
        }
    }
}

/// Reports the first item past `quota`, with the region it counts in.
#[allow(clippy::too_many_arguments)]
fn over(
    cx: &Context<'_>,
    report: &mut Report<'_>,
    region: NodeId,
    items: &[&Node],
    quota: u64,
    limit: &Limit,
    what: &str,
    per: &str,
) {
    if items.len() as u64 <= quota {
        return;
    }
    let Some(r) = cx.model.get(region) else { return };
    let Some(first_past) = items.get(quota as usize) else { return };
    let property = limit.property.unwrap_or("quota");
    let written = quota != limit.value;
    let d = report
        .diagnostic(
            first_past.name_span,
            if written {
                format!("`{}` has {} {what}; its quota is {quota} {per}", r.name, items.len())
            } else {
                format!("`{}` has {} {what}; the default quota is {quota} {per}", r.name, items.len())
            },
        )
        .with_label(r.name_span, format!("counted in region `{}`", r.name))
        .with_help(format!(
            "if your account's quota is raised, write `{property}: N` in `region {}`; otherwise request an increase in Service Quotas",
            r.name
        ));
    report.push(d);
}
