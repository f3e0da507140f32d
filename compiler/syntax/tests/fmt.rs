//! The canonical formatter: snapshots of messy inputs, its properties over
//! generated files (idempotent, meaning and comments preserved), refusal of
//! files with syntax errors, and the examples of LANGUAGE.md.

use archc_syntax::ast::*;
use archc_syntax::fmt::format;
use archc_syntax::{comments, parse, FileId, Span};
use proptest::prelude::*;

// ---------------------------------------------------------------- helpers

fn formatted(src: &str) -> String {
    match format(src) {
        Ok(out) => out,
        Err(diags) => panic!("format refused a valid file: {diags:#?}\n--- input ---\n{src}"),
    }
}

/// The syntax tree of `src` with every span zeroed, and its diagnostics.
fn erased_tree(src: &str) -> (File, usize) {
    let (mut file, diags) = parse(src, FileId(0));
    erase_file(&mut file);
    (file, diags.len())
}

/// The comment texts of `src`, sorted, without trailing spaces (the formatter
/// removes those).
fn comment_texts(src: &str) -> Vec<String> {
    let mut texts: Vec<String> =
        comments(src, FileId(0)).into_iter().map(|c| c.text.trim_end_matches([' ', '\t', '\r']).to_string()).collect();
    texts.sort();
    texts
}

/// Formats `src` and checks the formatter's properties on it: the output is a
/// fixed point, parses to the same tree (spans aside) without diagnostics,
/// keeps every comment, and is laid out cleanly. Returns the output.
fn check(src: &str) -> String {
    let once = formatted(src);
    let twice = formatted(&once);
    assert_eq!(twice, once, "not idempotent\n--- input ---\n{src}\n--- once ---\n{once}");

    let (before, _) = erased_tree(src);
    let (after, after_diags) = erased_tree(&once);
    assert_eq!(after_diags, 0, "the output has syntax diagnostics\n--- output ---\n{once}");
    assert_eq!(after, before, "the tree changed\n--- input ---\n{src}\n--- output ---\n{once}");

    assert_eq!(
        comment_texts(&once),
        comment_texts(src),
        "comments changed\n--- input ---\n{src}\n--- output ---\n{once}"
    );

    if !once.is_empty() {
        assert!(once.ends_with('\n') && !once.ends_with("\n\n"), "must end with one newline:\n{once}");
        assert!(!once.starts_with('\n'), "must not start with a blank line:\n{once}");
    }
    assert!(!once.contains("\n\n\n"), "a run of blank lines survived:\n{once}");
    // Comments are kept as they are (tabs included); the code around them is not.
    let mut code = once.clone();
    for c in comments(&once, FileId(0)).iter().rev() {
        code.replace_range(c.span.range(), "#");
    }
    assert!(!code.contains('\t') && !code.contains("\r\n"), "tab or CRLF in the output:\n{once:?}");
    // A lone carriage return survives only where it keeps a kind spelt like a
    // modifier from becoming one (see `fmt::Formatter::after_kind`).
    let lone_cr = |s: &str| s.replace("\r\n", "").contains('\r');
    assert!(!lone_cr(&code) || lone_cr(src), "a carriage return appeared:\n{once:?}");
    for line in code.lines() {
        assert_eq!(line.trim_end(), line, "trailing spaces:\n{once}");
        let indent = line.len() - line.trim_start_matches(' ').len();
        assert_eq!(indent % 2, 0, "odd indentation:\n{once}");
    }
    assert!(
        !code.contains("{\n\n") && !code.contains("\n\n}") && !code.contains("\n\n  }"),
        "blank line at a brace:\n{once}"
    );
    once
}

// ---------------------------------------------------------------- span erasure
//
// Every struct is destructured in full, so a field added to the tree is a
// compile error here rather than a span that silently escapes the comparison.

const Z: Span = Span { file: FileId(0), start: 0, end: 0 };

fn erase_file(file: &mut File) {
    let File { stmts, span } = file;
    *span = Z;
    stmts.iter_mut().for_each(erase_stmt);
}

fn erase_block(block: &mut Block) {
    let Block { stmts, span, closed: _ } = block;
    *span = Z;
    stmts.iter_mut().for_each(erase_stmt);
}

fn erase_opt_block(block: &mut Option<Block>) {
    if let Some(b) = block {
        erase_block(b);
    }
}

fn erase_ident(id: &mut Ident) {
    let Ident { text: _, span } = id;
    *span = Z;
}

fn erase_pieces(pieces: &mut [Piece]) {
    for piece in pieces {
        match piece {
            Piece::Text(_, span) => *span = Z,
            Piece::Interp(id) => erase_ident(id),
        }
    }
}

