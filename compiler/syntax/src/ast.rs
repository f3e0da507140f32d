//! The typed syntax tree. It mirrors what the user wrote, statement by
//! statement, with a span on every node; meaning (which kind goes where, what a
//! name refers to) is the core's business, so one statement type serves the top
//! level and every body alike.

use crate::span::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub stmts: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `key: value, value`
    Property(Property),
    /// `a -> b -> c : ports "label" { … }`
    Flow(Flow),
    /// `title "…"`, `direction right`, `theme dark`
    Setting(Setting),
    /// `use std/x`, `use ./f.arch as f`
    Use(Use),
    /// `component name(params) { … }`
    Component(Component),
    /// `for var in values { … }`
    For(For),
    /// `peering name a <-> b`
    Peering(Peering),
    /// `allow in 100 https from 0.0.0.0/0`
    NaclRule(NaclRule),
    /// `[modifiers] kind [name] [args] [in refs] [{ … }]`; a lone word is a
    /// declaration without a name (`igw`) or a flag (`multi_az`): the core
    /// decides which from the kind table.
    Decl(Decl),
    /// A statement that did not parse. Its diagnostic has been reported; a
    /// block it opened is kept so that the formatter can keep it.
    Error(ErrorStmt),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub stmts: Vec<Stmt>,
    pub span: Span,
    /// False when the file ended before the closing `}`.
    pub closed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub text: String,
    pub span: Span,
}

/// A piece of a word or a string: literal text or a `${param}` interpolation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String, Span),
    Interp(Ident),
}

/// A bare word (`t3.medium`, `shop.web`, `pub_${az}`). Used as a name, a kind, a
/// reference or a plain value depending on where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub pieces: Vec<Piece>,
    pub span: Span,
}

impl Word {
    /// The word as written, with interpolations shown as `${p}`.
    pub fn source_text(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(t, _) => out.push_str(t),
                Piece::Interp(id) => {
                    out.push_str("${");
                    out.push_str(&id.text);
                    out.push('}');
                }
            }
        }
        out
    }

    /// The text when the word has no interpolation.
    pub fn as_plain(&self) -> Option<&str> {
        match self.pieces.as_slice() {
            [Piece::Text(t, _)] => Some(t),
            _ => None,
        }
    }
}

/// A name or reference: a word, or a whole parameter `$p`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ref {
    Word(Word),
    Param(Ident),
}

impl Ref {
    pub fn span(&self) -> Span {
        match self {
            Ref::Word(w) => w.span,
            Ref::Param(p) => p.span,
        }
    }

    pub fn source_text(&self) -> String {
        match self {
            Ref::Word(w) => w.source_text(),
            Ref::Param(p) => format!("${}", p.text),
        }
    }
}

/// A string literal with its escapes already decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrLit {
    pub pieces: Vec<Piece>,
    pub span: Span,
    /// For a raw string `r"…"` / `r#"…"#`, the number of `#`: its one piece
    /// is the text as written (no escapes, no interpolation).
    pub raw: Option<usize>,
}

impl StrLit {
    /// The decoded text when the string has no interpolation.
    pub fn as_plain(&self) -> Option<String> {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(t, _) => out.push_str(t),
                Piece::Interp(_) => return None,
            }
        }
        Some(out)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind {
    String(StrLit),
    /// `10.0.0.0/16`, as written; the core checks octets and prefix.
    Cidr(String),
    /// `/26`, the digits after the slash.
    Prefix(String),
    /// `tcp/443`, `udp/53`, `tcp/8000-8100`
    ProtoPort {
        proto: String,
        low: String,
        high: Option<String>,
    },
    /// `8000-8100`
    Range {
        low: String,
        high: String,
    },
    /// `443`, `1.5`, `30s`, `512MB`: the number and its unit (possibly empty).
    Quantity {
        number: String,
        unit: String,
    },
    /// `[a, b]`
    List(Vec<Value>),
    /// `$param`
    Param(Ident),
    /// `t3.medium`, `true`, `shop.web`, `pub_${az}`
    Word(Word),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Property {
    pub key: Ident,
    pub values: Vec<Value>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// At least two: `a -> b -> c` has three hops and two arrows.
    pub hops: Vec<Ref>,
    pub ports: Vec<Value>,
    pub ports_span: Option<Span>,
    pub label: Option<StrLit>,
    pub body: Option<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Setting {
    pub key: Ident,
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Use {
    pub path: String,
    pub path_span: Span,
    pub alias: Option<Ident>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    pub name: Ident,
    /// None when written without parentheses.
    pub params: Option<Vec<Param>>,
    pub body: Block,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Ident,
    pub default: Option<Value>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct For {
    pub var: Ident,
    pub values: Vec<Value>,
    pub body: Block,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Peering {
    pub name: Ref,
    pub left: Ref,
    pub right: Ref,
    pub body: Option<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NaclRule {
    /// `allow` or `deny`
    pub action: Ident,
    /// `in` or `out`
    pub direction: Ident,
    pub number: Value,
    pub ports: Vec<Value>,
    /// `from` or `to`
    pub peer_keyword: Ident,
    pub peer: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Decl {
    pub modifiers: Vec<Ident>,
    pub kind: Word,
    pub name: Option<Ref>,
    pub args: Vec<Value>,
    /// `in a, b`: the span of `in` and the references.
    pub placement: Option<Placement>,
    pub body: Option<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub keyword: Span,
    pub refs: Vec<Ref>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ErrorStmt {
    pub text: String,
    pub body: Option<Block>,
    /// When the line starts like a declaration (`[modifiers] kind name …`),
    /// its kind and name: the name is still declared, as broken, so that its
    /// uses are not reported a second time.
    pub kind: Option<Word>,
    pub name: Option<Ref>,
}

impl StmtKind {
    /// The statement's block, if it has one.
    pub fn body(&self) -> Option<&Block> {
        match self {
            StmtKind::Flow(f) => f.body.as_ref(),
            StmtKind::Component(c) => Some(&c.body),
            StmtKind::For(f) => Some(&f.body),
            StmtKind::Peering(p) => p.body.as_ref(),
            StmtKind::Decl(d) => d.body.as_ref(),
            StmtKind::Error(e) => e.body.as_ref(),
            StmtKind::Property(_) | StmtKind::Setting(_) | StmtKind::Use(_) | StmtKind::NaclRule(_) => None,
        }
    }
}
