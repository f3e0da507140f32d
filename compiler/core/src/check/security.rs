//! What the security rules (E06xx/W06xx) share: who stands for the whole
//! internet, which kinds hold data, and which ports a flow opens.

use crate::model::kinds::Kind;
use crate::model::ports::{PortRange, Protocol};
use crate::model::{Flow, Model, Node};

/// `internet` and every `users`: a security-group rule from `0.0.0.0/0`.
pub(super) fn is_internet(kind: Kind) -> bool {
    matches!(kind, Kind::Internet | Kind::Users)
}

/// The kinds E0603 reports a flow from the internet to.
pub(super) fn is_data_store(kind: Kind) -> bool {
    matches!(kind, Kind::Rds | Kind::Aurora | Kind::Elasticache | Kind::Efs)
}

/// Whether `range` admits `protocol`/`port`.
pub(super) fn admits(range: PortRange, protocol: Protocol, port: u16) -> bool {
    match range.protocol {
        Protocol::All => true,
        Protocol::Icmp => false,
        p => p == protocol && range.from <= port && port <= range.to,
    }
}

/// Every protocol, or every TCP or UDP port.
pub(super) fn is_every_port(range: PortRange) -> bool {
    match range.protocol {
        Protocol::All => true,
        Protocol::Icmp => false,
        _ => range.from <= 1 && range.to == u16::MAX,
    }
}

/// Remote administration: SSH and RDP (RDP also listens on UDP).
pub(super) const ADMIN_PORTS: &[(Protocol, u16, &str)] =
    &[(Protocol::Tcp, 22, "ssh"), (Protocol::Tcp, 3389, "rdp"), (Protocol::Udp, 3389, "rdp")];

/// The ports database, cache, search and queue engines listen on.
pub(super) const ENGINE_PORTS: &[(u16, &str)] = &[
    (1433, "SQL Server"),
    (1521, "Oracle"),
    (2049, "NFS"),
    (3306, "MySQL/MariaDB"),
    (5432, "PostgreSQL"),
    (6379, "Redis/Valkey"),
    (9042, "Cassandra"),
    (9092, "Kafka"),
    (9200, "Elasticsearch/OpenSearch"),
    (11211, "Memcached"),
    (27017, "MongoDB"),
    (50000, "Db2"),
];

/// The admin ports a flow opens, named (`ssh`, `rdp`), each once.
pub(super) fn admin_ports(flow: &Flow) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for &(protocol, port, name) in ADMIN_PORTS {
        if flow.ports.iter().any(|r| admits(*r, protocol, port)) && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The engine ports a flow opens (TCP), with the engine's name.
pub(super) fn engine_ports(flow: &Flow) -> Vec<(u16, &'static str)> {
    ENGINE_PORTS
        .iter()
        .copied()
        .filter(|&(port, _)| flow.ports.iter().any(|r| admits(*r, Protocol::Tcp, port)))
        .collect()
}

/// A flow from the internet into a resource that has a security group: the
/// rule it becomes admits `0.0.0.0/0`.
pub(super) struct Exposure<'m> {
    pub flow: &'m Flow,
    pub source: &'m Node,
    pub target: &'m Node,
}

/// The flows from `internet` or a `users` into a resource with a security
/// group, in flow order.
pub(super) fn exposures(model: &Model) -> impl Iterator<Item = Exposure<'_>> + '_ {
    model.flows().iter().filter_map(move |flow| {
        let source = model.get(flow.from.value)?;
        let target = model.get(flow.to.value)?;
        (is_internet(source.kind()) && target.takes_security_group()).then_some(Exposure { flow, source, target })
    })
}

/// Whether a flow from the internet is reported by one of the rules that
/// name what it exposes (E0603, W0607, W0602, W0606): W0608 leaves those.
pub(super) fn exposure_reported(e: &Exposure<'_>) -> bool {
    is_data_store(e.target.kind())
        || e.flow.ports.iter().any(|r| is_every_port(*r))
        || !admin_ports(e.flow).is_empty()
        || !engine_ports(e.flow).is_empty()
}

/// How the source is called in a message: `the internet`, or `users \`x\``.
pub(super) fn source_words(source: &Node) -> String {
    match source.kind() {
        Kind::Internet => "the internet".to_string(),
        _ => format!("`{}` (anyone on the internet)", source.name),
    }
}

/// A port range as a message says it: `every protocol and port` for `all`.
pub(super) fn ports_words(range: PortRange) -> String {
    match range.protocol {
        Protocol::All => "every protocol and port".to_string(),
        _ => range.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_port_is_all_or_the_whole_range() {
        assert!(is_every_port(PortRange { protocol: Protocol::All, from: 0, to: 65535 }));
        assert!(is_every_port(PortRange { protocol: Protocol::Udp, from: 1, to: 65535 }));
        assert!(!is_every_port(PortRange { protocol: Protocol::Tcp, from: 1024, to: 65535 }));
        assert!(!is_every_port(PortRange { protocol: Protocol::Icmp, from: 0, to: 65535 }));
    }

    #[test]
    fn admits_matches_protocol_and_port() {
        assert!(admits(PortRange::tcp(22), Protocol::Tcp, 22));
        assert!(!admits(PortRange::udp(22), Protocol::Tcp, 22));
        assert!(admits(PortRange { protocol: Protocol::Tcp, from: 1, to: 1024 }, Protocol::Tcp, 22));
        assert!(!admits(PortRange { protocol: Protocol::Icmp, from: 0, to: 65535 }, Protocol::Tcp, 22));
    }
}