fn erase_word(word: &mut Word) {
    let Word { pieces, span } = word;
    *span = Z;
    erase_pieces(pieces);
}

fn erase_ref(r: &mut Ref) {
    match r {
        Ref::Word(w) => erase_word(w),
        Ref::Param(p) => erase_ident(p),
    }
}

fn erase_str(s: &mut StrLit) {
    let StrLit { pieces, span, .. } = s;
    *span = Z;
    erase_pieces(pieces);
}

fn erase_value(value: &mut Value) {
    let Value { kind, span } = value;
    *span = Z;
    match kind {
        ValueKind::String(s) => erase_str(s),
        ValueKind::List(items) => items.iter_mut().for_each(erase_value),
        ValueKind::Param(p) => erase_ident(p),
        ValueKind::Word(w) => erase_word(w),
        ValueKind::Cidr(_)
        | ValueKind::Prefix(_)
        | ValueKind::ProtoPort { .. }
        | ValueKind::Range { .. }
        | ValueKind::Quantity { .. } => {}
    }
}

fn erase_stmt(stmt: &mut Stmt) {
    let Stmt { kind, span } = stmt;
    *span = Z;
    match kind {
        StmtKind::Property(Property { key, values }) => {
            erase_ident(key);
            values.iter_mut().for_each(erase_value);
        }
        StmtKind::Flow(Flow { hops, ports, ports_span, label, body }) => {
            hops.iter_mut().for_each(erase_ref);
            ports.iter_mut().for_each(erase_value);
            if let Some(s) = ports_span {
                *s = Z;
            }
            if let Some(l) = label {
                erase_str(l);
            }
            erase_opt_block(body);
        }
        StmtKind::Setting(Setting { key, value }) => {
            erase_ident(key);
            erase_value(value);
        }
        StmtKind::Use(Use { path: _, path_span, alias }) => {
            *path_span = Z;
            if let Some(a) = alias {
                erase_ident(a);
            }
        }
        StmtKind::Component(Component { name, params, body }) => {
            erase_ident(name);
            for Param { name, default, span } in params.iter_mut().flatten() {
                *span = Z;
                erase_ident(name);
                if let Some(d) = default {
                    erase_value(d);
                }
            }
            erase_block(body);
        }
        StmtKind::For(For { var, values, body }) => {
            erase_ident(var);
            values.iter_mut().for_each(erase_value);
            erase_block(body);
        }
        StmtKind::Peering(Peering { name, left, right, body }) => {
            erase_ref(name);
            erase_ref(left);
            erase_ref(right);
            erase_opt_block(body);
        }
        StmtKind::NaclRule(NaclRule { action, direction, number, ports, peer_keyword, peer }) => {
            erase_ident(action);
            erase_ident(direction);
            erase_value(number);
            ports.iter_mut().for_each(erase_value);
            erase_ident(peer_keyword);
            erase_value(peer);
        }
        StmtKind::Decl(Decl { modifiers, kind, name, args, placement, body }) => {
            modifiers.iter_mut().for_each(erase_ident);
            erase_word(kind);
            if let Some(n) = name {
                erase_ref(n);
            }
            args.iter_mut().for_each(erase_value);
            if let Some(Placement { keyword, refs }) = placement {
                *keyword = Z;
                refs.iter_mut().for_each(erase_ref);
            }
            erase_opt_block(body);
        }
        StmtKind::Error(ErrorStmt { text: _, body, kind, name }) => {
            erase_opt_block(body);
            if let Some(k) = kind {
                erase_word(k);
            }
            if let Some(n) = name {
                erase_ref(n);
            }
        }
    }
}

#[test]
fn span_erasure_ignores_layout_but_not_content() {
    let a = erased_tree("vpc v 10.0.0.0/16 { igw }").0;
    let b = erased_tree("\n\nvpc   v 10.0.0.0/16 {\n  igw\n}\n").0;
    let c = erased_tree("vpc v 10.0.0.0/17 { igw }").0;
    assert_eq!(a, b);
    assert_ne!(a, c);
}

// ---------------------------------------------------------------- snapshots

const MESSY: &str = r#"# Web shop, written in a hurry.


title   "Web shop — production"
direction right;theme dark
use std/three_tier
use  ./network.arch   as net   # local module
use "./my module.arch"

