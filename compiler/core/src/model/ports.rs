//! Ports and protocols: the literal forms of LANGUAGE.md §2 and the natural
//! port of each kind of flow target (§5).

use std::fmt;

use crate::model::kinds::Kind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Protocol {
    Tcp,
    Udp,
    Icmp,
    /// Every protocol (`all`).
    All,
}

/// A protocol and an inclusive port range (0–65535 for `icmp` and `all`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PortRange {
    pub protocol: Protocol,
    pub from: u16,
    pub to: u16,
}

impl PortRange {
    pub const fn tcp(port: u16) -> PortRange {
        PortRange { protocol: Protocol::Tcp, from: port, to: port }
    }

    pub const fn udp(port: u16) -> PortRange {
        PortRange { protocol: Protocol::Udp, from: port, to: port }
    }
}

impl fmt::Display for PortRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.protocol {
            Protocol::Icmp => f.write_str("icmp"),
            Protocol::All => f.write_str("all"),
            p => {
                let proto = if p == Protocol::Udp { "udp" } else { "tcp" };
                if self.from == self.to {
                    write!(f, "{proto}/{}", self.from)
                } else {
                    write!(f, "{proto}/{}-{}", self.from, self.to)
                }
            }
        }
    }
}

/// The well-known names of LANGUAGE.md §2.
pub const WELL_KNOWN: &[(&str, PortRange)] = &[
    ("http", PortRange::tcp(80)),
    ("https", PortRange::tcp(443)),
    ("ssh", PortRange::tcp(22)),
    ("rdp", PortRange::tcp(3389)),
    ("dns", PortRange::udp(53)),
    ("postgres", PortRange::tcp(5432)),
    ("mysql", PortRange::tcp(3306)),
    ("redis", PortRange::tcp(6379)),
    ("memcached", PortRange::tcp(11211)),
    ("mongodb", PortRange::tcp(27017)),
    ("kafka", PortRange::tcp(9092)),
    ("nfs", PortRange::tcp(2049)),
    ("icmp", PortRange { protocol: Protocol::Icmp, from: 0, to: 65535 }),
    ("all", PortRange { protocol: Protocol::All, from: 0, to: 65535 }),
];

pub fn well_known(name: &str) -> Option<PortRange> {
    WELL_KNOWN.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
}

/// The engine port of a database or cache engine.
pub fn engine_port(engine: &str) -> Option<PortRange> {
    let port = match engine {
        "postgres" | "aurora-postgresql" => 5432,
        "mysql" | "mariadb" | "aurora-mysql" => 3306,
        e if e.starts_with("oracle") => 1521,
        e if e.starts_with("sqlserver") => 1433,
        e if e.starts_with("db2") => 50000,
        "redis" | "valkey" => 6379,
        "memcached" => 11211,
        _ => return None,
    };
    Some(PortRange::tcp(port))
}

/// Kinds reached through an AWS service API on HTTPS.
pub fn is_service_api(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::S3
            | Kind::Sqs
            | Kind::Sns
            | Kind::Dynamodb
            | Kind::Kinesis
            | Kind::Stepfn
            | Kind::Eventbridge
            | Kind::Lambda
            | Kind::Apigw
            | Kind::Cloudfront
            | Kind::Endpoint
    )
}

/// One port as a user types it on the command line (`archc route --port`):
/// `443`, `8000-8100`, `tcp/443`, `udp/53`, or a well-known name.
pub fn parse_port(text: &str) -> Option<PortRange> {
    if let Some(p) = well_known(text) {
        return Some(p);
    }
    let (protocol, rest) = match text.split_once('/') {
        Some(("tcp", r)) => (Protocol::Tcp, r),
        Some(("udp", r)) => (Protocol::Udp, r),
        Some(_) => return None,
        None => (Protocol::Tcp, text),
    };
    let number = |s: &str| if s.bytes().all(|b| b.is_ascii_digit()) { s.parse::<u16>().ok() } else { None };
    let (from, to) = match rest.split_once('-') {
        Some((a, b)) => (number(a)?, number(b)?),
        None => (number(rest)?, number(rest)?),
    };
    (from <= to).then_some(PortRange { protocol, from, to })
}

/// The port a flow to `node` uses when none is written (LANGUAGE.md §5): a
/// database's engine port, a load balancer's listeners, a resource's
/// `port`, 443 for AWS service APIs; None when the target has none.
pub fn natural_port(node: &crate::model::Node) -> Option<Vec<PortRange>> {
    use crate::model::{NodeKind, Spanned};
    let own_or_engine = |port: &Option<Spanned<Vec<PortRange>>>, engine: Option<&'static str>| {
        port.as_ref().map(|p| p.value.clone()).or_else(|| engine.and_then(engine_port).map(|p| vec![p]))
    };
    match &node.kind {
        NodeKind::Rds(r) => own_or_engine(&r.port, r.engine.as_ref().map(|e| e.value.as_str())),
        NodeKind::Aurora(a) => own_or_engine(&a.port, a.engine.as_ref().map(|e| e.value.as_str())),
        NodeKind::Elasticache(e) => own_or_engine(&e.port, e.engine.as_ref().map(|e| e.value.as_str())),
        NodeKind::Efs(_) => Some(vec![PortRange::tcp(2049)]),
        NodeKind::Alb(lb) | NodeKind::Nlb(lb) => Some(lb.listen.value.clone()),
        NodeKind::Ec2(e) => e.port.as_ref().map(|p| p.value.clone()),
        NodeKind::Asg(a) => a.port.as_ref().map(|p| p.value.clone()),
        NodeKind::Ecs(e) => e.port.as_ref().map(|p| p.value.clone()),
        NodeKind::Eks(e) => e.port.as_ref().map(|p| p.value.clone()),
        NodeKind::Route53(_) => Some(vec![PortRange::udp(53)]),
        NodeKind::Internet => Some(vec![PortRange::tcp(443)]),
        _ if is_service_api(node.kind()) => Some(vec![PortRange::tcp(443)]),
        _ => None,
    }
}
