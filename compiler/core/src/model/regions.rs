//! The AWS commercial Regions archc knows, with the zone letters each has,
//! as data (rule E0501 reads it).
//!
//! Sources: *AWS Availability Zones* (the AZ IDs of every Region,
//! <https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html>)
//! and *AZ IDs* (<https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html>),
//! read 2026-12, with the zone names that `aws ec2 describe-availability-zones`
//! gives. The letters are names, not places: in the oldest Regions AWS maps
//! letters to zones per account (for accounts created before November 2025;
//! newer accounts get one mapping), so a letter that exists for some
//! accounts is listed:
//!
//! - `us-west-1` has two zones per account, named `a` and `c` for some
//!   accounts and `b` and `c` for others: `a`, `b`, `c` are listed.
//! - `ap-northeast-1` has three zones for accounts created since 2012
//!   (`a`, `c`, `d`); `b` exists only for older accounts: it is listed.
//! - `ca-central-1` names its zones `a`, `b`, `d` (there is no `c`).
//!
//! A Region missing from this table (a new one, GovCloud, China, an
//! opt-in Region added after the date above) is not checked: archc says
//! nothing rather than refuse a zone it cannot judge. Adding a Region is
//! one row.

/// A Region and the letters of its Availability Zones, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionZones {
    pub code: &'static str,
    pub name: &'static str,
    pub zones: &'static [char],
}

const fn r(code: &'static str, name: &'static str, zones: &'static [char]) -> RegionZones {
    RegionZones { code, name, zones }
}

const ABC: &[char] = &['a', 'b', 'c'];

/// Every commercial Region archc knows, sorted by code.
pub const REGIONS: &[RegionZones] = &[
    r("af-south-1", "Africa (Cape Town)", ABC),
    r("ap-east-1", "Asia Pacific (Hong Kong)", ABC),
    r("ap-east-2", "Asia Pacific (Taipei)", ABC),
    r("ap-northeast-1", "Asia Pacific (Tokyo)", &['a', 'b', 'c', 'd']),
    r("ap-northeast-2", "Asia Pacific (Seoul)", &['a', 'b', 'c', 'd']),
    r("ap-northeast-3", "Asia Pacific (Osaka)", ABC),
    r("ap-south-1", "Asia Pacific (Mumbai)", ABC),
    r("ap-south-2", "Asia Pacific (Hyderabad)", ABC),
    r("ap-southeast-1", "Asia Pacific (Singapore)", ABC),
    r("ap-southeast-2", "Asia Pacific (Sydney)", ABC),
    r("ap-southeast-3", "Asia Pacific (Jakarta)", ABC),
    r("ap-southeast-4", "Asia Pacific (Melbourne)", ABC),
    r("ap-southeast-5", "Asia Pacific (Malaysia)", ABC),
    r("ap-southeast-6", "Asia Pacific (New Zealand)", ABC),
    r("ap-southeast-7", "Asia Pacific (Thailand)", ABC),
    r("ca-central-1", "Canada (Central)", &['a', 'b', 'd']),
    r("ca-west-1", "Canada West (Calgary)", ABC),
    r("eu-central-1", "Europe (Frankfurt)", ABC),
    r("eu-central-2", "Europe (Zurich)", ABC),
    r("eu-north-1", "Europe (Stockholm)", ABC),
    r("eu-south-1", "Europe (Milan)", ABC),
    r("eu-south-2", "Europe (Spain)", ABC),
    r("eu-west-1", "Europe (Ireland)", ABC),
    r("eu-west-2", "Europe (London)", ABC),
    r("eu-west-3", "Europe (Paris)", ABC),
    r("il-central-1", "Israel (Tel Aviv)", ABC),
    r("me-central-1", "Middle East (UAE)", ABC),
    r("me-south-1", "Middle East (Bahrain)", ABC),
    r("mx-central-1", "Mexico (Central)", ABC),
    r("sa-east-1", "South America (São Paulo)", ABC),
    r("us-east-1", "US East (N. Virginia)", &['a', 'b', 'c', 'd', 'e', 'f']),
    r("us-east-2", "US East (Ohio)", ABC),
    r("us-west-1", "US West (N. California)", ABC),
    r("us-west-2", "US West (Oregon)", &['a', 'b', 'c', 'd']),
];

/// The Region with this code, if archc knows it.
pub fn region(code: &str) -> Option<&'static RegionZones> {
    REGIONS.binary_search_by(|r| r.code.cmp(code)).ok().and_then(|i| REGIONS.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_sorted_unique_with_ordered_letters() {
        assert!(REGIONS.windows(2).all(|w| w[0].code < w[1].code));
        for r in REGIONS {
            assert!(r.zones.len() >= 3, "{}", r.code);
            assert!(r.zones.windows(2).all(|w| w[0] < w[1]), "{}", r.code);
        }
        assert_eq!(region("us-east-1").map(|r| r.zones.len()), Some(6));
        assert_eq!(region("ca-central-1").map(|r| r.zones), Some(&['a', 'b', 'd'][..]));
        assert!(region("us-gov-west-1").is_none());
    }
}
