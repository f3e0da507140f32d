//! What the placement, limit and naming rules share: a subnet's zone and
//! tier, a node's placement grouped by zone, a region's code and quota
//! properties, and the subnets a help line can name. Not a rule.

use std::collections::{BTreeMap, BTreeSet};

use archc_syntax::{Diagnostic, Fix, Span};

use crate::model::cidr::{Allocator, Cidr};
use crate::model::{CheckedModel, Node, NodeId, NodeKind, SubnetBlock, Tier};

/// The letter of the zone a subnet lies in.
pub(super) fn zone_letter(model: &CheckedModel, subnet: NodeId) -> Option<&str> {
    let NodeKind::Subnet(s) = &model.get(subnet)?.kind else { return None };
    match &model.get(s.zone?)?.kind {
        NodeKind::Az(z) => Some(z.suffix.as_str()),
        _ => None,
    }
}

/// A subnet's tier (`public`, `private`, `isolated`).
pub(super) fn tier(model: &CheckedModel, subnet: NodeId) -> Option<Tier> {
    match &model.get(subnet)?.kind {
        NodeKind::Subnet(s) => s.tier.as_ref().map(|t| t.value),
        _ => None,
    }
}

/// A node's subnets by zone letter, each zone's in placement order.
pub(super) fn by_zone<'m>(model: &'m CheckedModel, node: &Node) -> BTreeMap<&'m str, Vec<NodeId>> {
    let mut out: BTreeMap<&str, Vec<NodeId>> = BTreeMap::new();
    for &s in &node.placement {
        if let Some(z) = zone_letter(model, s) {
            let list = out.entry(z).or_default();
            if !list.contains(&s) {
                list.push(s);
            }
        }
    }
    out
}

/// The subnets of `vpc` of `tiers` (in that order of preference) in zones
/// not in `taken`: the first of each zone, zones in declaration order (what
/// a help line offers to add). Reads only the VPC's own zones.
pub(super) fn subnets_in_other_zones<'m>(
    model: &'m CheckedModel,
    vpc: Option<NodeId>,
    tiers: &[Tier],
    taken: &BTreeSet<&str>,
) -> Vec<(&'m str, NodeId)> {
    let Some(vpc) = vpc else { return Vec::new() };
    let mut seen: BTreeSet<&str> = taken.clone();
    let mut out = Vec::new();
    for t in tiers {
        for (zone_id, zone) in model.children(vpc) {
            let NodeKind::Az(z) = &zone.kind else { continue };
            if seen.contains(z.suffix.as_str()) {
                continue;
            }
            let first = model.children(zone_id).map(|(id, _)| id).find(|id| tier(model, *id) == Some(*t));
            if let Some(id) = first {
                seen.insert(z.suffix.as_str());
                out.push((z.suffix.as_str(), id));
            }
        }
    }
    out
}

/// When no zone but `taken` has a subnet of `tier`: the declaration of
/// one like `like` (same tier, same size, its name with the zone letter
/// changed; no block where archc chose `like`'s) in the first other zone of `vpc`, with a free block:
/// `(zone, "isolated subnet data_b 10.40.65.0/24")`. None when the VPC has
/// no other zone, no free block, or the name is taken.
pub(super) fn new_subnet_like<'m>(
    model: &'m CheckedModel,
    vpc: Option<NodeId>,
    like: NodeId,
    taken: &BTreeSet<&str>,
) -> Option<(&'m str, String)> {
    let vpc_id = vpc?;
    let NodeKind::Vpc(v) = &model.get(vpc_id)?.kind else { return None };
    let node = model.get(like)?;
    let NodeKind::Subnet(s) = &node.kind else { return None };
    let tier = s.tier.as_ref()?.value;
    let written = matches!(s.cidr, SubnetBlock::Written(_));
    let zone = model.children(vpc_id).find_map(|(_, z)| match &z.kind {
        NodeKind::Az(z) if !taken.contains(z.suffix.as_str()) => Some(z.suffix.as_str()),
        _ => None,
    })?;
    let base = zone_letter(model, like)
        .and_then(|own| node.name.strip_suffix(own)?.strip_suffix('_'))
        .unwrap_or(node.name.as_str());
    let name = format!("{base}_{zone}");
    if model.nodes().iter().any(|n| n.name == name) {
        return None;
    }
    if !written {
        // archc chose the block of `like`: it chooses this one too.
        return Some((zone, format!("{tier} subnet {name}")));
    }
    let prefix = s.cidr.cidr()?.prefix;
    let used: Vec<Cidr> = model
        .nodes()
        .iter()
        .filter(|n| n.vpc == Some(vpc_id))
        .filter_map(|n| match &n.kind {
            NodeKind::Subnet(s) => s.cidr.cidr().map(Cidr::network),
            _ => None,
        })
        .collect();
    let pools: Vec<Cidr> = v.blocks.iter().map(|b| b.value.network()).collect();
    let free = Allocator::new(&pools, &used).allocate(prefix)?;
    Some((zone, format!("{tier} subnet {name} {free}")))
}

