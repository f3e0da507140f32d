//! Flows (one per hop, with concrete ports), peerings and settings.

use std::collections::BTreeMap;

use archc_syntax::{Diagnostic, Span};

use super::super::subst::Val;
use super::super::typed;
use super::props::Props;
use super::Builder;
use crate::diag::codes;
use crate::model::kinds::{Kind, FLOW_PROPS, PEERING_PROPS};
use crate::model::ports::PortRange;
use crate::model::*;

impl Builder<'_> {
    /// The port a flow without ports uses (§5), if the target has one.
    pub(super) fn natural_port(node: &Node) -> Option<Vec<PortRange>> {
        crate::model::ports::natural_port(node)
    }

    pub(super) fn flows(&mut self, raw: &crate::lower::expand::RawFlow, model: &mut Model) {
        let scope = raw.hops.first().map(|h| h.scope).unwrap_or(crate::lower::scope::ScopeId(0));
        let props = self.props(&"a flow", &[FLOW_PROPS], &raw.props, scope);
        let hops: Vec<Option<NodeId>> = raw
            .hops
            .iter()
            .map(|h| {
                let id = self.resolve(h, &[])?;
                let node = model.get(id)?;
                if !node.kind().takes_flows() {
                    self.diags.push(
                        Diagnostic::new(
                            codes::FLOW_ENDPOINT,
                            h.span,
                            format!(
                                "a flow cannot start or end at {} `{}`",
                                node.kind().article(),
                                node.kind().keyword()
                            ),
                        )
                        .with_label(node.name_span, "declared here")
                        .with_help(
                            "flows connect resources; name the resource inside it that sends or receives the traffic",
                        ),
                    );
                    return None;
                }
                Some(id)
            })
            .collect();
        let written = if raw.ports.is_empty() { None } else { typed::ports(&raw.ports, self.diags) };
        if !raw.ports.is_empty() && written.is_none() {
            return;
        }
        for (i, pair) in hops.windows(2).enumerate() {
            let (Some(from), Some(to)) = (pair[0], pair[1]) else { continue };
            let (from_ref, to_ref) = (&raw.hops[i], &raw.hops[i + 1]);
            let ports = match &written {
                Some(p) => p.clone(),
                None => match model.get(to).and_then(Self::natural_port) {
                    Some(p) => p,
                    None => {
                        let target = model.node(to);
                        let help = match target.kind() {
                            Kind::Ec2 | Kind::Asg | Kind::Ecs | Kind::Eks => {
                                format!("give the flow its ports (`: 8080`), or give `{}` a `port:`", target.name)
                            }
                            Kind::Rds | Kind::Aurora | Kind::Elasticache => {
                                format!("give `{}` an `engine:`, or give the flow its ports", target.name)
                            }
                            _ => "give the flow its ports, e.g. `: https` or `: 8080`".to_string(),
                        };
                        self.diags.push(
                            Diagnostic::new(
                                codes::FLOW_WITHOUT_PORT,
                                to_ref.span,
                                format!(
                                    "the flow to `{}` needs ports: {} has no natural port",
                                    to_ref.text,
                                    target.kind().a()
                                ),
                            )
                            .with_label(target.name_span, "declared here")
                            .with_help(help),
                        );
                        continue;
                    }
                },
            };
            model.flows.push(Flow {
                from: Spanned::new(from, from_ref.span),
                to: Spanned::new(to, to_ref.span),
                ports,
                ports_written: written.is_some(),
                ports_span: raw.ports_span,
                label: raw.label.as_ref().map(|(t, s)| Spanned::new(t.clone(), *s)),
                pattern: props.text("pattern"),
                filter: props.text("filter"),
                batch_size: props.u32("batch_size"),
                description: props.text("description"),
                span: raw.span,
            });
        }
    }

    pub(super) fn peering(&mut self, p: &crate::lower::expand::RawPeering) -> Option<Peering> {
        let scope = p.left.as_ref().map(|r| r.scope).unwrap_or(crate::lower::scope::ScopeId(0));
        let props = self.props(&format_args!("peering `{}`", p.name), &[PEERING_PROPS], &p.props, scope);
        let left = p.left.as_ref().and_then(|r| self.resolve(r, &[Kind::Vpc]).map(|id| Spanned::new(id, r.span)));
        let right = p.right.as_ref().and_then(|r| self.resolve(r, &[Kind::Vpc]).map(|id| Spanned::new(id, r.span)));
        Some(Peering {
            name: Spanned::new(p.name.clone(), p.name_span),
            left: left?,
            right: right?,
            dns: props.bool("dns"),
            label: props.text("label"),
            span: p.span,
        })
    }

    pub(super) fn settings(&mut self) -> Settings {
        let mut settings = Settings::default();
        let mut seen: BTreeMap<String, Span> = BTreeMap::new();
        for s in &self.raw.settings {
            let key = s.key.text.as_str();
            if let Some(first) = seen.get(key) {
                self.diags.push(
                    Diagnostic::new(codes::DUPLICATE_PROPERTY, s.key.span, format!("`{key}` is set twice"))
                        .with_label(*first, "first set here")
                        .with_help("keep one of them"),
                );
                continue;
            }
            seen.insert(key.to_string(), s.key.span);
            let Some(v) = s.value.first() else { continue };
            let word = match &v.val {
                Val::Word(w) | Val::Str(w) => Some(w.as_str()),
                _ => None,
            };
            match (key, word) {
                ("title", _) => match &v.val {
                    Val::Str(t) => settings.title = Some(Spanned::new(t.clone(), v.span)),
                    _ => self.diags.push(
                        Diagnostic::new(codes::INVALID_VALUE, v.span, "the title is a string")
                            .with_help("write `title \"…\"`"),
                    ),
                },
                ("direction", Some(w)) if Direction::from_word(w).is_some() => {
                    settings.direction = Props::or(
                        Direction::from_word(w).map(|d| Spanned::new(d, v.span)),
                        defaults::DIRECTION,
                        v.span,
                    );
                }
                ("theme", Some(w)) if Theme::from_word(w).is_some() => {
                    settings.theme =
                        Props::or(Theme::from_word(w).map(|t| Spanned::new(t, v.span)), defaults::THEME, v.span);
                }
                (_, _) => {
                    let words = if key == "direction" { Direction::WORDS } else { Theme::WORDS };
                    let choices = crate::model::kinds::one_of(words);
                    self.diags.push(
                        Diagnostic::new(
                            codes::INVALID_VALUE,
                            v.span,
                            format!("`{}` is not a valid `{key}`", v.text().unwrap_or_default()),
                        )
                        .with_help(format!("`{key}` is {choices}")),
                    );
                }
            }
        }
        settings
    }
}
