//! The diagnostic value every stage produces, and the [`Code`] type of the
//! registry. Rendering (human, JSON, SARIF) lives in the core, which knows the
//! source files; this is only the data.
//!
//! A code is never a string at the place that reports it: each stage names a
//! constant that its registry macro generated (the syntax codes in
//! [`codes`], the front end's and the checker's in `archc_core::diag`), and
//! the same macro lists it, so a diagnostic cannot carry a code that
//! `archc explain` does not know.

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One entry of the code registry: the stable code (`E0106`), its
/// kebab-case name, its severity, a one-line summary and the Markdown that
/// `archc explain` prints. Made only by the registry macros
/// ([`declare_codes!`](crate::declare_codes)), which also list it.
#[derive(Debug)]
pub struct Code {
    code: &'static str,
    name: &'static str,
    severity: Severity,
    summary: &'static str,
    explanation: &'static str,
}

impl Code {
    /// For the registry macros only: a code made elsewhere would be missing
    /// from the lists that `archc explain` and SARIF read.
    #[doc(hidden)]
    pub const fn __registry_entry(
        code: &'static str,
        name: &'static str,
        severity: Severity,
        summary: &'static str,
        explanation: &'static str,
    ) -> Code {
        Code { code, name, severity, summary, explanation }
    }

    /// `E0106`
    pub fn as_str(&self) -> &'static str {
        self.code
    }

    /// kebab-case and stable: `duplicate-name`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    pub fn severity(&self) -> Severity {
        self.severity
    }

    pub fn summary(&self) -> &'static str {
        self.summary
    }

    /// Markdown: what it means, why, an example that fails and the fixed one.
    pub fn explanation(&self) -> &'static str {
        self.explanation
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Code) -> bool {
        self.code == other.code
    }
}

impl Eq for Code {}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Code) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Code) -> std::cmp::Ordering {
        self.code.cmp(other.code)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code)
    }
}

/// Declares registry entries: for each, a constant `&'static Code`, and one
/// list `ALL` of them in order. The explanation is an expression (an
/// `include_str!` of the code's Markdown, or a rule's doc comment).
///
/// ```ignore
/// declare_codes! {
///     DUPLICATE_NAME = "E0106", "duplicate-name", Error, "a name declared twice", include_str!("codes/E0106.md");
/// }
/// ```
#[macro_export]
macro_rules! declare_codes {
    ($( $(#[$meta:meta])* $ident:ident = $code:literal, $name:literal, $severity:ident, $summary:literal, $explanation:expr; )*) => {
        $(
            $(#[$meta])*
            pub const $ident: &$crate::diag::Code = &$crate::diag::Code::__registry_entry(
                $code, $name, $crate::diag::Severity::$severity, $summary, $explanation,
            );
        )*
        /// Every code declared here, in order.
        pub const ALL: &[&$crate::diag::Code] = &[$($ident),*];
    };
}

/// The codes the parser reports.
pub mod codes {
    crate::declare_codes! {
        SYNTAX_ERROR = "E0100", "syntax-error", Error, "a line that is not a statement: what was expected, what was found", include_str!("codes/E0100.md");
        UNBALANCED_BRACE = "E0101", "unbalanced-brace", Error, "an unclosed `{` or an unmatched `}`", include_str!("codes/E0101.md");
        BAD_STRING = "E0102", "bad-string", Error, "an unterminated string or an unknown escape", include_str!("codes/E0102.md");
        MALFORMED_LITERAL = "E0103", "malformed-literal", Error, "a malformed literal: CIDR, number, unit, port, region code, zone letter or name", include_str!("codes/E0103.md");
    }
}

/// A secondary place involved in a diagnostic, with what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// How far a fix can be trusted (ruff's `Applicability`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// Keeps the meaning the user intended: a tool may apply it unasked.
    Safe,
    /// Makes the file valid but may change what it means (`10.0.1.0/16`
    /// may have meant `/24`): shown, applied only when a user asks.
    Unsafe,
    /// A sketch for a human to read; never applied by a tool.
    DisplayOnly,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

/// Replace the text of `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A fix: edits that apply together, and how far they can be trusted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    pub fn new(applicability: Applicability, edits: Vec<Edit>) -> Fix {
        Fix { edits, applicability }
    }

    /// One replacement that keeps the intended meaning.
    pub fn safe(span: Span, replacement: impl Into<String>) -> Fix {
        Fix::new(Applicability::Safe, vec![Edit { span, replacement: replacement.into() }])
    }

    /// One replacement that may change the meaning.
    pub fn unsafe_edit(span: Span, replacement: impl Into<String>) -> Fix {
        Fix::new(Applicability::Unsafe, vec![Edit { span, replacement: replacement.into() }])
    }

    pub fn is_safe(&self) -> bool {
        self.applicability == Applicability::Safe
    }
}

/// One problem found in the input. `code` is stable (E0101, W0703…) and is what
/// `archc explain` documents; `span` is the place a user must change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static Code,
    pub message: String,
    pub span: Span,
    /// What to say at the primary span, if more than the message.
    pub span_label: Option<String>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// For a diagnostic about a flow: every blocker of the flow, both ways
    /// (INTERFACES.md, `"blockers"`); empty otherwise.
    pub blockers: Vec<FlowBlocker>,
    /// Lines the human output adds after `help:` (`= note: ...`); the JSON
    /// and SARIF output carry `blockers` instead. A flow's diagnostic says
    /// each blocker once here, however many subnet pairs it stops.
    pub notes: Vec<String>,
}

/// One thing that stops a flow one way, as a diagnostic carries it: plain
/// data, so the syntax crate need not know the network plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowBlocker {
    /// In the vocabulary of AWS's Reachability Analyzer where it has a word
    /// (`NO_ROUTE_TO_DESTINATION`), archc's own UPPER_SNAKE word otherwise.
    pub reason: &'static str,
    /// The layout id of the component that stops it.
    pub component: String,
    /// `forward` or `return`.
    pub direction: &'static str,
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic of `code`, at the code's severity.
    pub fn new(code: &'static Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            message: message.into(),
            span,
            span_label: None,
            labels: Vec::new(),
            help: None,
            fix: None,
            blockers: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn with_label(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        if !span.is_detached() {
            self.labels.push(Label { span, message: message.into() });
        }
        self
    }

    pub fn with_span_label(mut self, message: impl Into<String>) -> Diagnostic {
        self.span_label = Some(message.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Diagnostic {
        self.fix = Some(fix);
        self
    }

    /// The blockers of the flow this diagnostic is about.
    pub fn with_blockers(mut self, blockers: Vec<FlowBlocker>) -> Diagnostic {
        self.blockers = blockers;
        self
    }

    /// A `= note:` line of the human output.
    pub fn with_note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    /// The severity is the code's: the registry says it once.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// Every span the diagnostic names: primary, labels, fix edits. A caller
    /// that moves the diagnostic to another source database maps them all.
    pub fn spans_mut(&mut self) -> impl Iterator<Item = &mut Span> {
        std::iter::once(&mut self.span)
            .chain(self.labels.iter_mut().map(|l| &mut l.span))
            .chain(self.fix.iter_mut().flat_map(|f| f.edits.iter_mut().map(|e| &mut e.span)))
    }
}
