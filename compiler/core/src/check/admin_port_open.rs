//! W0602: SSH or RDP open to the whole internet.

use super::security::{admin_ports, exposures, is_data_store, is_every_port, source_words};
use super::{rule, Context, Report, Rule};

rule! {
    /// # W0602: SSH or RDP open to the internet
    ///
    /// A flow from `internet` or a `users` on `ssh` (22) or `rdp` (3389): the
    /// target's security group admits remote administration from `0.0.0.0/0`,
    /// every address on the internet. Bots scan the whole IPv4 space for these
    /// two ports within minutes of an instance starting; an exposed login
    /// prompt is the most common way in after a leaked key or a weak password.
    ///
    /// AWS's security-group best practices say to authorize only the address
    /// ranges that need access, and AWS Security Hub reports such a rule as a
    /// high-severity finding (EC2.13 for SSH, EC2.14 for RDP). See
    /// [Security group rules](https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html)
    /// and [AWS Systems Manager Session Manager](https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager.html).
    ///
    /// It is a warning, not an error: AWS builds the design, the traffic flows,
    /// and a short-lived bastion can be deliberate. But there is almost always
    /// a better way in: Session Manager opens a shell with no inbound port at
    /// all (through `ssm`, `ssmmessages` and `ec2messages` interface endpoints,
    /// or a NAT), and where SSH must stay, admit it from your own network
    /// (an `onprem` block over a VPN) rather than from everyone.
    ///
    /// A flow on `all` ports is W0607, and one to a database E0603; they are not
    /// reported here again.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc ops 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24 {
    ///         ec2 bastion { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// internet -> bastion : ssh
    /// ```
    ///
    /// ```text
    /// warning[W0602]: `bastion` admits ssh from the internet
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc ops 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.0.0/24 {
    ///         ec2 worker { instance: t3.micro }
    ///       }
    ///     }
    ///     interface endpoint ssm_ep ssm in app_a
    ///     interface endpoint ssm_messages_ep ssmmessages in app_a
    ///     interface endpoint ec2_messages_ep ec2messages in app_a
    ///   }
    /// }
    ///
    /// worker -> ssm_ep "Session Manager"
    /// worker -> ssm_messages_ep "Session Manager"
    /// worker -> ec2_messages_ep "Session Manager"
    /// ```
    pub struct AdminPortOpen;
}

impl Rule for AdminPortOpen {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for e in exposures(cx.model) {
            if is_data_store(e.target.kind()) || e.flow.ports.iter().any(|r| is_every_port(*r)) {
                continue;
            }
            let ports = admin_ports(e.flow);
            if ports.is_empty() {
                continue;
            }
            let names = ports.join(" and ");
            let target = &e.target.name;
            let d = report
                .diagnostic(e.flow.span, format!("`{target}` admits {names} from {}", source_words(e.source)))
                .with_span_label(format!("its security group will allow {names} from 0.0.0.0/0"))
                .with_label(e.target.name_span, format!("`{target}` is declared here"))
                .with_help(format!(
                    "remove this flow and reach `{target}` through SSM Session Manager (interface endpoints \
                     `ssm`, `ssmmessages` and `ec2messages` in its subnets, or a NAT), or admit {names} only from \
                     your own network: `onprem office 203.0.113.0/24` and `office -> {target} : {}`",
                    ports[0]
                ));
            report.push(d);
        }
    }
}
