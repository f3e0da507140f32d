//! Pass 2: walk every module's statements in order, expand component
//! instances and `for` loops, substitute parameters, check that each kind
//! stands where it may, and record declarations, flows, peerings and settings
//! as raw items with their scopes. Typing and resolution come in `build`.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::diag::codes;
use archc_syntax::ast::{self, Stmt, StmtKind};
use archc_syntax::{Diagnostic, Fix, Span};

mod component;
mod declare;

use super::load::Program;
use super::scope::{Candidate, Entity, ScopeId, Scopes};
use super::subst::{Env, SVal, Subst};
use crate::diag::suggest::did_you_mean;
use crate::model::kinds::{Kind, Place, KINDS};
use crate::model::Expansion;

/// A reference as written (after substitution), to resolve in `build`.
#[derive(Clone, Debug)]
pub(crate) struct RawRef {
    /// The dotted path (`shop.web`).
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
    /// The component instances it was declared through, outermost first.
    pub expansion: Vec<Expansion>,
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
    /// The instances being expanded, outermost first (provenance).
    expansion: Vec<Expansion>,
    /// The component instances and `for` loops these statements are
    /// repeated by, outermost first: what the expansion budget charges, and
    /// what its diagnostic names. Empty for statements written once.
    trail: Trail,
    /// How many blocks (bodies, loops, instances) these statements stand
    /// in, across instances: see [`MAX_NESTING`].
    depth: usize,
}

/// The frames of [`Ctx::trail`], innermost first through `parent`: shared,
/// so that entering a loop or an instance costs one frame, not a copy of
/// the chain.
#[derive(Clone, Default)]
struct Trail(Option<Rc<TrailNode>>);

struct TrailNode {
    frame: Frame,
    parent: Trail,
}

impl Trail {
    fn push(&self, frame: Frame) -> Trail {
        Trail(Some(Rc::new(TrailNode { frame, parent: self.clone() })))
    }

    fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The frames, outermost first.
    fn frames(&self) -> Vec<Frame> {
        let mut out = Vec::new();
        let mut at = &self.0;
        while let Some(node) = at {
            out.push(node.frame.clone());
            at = &node.parent.0;
        }
        out.reverse();
        out
    }
}

/// One level of [`Ctx::trail`]: an instance of a component, or a `for` loop.
#[derive(Clone)]
enum Frame {
    Instance { comp: usize, span: Span },
    Loop { var: String, span: Span },
}

/// Deeper nesting than this is surely runaway recursion through components.
pub(crate) const MAX_DEPTH: usize = 32;

/// Blocks nest at most this deep once components are expanded, one
/// instance's body inside another's: the parser's rule for one file
/// (`archc_syntax`'s 128), applied to the whole expansion, so that its
/// recursion is bounded on the smallest stack (wasm) whatever the input.
pub(crate) const MAX_NESTING: usize = 128;

/// What one compilation may produce by expansion, in total: every statement
/// a component instance or a `for` loop repeats (declarations, instances,
/// flows, peerings, properties; one more per instance it stands in, whose
/// chain it carries), every instance and every iteration. A realistic design
/// expands to a few thousand at most (the examples and every stdlib
/// component, a few hundred): 50,000 is ten times that. At the budget the
/// worst inputs measured (six nested loops of declarations, a twenty-level
/// fan-out) take under 0.1 s and 70 MB in a release build; at 100,000 the
/// loops took 116 MB, the model's nodes being some 2 KB each. It stops
/// designs that multiply (components that each instantiate the next twice,
/// nested `for` loops) before they allocate. Statements written once are not
/// counted: the 8 MiB file cap bounds them.
pub(crate) const BUDGET: usize = 50_000;

/// How many frames of a chain an expansion-limit diagnostic shows: the
/// first and last half of this many, with `…` between.
const CHAIN_SHOWN: usize = 8;

