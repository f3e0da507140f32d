//! IPv4 CIDR blocks: parsing, containment, overlap, and the lowest-free-block
//! allocation of §6.
//!
//! A [`Cidr`] keeps the address as it was written, host bits and all
//! (`10.0.0.1/16`): the model says what the design says, and the checker
//! (`check::cidr_host_bits`, E0201) is what reports a block whose host bits
//! are set. Everything that reasons about addresses (size, containment,
//! overlap, allocation) works on the block it denotes, [`Cidr::network`].

use std::collections::BTreeMap;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cidr {
    /// The address as written; host bits may be set (read
    /// [`Cidr::network`] for the block).
    addr: u32,
    pub prefix: u8,
}

/// Why a CIDR literal is not a block: not `a.b.c.d/n` with octets 0–255 and
/// n 0–32, each written without leading zeros. `why` says which part is
/// wrong; `plain` is the block written plainly when the only fault is a
/// leading zero (`010.0.0.0/16` → `10.0.0.0/16`), the safe fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CidrError {
    pub why: String,
    pub plain: Option<String>,
}

impl CidrError {
    fn new(why: impl Into<String>) -> CidrError {
        CidrError { why: why.into(), plain: None }
    }
}

/// Whether a run of digits has a leading zero (`010`, `00`; not `0`).
pub fn leading_zero(digits: &str) -> bool {
    digits.len() > 1 && digits.starts_with('0')
}

impl Cidr {
    /// `0.0.0.0/32`: the block of a subnet until one is allocated, or of a
    /// declaration whose block could not be read.
    pub const PLACEHOLDER: Cidr = Cidr { addr: 0, prefix: 32 };

    /// A block whose host bits are zero; None otherwise.
    pub fn new(addr: u32, prefix: u8) -> Option<Cidr> {
        (prefix <= 32 && addr & !mask(prefix) == 0).then_some(Cidr { addr, prefix })
    }

    /// `a.b.c.d/n`, as written: `10.0.0.1/16` parses (see [`Cidr::network`]).
    ///
    /// Only the plain decimal spelling parses: a leading zero (`010.0.0.0/16`,
    /// `10.0.0.0/016`) is refused, since some tools read `010` as octal (8);
    /// the error carries the plain form. So a parsed block prints exactly as
    /// it was typed (`Display`), and a message that shows the block shows
    /// the user's text.
    pub fn parse(text: &str) -> Result<Cidr, CidrError> {
        let (ip, len) = text.split_once('/').ok_or_else(|| CidrError::new("a CIDR block needs a `/prefix`"))?;
        let prefix: u8 = Some(len)
            .filter(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|l| l.parse().ok())
            .filter(|p| *p <= 32)
            .ok_or_else(|| CidrError::new(format!("the prefix length `/{len}` is not between /0 and /32")))?;
        let mut zeros = leading_zero(len);
        let mut addr: u32 = 0;
        let mut count = 0;
        for octet in ip.split('.') {
            let n: u32 = Some(octet)
                .filter(|o| !o.is_empty() && o.len() <= 3 && o.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|o| o.parse().ok())
                .filter(|n| *n <= 255)
                .ok_or_else(|| CidrError::new(format!("`{octet}` is not an octet from 0 to 255")))?;
            zeros |= leading_zero(octet);
            addr = addr.checked_shl(8).unwrap_or(0) | n;
            count += 1;
        }
        if count != 4 {
            return Err(CidrError::new("an IPv4 address has four octets"));
        }
        let cidr = Cidr { addr, prefix };
        if zeros {
            return Err(CidrError {
                why: format!(
                    "a leading zero reads as octal in some tools (`010` is 8 there); write the block as `{cidr}`"
                ),
                plain: Some(cidr.to_string()),
            });
        }
        Ok(cidr)
    }

    /// The address as written, host bits included.
    pub fn address(self) -> u32 {
        self.addr
    }

    /// The block this denotes: the address with its host bits cleared
    /// (`10.0.0.1/16` → `10.0.0.0/16`).
    pub fn network(self) -> Cidr {
        Cidr { addr: self.addr & mask(self.prefix), prefix: self.prefix }
    }

    /// Whether the address has bits set beyond the prefix (E0201).
    pub fn has_host_bits(self) -> bool {
        self.addr & !mask(self.prefix) != 0
    }

    /// Number of addresses in the block.
    pub fn size(self) -> u64 {
        1u64 << (32 - u32::from(self.prefix))
    }

    pub fn first(self) -> u32 {
        self.network().addr
    }

    pub fn last(self) -> u32 {
        self.addr | !mask(self.prefix)
    }

    /// Whether the block of `other` lies wholly inside the block of `self`.
    pub fn contains(self, other: Cidr) -> bool {
        self.prefix <= other.prefix && other.addr & mask(self.prefix) == self.first()
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

/// As written: `10.0.0.1/16` stays `10.0.0.1/16`.
impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b, c, d] = self.addr.to_be_bytes();
        write!(f, "{a}.{b}.{c}.{d}/{}", self.prefix)
    }
}