region ap-northeast-2 {   # Seoul


  vpc shop 10.0.0.0/16,
      10.1.0.0/16 {
    igw
    az a {
      public  subnet pub_a 10.0.0.0/24 { nat nat_a }
      private subnet app_a 10.0.10.0/24
	isolated subnet db_a 10.0.20.0/24


    }
    az c { public subnet pub_c 10.0.1.0/24; private subnet app_c 10.0.11.0/24 }
    alb web in pub_a,pub_c{listen:443}
    asg app in app_a, app_c { instance: t3.medium; min: 2; max: 6 }
    rds orders in db_a, db_c { engine: postgres; multi_az: true }
    internal  nlb  inner in app_a, app_c { listen: tcp/8000-8100 }
    gateway   endpoint s3_ep s3
    interface endpoint secrets secretsmanager in app_a,   # first zone
      app_c
    subnet spare { size : /26 }
    nacl edge in pub_a, pub_c {
      allow in 100 https from 0.0.0.0/0
      allow  in 110 1024-65535 from 0.0.0.0/0 ; deny out 200 tcp/22,udp/53 to 10.0.0.0/8
    }
    lambda worker in app_a { runtime: python3.12; memory: 512MB; timeout: 30s; environment: "a long value that pushes the line past one hundred columns" }
  }
  s3 assets { versioning }
  sqs jobs {}
  dynamodb  orders_table{key:id;billing:on_demand}
  # end of region
}

component web_tier(cidr, azs = [a, b],
                   instance = "t3.micro",) {
  vpc main $cidr {
    for az in $azs {
      public subnet pub_${az} { size: /26 }
      ec2 box_${az} in pub_${az} { instance: $instance; tags: [
        "a",
        "b",
      ] }
    }
  }
}
web_tier shop2 { cidr: 10.1.0.0/16; azs: a, c }

peering link shop <-> shop2.main
peering p2 a <-> b { }

onprem office 192.168.0.0/16
users people
cloudfront cdn { origins: assets, web }
route53 shop_dns { domain: "shop.example.com"; alias: cdn }
internet->cdn:https
cdn -> web : https   # edge to origin
web -> app -> orders : 8080, tcp/5432 "HTTP \"API\""
app -> assets { pattern: "${env}-*" }
users -> cdn : https, 80,
   443
a -> b ; b -> c
# trailing comment at end of file



"#;

#[test]
fn snapshot_messy_file() {
    insta::assert_snapshot!(check(MESSY));
}

const COMMENTS: &str = r#"

# leading comment of the file

# before a (after a blank line)
a: 1  # after a
b: 2; c: 3  # after c, the last statement of the line
x {  # after the brace of x
  # first inside x
  y: 1
  z [1,  # inside a list
     2]   # after z


  # last inside x, after a run of blank lines
}  # after the closing brace of x
empty {
  # the only thing in this body
}
brace_only {  # only this
}
vpc v 10.0.0.0/16,  # after the first block
  10.1.0.0/16 {
  igw
}
component c(  # after the parenthesis
  a,  # after a
  # own line among the parameters
  b = [1,  # inside a default
    2],
) {}
   ;   # after a semicolon
deep { deeper { deepest {
      # three levels in
} } }   # after three braces
#no space after the hash, trailing spaces follow   
# last, at the end of the file"#;

#[test]
fn snapshot_comments_everywhere() {
    insta::assert_snapshot!(check(COMMENTS));
}

const ONE_LINE: &str = r#"a { x: 1; y: 2 }
a {x:1;y:2;}
a { x: 1
}
a {
  x: 1; y: 2 }
a { b { c: 1 } }
a { flag; other_flag; d: [1, 2] }
a { public b }
a { b c }
a { b -> c }
a { allow in 100 https from 0.0.0.0/0 }
a { x: 1,
  2 }
for az in a, b { x: 1 }
component k() { x: 1 }
component k { x: 1; y }
peering p a <-> b { tags: [x] }
a -> b : https { pattern: "x" }
a {}
a {  }
a {;;}
one_hundred_columns_exactly with_a_reasonably_long_name in subnet_one, subnet_two { x: 12345678, y }
one_hundred_and_one_columns with_a_reasonably_long_name in subnet_one, subnet_two { x: 123456789, y }
outer {
  nested_level_one_and_long_enough with_a_reasonably_long_name in subnet_1, subnet_2 { x: 1; yy: 2 }
  nested_level_one_and_long_enough with_a_reasonably_long_name in subnet_1, subnet_2 { x: 1; yyy: 2 }
}
"#;

#[test]
fn snapshot_one_line_bodies() {
    let out = check(ONE_LINE);
    for line in out.lines() {
        assert!(line.chars().count() <= 100 || !line.contains(" { "), "one-line body over 100 columns: {line}");
    }
    insta::assert_snapshot!(out);
}

const STRINGS: &str = r#"title "quote \" backslash \\ newline \n tab \t dollar \${x} interp ${az} \u{2014} — #hash $x {"
a: "\u{1}\u{7f}", "\u{41}\u{e9}", "", "${a}${b}", "$${a}", "\$"
use "./with space.arch" as sp
use "std/\u{61}bc"
b -> c "label with \"quotes\""
"#;

