//! E0601: a flow from the internet to a resource that is not a public entry point.

use super::flows::{blocked, diagnostic, flow_text};
use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::reach::Cause;

rule! {
    /// # E0601: internet to a private resource
    ///
    /// Nothing on the internet reaches a resource in a private or isolated subnet, nor one
    /// without a public address: the internet gateway only translates to a public IPv4
    /// address, and a NAT gateway only carries connections that its side opened
    /// (Reachability Analyzer: `IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS`). A flow from
    /// `internet`, `users`, or a service outside any VPC into a VPC must end at a public
    /// entry point: an internet-facing load balancer in public subnets, or a resource with a
    /// public address in a public subnet; or go through CloudFront or API Gateway. The
    /// help names the entry point to put in front.
    /// See [Internet gateways](https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html)
    /// and [Internet-facing load balancers](https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-scheme).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///       private subnet app_a 10.0.1.0/24 {
    ///         ec2 web { instance: t3.micro; port: 443 }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// users visitors
    /// visitors -> web
    /// ```
    ///
    /// ```text
    /// error[E0601]: `visitors -> web`: nothing on the internet reaches `web`
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///       private subnet app_a 10.0.1.0/24 {
    ///         ec2 web { instance: t3.micro; port: 443 }
    ///       }
    ///     }
    ///     az b {
    ///       public subnet pub_b 10.0.2.0/24
    ///     }
    ///     alb front in pub_a, pub_b { listen: 443 }
    ///   }
    /// }
    ///
    /// users visitors
    /// visitors -> front
    /// front -> web
    /// ```
    pub struct InternetToPrivate;
}

impl Rule for InternetToPrivate {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        const CAUSES: &[Cause] = &[Cause::EntryPoint];
        for (f, proof) in blocked(cx, CAUSES) {
            // A database, cache or file system reached from the internet is
            // E0603's to report, once: the fix there is not an entry point.
            if cx
                .model
                .get(f.to.value)
                .is_some_and(|n| matches!(n.kind(), Kind::Rds | Kind::Aurora | Kind::Elasticache | Kind::Efs))
            {
                continue;
            }
            let flow = flow_text(cx, f);
            let d = diagnostic(
                report,
                f,
                proof,
                CAUSES,
                format!(
                    "`{flow}`: nothing on the internet reaches `{}`",
                    cx.model.get(f.to.value).map_or("?", |n| n.name.as_str())
                ),
            );
            report.push(d);
        }
    }
}
