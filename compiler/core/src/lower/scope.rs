//! Name scopes and reference resolution.
//!
//! A scope is a file's top level (modules imported without `as` share their
//! importer's) or a component instance or aliased import, identified by its
//! path of instance/alias names. Names are unique within a scope. A reference
//! `p1.….pn` matches a declaration named `pn` whose qualifiers (scope names,
//! then container names: region, vpc, zone, subnet) contain `p1…pn-1` in
//! order; among several matches the one in the innermost enclosing scope of
//! the reference wins, and a tie is ambiguous.

use std::collections::HashMap;

use crate::diag::codes;
use archc_syntax::{Diagnostic, Span};

use crate::diag::suggest::did_you_mean;
use crate::model::kinds::Kind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct ScopeId(pub usize);

/// What a name in a scope stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Entity {
    /// A declaration (index into the raw nodes).
    Node(usize),
    /// A component instance or aliased import: a scope of its own.
    Scope(ScopeId),
    /// A peering connection: named, but not a place traffic goes to.
    Peering,
}

pub(crate) struct Scope {
    pub path: Vec<String>,
    pub parent: Option<ScopeId>,
    // Hash maps: only looked up, never iterated, so no order reaches output.
    names: HashMap<String, (Entity, Span)>,
}

/// What lookup needs to know of a declaration.
pub(crate) struct Candidate {
    /// Its qualified id (`us-east-1.shop.web`): the names that may qualify
    /// it in a dotted reference, outermost first, then its name.
    pub id: String,
    /// Where its name starts in `id`.
    pub name_at: usize,
    pub kind: Kind,
    pub scope: ScopeId,
    pub span: Span,
    /// A second declaration of a name already taken: reported, and never
    /// found, so that references to the name reach the first one.
    pub hidden: bool,
}

impl Candidate {
    /// A candidate for the declaration `name` whose qualified id is `id`
    /// (which ends in `name`).
    pub fn new(id: &str, name: &str, kind: Kind, scope: ScopeId, span: Span) -> Candidate {
        let name_at = if id.ends_with(name) { id.len() - name.len() } else { 0 };
        Candidate { id: id.to_string(), name_at, kind, scope, span, hidden: false }
    }

    pub fn name(&self) -> &str {
        &self.id[self.name_at..]
    }

    /// Names that may qualify it in a dotted reference, outermost first.
    fn qualifiers(&self) -> impl DoubleEndedIterator<Item = &str> + Clone {
        let quals = if self.name_at == 0 { None } else { Some(&self.id[..self.name_at - 1]) };
        quals.into_iter().flat_map(|q| q.split('.'))
    }

    /// Whether a reference may name it. Zones are merged by letter, not
    /// declared as names (LANGUAGE.md §3): `b` is a zone of every VPC, so it
    /// is never what a reference means, though it may qualify one
    /// (`shop.b.pub_b`).
    fn findable(&self) -> bool {
        !self.hidden && self.kind != Kind::Az
    }
}

#[derive(Default)]
pub(crate) struct Scopes {
    scopes: Vec<Scope>,
    /// Scopes by their dotted path (`shop.net`; `` for the root).
    by_path: HashMap<String, ScopeId>,
    /// Candidates by name, so that a lookup looks only at its namesakes.
    by_name: HashMap<String, Vec<usize>>,
    /// Candidates by name and scope: a reference finds its namesakes in the
    /// scopes that enclose it without looking at every instance's (a
    /// component instantiated thousands of times has thousands of `q`s).
    by_name_scope: HashMap<(String, ScopeId), Vec<usize>>,
    /// How many unresolved names got a "did you mean" (see [`MAX_SUGGESTIONS`]).
    suggested: std::cell::Cell<usize>,
}

/// "Did you mean" compares an unresolved name with every declaration; past
/// this many in one compilation it is left out, so thousands of unresolved
/// names cost linear time, not quadratic (TypeScript stops at 10).
const MAX_SUGGESTIONS: usize = 100;

