//! E0307: a gateway endpoint for a service other than S3 or DynamoDB.

use archc_syntax::{Applicability, Edit, Fix, Span};

use super::net::{subnets_by_vpc, tier, written_directly};
use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::model::{EndpointType, NodeKind, Tier};

rule! {
    /// # E0307: gateway endpoint for another service
    ///
    /// A `gateway endpoint` names a service other than `s3` or `dynamodb`.
    /// Gateway endpoints exist only for Amazon S3 and DynamoDB (they are a route
    /// to the service's prefix list); every other service is reached privately
    /// through an interface endpoint, a network interface in your subnets. See
    /// [Gateway endpoints](https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html).
    ///
    /// The help gives the interface endpoint to write, in the VPC's private
    /// subnets (one per zone); the fix that writes it is *unsafe* (it chooses the
    /// subnets), so `archc check --fix` applies it only with `--unsafe-fixes`.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24
    ///     }
    ///     gateway endpoint secrets secretsmanager
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0307]: gateway endpoint `secrets` is for `secretsmanager`; gateway endpoints serve only s3 and dynamodb
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24
    ///     }
    ///     interface endpoint secrets secretsmanager in app_a
    ///   }
    /// }
    /// ```
    pub struct GatewayEndpointService;
}

impl Rule for GatewayEndpointService {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let m = cx.model;
        let by_vpc = subnets_by_vpc(m);
        for (_, node) in m.of_kind(Kind::Endpoint) {
            let NodeKind::Endpoint(e) = &node.kind else { continue };
            let (Some(ty), Some(service)) = (&e.endpoint_type, &e.service) else { continue };
            if ty.value != EndpointType::Gateway || matches!(service.value.as_str(), "s3" | "dynamodb") {
                continue;
            }
            // One private (else isolated) subnet per zone, in declaration order.
            let mut chosen: Vec<&crate::model::Node> = Vec::new();
            let mut zones = Vec::new();
            let subnets = node.vpc.and_then(|v| by_vpc.get(&v)).map(Vec::as_slice).unwrap_or_default();
            for want in [Tier::Private, Tier::Isolated] {
                for (_, sn, s) in subnets {
                    if tier(s) == Some(want) && !zones.contains(&s.zone) {
                        zones.push(s.zone);
                        chosen.push(sn);
                    }
                }
            }
            let names: Vec<&str> = chosen.iter().map(|n| n.name.as_str()).collect();
            let list = if names.is_empty() { "SUBNETS".to_string() } else { names.join(", ") };
            let mut d = report
                .diagnostic(
                    service.span,
                    format!(
                        "gateway endpoint `{}` is for `{}`; gateway endpoints serve only s3 and dynamodb",
                        node.name, service.value
                    ),
                )
                .with_span_label("no gateway endpoint exists for this service")
                .with_label(ty.span, "a gateway endpoint is a route to S3's or DynamoDB's prefix list")
                .with_help(format!("write `interface endpoint {} {} in {list}`", node.name, service.value));
            let fixable = !names.is_empty()
                && written_directly(node)
                && node.placement.is_empty()
                && chosen.iter().all(|n| written_directly(n) && n.span.file == node.span.file);
            if fixable {
                let at = Span { file: service.span.file, start: service.span.end, end: service.span.end };
                d = d.with_fix(Fix::new(
                    Applicability::Unsafe,
                    vec![
                        Edit { span: ty.span, replacement: "interface".into() },
                        Edit { span: at, replacement: format!(" in {list}") },
                    ],
                ));
            }
            report.push(d);
        }
    }
}
