//! Parameter substitution: `$p` and `${p}` replaced by the values bound in
//! the enclosing component instance or `for` loop. What comes out has no
//! parameters left, only literal values with the spans they were written at.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::diag::codes;
use archc_syntax::ast::{self, Piece, Ref, ValueKind};
use archc_syntax::{Diagnostic, Span};

/// A value after substitution.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Val {
    Str(String),
    Cidr(String),
    Prefix(String),
    ProtoPort {
        proto: String,
        low: String,
        high: Option<String>,
    },
    Range {
        low: String,
        high: String,
    },
    Quantity {
        number: String,
        unit: String,
    },
    List(Vec<SVal>),
    /// A bare word, possibly a dotted reference.
    Word(String),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SVal {
    pub val: Val,
    pub span: Span,
}

impl SVal {
    /// The value as text, for interpolation and free-text properties.
    pub fn text(&self) -> Option<String> {
        Some(match &self.val {
            Val::Str(s) | Val::Word(s) | Val::Cidr(s) => s.clone(),
            Val::Prefix(p) => format!("/{p}"),
            Val::Quantity { number, unit } => format!("{number}{unit}"),
            Val::Range { low, high } => format!("{low}-{high}"),
            Val::ProtoPort { proto, low, high: None } => format!("{proto}/{low}"),
            Val::ProtoPort { proto, low, high: Some(h) } => format!("{proto}/{low}-{h}"),
            Val::List(_) => return None,
        })
    }

    /// Lists flattened into their items.
    pub fn flatten(vals: Vec<SVal>) -> Vec<SVal> {
        let mut out = Vec::new();
        for v in vals {
            match v.val {
                Val::List(items) => out.extend(SVal::flatten(items)),
                _ => out.push(v),
            }
        }
        out
    }
}

/// Parameter bindings, innermost first through `parent`.
#[derive(Debug, Default)]
pub(crate) struct Env {
    vars: BTreeMap<String, Vec<SVal>>,
    parent: Option<Rc<Env>>,
}

impl Env {
    pub fn child(parent: &Rc<Env>, vars: BTreeMap<String, Vec<SVal>>) -> Rc<Env> {
        Rc::new(Env { vars, parent: Some(parent.clone()) })
    }

    /// A fresh environment (a component body sees only its own parameters).
    pub fn root(vars: BTreeMap<String, Vec<SVal>>) -> Rc<Env> {
        Rc::new(Env { vars, parent: None })
    }

    pub fn get(&self, name: &str) -> Option<&Vec<SVal>> {
        self.vars.get(name).or_else(|| self.parent.as_ref().and_then(|p| p.get(name)))
    }

    fn names(&self) -> Vec<String> {
        let mut out: Vec<String> = self.vars.keys().cloned().collect();
        if let Some(p) = &self.parent {
            out.extend(p.names());
        }
        out
    }
}

pub(crate) struct Subst<'a> {
    pub env: &'a Env,
    pub diags: &'a mut Vec<Diagnostic>,
}

