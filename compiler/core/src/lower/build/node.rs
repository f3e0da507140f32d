//! One node: its place in the containment tree, its placement (and the VPC
//! that gives a region-level resource), its data, and the NAT gateway and
//! network ACL details that need their own checks.

use archc_syntax::{Diagnostic, Fix, Span};

use super::super::expand::RawNode;
use super::super::typed;
use super::props::Props;
use super::Builder;
use crate::diag::codes;
use crate::model::kinds::{Kind, COMMON_PROPS};
use crate::model::*;

impl Builder<'_> {
    pub(super) fn node(&mut self, raw: &RawNode, model: &Model) -> Node {
        let kind = raw.kind;
        let parent = raw.parent.map(NodeId);
        let region = if kind == Kind::Region { None } else { self.ancestor(model, parent, Kind::Region) };
        let enclosing_vpc = if kind == Kind::Vpc { None } else { self.ancestor(model, parent, Kind::Vpc) };
        let owner = format_args!("{} `{}`", kind.keyword(), raw.name);
        let props = self.props(&owner, &[kind.spec().props, COMMON_PROPS], &raw.props, raw.scope);
        let blocks = self.args(raw);
        let (mut placement, placed_vpc) = self.placement(raw, model, enclosing_vpc, region);
        let vpc = enclosing_vpc.or(placed_vpc);
        let in_subnet = parent.and_then(|p| model.get(p)).is_some_and(|n| n.kind() == Kind::Subnet);
        if kind == Kind::Ec2 && in_subnet {
            placement = parent.into_iter().collect();
        }

        let node_kind = self.kind_data(raw, model, &props, blocks, parent, region);
        Node {
            id: raw.id.clone(),
            name: raw.name.clone(),
            name_span: raw.name_span,
            span: raw.span,
            parent,
            region,
            vpc,
            placement,
            placement_span: raw.placement.as_ref().map(|(s, refs)| refs.iter().fold(*s, |acc, r| acc.join(r.span))),
            label: props.text("label"),
            description: props.text("description"),
            expansion: raw.expansion.clone(),
            kind: node_kind,
        }
    }

    /// The subnets of `in`, resolved, and the VPC they give a resource
    /// declared at region level (LANGUAGE.md §4): every subnet must belong
    /// to one VPC, the enclosing one if there is one.
    pub(super) fn placement(
        &mut self,
        raw: &RawNode,
        model: &Model,
        enclosing: Option<NodeId>,
        region: Option<NodeId>,
    ) -> (Vec<NodeId>, Option<NodeId>) {
        let mut placement = Vec::new();
        let mut vpc = enclosing;
        // The first subnet that decided the VPC of a region-level resource.
        let mut decided_by: Option<(String, Span)> = None;
        let Some((_, refs)) = &raw.placement else { return (placement, None) };
        let name_of = |id: Option<NodeId>| id.and_then(|v| model.get(v)).map(|n| n.name.clone()).unwrap_or_default();
        for r in refs {
            let Some(id) = self.resolve(r, &[Kind::Subnet]) else { continue };
            let subnet_vpc = self.ancestor(model, model.get(id).and_then(|n| n.parent), Kind::Vpc);
            let subnet_span = model.get(id).map_or(r.span, |n| n.name_span);
            match (vpc, subnet_vpc) {
                (Some(v), Some(sv)) if v != sv => {
                    let (vpc_name, own) = (name_of(subnet_vpc), name_of(vpc));
                    let mut d = match &decided_by {
                        None => Diagnostic::new(
                            codes::PLACEMENT_OTHER_VPC,
                            r.span,
                            format!(
                                "`{}` is a subnet of vpc `{vpc_name}`, but `{}` is declared in vpc `{own}`",
                                r.text, raw.name
                            ),
                        )
                        .with_help("place a resource only in subnets of its own VPC"),
                        Some((first, first_span)) => Diagnostic::new(
                            codes::PLACEMENT_OTHER_VPC,
                            r.span,
                            format!(
                                "`{}` is a subnet of vpc `{vpc_name}`, but `{first}` is a subnet of vpc `{own}`",
                                r.text
                            ),
                        )
                        .with_label(*first_span, format!("this subnet puts `{}` in vpc `{own}`", raw.name))
                        .with_help("a resource is placed in subnets of one VPC"),
                    };
                    d = d.with_label(subnet_span, format!("declared in vpc `{vpc_name}`"));
                    self.diags.push(d);
                    continue;
                }
                (None, Some(sv)) => {
                    let vpc_region = self.ancestor(model, Some(sv), Kind::Region);
                    if region.is_some() && vpc_region != region {
                        self.diags.push(
                            Diagnostic::new(
                                codes::PLACEMENT_OTHER_VPC,
                                r.span,
                                format!(
                                    "`{}` is a subnet of vpc `{}` in region `{}`, but `{}` is declared in region `{}`",
                                    r.text,
                                    name_of(Some(sv)),
                                    name_of(vpc_region),
                                    raw.name,
                                    name_of(region)
                                ),
                            )
                            .with_label(subnet_span, "declared here")
                            .with_help("place a resource in subnets of a VPC of its own region"),
                        );
                        continue;
                    }
                    vpc = Some(sv);
                    decided_by = Some((r.text.clone(), r.span));
                }
                _ => {}
            }
            if placement.contains(&id) {
                self.diags.push(Diagnostic::new(
                    codes::DUPLICATE_PROPERTY,
                    r.span,
                    format!("`{}` is listed twice", r.text),
                ));
                continue;
            }
            placement.push(id);
        }
        (placement, if enclosing.is_none() { vpc } else { None })
    }

    pub(super) fn nat(&mut self, raw: &RawNode, props: &Props, parent: Option<NodeId>, in_vpc: bool) -> NodeKind {
        let connectivity = Props::or(props.word("type"), defaults::NAT_CONNECTIVITY, raw.name_span);
        let mode = Props::or(props.word("mode"), defaults::NAT_MODE, raw.name_span);
        if !raw.misplaced {
            if in_vpc && mode.value == NatMode::Zonal {
                self.diags.push(
                    Diagnostic::new(codes::WRONG_PLACE, raw.name_span, format!("the zonal NAT gateway `{}` is declared in a vpc", raw.name))
                        .with_help("declare a zonal NAT gateway inside its subnet's `{ }`, or write `mode: regional` for one that serves every zone"),
                );
            } else if !in_vpc && mode.value == NatMode::Regional {
                self.diags.push(
                    Diagnostic::new(
                        codes::WRONG_PLACE,
                        mode.span,
                        format!("the regional NAT gateway `{}` is declared in a subnet", raw.name),
                    )
                    .with_help("a regional NAT gateway belongs to the vpc: declare it in the vpc's `{ }`"),
                );
            }
        }
        let subnet = if in_vpc { None } else { parent };
        NodeKind::Nat(NatGateway { connectivity, mode, subnet })
    }

    pub(super) fn nacl_rules(&mut self, raw: &RawNode) -> Vec<NaclRule> {
        let mut out = Vec::new();
        for r in &raw.nacl_rules {
            // The grammar admits only these words here.
            let (Some(action), Some(direction)) =
                (Action::from_word(&r.action.text), RuleDirection::from_word(&r.direction.text))
            else {
                continue;
            };
            let expected_peer = if direction == RuleDirection::In { "from" } else { "to" };
            if r.peer_keyword.text != expected_peer {
                self.diags.push(
                    Diagnostic::new(
                        codes::NACL_RULE,
                        r.peer_keyword.span,
                        format!("an `{}` rule names its remote block with `{expected_peer}`", r.direction.text),
                    )
                    .with_fix(Fix::safe(r.peer_keyword.span, expected_peer)),
                );
            }
            let number = r.number.first().and_then(typed::int);
            let number = match number {
                Some(n) if (1..=32766).contains(&n) => Spanned::new(u32::try_from(n).unwrap_or(0), r.number[0].span),
                _ => {
                    let span = r.number.first().map_or(r.span, |v| v.span);
                    self.diags.push(
                        Diagnostic::new(
                            codes::NACL_RULE,
                            span,
                            "a network ACL rule number is a whole number from 1 to 32766",
                        )
                        .with_help(
                            "rules are evaluated lowest number first; leave gaps (100, 200…) to insert rules later",
                        ),
                    );
                    continue;
                }
            };
            let Some(ports) = typed::ports(&r.ports, self.diags) else { continue };
            let Some(cidr) = r.peer.first().and_then(|v| self.cidr(v)) else { continue };
            out.push(NaclRule { action, direction, number, ports, cidr, span: r.span });
        }
        out
    }
}
