//! W0706: a queue whose visibility timeout is less than six times its
//! consumer Lambda's timeout.

use super::lambda_timeout::duration;
use super::queue_visibility_below_lambda::{consumers, recommended, set_visibility, timeout_place};
use super::{rule, Context, Report, Rule};

rule! {
    /// # W0706: queue visibility below six times its Lambda's timeout
    ///
    /// AWS recommends that a queue a Lambda function consumes has a
    /// visibility timeout of at least six times the function's timeout. The
    /// event source mapping retries when the function is throttled, and a
    /// batch can wait in the poller before the function starts: with less
    /// headroom, a message can become visible again and be processed twice
    /// although the function did not time out. It is a warning: the mapping
    /// deploys (below the function's timeout itself it is error E0705). The
    /// fix sets six times the timeout (safe when the value is written).
    /// See [Configuring an Amazon SQS queue to trigger a Lambda function](https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   sqs jobs {
    ///     visibility_timeout: 1m
    ///   }
    ///   lambda worker {
    ///     runtime: python3.12
    ///     timeout: 30s
    ///   }
    /// }
    /// jobs -> worker
    /// ```
    ///
    /// ```text
    /// warning[W0706]: the queue `jobs` hides a message for 1m, less than six times the 30s timeout of `worker`
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   sqs jobs {
    ///     visibility_timeout: 3m
    ///   }
    ///   lambda worker {
    ///     runtime: python3.12
    ///     timeout: 30s
    ///   }
    /// }
    /// jobs -> worker
    /// ```
    pub struct QueueVisibilityBelow6x;
}

impl Rule for QueueVisibilityBelow6x {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for c in consumers(cx.model) {
            let ((qn, q), (ln, l)) = (c.queue, c.lambda);
            let vis = q.visibility_timeout.value.0;
            // Below the timeout itself is E0705's.
            if vis < c.timeout || vis >= recommended(c.timeout) {
                continue;
            }
            let (help, fix) = set_visibility(qn, &q.visibility_timeout, c.timeout);
            let default = if q.visibility_timeout.written { "" } else { " (the default)" };
            let mut d = report
                .diagnostic(
                    q.visibility_timeout.span,
                    format!(
                        "the queue `{}` hides a message for {}{default}, less than six times the {} timeout of `{}`",
                        qn.name,
                        duration(vis),
                        duration(c.timeout),
                        ln.name
                    ),
                )
                .with_label(
                    timeout_place(ln, &l.timeout),
                    format!("`{}` times out after {}", ln.name, duration(c.timeout)),
                )
                .with_help(help);
            if let Some(fix) = fix {
                d = d.with_fix(fix);
            }
            report.push(d);
        }
    }
}
