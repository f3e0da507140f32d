//! `Cidr::contains`, `Cidr::overlaps` and allocation against brute force
//! over addresses: small blocks (/20 to /32) inside one /20 window, so every
//! address of both blocks can be enumerated.

use std::collections::BTreeSet;

use archc_core::model::cidr::{allocate, Allocator, Cidr};
use proptest::prelude::*;

/// The window every block of these tests lies in: 10.1.16.0/20.
const WINDOW: u32 = 0x0a01_1000;
const WINDOW_SIZE: u32 = 1 << 12;

/// The addresses of a block, one by one (the brute force).
fn addresses(c: Cidr) -> BTreeSet<u32> {
    let size = 1u64 << (32 - u32::from(c.prefix));
    let base = c.network().address();
    (0..size).map(|i| base.wrapping_add(i as u32)).collect()
}

/// A block of prefix /20–/32 in the window, with its host bits possibly set
/// (the model keeps them; every query reads the block it denotes).
fn block() -> impl Strategy<Value = Cidr> {
    (20u8..=32, 0..WINDOW_SIZE).prop_map(|(prefix, offset)| {
        let written = WINDOW + offset;
        Cidr::parse(&format!("{}/{prefix}", std::net::Ipv4Addr::from(written))).expect("a valid literal")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]

    /// `a.contains(b)` iff every address of b is an address of a.
    #[test]
    fn contains_is_address_inclusion(a in block(), b in block()) {
        let (sa, sb) = (addresses(a), addresses(b));
        prop_assert_eq!(a.contains(b), sb.is_subset(&sa), "{} contains {}", a, b);
    }

    /// `a.overlaps(b)` iff they share an address, and it is symmetric.
    #[test]
    fn overlaps_is_a_shared_address(a in block(), b in block()) {
        let (sa, sb) = (addresses(a), addresses(b));
        let shared = !sa.is_disjoint(&sb);
        prop_assert_eq!(a.overlaps(b), shared, "{} overlaps {}", a, b);
        prop_assert_eq!(b.overlaps(a), shared);
    }

    /// first/last/size describe exactly the block's addresses.
    #[test]
    fn first_last_size_are_the_addresses(a in block()) {
        let sa = addresses(a);
        prop_assert_eq!(a.size(), sa.len() as u64);
        prop_assert_eq!(Some(&a.first()), sa.iter().next());
        prop_assert_eq!(Some(&a.last()), sa.iter().next_back());
    }

    /// Blocks allocated one after another from the window, around blocks
    /// already written, never share an address with each other nor with
    /// what was taken, lie inside the pool, and are aligned; and when the
    /// allocator says there is no room, brute force finds no free aligned
    /// block of that size either.
    #[test]
    fn allocation_never_overlaps(
        taken in proptest::collection::vec(block(), 0..6),
        sizes in proptest::collection::vec(22u8..=30, 1..24),
    ) {
        let pool = Cidr::parse("10.1.16.0/20").expect("pool");
        let mut used: BTreeSet<u32> = taken.iter().flat_map(|t| addresses(*t)).collect();
        let mut alloc = Allocator::new(&[pool], &taken);
        let mut so_far = taken.clone();
        for prefix in sizes {
            let got = alloc.allocate(prefix);
            // The one-shot function agrees with the incremental allocator.
            prop_assert_eq!(allocate(&[pool], &so_far, prefix), got);
            match got {
                Some(b) => {
                    prop_assert_eq!(b.prefix, prefix);
                    prop_assert!(!b.has_host_bits(), "{} is not aligned", b);
                    prop_assert!(pool.contains(b), "{} outside the pool", b);
                    let sb = addresses(b);
                    prop_assert!(sb.is_disjoint(&used), "{} overlaps a taken address", b);
                    // It is the lowest free aligned block.
                    let step = 1u32 << (32 - u32::from(prefix));
                    let mut at = pool.first();
                    while at < b.first() {
                        prop_assert!((at..at + step).any(|x| used.contains(&x)), "a lower free block at {}", at);
                        at += step;
                    }
                    used.extend(sb);
                    so_far.push(b);
                }
                None => {
                    let step = 1u32 << (32 - u32::from(prefix));
                    let mut at = pool.first();
                    while at < pool.first() + WINDOW_SIZE {
                        prop_assert!((at..at + step).any(|x| used.contains(&x)), "free /{} at {} missed", prefix, at);
                        at += step;
                    }
                }
            }
        }
    }
}