/// The lowest block of `prefix` inside one of `pools` (in order) that overlaps
/// none of `taken` (each read as the block it denotes). Deterministic: the
/// same inputs give the same block. One query; for many, use [`Allocator`].
pub fn allocate(pools: &[Cidr], taken: &[Cidr], prefix: u8) -> Option<Cidr> {
    Allocator::new(pools, taken).allocate(prefix)
}

/// Allocation of many blocks from the same pools (§6), each the lowest free
/// block of its size, in the order asked: the result of [`allocate`] over
/// everything taken so far, in near-linear time.
///
/// The addresses taken are kept as disjoint, non-adjacent intervals in a
/// sorted map, merged as blocks are added, so "what is in the way of this
/// candidate" is one lookup. And since taken space only grows, the lowest
/// free block of a size in a pool never moves down: a cursor per (pool,
/// prefix) resumes where the last search of that size stopped, so each
/// interval is skipped at most once per size and pool, not once per subnet.
#[derive(Clone, Debug)]
pub struct Allocator {
    pools: Vec<Cidr>,
    /// First address → last address of each taken interval.
    taken: BTreeMap<u64, u64>,
    /// Per pool and prefix, the lowest address a free block may start at.
    cursors: BTreeMap<(usize, u8), u64>,
    /// Candidates looked at, over every query (a bound for tests).
    steps: u64,
}

impl Allocator {
    pub fn new(pools: &[Cidr], taken: &[Cidr]) -> Allocator {
        let mut a = Allocator {
            pools: pools.iter().map(|p| p.network()).collect(),
            taken: BTreeMap::new(),
            cursors: BTreeMap::new(),
            steps: 0,
        };
        for t in taken {
            a.take(*t);
        }
        a
    }

    /// Marks the block `block` denotes as taken.
    pub fn take(&mut self, block: Cidr) {
        let (mut lo, mut hi) = (u64::from(block.first()), u64::from(block.last()));
        // Merge with an interval that starts at or before `lo` and reaches it.
        if let Some((&s, &e)) = self.taken.range(..=lo).next_back() {
            if e + 1 >= lo {
                lo = s;
                hi = hi.max(e);
            }
        }
        // And with every interval that starts inside or right after.
        while let Some((&s, &e)) = self.taken.range(lo..=hi + 1).next() {
            self.taken.remove(&s);
            hi = hi.max(e);
        }
        self.taken.insert(lo, hi);
    }

    /// The lowest free block of `prefix`, taken; None when no pool has one.
    pub fn allocate(&mut self, prefix: u8) -> Option<Cidr> {
        for (index, pool) in self.pools.iter().enumerate() {
            if prefix < pool.prefix || prefix > 32 {
                continue;
            }
            let step = 1u64 << (32 - u32::from(prefix));
            let end = u64::from(pool.last());
            let cursor = self.cursors.entry((index, prefix)).or_insert(u64::from(pool.first()));
            let mut at = *cursor;
            let found = loop {
                if at + step - 1 > end {
                    break None;
                }
                self.steps += 1;
                // The interval in the way, if any: the last one starting
                // before the candidate ends (intervals are disjoint).
                match self.taken.range(..=at + step - 1).next_back() {
                    Some((_, &last)) if last >= at => at = (last + 1).div_ceil(step) * step,
                    _ => break Some(at),
                }
            };
            *cursor = at;
            if let Some(at) = found {
                let block = Cidr { addr: at as u32, prefix };
                self.take(block);
                return Some(block);
            }
        }
        None
    }

