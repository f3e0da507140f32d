//! The fast path: the grammar of `grammar/archc.pest`, compiled by hand into a
//! backtracking reader over bytes, for files that parse without a single
//! diagnostic. pest stays the grammar and the reader of every file that has a
//! problem: the moment this reader meets anything it would have to report (a
//! line that is not a statement, an unclosed block, a bad escape, …) it gives
//! up and `parse` runs pest on the whole file, so diagnostics and recovery
//! are pest's, unchanged.
//!
//! Why: pest checks its call limit and probes the native stack on every
//! sequence, repetition, option and lookahead, and builds a token queue that
//! the tree builder then walks again; on a 5,000-resource design that was four
//! fifths of `archc check`. Each function below mirrors one rule of the
//! grammar, in the same order of alternatives and with the same greediness, so
//! it accepts exactly the same statements and builds exactly the same tree
//! (spans included). `tests/fast_path.rs` holds it to that: on every example,
//! fixture and thousands of generated files, the fast path either gives up or
//! returns what pest returns.

use crate::ast::*;
use crate::span::{FileId, Span};

/// The statements of `src`, or `None` when the file needs pest (it has, or
/// might have, something to report).
pub(crate) fn parse(src: &str, file: FileId) -> Option<Vec<Stmt>> {
    // Raw strings are pest's (where `r#` would otherwise start a comment).
    // `"server"` is no raw string: one starts an `r` that follows no word.
    let bytes = src.as_bytes();
    if bytes.iter().enumerate().any(|(i, &b)| b == b'r' && crate::comments::raw_string_at(bytes, i).is_some()) {
        return None;
    }
    let r = Reader { s: src.as_bytes(), src, file };
    let (stmts, p) = r.stmts(0, false)?;
    (p == src.len()).then_some(stmts)
}

/// The kind and name of a line that starts like a declaration
/// (`[modifiers] kind name`, the name not followed by `:` or `->`), for a
/// statement that did not parse as a whole.
pub(crate) fn decl_head(src: &str, file: FileId, start: usize) -> Option<(Word, Ref)> {
    let r = Reader { s: src.as_bytes(), src, file };
    let mut q = start;
    while let Some(e) = r.modifier(q) {
        q = r.skip(e);
    }
    let (kind, e) = r.word(q)?;
    let q = r.skip(e);
    if r.kw(q, "in").is_some() {
        return None;
    }
    let (name, e) = r.name_ref(q)?;
    let next = r.skip(e);
    (!matches!(r.at(next), b':' | b'-' | b'.' | b'<')).then_some((kind, name))
}

type R<T> = Option<(T, usize)>;

struct Reader<'s> {
    s: &'s [u8],
    src: &'s str,
    file: FileId,
}

fn alpha(b: u8) -> bool {
    b.is_ascii_alphabetic()
}
fn alnum_(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}
fn ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

