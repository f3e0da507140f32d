//! W0611: a network ACL that admits SSH, RDP, FTP or every port from the
//! whole internet.

use super::security::admits;
use super::{rule, Context, Report, Rule};
use crate::model::ports::{PortRange, Protocol};
use crate::model::{Action, NodeKind, RuleDirection};

rule! {
    /// # W0611: network ACL open to the internet on an admin port
    ///
    /// An inbound `allow` rule of a `nacl` from `0.0.0.0/0` on SSH (22), RDP
    /// (3389), FTP (20, 21) or every port (`all`). The network ACL is the
    /// subnet's second line of defence, behind the security groups: a rule that
    /// lets remote administration in from everyone gives that line up, so one
    /// security group opened by mistake is enough to expose a server.
    ///
    /// AWS Security Hub reports such network ACL rules (EC2.21), and the
    /// Well-Architected security pillar asks for control at every layer. See
    /// [Control subnet traffic with network access control lists](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html)
    /// and [Network ACL rules](https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html).
    /// A range of return ports (`1024-65535`) also holds 3389, but it is what a
    /// stateless ACL needs for replies, and is not reported.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc ops 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///     }
    ///     nacl edge in pub_a {
    ///       allow in 100 https from 0.0.0.0/0
    ///       allow in 110 ssh from 0.0.0.0/0
    ///       allow out 100 1024-65535 to 0.0.0.0/0
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0611]: rule 110 of `edge` admits ssh from the whole internet
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc ops 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///     }
    ///     nacl edge in pub_a {
    ///       allow in 100 https from 0.0.0.0/0
    ///       allow in 110 ssh from 203.0.113.0/24
    ///       allow out 100 1024-65535 to 0.0.0.0/0
    ///     }
    ///   }
    /// }
    /// ```
    pub struct NaclAdminPortOpen;
}

/// What of SSH, RDP, FTP or every port a range admits. A range that starts
/// at 1024 or above is a return range (it holds 3389 but is what replies need).
fn opened(range: PortRange) -> Option<&'static str> {
    if range.protocol == Protocol::All {
        return Some("every port");
    }
    let low = range.from < 1024;
    [(22, "ssh"), (20, "ftp"), (21, "ftp"), (3389, "rdp")]
        .into_iter()
        .find(|&(port, name)| (low || name != "rdp") && admits(range, Protocol::Tcp, port))
        .map(|(_, name)| name)
}

impl Rule for NaclAdminPortOpen {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let NodeKind::Nacl(nacl) = &node.kind else { continue };
            for rule in &nacl.rules {
                if rule.action != Action::Allow || rule.direction != RuleDirection::In || rule.cidr.value.prefix != 0 {
                    continue;
                }
                let Some(what) = rule.ports.iter().find_map(|p| opened(*p)) else { continue };
                let d = report
                    .diagnostic(
                        rule.span,
                        format!("rule {} of `{}` admits {what} from the whole internet", rule.number.value, node.name),
                    )
                    .with_span_label("0.0.0.0/0 is every address")
                    .with_help(if what == "every port" {
                        "write the ports the subnet serves (`allow in 100 https from 0.0.0.0/0`) and the return \
                         range (`allow in 110 1024-65535 from 0.0.0.0/0`); a subnet named by no `nacl` already \
                         has the default ACL, which allows everything"
                    } else {
                        "admit it only from your own network's block (`from 203.0.113.0/24`), or not at all: \
                         Session Manager needs no inbound rule"
                    });
                report.push(d);
            }
        }
    }
}
