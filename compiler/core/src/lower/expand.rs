//! Pass 2: walk every module's statements in order, expand component
//! instances and `for` loops, substitute parameters, check that each kind
//! stands where it may, and record declarations, flows, peerings and settings
//! as raw items with their scopes. Typing and resolution come in `build`.

use std::collections::BTreeMap;
use std::rc::Rc;

use archc_syntax::ast::{self, Stmt, StmtKind};
use archc_syntax::{Diagnostic, Span};

use super::load::Program;
use super::scope::{Candidate, Entity, ScopeId, Scopes};
use super::subst::{Env, SVal, Subst, Val};
use crate::kinds::{InRule, Kind, NameRule, Place, KINDS};
use crate::suggest::did_you_mean;

/// A reference as written (after substitution), to resolve in `build`.
#[derive(Clone, Debug)]
pub(crate) struct RawRef {
    pub path: Vec<String>,
    pub text: String,
    pub span: Span,
    pub scope: ScopeId,
}

#[derive(Clone, Debug)]
pub(crate) struct RawProp {
    pub key: String,
    pub key_span: Span,
    /// True for a bare flag (`multi_az`); false for `key: values`, whose
    /// values may have come out empty when a substitution failed.
    pub flag: bool,
    pub values: Vec<SVal>,
    /// The whole `key: values` statement.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub(crate) struct RawNaclRule {
    pub action: ast::Ident,
    pub direction: ast::Ident,
    pub number: Vec<SVal>,
    pub ports: Vec<SVal>,
    pub peer_keyword: ast::Ident,
    pub peer: Vec<SVal>,
    pub span: Span,
}

pub(crate) struct RawNode {
    pub kind: Kind,
    pub name: String,
    pub name_span: Span,
    pub span: Span,
    pub scope: ScopeId,
    pub parent: Option<usize>,
    pub id: String,
    pub modifiers: Vec<ast::Ident>,
    pub args: Vec<SVal>,
    pub placement: Option<(Span, Vec<RawRef>)>,
    pub props: Vec<RawProp>,
    pub nacl_rules: Vec<RawNaclRule>,
    /// Where it was declared, if it is not a place its kind may stand.
    pub misplaced: bool,
}

pub(crate) struct RawFlow {
    pub hops: Vec<RawRef>,
    pub ports: Vec<SVal>,
    pub ports_span: Option<Span>,
    pub label: Option<(String, Span)>,
    pub props: Vec<RawProp>,
    pub span: Span,
}

pub(crate) struct RawPeering {
    pub name: String,
    pub name_span: Span,
    pub left: Option<RawRef>,
    pub right: Option<RawRef>,
    pub props: Vec<RawProp>,
    pub span: Span,
}

pub(crate) struct RawSetting {
    pub key: ast::Ident,
    pub value: Vec<SVal>,
}

pub(crate) struct Raw {
    pub nodes: Vec<RawNode>,
    pub flows: Vec<RawFlow>,
    pub peerings: Vec<RawPeering>,
    pub settings: Vec<RawSetting>,
    pub scopes: Scopes,
    /// The nodes as lookup sees them (same indexes as `nodes`).
    pub candidates: Vec<Candidate>,
    /// See [`Program::imports_failed`].
    pub imports_failed: bool,
    /// Names of declarations whose line did not parse (already reported):
    /// their uses are not reported again.
    pub broken: std::collections::BTreeSet<String>,
}

#[derive(Clone)]
struct Ctx {
    /// Where declarations may stand; None inside a resource's body.
    place: Option<Place>,
    /// The container declarations here go into.
    parent: Option<usize>,
    /// The declaration whose body this is: it receives the properties.
    owner: Option<usize>,
    scope: ScopeId,
    env: Rc<Env>,
    /// Components being instantiated, outermost first (for recursion).
    stack: Vec<usize>,
    /// The module whose statements these are.
    module: usize,
}

