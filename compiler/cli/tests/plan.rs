//! `archc plan` as a user runs it: the plan on standard output, its JSON
//! view, diagnostics and exit 1 with errors, exit 2 for a missing file.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn archc(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_archc"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("archc runs");
    Run {
        code: out.status.code().expect("archc exited by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("archc.toml"), "").expect("archc.toml");
    for (name, text) in files {
        fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

const SHOP: &str = "region us-east-1 {
  vpc shop 10.0.0.0/16 {
    igw gw
    az a {
      public subnet pub_a 10.0.0.0/24 {
        nat nat_a
      }
      private subnet app_a 10.0.1.0/24
    }
    az b {
      public subnet pub_b 10.0.2.0/24 {
        nat nat_b
      }
      private subnet app_b 10.0.3.0/24
    }
    alb web in pub_a, pub_b { listen: 443 }
    asg app in app_a, app_b { port: 8080 }
  }
}
internet -> web : https
web -> app
";

#[test]
fn plan_prints_route_tables_and_security_groups() {
    let dir = project(&[("shop.arch", SHOP)]);
    let run = archc(dir.path(), &["plan", "shop.arch"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.contains("  private subnet app_b 10.0.3.0/24 (az b, default acl)\n    10.0.0.0/16 -> local\n    0.0.0.0/0 -> nat nat_b\n"), "{out}");
    assert!(out.contains("    0.0.0.0/0 -> igw gw\n"), "{out}");
    assert!(out.contains("    ingress tcp/8080 from sg(web) (flow web -> app at line 21)\n"), "{out}");
    assert!(out.contains("    ingress tcp/443 from 0.0.0.0/0 (flow internet -> web at line 20)\n"), "{out}");
}

#[test]
fn plan_json_is_the_view() {
    let dir = project(&[("shop.arch", SHOP)]);
    let run = archc(dir.path(), &["plan", "shop.arch", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let rt = &v["route_tables"][1];
    assert_eq!(rt["subnet"], "us-east-1.shop.a.app_a");
    assert_eq!(rt["routes"][1]["destination"], "0.0.0.0/0");
    assert_eq!(rt["routes"][1]["target"]["kind"], "nat");
    assert_eq!(rt["routes"][1]["target"]["id"], "us-east-1.shop.a.pub_a.nat_a");
    let app = &v["security_groups"][1];
    assert_eq!(app["owner"], "us-east-1.shop.app");
    assert_eq!(app["ingress"][0]["peer"]["kind"], "security-group");
    assert_eq!(app["ingress"][0]["peer"]["id"], "us-east-1.shop.web");
    assert_eq!(app["ingress"][0]["flow"], 1);
    assert_eq!(v["network_acls"][0]["inbound"][1]["number"], Value::Null);
}

#[test]
fn plan_with_errors_prints_the_diagnostics_and_exits_1() {
    let dir = project(&[("bad.arch", "region us-east-1 {\n  s3 media\n  sqs media\n}\n")]);
    let run = archc(dir.path(), &["plan", "bad.arch"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "", "no plan with errors");
    assert!(run.stderr.contains("E0106"), "{}", run.stderr);
    let run = archc(dir.path(), &["plan", "bad.arch", "--format", "json"]);
    assert_eq!(run.code, 1);
    let v: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["errors"], 1);
}

#[test]
fn plan_of_a_missing_file_exits_2() {
    let dir = project(&[]);
    let run = archc(dir.path(), &["plan", "nope.arch"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
}
