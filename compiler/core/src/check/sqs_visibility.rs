//! E0703: an SQS visibility timeout over 12 hours.

use archc_syntax::Fix;

use super::lambda_timeout::duration;
use super::{rule, Context, Report, Rule};
use crate::model::limits::SQS_VISIBILITY_MAX;
use crate::model::NodeKind;

rule! {
    /// # E0703: SQS visibility timeout out of range
    ///
    /// An SQS queue's visibility timeout is 0 seconds to 12 hours (43,200
    /// seconds); SQS refuses a longer one. A message whose processing takes
    /// longer than 12 hours needs its consumer to extend the timeout as it
    /// works (ChangeMessageVisibility), or a workflow instead of a queue. The
    /// suggested fix sets 12h (unsafe).
    /// See [CreateQueue](https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   sqs jobs {
    ///     visibility_timeout: 1d
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0703]: the queue `jobs` has a visibility timeout of 1d; SQS allows at most 12h
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   sqs jobs {
    ///     visibility_timeout: 12h
    ///   }
    /// }
    /// ```
    pub struct SqsVisibility;
}

impl Rule for SqsVisibility {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let NodeKind::Sqs(q) = &node.kind else { continue };
            let v = &q.visibility_timeout;
            if !v.written || v.value.0 <= SQS_VISIBILITY_MAX.value {
                continue;
            }
            let d = report
                .diagnostic(
                    v.span,
                    format!(
                        "the queue `{}` has a visibility timeout of {}; SQS allows at most 12h",
                        node.name,
                        duration(v.value.0)
                    ),
                )
                .with_help("write `visibility_timeout: 12h` at most; a longer job extends its message's visibility as it works")
                .with_fix(Fix::unsafe_edit(v.span, "12h"));
            report.push(d);
        }
    }
}