    /// Candidates looked at so far, over every query.
    pub fn steps(&self) -> u64 {
        self.steps
    }
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
        assert!(Cidr::parse("10.0.0.256/24").is_err());
        assert!(Cidr::parse("10.0.0.0/33").is_err());
        assert_eq!(c("0.0.0.0/0").size(), 1 << 32);
    }

    #[test]
    fn refuses_leading_zeros_with_the_plain_form() {
        for (typed, plain) in [
            ("010.0.0.0/16", "10.0.0.0/16"),
            ("10.00.0.0/16", "10.0.0.0/16"),
            ("10.0.0.007/32", "10.0.0.7/32"),
            ("10.0.0.0/016", "10.0.0.0/16"),
            ("10.0.0.0/00", "10.0.0.0/0"),
            ("10.0.1.0/0000000000000000000024", "10.0.1.0/24"),
        ] {
            let e = Cidr::parse(typed).unwrap_err();
            assert_eq!(e.plain.as_deref(), Some(plain), "{typed}");
            assert!(e.why.contains("octal") && e.why.contains(plain), "{}", e.why);
        }
        // Another fault comes first, and has no fix.
        assert_eq!(Cidr::parse("010.0.300.0/16").unwrap_err().plain, None);
        assert_eq!(Cidr::parse("10.0.0.0/033").unwrap_err().plain, None);
        assert!(Cidr::parse("10.0.0.0/+16").is_err() && Cidr::parse("+10.0.0.0/16").is_err());
    }

    /// Every spelling that parses prints as typed: messages that show a
    /// block (E0201's) show the user's text.
    #[test]
    fn a_parsed_block_prints_as_typed() {
        for typed in ["0.0.0.0/0", "10.0.1.0/16", "192.168.100.7/32", "255.255.255.255/32", "10.10.10.0/8"] {
            assert_eq!(c(typed).to_string(), typed);
        }
    }

    #[test]
    fn keeps_host_bits_as_written() {
        let written = c("10.0.0.1/16");
        assert_eq!(written.to_string(), "10.0.0.1/16");
        assert!(written.has_host_bits() && !c("10.0.0.0/16").has_host_bits());
        assert_eq!(written.network(), c("10.0.0.0/16"));
        assert_eq!((written.first(), written.last()), (c("10.0.0.0/16").first(), c("10.0.0.0/16").last()));
        assert!(written.contains(c("10.0.3.7/24")) && c("10.0.3.7/24").overlaps(written));
        assert_eq!(allocate(&[written], &[c("10.0.0.9/24")], 24), Some(c("10.0.1.0/24")));
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

    /// The allocation before the `Allocator`: every candidate against every
    /// taken block. The reference the allocator must agree with.
    fn reference(pools: &[Cidr], taken: &[Cidr], prefix: u8) -> Option<Cidr> {
        for pool in pools.iter().map(|p| p.network()) {
            if prefix < pool.prefix || prefix > 32 {
                continue;
            }
            let step = 1u64 << (32 - u32::from(prefix));
            let mut at = u64::from(pool.addr);
            while at + step - 1 <= u64::from(pool.last()) {
                let candidate = Cidr { addr: at as u32, prefix };
                match taken.iter().filter(|t| t.overlaps(candidate)).map(|t| u64::from(t.last())).max() {
                    None => return Some(candidate),
                    Some(last) => at = (last + 1).div_ceil(step) * step,
                }
            }
        }
        None
    }

    /// Mixed sizes, written blocks inside, across and outside the pools, host
    /// bits, exhaustion of the primary block: the same blocks as the reference.
    #[test]
    fn the_allocator_agrees_with_the_reference() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for round in 0..40 {
            let pools = [c("10.0.0.0/20"), c("10.9.0.0/22"), c("10.9.0.0/24")];
            let mut taken: Vec<Cidr> = (0..next(30))
                .map(|_| {
                    let prefix = 18 + next(15) as u8;
                    Cidr { addr: 0x0a00_0000 | (next(1 << 13) as u32) << (next(4) * 4), prefix }
                })
                .collect();
            let mut a = Allocator::new(&pools, &taken);
            for _ in 0..200 {
                let prefix = [19, 20, 22, 24, 24, 26, 28, 28, 28, 32][next(10) as usize];
                let want = reference(&pools, &taken, prefix);
                assert_eq!(a.allocate(prefix), want, "round {round}, /{prefix}");
                taken.extend(want);
            }
        }
    }

    /// 40,000 /28s (and a /24 between every thousand) in a /12 around written
    /// blocks: every one the lowest free block, in work linear in the count.
    #[test]
    fn forty_thousand_subnets_in_linear_work() {
        let pools = [c("10.0.0.0/12")];
        let written = [c("10.0.0.0/24"), c("10.0.1.32/27"), c("10.1.0.0/16")];
        let mut a = Allocator::new(&pools, &written);
        let mut blocks = Vec::new();
        for i in 0..40_000u32 {
            let prefix = if i % 1000 == 999 { 24 } else { 28 };
            blocks.push(a.allocate(prefix).expect("room"));
        }
        assert_eq!(blocks[0], c("10.0.1.0/28"));
        assert_eq!(blocks[1], c("10.0.1.16/28"));
        assert_eq!(blocks[2], c("10.0.1.64/28"));
        // The first /24 goes after the first thousand /28s, then /28s go on
        // where they were; all are disjoint.
        assert_eq!(blocks[999], c("10.0.64.0/24"));
        assert_eq!(blocks[1000], c("10.0.63.144/28"));
        let mut sorted = blocks.clone();
        sorted.sort();
        assert!(sorted.windows(2).all(|w| w[0].last() < w[1].first()));
        assert!(blocks.iter().all(|b| written.iter().all(|w| !w.overlaps(*b))));
        assert!(a.steps() <= 3 * 40_000, "{} steps", a.steps());

        // 5,000 and 40,000: work per subnet does not grow with the count.
        let work = |n: u32| {
            let mut a = Allocator::new(&pools, &written);
            (0..n).for_each(|_| assert!(a.allocate(28).is_some()));
            a.steps()
        };
        assert!(work(40_000) <= 8 * work(5_000) + 8, "{} vs {}", work(40_000), work(5_000));
    }
}
