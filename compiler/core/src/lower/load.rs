//! Pass 1: parse the entry file and every module it imports, depth first,
//! each once; collect the component definitions of every module.

use std::collections::BTreeMap;

use crate::diag::codes;
use archc_syntax::ast::{self, StmtKind};
use archc_syntax::{Diagnostic, FileId, Span};

use crate::lower::expand::reserved_name;
use crate::lower::stdlib;
use crate::source::{join_relative, LoadError, Loader, SourceDb, MAX_SOURCE_BYTES};

/// Where the project root is, for E0119's help.
const ROOT_RULE: &str = "the nearest folder above the entry file with `.git` or `archc.toml`";

/// What archc can read, for E0127's help.
pub(crate) const READABLE: &str = "archc reads regular files of UTF-8 text up to 8 MiB (or standard input, `-`)";

/// E0127 for a text over [`MAX_SOURCE_BYTES`], at its first byte.
pub(crate) fn too_large(file: FileId, shown: &str) -> Diagnostic {
    Diagnostic::new(
        codes::UNREADABLE_INPUT,
        Span::new(file, 0, 0),
        format!("cannot read `{shown}`: it is larger than 8 MiB"),
    )
    .with_help(READABLE)
}

/// A parsed module and the scope its names live in.
pub(crate) struct Module {
    pub ast: ast::File,
    /// The alias path its names are under (`[]` for the entry file and for
    /// modules imported without `as`).
    pub scope: Vec<String>,
}

pub(crate) struct ComponentDef {
    pub name: String,
    pub module: usize,
    /// Index of the `component` statement in its module's top level.
    pub stmt: usize,
    pub span: Span,
}

pub(crate) struct Program {
    /// True when a `use` could not be loaded: names it would have declared
    /// are then not reported as unresolved, to spare a cascade.
    pub imports_failed: bool,
    pub modules: Vec<Module>,
    /// Modules in the order their statements are expanded: every import
    /// before the module that uses it. Indexes into `modules`.
    pub order: Vec<usize>,
    pub components: Vec<ComponentDef>,
}

struct Loading<'a> {
    db: &'a mut SourceDb,
    loader: &'a dyn Loader,
    modules: Vec<Module>,
    by_file: BTreeMap<FileId, usize>,
    /// Files whose loading is in progress, for cycle detection.
    stack: Vec<FileId>,
    /// A `use` named a module that could not be loaded.
    failed: bool,
    /// Where each imported file was first imported: a second `use` of it
    /// that would put it under another alias, or repeats it in one file, is
    /// reported rather than ignored.
    first_use: BTreeMap<FileId, Span>,
    order: Vec<usize>,
    diags: &'a mut Vec<Diagnostic>,
}

pub(crate) fn load(db: &mut SourceDb, entry: FileId, loader: &dyn Loader, diags: &mut Vec<Diagnostic>) -> Program {
    let mut l = Loading {
        db,
        loader,
        modules: Vec::new(),
        by_file: BTreeMap::new(),
        stack: Vec::new(),
        failed: false,
        first_use: BTreeMap::new(),
        order: Vec::new(),
        diags,
    };
    l.visit(entry, Vec::new());
    let mut components: Vec<ComponentDef> = Vec::new();
    for (m, module) in l.modules.iter().enumerate() {
        for (i, stmt) in module.ast.stmts.iter().enumerate() {
            match &stmt.kind {
                StmtKind::Component(c) => {
                    check_component(c, l.diags);
                    // Components share their module's scope (a module
                    // imported without `as` shares its importer's): a second
                    // of the same name there would never be instantiated.
                    let first =
                        components.iter().find(|d| d.name == c.name.text && l.modules[d.module].scope == module.scope);
                    if let Some(first) = first {
                        l.diags.push(
                            Diagnostic::new(
                                codes::DUPLICATE_NAME,
                                c.name.span,
                                format!("the component `{}` is defined twice", c.name.text),
                            )
                            .with_span_label("defined again here")
                            .with_label(first.span, format!("`{}` is first defined here", c.name.text))
                            .with_help("component names are unique within a file and the files it imports without `as`; rename one of them"),
                        );
                        continue;
                    }
                    components.push(ComponentDef { name: c.name.text.clone(), module: m, stmt: i, span: c.name.span });
                }
                StmtKind::Use(u) => {
                    if let Some(alias) = &u.alias {
                        if alias.text == "in" || crate::model::kinds::PREDEFINED.contains(&alias.text.as_str()) {
                            l.diags.push(reserved_name(&alias.text, alias.span, "an alias"));
                        }
                    }
                }
                _ => {}
            }
        }
        misplaced_top_level_stmts(&module.ast.stmts, l.diags);
    }
    Program { imports_failed: l.failed, modules: l.modules, order: l.order, components }
}

