//! Deep input through `archc check` (every output format) and `archc fmt`, as
//! a user runs them: a diagnostic and exit code 1, never a crash (issue 10:
//! `title "$` and 4,000 `{` overflowed the stack, exit 134). The classes of
//! deep thing are those of `compiler/syntax/tests/depth.rs`; at the limit
//! itself, lowering and rendering walk the deepest tree the parser allows.

use std::fs;
use std::process::Command;

const MAX: usize = 128;

fn hostile() -> Vec<(&'static str, String)> {
    let n = 20_000;
    vec![
        ("blocks", "a {\n".repeat(n)),
        ("lists", format!("x: {}", "[".repeat(n))),
        ("lists and blocks", "a [{".repeat(n)),
        ("component body", format!("component c() {{\n{}", "a {\n".repeat(n))),
        ("issue input", format!("title \"${}", "{".repeat(4_000))),
        ("interp in string", format!("title \"${}\"\n", "{".repeat(n))),
        ("interp in word", format!("x ${}", "{".repeat(n))),
        ("string in bad line", format!("x y z w \"{}\"\n", "{".repeat(n))),
        ("raw after close", format!("}}r#\"a\"# {}", "{".repeat(n))),
        // At the limit: every stage walks a tree `MAX` deep.
        ("blocks at the limit", format!("{}{}", "region us-east-1 {\n".repeat(MAX), "}\n".repeat(MAX))),
        (
            "list at the limit",
            format!(
                "region us-east-1 {{\n  s3 m {{\n    tags: {}{}\n  }}\n}}\n",
                "[".repeat(MAX - 2),
                "]".repeat(MAX - 2)
            ),
        ),
        (
            "component at the limit",
            format!(
                "component c() {{\n{}{}}}\nregion us-east-1 {{\n  c()\n}}\n",
                "vpc v 10.0.0.0/16 {\n".repeat(MAX - 1),
                "}\n".repeat(MAX - 1)
            ),
        ),
    ]
}

#[test]
fn deep_input_is_a_diagnostic_in_check_and_fmt() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("archc.toml"), "").expect("archc.toml");
    for (class, src) in hostile() {
        let file = format!("{}.arch", class.replace(' ', "_"));
        fs::write(dir.path().join(&file), &src).expect("write");
        for args in [
            vec!["check", file.as_str()],
            vec!["check", "--format", "json", file.as_str()],
            vec!["check", "--format", "sarif", file.as_str()],
            vec!["fmt", "--check", file.as_str()],
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_archc"))
                .args(&args)
                .current_dir(dir.path())
                .output()
                .expect("archc runs");
            let code = out.status.code();
            let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
            // At the limit, `fmt --check` only says whether it would reformat.
            let at_limit = class.ends_with("at the limit");
            let expected: &[i32] = if at_limit && args[0] == "fmt" { &[0, 1] } else { &[1] };
            assert!(
                code.is_some_and(|c| expected.contains(&c)),
                "{class}: `archc {}` exited with {:?}:\n{text}",
                args.join(" "),
                out.status
            );
            if !(at_limit && args[0] == "fmt") {
                assert!(text.contains("E01"), "{class}: `archc {}` gave no diagnostic:\n{text}", args.join(" "));
            }
        }
    }
}
