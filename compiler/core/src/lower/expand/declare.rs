//! One declaration: where it stands, its modifiers, name, arguments and
//! placement, its qualified id, and the merging of regions and zones by code.

use archc_syntax::ast;
use archc_syntax::{Diagnostic, Span};

use super::{Ctx, Expander, RawNode, RawRef};
use crate::diag::codes;
use crate::lower::scope::Entity;
use crate::model::kinds::{InRule, Kind, NameRule, Place};

impl Expander<'_> {
    /// Reports a declaration standing where its kind may not; true if so.
    pub(super) fn check_place(&mut self, kind: Kind, d: &ast::Decl, ctx: &Ctx) -> bool {
        let spec = kind.spec();
        // A kind that lives in a VPC may stand at region level when it is
        // placed `in` subnets: it belongs to their VPC (LANGUAGE.md §4).
        let placed_from_region = ctx.place == Some(Place::Region)
            && d.placement.is_some()
            && spec.places.contains(&Place::Vpc)
            && spec.placement != InRule::Never;
        match ctx.place {
            Some(place) if spec.places.contains(&place) || placed_from_region => false,
            _ => {
                let belongs: Vec<&str> = spec.places.iter().map(|p| p.describe()).collect();
                let here = ctx.place.map_or_else(
                    || {
                        ctx.owner.map_or("here".to_string(), |o| {
                            format!("inside {} `{}`", self.raw.nodes[o].kind.keyword(), self.raw.nodes[o].name)
                        })
                    },
                    |p| p.describe().to_string(),
                );
                self.diags.push(
                    Diagnostic::new(
                        codes::WRONG_PLACE,
                        d.kind.span,
                        format!("`{}` cannot be declared {here}", spec.keyword),
                    )
                    .with_help(format!("`{}` is declared {}", spec.keyword, belongs.join(" or "))),
                );
                true
            }
        }
    }

    /// Reports modifiers the kind does not take (and a subnet's or
    /// endpoint's missing or doubled type); returns the valid ones.
    pub(super) fn check_modifiers<'d>(&mut self, kind: Kind, d: &'d ast::Decl) -> Vec<&'d ast::Ident> {
        let spec = kind.spec();
        for m in &d.modifiers {
            if !spec.modifiers.contains(&m.text.as_str()) {
                let help = if spec.modifiers.is_empty() {
                    format!("`{}` takes no modifiers", spec.keyword)
                } else {
                    format!("`{}` takes {}", spec.keyword, crate::model::kinds::one_of(spec.modifiers))
                };
                self.diags.push(
                    Diagnostic::new(
                        codes::UNEXPECTED_PART,
                        m.span,
                        format!("`{}` is not a modifier of `{}`", m.text, spec.keyword),
                    )
                    .with_help(help),
                );
            }
        }
        let valid_mods: Vec<&ast::Ident> =
            d.modifiers.iter().filter(|m| spec.modifiers.contains(&m.text.as_str())).collect();
        if matches!(kind, Kind::Subnet | Kind::Endpoint) {
            if valid_mods.is_empty() {
                let (what, forms) = if kind == Kind::Subnet {
                    ("a subnet needs its tier", "`public subnet`, `private subnet` or `isolated subnet`")
                } else {
                    (
                        "an endpoint needs its type",
                        "`gateway endpoint NAME s3` or `interface endpoint NAME SERVICE in SUBNETS`",
                    )
                };
                self.diags
                    .push(Diagnostic::new(codes::MISSING_PART, d.kind.span, what).with_help(format!("write {forms}")));
            } else if valid_mods.len() > 1 {
                self.diags.push(
                    Diagnostic::new(
                        codes::UNEXPECTED_PART,
                        valid_mods[1].span,
                        format!("`{}` has two types", spec.keyword),
                    )
                    .with_label(valid_mods[0].span, "the first"),
                );
            }
        }
        valid_mods
    }

    pub(super) fn declare(&mut self, kind: Kind, d: &ast::Decl, span: Span, ctx: &Ctx) {
        let spec = kind.spec();
        let misplaced = self.check_place(kind, d, ctx);

        let valid_mods = self.check_modifiers(kind, d);

        let Some((name, name_span)) = self.decl_name(kind, d, ctx) else { return };

        let args = self.subst(&ctx.env).values(&d.args);
        let placement = d.placement.as_ref().map(|p| {
            let refs: Vec<RawRef> = p.refs.iter().flat_map(|r| self.refs(r, ctx)).collect();
            (p.keyword, refs)
        });
        self.check_placement(
            kind,
            spec.placement,
            ctx.place,
            &valid_mods,
            placement.as_ref().map(|p| p.0),
            d.kind.span,
            &name,
        );

        // Regions and zones are merged by code, not declared as names.
        let merged = match kind {
            Kind::Region => self.regions.get(&name).copied(),
            Kind::Az => ctx.parent.and_then(|p| self.zones.get(&(p, name.clone())).copied()),
            _ => None,
        };
        let index = match merged {
            Some(i) => i,
            None => {
                let id = self.node_id(kind, &name, ctx);
                // Regions belong to no file or instance (they merge across
                // all of them); a zone belongs to its vpc's scope.
                let scope = match kind {
                    Kind::Region => self.raw.scopes.at(&[]),
                    Kind::Az => ctx.parent.map_or(ctx.scope, |p| self.raw.nodes[p].scope),
                    _ => ctx.scope,
                };
                let node = RawNode {
                    kind,
                    name: name.clone(),
                    name_span,
                    span,
                    scope,
                    parent: if kind == Kind::Region { None } else { ctx.parent },
                    id,
                    modifiers: valid_mods.into_iter().cloned().collect(),
                    args,
                    placement,
                    props: Vec::new(),
                    nacl_rules: Vec::new(),
                    misplaced,
                    expansion: ctx.expansion.clone(),
                };
                let index = self.push_node(node);
                match kind {
                    Kind::Region => {
                        self.regions.insert(name.clone(), index);
                    }
                    Kind::Az => {
                        if let Some(p) = ctx.parent {
                            self.zones.insert((p, name.clone()), index);
                        }
                    }
                    _ if d.name.is_none() => {}
                    _ => {
                        if !self.raw.scopes.declare(ctx.scope, &name, Entity::Node(index), name_span, self.diags) {
                            self.raw.candidates[index].hidden = true;
                        }
                    }
                }
                index
            }
        };

        if let Some(body) = &d.body {
            let place = match kind {
                Kind::Region => Some(Place::Region),
                Kind::Vpc => Some(Place::Vpc),
                Kind::Az => Some(Place::Zone),
                Kind::Subnet => Some(Place::Subnet),
                _ => None,
            };
            let inner = Ctx {
                place,
                parent: if place.is_some() { Some(index) } else { ctx.parent },
                owner: Some(index),
                depth: ctx.depth + 1,
                ..ctx.clone()
            };
            self.stmts(&body.stmts, &inner);
        }
    }

    /// The declaration's name (or code), checked; None when it has none
    /// usable (reported).
    fn decl_name(&mut self, kind: Kind, d: &ast::Decl, ctx: &Ctx) -> Option<(String, Span)> {
        let spec = kind.spec();
        let name = match &d.name {
            Some(n) => match self.single(n, &ctx.env) {
                Some(found) => Some(found),
                // The substitution failed and said why.
                None => return None,
            },
            None => None,
        };
        let found = match (name, spec.name) {
            (Some((n, s)), NameRule::Code) => {
                // A bad code is reported, and the block is still lowered, so
                // the errors inside it are found in the same run.
                self.check_code(kind, &n, s);
                (n, s)
            }
            (Some((n, s)), _) => {
                if !self.check_name(&n, s) {
                    return None;
                }
                (n, s)
            }
            // An unnamed `igw` is the vpc's one gateway: it takes no name in
            // the scope (every vpc may have one), and its id ends in `igw`.
            (None, NameRule::Optional) => (spec.keyword.to_string(), d.kind.span),
            (None, _) => {
                let what = match kind {
                    Kind::Region => "a region needs its code, such as `ap-northeast-2`".to_string(),
                    Kind::Az => "an az needs its letter, such as `a`".to_string(),
                    _ => format!("this `{}` needs a name", spec.keyword),
                };
                let help = match kind {
                    Kind::Region => "write `region CODE { … }`, e.g. `region us-east-1 { … }`".to_string(),
                    Kind::Az => "write `az LETTER { … }`, e.g. `az a { … }`".to_string(),
                    _ => format!("write `{} NAME …`", spec.keyword),
                };
                self.diags.push(Diagnostic::new(codes::MISSING_PART, d.kind.span, what).with_help(help));
                return None;
            }
        };
        Some(found)
    }

    /// `in` where the kind takes it, and only there.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_placement(
        &mut self,
        kind: Kind,
        rule: InRule,
        place: Option<Place>,
        mods: &[&ast::Ident],
        given: Option<Span>,
        at: Span,
        name: &str,
    ) {
        let gateway = mods.iter().any(|m| m.text == "gateway");
        let interface = mods.iter().any(|m| m.text == "interface");
        let required = match kind {
            Kind::Endpoint => interface,
            Kind::Lambda => place == Some(Place::Vpc),
            _ => rule == InRule::Required,
        };
        let forbidden = match kind {
            Kind::Endpoint => gateway,
            _ => rule == InRule::Never,
        };
        match given {
            None if required => {
                let help = match kind {
                    Kind::Lambda => format!("write `lambda {name} in SUBNETS`, or declare it in the region to run it outside any VPC"),
                    Kind::Endpoint => format!("write `interface endpoint {name} SERVICE in SUBNET, SUBNET`: an interface endpoint has a network interface in each"),
                    _ => format!("write `{} {name} in SUBNET, SUBNET`", kind.keyword()),
                };
                self.diags.push(
                    Diagnostic::new(
                        codes::MISSING_PART,
                        at,
                        format!("{} `{name}` needs `in` with the subnets it is placed in", kind.keyword()),
                    )
                    .with_help(help),
                );
            }
            Some(span) if forbidden => {
                let help = match kind {
                    Kind::Endpoint => "a gateway endpoint is added to route tables, not placed in subnets".to_string(),
                    Kind::Ec2 => "an ec2 is placed by declaring it inside its subnet's `{ }`".to_string(),
                    _ => format!("`{}` is not placed in subnets", kind.keyword()),
                };
                self.diags.push(
                    Diagnostic::new(codes::UNEXPECTED_PART, span, format!("`{}` takes no `in`", kind.keyword()))
                        .with_help(help),
                );
            }
            _ => {}
        }
    }

    /// Region codes look like `ap-northeast-2`; zones are one letter.
    pub(super) fn check_code(&mut self, kind: Kind, code: &str, span: Span) -> bool {
        let ok = match kind {
            Kind::Region => is_region_code(code),
            _ => code.len() == 1 && code.chars().all(|c| c.is_ascii_lowercase()),
        };
        if !ok {
            let (msg, help) = if kind == Kind::Region {
                (
                    format!("`{code}` is not an AWS region code"),
                    "region codes look like `us-east-1`, `eu-west-2` or `ap-northeast-2`",
                )
            } else {
                (format!("`{code}` is not a zone letter"), "an az is named by its letter: `az a`, `az b`…")
            };
            self.diags.push(Diagnostic::new(codes::MALFORMED_LITERAL, span, msg).with_help(help));
        }
        ok
    }

    /// The qualified id: the parent's id, then the instance names between
    /// the parent's scope and this one, then the name.
    pub(super) fn node_id(&self, kind: Kind, name: &str, ctx: &Ctx) -> String {
        if kind == Kind::Region {
            return name.to_string();
        }
        let scope_path = &self.raw.scopes.get(ctx.scope).path;
        let mut parts: Vec<String> = Vec::new();
        let rel: &[String] = match ctx.parent {
            Some(p) => {
                let parent = &self.raw.nodes[p];
                parts.push(parent.id.clone());
                let parent_path = &self.raw.scopes.get(parent.scope).path;
                if kind == Kind::Az {
                    &[]
                } else if scope_path.starts_with(parent_path) {
                    &scope_path[parent_path.len()..]
                } else {
                    scope_path
                }
            }
            None => scope_path,
        };
        parts.extend(rel.iter().cloned());
        parts.push(name.to_string());
        parts.join(".")
    }
}

fn is_region_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[0].chars().all(|c| c.is_ascii_lowercase())
        && parts[1..parts.len() - 1].iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
        && parts.last().is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}