/// Deeper nesting than this is surely runaway recursion through components.
const MAX_DEPTH: usize = 32;

struct Expander<'p> {
    program: &'p Program,
    raw: Raw,
    regions: BTreeMap<String, usize>,
    zones: BTreeMap<(usize, String), usize>,
    diags: &'p mut Vec<Diagnostic>,
}

pub(crate) fn expand(program: &Program, diags: &mut Vec<Diagnostic>) -> Raw {
    let mut scopes = Scopes::default();
    let root = scopes.at(&[]);
    let internet = RawNode {
        kind: Kind::Internet,
        name: "internet".into(),
        name_span: Span::detached(),
        span: Span::detached(),
        scope: root,
        parent: None,
        id: "internet".into(),
        modifiers: Vec::new(),
        args: Vec::new(),
        placement: None,
        props: Vec::new(),
        nacl_rules: Vec::new(),
        misplaced: false,
    };
    let raw = Raw {
        nodes: Vec::new(),
        flows: Vec::new(),
        peerings: Vec::new(),
        settings: Vec::new(),
        scopes,
        candidates: Vec::new(),
        imports_failed: program.imports_failed,
        broken: Default::default(),
    };
    let mut ex = Expander { program, raw, regions: BTreeMap::new(), zones: BTreeMap::new(), diags };
    ex.push_node(internet);
    for &m in &program.order {
        let module = &program.modules[m];
        let scope = ex.raw.scopes.at(&module.scope);
        if let Some(alias) = module.scope.last() {
            let parent = ex.raw.scopes.at(&module.scope[..module.scope.len() - 1]);
            let span = alias_span(module, program);
            ex.raw.scopes.declare(parent, alias, Entity::Scope(scope), span, ex.diags);
        }
        let ctx = Ctx {
            place: Some(Place::TopLevel),
            parent: None,
            owner: None,
            scope,
            env: Env::root(BTreeMap::new()),
            stack: Vec::new(),
            module: m,
        };
        ex.stmts(&module.ast.stmts, &ctx);
    }
    ex.raw
}

/// Where an aliased module's `as NAME` is written (for duplicate labels).
fn alias_span(module: &super::load::Module, program: &Program) -> Span {
    for other in &program.modules {
        for stmt in &other.ast.stmts {
            if let StmtKind::Use(u) = &stmt.kind {
                if let Some(a) = &u.alias {
                    if module.scope.last() == Some(&a.text) {
                        return a.span;
                    }
                }
            }
        }
    }
    Span::detached()
}

