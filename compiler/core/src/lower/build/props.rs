//! Typing a declaration's, flow's or peering's properties against the kind
//! table, and reading them back as model values (with their defaults).

use std::collections::BTreeMap;

use archc_syntax::{Diagnostic, Span};

use super::super::expand::RawProp;
use super::super::subst::SVal;
use super::super::typed::{self, Typed};
use super::Builder;
use crate::diag::codes;
use crate::diag::suggest::did_you_mean;
use crate::model::kinds::{PropSpec, Ty};
use crate::model::ports::PortRange;
use crate::model::*;

/// A property after typing.
pub(super) enum PropVal {
    One(Typed),
    Many(Vec<(Typed, Span)>),
    Ref(NodeId),
    Refs(Vec<(NodeId, Span)>),
}

/// The typed properties of one declaration, flow or peering.
#[derive(Default)]
pub(super) struct Props {
    map: BTreeMap<&'static str, (PropVal, Span)>,
}

impl Props {
    pub(super) fn one(&self, key: &str) -> Option<(&Typed, Span)> {
        match self.map.get(key) {
            Some((PropVal::One(t), s)) => Some((t, *s)),
            _ => None,
        }
    }

    pub(super) fn bool(&self, key: &str) -> Option<Spanned<bool>> {
        match self.one(key) {
            Some((Typed::Bool(b), s)) => Some(Spanned::new(*b, s)),
            _ => None,
        }
    }

    pub(super) fn int(&self, key: &str) -> Option<Spanned<i64>> {
        match self.one(key) {
            Some((Typed::Int(n), s)) => Some(Spanned::new(*n, s)),
            _ => None,
        }
    }

    pub(super) fn u32(&self, key: &str) -> Option<Spanned<u32>> {
        self.int(key).and_then(|n| u32::try_from(n.value).ok().map(|v| Spanned::new(v, n.span)))
    }

    pub(super) fn u64(&self, key: &str) -> Option<Spanned<u64>> {
        self.int(key).and_then(|n| u64::try_from(n.value).ok().map(|v| Spanned::new(v, n.span)))
    }

    pub(super) fn seconds(&self, key: &str) -> Option<Spanned<Seconds>> {
        match self.one(key) {
            Some((Typed::Duration(n), s)) => Some(Spanned::new(Seconds(*n), s)),
            _ => None,
        }
    }

    pub(super) fn bytes(&self, key: &str) -> Option<Spanned<Bytes>> {
        match self.one(key) {
            Some((Typed::Size(n), s)) => Some(Spanned::new(Bytes(*n), s)),
            _ => None,
        }
    }

    /// An enumeration's variant. Typing checked the word against the same
    /// list (`Ty::Enum(E::WORDS)`), so a word without a variant cannot come.
    pub(super) fn word<E: WordEnum>(&self, key: &str) -> Option<Spanned<E>> {
        self.text(key).and_then(|t| E::from_word(&t.value).map(|v| Spanned::new(v, t.span)))
    }

    pub(super) fn text(&self, key: &str) -> Option<Spanned<String>> {
        match self.one(key) {
            Some((Typed::Text(t), s)) => Some(Spanned::new(t.clone(), s)),
            _ => None,
        }
    }

    pub(super) fn prefix(&self, key: &str) -> Option<Spanned<u8>> {
        match self.one(key) {
            Some((Typed::Prefix(p), s)) => Some(Spanned::new(*p, s)),
            _ => None,
        }
    }

    pub(super) fn ports(&self, key: &str) -> Option<Spanned<Vec<PortRange>>> {
        match self.one(key) {
            Some((Typed::Ports(p), s)) => Some(Spanned::new(p.clone(), s)),
            _ => None,
        }
    }

    /// A property with a default: the written value, or `default` spanned
    /// at `at` (the declaration's name).
    pub(super) fn or<T>(written: Option<Spanned<T>>, default: T, at: Span) -> Resolved<T> {
        match written {
            Some(w) => Resolved::written(w.value, w.span),
            None => Resolved::default(default, at),
        }
    }

    pub(super) fn reference(&self, key: &str) -> Option<Spanned<NodeId>> {
        match self.map.get(key) {
            Some((PropVal::Ref(id), s)) => Some(Spanned::new(*id, *s)),
            _ => None,
        }
    }

    pub(super) fn refs(&self, key: &str) -> Vec<Spanned<NodeId>> {
        match self.map.get(key) {
            Some((PropVal::Refs(ids), _)) => ids.iter().map(|(id, s)| Spanned::new(*id, *s)).collect(),
            _ => Vec::new(),
        }
    }

