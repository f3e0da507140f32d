//! E0702: Lambda memory outside 128 MB to 10,240 MB.

use archc_syntax::Fix;

use super::{rule, Context, Report, Rule};
use crate::model::limits::{LAMBDA_MEMORY_MAX, LAMBDA_MEMORY_MIN};
use crate::model::NodeKind;

rule! {
    /// # E0702: Lambda memory out of range
    ///
    /// A Lambda function has 128 MB to 10,240 MB of memory (Lambda's MB are
    /// MiB: a bare number is MiB in archc too); Lambda refuses a size outside
    /// that range. CPU is allocated in proportion to memory, so a function
    /// that needs more CPU asks for more memory, up to 10,240 MB. The
    /// suggested fix sets the nearest allowed size (unsafe).
    /// See [Lambda quotas](https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   lambda resize {
    ///     runtime: python3.12
    ///     memory: 64MiB
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0702]: the Lambda function `resize` has 64 MiB of memory; Lambda allows 128 to 10240 MiB
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   lambda resize {
    ///     runtime: python3.12
    ///     memory: 128MiB
    ///   }
    /// }
    /// ```
    pub struct LambdaMemory;
}

impl Rule for LambdaMemory {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let (lo, hi) = (LAMBDA_MEMORY_MIN.value, LAMBDA_MEMORY_MAX.value);
        for node in cx.model.nodes() {
            let NodeKind::Lambda(l) = &node.kind else { continue };
            let Some(m) = &l.memory else { continue };
            let bytes = m.value.0;
            let mib = m.value.mib();
            // Below 128 MiB counts bytes, so 127.5 MiB is below too.
            let below = bytes < lo * crate::model::Bytes::MIB;
            if !below && mib <= hi {
                continue;
            }
            let to = if below { lo } else { hi };
            let d = report
                .diagnostic(
                    m.span,
                    format!(
                        "the Lambda function `{}` has {} MiB of memory; Lambda allows {lo} to {hi} MiB",
                        node.name, mib
                    ),
                )
                .with_help(format!("write `memory: {to}MiB`"))
                .with_fix(Fix::unsafe_edit(m.span, format!("{to}MiB")));
            report.push(d);
        }
    }
}