impl Expander<'_> {
    fn subst<'a>(&'a mut self, env: &'a Env) -> Subst<'a> {
        Subst { env, diags: self.diags }
    }

    fn push_node(&mut self, node: RawNode) -> usize {
        let index = self.raw.nodes.len();
        let mut qualifiers: Vec<String> = node.id.split('.').map(str::to_string).collect();
        qualifiers.pop();
        self.raw.candidates.push(Candidate {
            name: node.name.clone(),
            kind: node.kind,
            scope: node.scope,
            qualifiers,
            span: node.name_span,
            hidden: false,
        });
        self.raw.scopes.index(&node.name, index);
        self.raw.nodes.push(node);
        index
    }

    fn stmts(&mut self, stmts: &[Stmt], ctx: &Ctx) {
        for stmt in stmts {
            self.stmt(stmt, ctx);
        }
    }

    fn stmt(&mut self, stmt: &Stmt, ctx: &Ctx) {
        let span = stmt.span;
        match &stmt.kind {
            // Already reported; its block is not lowered, to spare the user
            // errors that follow from the first. A name it declared is kept
            // as broken, so that its uses are not reported again.
            StmtKind::Error(e) => {
                if let Some(ast::Ref::Word(w)) = &e.name {
                    self.raw.broken.insert(w.source_text());
                }
            }
            StmtKind::Property(p) => self.property(p, span, ctx),
            StmtKind::Setting(s) => {
                if ctx.place != Some(Place::TopLevel) || ctx.owner.is_some() {
                    self.wrong_place_stmt(span, &format!("the setting `{}`", s.key.text), "at the top level of a file");
                    return;
                }
                let value = self.subst(&ctx.env).value(&s.value);
                self.raw.settings.push(RawSetting { key: s.key.clone(), value });
            }
            StmtKind::Use(_) => {
                if ctx.place != Some(Place::TopLevel) || !ctx.stack.is_empty() {
                    self.wrong_place_stmt(span, "`use`", "at the top level of a file");
                }
            }
            StmtKind::Component(c) => {
                if ctx.place != Some(Place::TopLevel) || !ctx.stack.is_empty() {
                    self.wrong_place_stmt(c.name.span, "a component definition", "at the top level of a file");
                }
            }
            StmtKind::For(f) => {
                let values = SVal::flatten(self.subst(&ctx.env).values(&f.values));
                for v in values {
                    let mut vars = BTreeMap::new();
                    vars.insert(f.var.text.clone(), vec![v]);
                    let inner = Ctx { env: Env::child(&ctx.env, vars), ..ctx.clone() };
                    self.stmts(&f.body.stmts, &inner);
                }
            }
            StmtKind::Peering(p) => self.peering(p, span, ctx),
            StmtKind::NaclRule(r) => {
                let in_nacl = ctx.owner.is_some_and(|o| self.raw.nodes[o].kind == Kind::Nacl);
                match ctx.owner {
                    Some(owner) if in_nacl => {
                        let mut s = self.subst(&ctx.env);
                        let rule = RawNaclRule {
                            action: r.action.clone(),
                            direction: r.direction.clone(),
                            number: s.value(&r.number),
                            ports: s.values(&r.ports),
                            peer_keyword: r.peer_keyword.clone(),
                            peer: s.value(&r.peer),
                            span,
                        };
                        self.raw.nodes[owner].nacl_rules.push(rule);
                    }
                    _ => {
                        self.diags
                            .push(Diagnostic::error("E0124", span, "a network ACL rule outside a `nacl`").with_help(
                            "put `allow|deny in|out N PORTS from|to CIDR` rules inside `nacl NAME in SUBNETS { … }`",
                        ))
                    }
                }
            }
            StmtKind::Flow(f) => self.flow(f, span, ctx),
            StmtKind::Decl(d) => self.decl(d, span, ctx),
        }
    }

    fn wrong_place_stmt(&mut self, span: Span, what: &str, belongs: &str) {
        self.diags.push(
            Diagnostic::error("E0105", span, format!("{what} cannot stand here"))
                .with_help(format!("{what} belongs {belongs}")),
        );
    }

    fn property(&mut self, p: &ast::Property, span: Span, ctx: &Ctx) {
        let values = self.subst(&ctx.env).values(&p.values);
        match ctx.owner {
            Some(owner) => self.raw.nodes[owner].props.push(RawProp {
                key: p.key.text.clone(),
                key_span: p.key.span,
                flag: false,
                values,
                span,
            }),
            None => {
                let mut d = Diagnostic::error(
                    "E0105",
                    span,
                    format!("the property `{}` is outside any declaration", p.key.text),
                )
                .with_help("properties go inside the `{ }` of the declaration they describe");
                if matches!(p.key.text.as_str(), "title" | "direction" | "theme") {
                    d = d.with_help(format!("settings are written without a colon: `{} …`", p.key.text));
                }
                self.diags.push(d);
            }
        }
    }

    fn props_of_body(&mut self, body: Option<&ast::Block>, env: &Env, what: &str) -> Vec<RawProp> {
        let mut out = Vec::new();
        for stmt in body.map(|b| b.stmts.as_slice()).unwrap_or(&[]) {
            match &stmt.kind {
                StmtKind::Property(p) => {
                    let values = self.subst(env).values(&p.values);
                    out.push(RawProp {
                        key: p.key.text.clone(),
                        key_span: p.key.span,
                        flag: false,
                        values,
                        span: stmt.span,
                    });
                }
                StmtKind::Decl(d) if is_bare(d) => {
                    let key = d.kind.source_text();
                    out.push(RawProp { key, key_span: d.kind.span, flag: true, values: Vec::new(), span: stmt.span });
                }
                StmtKind::Error(_) => {}
                _ => self.diags.push(
                    Diagnostic::error("E0105", stmt.span, format!("only properties go inside {what}"))
                        .with_help("declare resources and flows outside it"),
                ),
            }
        }
        out
    }

    fn refs(&mut self, r: &ast::Ref, ctx: &Ctx) -> Vec<RawRef> {
        self.subst(&ctx.env)
            .reference(r)
            .into_iter()
            .map(|(text, span)| RawRef {
                path: text.split('.').map(str::to_string).collect(),
                text,
                span,
                scope: ctx.scope,
            })
            .collect()
    }

    fn flow(&mut self, f: &ast::Flow, span: Span, ctx: &Ctx) {
        let mut hops = Vec::new();
        for hop in &f.hops {
            hops.extend(self.refs(hop, ctx));
        }
        let ports = self.subst(&ctx.env).values(&f.ports);
        let label = f.label.as_ref().and_then(|l| self.subst(&ctx.env).pieces(&l.pieces).map(|t| (t, l.span)));
        let props = self.props_of_body(f.body.as_ref(), &ctx.env, "a flow's `{ }`");
        if hops.len() >= 2 {
            self.raw.flows.push(RawFlow { hops, ports, ports_span: f.ports_span, label, props, span });
        }
    }

    fn peering(&mut self, p: &ast::Peering, span: Span, ctx: &Ctx) {
        if !matches!(ctx.place, Some(Place::TopLevel | Place::Region)) {
            self.wrong_place_stmt(span, "a peering", "at the top level or in a region");
            return;
        }
        let Some((name, name_span)) = self.single(&p.name, &ctx.env) else {
            return;
        };
        if !self.check_name(&name, name_span) {
            return;
        }
        self.raw.scopes.declare(ctx.scope, &name, Entity::Peering, name_span, self.diags);
        let left = self.single(&p.left, &ctx.env).map(|(text, span)| RawRef {
            path: text.split('.').map(str::to_string).collect(),
            text,
            span,
            scope: ctx.scope,
        });
        let right = self.single(&p.right, &ctx.env).map(|(text, span)| RawRef {
            path: text.split('.').map(str::to_string).collect(),
            text,
            span,
            scope: ctx.scope,
        });
        let props = self.props_of_body(p.body.as_ref(), &ctx.env, "a peering's `{ }`");
        self.raw.peerings.push(RawPeering { name, name_span, left, right, props, span });
    }

    /// A name must be an identifier (interpolation could make it anything)
    /// and must not be predefined.
    /// A name or reference that must be one word: a list is an error.
    fn single(&mut self, r: &ast::Ref, env: &Env) -> Option<(String, Span)> {
        let mut all = self.subst(env).reference(r);
        if all.len() > 1 {
            self.diags.push(
                Diagnostic::error(
                    "E0111",
                    r.span(),
                    format!("`{}` stands for {} names here, but one is expected", r.source_text(), all.len()),
                )
                .with_help("a declaration has one name: repeat it with `for` to declare one per item"),
            );
            return None;
        }
        all.pop()
    }

    fn check_name(&mut self, name: &str, span: Span) -> bool {
        if crate::kinds::PREDEFINED.contains(&name) {
            self.diags.push(
                Diagnostic::error("E0126", span, format!("`{name}` is predefined and cannot be declared")).with_help(
                    format!("refer to `{name}` directly in flows; choose another name for this declaration"),
                ),
            );
            return false;
        }
        if !is_ident(name) {
            self.diags.push(Diagnostic::error("E0103", span, format!("`{name}` is not a valid name")).with_help(
                "a name starts with a letter or `_` and holds letters, digits, `_` and `-`, not ending in `-`",
            ));
            return false;
        }
        true
    }

    fn decl(&mut self, d: &ast::Decl, span: Span, ctx: &Ctx) {
        let kind_text = match self.subst(&ctx.env).pieces(&d.kind.pieces) {
            Some(t) => t,
            None => return,
        };
        if let Some(kind) = Kind::from_keyword(&kind_text) {
            self.declare(kind, d, span, ctx);
            return;
        }
        let kind_path: Vec<String> = kind_text.split('.').map(str::to_string).collect();
        if let Some(comp) = self.find_component(&kind_path, ctx) {
            self.instantiate(comp, d, span, ctx);
            return;
        }
        // `bucket "x"`, `min 2`: a property of the enclosing declaration
        // written without its colon.
        if let Some(owner) = ctx.owner {
            let owner_kind = self.raw.nodes[owner].kind;
            let valued = d.name.is_some() || !d.args.is_empty();
            if valued
                && d.modifiers.is_empty()
                && d.placement.is_none()
                && d.body.is_none()
                && owner_kind.prop(&kind_text).is_some()
            {
                self.diags.push(
                    Diagnostic::error("E0100", d.kind.span, format!("expected `:` after the property `{kind_text}`"))
                        .with_span_label(format!("`{kind_text}` is a property of {}", owner_kind.a()))
                        .with_help(format!("write `{kind_text}: …`"))
                        .with_suggestion(d.kind.span, format!("{kind_text}:")),
                );
                return;
            }
        }
        // A lone word in a body: a flag property, unless it reads like a
        // misspelt kind.
        if let (Some(owner), true) = (ctx.owner, is_bare(d)) {
            let owner_kind = self.raw.nodes[owner].kind;
            let spec = owner_kind.spec();
            let props: Vec<&str> = spec.props.iter().map(|p| p.key).collect();
            let kinds: Vec<&str> = KINDS.iter().map(|k| k.keyword).collect();
            let is_prop =
                props.contains(&kind_text.as_str()) || did_you_mean(&kind_text, props.iter().copied()).is_some();
            if is_prop || did_you_mean(&kind_text, kinds.iter().copied()).is_none() {
                self.raw.nodes[owner].props.push(RawProp {
                    key: kind_text,
                    key_span: d.kind.span,
                    flag: true,
                    values: Vec::new(),
                    span,
                });
                return;
            }
        }
        self.unknown_kind(&kind_text, d.kind.span);
    }

    fn unknown_kind(&mut self, text: &str, span: Span) {
        let mut pool: Vec<&str> = KINDS.iter().map(|k| k.keyword).collect();
        let comps: Vec<String> = self.program.components.iter().map(|c| c.name.clone()).collect();
        pool.extend(comps.iter().map(String::as_str));
        let mut d = Diagnostic::error("E0104", span, format!("unknown kind `{text}`"))
            .with_span_label("not a kind of resource, nor a component in scope");
        // `intenal alb web …`: a misspelt modifier stands where the kind goes.
        const MODIFIERS: [&str; 6] = ["public", "private", "isolated", "internal", "gateway", "interface"];
        d = match (did_you_mean(text, pool.iter().copied()), did_you_mean(text, MODIFIERS)) {
            (Some(s), _) => d.with_help(format!("did you mean `{s}`?")),
            (None, Some(m)) => d.with_help(format!("did you mean `{m}`? it is a modifier, written before the kind")),
            (None, None) => d.with_help(
                "the kinds are listed in docs/language.md; a component must be defined or imported with `use`",
            ),
        };
        self.diags.push(d);
    }

    fn find_component(&self, path: &[String], ctx: &Ctx) -> Option<usize> {
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

    fn instantiate(&mut self, comp: usize, d: &ast::Decl, span: Span, ctx: &Ctx) {
        let def = &self.program.components[comp];
        let module = &self.program.modules[def.module];
        let Some(StmtKind::Component(c)) = module.ast.stmts.get(def.stmt).map(|s| &s.kind) else {
            return;
        };
        if ctx.stack.contains(&comp) || ctx.stack.len() >= MAX_DEPTH {
            let from = ctx.stack.iter().position(|c| *c == comp).unwrap_or(0);
            let chain: Vec<&str> = ctx.stack[from..]
                .iter()
                .chain(std::iter::once(&comp))
                .filter_map(|c| self.program.components.get(*c).map(|d| d.name.as_str()))
                .collect();
            let how =
                if chain.len() <= 2 { "itself".to_string() } else { format!("itself through {}", chain.join(" → ")) };
            self.diags.push(
                Diagnostic::error("E0122", span, format!("component `{}` instantiates {how}", def.name))
                    .with_label(def.span, "defined here")
                    .with_help("a component cannot contain an instance of itself, directly or through others"),
            );
            return;
        }
        for m in &d.modifiers {
            self.diags.push(Diagnostic::error(
                "E0114",
                m.span,
                format!("a component instance takes no modifier `{}`", m.text),
            ));
        }
        if let Some(a) = d.args.first() {
            self.diags.push(
                Diagnostic::error("E0114", a.span, "a component instance takes no arguments after its name")
                    .with_help("bind parameters in its body: `name inst { param: value }`"),
            );
        }
        if let Some(p) = &d.placement {
            self.diags.push(
                Diagnostic::error("E0114", p.keyword, "a component instance takes no `in`")
                    .with_help("pass subnets as a parameter: `name inst { subnets: a, b }`"),
            );
        }
        let Some(name_ref) = &d.name else {
            self.diags.push(
                Diagnostic::error("E0113", d.kind.span, format!("this instance of `{}` needs a name", def.name))
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
                StmtKind::Error(_) => continue,
                _ => {
                    self.diags.push(
                        Diagnostic::error(
                            "E0121",
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
                let mut diag =
                    Diagnostic::error("E0121", key_span, format!("component `{}` has no parameter `{key}`", def.name))
                        .with_label(def.span, "defined here");
                diag = match did_you_mean(&key, names.iter().copied()) {
                    Some(s) => diag.with_help(format!("did you mean `{s}`?")),
                    None if names.is_empty() => diag.with_help("it takes no parameters"),
                    None => diag.with_help(format!("its parameters are {}", crate::kinds::all_of(&names))),
                };
                self.diags.push(diag);
                continue;
            }
            if let Some(first) = given_at.get(&key) {
                self.diags.push(
                    Diagnostic::error("E0121", key_span, format!("the parameter `{key}` is given twice"))
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
                Diagnostic::error(
                    "E0121",
                    name_span,
                    format!("`{name}` does not give {}", crate::kinds::one_of(&list)),
                )
                .with_label(def.span, format!("`{}` is defined here", def.name))
                .with_help(format!("add `{}: …` to the instance's body", missing[0])),
            );
            return;
        }
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
        let inner = Ctx { scope: inner_scope, env: Env::root(vars), stack, module: def.module, ..ctx.clone() };
        self.stmts(&c.body.stmts, &inner);
    }

    fn declare(&mut self, kind: Kind, d: &ast::Decl, span: Span, ctx: &Ctx) {
        let spec = kind.spec();
        let misplaced = match ctx.place {
            Some(place) if spec.places.contains(&place) => false,
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
                    Diagnostic::error("E0105", d.kind.span, format!("`{}` cannot be declared {here}", spec.keyword))
                        .with_help(format!("`{}` is declared {}", spec.keyword, belongs.join(" or "))),
                );
                true
            }
        };

        // Modifiers.
        for m in &d.modifiers {
            if !spec.modifiers.contains(&m.text.as_str()) {
                let help = if spec.modifiers.is_empty() {
                    format!("`{}` takes no modifiers", spec.keyword)
                } else {
                    format!("`{}` takes {}", spec.keyword, crate::kinds::one_of(spec.modifiers))
                };
                self.diags.push(
                    Diagnostic::error("E0114", m.span, format!("`{}` is not a modifier of `{}`", m.text, spec.keyword))
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
                self.diags.push(Diagnostic::error("E0113", d.kind.span, what).with_help(format!("write {forms}")));
            } else if valid_mods.len() > 1 {
                self.diags.push(
                    Diagnostic::error("E0114", valid_mods[1].span, format!("`{}` has two types", spec.keyword))
                        .with_label(valid_mods[0].span, "the first"),
                );
            }
        }

        // The name (or code).
        let name = match &d.name {
            Some(n) => match self.single(n, &ctx.env) {
                Some(found) => Some(found),
                // The substitution failed and said why.
                None => return,
            },
            None => None,
        };
        let (name, name_span) = match (name, spec.name) {
            (Some((n, s)), NameRule::Code) => {
                // A bad code is reported, and the block is still lowered, so
                // the errors inside it are found in the same run.
                self.check_code(kind, &n, s);
                (n, s)
            }
            (Some((n, s)), _) => {
                if !self.check_name(&n, s) {
                    return;
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
                self.diags.push(Diagnostic::error("E0113", d.kind.span, what).with_help(help));
                return;
            }
        };

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
                ..ctx.clone()
            };
            self.stmts(&body.stmts, &inner);
        }
    }

    /// `in` where the kind takes it, and only there.
    #[allow(clippy::too_many_arguments)]
    fn check_placement(
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
            Kind::Lambda => place == Some(Place::Region),
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
                    Diagnostic::error(
                        "E0113",
                        at,
                        format!("{} `{name}` needs `in` with the subnets it is placed in", kind.keyword()),
                    )
                    .with_help(help),
                );
            }
            Some(span) if forbidden => {
                let help = match kind {
                    Kind::Endpoint => "a gateway endpoint is added to route tables, not placed in subnets".to_string(),
                    Kind::Lambda => format!("a lambda declared in a region runs outside any VPC; declare `{name}` in its vpc to place it in subnets"),
                    Kind::Ec2 => "an ec2 is placed by declaring it inside its subnet's `{ }`".to_string(),
                    _ => format!("`{}` is not placed in subnets", kind.keyword()),
                };
                self.diags.push(
                    Diagnostic::error("E0114", span, format!("`{}` takes no `in`", kind.keyword())).with_help(help),
                );
            }
            _ => {}
        }
    }

    /// Region codes look like `ap-northeast-2`; zones are one letter.
    fn check_code(&mut self, kind: Kind, code: &str, span: Span) -> bool {
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
            self.diags.push(Diagnostic::error("E0103", span, msg).with_help(help));
        }
        ok
    }

    /// The qualified id: the parent's id, then the instance names between
    /// the parent's scope and this one, then the name.
    fn node_id(&self, kind: Kind, name: &str, ctx: &Ctx) -> String {
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

/// A declaration that is only a word: `igw`, or the flag `multi_az`.
fn is_bare(d: &ast::Decl) -> bool {
    d.modifiers.is_empty() && d.name.is_none() && d.args.is_empty() && d.placement.is_none() && d.body.is_none()
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

pub(crate) fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return false };
    (first.is_ascii_alphabetic() || first == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !s.ends_with('-')
}

fn is_region_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    parts.len() >= 3
        && parts[0].len() == 2
        && parts[0].chars().all(|c| c.is_ascii_lowercase())
        && parts[1..parts.len() - 1].iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
        && parts.last().is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}
