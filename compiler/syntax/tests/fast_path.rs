//! The fast path (`src/fast.rs`) is the grammar compiled by hand: on every
//! input it must either give up or build exactly the tree pest builds (spans
//! included). Checked on every `.arch` file of the repository, on mutations of
//! them, and on generated soups of archc tokens.

use archc_syntax::{parse_fast, parse_with_pest, FileId};
use proptest::prelude::*;

/// Returns whether the fast path took the file.
fn same(src: &str) -> bool {
    let Some(fast) = parse_fast(src, FileId(0)) else { return false };
    let pest = parse_with_pest(src, FileId(0));
    let fast = (fast, Vec::new());
    assert!(
        fast == pest,
        "the fast path differs from pest on:\n{src}\n--- fast ---\n{fast:#?}\n--- pest ---\n{pest:#?}"
    );
    true
}

fn arch_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            arch_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "arch") {
            out.push(path);
        }
    }
}

/// What a slip of the keyboard inserts.
const SLIPS: &[&str] = &["{", "}", "\"", "->", ":", ",", "$", "é", "-1", "[", "in ", "#", ";", "\\", "${x}", "\n"];

#[test]
fn every_repository_file_and_its_mutations() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["examples", "stdlib", "compiler/core/tests/fixtures", "fuzz/corpus-seed"] {
        arch_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 30, "found only {} files", files.len());
    for path in files {
        // A fixture of unreadable input (E0127) is not UTF-8: nothing to parse.
        let Ok(src) = std::fs::read_to_string(&path) else { continue };
        // Every file without a problem takes the fast path (raw strings aside).
        let raw = src.contains(" r\"") || src.contains(" r#");
        let clean = parse_with_pest(&src, FileId(0)).1.is_empty() && !raw;
        assert_eq!(same(&src), clean, "{}", path.display());
        let lines: Vec<&str> = src.split_inclusive('\n').collect();
        for i in 0..lines.len() {
            let start: usize = lines[..i].iter().map(|l| l.len()).sum();
            let without: String = lines.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, l)| *l).collect();
            let _ = same(&without);
            let end = start + lines[i].trim_end().len();
            let at = [start + lines[i].len() - lines[i].trim_start().len(), end][i % 2];
            for slip in [SLIPS[i % SLIPS.len()], SLIPS[(i * 7 + 3) % SLIPS.len()]] {
                let _ = same(&format!("{}{slip}{}", &src[..at], &src[at..]));
            }
        }
    }
}

const TOKENS: &[&str] = &[
    "region",
    "vpc",
    "az",
    "public",
    "private",
    "subnet",
    "internal",
    "gateway",
    "interface",
    "endpoint",
    "alb",
    "in",
    "out",
    "allow",
    "deny",
    "from",
    "to",
    "peering",
    "component",
    "for",
    "use",
    "as",
    "title",
    "direction",
    "theme",
    "shop",
    "web",
    "a.b",
    "a-b",
    "$p",
    "${p}",
    "x_${p}",
    "${p}.y",
    "std/vpc",
    "./x.arch",
    "10.0.0.0/16",
    "1234.0.0.0/8",
    "/24",
    "443",
    "8000-8100",
    "tcp/443",
    "udp/53-54",
    "tcp/",
    "30s",
    "1.5",
    "1.",
    "->",
    "<->",
    ":",
    ";",
    ",",
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "=",
    ".",
    "-",
    "\"label\"",
    "\"a ${p} b\"",
    "\"esc \\n \\\" \\$\"",
    "\"\\u{2014}\"",
    "\"\\q\"",
    "\"open",
    "# note",
    "\n",
    "\n",
    "\r\n",
    " ",
    "\t",
    "\u{feff}",
    "é",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(TOKENS), prop::bool::ANY), 0..40).prop_map(|parts| {
        let mut s = String::new();
        for (token, space) in parts {
            s.push_str(token);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn token_soups(src in soup()) {
        let _ = same(&src);
    }
}
