//! W0607: every port open to the internet.

use super::security::{exposures, is_data_store, is_every_port, ports_words, source_words};
use super::{rule, Context, Report, Rule};

rule! {
    /// # W0607: all ports open to the internet
    ///
    /// A flow from `internet` or a `users` on `all` (every protocol and port)
    /// or on every TCP or UDP port (`1-65535`): the target's security group
    /// admits everything from `0.0.0.0/0`, which leaves the security group with
    /// nothing to do. Every service the instance runs, including the ones you
    /// did not know about (a debug port, a metrics agent, SSH), is on the
    /// internet.
    ///
    /// AWS's security-group best practices say to open only the ports a
    /// service needs, and AWS Security Hub reports unrestricted ingress on all
    /// ports as a high-severity finding (EC2.18, EC2.19). See
    /// [Security group rules](https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html).
    /// A flow to a database is E0603 and is not reported here again.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc lab 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24 {
    ///         ec2 web { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// internet -> web : all
    /// ```
    ///
    /// ```text
    /// warning[W0607]: `web` admits every port from the internet
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc lab 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24 {
    ///         ec2 web { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// internet -> web : https
    /// ```
    pub struct AllPortsOpen;
}

impl Rule for AllPortsOpen {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for e in exposures(cx.model) {
            if is_data_store(e.target.kind()) {
                continue;
            }
            let Some(range) = e.flow.ports.iter().find(|r| is_every_port(**r)) else { continue };
            let target = &e.target.name;
            let d = report
                .diagnostic(e.flow.span, format!("`{target}` admits every port from {}", source_words(e.source)))
                .with_span_label(format!("its security group will allow {} from 0.0.0.0/0", ports_words(*range)))
                .with_label(e.target.name_span, format!("`{target}` is declared here"))
                .with_help(format!(
                    "write only the ports `{target}` serves (`: https`, `: 80, 443`, `: udp/7777`); put an internet-facing \
                     `alb` or `nlb` in front if it serves several"
                ));
            report.push(d);
        }
    }
}