#[test]
fn snapshot_strings() {
    insta::assert_snapshot!(check(STRINGS));
}

#[test]
fn literals_are_kept_as_written() {
    let src = "x y 10.0.0.1/16, /26, 8000-8100, tcp/443, udp/53, tcp/1-2, 1.5, 30s, 512MB, 20GiB, $p, t3.medium, pub_${az}, [], [[a]]\n";
    assert_eq!(check(src), src);
}

#[test]
fn empty_and_blank_files() {
    assert_eq!(check(""), "");
    assert_eq!(check("\n\n  \n"), "");
    assert_eq!(check(";;\n;"), "");
    assert_eq!(check("\u{feff}a: 1"), "a: 1\n");
    assert_eq!(check("a: 1\r\n\r\n\r\nb: 2\r\n"), "a: 1\n\nb: 2\n");
    assert_eq!(check("# only a comment"), "# only a comment\n");
}

#[test]
fn the_language_example_keeps_its_one_line_bodies() {
    let src = "region r {\n  vpc v 10.0.0.0/16 {\n    asg app in app_a, app_c { instance: t3.medium; min: 2; max: 6 }\n  }\n}\n";
    assert_eq!(check(src), src);
    assert_eq!(
        check("public  subnet pub_a 10.0.0.0/24 { nat nat_a }"),
        "public subnet pub_a 10.0.0.0/24 { nat nat_a }\n"
    );
    // A nested declaration with a body of its own opens the body.
    assert_eq!(check("az a { public subnet p { nat n } }"), "az a {\n  public subnet p { nat n }\n}\n");
}

#[test]
fn a_kind_spelt_like_a_modifier_stays_a_kind() {
    // A modifier is followed by whitespace and a letter; any whitespace the
    // grammar knows counts, so the canonical single space keeps the meaning.
    let out = check("interface\rrds  web\n");
    assert_eq!(out, "interface rds web\n");
    assert_eq!(check("public  ${kind} web\n"), "public ${kind} web\n");
    assert_eq!(check("public\tinterface  x\n"), "public interface x\n");
}

// ---------------------------------------------------------------- refusal

#[test]
fn refuses_files_with_syntax_errors() {
    for src in [
        "vpc v {",
        "}",
        "a: \n",
        "x ???",
        "title \"bad \\q escape\"",
        "vpc v { 10.0.0.0/16 -> }",
        "a -> b : https\nregion r { vpc v 10.0.0.0/16 { igw } \n",
    ] {
        let (_, expected) = parse(src, FileId(0));
        assert!(!expected.is_empty(), "expected a syntax error in {src:?}");
        match format(src) {
            Ok(out) => panic!("formatted a file with syntax errors: {src:?} -> {out:?}"),
            Err(diags) => assert_eq!(diags, expected, "for {src:?}"),
        }
    }
}

// ---------------------------------------------------------------- LANGUAGE.md

