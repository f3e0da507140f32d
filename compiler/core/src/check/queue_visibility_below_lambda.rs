//! E0705: a queue whose visibility timeout is shorter than its consumer
//! Lambda's timeout.

use archc_syntax::Fix;

use super::lambda_timeout::duration;
use super::{rule, Context, Report, Rule};
use crate::model::limits::{
    LAMBDA_TIMEOUT_DEFAULT, LAMBDA_TIMEOUT_MAX, SQS_VISIBILITY_MAX, SQS_VISIBILITY_PER_LAMBDA_TIMEOUT,
};
use crate::model::{CheckedModel, Spanned};
use crate::model::{Flow, Lambda, Node, NodeKind, Queue, Resolved, Seconds};

rule! {
    /// # E0705: queue visibility below its Lambda's timeout
    ///
    /// When a Lambda function consumes an SQS queue (`queue -> fn`, an event
    /// source mapping), a message stays invisible for the queue's visibility
    /// timeout while the function works on it. If the function may run
    /// longer than that, the message reappears and a second invocation
    /// processes it again while the first is still running. Lambda refuses
    /// to create the mapping: the queue's visibility timeout must be at least
    /// the function's timeout. The queue's default is 30 seconds and a
    /// function's 3 seconds. AWS recommends six times the function's timeout
    /// (W0706); the help and the fix give that value.
    /// See [Configuring an Amazon SQS queue to trigger a Lambda function](https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html)
    /// and [Visibility timeout](https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   sqs jobs {
    ///     visibility_timeout: 30s
    ///   }
    ///   lambda worker {
    ///     runtime: python3.12
    ///     timeout: 2m
    ///   }
    /// }
    /// jobs -> worker
    /// ```
    ///
    /// ```text
    /// error[E0705]: the queue `jobs` hides a message for 30s, but `worker` may run for 2m
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   sqs jobs {
    ///     visibility_timeout: 12m
    ///   }
    ///   lambda worker {
    ///     runtime: python3.12
    ///     timeout: 2m
    ///   }
    /// }
    /// jobs -> worker
    /// ```
    pub struct QueueVisibilityBelowLambda;
}

/// A queue -> lambda flow with both ends' data and the function's timeout
/// (its written value, or Lambda's default), when both values are in range.
pub(super) struct Consumer<'m> {
    pub flow: &'m Flow,
    pub queue: (&'m Node, &'m Queue),
    pub lambda: (&'m Node, &'m Lambda),
    pub timeout: u64,
}

pub(super) fn consumers(model: &CheckedModel) -> impl Iterator<Item = Consumer<'_>> {
    model.flows().iter().filter_map(move |f| {
        let q = model.get(f.from.value)?;
        let l = model.get(f.to.value)?;
        let (NodeKind::Sqs(queue), NodeKind::Lambda(lambda)) = (&q.kind, &l.kind) else { return None };
        let timeout = lambda.timeout.as_ref().map_or(LAMBDA_TIMEOUT_DEFAULT.value, |t| t.value.0);
        // Out-of-range values are E0701 and E0703's, not a comparison's.
        if timeout == 0
            || timeout > LAMBDA_TIMEOUT_MAX.value
            || queue.visibility_timeout.value.0 > SQS_VISIBILITY_MAX.value
        {
            return None;
        }
        Some(Consumer { flow: f, queue: (q, queue), lambda: (l, lambda), timeout })
    })
}

/// The visibility timeout AWS recommends for a function timeout.
pub(super) fn recommended(timeout: u64) -> u64 {
    (timeout * SQS_VISIBILITY_PER_LAMBDA_TIMEOUT.value).min(SQS_VISIBILITY_MAX.value)
}

/// Where the function's timeout is written, or its name.
pub(super) fn timeout_place(node: &Node, timeout: &Option<Spanned<Seconds>>) -> archc_syntax::Span {
    timeout.as_ref().map_or(node.name_span, |t| t.span)
}

/// The help line and the fix that set the recommended visibility timeout.
pub(super) fn set_visibility(queue: &Node, visibility: &Resolved<Seconds>, timeout: u64) -> (String, Option<Fix>) {
    let value = duration(recommended(timeout));
    if visibility.written {
        (
            format!("write `visibility_timeout: {value}` (six times the function's timeout)"),
            Some(Fix::safe(visibility.span, value)),
        )
    } else {
        (format!("add `visibility_timeout: {value}` to `sqs {}` (six times the function's timeout)", queue.name), None)
    }
}

impl Rule for QueueVisibilityBelowLambda {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for c in consumers(cx.model) {
            let ((qn, q), (ln, l)) = (c.queue, c.lambda);
            let vis = q.visibility_timeout.value.0;
            if vis >= c.timeout {
                continue;
            }
            let (help, fix) = set_visibility(qn, &q.visibility_timeout, c.timeout);
            let default = if q.visibility_timeout.written { "" } else { " (the default)" };
            let lambda_default = if l.timeout.is_some() { "" } else { " (Lambda's default)" };
            let mut d = report
                .diagnostic(
                    q.visibility_timeout.span,
                    format!(
                        "the queue `{}` hides a message for {}{default}, but `{}` may run for {}{lambda_default}",
                        qn.name,
                        duration(vis),
                        ln.name,
                        duration(c.timeout)
                    ),
                )
                .with_label(
                    timeout_place(ln, &l.timeout),
                    format!("`{}` times out after {}", ln.name, duration(c.timeout)),
                )
                .with_label(c.flow.span, "Lambda polls the queue here")
                .with_help(help);
            if let Some(fix) = fix {
                d = d.with_fix(fix);
            }
            report.push(d);
        }
    }
}