struct Expander<'p> {
    program: &'p Program,
    raw: Raw,
    regions: BTreeMap<String, usize>,
    zones: BTreeMap<(usize, String), usize>,
    diags: &'p mut Vec<Diagnostic>,
    /// Units of [`BUDGET`] spent so far.
    spent: usize,
    /// The budget ran out (reported once): nothing more is expanded.
    exhausted: bool,
    /// Components nested past [`MAX_DEPTH`], or blocks past
    /// [`MAX_NESTING`], were reported (once).
    too_deep: bool,
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
        expansion: Vec::new(),
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
    let mut ex = Expander {
        program,
        raw,
        regions: BTreeMap::new(),
        zones: BTreeMap::new(),
        diags,
        spent: 0,
        exhausted: false,
        too_deep: false,
    };
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
            expansion: Vec::new(),
            trail: Trail::default(),
            depth: 0,
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
        self.raw.candidates.push(Candidate::new(&node.id, &node.name, node.kind, node.scope, node.name_span));
        self.raw.scopes.index(&node.name, node.scope, index);
        self.raw.nodes.push(node);
        index
    }

    fn stmts(&mut self, stmts: &[Stmt], ctx: &Ctx) {
        if ctx.depth > MAX_NESTING {
            if !self.too_deep {
                self.too_deep = true;
                let frames = ctx.trail.frames();
                let at = stmts.first().map_or(Span::detached(), head);
                let start = frames.first().map_or(at, Frame::span);
                let mut d = Diagnostic::new(
                    codes::EXPANSION_LIMIT,
                    start,
                    format!("blocks nested more than {MAX_NESTING} deep once components are expanded"),
                )
                .with_span_label(format!("through {}", self.chain(&frames)))
                .with_help(format!(
                    "archc expands blocks, loops and component instances at most {MAX_NESTING} deep in all, one inside the other; flatten the design"
                ));
                if at != start {
                    d = d.with_label(at, format!("block {} of the chain", MAX_NESTING + 1));
                }
                self.diags.push(d);
            }
            return;
        }
        for stmt in stmts {
            // A statement repeated by an instance or a loop is paid for
            // before it is expanded: one, plus one per instance it stands
            // in, whose chain (provenance, scope path) it carries.
            if self.exhausted || (!ctx.trail.is_empty() && !self.charge(1 + ctx.stack.len(), head(stmt), ctx)) {
                return;
            }
            self.stmt(stmt, ctx);
        }
    }

    /// Spends `units` of the expansion budget; false (and reported, once)
    /// when they are not left.
    fn charge(&mut self, units: usize, at: Span, ctx: &Ctx) -> bool {
        if self.exhausted {
            return false;
        }
        if units <= BUDGET - self.spent {
            self.spent += units;
            return true;
        }
        self.exhausted = true;
        let frames = ctx.trail.frames();
        let chain = self.chain(&frames);
        let start = frames.first().map_or(at, Frame::span);
        let mut d = Diagnostic::new(
            codes::EXPANSION_LIMIT,
            start,
            format!("this expands to more than {} statements", group(BUDGET)),
        )
        .with_span_label(if chain.is_empty() {
            "expanded from here".to_string()
        } else {
            format!("through {chain}")
        });
        if at != start {
            d = d.with_label(at, "the budget runs out here");
        }
        self.diags.push(d.with_help(format!(
            "one compilation expands at most {} statements (declarations, instances, flows, properties and loop iterations made by components and `for`); a component that instantiates others several times, or nested `for` loops, multiply: expand less, or split the design",
            group(BUDGET)
        )));
        false
    }

    /// `c0 top → c1 a → for x → …`: the frames of a trail, the middle left
    /// out past [`CHAIN_SHOWN`].
    fn chain(&self, trail: &[Frame]) -> String {
        let name = |f: &Frame| match f {
            Frame::Instance { comp, .. } => {
                format!("`{}`", self.program.components.get(*comp).map_or("?", |c| c.name.as_str()))
            }
            Frame::Loop { var, .. } => format!("`for {var}`"),
        };
        if trail.len() <= CHAIN_SHOWN {
            return trail.iter().map(name).collect::<Vec<_>>().join(" → ");
        }
        let half = CHAIN_SHOWN / 2;
        let head: Vec<String> = trail[..half].iter().map(name).collect();
        let tail: Vec<String> = trail[trail.len() - half..].iter().map(name).collect();
        format!("{} → … ({} more) → {}", head.join(" → "), trail.len() - CHAIN_SHOWN, tail.join(" → "))
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
            // Loaded (or reported as misplaced, wherever they stand) by
            // `load`, which sees every block whether it is expanded or not.
            StmtKind::Use(_) | StmtKind::Component(_) => {}
            StmtKind::For(f) => {
                let values = SVal::flatten(self.subst(&ctx.env).values(&f.values));
                if !self.check_loop_var(&f.var) {
                    return;
                }
                let trail = ctx.trail.push(Frame::Loop { var: f.var.text.clone(), span: head(stmt) });
                let mut inner = Ctx { trail, depth: ctx.depth + 1, ..ctx.clone() };
                // Every iteration is paid for before the first one runs.
                if !self.charge(values.len(), head(stmt), &inner) {
                    return;
                }
                for v in values {
                    let mut vars = BTreeMap::new();
                    vars.insert(f.var.text.clone(), vec![v]);
                    inner.env = Env::child(&ctx.env, vars);
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
                    _ => self.diags.push(
                        Diagnostic::new(codes::NACL_RULE, span, "a network ACL rule outside a `nacl`").with_help(
                            "put `allow|deny in|out N PORTS from|to CIDR` rules inside `nacl NAME in SUBNETS { … }`",
                        ),
                    ),
                }
            }
            StmtKind::Flow(f) => self.flow(f, span, ctx),
            StmtKind::Decl(d) => self.decl(d, span, ctx),
        }
    }

    /// A loop variable is neither a keyword nor predefined: `$in` would
    /// make `in` a name, `$internet` hide the predefined one.
    fn check_loop_var(&mut self, var: &ast::Ident) -> bool {
        if var.text == "in" || crate::model::kinds::PREDEFINED.contains(&var.text.as_str()) {
            self.diags.push(reserved_name(&var.text, var.span, "a loop variable"));
            return false;
        }
        true
    }

    fn wrong_place_stmt(&mut self, span: Span, what: &str, belongs: &str) {
        self.diags.push(
            Diagnostic::new(codes::WRONG_PLACE, span, format!("{what} cannot stand here"))
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
                let mut d = Diagnostic::new(
                    codes::WRONG_PLACE,
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
                // Reported by `load`, wherever they stand.
                StmtKind::Error(_) | StmtKind::Use(_) | StmtKind::Component(_) => {}
                _ => self.diags.push(
                    Diagnostic::new(codes::WRONG_PLACE, stmt.span, format!("only properties go inside {what}"))
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
            .map(|(text, span)| RawRef { text, span, scope: ctx.scope })
            .collect()
    }

    fn flow(&mut self, f: &ast::Flow, span: Span, ctx: &Ctx) {
        let reported = self.diags.len();
        let mut hops = Vec::new();
        for hop in &f.hops {
            let found = self.refs(hop, ctx);
            // `$p` bound to an empty list: the hop is gone without an error.
            if found.is_empty() && self.diags.len() == reported {
                self.diags.push(
                    Diagnostic::new(
                        codes::INVALID_VALUE,
                        hop.span(),
                        format!("`{}` stands for no name here: it is an empty list", hop.source_text()),
                    )
                    .with_help("a flow goes between two or more places; give the list at least one value, or wrap the flow in `for` to repeat it over each"),
                );
            }
            hops.extend(found);
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
        let left = self.single(&p.left, &ctx.env).map(|(text, span)| RawRef { text, span, scope: ctx.scope });
        let right = self.single(&p.right, &ctx.env).map(|(text, span)| RawRef { text, span, scope: ctx.scope });
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
                Diagnostic::new(
                    codes::INVALID_VALUE,
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
        if name == "in" {
            self.diags.push(reserved_name(name, span, "a name"));
            return false;
        }
        if crate::model::kinds::PREDEFINED.contains(&name) {
            self.diags.push(
                Diagnostic::new(codes::PREDEFINED_NAME, span, format!("`{name}` is predefined and cannot be declared"))
                    .with_help(format!(
                        "refer to `{name}` directly in flows; choose another name for this declaration"
                    )),
            );
            return false;
        }
        if !is_ident(name) {
            self.diags.push(
                Diagnostic::new(codes::MALFORMED_LITERAL, span, format!("`{name}` is not a valid name")).with_help(
                    "a name starts with a letter or `_` and holds letters, digits, `_` and `-`, not ending in `-`",
                ),
            );
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
                    Diagnostic::new(
                        codes::SYNTAX_ERROR,
                        d.kind.span,
                        format!("expected `:` after the property `{kind_text}`"),
                    )
                    .with_span_label(format!("`{kind_text}` is a property of {}", owner_kind.a()))
                    .with_help(format!("write `{kind_text}: …`"))
                    .with_fix(Fix::safe(d.kind.span, format!("{kind_text}:"))),
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
        let mut d = Diagnostic::new(codes::UNKNOWN_KIND, span, format!("unknown kind `{text}`"))
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
}

/// E0126 for a name that is a keyword (`in`) or predefined (`internet`)
/// where `what` (a name, a loop variable, a parameter, an alias) stands.
pub(crate) fn reserved_name(name: &str, span: Span, what: &str) -> Diagnostic {
    let msg = if crate::model::kinds::PREDEFINED.contains(&name) {
        format!("`{name}` is predefined and cannot be {what}")
    } else {
        format!("`{name}` is a keyword and cannot be {what}")
    };
    Diagnostic::new(codes::PREDEFINED_NAME, span, msg)
        .with_help("choose another name: `in` places declarations, and `internet` is everything outside AWS")
}

/// `50,000`.
fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Frame {
    fn span(&self) -> Span {
        match self {
            Frame::Instance { span, .. } | Frame::Loop { span, .. } => *span,
        }
    }
}

/// A declaration's statement up to its body's `{`.
fn head_of_decl(d: &ast::Decl, span: Span) -> Span {
    match &d.body {
        Some(b) if b.span.start > span.start => Span { end: b.span.start, ..span },
        _ => span,
    }
}

/// A statement's first part, without its body, for labels: `for VAR`, or a
/// declaration up to its `{`.
fn head(stmt: &Stmt) -> Span {
    let body = match &stmt.kind {
        StmtKind::For(f) => return Span { end: f.var.span.end, ..stmt.span },
        StmtKind::Decl(d) => d.body.as_ref(),
        StmtKind::Flow(f) => f.body.as_ref(),
        StmtKind::Peering(p) => p.body.as_ref(),
        StmtKind::Component(c) => return c.name.span,
        _ => None,
    };
    match body {
        Some(b) if b.span.start > stmt.span.start => Span { end: b.span.start, ..stmt.span },
        _ => stmt.span,
    }
}

/// A declaration that is only a word: `igw`, or the flag `multi_az`.
fn is_bare(d: &ast::Decl) -> bool {
    d.modifiers.is_empty() && d.name.is_none() && d.args.is_empty() && d.placement.is_none() && d.body.is_none()
}

pub(crate) fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return false };
    (first.is_ascii_alphabetic() || first == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !s.ends_with('-')
}