#[test]
fn language_md_examples_round_trip() {
    // `shared/design/` beside the repository (CI, /work/main) or beside a
    // folder above it (a worktree): missing is a failure, never a skip.
    let repo = std::fs::canonicalize(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")).expect("repo");
    let path = repo
        .ancestors()
        .skip(1)
        .map(|dir| dir.join("shared/design/LANGUAGE.md"))
        .find(|p| p.is_file())
        .unwrap_or_else(|| panic!("no shared/design/LANGUAGE.md beside {} or a folder above it", repo.display()));
    let doc = std::fs::read_to_string(&path).expect("LANGUAGE.md is readable");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in doc.lines() {
        match &mut current {
            None if line.trim_start().starts_with("```arch") => current = Some(String::new()),
            None => {}
            Some(block) if line.trim_start().starts_with("```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
        }
    }
    let (mut checked, mut skipped) = (0, 0);
    for block in &blocks {
        let (_, diags) = parse(block, FileId(0));
        if !diags.is_empty() {
            assert!(block.contains('…'), "a LANGUAGE.md example has syntax errors: {diags:#?}\n{block}");
            assert!(format(block).is_err());
            skipped += 1;
            continue;
        }
        let out = check(block);
        assert_eq!(formatted(&out), out);
        checked += 1;
    }
    eprintln!("LANGUAGE.md: {checked} examples checked, {skipped} placeholders skipped");
    assert!(checked >= 1, "no LANGUAGE.md example was checked ({} blocks)", blocks.len());
}

// ---------------------------------------------------------------- generated files

/// A small deterministic generator of valid, messily laid out files: every
/// statement kind, values of every form, comments in every place a comment
/// can stand, `;` and line breaks, blank-line runs, one-line and multi-line
/// bodies, lists continued over lines, odd spacing, CRLF and a BOM.
struct Gen {
    state: u64,
    comments: usize,
}

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen { state: seed, comments: 0 }
    }

    /// SplitMix64.
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options.get(self.below(options.len())).copied().unwrap_or("x")
    }

    /// Space between two tokens.
    fn sp(&mut self) -> &'static str {
        self.pick(&[" ", " ", " ", "  ", "\t", " \t "])
    }

    /// Optional space where none is needed.
    fn osp(&mut self) -> &'static str {
        self.pick(&["", "", " ", "  "])
    }

    fn comment(&mut self) -> String {
        self.comments += 1;
        let body = self.pick(&["note", "\"quoted\" # hash", "x -> y { }", "", "trailing spaces  ", "ünïcödé —"]);
        let hash = self.pick(&["# ", "#", "## "]);
        format!("{hash}c{} {body}", self.comments)
    }

    fn indent(&mut self, depth: usize) -> String {
        match self.below(6) {
            0 => String::new(),
            1 => "\t".repeat(depth),
            2 => " ".repeat(depth * 4 + 1),
            _ => "  ".repeat(depth),
        }
    }

    /// The separator after a comma: in multi-line mode, sometimes a line
    /// break, with a comment before it.
    fn comma(&mut self, ml: bool) -> String {
        if ml && self.chance(15) {
            let comment = if self.chance(40) { format!("  {}", self.comment()) } else { String::new() };
            format!(",{comment}\n      ")
        } else {
            format!("{},{}", self.osp(), self.pick(&[" ", " ", "", "  "]))
        }
    }

    fn list(&mut self, ml: bool, n: usize, mut item: impl FnMut(&mut Gen) -> String) -> String {
        let mut out = item(self);
        for _ in 1..n.max(1) {
            out.push_str(&self.comma(ml));
            out.push_str(&item(self));
        }
        out
    }

    fn string(&mut self) -> String {
        let mut out = String::from("\"");
        for _ in 0..self.below(5) {
            out.push_str(self.pick(&[
                "hello",
                " ",
                "Web shop — production",
                "#not a comment",
                "\\\"",
                "\\\\",
                "\\n",
                "\\t",
                "\\$",
                "${az}",
                "$x",
                "{",
                "}",
                "\\u{2014}",
                "\\u{1}",
                "é",
                "a;b",
            ]));
        }
        out.push('"');
        out
    }

    fn value(&mut self, ml: bool, depth: usize) -> String {
        match self.below(11) {
            0 => self
                .pick(&[
                    "t3.medium",
                    "true",
                    "postgres",
                    "aurora-postgresql",
                    "python3.12",
                    "shop.web",
                    "pub_${az}",
                    "a",
                ])
                .into(),
            1 => self.pick(&["2", "443", "1.5", "30s", "512MB", "20GiB", "0"]).into(),
            2 => self.pick(&["10.0.0.0/16", "0.0.0.0/0", "192.168.1.0/24"]).into(),
            3 => self.pick(&["/26", "/24"]).into(),
            4 => "8000-8100".into(),
            5 => self.pick(&["tcp/443", "udp/53", "tcp/8000-8100"]).into(),
            6 => self.pick(&["$azs", "$cidr"]).into(),
            7 | 8 => self.string(),
            9 if depth < 2 => {
                let n = self.below(4);
                let open = if ml && self.chance(30) { "[\n        " } else { "[" };
                let items = if n == 0 { String::new() } else { self.list(ml, n, |g| g.value(ml, depth + 1)) };
                let close = match self.below(4) {
                    0 if n > 0 => ",]",
                    1 if ml && n > 0 => ",\n      ]",
                    _ => "]",
                };
                format!("{open}{}{items}{close}", self.osp())
            }
            _ => self.pick(&["x", "multi", "on_demand", "a.b.c"]).into(),
        }
    }

    fn values(&mut self, ml: bool) -> String {
        let n = 1 + self.below(3);
        self.list(ml, n, |g| g.value(ml, 0))
    }

    fn endpoint(&mut self) -> String {
        self.pick(&["internet", "cdn", "web", "app", "shop.web", "$src", "pub_${az}", "db-1"]).into()
    }

    fn port(&mut self) -> String {
        self.pick(&["https", "8080", "tcp/443", "8000-8100", "$port", "udp/53", "ssh"]).into()
    }

    fn ports(&mut self, ml: bool) -> String {
        let n = 1 + self.below(3);
        self.list(ml, n, |g| g.port())
    }

    /// A body: `{ … }` on one line, or over several lines when `ml`.
    fn body(&mut self, ml: bool, depth: usize) -> String {
        if ml && self.chance(60) {
            let brace = if self.chance(20) { format!("  {}", self.comment()) } else { String::new() };
            let mut out = format!("{{{brace}\n");
            let n = self.below(5);
            out.push_str(&self.stmts(n, depth + 1));
            if !out.ends_with('\n') {
                // The last statement ended with a bare `}` already on its line.
                return out;
            }
            if self.chance(15) {
                out.push_str(&format!("{}{}\n", self.indent(depth + 1), self.comment()));
            }
            out.push_str(&self.indent(depth));
            out.push('}');
            out
        } else {
            let n = self.below(4);
            let mut parts = Vec::new();
            for _ in 0..n {
                parts.push(self.stmt(false, depth + 1));
            }
            let sep = format!("{};{}", self.osp(), self.osp());
            let end = if n > 0 && self.chance(20) { ";" } else { "" };
            format!("{{{}{}{end}{}}}", self.osp(), parts.join(&sep), self.osp())
        }
    }

    fn opt_body(&mut self, ml: bool, depth: usize, percent: usize) -> String {
        if depth < 3 && self.chance(percent) {
            format!("{}{}", self.osp(), self.body(ml, depth))
        } else {
            String::new()
        }
    }

    /// One statement, without what ends it. `ml`: it may run over lines.
    fn stmt(&mut self, ml: bool, depth: usize) -> String {
        match self.below(13) {
            0 | 1 => {
                let key = self.pick(&["instance", "min", "multi_az", "origins", "tags", "size", "engine"]);
                let colon = self.pick(&[":", " :", ": ", " : ", ":\t"]);
                format!("{key}{colon}{}{}", self.osp(), self.values(ml))
            }
            2 => self.pick(&["multi_az", "igw", "versioning", "fifo"]).into(),
            3 | 4 => {
                let mut out = String::new();
                for _ in 0..self.below(3) {
                    out.push_str(self.pick(&["public", "private", "isolated", "internal", "gateway", "interface"]));
                    out.push_str(self.pick(&[" ", "  ", "\t"]));
                }
                out.push_str(self.pick(&[
                    "vpc", "subnet", "asg", "alb", "rds", "s3", "nat", "endpoint", "lambda", "az", "nacl", "web_tier",
                ]));
                if self.chance(80) {
                    let sp = self.sp();
                    out.push_str(sp);
                    out.push_str(self.pick(&["web", "app_a", "pub_${az}", "$name", "db-1", "x"]));
                    if self.chance(50) {
                        let sp = self.sp();
                        out.push_str(sp);
                        out.push_str(&self.values(ml));
                    }
                }
                if self.chance(30) {
                    let sp = self.sp();
                    out.push_str(sp);
                    out.push_str("in");
                    let sp = self.sp();
                    out.push_str(sp);
                    let n = 1 + self.below(3);
                    out.push_str(&self.list(ml, n, |g| g.endpoint()));
                }
                out.push_str(&self.opt_body(ml, depth, 40));
                out
            }
            5 | 6 => {
                let mut out = self.endpoint();
                for _ in 0..1 + self.below(2) {
                    out.push_str(self.pick(&["->", " -> ", "  ->\t"]));
                    out.push_str(&self.endpoint());
                }
                if self.chance(60) {
                    out.push_str(self.pick(&[":", " : ", " :", ": "]));
                    out.push_str(&self.ports(ml));
                }
                if self.chance(30) {
                    let sp = self.sp();
                    out.push_str(sp);
                    out.push_str(&self.string());
                }
                out.push_str(&self.opt_body(ml, depth, 15));
                out
            }
            7 => match self.below(3) {
                0 => format!("title{}{}", self.sp(), self.string()),
                1 => format!("direction{}{}", self.sp(), self.pick(&["right", "down"])),
                _ => format!("theme{}{}", self.sp(), self.pick(&["light", "dark"])),
            },
            8 => {
                let path = self.pick(&[
                    "std/three_tier",
                    "./network.arch",
                    "\"./my net.arch\"",
                    "\"std/x\"",
                    "../a-b/c_d.arch",
                ]);
                let alias = if self.chance(50) { format!("{}as{}net", self.sp(), self.sp()) } else { String::new() };
                format!("use{}{path}{alias}", self.sp())
            }
            9 if depth < 3 => {
                let name = self.pick(&["web_tier", "tier", "k"]);
                let params = match self.below(3) {
                    0 => String::new(),
                    _ => {
                        let n = self.below(4);
                        let nl = ml && self.chance(30);
                        let open = if nl { "(\n    " } else { "(" };
                        let items = if n == 0 {
                            String::new()
                        } else {
                            self.list(ml, n, |g| {
                                let p = g.pick(&["cidr", "azs", "instance", "n"]);
                                if g.chance(50) {
                                    format!("{p}{}={}{}", g.osp(), g.osp(), g.value(false, 0))
                                } else {
                                    p.to_string()
                                }
                            })
                        };
                        let close = match self.below(3) {
                            0 if n > 0 => ",)",
                            1 if nl => "\n)",
                            _ => ")",
                        };
                        format!("{}{open}{items}{close}", self.osp())
                    }
                };
                format!("component{}{name}{params}{}{}", self.sp(), self.osp(), self.body(ml, depth))
            }
            10 if depth < 3 => {
                format!(
                    "for{}az{}in{}{}{}{}",
                    self.sp(),
                    self.sp(),
                    self.sp(),
                    self.values(ml),
                    self.osp(),
                    self.body(ml, depth)
                )
            }
            11 => {
                let name = self.pick(&["p1", "link", "pr_${az}"]);
                let (a, b) = (self.endpoint(), self.endpoint());
                let body = self.opt_body(ml, depth, 20);
                format!("peering{}{name}{}{a}{}<->{}{b}{body}", self.sp(), self.sp(), self.osp(), self.osp())
            }
            _ => {
                let action = self.pick(&["allow", "deny"]);
                let dir = self.pick(&["in", "out"]);
                let number = self.pick(&["100", "110", "32766"]);
                let peer_kw = self.pick(&["from", "to"]);
                let peer = self.pick(&["0.0.0.0/0", "10.0.0.0/8", "office"]);
                format!(
                    "{action}{}{dir}{}{number}{}{}{}{peer_kw}{}{peer}",
                    self.sp(),
                    self.sp(),
                    self.sp(),
                    self.ports(ml),
                    self.sp(),
                    self.sp()
                )
            }
        }
    }

    /// `n` statements over lines, each line ended by a line break (or, for the
    /// very last statement of a body, sometimes by a closing `}`).
    fn stmts(&mut self, n: usize, depth: usize) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < n {
            if self.chance(20) {
                out.push_str(&"\n".repeat(1 + self.below(3)));
            }
            if self.chance(20) {
                let c = self.comment();
                let ind = self.indent(depth);
                out.push_str(&format!("{ind}{c}\n"));
                if self.chance(30) {
                    out.push_str(&"\n".repeat(1 + self.below(2)));
                }
            }
            if self.chance(5) {
                out.push_str(";  ");
            }
            out.push_str(&self.indent(depth));
            out.push_str(&self.stmt(true, depth));
            i += 1;
            // More statements on the same line, after `;`.
            while i < n && self.chance(25) {
                out.push_str(&format!("{};{}", self.osp(), self.osp()));
                out.push_str(&self.stmt(false, depth));
                i += 1;
            }
            if i == n && depth > 0 && self.chance(10) {
                out.push_str(" }");
                return out;
            }
            match self.below(6) {
                0 => out.push(';'),
                1 => {
                    let c = self.comment();
                    out.push_str(&format!("{}{c}", self.pick(&[" ", "  ", "\t"])));
                }
                2 => {
                    let c = self.comment();
                    out.push_str(&format!(";{}{c}", self.osp()));
                }
                3 => out.push_str(self.pick(&["  ", "\t"])),
                _ => {}
            }
            out.push('\n');
        }
        out
    }

    fn file(&mut self) -> String {
        let mut out = String::new();
        if self.chance(5) {
            out.push('\u{feff}');
        }
        if self.chance(10) {
            out.push_str("\n\n");
        }
        let n = self.below(10);
        out.push_str(&self.stmts(n, 0));
        if self.chance(20) {
            out.push_str(&self.comment());
            if self.chance(50) {
                out.push('\n');
            }
        }
        if self.chance(10) {
            out = out.replace('\n', "\r\n");
        }
        out
    }
}

