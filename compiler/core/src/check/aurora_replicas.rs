//! E0507: an Aurora cluster with more replicas than Aurora allows.

use archc_syntax::Fix;

use super::{rule, Context, Report, Rule};
use crate::model::limits::AURORA_REPLICAS_MAX;
use crate::model::NodeKind;

rule! {
    /// # E0507: too many Aurora replicas
    ///
    /// An Aurora DB cluster has one writer and at most 15 Aurora Replicas;
    /// RDS refuses a sixteenth. `replicas` counts the replicas besides the
    /// writer. If reads need more capacity, use larger instance classes, or a
    /// second cluster fed by replication. The suggested fix lowers the count
    /// to 15 (unsafe: it changes capacity).
    /// See [Adding Aurora Replicas to a DB cluster](https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-replicas-adding.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       isolated subnet data_a
    ///     }
    ///     az b {
    ///       isolated subnet data_b
    ///     }
    ///     aurora orders in data_a, data_b {
    ///       engine: aurora-postgresql
    ///       replicas: 20
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0507]: the Aurora cluster `orders` has 20 replicas; Aurora allows at most 15
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       isolated subnet data_a
    ///     }
    ///     az b {
    ///       isolated subnet data_b
    ///     }
    ///     aurora orders in data_a, data_b {
    ///       engine: aurora-postgresql
    ///       replicas: 15
    ///     }
    ///   }
    /// }
    /// ```
    pub struct AuroraReplicas;
}

impl Rule for AuroraReplicas {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let max = AURORA_REPLICAS_MAX.value;
        for node in cx.model.nodes() {
            let NodeKind::Aurora(a) = &node.kind else { continue };
            let Some(r) = &a.replicas else { continue };
            if u64::from(r.value) <= max {
                continue;
            }
            let d = report
                .diagnostic(
                    r.span,
                    format!("the Aurora cluster `{}` has {} replicas; Aurora allows at most {max}", node.name, r.value),
                )
                .with_span_label("one writer and at most 15 Aurora Replicas")
                .with_help(format!("write `replicas: {max}`, and use larger instance classes for more read capacity"))
                .with_fix(Fix::unsafe_edit(r.span, max.to_string()));
            report.push(d);
        }
    }
}
