//! The diagnostic value every stage produces. Rendering (human, JSON, SARIF)
//! lives in the core, which knows the source files; this is only the data.

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

/// A secondary place involved in a diagnostic, with what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// A machine-applicable fix: replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub span: Span,
    pub replacement: String,
}

/// One problem found in the input. `code` is stable (E0101, W0703…) and is what
/// `archc explain` documents; `span` is the place a user must change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub span: Span,
    /// What to say at the primary span, if more than the message.
    pub span_label: Option<String>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub suggestion: Option<Suggestion>,
}

impl Diagnostic {
    pub fn error(code: &'static str, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: if code.starts_with('W') { Severity::Warning } else { Severity::Error },
            message: message.into(),
            span,
            span_label: None,
            labels: Vec::new(),
            help: None,
            suggestion: None,
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

    pub fn with_suggestion(mut self, span: Span, replacement: impl Into<String>) -> Diagnostic {
        self.suggestion = Some(Suggestion { span, replacement: replacement.into() });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}