impl Subst<'_> {
    fn unknown(&mut self, id: &ast::Ident) {
        let names = self.env.names();
        let mut d = Diagnostic::new(
            codes::UNKNOWN_PARAMETER,
            id.span,
            format!("there is no parameter or loop variable `{}` here", id.text),
        );
        d = match crate::diag::suggest::did_you_mean(&id.text, names.iter().map(String::as_str)) {
            Some(s) => d.with_help(format!("did you mean `${s}`?")),
            None if names.is_empty() => {
                d.with_help("`$name` stands for a parameter inside a component, or the variable of a `for` loop")
            }
            None => d.with_help(format!(
                "in scope here: {}",
                names.iter().map(|n| format!("`${n}`")).collect::<Vec<_>>().join(", ")
            )),
        };
        self.diags.push(d);
    }

    /// `$p` as values: the bound values (several for a list), or none after
    /// an error.
    fn param(&mut self, id: &ast::Ident) -> Vec<SVal> {
        match self.env.get(&id.text) {
            Some(vals) => vals.clone(),
            None => {
                self.unknown(id);
                Vec::new()
            }
        }
    }

    /// A word in a list position: a word that interpolates a list parameter
    /// stands for one word per item (`public_${azs}` → `public_a`,
    /// `public_b`). Words without a list give one text.
    pub fn word_list(&mut self, pieces: &[Piece]) -> Vec<String> {
        let lists: Vec<&ast::Ident> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Interp(id) if self.env.get(&id.text).is_some_and(|v| v.len() > 1) => Some(id),
                _ => None,
            })
            .collect();
        let Some(first) = lists.first() else {
            return self.pieces(pieces).into_iter().collect();
        };
        if let Some(other) = lists.iter().find(|id| id.text != first.text) {
            self.diags.push(
                Diagnostic::new(
                    codes::INVALID_VALUE,
                    other.span,
                    format!("this word interpolates two lists, `{}` and `{}`", first.text, other.text),
                )
                .with_help("interpolate one list per word; nest `for` loops to combine two"),
            );
            return Vec::new();
        }
        let items = self.env.get(&first.text).cloned().unwrap_or_default();
        let mut out = Vec::new();
        for item in SVal::flatten(items) {
            let mut vars = BTreeMap::new();
            vars.insert(first.text.clone(), vec![item]);
            let inner = Env { vars, parent: None };
            let mut text = String::new();
            for piece in pieces {
                match piece {
                    Piece::Interp(id) if id.text == first.text => text.push_str(
                        &inner.vars.get(&id.text).and_then(|v| v.first()).and_then(SVal::text).unwrap_or_default(),
                    ),
                    other => match self.pieces(std::slice::from_ref(other)) {
                        Some(t) => text.push_str(&t),
                        None => return Vec::new(),
                    },
                }
            }
            out.push(text);
        }
        out
    }

    /// The text of pieces with every `${p}` replaced.
    pub fn pieces(&mut self, pieces: &[Piece]) -> Option<String> {
        let mut out = String::new();
        let mut ok = true;
        for piece in pieces {
            match piece {
                Piece::Text(t, _) => out.push_str(t),
                Piece::Interp(id) => match self.env.get(&id.text).map(|v| v.as_slice()) {
                    Some([one]) => match one.text() {
                        Some(t) => out.push_str(&t),
                        None => ok = false,
                    },
                    // A binding whose value failed: already reported.
                    Some([]) => ok = false,
                    Some(many) => {
                        let texts: Vec<String> = many.iter().filter_map(SVal::text).collect();
                        self.diags.push(
                            Diagnostic::new(codes::INVALID_VALUE, id.span, format!("`${{{}}}` is a list of {} values here", id.text, many.len()))
                                .with_help(format!(
                                    "a list interpolates only where a list may stand (`in`, list properties, flows); to repeat over {}, use `for`",
                                    texts.join(", ")
                                )),
                        );
                        ok = false;
                    }
                    None => {
                        self.unknown(id);
                        ok = false;
                    }
                },
            }
        }
        ok.then_some(out)
    }

    /// A value, with parameters replaced; a `$p` bound to a list gives
    /// several values.
    pub fn value(&mut self, v: &ast::Value) -> Vec<SVal> {
        let one = |val| vec![SVal { val, span: v.span }];
        match &v.kind {
            ValueKind::String(s) => match self.pieces(&s.pieces) {
                Some(t) => one(Val::Str(t)),
                None => Vec::new(),
            },
            ValueKind::Cidr(c) => one(Val::Cidr(c.clone())),
            ValueKind::Prefix(p) => one(Val::Prefix(p.clone())),
            ValueKind::ProtoPort { proto, low, high } => {
                one(Val::ProtoPort { proto: proto.clone(), low: low.clone(), high: high.clone() })
            }
            ValueKind::Range { low, high } => one(Val::Range { low: low.clone(), high: high.clone() }),
            ValueKind::Quantity { number, unit } => one(Val::Quantity { number: number.clone(), unit: unit.clone() }),
            ValueKind::List(items) => {
                let vals = self.values(items);
                one(Val::List(vals))
            }
            ValueKind::Param(id) => self.param(id),
            ValueKind::Word(w) => {
                self.word_list(&w.pieces).into_iter().map(|t| SVal { val: Val::Word(t), span: v.span }).collect()
            }
        }
    }

    pub fn values(&mut self, vs: &[ast::Value]) -> Vec<SVal> {
        vs.iter().flat_map(|v| self.value(v)).collect()
    }

    /// A reference or name: its dotted segments, or several for a `$p`
    /// bound to a list. `None` entries were errors (already reported).
    pub fn reference(&mut self, r: &Ref) -> Vec<(String, Span)> {
        match r {
            Ref::Word(w) => self.word_list(&w.pieces).into_iter().map(|t| (t, w.span)).collect(),
            Ref::Param(id) => {
                SVal::flatten(self.param(id)).into_iter().filter_map(|v| v.text().map(|t| (t, v.span))).collect()
            }
        }
    }
}
