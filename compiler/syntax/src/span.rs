//! Byte spans into a source file. Every syntax node and every model item keeps
//! the span it came from, so any later stage can point a diagnostic at it.

/// Which source file a span belongs to. The numbering is the caller's: the
/// core's source database hands them out; a lone parse may use `FileId(0)`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A half-open byte range `start..end` in one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        Span { file, start: clamp(start), end: clamp(end.max(start)) }
    }

    /// A span that carries no place: used for things the compiler made up
    /// (the predefined `internet`), never shown as a primary location.
    pub const fn detached() -> Span {
        Span { file: FileId(u32::MAX), start: 0, end: 0 }
    }

    pub fn is_detached(self) -> bool {
        self.file == FileId(u32::MAX)
    }

    /// The smallest span that covers both (same file assumed).
    pub fn join(self, other: Span) -> Span {
        if self.is_detached() {
            return other;
        }
        if other.is_detached() || other.file != self.file {
            return self;
        }
        Span { file: self.file, start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
