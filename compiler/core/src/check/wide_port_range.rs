//! W0608: a flow that opens a wide range of ports.

use super::security::{exposure_reported, is_internet, ports_words, Exposure};
use super::{rule, Context, Report, Rule};
use crate::model::ports::Protocol;

/// More ports than this in one range is wide.
const WIDE: u32 = 1024;

rule! {
    /// # W0608: wide port range
    ///
    /// A flow on a range of more than 1,024 ports (`1024-65535`, `all`, …)
    /// into a resource with a security group. The security group rule it
    /// becomes admits every one of them: anything that happens to listen on
    /// one of those ports, now or after the next deployment, is reachable from
    /// the source.
    ///
    /// AWS's security-group best practices: "Do not open large port ranges."
    /// Name the ports the service uses; a range of return ports is never needed,
    /// since security groups are stateful and let replies out on their own.
    /// See [Security group rules](https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html)
    /// and [Security groups](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html).
    ///
    /// A flow from the internet that opens every port, an admin port or an
    /// engine port is reported as such (W0607, W0602, W0606, E0603), not here.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc app 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24 {
    ///         ec2 api { instance: t3.micro }
    ///         ec2 worker { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// api -> worker : 1024-65535
    /// ```
    ///
    /// ```text
    /// warning[W0608]: `worker` admits 64512 ports from `api`
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc app 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24 {
    ///         ec2 api { instance: t3.micro }
    ///         ec2 worker { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// api -> worker : 8080
    /// ```
    pub struct WidePortRange;
}

impl Rule for WidePortRange {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let model = cx.model;
        for flow in model.flows() {
            let (Some(source), Some(target)) = (model.get(flow.from.value), model.get(flow.to.value)) else { continue };
            if !target.takes_security_group() {
                continue;
            }
            if is_internet(source.kind()) && exposure_reported(&Exposure { flow, source, target }) {
                continue;
            }
            let Some(range) = flow.ports.iter().find(|r| match r.protocol {
                Protocol::All => true,
                Protocol::Icmp => false,
                _ => u32::from(r.to) - u32::from(r.from.min(r.to)) + 1 > WIDE,
            }) else {
                continue;
            };
            let count = match range.protocol {
                Protocol::All => "all".to_string(),
                _ => (u32::from(range.to) - u32::from(range.from.min(range.to)) + 1).to_string(),
            };
            let span = flow.ports_span.unwrap_or(flow.span);
            let d = report
                .diagnostic(span, format!("`{}` admits {count} ports from `{}`", target.name, source.name))
                .with_span_label(format!(
                    "its security group will allow {} from `{}`",
                    ports_words(*range),
                    source.name
                ))
                .with_help(format!(
                    "write only the ports `{}` serves (`: 8080`, `: 80, 443`); replies need no ports of their own, \
                     security groups are stateful",
                    target.name
                ));
            report.push(d);
        }
    }
}
