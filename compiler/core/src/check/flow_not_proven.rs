//! E0408: a flow archc cannot prove: a kind or feature it does not model.

use super::flows::report_blocked;
use super::{rule, Context, Report, Rule};
use crate::reach::Cause;

rule! {
    /// # E0408: flow not proven
    ///
    /// archc proves every flow over what it models. A flow through something it does not
    /// model (CloudFront to an internal load balancer, which needs a CloudFront VPC origin;
    /// a flow between two on-premises networks), a flow placed in more subnet pairs than
    /// the proof's bound (64 pairs per flow), or a flow that only a security group rule
    /// written by hand could carry, is reported as not proven rather than passed in
    /// silence. The blocker's reason (`NOT_MODELLED`, `PAIRS_NOT_PROVEN`,
    /// `ENI_SG_RULES_MISMATCH`) says which.
    /// See [CloudFront VPC origins](https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-vpc-origins.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// cloudfront cdn { origins: web }
    ///
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///       private subnet app_a 10.0.1.0/24
    ///     }
    ///     az b {
    ///       public subnet pub_b 10.0.2.0/24
    ///       private subnet app_b 10.0.3.0/24
    ///     }
    ///     internal alb web in app_a, app_b { listen: 443 }
    ///   }
    /// }
    ///
    /// users visitors
    /// visitors -> cdn : https
    /// cdn -> web : https
    /// ```
    ///
    /// ```text
    /// error[E0408]: `cdn -> web` cannot be proven
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// cloudfront cdn { origins: web }
    ///
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///       private subnet app_a 10.0.1.0/24
    ///     }
    ///     az b {
    ///       public subnet pub_b 10.0.2.0/24
    ///       private subnet app_b 10.0.3.0/24
    ///     }
    ///     alb web in pub_a, pub_b { listen: 443 }
    ///   }
    /// }
    ///
    /// users visitors
    /// visitors -> cdn : https
    /// cdn -> web : https
    /// ```
    pub struct FlowNotProven;
}

impl Rule for FlowNotProven {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        const CAUSES: &[Cause] = &[Cause::NotProven, Cause::SecurityGroup];
        report_blocked(cx, report, CAUSES, |flow| format!("`{flow}` cannot be proven"));
    }
}
