//! W0304: a private subnet whose default route goes to a NAT gateway in
//! another zone (read from the plan's route tables).

use archc_syntax::{Fix, Span};

use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::model::{Model, NodeId, NodeKind, Tier};
use crate::plan::{Destination, RouteTarget};

rule! {
    /// # W0304: NAT gateway in another zone
    ///
    /// A private subnet sends its internet traffic (its `0.0.0.0/0` route) through a
    /// NAT gateway in another availability zone. archc gives each private subnet the
    /// NAT gateway of its own zone, else a regional NAT gateway of the VPC; only when
    /// there is neither does it route to a NAT gateway in another zone, and warns.
    ///
    /// A zonal NAT gateway lives in one zone. When that zone fails, every subnet that
    /// routes through it loses its way out, so a design spread over two zones for
    /// availability still depends on one; and traffic that crosses zones is billed
    /// both for the crossing and for the NAT gateway's processing. AWS's advice is
    /// one NAT gateway per zone, each zone's private subnets routing to their own
    /// (see [NAT gateways](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html)
    /// and [NAT gateway basics](https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html)),
    /// or a regional NAT gateway, which serves every zone of the VPC.
    ///
    /// When the zone's public subnet is written without a body, the diagnostic
    /// carries the edit that adds ` { nat NAME }` to it; it is *unsafe* (a NAT
    /// gateway is billed by the hour, and a regional one may suit you better), so
    /// `archc check --fix` applies it only with `--unsafe-fixes`.
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24 {
    ///         nat nat_a
    ///       }
    ///       private subnet app_a 10.0.10.0/24
    ///     }
    ///     az b {
    ///       public subnet pub_b 10.0.1.0/24
    ///       private subnet app_b 10.0.11.0/24
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// warning[W0304]: private subnet `app_b` in zone us-east-1b reaches the internet through NAT gateway `nat_a` in zone us-east-1a
    /// ```
    ///
    /// ## Fix
    ///
    /// Add a NAT gateway to the public subnet of the subnet's zone (or declare one
    /// NAT gateway with `mode: regional` in the VPC):
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24 {
    ///         nat nat_a
    ///       }
    ///       private subnet app_a 10.0.10.0/24
    ///     }
    ///     az b {
    ///       public subnet pub_b 10.0.1.0/24 {
    ///         nat nat_b
    ///       }
    ///       private subnet app_b 10.0.11.0/24
    ///     }
    ///   }
    /// }
    /// ```
    pub struct CrossAzNat;
}

impl Rule for CrossAzNat {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let model = cx.model;
        for rt in &cx.plan.route_tables {
            let Some(subnet) = model.get(rt.subnet) else { continue };
            let NodeKind::Subnet(s) = &subnet.kind else { continue };
            if s.tier.as_ref().map(|t| t.value) != Some(Tier::Private) {
                continue;
            }
            let Some(zone) = s.zone else { continue };
            let nat = rt.routes.iter().find_map(|r| match (r.destination, r.target) {
                (Destination::Cidr(c), RouteTarget::NatGateway(n)) if c.prefix == 0 => Some(n),
                _ => None,
            });
            let Some(nat) = nat else { continue };
            let Some(nat_zone) = zonal_nat_zone(model, nat) else { continue };
            if nat_zone == zone {
                continue;
            }
            let nat_node = model.node(nat);
            let d = report
                .diagnostic(
                    subnet.name_span,
                    format!(
                        "private subnet `{}` in zone {} reaches the internet through NAT gateway `{}` in zone {}",
                        subnet.name,
                        zone_name(model, zone),
                        nat_node.name,
                        zone_name(model, nat_zone)
                    ),
                )
                .with_span_label(format!("its 0.0.0.0/0 route goes to `{}` in another zone", nat_node.name))
                .with_label(nat_node.name_span, format!("the NAT gateway is in zone {}", zone_name(model, nat_zone)))
                .with_help(help(model, rt.vpc, zone));
            let d = match fix(model, zone) {
                Some(f) => d.with_fix(f),
                None => d,
            };
            report.push(d);
        }
    }
}

/// The zone of a zonal NAT gateway (None for a regional one).
fn zonal_nat_zone(model: &Model, nat: NodeId) -> Option<NodeId> {
    let NodeKind::Nat(n) = &model.get(nat)?.kind else { return None };
    match &model.get(n.subnet?)?.kind {
        NodeKind::Subnet(s) => s.zone,
        _ => None,
    }
}

/// `us-east-1b`, or the zone letter outside a region.
fn zone_name(model: &Model, zone: NodeId) -> String {
    match model.get(zone).map(|z| (&z.kind, &z.name)) {
        Some((NodeKind::Az(z), name)) => z.zone_name.clone().unwrap_or_else(|| name.clone()),
        _ => String::from("?"),
    }
}

/// A name for the zone's NAT gateway that no node has: `nat_c`, `nat_c2`…
fn nat_name(model: &Model, zone: NodeId) -> String {
    let letter = model.get(zone).map_or("", |z| z.name.as_str());
    let taken = |name: &str| model.nodes().iter().any(|n| n.name == name);
    let mut name = format!("nat_{letter}");
    let mut i = 2;
    while taken(&name) && i < 100 {
        name = format!("nat_{letter}{i}");
        i += 1;
    }
    name
}

/// The zone's first public subnet.
fn public_subnet(model: &Model, zone: NodeId) -> Option<(NodeId, &crate::model::Node)> {
    model.of_kind(Kind::Subnet).find(|(_, n)| match &n.kind {
        NodeKind::Subnet(s) => s.zone == Some(zone) && s.tier.as_ref().is_some_and(|t| t.value == Tier::Public),
        _ => false,
    })
}

/// When the zone's public subnet is declared without a body (the common
/// case: `public subnet pub_c 10.0.1.0/24`), the edit that gives it a NAT
/// gateway: ` { nat nat_c }` after the declaration. Unsafe: it adds a
/// billed resource, and a regional NAT gateway is the other fix.
fn fix(model: &Model, zone: NodeId) -> Option<Fix> {
    let (_, p) = public_subnet(model, zone)?;
    let NodeKind::Subnet(s) = &p.kind else { return None };
    if !p.expansion.is_empty() {
        return None; // declared by a component: the fix belongs in its body
    }
    let head_end = match &s.cidr {
        crate::model::SubnetBlock::Written(c) => c.span.end.max(p.name_span.end),
        _ => p.name_span.end,
    };
    if p.span.end != head_end || p.span.is_detached() {
        return None; // it has a body: the help says where the line goes
    }
    let at = Span { file: p.span.file, start: p.span.end, end: p.span.end };
    Some(Fix::unsafe_edit(at, format!(" {{ nat {} }}", nat_name(model, zone))))
}

/// The line to add: a NAT gateway in the zone's first public subnet, or a
/// regional one.
fn help(model: &Model, vpc: NodeId, zone: NodeId) -> String {
    let letter = model.get(zone).map_or("", |z| z.name.as_str());
    let vpc_name = model.get(vpc).map_or("", |v| v.name.as_str());
    let name = nat_name(model, zone);
    let public = public_subnet(model, zone);
    match public {
        Some((_, p)) => format!(
            "add `nat {name}` inside public subnet `{}` (zone {}), or declare `nat NAME {{ mode: regional }}` in vpc `{vpc_name}` to serve every zone",
            p.name,
            zone_name(model, zone)
        ),
        None => format!(
            "add a public subnet to az {letter} with `nat {name}` inside it, or declare `nat NAME {{ mode: regional }}` in vpc `{vpc_name}` to serve every zone"
        ),
    }
}