#[test]
fn the_generator_makes_valid_files() {
    for seed in 0..500 {
        let src = Gen::new(seed).file();
        let (_, diags) = parse(&src, FileId(0));
        assert!(diags.is_empty(), "seed {seed}: generated an invalid file: {diags:#?}\n{src}");
    }
}

fn formats_or_refuses(src: &str) {
    let (_, diags) = parse(src, FileId(0));
    match format(src) {
        Ok(_) => {
            assert!(diags.iter().all(|d| !d.is_error()), "formatted a file with errors: {src:?}");
            check(src);
        }
        Err(errs) => assert_eq!(errs, diags),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    /// Idempotence, the tree and the comments, over generated files.
    #[test]
    fn formatting_keeps_meaning_and_comments(seed in any::<u64>()) {
        let src = Gen::new(seed).file();
        let (_, diags) = parse(&src, FileId(0));
        prop_assert!(diags.is_empty(), "generated an invalid file: {:#?}\n{}", diags, src);
        check(&src);
    }

    /// Any input at all: no panic; a refusal exactly when there are syntax
    /// errors, and the properties whenever it formats.
    #[test]
    fn never_panics(src in "[a-z0-9 {};:,#\"\\\\$/.\\-<>\\[\\]()=\n\t]{0,80}") {
        formats_or_refuses(&src);
    }

    /// Generated files with a few random edits: nearly valid input, where the
    /// odd corners are.
    #[test]
    fn edited_files_format_or_are_refused(seed in any::<u64>(), edits in proptest::collection::vec((any::<usize>(), 0usize..6, 0usize..20), 1..4)) {
        let mut src = Gen::new(seed).file();
        for (at, op, ch) in edits {
            let ch = ['{', '}', ';', '\n', '#', '"', ',', ' ', '\\', '$', '[', ']', '(', ')', ':', 'a', '1', '\t', '\r', '-'][ch];
            let bounds: Vec<usize> = src.char_indices().map(|(i, _)| i).chain([src.len()]).collect();
            let at = bounds[at % bounds.len()];
            let next = bounds.iter().copied().find(|&b| b > at).unwrap_or(at);
            match op {
                0 | 1 => src.insert(at, ch),
                2 | 3 => src.replace_range(at..next, ""),
                4 => {
                    let line_end = src[at..].find('\n').map_or(src.len(), |n| at + n);
                    let line = src[at..line_end].to_string();
                    src.insert_str(line_end, &format!("\n{line}"));
                }
                _ => src.replace_range(at..next, &ch.to_string()),
            }
        }
        formats_or_refuses(&src);
    }
}

// ---------------------------------------------------------------- the project's own files

/// Every `.arch` file of `examples/` and `stdlib/` that parses keeps the
/// formatter's properties.
#[test]
fn project_arch_files_round_trip() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut checked = 0;
    for dir in ["examples", "stdlib"] {
        let entries = std::fs::read_dir(root.join(dir)).unwrap_or_else(|e| panic!("cannot list {dir}/: {e}"));
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "arch")) {
            let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let errors: Vec<_> = parse(&src, FileId(0)).1.into_iter().filter(|d| d.is_error()).collect();
            assert!(errors.is_empty(), "{} has syntax errors: {errors:?}", path.display());
            check(&src);
            checked += 1;
        }
    }
    // 12 examples and 3 stdlib modules today; fewer means files went missing.
    assert!(checked >= 13, "only {checked} project .arch files checked");
}