    /// The items of a list property that `pick` accepts.
    pub(super) fn many<T>(&self, key: &str, pick: impl Fn(&Typed) -> Option<T>) -> Vec<Spanned<T>> {
        match self.map.get(key) {
            Some((PropVal::Many(items), _)) => {
                items.iter().filter_map(|(t, s)| pick(t).map(|v| Spanned::new(v, *s))).collect()
            }
            _ => Vec::new(),
        }
    }

    pub(super) fn texts(&self, key: &str) -> Vec<Spanned<String>> {
        self.many(key, |t| match t {
            Typed::Text(x) => Some(x.clone()),
            _ => None,
        })
    }

    pub(super) fn ints(&self, key: &str) -> Vec<Spanned<u32>> {
        self.many(key, |t| match t {
            Typed::Int(n) => u32::try_from(*n).ok(),
            _ => None,
        })
    }
}

impl Builder<'_> {
    /// Types every property against `specs`; unknown or repeated keys are
    /// reported.
    pub(super) fn props(
        &mut self,
        // Written into a message only when there is one to write.
        owner: &dyn std::fmt::Display,
        specs: &[&'static [PropSpec]],
        raw: &[RawProp],
        scope: crate::lower::scope::ScopeId,
    ) -> Props {
        let mut props = Props::default();
        let mut seen: BTreeMap<&str, Span> = BTreeMap::new();
        for p in raw {
            let Some(spec) = specs.iter().flat_map(|s| s.iter()).find(|s| s.key == p.key) else {
                let keys: Vec<&str> = specs.iter().flat_map(|s| s.iter()).map(|s| s.key).collect();
                let mut d = Diagnostic::new(
                    codes::UNKNOWN_PROPERTY,
                    p.key_span,
                    format!("{owner} has no property `{}`", p.key),
                );
                let listed = crate::model::kinds::all_of(&keys);
                d = match did_you_mean(&p.key, keys.iter().copied()) {
                    Some(s) => d.with_help(format!("did you mean `{s}`? Its properties are {listed}")),
                    None => d.with_help(format!("its properties are {listed}")),
                };
                self.diags.push(d);
                continue;
            };
            if let Some(first) = seen.get(spec.key) {
                self.diags.push(
                    Diagnostic::new(codes::DUPLICATE_PROPERTY, p.key_span, format!("`{}` is given twice", spec.key))
                        .with_label(*first, "first given here")
                        .with_help("keep one of them"),
                );
                continue;
            }
            seen.insert(spec.key, p.key_span);
            let value = self.prop_value(spec, p, scope);
            if let Some(v) = value {
                props.map.insert(spec.key, (v, p.span));
            }
        }
        props
    }

    pub(super) fn prop_value(
        &mut self,
        spec: &PropSpec,
        p: &RawProp,
        scope: crate::lower::scope::ScopeId,
    ) -> Option<PropVal> {
        let values = if spec.ty.is_list() { SVal::flatten(p.values.clone()) } else { p.values.clone() };
        if values.is_empty() {
            if !p.flag {
                // The values were `$p` or `${p}` that failed: already reported.
                return None;
            }
            if spec.ty == Ty::Bool {
                return Some(PropVal::One(Typed::Bool(true)));
            }
            self.diags.push(
                Diagnostic::new(codes::INVALID_VALUE, p.key_span, format!("`{}` needs a value", spec.key))
                    .with_help(format!("write `{}: …` with {}", spec.key, spec.ty.describe())),
            );
            return None;
        }
        if !spec.ty.is_list() && values.len() > 1 {
            self.diags.push(
                Diagnostic::new(codes::INVALID_VALUE, values[1].span, format!("`{}` takes one value", spec.key))
                    .with_help(format!("`{}` takes {}", spec.key, spec.ty.describe())),
            );
            return None;
        }
        match spec.ty {
            Ty::Ref(kinds) => self.word_ref(&values[0], scope, kinds, spec.key, spec.ty).map(PropVal::Ref),
            Ty::Refs(kinds) => {
                let ids: Vec<(NodeId, Span)> = values
                    .iter()
                    .filter_map(|v| self.word_ref(v, scope, kinds, spec.key, spec.ty).map(|id| (id, v.span)))
                    .collect();
                Some(PropVal::Refs(ids))
            }
            Ty::Ports => typed::ports(&values, self.diags).map(|p| PropVal::One(Typed::Ports(p))),
            Ty::Ints(..) | Ty::Texts => {
                let items: Vec<(Typed, Span)> = values
                    .iter()
                    .filter_map(|v| typed::scalar(spec.key, spec.ty, v, self.diags).map(|t| (t, v.span)))
                    .collect();
                Some(PropVal::Many(items))
            }
            ty => typed::scalar(spec.key, ty, &values[0], self.diags).map(PropVal::One),
        }
    }
}
