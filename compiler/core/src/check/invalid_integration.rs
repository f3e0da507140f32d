//! E0406: a flow between managed services that is not an integration AWS runs.

use super::flows::report_blocked;
use super::{rule, Context, Report, Rule};
use crate::reach::Cause;

rule! {
    /// # E0406: not a valid integration
    ///
    /// A flow out of a managed service (S3, SNS, SQS, Kinesis, DynamoDB, EventBridge, API
    /// Gateway, CloudFront, Step Functions, Route 53) is an integration that AWS runs: an S3
    /// event notification, an SNS subscription, a Lambda event source mapping, an
    /// EventBridge rule, an API Gateway integration, a CloudFront origin, a Step Functions
    /// task. archc proves it by the permission it needs (a resource policy or a role), not
    /// by a route. Any other pair is not something AWS runs: an SQS queue does not push to
    /// an SNS topic. The help lists the targets the source can send to (the integration
    /// table of docs/plan.md); often the flow is drawn the wrong way round.
    /// See [Lambda event source mappings](https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventsourcemapping.html)
    /// and [Amazon SNS subscriptions](https://docs.aws.amazon.com/sns/latest/dg/sns-create-subscribe-endpoint-to-topic.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   sqs jobs
    ///   sns alerts
    /// }
    ///
    /// jobs -> alerts
    /// ```
    ///
    /// ```text
    /// error[E0406]: `jobs -> alerts` is not a valid integration
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   sqs jobs
    ///   sns alerts
    /// }
    ///
    /// alerts -> jobs
    /// ```
    pub struct InvalidIntegration;
}

impl Rule for InvalidIntegration {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        const CAUSES: &[Cause] = &[Cause::InvalidIntegration];
        report_blocked(cx, report, CAUSES, |flow| format!("`{flow}` is not a valid integration"));
    }
}