#[test]
fn raw_strings_stay_raw() {
    let src = "bus -> fn { pattern: r#\"{\"source\": [\"orders\"]}\"# }\nq { label: r\"C:\\temp ${x} \\n\" }\nx -> y : https r##\"a \"# b\"##\nempty: r\"\", r#\"\"#\n";
    assert_eq!(check(src), src);
    assert_eq!(check("a:   r#\"x\"#  ,r\"y\""), "a: r#\"x\"#, r\"y\"\n");
}

#[test]
fn a_raw_string_is_its_text_as_written() {
    let src = "pattern: r#\"{\"a\": \"${b}\\n\"}\"#\n";
    let (file, diags) = parse(src, FileId(0));
    assert!(diags.is_empty(), "{diags:#?}");
    let StmtKind::Property(p) = &file.stmts[0].kind else { panic!("{file:#?}") };
    let ValueKind::String(s) = &p.values[0].kind else { panic!("{p:#?}") };
    assert_eq!(s.raw, Some(1));
    assert_eq!(s.as_plain().as_deref(), Some("{\"a\": \"${b}\\n\"}"));
    assert_eq!(&src[s.span.range()], "r#\"{\"a\": \"${b}\\n\"}\"#");
    // `r` alone, or before a space, is a word.
    let (file, diags) = parse("a: r, r2 \"x\"\n", FileId(0));
    assert_eq!(diags.len(), 1, "{file:#?}");
    let (_, diags) = parse("a: r, x\n", FileId(0));
    assert!(diags.is_empty());
}

#[test]
fn an_unterminated_raw_string_says_how_to_close_it() {
    for (src, close) in
        [("a: r#\"{\"x\": 1}\"\n", "`\"#`"), ("a: r\"abc\nb: 1\n", "`\"`"), ("a: r##\"x\"#\n", "`\"##`")]
    {
        let (_, diags) = parse(src, FileId(0));
        assert_eq!(diags.len(), 1, "{src}: {diags:#?}");
        let d = &diags[0];
        assert_eq!((d.code.as_str(), d.message.as_str()), ("E0102", "unterminated raw string"), "{src}");
        assert!(d.help.as_deref().unwrap_or("").contains(close), "{src}: {:?}", d.help);
        assert!(src[d.span.start as usize..].starts_with('r'), "{src}: {d:#?}");
    }
    // Its `#` is not a comment to the formatter either.
    let found = comments("a: r#\"x\"# # real\n", FileId(0));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "# real");
}
