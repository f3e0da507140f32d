//! Files on disk: the project root of an entry file, the loader that reads
//! its imports, and the names diagnostics show.
//!
//! # Names
//!
//! The core names every file by its path relative to the *project root*,
//! with `/` separators (`examples/shop.arch`): that is how it resolves
//! `use ./x.arch` and refuses imports that leave the root (E0119). The root
//! is the nearest ancestor directory of the entry file that contains `.git`
//! or `archc.toml`, or else the entry file's own directory.
//!
//! Diagnostics, however, name files the way the user would open them: when
//! the entry file was given as a relative path, every file is shown relative
//! to the current directory (`examples/shop.arch`, `../shared/net.arch`);
//! when it was given as an absolute path, every file is shown absolute.
//! Stdlib modules are shown as `std:NAME.arch`, a name no file on disk has. The JSON and SARIF reports
//! use the same names, so running `archc check --format sarif` from the
//! repository's top folder gives the repository-relative paths that GitHub
//! code scanning expects.
//!
//! # Imports
//!
//! [`FsLoader`] reads `root/PATH` for a root-relative PATH the core asks for,
//! and refuses (E0119) a file whose real path, once symbolic links are
//! followed, lies outside the root's real path.

use std::fs;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use archc_core::source::MAX_SOURCE_BYTES;
use archc_core::{LoadError, Loader};

/// An entry file, read, with its project.
pub struct Entry {
    /// The entry's name in the source database: root-relative, `/`-separated.
    pub db_name: String,
    pub text: String,
    pub loader: FsLoader,
    /// How to show a root-relative name to the user.
    pub display: Display,
}

/// Turns root-relative names into the paths the user sees.
#[derive(Clone)]
pub struct Display {
    root: PathBuf,
    /// The current directory, when names are shown relative to it; None to
    /// show absolute paths.
    relative_to: Option<PathBuf>,
}

impl Display {
    /// The path to show for the root-relative `name`.
    pub fn path(&self, name: &str) -> String {
        let abs = join_name(&self.root, name);
        let shown = match &self.relative_to {
            Some(cwd) => relative(&abs, cwd),
            None => abs,
        };
        to_slashes(&shown)
    }

    /// The file on disk of the root-relative `name` (for `check --fix`).
    pub fn disk_path(&self, name: &str) -> PathBuf {
        join_name(&self.root, name)
    }
}

/// Reads an entry file and finds its project root. The error is a reason
/// for the user (no such file, a directory, not UTF-8…).
pub fn open(typed: &Path) -> Result<Entry, String> {
    let cwd = current_dir()?;
    let abs = normalize(&if typed.is_absolute() { typed.to_path_buf() } else { cwd.join(typed) });
    let text = read_text(&abs)?;
    let dir = abs.parent().map(Path::to_path_buf).unwrap_or_else(|| abs.clone());
    Ok(entry(&abs, &dir, text, (!typed.is_absolute()).then_some(cwd)))
}

/// The entry `<stdin>`, read from standard input: it stands in the current
/// directory, so its imports are relative to that, and so is its root.
pub fn open_stdin() -> Result<Entry, String> {
    let cwd = current_dir()?;
    let text = read_bounded(std::io::stdin().lock())?;
    Ok(entry(&cwd.join(STDIN), &cwd, text, Some(cwd.clone())))
}

/// The name standard input is shown under.
pub const STDIN: &str = "<stdin>";

fn current_dir() -> Result<PathBuf, String> {
    std::env::current_dir().map_err(|e| format!("cannot determine the current directory: {}", describe(&e)))
}

fn entry(abs: &Path, dir: &Path, text: String, relative_to: Option<PathBuf>) -> Entry {
    let root = find_root(dir);
    let db_name = abs
        .strip_prefix(&root)
        .map(|rel| rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/"))
        .unwrap_or_else(|_| abs.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    let canonical_root = fs::canonicalize(&root).ok();
    let display = Display { root: root.clone(), relative_to };
    Entry { db_name, text, loader: FsLoader { root, canonical_root, display: display.clone() }, display }
}

/// The nearest ancestor of `dir` (itself included) holding `.git` (a
/// directory, or a file in a worktree) or `archc.toml`; else `dir`.
pub fn find_root(dir: &Path) -> PathBuf {
    dir.ancestors().find(|d| d.join(".git").exists() || d.join("archc.toml").is_file()).unwrap_or(dir).to_path_buf()
}

/// Reads a UTF-8 text file of at most [`MAX_SOURCE_BYTES`], with a short
/// reason on failure. Only a regular file is opened: the type is checked
/// first, so a FIFO or a device is refused instead of blocking or never
/// ending.
pub fn read_text(path: &Path) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| describe(&e))?;
    if meta.is_dir() {
        return Err("it is a directory".into());
    }
    if !meta.is_file() {
        return Err("it is not a regular file (a FIFO, socket or device)".into());
    }
    if meta.len() > MAX_SOURCE_BYTES as u64 {
        return Err(TOO_LARGE.into());
    }
    read_bounded(fs::File::open(path).map_err(|e| describe(&e))?)
}