impl<'s> Reader<'s> {
    fn at(&self, p: usize) -> u8 {
        self.s.get(p).copied().unwrap_or(0)
    }
    fn starts(&self, p: usize, lit: &str) -> bool {
        self.s.get(p..).is_some_and(|r| r.starts_with(lit.as_bytes()))
    }
    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.file, a, b)
    }
    fn text(&self, a: usize, b: usize) -> &'s str {
        &self.src[a..b]
    }

    /// pest's implicit whitespace: spaces, tabs, `\r`, BOM, comments.
    fn skip(&self, mut p: usize) -> usize {
        loop {
            match self.at(p) {
                b' ' | b'\t' | b'\r' => p += 1,
                0xEF if self.starts(p, "\u{FEFF}") => p += 3,
                b'#' => {
                    while p < self.s.len() && self.s[p] != b'\n' {
                        p += 1;
                    }
                    // `\r\n` ends a comment too; the `\r` is whitespace.
                }
                _ => return p,
            }
        }
    }
    fn nl(&self, p: usize) -> Option<usize> {
        if self.at(p) == b'\n' {
            Some(p + 1)
        } else if self.starts(p, "\r\n") {
            Some(p + 2)
        } else {
            None
        }
    }
    /// `skip ~ nl*` (with skips between): the position after the last newline's skip.
    fn nls(&self, p: usize) -> usize {
        let mut p = self.skip(p);
        while let Some(q) = self.nl(p) {
            p = self.skip(q);
        }
        p
    }
    /// A keyword followed by no identifier character.
    fn kw(&self, p: usize, word: &str) -> Option<usize> {
        let e = p + word.len();
        (self.starts(p, word) && !ident_char(self.at(e))).then_some(e)
    }

    // ------------------------------------------------------------ structure

    /// `(sep | statement)*` of a file (`in_block` false) or a block, up to `}`
    /// or the end. Gives up on a stray `}` and on any `bad` statement.
    fn stmts(&self, mut p: usize, in_block: bool) -> R<Vec<Stmt>> {
        let mut out = Vec::new();
        loop {
            p = self.skip(p);
            match self.at(p) {
                0 if p >= self.s.len() => return Some((out, p)),
                b'\n' => p += 1,
                b';' => p += 1,
                b'\r' if self.at(p + 1) == b'\n' => p += 2,
                b'}' if in_block => return Some((out, p)),
                b'}' => return None,
                _ => {
                    let (stmt, q) = self.statement(p)?;
                    let e = self.skip(q);
                    match self.at(e) {
                        b'\n' | b';' | b'}' => {}
                        b'\r' if self.at(e + 1) == b'\n' => {}
                        0 if e >= self.s.len() => {}
                        _ => return None,
                    }
                    out.push(stmt);
                    p = q;
                }
            }
        }
    }

    fn block(&self, p: usize) -> R<Block> {
        if self.at(p) != b'{' {
            return None;
        }
        let (stmts, q) = self.stmts(p + 1, true)?;
        if self.at(q) != b'}' {
            return None;
        }
        Some((Block { stmts, span: self.span(p, q + 1), closed: true }, q + 1))
    }
    fn opt_block(&self, p: usize) -> (Option<Block>, usize) {
        let q = self.skip(p);
        match self.block(q) {
            Some((b, e)) => (Some(b), e),
            None => (None, p),
        }
    }

    /// `good_statement`, in the grammar's order of alternatives. The end is
    /// that of its last part (the statement's tight span).
    fn statement(&self, p: usize) -> R<Stmt> {
        let (kind, e) = self
            .property(p)
            .map(|(x, e)| (StmtKind::Property(x), e))
            .or_else(|| self.flow(p).map(|(x, e)| (StmtKind::Flow(x), e)))
            .or_else(|| self.setting(p).map(|(x, e)| (StmtKind::Setting(x), e)))
            .or_else(|| self.use_stmt(p).map(|(x, e)| (StmtKind::Use(x), e)))
            .or_else(|| self.component(p).map(|(x, e)| (StmtKind::Component(x), e)))
            .or_else(|| self.for_stmt(p).map(|(x, e)| (StmtKind::For(x), e)))
            .or_else(|| self.peering(p).map(|(x, e)| (StmtKind::Peering(x), e)))
            .or_else(|| self.nacl_rule(p).map(|(x, e)| (StmtKind::NaclRule(x), e)))
            .or_else(|| self.decl(p).map(|(x, e)| (StmtKind::Decl(x), e)))?;
        Some((Stmt { kind, span: self.span(p, e) }, e))
    }

    // ------------------------------------------------------------ statements

    fn property(&self, p: usize) -> R<Property> {
        let (key, q) = self.ident(p)?;
        let q = self.skip(q);
        if self.at(q) != b':' {
            return None;
        }
        let (values, e) = self.values(self.skip(q + 1), Self::value)?;
        Some((Property { key, values }, e))
    }

    fn flow(&self, p: usize) -> R<Flow> {
        let (first, mut e) = self.endpoint(p)?;
        let mut hops = vec![first];
        loop {
            let q = self.skip(e);
            if !self.starts(q, "->") {
                break;
            }
            match self.endpoint(self.skip(q + 2)) {
                Some((r, q)) => {
                    hops.push(r);
                    e = q;
                }
                None => break,
            }
        }
        if hops.len() < 2 {
            return None;
        }
        let mut flow = Flow { hops, ports: Vec::new(), ports_span: None, label: None, body: None };
        let q = self.skip(e);
        if self.at(q) == b':' {
            if let Some((ports, pe)) = self.values(self.skip(q + 1), Self::port) {
                flow.ports_span = Some(self.span(self.skip(q + 1), pe));
                flow.ports = ports;
                e = pe;
            }
        }
        let q = self.skip(e);
        if let Some((label, le)) = self.string(q) {
            flow.label = Some(label);
            e = le;
        }
        let (body, be) = self.opt_block(e);
        if body.is_some() {
            flow.body = body;
            e = be;
        }
        Some((flow, e))
    }

    fn setting(&self, p: usize) -> R<Setting> {
        let e = ["title", "direction", "theme"].iter().find_map(|k| self.kw(p, k))?;
        let key = Ident { text: self.text(p, e).to_string(), span: self.span(p, e) };
        let (value, e) = self.value(self.skip(e))?;
        Some((Setting { key, value }, e))
    }

    fn use_stmt(&self, p: usize) -> R<Use> {
        let q = self.skip(self.kw(p, "use")?);
        let (path, mut e) = if self.at(q) == b'"' {
            let (lit, e) = self.string(q)?;
            // An interpolated path is reported: pest's business.
            (lit.as_plain()?, e)
        } else {
            let mut e = q;
            while matches!(self.at(e), b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'-' | b'.' | b'/') {
                e += 1;
            }
            if e == q {
                return None;
            }
            (self.text(q, e).to_string(), e)
        };
        let mut use_ = Use { path, path_span: self.span(q, e), alias: None };
        let a = self.skip(e);
        if let Some(a) = self.kw(a, "as") {
            if let Some((alias, ae)) = self.ident(self.skip(a)) {
                use_.alias = Some(alias);
                e = ae;
            }
        }
        Some((use_, e))
    }

    fn component(&self, p: usize) -> R<Component> {
        let q = self.skip(self.kw(p, "component")?);
        let (name, mut e) = self.ident(q)?;
        let mut params = None;
        let q = self.skip(e);
        if let Some((list, pe)) = self.params(q) {
            params = Some(list);
            e = pe;
        }
        let (body, e) = self.block(self.skip(e))?;
        Some((Component { name, params, body }, e))
    }

    /// `( nl* (param (, nl* param)* ,?)? nl* )`
    fn params(&self, p: usize) -> R<Vec<Param>> {
        if self.at(p) != b'(' {
            return None;
        }
        let mut list = Vec::new();
        let mut q = self.nls(p + 1);
        if let Some((first, e)) = self.param(q) {
            list.push(first);
            q = e;
            loop {
                let c = self.skip(q);
                if self.at(c) != b',' {
                    break;
                }
                match self.param(self.nls(c + 1)) {
                    Some((x, e)) => {
                        list.push(x);
                        q = e;
                    }
                    None => break,
                }
            }
            let c = self.skip(q);
            if self.at(c) == b',' {
                q = c + 1;
            }
        }
        let q = self.nls(q);
        (self.at(q) == b')').then_some((list, q + 1))
    }

    /// `ident (= value)?`; without a default, pest's span of the parameter
    /// takes in the whitespace after the name.
    fn param(&self, p: usize) -> R<Param> {
        let (name, e) = self.ident(p)?;
        let q = self.skip(e);
        if self.at(q) == b'=' {
            if let Some((v, ve)) = self.value(self.skip(q + 1)) {
                return Some((Param { name, default: Some(v), span: self.span(p, ve) }, ve));
            }
        }
        Some((Param { name, default: None, span: self.span(p, q) }, q))
    }

    fn for_stmt(&self, p: usize) -> R<For> {
        let q = self.skip(self.kw(p, "for")?);
        let (var, e) = self.ident(q)?;
        let q = self.skip(self.kw(self.skip(e), "in")?);
        let (values, e) = self.values(q, Self::value)?;
        let (body, e) = self.block(self.skip(e))?;
        Some((For { var, values, body }, e))
    }

    fn peering(&self, p: usize) -> R<Peering> {
        let q = self.skip(self.kw(p, "peering")?);
        // Only a `name` here, not a `$param`.
        let (name, e) = self.pieces(q, false)?;
        let name = Ref::Word(name);
        let (left, e) = self.endpoint(self.skip(e))?;
        let q = self.skip(e);
        if !self.starts(q, "<->") {
            return None;
        }
        let (right, e) = self.endpoint(self.skip(q + 3))?;
        let (body, be) = self.opt_block(e);
        let e = if body.is_some() { be } else { e };
        Some((Peering { name, left, right, body }, e))
    }

    fn nacl_rule(&self, p: usize) -> R<NaclRule> {
        let word = |p: usize, words: &[&str]| -> R<Ident> {
            let e = words.iter().find_map(|k| self.kw(p, k))?;
            Some((Ident { text: self.text(p, e).to_string(), span: self.span(p, e) }, e))
        };
        let (action, e) = word(p, &["allow", "deny"])?;
        let (direction, e) = word(self.skip(e), &["in", "out"])?;
        let (number, e) = self.quantity(self.skip(e))?;
        let (ports, e) = self.values(self.skip(e), Self::port)?;
        let (peer_keyword, e) = word(self.skip(e), &["from", "to"])?;
        let (peer, e) = self.value(self.skip(e))?;
        Some((NaclRule { action, direction, number, ports, peer_keyword, peer }, e))
    }

    fn decl(&self, p: usize) -> R<Decl> {
        let mut modifiers = Vec::new();
        let mut q = p;
        while let Some(e) = self.modifier(q) {
            modifiers.push(Ident { text: self.text(q, e).to_string(), span: self.span(q, e) });
            q = self.skip(e);
        }
        let (kind, mut e) = self.word(q)?;
        let mut decl = Decl { modifiers, kind, name: None, args: Vec::new(), placement: None, body: None };
        let q = self.skip(e);
        if self.kw(q, "in").is_none() {
            if let Some((name, ne)) = self.name_ref(q) {
                decl.name = Some(name);
                e = ne;
            }
        }
        let q = self.skip(e);
        if self.kw(q, "in").is_none() {
            if let Some((args, ae)) = self.values(q, Self::value) {
                decl.args = args;
                e = ae;
            }
        }
        let q = self.skip(e);
        if let Some(k) = self.kw(q, "in") {
            if let Some((refs, pe)) = self.values(self.skip(k), Self::endpoint) {
                decl.placement = Some(Placement { keyword: self.span(q, k), refs });
                e = pe;
            }
        }
        let (body, be) = self.opt_block(e);
        if body.is_some() {
            decl.body = body;
            e = be;
        }
        Some((decl, e))
    }

    fn modifier(&self, p: usize) -> Option<usize> {
        let e =
            ["public", "private", "isolated", "internal", "gateway", "interface"].iter().find_map(|k| self.kw(p, k))?;
        let mut q = e;
        loop {
            match self.at(q) {
                b' ' | b'\t' | b'\r' => q += 1,
                0xEF if self.starts(q, "\u{FEFF}") => q += 3,
                _ => break,
            }
        }
        (q > e && (alpha(self.at(q)) || self.at(q) == b'_')).then_some(e)
    }

    // ------------------------------------------------------------ values

    /// `item (, nl* item)*`: a comma that is not followed by an item is not
    /// part of it. The end is pest's: the whitespace between the first item and
    /// the repetition is skipped unconditionally, so a list of one item ends
    /// after the whitespace that follows it.
    fn values<T>(&self, p: usize, item: fn(&Self, usize) -> R<T>) -> R<Vec<T>> {
        let (first, e) = item(self, p)?;
        let mut e = self.skip(e);
        let mut out = vec![first];
        loop {
            let c = self.skip(e);
            if self.at(c) != b',' {
                break;
            }
            match item(self, self.nls(c + 1)) {
                Some((x, q)) => {
                    out.push(x);
                    e = q;
                }
                None => break,
            }
        }
        Some((out, e))
    }

    fn value(&self, p: usize) -> R<Value> {
        let b = self.at(p);
        let (kind, e) = match b {
            b'"' => self.string(p).map(|(s, e)| (ValueKind::String(s), e))?,
            b'0'..=b'9' => return self.cidr(p).or_else(|| self.range(p)).or_else(|| self.quantity(p)),
            b'/' => {
                let e = self.digits(p + 1)?;
                (ValueKind::Prefix(self.text(p + 1, e).to_string()), e)
            }
            b'[' => return self.list(p),
            b'$' if self.at(p + 1) != b'{' => return self.param_value(p),
            _ => return self.proto_port(p).or_else(|| self.word_value(p)),
        };
        Some((Value { kind, span: self.span(p, e) }, e))
    }

    fn port(&self, p: usize) -> R<Value> {
        match self.at(p) {
            b'0'..=b'9' => self.range(p).or_else(|| self.quantity(p)),
            b'$' if self.at(p + 1) != b'{' => self.param_value(p),
            _ => self.proto_port(p).or_else(|| self.word_value(p)),
        }
    }

    fn word_value(&self, p: usize) -> R<Value> {
        let (w, e) = self.word(p)?;
        Some((Value { kind: ValueKind::Word(w), span: self.span(p, e) }, e))
    }
    fn param_value(&self, p: usize) -> R<Value> {
        let (id, e) = self.param_ref(p)?;
        Some((Value { kind: ValueKind::Param(id), span: self.span(p, e) }, e))
    }

    fn list(&self, p: usize) -> R<Value> {
        let mut q = self.nls(p + 1);
        let mut items = Vec::new();
        if let Some((vs, e)) = self.values(q, Self::value) {
            items = vs;
            q = e;
            let c = self.skip(q);
            if self.at(c) == b',' {
                q = c + 1;
            }
        }
        let q = self.nls(q);
        (self.at(q) == b']').then(|| (Value { kind: ValueKind::List(items), span: self.span(p, q + 1) }, q + 1))
    }

    fn digits(&self, p: usize) -> Option<usize> {
        let mut e = p;
        while self.at(e).is_ascii_digit() {
            e += 1;
        }
        (e > p).then_some(e)
    }

    fn cidr(&self, p: usize) -> R<Value> {
        let mut q = p;
        for i in 0..4 {
            let e = self.digits(q)?;
            let e = e.min(q + 3);
            q = e;
            let want = if i < 3 { b'.' } else { b'/' };
            if self.at(q) != want {
                return None;
            }
            q += 1;
        }
        let e = self.digits(q)?;
        Some((Value { kind: ValueKind::Cidr(self.text(p, e).to_string()), span: self.span(p, e) }, e))
    }

    fn range_parts(&self, p: usize) -> Option<(usize, usize)> {
        let m = self.digits(p)?;
        if self.at(m) != b'-' {
            return None;
        }
        Some((m, self.digits(m + 1)?))
    }
    fn range(&self, p: usize) -> R<Value> {
        let (m, e) = self.range_parts(p)?;
        let kind = ValueKind::Range { low: self.text(p, m).to_string(), high: self.text(m + 1, e).to_string() };
        Some((Value { kind, span: self.span(p, e) }, e))
    }

    fn quantity(&self, p: usize) -> R<Value> {
        let mut e = self.digits(p)?;
        if self.at(e) == b'.' {
            if let Some(f) = self.digits(e + 1) {
                e = f;
            }
        }
        let cut = e;
        while alpha(self.at(e)) {
            e += 1;
        }
        let kind = ValueKind::Quantity { number: self.text(p, cut).to_string(), unit: self.text(cut, e).to_string() };
        Some((Value { kind, span: self.span(p, e) }, e))
    }

    fn proto_port(&self, p: usize) -> R<Value> {
        if !(self.starts(p, "tcp/") || self.starts(p, "udp/")) {
            return None;
        }
        let proto = self.text(p, p + 3).to_string();
        let q = p + 4;
        let (kind, e) = match self.range_parts(q) {
            Some((m, e)) => (
                ValueKind::ProtoPort {
                    proto,
                    low: self.text(q, m).to_string(),
                    high: Some(self.text(m + 1, e).to_string()),
                },
                e,
            ),
            None => {
                let e = self.digits(q)?;
                (ValueKind::ProtoPort { proto, low: self.text(q, e).to_string(), high: None }, e)
            }
        };
        Some((Value { kind, span: self.span(p, e) }, e))
    }

    /// Where a run of string text stops: a quote, a backslash, `${`, a line break.
    fn ends_text(&self, q: usize) -> bool {
        matches!(self.s[q], b'"' | b'\\' | b'\n') || self.starts(q, "\r\n") || self.starts(q, "${")
    }

    fn string(&self, p: usize) -> R<StrLit> {
        if self.at(p) != b'"' {
            return None;
        }
        let mut pieces: Vec<Piece> = Vec::new();
        let mut q = p + 1;
        loop {
            match self.at(q) {
                b'"' => break,
                b'\n' => return None,
                b'\r' if self.at(q + 1) == b'\n' => return None,
                b'$' if self.at(q + 1) == b'{' => {
                    let (id, e) = self.interp(q)?;
                    pieces.push(Piece::Interp(id));
                    q = e;
                }
                b'\\' => {
                    let c = match self.at(q + 1) {
                        b'"' => "\"",
                        b'\\' => "\\",
                        b'n' => "\n",
                        b't' => "\t",
                        b'$' => "$",
                        // `\u{…}` and anything unknown: pest decodes or reports it.
                        _ => return None,
                    };
                    push_text(&mut pieces, c, self.span(q, q + 2));
                    q += 2;
                }
                0 if q >= self.s.len() => return None,
                _ => {
                    let start = q;
                    while q < self.s.len() && !self.ends_text(q) {
                        q += 1;
                    }
                    push_text(&mut pieces, self.text(start, q), self.span(start, q));
                }
            }
        }
        Some((StrLit { pieces, span: self.span(p, q + 1), raw: None }, q + 1))
    }

    // ------------------------------------------------------------ names

    fn ident(&self, p: usize) -> R<Ident> {
        let e = self.ident_end(p)?;
        Some((Ident { text: self.text(p, e).to_string(), span: self.span(p, e) }, e))
    }
    fn ident_end(&self, p: usize) -> Option<usize> {
        let b = self.at(p);
        if !(alpha(b) || b == b'_') {
            return None;
        }
        let mut e = p + 1;
        loop {
            let b = self.at(e);
            if alnum_(b) || (b == b'-' && alnum_(self.at(e + 1))) {
                e += 1;
            } else {
                return Some(e);
            }
        }
    }
    fn interp(&self, p: usize) -> R<Ident> {
        if !self.starts(p, "${") {
            return None;
        }
        let (id, e) = self.ident(p + 2)?;
        (self.at(e) == b'}').then_some((id, e + 1))
    }
    fn param_ref(&self, p: usize) -> R<Ident> {
        if self.at(p) != b'$' {
            return None;
        }
        let e = self.ident_end(p + 1)?;
        Some((Ident { text: self.text(p + 1, e).to_string(), span: self.span(p, e) }, e))
    }
    fn endpoint(&self, p: usize) -> R<Ref> {
        match self.param_ref(p) {
            Some((id, e)) => Some((Ref::Param(id), e)),
            None => self.word(p).map(|(w, e)| (Ref::Word(w), e)),
        }
    }
    fn name_ref(&self, p: usize) -> R<Ref> {
        match self.param_ref(p) {
            Some((id, e)) => Some((Ref::Param(id), e)),
            None => self.pieces(p, false).map(|(w, e)| (Ref::Word(w), e)),
        }
    }
    fn word(&self, p: usize) -> R<Word> {
        self.pieces(p, true)
    }

    /// `word` (dots allowed) or `name`: text and `${p}` pieces.
    fn pieces(&self, p: usize, dots: bool) -> R<Word> {
        let b = self.at(p);
        if !(alpha(b) || b == b'_' || self.starts(p, "${")) {
            return None;
        }
        let mut pieces = Vec::new();
        let mut q = p;
        loop {
            if let Some((id, e)) = self.interp(q) {
                pieces.push(Piece::Interp(id));
                q = e;
                continue;
            }
            let start = q;
            loop {
                let b = self.at(q);
                let joiner = b == b'-' || (dots && b == b'.');
                if alnum_(b) || (joiner && (alnum_(self.at(q + 1)) || self.starts(q + 1, "${"))) {
                    q += 1;
                } else {
                    break;
                }
            }
            if q == start {
                break;
            }
            pieces.push(Piece::Text(self.text(start, q).to_string(), self.span(start, q)));
        }
        if pieces.is_empty() {
            return None;
        }
        Some((Word { pieces, span: self.span(p, q) }, q))
    }
}

fn push_text(pieces: &mut Vec<Piece>, text: &str, span: Span) {
    if let Some(Piece::Text(prev, prev_span)) = pieces.last_mut() {
        prev.push_str(text);
        *prev_span = prev_span.join(span);
    } else {
        pieces.push(Piece::Text(text.to_string(), span));
    }
}
