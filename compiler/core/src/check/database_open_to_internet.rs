//! E0603: a database, cache or file system reached from the internet.

use super::security::{exposures, is_data_store, source_words};
use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;

rule! {
    /// # E0603: database open to the internet
    ///
    /// A flow from `internet` or a `users` to an `rds`, `aurora`, `elasticache`
    /// or `efs`. Its security group would admit the database's port from
    /// `0.0.0.0/0`: anyone can try passwords against the database, or read a
    /// cache or a file system that has no password at all.
    ///
    /// A data store is never an entry point. AWS's guidance is to keep a DB
    /// instance in private subnets, not publicly accessible, and to admit only
    /// the security groups of the application tier; ElastiCache and EFS are
    /// reachable only from inside their VPC in the first place. See
    /// [Controlling access with security groups](https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html)
    /// and [Working with a DB instance in a VPC](https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html).
    ///
    /// Put an application in front (an internet-facing ALB to an app tier, or
    /// API Gateway to a Lambda in the VPC) and let only that tier reach the
    /// data store. For an administrator's session use Session Manager port
    /// forwarding, or a flow from your own network (an `onprem` block over a
    /// VPN). This code replaces E0601 for these kinds: one report per flow.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       isolated subnet data_a 10.0.10.0/24
    ///     }
    ///     az b {
    ///       isolated subnet data_b 10.0.11.0/24
    ///     }
    ///     rds orders in data_a, data_b { engine: postgres }
    ///   }
    /// }
    ///
    /// internet -> orders
    /// ```
    ///
    /// ```text
    /// error[E0603]: the database `orders` is open to the internet
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24
    ///       isolated subnet data_a 10.0.10.0/24
    ///     }
    ///     az b {
    ///       private subnet app_b 10.0.1.0/24
    ///       isolated subnet data_b 10.0.11.0/24
    ///     }
    ///     lambda api in app_a, app_b { runtime: python3.12 }
    ///     rds orders in data_a, data_b { engine: postgres }
    ///   }
    /// }
    ///
    /// api -> orders
    /// ```
    pub struct DatabaseOpenToInternet;
}

impl Rule for DatabaseOpenToInternet {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for e in exposures(cx.model) {
            let what = match e.target.kind() {
                Kind::Rds | Kind::Aurora => "database",
                Kind::Elasticache => "cache",
                Kind::Efs => "file system",
                _ => continue,
            };
            debug_assert!(is_data_store(e.target.kind()));
            let target = &e.target.name;
            let ports: Vec<String> = e.flow.ports.iter().map(ToString::to_string).collect();
            let d = report
                .diagnostic(e.flow.span, format!("the {what} `{target}` is open to {}", source_words(e.source)))
                .with_span_label(format!("its security group would allow {} from 0.0.0.0/0", ports.join(", ")))
                .with_label(e.target.name_span, format!("`{target}` is declared here"))
                .with_help(format!(
                    "remove this flow: put an application tier in front (an internet-facing `alb` to an `asg`, or an \
                     `apigw` to a `lambda` in the VPC) and let only it reach `{target}` (`app -> {target}`); for an \
                     administrator, use Session Manager port forwarding or a flow from an `onprem` network"
                ));
            report.push(d);
        }
    }
}