pub(crate) enum Lookup {
    Found(usize),
    NotFound,
    Ambiguous(Vec<usize>),
    /// The path names a component instance or alias, not a declaration.
    IsScope(ScopeId),
}

impl Scopes {
    /// The scope at `path`, made on first use (with its parent chain).
    pub fn at(&mut self, path: &[String]) -> ScopeId {
        let dotted = path.join(".");
        if let Some(id) = self.by_path.get(&dotted) {
            return *id;
        }
        let parent = if path.is_empty() { None } else { Some(self.at(&path[..path.len() - 1])) };
        let id = ScopeId(self.scopes.len());
        self.scopes.push(Scope { path: path.to_vec(), parent, names: HashMap::new() });
        self.by_path.insert(dotted, id);
        id
    }

    pub fn get(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.0]
    }

    /// Declares `name` in `scope`; a second declaration of the same name is
    /// reported at the second, with a label on the first.
    pub fn declare(
        &mut self,
        scope: ScopeId,
        name: &str,
        entity: Entity,
        span: Span,
        diags: &mut Vec<Diagnostic>,
    ) -> bool {
        let names = &mut self.scopes[scope.0].names;
        if let Some((_, first)) = names.get(name) {
            diags.push(
                Diagnostic::new(codes::DUPLICATE_NAME, span, format!("the name `{name}` is declared twice"))
                    .with_span_label("declared again here")
                    .with_label(*first, format!("`{name}` is first declared here"))
                    .with_help("names are unique within a file (and within a component instance); rename one of them"),
            );
            return false;
        }
        names.insert(name.to_string(), (entity, span));
        true
    }

    /// Makes candidate `index` findable by its name.
    pub fn index(&mut self, name: &str, scope: ScopeId, index: usize) {
        self.by_name_scope.entry((name.to_string(), scope)).or_default().push(index);
        match self.by_name.get_mut(name) {
            Some(list) => list.push(index),
            None => {
                self.by_name.insert(name.to_string(), vec![index]);
            }
        }
    }

    /// The scope chain from `scope` out to the root.
    fn chain(&self, scope: ScopeId) -> Vec<ScopeId> {
        let mut out = vec![scope];
        let mut at = scope;
        while let Some(p) = self.scopes[at.0].parent {
            out.push(p);
            at = p;
        }
        out
    }

    /// Resolves the dotted reference `text` (`shop.web`) from `from`.
    pub fn lookup(&self, from: ScopeId, text: &str, nodes: &[Candidate]) -> Lookup {
        let path: Vec<&str> = text.split('.').collect();
        let Some((&last, quals)) = path.split_last() else {
            return Lookup::NotFound;
        };
        // A path that names a scope itself (`shop`, `net`).
        if let Some(&id) = self.by_path.get(text) {
            let declared_here = self.chain(from).iter().any(|s| self.scopes[s.0].path.len() + 1 == path.len());
            let namesake = self
                .by_name
                .get(last)
                .into_iter()
                .flatten()
                .any(|&i| nodes[i].findable() && subsequence(quals, nodes[i].qualifiers()));
            if declared_here && !namesake {
                return Lookup::IsScope(id);
            }
        }
        // The innermost enclosing scope with a match decides; only when none
        // has one are all the namesakes looked at (the same answer as
        // looking at all of them first: one match anywhere is found, several
        // are decided by the innermost scope that holds any).
        let chain = self.chain(from);
        let key = |s: ScopeId| (last.to_string(), s);
        for &s in &chain {
            let here: Vec<usize> = self
                .by_name_scope
                .get(&key(s))
                .into_iter()
                .flatten()
                .copied()
                .filter(|&i| nodes.get(i).is_some_and(|n| n.findable() && subsequence(quals, n.qualifiers())))
                .collect();
            match here.len() {
                0 => continue,
                1 => return Lookup::Found(here[0]),
                _ => return Lookup::Ambiguous(here),
            }
        }
        let matches: Vec<usize> = self
            .by_name
            .get(last)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| nodes.get(i).is_some_and(|n| n.findable() && subsequence(quals, n.qualifiers())))
            .collect();
        match matches.len() {
            0 => Lookup::NotFound,
            1 => Lookup::Found(matches[0]),
            _ => Lookup::Ambiguous(matches),
        }
    }

    /// The qualified display path of a scope (`shop.net`), for messages.
    pub fn display(&self, id: ScopeId) -> String {
        self.scopes[id.0].path.join(".")
    }
}

