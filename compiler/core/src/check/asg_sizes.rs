//! E0509: an Auto Scaling group whose sizes are out of order.

use super::{rule, Context, Report, Rule};
use crate::model::NodeKind;

rule! {
    /// # E0509: Auto Scaling sizes out of order
    ///
    /// An Auto Scaling group's sizes must satisfy `min ≤ desired ≤ max`:
    /// CreateAutoScalingGroup refuses a desired capacity below the minimum or
    /// above the maximum, and a maximum below the minimum. `desired` defaults
    /// to `min` when it is not written. The help gives the line to change.
    /// See [CreateAutoScalingGroup](https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a
    ///     }
    ///     az b {
    ///       private subnet app_b
    ///     }
    ///     asg app in app_a, app_b {
    ///       min: 2
    ///       desired: 6
    ///       max: 4
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0509]: the Auto Scaling group `app` wants 6 instances but allows at most 4
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a
    ///     }
    ///     az b {
    ///       private subnet app_b
    ///     }
    ///     asg app in app_a, app_b {
    ///       min: 2
    ///       desired: 4
    ///       max: 6
    ///     }
    ///   }
    /// }
    /// ```
    pub struct AsgSizes;
}

impl Rule for AsgSizes {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let NodeKind::Asg(asg) = &node.kind else { continue };
            let name = &node.name;
            if let (Some(min), Some(max)) = (&asg.min, &asg.max) {
                if min.value > max.value {
                    let d = report
                        .diagnostic(
                            max.span,
                            format!(
                                "the Auto Scaling group `{name}` has `max` {} below `min` {}",
                                max.value, min.value
                            ),
                        )
                        .with_label(min.span, "the minimum")
                        .with_help(format!("write `max: {}` or more, or lower `min`", min.value));
                    report.push(d);
                    continue;
                }
            }
            let Some(desired) = &asg.desired else { continue };
            if let Some(min) = asg.min.as_ref().filter(|m| desired.value < m.value) {
                let d = report
                    .diagnostic(
                        desired.span,
                        format!(
                            "the Auto Scaling group `{name}` wants {} but keeps at least {}",
                            instances(desired.value),
                            min.value
                        ),
                    )
                    .with_label(min.span, "the minimum")
                    .with_help(format!("write `desired: {}` or more, or lower `min`", min.value));
                report.push(d);
            }
            if let Some(max) = asg.max.as_ref().filter(|m| desired.value > m.value) {
                let d = report
                    .diagnostic(
                        desired.span,
                        format!(
                            "the Auto Scaling group `{name}` wants {} but allows at most {}",
                            instances(desired.value),
                            max.value
                        ),
                    )
                    .with_label(max.span, "the maximum")
                    .with_help(format!("write `max: {}` or more, or `desired: {}` or less", desired.value, max.value));
                report.push(d);
            }
        }
    }
}

fn instances(n: u32) -> String {
    format!("{n} instance{}", if n == 1 { "" } else { "s" })
}
