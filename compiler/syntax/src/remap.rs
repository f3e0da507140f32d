//! Moving every span of a tree (and of diagnostics) through a function: used
//! when a file is re-read with a `}` put in where one is missing, to bring the
//! spans back to the text as the user wrote it.

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::span::Span;

pub(crate) trait MapSpans {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span);
}

impl MapSpans for Span {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        *self = f(*self);
    }
}

impl<T: MapSpans> MapSpans for Vec<T> {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        self.iter_mut().for_each(|x| x.map_spans(f));
    }
}

impl<T: MapSpans> MapSpans for Option<T> {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        if let Some(x) = self {
            x.map_spans(f);
        }
    }
}

impl MapSpans for Diagnostic {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        for span in self.spans_mut() {
            span.map_spans(f);
        }
    }
}

impl MapSpans for Ident {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        self.span.map_spans(f);
    }
}

impl MapSpans for Piece {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        match self {
            Piece::Text(_, span) => span.map_spans(f),
            Piece::Interp(id) => id.map_spans(f),
        }
    }
}

impl MapSpans for Word {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        self.span.map_spans(f);
        self.pieces.map_spans(f);
    }
}

impl MapSpans for StrLit {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        self.span.map_spans(f);
        self.pieces.map_spans(f);
    }
}

impl MapSpans for Ref {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        match self {
            Ref::Word(w) => w.map_spans(f),
            Ref::Param(p) => p.map_spans(f),
        }
    }
}

impl MapSpans for Value {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        self.span.map_spans(f);
        match &mut self.kind {
            ValueKind::String(s) => s.map_spans(f),
            ValueKind::List(items) => items.map_spans(f),
            ValueKind::Param(p) => p.map_spans(f),
            ValueKind::Word(w) => w.map_spans(f),
            ValueKind::Cidr(_)
            | ValueKind::Prefix(_)
            | ValueKind::ProtoPort { .. }
            | ValueKind::Range { .. }
            | ValueKind::Quantity { .. } => {}
        }
    }
}

impl MapSpans for Block {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        self.span.map_spans(f);
        self.stmts.map_spans(f);
    }
}

impl MapSpans for Param {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        self.span.map_spans(f);
        self.name.map_spans(f);
        self.default.map_spans(f);
    }
}

impl MapSpans for Placement {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        self.keyword.map_spans(f);
        self.refs.map_spans(f);
    }
}

impl MapSpans for File {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        self.span.map_spans(f);
        self.stmts.map_spans(f);
    }
}

impl MapSpans for Stmt {
    fn map_spans(&mut self, f: &dyn Fn(Span) -> Span) {
        self.span.map_spans(f);
        match &mut self.kind {
            StmtKind::Property(p) => {
                p.key.map_spans(f);
                p.values.map_spans(f);
            }
            StmtKind::Flow(x) => {
                x.hops.map_spans(f);
                x.ports.map_spans(f);
                x.ports_span.map_spans(f);
                x.label.map_spans(f);
                x.body.map_spans(f);
            }
            StmtKind::Setting(s) => {
                s.key.map_spans(f);
                s.value.map_spans(f);
            }
            StmtKind::Use(u) => {
                u.path_span.map_spans(f);
                u.alias.map_spans(f);
            }
            StmtKind::Component(c) => {
                c.name.map_spans(f);
                c.params.map_spans(f);
                c.body.map_spans(f);
            }
            StmtKind::For(x) => {
                x.var.map_spans(f);
                x.values.map_spans(f);
                x.body.map_spans(f);
            }
            StmtKind::Peering(p) => {
                p.name.map_spans(f);
                p.left.map_spans(f);
                p.right.map_spans(f);
                p.body.map_spans(f);
            }
            StmtKind::NaclRule(n) => {
                n.action.map_spans(f);
                n.direction.map_spans(f);
                n.number.map_spans(f);
                n.ports.map_spans(f);
                n.peer_keyword.map_spans(f);
                n.peer.map_spans(f);
            }
            StmtKind::Decl(d) => {
                d.modifiers.map_spans(f);
                d.kind.map_spans(f);
                d.name.map_spans(f);
                d.args.map_spans(f);
                d.placement.map_spans(f);
                d.body.map_spans(f);
            }
            StmtKind::Error(e) => {
                e.body.map_spans(f);
                e.kind.map_spans(f);
                e.name.map_spans(f);
            }
        }
    }
}
