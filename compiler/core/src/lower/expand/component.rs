//! Component instances: finding the component a kind word names, binding
//! its parameters, and expanding its body in the instance's scope.

use std::collections::BTreeMap;

use archc_syntax::ast::{self, StmtKind};
use archc_syntax::{Diagnostic, Span};

use super::{is_bare, Ctx, Expander, Frame, MAX_DEPTH};
use crate::diag::codes;
use crate::diag::suggest::did_you_mean;
use crate::lower::scope::Entity;
use crate::lower::subst::{Env, SVal, Val};
use crate::model::Expansion;

impl Expander<'_> {
    pub(super) fn find_component(&self, path: &[String], ctx: &Ctx) -> Option<usize> {
        let (name, quals) = path.split_last()?;
        let current = &self.program.modules[ctx.module].scope;
        let mut best: Option<(usize, usize)> = None;
        for (i, c) in self.program.components.iter().enumerate() {
            if &c.name != name {
                continue;
            }
            let module_scope = &self.program.modules[c.module].scope;
            // Visible: defined in this module's scope or an enclosing one
            // (imports without `as` share it), or named through its alias.
            let qualified = !quals.is_empty() && module_scope.ends_with(quals);
            let visible = current.starts_with(module_scope) || qualified;
            if !visible {
                continue;
            }
            let rank = if qualified { 0 } else { current.len() - module_scope.len() };
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, i));
            }
        }
        best.map(|(_, i)| i)
    }

    pub(super) fn instantiate(&mut self, comp: usize, d: &ast::Decl, span: Span, ctx: &Ctx) {
        let def = &self.program.components[comp];
        let module = &self.program.modules[def.module];
        let Some(StmtKind::Component(c)) = module.ast.stmts.get(def.stmt).map(|s| &s.kind) else {
            return;
        };
        if ctx.stack.contains(&comp) {
            let from = ctx.stack.iter().position(|c| *c == comp).unwrap_or(0);
            let chain: Vec<&str> = ctx.stack[from..]
                .iter()
                .chain(std::iter::once(&comp))
                .filter_map(|c| self.program.components.get(*c).map(|d| d.name.as_str()))
                .collect();
            let how =
                if chain.len() <= 2 { "itself".to_string() } else { format!("itself through {}", chain.join(" → ")) };
            self.diags.push(
                Diagnostic::new(
                    codes::COMPONENT_RECURSION,
                    span,
                    format!("component `{}` instantiates {how}", def.name),
                )
                .with_label(def.span, "defined here")
                .with_help("a component cannot contain an instance of itself, directly or through others"),
            );
            return;
        }
        let trail = ctx.trail.push(Frame::Instance { comp, span: super::head_of_decl(d, span) });
        if ctx.stack.len() >= MAX_DEPTH {
            // Distinct components nested this deep: no recursion, but no
            // real design either. Reported once, at the outermost instance.
            if !self.too_deep {
                self.too_deep = true;
                let instances: Vec<Frame> =
                    trail.frames().into_iter().filter(|f| matches!(f, Frame::Instance { .. })).collect();
                let outer = instances.first().map_or(span, Frame::span);
                self.diags.push(
                    Diagnostic::new(
                        codes::EXPANSION_LIMIT,
                        outer,
                        format!("components nested more than {MAX_DEPTH} deep"),
                    )
                    .with_span_label(format!("through {}", self.chain(&instances)))
                    .with_label(super::head_of_decl(d, span), format!("instance {} of the chain", MAX_DEPTH + 1))
                    .with_help(format!(
                        "archc expands component instances at most {MAX_DEPTH} deep, one inside the other; flatten the chain: instantiate some of its components side by side"
                    )),
                );
            }
            return;
        }
        // The instance is paid for before its body is looked at.
        if !self.charge(1, super::head_of_decl(d, span), &Ctx { trail: trail.clone(), ..ctx.clone() }) {
            return;
        }
        for m in &d.modifiers {
            self.diags.push(Diagnostic::new(
                codes::UNEXPECTED_PART,
                m.span,
                format!("a component instance takes no modifier `{}`", m.text),
            ));
        }
        if let Some(a) = d.args.first() {
            self.diags.push(
                Diagnostic::new(
                    codes::UNEXPECTED_PART,
                    a.span,
                    "a component instance takes no arguments after its name",
                )
                .with_help("bind parameters in its body: `name inst { param: value }`"),
            );
        }
        if let Some(p) = &d.placement {
            self.diags.push(
                Diagnostic::new(codes::UNEXPECTED_PART, p.keyword, "a component instance takes no `in`")
                    .with_help("pass subnets as a parameter: `name inst { subnets: a, b }`"),
            );
        }
        let Some(name_ref) = &d.name else {
            self.diags.push(
                Diagnostic::new(
                    codes::MISSING_PART,
                    d.kind.span,
                    format!("this instance of `{}` needs a name", def.name),
                )
                .with_help(format!("write `{} NAME {{ … }}`", def.name)),
            );
            return;
        };
        let Some((name, name_span)) = self.single(name_ref, &ctx.env) else {
            return;
        };
        if !self.check_name(&name, name_span) {
            return;
        }

        let Some(vars) = self.bind_params(comp, c, d, (&name, name_span), ctx) else { return };
        // Lists of one value are that value; `for` and splicing treat both alike.
        let mut vars: BTreeMap<String, Vec<SVal>> = vars.into_iter().map(|(k, v)| (k, flatten_single(v))).collect();
        // `$self` is the instance's name, unless a parameter takes the name.
        vars.entry("self".to_string()).or_insert_with(|| vec![SVal { val: Val::Word(name.clone()), span: name_span }]);

        let mut path = self.raw.scopes.get(ctx.scope).path.clone();
        path.push(name.clone());
        let inner_scope = self.raw.scopes.at(&path);
        if !self.raw.scopes.declare(ctx.scope, &name, Entity::Scope(inner_scope), name_span, self.diags) {
            return;
        }
        let mut stack = ctx.stack.clone();
        stack.push(comp);
        let mut expansion = ctx.expansion.clone();
        expansion.push(Expansion { instance: path.join("."), component: def.name.clone(), span });
        let inner = Ctx {
            scope: inner_scope,
            env: Env::root(vars),
            stack,
            module: def.module,
            expansion,
            trail,
            depth: ctx.depth + 1,
            ..ctx.clone()
        };
        self.stmts(&c.body.stmts, &inner);
    }

    /// Binds an instance's parameters: given values (substituted where the
    /// instance stands), then defaults. Unknown, repeated and missing
    /// parameters are reported; None when one is missing.
    pub(super) fn bind_params(
        &mut self,
        comp: usize,
        c: &ast::Component,
        d: &ast::Decl,
        (name, name_span): (&str, Span),
        ctx: &Ctx,
    ) -> Option<BTreeMap<String, Vec<SVal>>> {
        let def = &self.program.components[comp];
        // Bind the parameters: given values (substituted where the instance
        // stands), then defaults.
        let params: Vec<&ast::Param> = c.params.iter().flatten().collect();
        let mut vars: BTreeMap<String, Vec<SVal>> = BTreeMap::new();
        let mut given_at: BTreeMap<String, Span> = BTreeMap::new();
        for stmt in d.body.iter().flat_map(|b| b.stmts.iter()) {
            let (key, key_span, values) = match &stmt.kind {
                StmtKind::Property(p) => (p.key.text.clone(), p.key.span, self.subst(&ctx.env).values(&p.values)),
                StmtKind::Decl(bare) if is_bare(bare) => {
                    let flag = SVal { val: Val::Word("true".into()), span: bare.kind.span };
                    (bare.kind.source_text(), bare.kind.span, vec![flag])
                }
                // Reported by `load`, wherever they stand.
                StmtKind::Error(_) | StmtKind::Use(_) | StmtKind::Component(_) => continue,
                _ => {
                    self.diags.push(
                        Diagnostic::new(
                            codes::COMPONENT_PARAMETERS,
                            stmt.span,
                            "an instance's body only binds the component's parameters",
                        )
                        .with_help("write `param: value`; declarations belong in the component's definition"),
                    );
                    continue;
                }
            };
            if !params.iter().any(|p| p.name.text == key) {
                let names: Vec<&str> = params.iter().map(|p| p.name.text.as_str()).collect();
                let mut diag = Diagnostic::new(
                    codes::COMPONENT_PARAMETERS,
                    key_span,
                    format!("component `{}` has no parameter `{key}`", def.name),
                )
                .with_label(def.span, "defined here");
                diag = match did_you_mean(&key, names.iter().copied()) {
                    Some(s) => diag.with_help(format!("did you mean `{s}`?")),
                    None if names.is_empty() => diag.with_help("it takes no parameters"),
                    None => diag.with_help(format!("its parameters are {}", crate::model::kinds::all_of(&names))),
                };
                self.diags.push(diag);
                continue;
            }
            if let Some(first) = given_at.get(&key) {
                self.diags.push(
                    Diagnostic::new(
                        codes::COMPONENT_PARAMETERS,
                        key_span,
                        format!("the parameter `{key}` is given twice"),
                    )
                    .with_label(*first, "first given here"),
                );
                continue;
            }
            given_at.insert(key.clone(), key_span);
            vars.insert(key, values);
        }
        let mut missing = Vec::new();
        for p in &params {
            if vars.contains_key(&p.name.text) {
                continue;
            }
            match &p.default {
                Some(v) => {
                    let empty = Env::root(BTreeMap::new());
                    let vals = self.subst(&empty).value(v);
                    vars.insert(p.name.text.clone(), vals);
                }
                None => missing.push(p.name.text.clone()),
            }
        }
        if !missing.is_empty() {
            let list: Vec<&str> = missing.iter().map(String::as_str).collect();
            self.diags.push(
                Diagnostic::new(
                    codes::COMPONENT_PARAMETERS,
                    name_span,
                    format!("`{name}` does not give {}", crate::model::kinds::one_of(&list)),
                )
                .with_label(def.span, format!("`{}` is defined here", def.name))
                .with_help(format!("add `{}: …` to the instance's body", missing[0])),
            );
            return None;
        }
        Some(vars)
    }
}

fn flatten_single(v: Vec<SVal>) -> Vec<SVal> {
    match v.as_slice() {
        [one] => match &one.val {
            Val::List(items) => SVal::flatten(items.clone()),
            _ => v,
        },
        _ => SVal::flatten(v),
    }
}
