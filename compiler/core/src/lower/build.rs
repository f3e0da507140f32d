//! Pass 3: the typed model. Each raw node's properties are typed against its
//! kind's row of the kind table, its references resolved, and its kind-specific
//! data built; then flows (one per hop, with concrete ports), peerings and
//! settings.
//!
//! This file holds the builder and what every part shares: reference
//! resolution, CIDR blocks and arguments. [`props`] types properties,
//! [`node`] builds a node (its placement, NAT and NACL details), [`kinds`]
//! each kind's data, [`flows`] flows, peerings and settings.

use crate::diag::codes;
use archc_syntax::{Diagnostic, Fix};

mod flows;
mod kinds;
mod node;
mod props;

use super::expand::{Raw, RawNode, RawRef};
use super::scope::unresolved;
use super::subst::{SVal, Val};
use crate::model::cidr::{Cidr, CidrError};
use crate::model::kinds::{Args, Kind, Ty};
use crate::model::*;

struct Builder<'r> {
    raw: &'r Raw,
    diags: &'r mut Vec<Diagnostic>,
}

pub(crate) fn build(raw: &Raw, diags: &mut Vec<Diagnostic>) -> Model {
    let mut b = Builder { raw, diags };
    let mut model = Model { settings: b.settings(), ..Model::default() };
    for node in &raw.nodes {
        let built = b.node(node, &model);
        model.nodes.push(built);
    }
    same_ids(&model.nodes, b.diags);
    for flow in &raw.flows {
        b.flows(flow, &mut model);
    }
    for p in &raw.peerings {
        if let Some(peering) = b.peering(p) {
            model.peerings.push(peering);
        }
    }
    // The indexes are built by `Model::new` once allocation is done.
    model
}

/// Two declarations whose ids would be the same: a resource named like a
/// zone of its VPC (`asg a` beside `az a`) is `….v.a` as the zone is. The
/// id is the key of every stage after (layout, routes, the template), so
/// the second is refused, as a name declared twice is.
fn same_ids(nodes: &[Node], diags: &mut Vec<Diagnostic>) {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by(|a, b| nodes[*a].id.cmp(&nodes[*b].id).then(a.cmp(b)));
    for pair in order.windows(2) {
        let (first, again) = (&nodes[pair[0]], &nodes[pair[1]]);
        // Two names in one scope are E0106 already (scope.rs); zones and
        // regions are not names, so only a clash with one of them is new.
        let unnamed = |n: &Node| matches!(n.kind(), Kind::Az | Kind::Region);
        if first.id != again.id || !(unnamed(first) || unnamed(again)) {
            continue;
        }
        let (what_first, what_again) = (first.kind().keyword(), again.kind().keyword());
        diags.push(
            Diagnostic::new(
                codes::DUPLICATE_NAME,
                again.name_span,
                format!(
                    "{what_again} `{}` would have the id `{}` of {what_first} `{}`",
                    again.name, again.id, first.name
                ),
            )
            .with_span_label("same id as another declaration")
            .with_label(first.name_span, format!("{what_first} `{}` is `{}`", first.name, first.id))
            .with_help(format!("rename the {what_again}: a resource in a VPC may not be named like one of its zones")),
        );
    }
}