const TOO_LARGE: &str = "it is larger than 8 MiB";

/// Reads at most [`MAX_SOURCE_BYTES`] of UTF-8 text (a file that grows while
/// it is read, or standard input).
pub fn read_bounded(input: impl Read) -> Result<String, String> {
    let mut bytes = Vec::new();
    input.take(MAX_SOURCE_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(|e| describe(&e))?;
    if bytes.len() > MAX_SOURCE_BYTES {
        return Err(TOO_LARGE.into());
    }
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".into())
}

/// An I/O error in a few words, without the `(os error N)` tail.
pub fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// Reads imports from the project directory.
pub struct FsLoader {
    root: PathBuf,
    /// How paths are shown in the core's messages.
    display: Display,
    /// The root with symbolic links resolved; None if it cannot be (then
    /// every import is refused rather than risk leaving the root).
    canonical_root: Option<PathBuf>,
}

impl Loader for FsLoader {
    fn load(&self, path: &str) -> Result<String, LoadError> {
        // The core hands over normalised root-relative paths; refuse
        // anything else rather than trust it.
        let plain = path.split('/').all(|seg| !seg.is_empty() && seg != "." && seg != ".." && !seg.contains('\\'));
        if !plain || path.contains(':') {
            return Err(LoadError::Refused(format!("`{path}` is not a plain path inside the project")));
        }
        let full = join_name(&self.root, path);
        let real = match fs::canonicalize(&full) {
            Ok(real) => real,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(LoadError::NotFound),
            Err(e) => return Err(LoadError::Unreadable(describe(&e))),
        };
        let Some(root) = &self.canonical_root else {
            return Err(LoadError::Refused(format!("the project root `{}` cannot be resolved", self.root.display())));
        };
        if !real.starts_with(root) {
            return Err(LoadError::Refused(format!(
                "it is a symbolic link to `{}`, outside the project root `{}`",
                real.display(),
                self.root.display()
            )));
        }
        read_text(&real).map_err(LoadError::Unreadable)
    }

    fn show(&self, path: &str) -> String {
        self.display.path(path)
    }
}

fn join_name(root: &Path, name: &str) -> PathBuf {
    let mut p = root.to_path_buf();
    for seg in name.split('/') {
        p.push(seg);
    }
    p
}

/// Removes `.` and resolves `..` lexically (without following links), the
/// way the user reads a path.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else if !out.has_root() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// `path` relative to the directory `base` (both absolute and normalised);
/// `path` itself when they share no root.
pub fn relative(path: &Path, base: &Path) -> PathBuf {
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return path.to_path_buf();
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c.as_os_str());
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

fn to_slashes(p: &Path) -> String {
    let s = p.to_string_lossy().into_owned();
    if std::path::MAIN_SEPARATOR == '/' {
        s
    } else {
        s.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised_lexically() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        assert_eq!(normalize(Path::new("/../a")), PathBuf::from("/a"));
        assert_eq!(normalize(Path::new("a/../../b")), PathBuf::from("../b"));
    }

    #[test]
    fn relative_paths() {
        assert_eq!(relative(Path::new("/p/x/a.arch"), Path::new("/p")), PathBuf::from("x/a.arch"));
        assert_eq!(relative(Path::new("/p/a.arch"), Path::new("/p/x")), PathBuf::from("../a.arch"));
        assert_eq!(relative(Path::new("/q/a.arch"), Path::new("/p/x")), PathBuf::from("../../q/a.arch"));
    }

    #[test]
    fn display_names() {
        let d = Display { root: PathBuf::from("/p"), relative_to: Some(PathBuf::from("/p/docs")) };
        assert_eq!(d.path("net/a.arch"), "../net/a.arch");
        let d = Display { root: PathBuf::from("/p"), relative_to: None };
        assert_eq!(d.path("net/a.arch"), "/p/net/a.arch");
    }
}
