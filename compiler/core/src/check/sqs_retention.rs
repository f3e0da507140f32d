//! E0704: an SQS retention period outside 1 minute to 14 days.

use archc_syntax::Fix;

use super::lambda_timeout::duration;
use super::{rule, Context, Report, Rule};
use crate::model::limits::{SQS_RETENTION_MAX, SQS_RETENTION_MIN};
use crate::model::NodeKind;

rule! {
    /// # E0704: SQS retention out of range
    ///
    /// An SQS queue keeps a message for 60 seconds to 14 days (1,209,600
    /// seconds; the default is 4 days); SQS refuses a retention period
    /// outside that range. Messages that must be kept longer belong in S3 or
    /// a database. The suggested fix sets the nearest allowed value (unsafe).
    /// See [CreateQueue](https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html)
    /// (MessageRetentionPeriod).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   sqs audit {
    ///     retention: 30d
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0704]: the queue `audit` keeps messages for 30d; SQS allows 1m to 14d
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   sqs audit {
    ///     retention: 14d
    ///   }
    /// }
    /// ```
    pub struct SqsRetention;
}

impl Rule for SqsRetention {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let (lo, hi) = (SQS_RETENTION_MIN.value, SQS_RETENTION_MAX.value);
        for node in cx.model.nodes() {
            let NodeKind::Sqs(q) = &node.kind else { continue };
            let r = &q.retention;
            if !r.written || (lo..=hi).contains(&r.value.0) {
                continue;
            }
            let to = if r.value.0 < lo { "1m" } else { "14d" };
            let d = report
                .diagnostic(
                    r.span,
                    format!(
                        "the queue `{}` keeps messages for {}; SQS allows 1m to 14d",
                        node.name,
                        duration(r.value.0)
                    ),
                )
                .with_help(format!("write `retention: {to}`"))
                .with_fix(Fix::unsafe_edit(r.span, to));
            report.push(d);
        }
    }
}