impl Builder<'_> {
    /// Resolves a reference to a node of one of `wanted` (any kind if empty).
    fn resolve(&mut self, r: &RawRef, wanted: &[Kind]) -> Option<NodeId> {
        let result = self.raw.scopes.lookup(r.scope, &r.text, &self.raw.candidates);
        let Some(index) = result.found() else {
            // A name a failed import would have declared is not reported:
            // the import's own error says what to fix first.
            // Nor is one that a declaration which failed to parse declared.
            let not_found = matches!(result, super::scope::Lookup::NotFound);
            let broken = r.text.rsplit('.').next().is_some_and(|n| self.raw.broken.contains(n));
            if !(not_found && (self.raw.imports_failed || broken)) {
                self.diags.push(unresolved(&result, &r.text, r.span, &self.raw.candidates, &self.raw.scopes, wanted));
            }
            return None;
        };
        let found = self.raw.nodes[index].kind;
        if !wanted.is_empty() && !wanted.contains(&found) {
            self.diags.push(
                Diagnostic::new(
                    codes::WRONG_KIND_REFERENCE,
                    r.span,
                    format!(
                        "`{}` is {}, but {} is expected here",
                        r.text,
                        found.a(),
                        crate::model::kinds::kinds_phrase(wanted)
                    ),
                )
                .with_label(
                    self.raw.nodes[index].name_span,
                    format!("`{}` is declared here", self.raw.nodes[index].name),
                ),
            );
            return None;
        }
        Some(NodeId(index))
    }

    fn word_ref(
        &mut self,
        v: &SVal,
        scope: super::scope::ScopeId,
        wanted: &[Kind],
        key: &str,
        ty: Ty,
    ) -> Option<NodeId> {
        match &v.val {
            Val::Word(w) => {
                let r = RawRef { text: w.clone(), span: v.span, scope };
                self.resolve(&r, wanted)
            }
            _ => {
                self.diags.push(
                    Diagnostic::new(codes::INVALID_VALUE, v.span, format!("`{key}` takes {}", ty.describe()))
                        .with_help("write the name without quotes"),
                );
                None
            }
        }
    }

    fn cidr(&mut self, v: &SVal) -> Option<Spanned<Cidr>> {
        let Val::Cidr(text) = &v.val else {
            self.diags.push(
                Diagnostic::new(
                    codes::INVALID_VALUE,
                    v.span,
                    format!("`{}` is not a CIDR block", v.text().unwrap_or_default()),
                )
                .with_help("write an IPv4 block such as `10.0.0.0/16`"),
            );
            return None;
        };
        // Host bits (E0201) are the checker's: the model keeps the block as written.
        match Cidr::parse(text) {
            Ok(c) => Some(Spanned::new(c, v.span)),
            Err(CidrError { why, plain: None }) => {
                self.diags.push(
                    Diagnostic::new(codes::MALFORMED_LITERAL, v.span, format!("`{text}` is not a valid CIDR block"))
                        .with_help(why),
                );
                None
            }
            // The same block written plainly: a safe fix.
            Err(CidrError { why, plain: Some(plain) }) => {
                self.diags.push(
                    Diagnostic::new(codes::MALFORMED_LITERAL, v.span, format!("`{text}` has a leading zero"))
                        .with_span_label("write each number without leading zeros")
                        .with_help(why)
                        .with_fix(Fix::safe(v.span, plain)),
                );
                None
            }
        }
    }

    /// The arguments after the name, checked against the kind's rule.
    fn args(&mut self, node: &RawNode) -> Vec<Spanned<Cidr>> {
        let spec = node.kind.spec();
        let kw = spec.keyword;
        match spec.args {
            Args::None | Args::Service => {
                let allowed = usize::from(spec.args == Args::Service);
                if let Some(extra) = node.args.get(allowed) {
                    self.diags.push(
                        Diagnostic::new(
                            codes::UNEXPECTED_PART,
                            extra.span,
                            format!("`{kw}` takes no argument `{}` here", extra.text().unwrap_or_default()),
                        )
                        .with_help("properties go in the `{ }` body as `key: value`"),
                    );
                }
                Vec::new()
            }
            Args::Cidrs | Args::OptionalCidr | Args::Cidr => {
                let blocks: Vec<Spanned<Cidr>> = node.args.iter().filter_map(|v| self.cidr(v)).collect();
                if node.args.is_empty() && spec.args != Args::OptionalCidr {
                    self.diags.push(
                        Diagnostic::new(
                            codes::MISSING_PART,
                            node.name_span,
                            format!("`{kw}` `{}` needs its CIDR block", node.name),
                        )
                        .with_help(format!("write `{kw} {} 10.0.0.0/16`", node.name)),
                    );
                }
                if spec.args != Args::Cidrs && node.args.len() > 1 {
                    self.diags.push(
                        Diagnostic::new(
                            codes::UNEXPECTED_PART,
                            node.args[1].span,
                            format!("`{kw}` takes one CIDR block"),
                        )
                        .with_help(if node.kind == Kind::Subnet {
                            "a subnet has one block"
                        } else {
                            "remove the extra block"
                        }),
                    );
                }
                blocks
            }
        }
    }

    fn ancestor(&self, model: &Model, start: Option<NodeId>, kind: Kind) -> Option<NodeId> {
        let mut at = start;
        while let Some(id) = at {
            let n = model.get(id)?;
            if n.kind() == kind {
                return Some(id);
            }
            at = n.parent;
        }
        None
    }
}