/// A component's name and parameters: a name that is a kind would never be
/// instantiated (the kind wins), and parameters are unique and not reserved.
fn check_component(c: &ast::Component, diags: &mut Vec<Diagnostic>) {
    if let Some(kind) = crate::model::kinds::Kind::from_keyword(&c.name.text) {
        diags.push(
            Diagnostic::new(
                codes::PREDEFINED_NAME,
                c.name.span,
                format!("`{}` is a kind and cannot name a component", c.name.text),
            )
            .with_help(format!(
                "`{} NAME` always declares {}: choose another name for the component",
                c.name.text,
                kind.a()
            )),
        );
    } else if c.name.text == "in" || crate::model::kinds::PREDEFINED.contains(&c.name.text.as_str()) {
        diags.push(reserved_name(&c.name.text, c.name.span, "a component's name"));
    }
    let params: Vec<&ast::Param> = c.params.iter().flatten().collect();
    for (i, p) in params.iter().enumerate() {
        if p.name.text == "in" || crate::model::kinds::PREDEFINED.contains(&p.name.text.as_str()) {
            diags.push(reserved_name(&p.name.text, p.name.span, "a parameter"));
        }
        if let Some(first) = params[..i].iter().find(|q| q.name.text == p.name.text) {
            diags.push(
                Diagnostic::new(
                    codes::COMPONENT_PARAMETERS,
                    p.name.span,
                    format!("the parameter `{}` is declared twice", p.name.text),
                )
                .with_span_label("declared again here")
                .with_label(first.name.span, "first declared here")
                .with_help("parameters of a component have different names; rename or remove one"),
            );
        }
    }
}

/// `use` and `component` stand only at the top level of a file: anywhere
/// else (in a `for`, a component's body, a declaration's or a flow's body)
/// they would be ignored, so they are reported wherever they stand, whether
/// that block is ever expanded or not. The walk is iterative: its depth is
/// the text's nesting, which the parser bounds, but it needs no stack.
fn misplaced_top_level_stmts(top: &[ast::Stmt], diags: &mut Vec<Diagnostic>) {
    let mut blocks: Vec<&ast::Block> = top.iter().filter_map(body_of).collect();
    while let Some(block) = blocks.pop() {
        for stmt in &block.stmts {
            match &stmt.kind {
                StmtKind::Use(_) => diags.push(
                    Diagnostic::new(codes::WRONG_PLACE, stmt.span, "`use` cannot stand here")
                        .with_help("`use` belongs at the top level of a file, outside every `{ }`"),
                ),
                StmtKind::Component(c) => diags.push(
                    Diagnostic::new(codes::WRONG_PLACE, c.name.span, "a component definition cannot stand here")
                        .with_help("a component definition belongs at the top level of a file, outside every `{ }`"),
                ),
                _ => {}
            }
            blocks.extend(body_of(stmt));
        }
    }
}