/// The shortest dotted path (the name and its nearest qualifiers) that
/// picks `i` out of the candidates `among`.
fn shortest_path(i: usize, among: &[usize], nodes: &[Candidate]) -> String {
    let n = &nodes[i];
    let qualifiers: Vec<&str> = n.qualifiers().collect();
    for k in 1..=qualifiers.len() {
        let quals = &qualifiers[qualifiers.len() - k..];
        let unique = among.iter().filter(|&&j| j != i).all(|&j| !subsequence(quals, nodes[j].qualifiers()));
        if unique {
            return quals.iter().copied().chain(std::iter::once(n.name())).collect::<Vec<_>>().join(".");
        }
    }
    qualifiers.iter().copied().chain(std::iter::once(n.name())).collect::<Vec<_>>().join(".")
}

/// Whether `needle` appears in `hay` in order (not necessarily adjacent).
fn subsequence<'h>(needle: &[&str], hay: impl Iterator<Item = &'h str>) -> bool {
    let mut it = hay;
    needle.iter().all(|n| it.any(|h| h == *n))
}

impl Lookup {
    pub fn found(&self) -> Option<usize> {
        match self {
            Lookup::Found(i) => Some(*i),
            _ => None,
        }
    }
}

/// The diagnostic for a reference that did not resolve to one declaration.
pub(crate) fn unresolved(
    result: &Lookup,
    path_text: &str,
    span: Span,
    nodes: &[Candidate],
    scopes: &Scopes,
    wanted: &[Kind],
) -> Diagnostic {
    match result {
        Lookup::Ambiguous(list) => {
            let mut d = Diagnostic::new(
                codes::AMBIGUOUS_REFERENCE,
                span,
                format!("`{path_text}` could mean {} declarations", list.len()),
            );
            let mut paths = Vec::new();
            for &i in list {
                let n = &nodes[i];
                let short = shortest_path(i, list, nodes);
                d = d.with_label(n.span, format!("`{short}`, {}", n.kind.a()));
                paths.push(format!("`{short}`"));
            }
            d.with_help(format!("qualify the name: {}", paths.join(" or ")))
        }
        Lookup::IsScope(id) => {
            let prefix = scopes.display(*id);
            let members: Vec<String> = nodes
                .iter()
                .filter(|n| n.scope == *id && (wanted.is_empty() || wanted.contains(&n.kind)))
                .take(4)
                .map(|n| format!("`{prefix}.{}`", n.name()))
                .collect();
            let d = Diagnostic::new(
                codes::WRONG_KIND_REFERENCE,
                span,
                format!("`{path_text}` is a component instance or module, not a resource"),
            );
            if members.is_empty() {
                d
            } else {
                d.with_help(format!("name one of its members, such as {}", members.join(", ")))
            }
        }
        _ => {
            let last = path_text.rsplit('.').next().unwrap_or(path_text);
            let d = Diagnostic::new(codes::UNRESOLVED_REFERENCE, span, format!("cannot find `{path_text}`"))
                .with_span_label("no declaration has this name");
            scopes.suggested.set(scopes.suggested.get() + 1);
            if scopes.suggested.get() > MAX_SUGGESTIONS {
                return d;
            }
            // Zone letters and region codes are not names: never suggested
            // for a misspelt one.
            let pool = nodes
                .iter()
                .filter(|n| !n.hidden && !matches!(n.kind, Kind::Az | Kind::Region))
                .filter(|n| wanted.is_empty() || wanted.contains(&n.kind))
                .map(Candidate::name);
            match did_you_mean(last, pool.chain(crate::model::kinds::PREDEFINED.iter().copied())) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d,
            }
        }
    }
}
