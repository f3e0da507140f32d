//! Source files and how imports find them. The core never touches the file
//! system: the CLI implements [`Loader`] over real files, the playground over
//! a map in memory, and tests over a `BTreeMap`.

use std::collections::BTreeMap;

use archc_syntax::{FileId, Span};

/// The largest source file archc reads: 8 MiB, far beyond any design, and
/// far below the 4 GiB a [`Span`]'s `u32` offsets can address. Loaders and
/// the CLI refuse larger files (E0127), and lowering refuses a larger text
/// however it came, so no offset is ever clamped.
pub const MAX_SOURCE_BYTES: usize = 8 * 1024 * 1024;

/// The byte-order mark some editors put at the start of a UTF-8 file. The
/// parser reads it as white space; it is kept in the text (so byte offsets
/// are those of the file) and [`Source::line_col`] does not count it.
const BOM: char = '\u{feff}';

/// One source text and the name it is shown under.
#[derive(Clone, Debug)]
pub struct Source {
    /// A project-relative path with `/` separators (`examples/shop.arch`), or
    /// `std/NAME.arch` for a stdlib module.
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Source { name: name.into(), text, line_starts }
    }

    /// The 0-based line of a byte offset (past the end: the last line), by
    /// binary search in the line starts indexed once per file.
    pub fn line_index(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The byte range of the 0-based line `line`, its newline included;
    /// None past the last line.
    pub fn line_range(&self, line: usize) -> Option<std::ops::Range<usize>> {
        let start = *self.line_starts.get(line)?;
        let end = self.line_starts.get(line + 1).copied().unwrap_or(self.text.len());
        Some(start..end)
    }

    /// 1-based line and column (in Unicode scalar values) of a byte offset.
    /// A byte-order mark at the start of the file is not a column: the
    /// first character after it is in column 1, as editors show it.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_index(offset);
        let mut start = self.line_starts.get(line).copied().unwrap_or(0);
        if line == 0 && self.text.starts_with(BOM) {
            start = BOM.len_utf8().min(offset);
        }
        let col = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// Every source file of one compilation, by [`FileId`].
#[derive(Clone, Debug, Default)]
pub struct SourceDb {
    files: Vec<Source>,
    by_name: BTreeMap<String, FileId>,
}

impl SourceDb {
    pub fn new() -> SourceDb {
        SourceDb::default()
    }

    /// Adds a file (or returns the id it already has under that name).
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        let name = name.into();
        if let Some(id) = self.by_name.get(&name) {
            return *id;
        }
        let id = file_id(self.files.len());
        self.by_name.insert(name.clone(), id);
        self.files.push(Source::new(name, text));
        id
    }

    pub fn get(&self, id: FileId) -> Option<&Source> {
        self.files.get(id.0 as usize)
    }

    pub fn id_of(&self, name: &str) -> Option<FileId> {
        self.by_name.get(name).copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &Source)> {
        self.files.iter().enumerate().map(|(i, s)| (file_id(i), s))
    }
}

/// The id of the `index`th file. Four billion files do not fit in memory,
/// so the fallback (the last id short of [`Span::detached`]'s) is never
/// reached; it only keeps the conversion checked.
fn file_id(index: usize) -> FileId {
    FileId(u32::try_from(index).unwrap_or(u32::MAX - 1).min(u32::MAX - 1))
}

/// Why an import could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    NotFound,
    /// The loader refused it, e.g. a symbolic link that leaves the project.
    Refused(String),
    Unreadable(String),
}

/// Reads imported files. Paths are project-relative, normalised, `/`-separated
/// and never leave the project root: the core has checked that already.
pub trait Loader {
    fn load(&self, path: &str) -> Result<String, LoadError>;

    /// The project-relative `path` (a file or folder; `""` is the root
    /// itself) as the user would type it, for messages. The CLI shows it
    /// relative to the current directory; by default it is shown as it is,
    /// the root as `.`.
    fn show(&self, path: &str) -> String {
        if path.is_empty() {
            ".".to_string()
        } else {
            path.to_string()
        }
    }
}

/// A loader over files held in memory (the playground, tests).
impl Loader for BTreeMap<String, String> {
    fn load(&self, path: &str) -> Result<String, LoadError> {
        self.get(path).cloned().ok_or(LoadError::NotFound)
    }
}

/// A loader that has no files: only the stdlib can be imported.
pub struct NoFiles;

impl Loader for NoFiles {
    fn load(&self, _path: &str) -> Result<String, LoadError> {
        Err(LoadError::NotFound)
    }
}

/// Resolves `rel` (`./net.arch`, `../shared/x.arch`) against the directory of
/// the project-relative file `from`. None when the result would leave the
/// project root, or `rel` is absolute.
pub fn join_relative(from: &str, rel: &str) -> Option<String> {
    if rel.starts_with('/') || rel.contains('\\') || rel.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_inside_the_root_only() {
        assert_eq!(join_relative("a/b.arch", "./c.arch").as_deref(), Some("a/c.arch"));
        assert_eq!(join_relative("a/b.arch", "../c.arch").as_deref(), Some("c.arch"));
        assert_eq!(join_relative("b.arch", "../c.arch"), None);
        assert_eq!(join_relative("a/b.arch", "/etc/passwd"), None);
    }

    #[test]
    fn line_ranges_come_from_the_index() {
        let s = Source::new("x", "ab\n\ncd");
        assert_eq!(
            (s.line_range(0), s.line_range(1), s.line_range(2), s.line_range(3)),
            (Some(0..3), Some(3..4), Some(4..6), None)
        );
        assert_eq!((s.line_index(0), s.line_index(3), s.line_index(4), s.line_index(99)), (0, 1, 2, 2));
        let trailing = Source::new("x", "ab\n");
        assert_eq!((trailing.line_range(1), trailing.line_index(3)), (Some(3..3), 1));
    }

    #[test]
    fn columns_count_scalar_values() {
        let s = Source::new("x", "ab\n—x y");
        assert_eq!(s.line_col(0), (1, 1));
        assert_eq!(s.line_col(3), (2, 1));
        assert_eq!(s.line_col(3 + '—'.len_utf8()), (2, 2));
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let s = Source::new("x", "\u{feff}ab\n\u{feff}c");
        assert_eq!((s.line_col(0), s.line_col(3), s.line_col(4), s.line_col(5)), ((1, 1), (1, 1), (1, 2), (1, 3)));
        // Only at the start of the file: elsewhere it is a character.
        assert_eq!((s.line_col(6), s.line_col(9)), ((2, 1), (2, 2)));
    }
}
