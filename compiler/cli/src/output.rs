//! Where output goes: standard output for documents (JSON, SARIF, formatted
//! text, explanations), standard error for diagnostics and messages, and
//! whether standard error gets colour.

use std::io::{self, IsTerminal, Write};

use crate::Outcome;

/// Colour only when standard error is a terminal and `NO_COLOR` is not set
/// (set to anything, even the empty string).
pub fn stderr_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && io::stderr().is_terminal()
}

/// Writes `text` to standard output. A closed pipe (`archc … | head`) is not
/// an error; any other write failure is an output that could not be written.
pub fn stdout(text: &str) -> Outcome {
    stdout_bytes(text.as_bytes())
}

/// Writes bytes (a PNG, say) to standard output, as [`stdout`] writes text.
pub fn stdout_bytes(bytes: &[u8]) -> Outcome {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Outcome::Success,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Outcome::Success,
        Err(e) => {
            error(&format!("cannot write to standard output: {e}"));
            Outcome::Failure
        }
    }
}

/// Writes `text` to standard error, ignoring failures (there is nowhere
/// left to report them).
pub fn stderr(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

/// Writes to standard error through a buffer, as `write` produces it (a
/// report of thousands of diagnostics is never held whole), ignoring
/// failures as [`stderr`] does.
pub fn stderr_with(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) {
    let mut err = io::BufWriter::new(io::stderr().lock());
    let _ = write(&mut err).and_then(|()| err.flush());
}

/// The diagnostics of `report` on standard error, as rustc shows them.
pub fn diagnostics(db: &archc_core::SourceDb, diags: &[archc_core::Diagnostic]) {
    let color = stderr_color();
    stderr_with(|w| archc_core::diag::write_human(db, diags, color, w));
}

/// `error: MESSAGE` on standard error, for problems that are not
/// diagnostics of the input (a missing file, an unwritable output).
/// Control characters (of a file name, say) are shown escaped.
pub fn error(message: &str) {
    stderr(&format!("error: {}\n", archc_core::diag::escape(message)));
}

/// A JSON document as archc prints it: indented, with a final newline.
/// (Serialising the core's views and `Value`s cannot fail; if one ever did,
/// the document would be empty rather than the process panicking.)
pub fn json_text<T: serde::Serialize + ?Sized>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}
