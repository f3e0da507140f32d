//! Network ACL evaluation over port ranges: rules in number order, the
//! first that matches a port decides it, and every port of the range must
//! be allowed (a reply's whole ephemeral range 1024-65535, not one port).

use crate::model::cidr::Cidr;
use crate::model::ports::{PortRange, Protocol};
use crate::model::Action;
use crate::plan::AclEntry;

/// The far end of a packet, as an ACL entry sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Remote {
    /// One address (a resource in a subnet, an on-premises address).
    Addr(u32),
    /// Somewhere on the public internet (or a service's public endpoint):
    /// only `0.0.0.0/0` surely covers it; a deny of a public block may.
    Internet,
}

/// What the ACL does to a packet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Every port allowed; the numbers of the rules that allowed them
    /// (None for the default ACL's or `*` rules), in order.
    Allow(Vec<Option<u32>>),
    /// Some ports denied by entry `entry` (its index): the first such ports.
    /// `uncertain` when the entry is a deny of a public block that may or
    /// may not cover the internet address.
    Deny { entry: usize, ports: PortRange, uncertain: bool },
}

fn protocol_matches(entry: Protocol, packet: Protocol) -> bool {
    entry == Protocol::All || entry == packet
}

fn contains(c: Cidr, a: u32) -> bool {
    c.first() <= a && a <= c.last()
}

/// Evaluates `entries` (in order) for packets to or from `remote` on every
/// port of `range`. `maybe_public` says whether a deny entry's block may
/// cover an internet address (not private space, not a VPC block).
pub(crate) fn evaluate(
    entries: &[AclEntry],
    remote: Remote,
    range: PortRange,
    maybe_public: &dyn Fn(Cidr) -> bool,
) -> Verdict {
    // The ports of `range` not yet decided, as disjoint inclusive intervals;
    // each entry splits an interval at most in two, so there are at most
    // entries + 1 of them.
    let mut open: Vec<(u16, u16)> = vec![(range.from.min(range.to), range.to.max(range.from))];
    let icmp_like = matches!(range.protocol, Protocol::Icmp | Protocol::All);
    let mut used = Vec::new();
    // The ports still open after the entry being read (reused: swapped
    // with `open` when the entry allows).
    let mut rest: Vec<(u16, u16)> = Vec::with_capacity(entries.len() + 1);
    for (i, e) in entries.iter().enumerate() {
        if open.is_empty() {
            break;
        }
        if !protocol_matches(e.ports.protocol, range.protocol) {
            continue;
        }
        let (sure, maybe) = match remote {
            Remote::Addr(a) => (contains(e.cidr, a), false),
            Remote::Internet => (e.cidr.prefix == 0, e.action == Action::Deny && maybe_public(e.cidr)),
        };
        if !sure && !maybe {
            continue;
        }
        // The entry's ports (an icmp or all entry covers every port).
        let (lo, hi) = if icmp_like || matches!(e.ports.protocol, Protocol::Icmp | Protocol::All) {
            (0, u16::MAX)
        } else {
            (e.ports.from, e.ports.to)
        };
        rest.clear();
        let mut hit: Option<(u16, u16)> = None;
        for &(a, b) in &open {
            let (x, y) = (a.max(lo), b.min(hi));
            if x > y {
                rest.push((a, b));
                continue;
            }
            hit.get_or_insert((x, y));
            if a < x {
                rest.push((a, x - 1));
            }
            if y < b {
                rest.push((y + 1, b));
            }
        }
        let Some((x, y)) = hit else { continue };
        match e.action {
            Action::Deny => {
                let ports = if icmp_like { range } else { PortRange { protocol: range.protocol, from: x, to: y } };
                return Verdict::Deny { entry: i, ports, uncertain: !sure };
            }
            Action::Allow => {
                used.push(e.number);
                std::mem::swap(&mut open, &mut rest);
            }
        }
    }
    if open.is_empty() {
        return Verdict::Allow(used);
    }
    // No entry decided some ports: an ACL always ends with `*` deny, so this
    // only happens on a plan without one; it denies, as AWS does.
    let (x, y) = open.first().copied().unwrap_or((range.from, range.to));
    Verdict::Deny {
        entry: entries.len(),
        ports: PortRange { protocol: range.protocol, from: x, to: y },
        uncertain: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use archc_syntax::Span;

    fn entry(number: Option<u32>, action: Action, ports: PortRange, cidr: &str) -> AclEntry {
        AclEntry { number, action, ports, cidr: Cidr::parse(cidr).unwrap(), span: Some(Span::detached()) }
    }

    fn all() -> PortRange {
        PortRange { protocol: Protocol::All, from: 0, to: 65535 }
    }

    fn tcp(from: u16, to: u16) -> PortRange {
        PortRange { protocol: Protocol::Tcp, from, to }
    }

    #[test]
    fn the_whole_ephemeral_range_must_be_allowed() {
        let acl = vec![
            entry(Some(100), Action::Allow, tcp(1024, 30000), "10.0.0.0/16"),
            entry(None, Action::Deny, all(), "0.0.0.0/0"),
        ];
        let v = evaluate(&acl, Remote::Addr(0x0a00_0105), tcp(1024, 65535), &|_| false);
        assert_eq!(v, Verdict::Deny { entry: 1, ports: tcp(30001, 65535), uncertain: false });
        let acl2 = vec![
            entry(Some(100), Action::Allow, tcp(1024, 30000), "10.0.0.0/16"),
            entry(Some(110), Action::Allow, tcp(30001, 65535), "10.0.0.0/8"),
            entry(None, Action::Deny, all(), "0.0.0.0/0"),
        ];
        assert_eq!(
            evaluate(&acl2, Remote::Addr(0x0a00_0105), tcp(1024, 65535), &|_| false),
            Verdict::Allow(vec![Some(100), Some(110)])
        );
    }

    #[test]
    fn a_lower_deny_wins_and_an_internet_deny_of_a_public_block_may_cover() {
        let acl = vec![
            entry(Some(90), Action::Deny, tcp(443, 443), "10.0.1.0/24"),
            entry(Some(100), Action::Allow, all(), "0.0.0.0/0"),
        ];
        assert!(matches!(
            evaluate(&acl, Remote::Addr(0x0a00_0105), tcp(443, 443), &|_| false),
            Verdict::Deny { entry: 0, .. }
        ));
        assert_eq!(
            evaluate(&acl, Remote::Addr(0x0a00_0205), tcp(443, 443), &|_| false),
            Verdict::Allow(vec![Some(100)])
        );
        let acl = vec![
            entry(Some(90), Action::Deny, tcp(443, 443), "203.0.113.0/24"),
            entry(Some(100), Action::Allow, all(), "0.0.0.0/0"),
        ];
        assert!(matches!(
            evaluate(&acl, Remote::Internet, tcp(443, 443), &|c| !super::super::address::private_block(c)),
            Verdict::Deny { entry: 0, uncertain: true, .. }
        ));
        // An allow of a public block is not sure to cover the internet.
        let acl = vec![
            entry(Some(100), Action::Allow, all(), "203.0.113.0/24"),
            entry(None, Action::Deny, all(), "0.0.0.0/0"),
        ];
        assert!(matches!(evaluate(&acl, Remote::Internet, tcp(443, 443), &|_| true), Verdict::Deny { entry: 1, .. }));
    }
}
