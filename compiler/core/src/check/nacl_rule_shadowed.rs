//! W0609: a network ACL rule that never applies, because an earlier rule
//! (a lower number) matches every packet it would.

use super::{rule, Context, Report, Rule};
use crate::model::ports::{PortRange, Protocol};
use crate::model::{NaclRule, NodeKind};

rule! {
    /// # W0609: shadowed network ACL rule
    ///
    /// A rule of a `nacl` that can never match: a rule with a lower number, in
    /// the same direction, covers every port and address it names. AWS
    /// evaluates a network ACL's rules in order of their numbers, lowest first,
    /// and the first rule that matches a packet decides; the rest are not read.
    /// So a `deny` written after a wider `allow` denies nothing, and an `allow`
    /// after a wider `deny` allows nothing: the rule says one thing and the
    /// network does another. See
    /// [Network ACL rules](https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html).
    ///
    /// Give the narrower rule a lower number than the wider one (leave gaps,
    /// 100, 110, 120…, so that there is room), or delete it. A rule is
    /// reported when one earlier rule covers all of it; an ACL of more than
    /// 256 rules, far past any quota (W0610), is not compared.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///     }
    ///     nacl edge in pub_a {
    ///       allow in 100 https from 0.0.0.0/0
    ///       deny in 200 https from 198.51.100.0/24
    ///       allow out 100 1024-65535 to 0.0.0.0/0
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0609]: rule 200 of `edge` never applies
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///     }
    ///     nacl edge in pub_a {
    ///       deny in 90 https from 198.51.100.0/24
    ///       allow in 100 https from 0.0.0.0/0
    ///       allow out 100 1024-65535 to 0.0.0.0/0
    ///     }
    ///   }
    /// }
    /// ```
    pub struct NaclRuleShadowed;
}

/// Whether `wide` matches every packet `narrow` matches.
fn covers(wide: PortRange, narrow: PortRange) -> bool {
    match (wide.protocol, narrow.protocol) {
        (Protocol::All, _) => true,
        (_, Protocol::All) => false,
        (Protocol::Icmp, Protocol::Icmp) => true,
        (w, n) => w == n && wide.from <= narrow.from && narrow.to <= wide.to,
    }
}

/// The earlier rule (lower number, same direction) that matches every packet
/// of `rule`, if any: each of its port ranges within one range of that rule.
fn shadow<'r>(rules: &'r [NaclRule], rule: &NaclRule) -> Option<&'r NaclRule> {
    rules.iter().find(|earlier| {
        earlier.direction == rule.direction
            && earlier.number.value < rule.number.value
            && earlier.cidr.value.network().contains(rule.cidr.value.network())
            && rule.ports.iter().all(|p| earlier.ports.iter().any(|w| covers(*w, *p)))
    })
}

/// Past this many rules a network ACL is far over any quota (W0610 says so,
/// and AWS refuses it): the pairwise comparison is skipped, so a huge ACL
/// costs linear time.
const MAX_COMPARED: usize = 256;

impl Rule for NaclRuleShadowed {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let NodeKind::Nacl(nacl) = &node.kind else { continue };
            if nacl.rules.len() > MAX_COMPARED {
                continue;
            }
            for rule in &nacl.rules {
                let Some(earlier) = shadow(&nacl.rules, rule) else { continue };
                let (n, e) = (rule.number.value, earlier.number.value);
                let effect = if earlier.action == rule.action {
                    "it repeats what that rule already decides".to_string()
                } else {
                    format!("its {} is never applied", rule.action.as_str())
                };
                let d = report
                    .diagnostic(rule.span, format!("rule {n} of `{}` never applies", node.name))
                    .with_span_label(format!("rule {e} matches every packet it would, first; {effect}"))
                    .with_label(earlier.span, format!("rule {e} is evaluated first"))
                    .with_help(format!(
                        "give it a number below {e} if it should decide first (rules are read lowest number \
                         first), or delete it"
                    ));
                report.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: PortRange = PortRange { protocol: Protocol::All, from: 0, to: 65535 };

    #[test]
    fn a_range_covers_what_lies_inside_it_in_its_protocol() {
        let ephemeral = PortRange { protocol: Protocol::Tcp, from: 1024, to: 65535 };
        assert!(covers(ALL, PortRange::tcp(22)));
        assert!(covers(ephemeral, PortRange::tcp(8080)));
        assert!(!covers(ephemeral, PortRange::tcp(443)));
        assert!(!covers(ephemeral, PortRange::udp(8080)));
        assert!(!covers(PortRange::tcp(443), ALL));
    }
}