/// The block of statements a statement holds, if any. A line that did not
/// parse keeps its block unlowered (already reported), so it is not walked.
fn body_of(stmt: &ast::Stmt) -> Option<&ast::Block> {
    match &stmt.kind {
        StmtKind::For(f) => Some(&f.body),
        StmtKind::Component(c) => Some(&c.body),
        StmtKind::Decl(d) => d.body.as_ref(),
        StmtKind::Flow(f) => f.body.as_ref(),
        StmtKind::Peering(p) => p.body.as_ref(),
        _ => None,
    }
}

/// How many files deep a chain of imports may go (E0128).
const MAX_IMPORT_DEPTH: usize = 64;

impl Loading<'_> {
    fn visit(&mut self, file: FileId, scope: Vec<String>) -> Option<usize> {
        if let Some(&m) = self.by_file.get(&file) {
            return Some(m);
        }
        let text = self.db.get(file)?.text.clone();
        // The entry file (imports are measured where they are loaded).
        if text.len() > MAX_SOURCE_BYTES {
            let name = self.db.get(file).map(|s| s.name.clone()).unwrap_or_default();
            self.diags.push(too_large(file, &self.loader.show(&name)));
            self.failed = true;
            return None;
        }
        let (ast, syntax) = archc_syntax::parse(&text, file);
        self.diags.extend(syntax);
        let index = self.modules.len();
        self.by_file.insert(file, index);
        self.stack.push(file);
        let uses: Vec<ast::Use> = ast
            .stmts
            .iter()
            .filter_map(|s| match &s.kind {
                StmtKind::Use(u) => Some(u.clone()),
                _ => None,
            })
            .collect();
        self.modules.push(Module { ast, scope: scope.clone() });
        // Imports come first: a module's declarations are in place before
        // the statements of the file that uses them.
        for u in &uses {
            self.import(file, &scope, u);
        }
        self.order.push(index);
        self.stack.pop();
        Some(index)
    }

    fn import(&mut self, from: FileId, scope: &[String], u: &ast::Use) {
        if !self.load_import(from, scope, u) {
            self.failed = true;
        }
    }

    /// Loads and enters the module of `u`; false (after reporting why) when
    /// it cannot be loaded.
    fn load_import(&mut self, from: FileId, scope: &[String], u: &ast::Use) -> bool {
        let from_name = self.db.get(from).map(|s| s.name.clone()).unwrap_or_default();
        let path = u.path.as_str();
        let (name, text) = if let Some(module) = path.strip_prefix("std/") {
            let module = module.strip_suffix(".arch").unwrap_or(module);
            match stdlib::module(module) {
                Some(text) => (stdlib::file_name(module), text.to_string()),
                None => {
                    let names: Vec<&str> = stdlib::MODULES.iter().map(|(n, _)| *n).collect();
                    let mut d = Diagnostic::new(
                        codes::MODULE_NOT_FOUND,
                        u.path_span,
                        format!("there is no stdlib module `{module}`"),
                    );
                    d = match crate::diag::suggest::did_you_mean(module, names.iter().copied()) {
                        Some(s) => d.with_help(format!("did you mean `std/{s}`?")),
                        None => d.with_help(format!("the stdlib modules are {}", crate::model::kinds::one_of(&names))),
                    };
                    self.diags.push(d);
                    return false;
                }
            }
        } else if path.starts_with("./") || path.starts_with("../") {
            if stdlib::module_of_file(&from_name).is_some() {
                self.diags.push(Diagnostic::new(
                    codes::IMPORT_OUTSIDE_ROOT,
                    u.path_span,
                    "a stdlib module imports only other stdlib modules",
                ));
                return false;
            }
            let Some(joined) = join_relative(&from_name, path) else {
                self.diags.push(
                    Diagnostic::new(
                        codes::IMPORT_OUTSIDE_ROOT,
                        u.path_span,
                        format!("`{path}` is outside the project root"),
                    )
                    .with_span_label("imports stay inside the project")
                    .with_help(format!(
                        "move the file into the project, or import it from a path that stays inside; the project root is `{}` ({ROOT_RULE})",
                        self.loader.show("")
                    )),
                );
                return false;
            };
            if let Some(id) = self.db.id_of(&joined) {
                self.enter(id, scope, u);
                return true;
            }
            match self.loader.load(&joined) {
                Ok(text) => (joined, text),
                Err(err) => {
                    let d = match err {
                        LoadError::NotFound => {
                            let (folder, _) = from_name.rsplit_once('/').unwrap_or(("", ""));
                            Diagnostic::new(
                                codes::MODULE_NOT_FOUND,
                                u.path_span,
                                format!("cannot find `{path}` (looked for `{}`)", self.loader.show(&joined)),
                            )
                            .with_help(format!(
                                "`{path}` is relative to `{}/`, the folder of `{}`",
                                self.loader.show(folder).trim_end_matches('/'),
                                self.loader.show(&from_name)
                            ))
                        }
                        LoadError::Refused(why) => Diagnostic::new(
                            codes::IMPORT_OUTSIDE_ROOT,
                            u.path_span,
                            format!("`{path}` cannot be imported: {why}"),
                        ),
                        LoadError::Unreadable(why) => Diagnostic::new(
                            codes::UNREADABLE_INPUT,
                            u.path_span,
                            format!("cannot read `{path}`: {why}"),
                        )
                        .with_help(READABLE),
                    };
                    self.diags.push(d);
                    return false;
                }
            }
        } else if path.starts_with('/') || path.contains(":\\") || path.starts_with('\\') {
            self.diags.push(
                Diagnostic::new(codes::IMPORT_OUTSIDE_ROOT, u.path_span, format!("`{path}` is an absolute path"))
                    .with_help(format!(
                        "imports are relative to the importing file (`./net.arch`, `../shared/net.arch`) and stay inside the project root, `{}`",
                        self.loader.show("")
                    )),
            );
            return false;
        } else {
            self.diags.push(
                Diagnostic::new(
                    codes::IMPORT_OUTSIDE_ROOT,
                    u.path_span,
                    format!("`{path}` is neither a stdlib module nor a relative path"),
                )
                .with_help(format!("write `std/{path}` for the stdlib, or `./{path}` for a file next to this one")),
            );
            return false;
        };
        if text.len() > MAX_SOURCE_BYTES {
            self.diags.push(
                Diagnostic::new(
                    codes::UNREADABLE_INPUT,
                    u.path_span,
                    format!("cannot read `{path}`: it is larger than 8 MiB"),
                )
                .with_help(READABLE),
            );
            return false;
        }
        let id = self.db.add(name, text);
        self.enter(id, scope, u);
        true
    }

    fn enter(&mut self, id: FileId, scope: &[String], u: &ast::Use) {
        // Loading follows a chain of imports one file inside the other: a
        // bound on the chain is a bound on that recursion, whatever the
        // project holds.
        if self.stack.len() >= MAX_IMPORT_DEPTH {
            self.diags.push(
                Diagnostic::new(
                    codes::EXPANSION_LIMIT,
                    u.path_span,
                    format!("imports nested more than {MAX_IMPORT_DEPTH} deep"),
                )
                .with_span_label("this import is one too many")
                .with_help("import the shared files from one file side by side, rather than each from the next"),
            );
            self.failed = true;
            return;
        }
        if self.stack.contains(&id) {
            let name = self.db.get(id).map(|s| s.name.clone()).unwrap_or_default();
            let d = if self.stack.last() == Some(&id) {
                Diagnostic::new(codes::IMPORT_CYCLE, u.path_span, format!("`{name}` imports itself"))
                    .with_help("remove this `use`")
            } else {
                let chain: Vec<String> = self.stack[self.stack.iter().position(|f| *f == id).unwrap_or(0)..]
                    .iter()
                    .chain(std::iter::once(&id))
                    .filter_map(|f| self.db.get(*f).map(|s| format!("`{}`", s.name)))
                    .collect();
                Diagnostic::new(codes::IMPORT_CYCLE, u.path_span, format!("import cycle: {}", chain.join(" → ")))
                    .with_help("move what the files need from each other into a third file that none of them imports")
            };
            self.diags.push(d);
            return;
        }
        let mut child = scope.to_vec();
        if let Some(alias) = &u.alias {
            child.push(alias.text.clone());
        }
        if let (Some(&m), Some(&first)) = (self.by_file.get(&id), self.first_use.get(&id)) {
            // A file is loaded once, under the scope of its first import.
            let loaded = &self.modules[m].scope;
            let path = &u.path;
            let msg = if *loaded != child {
                let how = match loaded.last() {
                    Some(a) => format!("as `{a}`"),
                    None => "without `as`".to_string(),
                };
                Some(format!("`{path}` is already imported {how}: a file is imported once, under one name"))
            } else if first.file == u.path_span.file {
                Some(format!("`{path}` is imported twice in this file"))
            } else {
                // Two files import a third the same way: one module.
                None
            };
            if let Some(msg) = msg {
                self.diags.push(
                    Diagnostic::new(codes::DUPLICATE_PROPERTY, u.path_span, msg)
                        .with_label(first, "first imported here")
                        .with_help("remove this `use`, and name what the file declares as the first import does"),
                );
            }
            return;
        }
        self.first_use.entry(id).or_insert(u.path_span);
        self.visit(id, child);
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::MAX_IMPORT_DEPTH;
    use crate::diag::codes;
    use crate::source::{SourceDb, MAX_SOURCE_BYTES};

    /// A text over the cap is refused however it came (an entry, or an
    /// import from any loader), so no span offset is ever clamped.
    #[test]
    fn texts_over_the_cap_are_e0127() {
        let huge = " ".repeat(MAX_SOURCE_BYTES + 1);
        let (_, c) = crate::compile_str("big.arch", &huge);
        let got: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
        assert_eq!(got, [codes::UNREADABLE_INPUT.as_str()]);
        assert_eq!(c.diagnostics[0].message, "cannot read `big.arch`: it is larger than 8 MiB");

        let files = BTreeMap::from([("big.arch".to_string(), huge)]);
        let mut db = SourceDb::new();
        let entry = db.add("main.arch", "use ./big.arch\nregion us-east-1 { lambda f }\nf -> thing_in_big\n");
        let c = crate::compile(&mut db, entry, &files);
        let got: Vec<(&str, u32)> = c.diagnostics.iter().map(|d| (d.code.as_str(), d.span.start)).collect();
        assert_eq!(got, [(codes::UNREADABLE_INPUT.as_str(), 4)], "at the `use` path, and no cascade");
    }

    /// A chain of imports, each file using the next, is bounded: the
    /// 65th file is E0128 at its `use`, whatever the chain's length.
    #[test]
    fn import_chains_are_bounded() {
        for length in [MAX_IMPORT_DEPTH + 1, 5_000] {
            let files: BTreeMap<String, String> = (1..length)
                .map(|i| (format!("f{i}.arch"), format!("use ./f{}.arch\nregion us-east-1 {{ sqs q{i} }}\n", i + 1)))
                .chain(std::iter::once((format!("f{length}.arch"), "region us-east-1 { sqs last }\n".to_string())))
                .collect();
            let mut db = SourceDb::new();
            let entry = db.add("main.arch", "use ./f1.arch\n");
            let c = crate::compile(&mut db, entry, &files);
            let got: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
            assert_eq!(got, [codes::EXPANSION_LIMIT.as_str()], "{length} files");
            assert!(c.diagnostics[0].message.contains("nested more than 64 deep"));
            assert!(db.iter().count() <= MAX_IMPORT_DEPTH + 2, "files past the bound are never read");
        }
    }
}
