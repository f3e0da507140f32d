//! The `archc` binary as a user runs it: exit codes, where output goes, file
//! names in diagnostics, the project root and its imports, `fmt` in place and
//! on standard input, `explain`, and colour.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const CLEAN: &str = "region us-east-1 {\n  s3 media\n}\n";
const DUPLICATE: &str = "region us-east-1 {\n  s3 media\n  sqs media\n}\n";
const MESSY: &str = "region us-east-1 {\ns3   media\n\n\n}\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn finish(out: Output) -> Run {
    Run {
        code: out.status.code().expect("archc exited by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_archc"));
    cmd.args(args).current_dir(dir).env_remove("NO_COLOR").stdin(Stdio::null());
    cmd
}

fn archc(dir: &Path, args: &[&str]) -> Run {
    finish(command(dir, args).output().expect("archc runs"))
}

fn archc_stdin(dir: &Path, args: &[&str], input: &str) -> Run {
    let mut child = command(dir, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("archc runs");
    // archc may exit before reading its input (a usage error): a broken
    // pipe then is the expected outcome, not a test failure.
    match child.stdin.take().expect("stdin").write_all(input.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
        _ => {}
    }
    finish(child.wait_with_output().expect("archc ends"))
}

/// A temporary folder with an `archc.toml`, so that it is the project root.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("archc.toml"), "").expect("archc.toml");
    for (name, text) in files {
        write(dir.path(), name, text);
    }
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(&path, text).expect("write");
    path
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

// ---------------------------------------------------------------- model

const DESIGN: &str = "use std/vpc\n\
region us-east-1 {\n  multi_az_vpc prod { cidr: 10.0.0.0/16 }\n  \
alb web in prod.public_a, prod.public_b\n  \
vpc own 10.1.0.0/16 {\n    az a {\n      private subnet fixed 10.1.0.0/24\n    }\n  }\n}\n";

#[test]
fn model_prints_what_the_design_became() {
    let dir = project(&[("shop.arch", DESIGN)]);
    let run = archc(dir.path(), &["model", "shop.arch"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let out = &run.stdout;
    // Qualified ids, kinds and nesting; allocated blocks are marked.
    assert!(out.contains("\n  vpc us-east-1.prod.prod 10.0.0.0/16  [from prod (multi_az_vpc)]\n"), "{out}");
    assert!(out.contains("public subnet us-east-1.prod.prod.a.public_a 10.0.0.0/24 (allocated)\n"), "{out}");
    assert!(out.contains("private subnet us-east-1.own.a.fixed 10.1.0.0/24\n"), "{out}");
    // A region-level resource is placed in its subnets' VPC.
    assert!(out.contains("alb us-east-1.web in us-east-1.prod.prod.a.public_a, us-east-1.prod.prod.b.public_b (vpc us-east-1.prod.prod)"), "{out}");
    // What each instance expanded to.
    assert!(out.contains("component instances\n  prod (multi_az_vpc): 14 nodes: us-east-1.prod.prod, "), "{out}");
}

#[test]
fn model_json_is_the_view() {
    let dir = project(&[("shop.arch", DESIGN)]);
    let run = archc(dir.path(), &["model", "shop.arch", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = json(&run.stdout);
    let nodes = v["nodes"].as_array().expect("nodes");
    let web = nodes.iter().find(|n| n["id"] == "us-east-1.web").expect("web");
    assert_eq!(web["kind"], "alb");
    assert_eq!(web["vpc"], "us-east-1.prod.prod");
    assert_eq!(web["defaults"]["listen"][0], "tcp/80");
    let public_a = nodes.iter().find(|n| n["id"] == "us-east-1.prod.prod.a.public_a").expect("public_a");
    assert_eq!(public_a["props"]["allocated"], true);
    assert_eq!(public_a["expansion"][0]["component"], "multi_az_vpc");
    assert_eq!(v["instances"][0]["instance"], "prod");
}

#[test]
fn model_with_errors_prints_the_diagnostics_and_exits_1() {
    let dir = project(&[("bad.arch", DUPLICATE)]);
    let run = archc(dir.path(), &["model", "bad.arch"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "", "no model with errors");
    assert!(run.stderr.contains("E0106"), "{}", run.stderr);
    let run = archc(dir.path(), &["model", "bad.arch", "--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(json(&run.stdout)["errors"], 1);
}

#[test]
fn model_of_a_missing_file_exits_2() {
    let dir = project(&[]);
    let run = archc(dir.path(), &["model", "nope.arch"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
}

// ---------------------------------------------------------------- check

#[test]
fn check_a_clean_file_exits_0() {
    let p = project(&[("main.arch", CLEAN)]);
    let r = archc(p.path(), &["check", "main.arch"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr, "no problems\n");
}

#[test]
fn check_a_file_with_errors_exits_1_and_names_it_as_typed() {
    let p = project(&[("designs/shop.arch", DUPLICATE)]);
    let r = archc(p.path(), &["check", "designs/shop.arch"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "", "human diagnostics go to standard error");
    assert!(r.stderr.contains("error[E0106]: the name `media` is declared twice"), "{}", r.stderr);
    assert!(r.stderr.contains("--> designs/shop.arch:3:7"), "{}", r.stderr);
    assert!(r.stderr.ends_with("1 error\n"), "{}", r.stderr);
}

#[test]
fn check_reports_every_file_and_fails_if_any_has_errors() {
    let p = project(&[("a.arch", CLEAN), ("b.arch", DUPLICATE), ("c.arch", "vcp x\n")]);
    let r = archc(p.path(), &["check", "a.arch", "b.arch", "c.arch"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("b.arch:3:7") && r.stderr.contains("c.arch:1:1"), "{}", r.stderr);
    assert!(r.stderr.ends_with("2 errors\n"), "{}", r.stderr);
    let r = archc(p.path(), &["check", "a.arch", "a.arch"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn check_unreadable_input_exits_2() {
    let p = project(&[("main.arch", CLEAN), ("latin1.arch", "")]);
    fs::write(p.path().join("latin1.arch"), b"users caf\xe9\n").expect("write");
    for (args, why) in [
        (vec!["check", "missing.arch"], "cannot read `missing.arch`: no such file"),
        (vec!["check", "."], "cannot read `.`: it is a directory"),
        (vec!["check", "latin1.arch"], "cannot read `latin1.arch`: it is not UTF-8 text"),
        (vec!["check", "main.arch", "missing.arch"], "cannot read `missing.arch`: no such file"),
    ] {
        let r = archc(p.path(), &args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(&format!("error[E0127]: {why}\n")), "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "");
    }
}

/// One unreadable file among several: the others are still checked and
/// reported, JSON and SARIF still print their document with the unreadable
/// file as a diagnostic, and the exit code is 2 (unreadable input).
#[test]
fn one_unreadable_file_among_several_is_a_diagnostic() {
    let p = project(&[("a.arch", DUPLICATE), ("b.arch", CLEAN)]);
    let r = archc(p.path(), &["check", "a.arch", "missing.arch", "b.arch"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("error[E0106]") && r.stderr.contains("--> a.arch:3:7"), "{}", r.stderr);
    assert!(r.stderr.contains("error[E0127]: cannot read `missing.arch`: no such file"), "{}", r.stderr);
    assert!(r.stderr.ends_with("2 errors\n"), "{}", r.stderr);

    let r = archc(p.path(), &["check", "--format", "json", "a.arch", "missing.arch", "b.arch"]);
    assert_eq!((r.code, r.stderr.as_str()), (2, ""));
    let v = json(&r.stdout);
    assert_eq!(v["errors"], 2);
    assert_eq!(v["diagnostics"][0]["code"], "E0106");
    assert_eq!(v["diagnostics"][1]["code"], "E0127");
    assert_eq!(v["diagnostics"][1]["span"]["file"], "missing.arch");
    assert_eq!(v["diagnostics"][1]["span"]["line"], 1);

    let r = archc(p.path(), &["check", "--format", "sarif", "missing.arch"]);
    assert_eq!((r.code, r.stderr.as_str()), (2, ""));
    let v = json(&r.stdout);
    let result = &v["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "E0127");
    assert_eq!(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "missing.arch");
}

#[test]
fn check_dash_reads_standard_input() {
    let p = project(&[("net/shared.arch", "region us-east-1 {\n  s3 shared\n}\n")]);
    let r = archc_stdin(p.path(), &["check", "-"], CLEAN);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = archc_stdin(p.path(), &["check", "-"], DUPLICATE);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("--> <stdin>:3:7"), "{}", r.stderr);
    // Imports are relative to the current directory.
    let r = archc_stdin(
        &p.path().join("net"),
        &["check", "-"],
        "use ./shared.arch\nregion us-east-1 {\n  lambda f\n}\nf -> shared\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = archc_stdin(p.path(), &["check", "-"], "use ./shared.arch\n");
    assert!(r.stderr.contains("help: `./shared.arch` is relative to `./`, the folder of `<stdin>`"), "{}", r.stderr);
    let r = archc_stdin(p.path(), &["check", "--format", "json", "-"], DUPLICATE);
    assert_eq!(json(&r.stdout)["diagnostics"][0]["span"]["file"], "<stdin>");
    let r = archc_stdin(p.path(), &["check", "-", "-"], CLEAN);
    assert_eq!(r.code, 2, "{}", r.stderr);
    // `--fix` writes into files: standard input has none, so it is a usage error.
    let r = archc_stdin(p.path(), &["check", "--fix", "-"], CLEAN);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("standard input has none to write to"), "{}", r.stderr);
}

/// Only regular files are read: a FIFO is refused at once (it would block
/// forever if opened), and a file over 8 MiB is refused before it is read.
#[cfg(unix)]
#[test]
fn special_and_huge_files_are_refused_without_blocking() {
    let p = project(&[("main.arch", CLEAN)]);
    let made = Command::new("mkfifo").arg(p.path().join("pipe.arch")).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    fs::write(p.path().join("big.arch"), vec![b' '; 8 * 1024 * 1024 + 1]).expect("write");
    fs::write(p.path().join("uses_big.arch"), "use ./big.arch\n").expect("write");
    let mut child = command(p.path(), &["check", "pipe.arch", "big.arch", "uses_big.arch", "main.arch"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("archc runs");
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > std::time::Duration::from_secs(20) {
            let _ = child.kill();
            panic!("archc blocked on a FIFO");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let r = finish(child.wait_with_output().expect("archc ends"));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("cannot read `pipe.arch`: it is not a regular file"), "{}", r.stderr);
    assert!(r.stderr.contains("cannot read `big.arch`: it is larger than 8 MiB"), "{}", r.stderr);
    assert!(r.stderr.contains("cannot read `./big.arch`: it is larger than 8 MiB"), "{}", r.stderr);
    let r = archc(p.path(), &["fmt", "--check", "pipe.arch"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
}
#[test]
fn usage_errors_exit_2() {
    let p = project(&[("main.arch", CLEAN)]);
    for args in [
        vec![],
        vec!["check"],
        vec!["check", "--bogus", "main.arch"],
        vec!["check", "--format", "xml", "main.arch"],
        vec!["render"],
        vec!["render", "main.arch", "--format", "gif"],
        vec!["emit", "main.arch"],
        vec!["build"],
        vec!["fmt"],
        vec!["explain"],
        vec!["explain", "E0106", "--list"],
    ] {
        let r = archc(p.path(), &args);
        assert_eq!(r.code, 2, "{args:?} should be a usage error: {}{}", r.stdout, r.stderr);
    }
    assert_eq!(archc(p.path(), &["--version"]).code, 0);
    assert_eq!(archc(p.path(), &["check", "--help"]).code, 0);
}

#[test]
fn check_json_is_one_document_on_stdout() {
    let p = project(&[("a.arch", DUPLICATE), ("b.arch", "region us-east-1 {\n  vpc v 10.0.0.1/16\n}\n")]);
    let r = archc(p.path(), &["check", "--format", "json", "a.arch", "b.arch"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr, "", "nothing but the document is written");
    let v = json(&r.stdout);
    assert_eq!(v["errors"], 2);
    assert_eq!(v["warnings"], 0);
    let d = &v["diagnostics"];
    assert_eq!(d[0]["code"], "E0106");
    assert_eq!(d[0]["severity"], "error");
    assert_eq!(d[0]["span"], json(r#"{"file": "a.arch", "line": 3, "column": 7, "end_line": 3, "end_column": 12}"#));
    assert_eq!(d[0]["labels"][0]["span"]["line"], 2);
    assert!(d[0]["labels"][0]["message"].is_string() && d[0]["help"].is_string());
    assert_eq!(d[1]["code"], "E0201");
    assert_eq!(d[1]["span"]["file"], "b.arch");

    let r = archc(p.path(), &["check", "--format=json", "b.arch"]);
    assert_eq!(json(&r.stdout)["diagnostics"][0]["help"], "the block is `10.0.0.0/16`");

    let clean = project(&[("ok.arch", CLEAN)]);
    let r = archc(clean.path(), &["check", "--format", "json", "ok.arch"]);
    assert_eq!(r.code, 0);
    assert_eq!(json(&r.stdout), json(r#"{"diagnostics": [], "errors": 0, "warnings": 0}"#));
}

#[test]
fn check_sarif_is_one_document_on_stdout() {
    let p = project(&[("a.arch", DUPLICATE), ("b.arch", CLEAN)]);
    let r = archc(p.path(), &["check", "--format", "sarif", "a.arch", "b.arch"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr, "");
    let v = json(&r.stdout);
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "archc");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "E0106");
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "E0106");
    assert_eq!(result["level"], "error");
    assert!(result["message"]["text"].as_str().is_some_and(|m| m.contains("declared twice")));
    assert_eq!(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "a.arch");
    assert_eq!(result["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
    assert_eq!(run["results"].as_array().map(Vec::len), Some(1));
}

// ---------------------------------------------------------------- check --fix

/// Two safe fixes (the peer word of a NACL rule, in the entry and in an
/// import) and, once they are applied, the unsafe host-bits fix.
const FIXABLE: &str = "use ./net.arch\nregion us-east-1 {\n  vpc shop 10.0.0.1/16 {\n    az a {\n      isolated subnet data_a 10.0.0.0/24\n    }\n    nacl acl in data_a {\n      allow out 100 https from 0.0.0.0/0\n    }\n  }\n}\n";
const FIXABLE_NET: &str = "region eu-west-1 {\n  vpc edge 10.1.0.0/16 {\n    az a {\n      private subnet app_a 10.1.0.0/24\n    }\n    nacl edge_acl in app_a {\n      allow in 100 https to 0.0.0.0/0\n    }\n  }\n}\n";

#[test]
fn check_fix_applies_safe_fixes_in_place_and_checks_again() {
    let p = project(&[("main.arch", FIXABLE), ("net.arch", FIXABLE_NET)]);
    let r = archc(p.path(), &["check", "--fix", "main.arch"]);
    assert_eq!(r.code, 1, "the unsafe host-bits fix is left: {}", r.stderr);
    let main = fs::read_to_string(p.path().join("main.arch")).expect("main");
    let net = fs::read_to_string(p.path().join("net.arch")).expect("net");
    assert_eq!(main, FIXABLE.replace("https from", "https to"));
    assert_eq!(net, FIXABLE_NET.replace("https to", "https from"));
    assert!(
        r.stderr.contains("fixed[E0124]: main.arch:8:27: an `out` rule names its remote block with `to`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("fixed[E0124]: net.arch:7:26:"), "{}", r.stderr);
    assert!(
        r.stderr.contains("fixed 2 problems; 1 problem more with an unsafe fix (`--unsafe-fixes` applies it)"),
        "{}",
        r.stderr
    );
    // What is left is reported as `check` would: the rule that the fixes let run.
    assert!(r.stderr.contains("error[E0201]: `10.0.0.1/16` has host bits set"), "{}", r.stderr);
    assert!(r.stderr.ends_with("1 error\n"), "{}", r.stderr);

    let r = archc(p.path(), &["check", "--fix", "--unsafe-fixes", "--format", "json", "main.arch"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let v = json(&r.stdout);
    assert_eq!(v["errors"], 0);
    assert_eq!(v["fixed"][0]["code"], "E0201");
    assert_eq!(
        v["fixed"][0]["span"],
        json(r#"{"file": "main.arch", "line": 3, "column": 12, "end_line": 3, "end_column": 23}"#)
    );
    let main = fs::read_to_string(p.path().join("main.arch")).expect("main");
    assert!(main.contains("vpc shop 10.0.0.0/16 {"), "{main}");

    let r = archc(p.path(), &["check", "--fix", "main.arch"]);
    assert_eq!((r.code, r.stderr.as_str()), (0, "fixed 0 problems\nno problems\n"));
}

#[test]
fn check_without_fix_changes_nothing_and_unsafe_fixes_needs_fix() {
    let p = project(&[("main.arch", FIXABLE), ("net.arch", FIXABLE_NET)]);
    let r = archc(p.path(), &["check", "--format", "json", "main.arch"]);
    assert_eq!(r.code, 1);
    assert!(json(&r.stdout).get("fixed").is_none(), "{}", r.stdout);
    let d = &json(&r.stdout)["diagnostics"][0];
    assert_eq!(d["fix"]["applicability"], "safe", "{d}");
    assert_eq!(fs::read_to_string(p.path().join("main.arch")).expect("main"), FIXABLE);
    assert_eq!(archc(p.path(), &["check", "--unsafe-fixes", "main.arch"]).code, 2);
    assert_eq!(fs::read_to_string(p.path().join("main.arch")).expect("main"), FIXABLE);
}

// ---------------------------------------------------------------- files and the project root

#[test]
fn imports_are_shown_relative_to_the_current_directory() {
    let p = project(&[
        ("app/main.arch", "use ./net/vpc.arch\n"),
        ("app/net/vpc.arch", "region us-east-1 {\n  vpc v 10.0.0.0/16\n  vpc v 10.1.0.0/16\n}\n"),
    ]);
    let r = archc(p.path(), &["check", "app/main.arch"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("--> app/net/vpc.arch:3:7"), "{}", r.stderr);

    let r = archc(&p.path().join("app/net"), &["check", "../main.arch"]);
    assert!(r.stderr.contains("--> vpc.arch:3:7"), "{}", r.stderr);

    let r = archc(&p.path().join("app/net"), &["check", "--format", "json", "../main.arch"]);
    assert_eq!(json(&r.stdout)["diagnostics"][0]["span"]["file"], "vpc.arch");

    // An absolute entry path gives absolute names.
    let main = p.path().join("app/main.arch");
    let r = archc(p.path(), &["check", main.to_str().expect("UTF-8 temp path")]);
    let shown = p.path().join("app/net/vpc.arch");
    assert!(r.stderr.contains(&format!("--> {}:3:7", shown.display())), "{}", r.stderr);
}

#[test]
fn stdlib_modules_are_shown_as_std() {
    let p = project(&[(
        "main.arch",
        "use std/vpc\nregion us-east-1 {\n  vpc v 10.0.0.0/16 {\n    public_subnets p { sise: /24 }\n  }\n}\n",
    )]);
    let r = archc(p.path(), &["check", "main.arch"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("error[E0121]") && r.stderr.contains("std:vpc.arch:"), "{}", r.stderr);
}

#[test]
fn imports_may_go_up_to_the_project_root_and_no_further() {
    let p = project(&[
        ("shared/net.arch", "region us-east-1 {\n  s3 shared_bucket\n}\n"),
        ("designs/main.arch", "use ../shared/net.arch\nregion us-east-1 {\n  lambda fn\n}\nfn -> shared_bucket\n"),
        ("designs/escape.arch", "use ../../outside.arch\n"),
    ]);
    write(p.path().parent().expect("temp parent"), "outside.arch", CLEAN);
    let r = archc(p.path(), &["check", "designs/main.arch"]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    let r = archc(p.path(), &["check", "designs/escape.arch"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("error[E0119]") && r.stderr.contains("outside the project root"), "{}", r.stderr);
}

#[test]
fn without_a_marker_the_root_is_the_entry_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "shared.arch", CLEAN);
    write(dir.path(), "proj/main.arch", "use ../shared.arch\n");
    let r = archc(&dir.path().join("proj"), &["check", "main.arch"]);
    // /tmp is not inside a repository, so the root is `proj`.
    if !dir.path().ancestors().any(|a| a.join(".git").exists() || a.join("archc.toml").exists()) {
        assert_eq!(r.code, 1);
        assert!(r.stderr.contains("error[E0119]"), "{}", r.stderr);
    }
    // A `.git` folder makes its directory the root.
    fs::create_dir(dir.path().join(".git")).expect(".git");
    let r = archc(&dir.path().join("proj"), &["check", "main.arch"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_missing_import_is_e0118_and_an_unreadable_one_e0127() {
    let p = project(&[("main.arch", "use ./nope.arch\nuse ./dir.arch\n")]);
    fs::create_dir(p.path().join("dir.arch")).expect("mkdir");
    let r = archc(p.path(), &["check", "main.arch"]);
    assert_eq!(r.code, 2, "an unreadable import is unreadable input: {}", r.stderr);
    assert!(r.stderr.contains("error[E0118]: cannot find `./nope.arch`"), "{}", r.stderr);
    assert!(r.stderr.contains("error[E0127]: cannot read `./dir.arch`: it is a directory"), "{}", r.stderr);
}

/// E0118 says what the path was relative to, E0119 names the project root,
/// both as the user would type them from the current directory.
#[test]
fn import_errors_say_where_paths_start() {
    let p = project(&[("app/net/main.arch", "use ./vpc.arch\nuse ../../../out.arch\n")]);
    let r = archc(p.path(), &["check", "app/net/main.arch"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("cannot find `./vpc.arch` (looked for `app/net/vpc.arch`)"), "{}", r.stderr);
    assert!(
        r.stderr.contains("help: `./vpc.arch` is relative to `app/net/`, the folder of `app/net/main.arch`"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("the project root is `.` (the nearest folder above"), "{}", r.stderr);
    let r = archc(&p.path().join("app"), &["check", "net/main.arch"]);
    assert!(r.stderr.contains("relative to `net/`, the folder of `net/main.arch`"), "{}", r.stderr);
    assert!(r.stderr.contains("the project root is `..`"), "{}", r.stderr);
}

#[cfg(unix)]
#[test]
fn a_symlink_that_leaves_the_root_is_refused() {
    use std::os::unix::fs::symlink;
    let p = project(&[
        ("main.arch", "use ./linked.arch\nuse ./inside_link.arch\nuse ./dirlink/x.arch\n"),
        ("real.arch", CLEAN),
    ]);
    let outside = tempfile::tempdir().expect("temp dir");
    write(outside.path(), "secret.arch", "region eu-west-1 {\n  s3 secret\n}\n");
    write(outside.path(), "x.arch", "region eu-west-1 {\n  s3 x\n}\n");
    symlink(outside.path().join("secret.arch"), p.path().join("linked.arch")).expect("symlink");
    symlink(p.path().join("real.arch"), p.path().join("inside_link.arch")).expect("symlink");
    symlink(outside.path(), p.path().join("dirlink")).expect("symlink");
    let r = archc(p.path(), &["check", "main.arch"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(r.stderr.matches("error[E0119]").count(), 2, "{}", r.stderr);
    assert!(r.stderr.contains("`./linked.arch` cannot be imported: it is a symbolic link to"), "{}", r.stderr);
    assert!(r.stderr.contains("`./dirlink/x.arch` cannot be imported"), "{}", r.stderr);
    assert!(!r.stderr.contains("inside_link"), "a link inside the root is fine: {}", r.stderr);
}

// ---------------------------------------------------------------- fmt

#[test]
fn fmt_rewrites_files_in_place() {
    let p = project(&[("a.arch", MESSY), ("b.arch", CLEAN)]);
    let expected = archc_syntax::fmt::format(MESSY).expect("formats");
    assert_ne!(expected, MESSY);
    let r = archc(p.path(), &["fmt", "a.arch", "b.arch"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("", ""));
    assert_eq!(fs::read_to_string(p.path().join("a.arch")).expect("read"), expected);
    assert_eq!(fs::read_to_string(p.path().join("b.arch")).expect("read"), CLEAN);
}

#[test]
fn fmt_check_changes_nothing_and_exits_1_when_a_file_would_change() {
    let p = project(&[("a.arch", MESSY), ("b.arch", CLEAN)]);
    let r = archc(p.path(), &["fmt", "--check", "a.arch", "b.arch"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("would reformat a.arch") && !r.stderr.contains("b.arch"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(p.path().join("a.arch")).expect("read"), MESSY);
    let r = archc(p.path(), &["fmt", "--check", "b.arch"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn fmt_dash_formats_standard_input() {
    let p = project(&[]);
    let r = archc_stdin(p.path(), &["fmt", "-"], MESSY);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, archc_syntax::fmt::format(MESSY).expect("formats"));
    let r = archc_stdin(p.path(), &["fmt", "--check", "-"], MESSY);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    let r = archc_stdin(p.path(), &["fmt", "--check", "-"], CLEAN);
    assert_eq!(r.code, 0);
    let r = archc_stdin(p.path(), &["fmt", "-"], "region us-east-1 {\n  s3 \"x\n}\n");
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert!(r.stderr.contains("error[E0102]") && r.stderr.contains("<stdin>:2:"), "{}", r.stderr);
    let r = archc_stdin(p.path(), &["fmt", "-", "x.arch"], MESSY);
    assert_eq!(r.code, 2);
}

#[test]
fn fmt_leaves_a_file_with_syntax_errors_alone() {
    let broken = "region us-east-1 {\n    s3   media {\n";
    let p = project(&[("bad.arch", broken), ("good.arch", MESSY)]);
    let r = archc(p.path(), &["fmt", "bad.arch", "good.arch"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("error[E0101]") && r.stderr.contains("--> bad.arch:"), "{}", r.stderr);
    assert_eq!(fs::read_to_string(p.path().join("bad.arch")).expect("read"), broken);
    assert_ne!(
        fs::read_to_string(p.path().join("good.arch")).expect("read"),
        MESSY,
        "the other file is still formatted"
    );
}

#[test]
fn fmt_of_a_missing_file_exits_2() {
    let p = project(&[("a.arch", MESSY)]);
    let r = archc(p.path(), &["fmt", "missing.arch", "a.arch"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot read `missing.arch`"), "{}", r.stderr);
}

// ---------------------------------------------------------------- explain

#[test]
fn explain_prints_the_explanation() {
    let p = project(&[]);
    let r = archc(p.path(), &["explain", "E0106"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("# E0106: "), "{}", r.stdout);
    assert!(r.stdout.contains("## Example") && r.stdout.contains("## Fix"));
    assert_eq!(archc(p.path(), &["explain", "e0106"]).stdout, r.stdout);
    assert_eq!(archc(p.path(), &["explain", "duplicate-name"]).stdout, r.stdout);
}

/// A checker rule's explanation is its doc comment, printed the same way.
#[test]
fn explain_prints_a_rules_doc_comment() {
    let p = project(&[]);
    let r = archc(p.path(), &["explain", "E0201"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim_end(), archc_core::check::codes::CIDR_HOST_BITS.explanation().trim_end());
    assert!(r.stdout.starts_with("# E0201: CIDR host bits set\n"), "{}", r.stdout);
    assert!(r.stdout.contains("\n## Example\n\n```arch\nregion us-east-1 {\n"), "{}", r.stdout);
    assert_eq!(archc(p.path(), &["explain", "cidr-host-bits"]).stdout, r.stdout);
}

#[test]
fn explain_an_unknown_code_exits_2_with_a_suggestion() {
    let p = project(&[]);
    let r = archc(p.path(), &["explain", "E106"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.contains("no diagnostic code `E106`") && r.stderr.contains("did you mean `E0106`?"),
        "{}",
        r.stderr
    );
    let r = archc(p.path(), &["explain", "E9999"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--list"), "{}", r.stderr);
}

#[test]
fn explain_list_names_every_code() {
    let p = project(&[]);
    let r = archc(p.path(), &["explain", "--list"]);
    assert_eq!(r.code, 0);
    for c in archc_core::diag::codes::all() {
        assert!(
            r.stdout.lines().any(|l| l.starts_with(c.as_str()) && l.contains(c.summary())),
            "{} missing:\n{}",
            c.as_str(),
            r.stdout
        );
    }
}

// ---------------------------------------------------------------- colour

#[test]
fn no_colour_when_piped() {
    let p = project(&[("bad.arch", DUPLICATE)]);
    let r = archc(p.path(), &["check", "bad.arch"]);
    assert!(!r.stderr.contains('\x1b'), "{:?}", r.stderr);
    let r = finish(command(p.path(), &["check", "bad.arch"]).env("NO_COLOR", "1").output().expect("runs"));
    assert!(!r.stderr.contains('\x1b'), "{:?}", r.stderr);
}

/// On a terminal (a pseudo-terminal from `script`, where it exists) there is
/// colour, unless NO_COLOR is set. Only a missing `script` skips the test;
/// any other outcome than archc's exit 1 for a file with errors fails it.
#[cfg(target_os = "linux")]
#[test]
fn colour_on_a_terminal_unless_no_color() {
    let p = project(&[("bad.arch", DUPLICATE)]);
    let run_in_pty = |no_color: bool| {
        let line = format!("{} check bad.arch", env!("CARGO_BIN_EXE_archc"));
        let mut cmd = Command::new("script");
        cmd.args(["-qec", &line, "/dev/null"]).current_dir(p.path()).env_remove("NO_COLOR").stdin(Stdio::null());
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        cmd.output()
    };
    let out = match run_in_pty(false) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("`script` is not installed: skipped");
            return;
        }
        other => other.expect("`script` runs"),
    };
    let text = |o: &Output| String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(out.status.code(), Some(1), "archc under `script`: {out:?}");
    let coloured = text(&out);
    assert!(coloured.contains("\x1b["), "{coloured:?}");
    let out = run_in_pty(true).expect("`script` runs");
    assert_eq!(out.status.code(), Some(1), "archc under `script` with NO_COLOR: {out:?}");
    let plain = text(&out);
    assert!(plain.contains("error[E0106]") && !plain.contains('\x1b'), "{plain:?}");
}

// ---------------------------------------------------------------- hostile output

#[test]
fn control_characters_of_a_file_never_reach_the_terminal() {
    // ESC and BEL in a string and in a name, and in the file's name.
    let text = "title \"\u{1b}]0;owned\u{7}\" x\nregion us-east-1 {\n  lambda f\u{1b}[2J\n}\n";
    let p = project(&[("bad\u{1b}[31m.arch", text)]);
    let r = archc(p.path(), &["check", "bad\u{1b}[31m.arch"]);
    assert_eq!(r.code, 1);
    assert!(!r.stderr.contains('\u{1b}') && !r.stderr.contains('\u{7}'), "{:?}", r.stderr);
    assert!(r.stderr.contains("--> bad\\u{1b}[31m.arch:1:"), "{}", r.stderr);
    assert!(r.stderr.contains("\\u{1b}]0;owned\\u{7}") && r.stderr.contains("lambda f\\u{1b}[2J"), "{}", r.stderr);
}

#[test]
fn thousands_of_errors_on_one_long_line_are_capped_and_cut() {
    let chain: Vec<String> = (0..10_000).map(|i| format!("m{i}")).collect();
    let p = project(&[("long.arch", &format!("title \"t\"\n{}\n", chain.join(" -> ")))]);
    let r = archc(p.path(), &["check", "long.arch"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr.matches("error[E0107]").count(), 100);
    assert!(r.stderr.contains("... and 9900 more errors in long.arch (the first 100 are shown)"), "{}", r.stderr);
    assert!(r.stderr.ends_with("10000 errors\n"));
    assert!(r.stderr.lines().all(|l| l.len() < 400), "a quoted line is cut to a window");
    let v = json(&archc(p.path(), &["check", "--format", "json", "long.arch"]).stdout);
    assert_eq!((v["errors"].as_u64(), v["truncated"].as_u64()), (Some(10_000), Some(9_000)));
    assert_eq!(v["diagnostics"].as_array().map(Vec::len), Some(1000));
}

#[test]
fn a_byte_order_mark_does_not_shift_columns() {
    let p = project(&[("bom.arch", "\u{feff}title \"t\" zz\n")]);
    let r = archc(p.path(), &["check", "bom.arch"]);
    assert!(r.stderr.contains("--> bom.arch:1:11\n"), "{}", r.stderr);
    let v = json(&archc(p.path(), &["check", "--format", "json", "bom.arch"]).stdout);
    assert_eq!(v["diagnostics"][0]["span"]["column"], 11);
}

#[test]
fn sarif_uris_are_percent_encoded_and_absolute_paths_are_file_uris() {
    let p = project(&[("my designs/100% café.arch", DUPLICATE)]);
    let uri = |r: &Run| {
        json(&r.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].clone()
    };
    let r = archc(p.path(), &["check", "--format", "sarif", "my designs/100% café.arch"]);
    assert_eq!(uri(&r), "my%20designs/100%25%20caf%C3%A9.arch");
    let abs = p.path().join("my designs/100% café.arch");
    let r = archc(p.path(), &["check", "--format", "sarif", abs.to_str().expect("UTF-8 path")]);
    let got = uri(&r);
    let got = got.as_str().expect("a uri");
    assert!(got.starts_with("file:///") && got.ends_with("/my%20designs/100%25%20caf%C3%A9.arch"), "{got}");
    assert!(!got.contains(' '), "{got}");
}

// ---------------------------------------------------------------- route

/// An app server, a database behind a network ACL that forgets the replies,
/// and a public entry point.
const ROUTED: &str = "region us-east-1 {
  vpc shop 10.0.0.0/16 {
    igw
    az a {
      public subnet pub_a 10.0.0.0/24
      private subnet app_a 10.0.1.0/24 {
        ec2 app { instance: t3.micro; port: 8080 }
      }
      isolated subnet data_a 10.0.2.0/24 {
        ec2 db { instance: t3.micro; port: 5432 }
      }
    }
    nacl data_acl in data_a {
      allow in 100 5432 from 10.0.1.0/24
    }
  }
}
app -> db
";

#[test]
fn route_prints_the_path_both_ways_and_exits_0() {
    let fixed = ROUTED.replace(
        "allow in 100 5432 from 10.0.1.0/24\n",
        "allow in 100 5432 from 10.0.1.0/24\n      allow out 100 1024-65535 to 10.0.1.0/24\n",
    );
    let p = project(&[("shop.arch", &fixed)]);
    let r = archc(p.path(), &["route", "shop.arch", "app", "us-east-1.shop.a.data_a.db"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .starts_with("us-east-1.shop.a.app_a.app -> us-east-1.shop.a.data_a.db on tcp/5432: reachable both ways\n"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("route 10.0.0.0/16 local"), "{}", r.stdout);
    assert!(r.stdout.contains("nacl rule 100 allows out tcp/1024-65535"), "{}", r.stdout);

    let r = archc(p.path(), &["route", "shop.arch", "app", "db", "--format", "json"]);
    assert_eq!(r.code, 0);
    let v = json(&r.stdout);
    assert_eq!(v["from"], "us-east-1.shop.a.app_a.app");
    assert_eq!(v["to"], "us-east-1.shop.a.data_a.db");
    assert_eq!(v["port"], 5432);
    assert_eq!(v["reachable"], true);
    assert_eq!(v["blockers"], json("[]"));
    let hop = &v["forward"][0];
    assert!(hop["component"].is_string() && hop["kind"].is_string() && hop["via"].is_string(), "{hop}");
    assert!(v["return"].as_array().is_some_and(|r| !r.is_empty()));
}

#[test]
fn route_names_every_blocker_and_exits_1() {
    let p = project(&[("shop.arch", ROUTED)]);
    let r = archc(p.path(), &["route", "shop.arch", "app", "db", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v["reachable"], false);
    assert_eq!(
        v["blockers"][0],
        json(
            r#"{"reason": "SUBNET_ACL_RESTRICTION", "component": "us-east-1.shop.data_acl", "direction": "return",
                 "message": "network ACL `data_acl` rule * denies out tcp/1024-65535 to 10.0.1.4"}"#
        )
    );
    // Any port: the database's group admits only the flow's port.
    let r = archc(p.path(), &["route", "shop.arch", "app", "db", "--port", "22"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("ENI_SG_RULES_MISMATCH"), "{}", r.stdout);
    // From the internet: not an entry point.
    let r = archc(p.path(), &["route", "shop.arch", "internet", "app"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS"), "{}", r.stdout);
}

#[test]
fn route_bad_use_exits_2() {
    let p = project(&[("shop.arch", ROUTED)]);
    let r = archc(p.path(), &["route", "shop.arch", "app", "dbb"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean `db`?"), "{}", r.stderr);
    let r = archc(p.path(), &["route", "shop.arch", "app", "db", "--port", "http2"]);
    assert_eq!(r.code, 2);
    let r = archc(p.path(), &["route", "missing.arch", "app", "db"]);
    assert_eq!(r.code, 2);
    // A file with errors: its diagnostics, exit 1.
    let q = project(&[("bad.arch", DUPLICATE)]);
    let r = archc(q.path(), &["route", "bad.arch", "media", "media"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("E0106"), "{}", r.stderr);
}

#[test]
fn check_json_lists_a_flows_blockers() {
    let p = project(&[("shop.arch", ROUTED)]);
    let r = archc(p.path(), &["check", "--format", "json", "shop.arch"]);
    assert_eq!(r.code, 1);
    let d = &json(&r.stdout)["diagnostics"][0];
    assert_eq!(d["code"], "E0405");
    assert_eq!(
        d["blockers"],
        json(
            r#"[{"reason": "SUBNET_ACL_RESTRICTION", "component": "us-east-1.shop.data_acl", "direction": "return",
                  "message": "network ACL `data_acl` rule * denies out tcp/1024-65535 to 10.0.1.4"}]"#
        )
    );
    assert_eq!(d["suggestion"]["replacement"], "; allow out 100 1024-65535 to 10.0.1.0/24");
    // A diagnostic about no flow has no `blockers`.
    let q = project(&[("b.arch", "region us-east-1 {\n  vpc v 10.0.0.1/16\n}\n")]);
    let r = archc(q.path(), &["check", "--format", "json", "b.arch"]);
    assert!(json(&r.stdout)["diagnostics"][0].get("blockers").is_none());
    // SARIF carries them as properties.
    let r = archc(p.path(), &["check", "--format", "sarif", "shop.arch"]);
    let v = json(&r.stdout);
    assert_eq!(v["runs"][0]["results"][0]["properties"]["blockers"][0]["reason"], "SUBNET_ACL_RESTRICTION");
}
