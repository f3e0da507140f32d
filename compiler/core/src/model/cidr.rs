//! IPv4 CIDR blocks: parsing (with the corrected block when host bits are
//! set), containment, overlap, and the lowest-free-block allocation of §6.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cidr {
    /// The network address, host bits zero.
    pub addr: u32,
    pub prefix: u8,
}

/// Why a CIDR literal is not a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CidrError {
    /// Not `a.b.c.d/n` with octets 0–255 and n 0–32.
    Malformed(String),
    /// Host bits are set; the block the user most likely meant.
    HostBits(Cidr),
}

impl Cidr {
    pub fn new(addr: u32, prefix: u8) -> Option<Cidr> {
        (prefix <= 32 && addr & !mask(prefix) == 0).then_some(Cidr { addr, prefix })
    }

    pub fn parse(text: &str) -> Result<Cidr, CidrError> {
        let (ip, len) =
            text.split_once('/').ok_or_else(|| CidrError::Malformed("a CIDR block needs a `/prefix`".into()))?;
        let prefix: u8 = len
            .parse()
            .ok()
            .filter(|p| *p <= 32)
            .ok_or_else(|| CidrError::Malformed(format!("the prefix length `/{len}` is not between /0 and /32")))?;
        let mut addr: u32 = 0;
        let mut count = 0;
        for octet in ip.split('.') {
            let n: u32 = octet
                .parse()
                .ok()
                .filter(|n| *n <= 255)
                .ok_or_else(|| CidrError::Malformed(format!("`{octet}` is not an octet from 0 to 255")))?;
            addr = addr.checked_shl(8).unwrap_or(0) | n;
            count += 1;
        }
        if count != 4 {
            return Err(CidrError::Malformed("an IPv4 address has four octets".into()));
        }
        let network = addr & mask(prefix);
        if network != addr {
            return Err(CidrError::HostBits(Cidr { addr: network, prefix }));
        }
        Ok(Cidr { addr, prefix })
    }

    /// Number of addresses in the block.
    pub fn size(self) -> u64 {
        1u64 << (32 - u32::from(self.prefix))
    }

    pub fn first(self) -> u32 {
        self.addr
    }

    pub fn last(self) -> u32 {
        self.addr | !mask(self.prefix)
    }

    /// Whether `other` lies wholly inside `self`.
    pub fn contains(self, other: Cidr) -> bool {
        self.prefix <= other.prefix && other.addr & mask(self.prefix) == self.addr
    }

    pub fn overlaps(self, other: Cidr) -> bool {
        self.contains(other) || other.contains(self)
    }

    /// Addresses AWS leaves usable in a subnet of this size (five reserved).
    pub fn usable_in_subnet(self) -> u64 {
        self.size().saturating_sub(5)
    }
}

fn mask(prefix: u8) -> u32 {
    if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(prefix.min(32)))
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d] = self.addr.to_be_bytes();
        write!(f, "{a}.{b}.{c}.{d}/{}", self.prefix)
    }
}

/// The lowest block of `prefix` inside one of `pools` (in order) that overlaps
/// none of `taken`. Deterministic: the same inputs give the same block.
pub fn allocate(pools: &[Cidr], taken: &[Cidr], prefix: u8) -> Option<Cidr> {
    for pool in pools {
        if prefix < pool.prefix || prefix > 32 {
            continue;
        }
        let step = 1u64 << (32 - u32::from(prefix));
        let mut at = u64::from(pool.addr);
        let end = u64::from(pool.last());
        while at + step - 1 <= end {
            let candidate = Cidr { addr: at as u32, prefix };
            match taken.iter().filter(|t| t.overlaps(candidate)).map(|t| u64::from(t.last())).max() {
                None => return Some(candidate),
                // Skip past the block in the way, rounded up to our alignment.
                Some(last) => at = (last + 1).div_ceil(step) * step,
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Cidr {
        Cidr::parse(s).unwrap()
    }

    #[test]
    fn parses_and_prints() {
        assert_eq!(c("10.0.0.0/16").to_string(), "10.0.0.0/16");
        assert_eq!(Cidr::parse("10.0.0.1/16"), Err(CidrError::HostBits(c("10.0.0.0/16"))));
        assert!(matches!(Cidr::parse("10.0.0.256/24"), Err(CidrError::Malformed(_))));
        assert!(matches!(Cidr::parse("10.0.0.0/33"), Err(CidrError::Malformed(_))));
        assert_eq!(c("0.0.0.0/0").size(), 1 << 32);
    }

    #[test]
    fn allocates_lowest_free_block() {
        let pools = [c("10.0.0.0/16")];
        assert_eq!(allocate(&pools, &[], 24), Some(c("10.0.0.0/24")));
        assert_eq!(allocate(&pools, &[c("10.0.0.0/24")], 24), Some(c("10.0.1.0/24")));
        assert_eq!(allocate(&pools, &[c("10.0.0.0/26")], 24), Some(c("10.0.1.0/24")));
        assert_eq!(allocate(&pools, &[c("10.0.1.0/24")], 26), Some(c("10.0.0.0/26")));
        assert_eq!(allocate(&[c("10.0.0.0/24")], &[c("10.0.0.0/24")], 26), None);
        assert_eq!(allocate(&[c("10.0.0.0/24"), c("10.1.0.0/24")], &[c("10.0.0.0/24")], 26), Some(c("10.1.0.0/26")));
    }
}
