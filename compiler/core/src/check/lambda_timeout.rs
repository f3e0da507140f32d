//! E0701: a Lambda timeout outside 1 s to 15 minutes.

use archc_syntax::Fix;

use super::{rule, Context, Report, Rule};
use crate::model::limits::{LAMBDA_TIMEOUT_MAX, LAMBDA_TIMEOUT_MIN};
use crate::model::NodeKind;

rule! {
    /// # E0701: Lambda timeout out of range
    ///
    /// A Lambda function runs for at least 1 second and at most 900 seconds
    /// (15 minutes); Lambda refuses a timeout outside that range. Work that
    /// takes longer belongs in a Step Functions workflow, an ECS task or a
    /// batch job, not in one invocation. The suggested fix sets the nearest
    /// allowed value (unsafe: the function may need the work split instead).
    /// See [Lambda quotas](https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   lambda report {
    ///     runtime: python3.12
    ///     timeout: 30m
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0701]: the Lambda function `report` has a timeout of 30m; Lambda allows 1s to 15m
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   lambda report {
    ///     runtime: python3.12
    ///     timeout: 15m
    ///   }
    /// }
    /// ```
    pub struct LambdaTimeout;
}

impl Rule for LambdaTimeout {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let (lo, hi) = (LAMBDA_TIMEOUT_MIN.value, LAMBDA_TIMEOUT_MAX.value);
        for node in cx.model.nodes() {
            let NodeKind::Lambda(l) = &node.kind else { continue };
            let Some(t) = &l.timeout else { continue };
            let secs = t.value.0;
            if (lo..=hi).contains(&secs) {
                continue;
            }
            let to = if secs < lo { "1s" } else { "15m" };
            let d = report
                .diagnostic(
                    t.span,
                    format!(
                        "the Lambda function `{}` has a timeout of {}; Lambda allows 1s to 15m",
                        node.name,
                        duration(secs)
                    ),
                )
                .with_help(if secs > hi {
                    "write `timeout: 15m` at most; longer work belongs in a Step Functions workflow or an ECS task"
                        .to_string()
                } else {
                    "write `timeout: 1s` or more".to_string()
                })
                .with_fix(Fix::unsafe_edit(t.span, to));
            report.push(d);
        }
    }
}

/// A duration as the language writes it, in the largest whole unit.
pub(super) fn duration(secs: u64) -> String {
    if secs == 0 {
        return "0s".into();
    }
    for (unit, n) in [("d", 86_400), ("h", 3_600), ("m", 60)] {
        if secs % n == 0 {
            return format!("{}{unit}", secs / n);
        }
    }
    format!("{secs}s")
}