/// `a private`, `an isolated`: a tier with its article.
pub(super) fn a_tier(t: Tier) -> String {
    match t {
        Tier::Isolated => format!("an {t}"),
        _ => format!("a {t}"),
    }
}

/// `\`a\``, `\`a\` and \`b\``, `\`a\`, \`b\` and \`c\``.
pub(super) fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items.iter().map(|w| format!("`{}`", w.as_ref())).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// An unsafe fix that appends `, NAME` to a node's `in` list.
pub(super) fn append_to_placement(node: &Node, name: &str) -> Option<Fix> {
    let span = node.placement_span?;
    if span.is_detached() {
        return None;
    }
    Some(Fix::unsafe_edit(Span { file: span.file, start: span.end, end: span.end }, format!(", {name}")))
}

/// Tells how to give `node`, whose subnets are all in the zones `taken`, a
/// second zone: a subnet of another zone, the first found of `tiers` (its
/// own tier first), labelled, named in the help (after `lead`) and added by
/// an unsafe fix; where it is not of the node's own tier and a subnet of
/// that tier can be declared, the help offers that line first; where no
/// other zone has a subnet, the line that declares one.
pub(super) fn second_zone(
    model: &CheckedModel,
    node: &Node,
    taken: &BTreeSet<&str>,
    tiers: &[Tier],
    lead: &str,
    mut d: Diagnostic,
) -> Diagnostic {
    let own = tiers.first().copied().unwrap_or(Tier::Private);
    let other = subnets_in_other_zones(model, node.vpc, tiers, taken);
    let declare = node.placement.first().and_then(|like| new_subnet_like(model, node.vpc, *like, taken));
    match other.first().and_then(|(z, id)| Some((*z, *id, model.get(*id)?))) {
        Some((z, id, subnet)) => {
            let other_tier = tier(model, id).unwrap_or(own);
            let add = format!("add `{}` (zone `{z}`) to its `in` list", subnet.name);
            let help = match &declare {
                Some((nz, line)) if other_tier != own => format!(
                    "no other zone has {} subnet: declare `{line}` in `az {nz}` and add it to the `in` list, or \
                     {add} ({} subnet)",
                    a_tier(own),
                    a_tier(other_tier)
                ),
                _ => add,
            };
            d = d
                .with_label(subnet.name_span, format!("{} subnet in zone `{z}`", a_tier(other_tier)))
                .with_help(format!("{lead}{help}"));
            if let Some(fix) = append_to_placement(node, &subnet.name) {
                d = d.with_fix(fix);
            }
            d
        }
        None => d.with_help(match &declare {
            Some((nz, line)) => format!("{lead}declare `{line}` in `az {nz}` and add it to the `in` list"),
            None => {
                format!("{lead}declare {} subnet in a second `az` of the VPC and add it to the `in` list", a_tier(own))
            }
        }),
    }
}
