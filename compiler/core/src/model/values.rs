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

    /// Bytes in one `unit` (`""` is MiB); None for a unit that is not a size.
    pub fn unit(unit: &str) -> Option<u64> {
        Some(match unit {
            "" | "MiB" => Self::MIB,
            "B" => 1,
            "KB" | "kB" => 1_000,
            "MB" => 1_000_000,
            "GB" => 1_000_000_000,
            "TB" => 1_000_000_000_000,
            "KiB" => 1 << 10,
            "GiB" => 1 << 30,
            "TiB" => 1 << 40,
            _ => return None,
        })
    }
}

/// A duration in seconds (`30s`, `15m`, `12h`, `7d`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Seconds(pub u64);

impl Seconds {
    /// Seconds in one `unit` (`""` is seconds); None for a unit that is not
    /// a duration (there is no `ms`: durations are whole seconds).
    pub fn unit(unit: &str) -> Option<u64> {
        Some(match unit {
            "" | "s" => 1,
            "m" | "min" => 60,
            "h" => 3_600,
            "d" => 86_400,
            _ => return None,
        })
    }
}

/// Why a decimal literal times a unit is not a whole `u64` of the base unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Not `DIGITS` or `DIGITS.DIGITS`.
    Malformed,
    /// The value has a fractional part in the base unit (`1.5s`, `0.1B`).
    NotWhole,
    /// The value is more than `u64::MAX` of the base unit.
    TooLarge,
}

/// `number × scale` exactly, where `number` is a decimal literal as written
/// (`1.1`, `0042`, `9007199254740993`): whole only when no digit is lost, so
/// `1.1` × 3600 is 3960 and `1.0000000000000001` × 1 is not whole. No floating
/// point and no wrapping: the digits are multiplied as a decimal string, the
/// fractional digits must come out zero, and what is left must fit `u64`.
/// Linear in the length of the literal, whatever it is.
pub fn scaled(number: &str, scale: u64) -> Result<u64, NumberError> {
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits_only(whole) || !digits_only(frac) || (number.contains('.') && frac.is_empty()) {
        return Err(NumberError::Malformed);
    }
    // The digits of `whole ++ frac` times `scale`, least significant first.
    let mut product: Vec<u8> = Vec::with_capacity(number.len() + 20);
    let mut carry: u128 = 0;
    for d in whole.bytes().chain(frac.bytes()).rev() {
        let t = u128::from(d - b'0') * u128::from(scale) + carry;
        product.push((t % 10) as u8);
        carry = t / 10;
    }
    while carry > 0 {
        product.push((carry % 10) as u8);
        carry /= 10;
    }
    // Dividing by 10^frac.len() drops that many digits: they must be zero.
    let (dropped, kept) = product.split_at(frac.len());
    if dropped.iter().any(|&d| d != 0) {
        return Err(NumberError::NotWhole);
    }
    let mut value: u64 = 0;
    for &d in kept.iter().rev() {
        value = value.checked_mul(10).and_then(|v| v.checked_add(u64::from(d))).ok_or(NumberError::TooLarge)?;
    }
    Ok(value)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_scale_exactly() {
        let h = Seconds::unit("h").unwrap();
        let m = Seconds::unit("m").unwrap();
        // Whole seconds that floating point refuses (1.1 × 3600 = 3960.0000000000005).
        assert_eq!(scaled("1.1", h), Ok(3960));
        assert_eq!(scaled("4.1", m), Ok(246));
        assert_eq!(scaled("0.5", m), Ok(30));
        assert_eq!(scaled("1.50", h), Ok(5400));
        assert_eq!(scaled("0042", 1), Ok(42));
        // Inexact values that floating point rounds to a whole number.
        assert_eq!(scaled("1.0000000000000001", 1), Err(NumberError::NotWhole));
        assert_eq!(scaled("9007199254740993", 1), Ok(9_007_199_254_740_993));
        assert_eq!(scaled("1.5", 1), Err(NumberError::NotWhole));
        assert_eq!(scaled("0.1", Bytes::unit("GB").unwrap()), Ok(100_000_000));
        assert_eq!(scaled("0.5", Bytes::unit("GiB").unwrap()), Ok(1 << 29));
        assert_eq!(scaled("1.0000000001", Bytes::unit("KiB").unwrap()), Err(NumberError::NotWhole));
        // The edges of u64, and past them: refused, never wrapped.
        assert_eq!(scaled("18446744073709551615", 1), Ok(u64::MAX));
        assert_eq!(scaled("18446744073709551616", 1), Err(NumberError::TooLarge));
        assert_eq!(scaled("99999999999999999999999", 1), Err(NumberError::TooLarge));
        assert_eq!(scaled("16777216", Bytes::unit("TiB").unwrap()), Err(NumberError::TooLarge));
        assert_eq!(scaled("16777215.99999999999999999999", Bytes::unit("TiB").unwrap()), Err(NumberError::NotWhole));
        // A long literal is read in one pass, whole or not.
        let long = format!("1.{}", "0".repeat(100_000));
        assert_eq!(scaled(&long, 1), Ok(1));
        assert_eq!(scaled(&format!("{}1", long), 1), Err(NumberError::NotWhole));
        assert_eq!(scaled(&format!("{}1", "0".repeat(100_000)), 86_400), Ok(86_400));
        for bad in ["", ".5", "1.", "1.2.3", "1e3", "-1", " 1"] {
            assert_eq!(scaled(bad, 1), Err(NumberError::Malformed), "{bad:?}");
        }
    }
}
