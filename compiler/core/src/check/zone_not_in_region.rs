//! E0501: an `az` whose letter its region does not have.

use super::zones::and_list;
use super::{rule, Context, Report, Rule};
use crate::model::regions;
use crate::model::NodeKind;

rule! {
    /// # E0501: zone not in region
    ///
    /// An `az` names an Availability Zone by its letter, and the zone is the
    /// region's code followed by that letter: `az d` in `us-west-1` is
    /// `us-west-1d`, which does not exist. AWS refuses a subnet in a zone the
    /// region does not have, so the design cannot be deployed as written. The
    /// help lists the letters the region has.
    ///
    /// Regions have three or more zones, but their letters are not always
    /// `a`, `b`, `c`: `ca-central-1` has `a`, `b` and `d`; `us-east-1` has `a`
    /// to `f`. In the oldest regions AWS maps letters to zones per account, so
    /// archc accepts every letter some account has (`us-west-1`: `a`, `b`,
    /// `c`, though each account sees two of them). The table of regions and
    /// letters is data (`compiler/core/src/model/regions.rs`, with its
    /// sources); a region missing from it is not checked. See
    /// [AWS Availability Zones](https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-west-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az d {
    ///       private subnet app_d
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0501]: `us-west-1` has no zone `d`
    /// ```
    ///
    /// The help offers the nearest letter the region has that no other zone
    /// of the VPC uses (`did you mean \`az c\`?`).
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-west-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az c {
    ///       private subnet app_c
    ///     }
    ///   }
    /// }
    /// ```
    pub struct ZoneNotInRegion;
}

impl Rule for ZoneNotInRegion {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        for node in cx.model.nodes() {
            let NodeKind::Az(zone) = &node.kind else { continue };
            let Some(region) = node.region.and_then(|r| cx.model.get(r)) else { continue };
            let NodeKind::Region(data) = &region.kind else { continue };
            let Some(known) = regions::region(&data.code) else { continue };
            let mut letters = zone.suffix.chars();
            let (Some(letter), None) = (letters.next(), letters.next()) else { continue };
            if known.zones.contains(&letter) {
                continue;
            }
            let names: Vec<String> = known.zones.iter().map(|c| c.to_string()).collect();
            let used: Vec<&str> = node
                .parent
                .map(|p| {
                    cx.model
                        .children(p)
                        .filter_map(|(_, n)| match &n.kind {
                            NodeKind::Az(z) => Some(z.suffix.as_str()),
                            _ => None,
                        })
                        .collect()
                })
                .unwrap_or_default();
            // The nearest letter in the alphabet (the later of two as near)
            // that no other zone of this VPC uses: `az d` in `us-west-1`
            // offers `c`.
            let distance = |n: &String| n.chars().next().map_or(u32::MAX, |c| (c as u32).abs_diff(letter as u32));
            let offer = names
                .iter()
                .filter(|n| !used.contains(&n.as_str()))
                .min_by_key(|n| (distance(n), std::cmp::Reverse(n.as_str())))
                .or(names.last());
            let d = report
                .diagnostic(node.name_span, format!("`{}` has no zone `{letter}`", known.code))
                .with_span_label(format!("`{}{letter}` does not exist", known.code))
                .with_label(region.name_span, format!("{} ({})", known.code, known.name))
                .with_help(format!(
                    "the zones of `{}` are {}: did you mean `az {}`?",
                    known.code,
                    and_list(&names),
                    offer.map_or("a", String::as_str)
                ));
            report.push(d);
        }
    }
}
