//! The value types of the model: the enumerations of the kind table (each
//! with the one word ↔ variant mapping the language uses), units as types,
//! and the defaults, in one place.

use std::fmt;

use archc_syntax::Span;

/// An enumeration written as one word in the language. The macro makes the
/// variant ↔ word mapping the only one: `WORDS` (what the kind table's
/// `Ty::Enum` lists), `as_str` and `from_word`.
macro_rules! word_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $var:ident = $word:literal),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vm])* $var),* }

        impl $name {
            /// Every word, in declaration order.
            pub const WORDS: &'static [&'static str] = &[$($word),*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$var => $word),* }
            }

            pub fn from_word(word: &str) -> Option<$name> {
                match word { $($word => Some($name::$var),)* _ => None }
            }
        }

        impl WordEnum for $name {
            fn from_word(word: &str) -> Option<$name> {
                $name::from_word(word)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// An enumeration the language writes as a word.
pub trait WordEnum: Sized + Copy {
    fn from_word(word: &str) -> Option<Self>;
}

word_enum! {
    /// The diagram's direction (`direction right|down`).
    pub enum Direction { Right = "right", Down = "down" }
}
word_enum! {
    /// The diagram's theme (`theme light|dark`).
    pub enum Theme { Light = "light", Dark = "dark" }
}
word_enum! {
    /// A subnet's modifier.
    pub enum Tier { Public = "public", Private = "private", Isolated = "isolated" }
}
word_enum! {
    /// A NAT gateway's `type`.
    pub enum Connectivity { Public = "public", Private = "private" }
}
word_enum! {
    /// A NAT gateway's `mode`.
    pub enum NatMode { Zonal = "zonal", Regional = "regional" }
}
word_enum! {
    /// An endpoint's modifier.
    pub enum EndpointType { Gateway = "gateway", Interface = "interface" }
}
word_enum! {
    /// An RDS instance's `engine`.
    pub enum RdsEngine {
        Postgres = "postgres",
        Mysql = "mysql",
        Mariadb = "mariadb",
        OracleEe = "oracle-ee",
        OracleSe2 = "oracle-se2",
        SqlserverEe = "sqlserver-ee",
        SqlserverSe = "sqlserver-se",
        SqlserverEx = "sqlserver-ex",
        SqlserverWeb = "sqlserver-web",
        Db2Se = "db2-se",
        Db2Ae = "db2-ae",
    }
}
word_enum! {
    /// An Aurora cluster's `engine`.
    pub enum AuroraEngine { Postgresql = "aurora-postgresql", Mysql = "aurora-mysql" }
}
word_enum! {
    /// An ElastiCache cluster's `engine`.
    pub enum CacheEngine { Redis = "redis", Valkey = "valkey", Memcached = "memcached" }
}
word_enum! {
    /// A DynamoDB table's `billing`.
    pub enum Billing { OnDemand = "on_demand", Provisioned = "provisioned" }
}
word_enum! {
    /// A Step Functions state machine's `type`.
    pub enum Workflow { Standard = "standard", Express = "express" }
}
word_enum! {
    /// An API Gateway API's `type`.
    pub enum ApiType { Rest = "rest", Http = "http" }
}
word_enum! {
    /// A Route 53 record's routing `policy`.
    pub enum RoutingPolicy {
        Simple = "simple",
        Failover = "failover",
        Weighted = "weighted",
        Latency = "latency",
        Geolocation = "geolocation",
        Geoproximity = "geoproximity",
        Ip = "ip",
        Multivalue = "multivalue",
    }
}
word_enum! {
    /// A Route 53 hosted zone's `zone`.
    pub enum ZoneType { Public = "public", Private = "private" }
}
word_enum! {
    /// A VPN's `routing`.
    pub enum VpnRouting { Static = "static", Bgp = "bgp" }
}
word_enum! {
    /// A network ACL rule's action.
    pub enum Action { Allow = "allow", Deny = "deny" }
}
word_enum! {
    /// A network ACL rule's direction.
    pub enum RuleDirection { In = "in", Out = "out" }
}

/// A size in bytes (`512MB`, `20GiB`; a bare number is MiB).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bytes(pub u64);

impl Bytes {
    pub const MIB: u64 = 1024 * 1024;

    /// The size in whole MiB, rounded down (what AWS calls MB for memory).
    pub fn mib(self) -> u64 {
        self.0 / Self::MIB
    }
}

/// A duration in seconds (`30s`, `15m`, `12h`, `7d`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Seconds(pub u64);

/// A property value that has a default: the value is always there, and the
/// model says whether the user wrote it. The span is the written value's, or
/// the declaration's name when defaulted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved<T> {
    pub value: T,
    pub span: Span,
    pub written: bool,
}

impl<T> Resolved<T> {
    pub fn written(value: T, span: Span) -> Resolved<T> {
        Resolved { value, span, written: true }
    }

    pub fn default(value: T, span: Span) -> Resolved<T> {
        Resolved { value, span, written: false }
    }
}

/// The defaults of LANGUAGE.md §4 and docs/language.md, in one place.
/// Lowering resolves them into [`Resolved`] fields; no later stage re-decides.
pub mod defaults {
    use super::*;
    use crate::model::ports::PortRange;

    pub const VPC_DNS_HOSTNAMES: bool = true;
    pub const VPC_DNS_SUPPORT: bool = true;
    /// An allocated subnet's prefix (§6).
    pub const SUBNET_PREFIX: u8 = 24;
    pub const NAT_CONNECTIVITY: Connectivity = Connectivity::Public;
    pub const NAT_MODE: NatMode = NatMode::Zonal;
    pub const ENDPOINT_PRIVATE_DNS: bool = true;
    pub const EC2_COUNT: u32 = 1;
    pub const ALB_LISTEN: &[PortRange] = &[PortRange::tcp(80)];
    pub const NLB_LISTEN: &[PortRange] = &[PortRange::tcp(80)];
    pub const EFS_ENCRYPTED: bool = true;
    pub const RDS_ENCRYPTED: bool = true;
    pub const S3_PUBLIC: bool = false;
    pub const SQS_VISIBILITY_TIMEOUT: Seconds = Seconds(30);
    pub const SQS_RETENTION: Seconds = Seconds(4 * 86400);
    pub const API_TYPE: ApiType = ApiType::Http;
    pub const ROUTING_POLICY: RoutingPolicy = RoutingPolicy::Simple;
    pub const ZONE_TYPE: ZoneType = ZoneType::Public;
    pub const VPN_ROUTING: VpnRouting = VpnRouting::Bgp;
    pub const DIRECTION: Direction = Direction::Right;
    pub const THEME: Theme = Theme::Light;
}
