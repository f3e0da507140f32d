//! W0306: S3 or DynamoDB reached through a NAT gateway where a gateway endpoint would serve.

use super::flows::flow_text;
use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;

rule! {
    /// # W0306: S3 or DynamoDB through a NAT gateway
    ///
    /// A flow from a private subnet to S3 or DynamoDB in the same region goes out through
    /// the subnet's NAT gateway when the VPC has no gateway endpoint for the service. It
    /// works, but every byte is charged NAT data processing, and the traffic leaves the VPC
    /// for the public endpoint. A gateway endpoint for S3 or DynamoDB is free: it adds a
    /// route for the service's prefix list to every route table of the VPC, and the flow
    /// goes through it instead. The help gives the line to add in the VPC.
    /// See [Gateway endpoints](https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24 {
    ///         nat nat_a
    ///       }
    ///       private subnet app_a 10.0.1.0/24 {
    ///         ec2 worker { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    ///   s3 media { bucket: "shop-media-example" }
    /// }
    ///
    /// worker -> media
    /// ```
    ///
    /// ```text
    /// warning[W0306]: `worker -> media` reaches S3 through NAT gateway `nat_a`
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24 {
    ///         nat nat_a
    ///       }
    ///       private subnet app_a 10.0.1.0/24 {
    ///         ec2 worker { instance: t3.micro }
    ///       }
    ///     }
    ///     gateway endpoint s3_ep s3
    ///   }
    ///   s3 media { bucket: "shop-media-example" }
    /// }
    ///
    /// worker -> media
    /// ```
    pub struct ServiceThroughNat;
}

impl Rule for ServiceThroughNat {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for (f, proof) in cx.model.flows().iter().zip(cx.proofs) {
            let Some((nat, vpc)) = proof.service_via_nat else { continue };
            if !proof.reachable() {
                continue;
            }
            let (Some(n), Some(v), Some(t)) = (cx.model.get(nat), cx.model.get(vpc), cx.model.get(f.to.value)) else {
                continue;
            };
            let (service, word) = if t.kind() == Kind::S3 { ("S3", "s3") } else { ("DynamoDB", "dynamodb") };
            let d = report
                .diagnostic(
                    f.span,
                    format!("`{}` reaches {service} through NAT gateway `{}`", flow_text(cx, f), n.name),
                )
                .with_span_label("charged NAT data processing for every byte")
                .with_label(n.name_span, "the NAT gateway it goes through")
                .with_help(format!(
                    "add `gateway endpoint {word}_ep {word}` in vpc `{}`: a free route to {service}",
                    v.name
                ));
            report.push(d);
        }
    }
}
