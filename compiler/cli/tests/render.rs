//! `archc render` as a user runs it: SVG, layout JSON and PNG to standard
//! output, a file or a folder; errors refuse (exit 1, nothing written)
//! unless `--draw-refused`; user strings shown as text; the user's icons
//! embedded; the same bytes on every run.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    fn text(&self) -> String {
        String::from_utf8(self.stdout.clone()).expect("stdout is UTF-8")
    }
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
        stdout: out.stdout,
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("archc.toml"), "").expect("archc.toml");
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    dir
}

const SHOP: &str = r#"title "Shop <test> & co"
region us-east-1 {
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
    alb web in pub_a, pub_b { listen: 443; label: "<script>alert(\"x\") & 'y'</script>" }
    asg app in app_a, app_b { port: 8080 }
  }
}
internet -> web : https
web -> app
"#;

/// A private subnet with no NAT: the app cannot reach the internet.
const REFUSED: &str = "region us-east-1 {
  vpc shop 10.0.0.0/16 {
    igw gw
    az a {
      public subnet pub_a 10.0.0.0/24
      private subnet app_a 10.0.1.0/24
    }
    az b {
      public subnet pub_b 10.0.2.0/24
      private subnet app_b 10.0.3.0/24
    }
    alb web in pub_a, pub_b { listen: 443 }
    asg app in app_a, app_b { port: 8080 }
  }
}
internet -> web : https
web -> app
app -> internet : https
";

#[test]
fn svg_on_standard_output_names_every_node_container_and_edge() {
    let dir = project(&[("shop.arch", SHOP)]);
    let run = archc(dir.path(), &["render", "shop.arch"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let svg = run.text();
    assert!(svg.contains("<svg"), "{svg}");
    for id in ["us-east-1.shop.web", "us-east-1.shop.app", "us-east-1.shop.a.pub_a.nat_a"] {
        assert!(svg.contains(&format!("class=\"node\" data-id=\"{id}\"")), "no node {id}");
    }
    assert!(svg.contains("class=\"container\""));
    assert!(svg.contains("data-id=\"us-east-1.shop\""));
    assert!(svg.contains("data-from=\"us-east-1.shop.web\"") && svg.contains("data-to=\"us-east-1.shop.app\""));
    // Every user string is text, never markup.
    assert!(!svg.contains("<script"), "a label became markup");
    assert!(svg.contains("&lt;script&gt;"), "the label is not shown");
    assert!(svg.contains("Shop &lt;test&gt; &amp; co"), "the title is not escaped");
}

#[test]
fn the_same_design_gives_the_same_bytes() {
    let dir = project(&[("shop.arch", SHOP)]);
    for format in ["svg", "layout-json"] {
        let a = archc(dir.path(), &["render", "shop.arch", "--format", format]);
        let b = archc(dir.path(), &["render", "shop.arch", "--format", format]);
        assert_eq!(a.code, 0);
        assert_eq!(a.stdout, b.stdout, "{format} differs between runs");
    }
}

#[test]
fn layout_json_has_the_interfaces_shape() {
    let dir = project(&[("shop.arch", SHOP)]);
    let run = archc(dir.path(), &["render", "shop.arch", "--format", "layout-json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_slice(&run.stdout).expect("JSON");
    assert!(v["width"].as_i64().unwrap_or(0) > 0 && v["height"].as_i64().unwrap_or(0) > 0);
    let vpc =
        v["containers"].as_array().expect("containers").iter().find(|c| c["id"] == "us-east-1.shop").expect("vpc");
    assert_eq!(vpc["kind"], "vpc");
    assert_eq!(vpc["label"], "shop 10.0.0.0/16");
    assert_eq!(vpc["parent"], "us-east-1");
    for key in ["x", "y", "w", "h"] {
        assert!(vpc[key].is_i64(), "{key}");
    }
    let web = v["nodes"].as_array().expect("nodes").iter().find(|n| n["id"] == "us-east-1.shop.web").expect("web");
    assert_eq!(web["kind"], "alb");
    // Placed in two zones' subnets: drawn once, in the VPC.
    assert_eq!(web["parent"], "us-east-1.shop");
    assert_eq!(web["in"], serde_json::json!(["us-east-1.shop.a.pub_a", "us-east-1.shop.b.pub_b"]));
    let edges = v["edges"].as_array().expect("edges");
    let edge =
        edges.iter().find(|e| e["from"] == "us-east-1.shop.web" && e["to"] == "us-east-1.shop.app").expect("edge");
    assert!(edge["points"].as_array().expect("points").len() >= 2);
    assert_eq!(edge["kind"], "flow");
}

#[test]
fn output_goes_to_a_file_a_folder_or_a_png_by_extension() {
    let dir = project(&[("shop.arch", SHOP)]);
    fs::create_dir(dir.path().join("out")).expect("mkdir");
    let run = archc(dir.path(), &["render", "shop.arch", "-o", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fs::read_to_string(dir.path().join("out/shop.svg")).expect("out/shop.svg").contains("<svg"));
    let run = archc(dir.path(), &["render", "shop.arch", "-o", "shop.png"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let png = fs::read(dir.path().join("shop.png")).expect("shop.png");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let run = archc(dir.path(), &["render", "shop.arch", "-o", "layout.json"]);
    assert_eq!(run.code, 0);
    let _: Value =
        serde_json::from_slice(&fs::read(dir.path().join("layout.json")).expect("layout.json")).expect("JSON");
    let run = archc(dir.path(), &["render", "shop.arch", "-o", "-", "--format", "png"]);
    assert_eq!(&run.stdout[..4], b"\x89PNG");
}

#[test]
fn errors_refuse_and_write_nothing() {
    let dir = project(&[("bad.arch", REFUSED)]);
    let run = archc(dir.path(), &["render", "bad.arch", "-o", "bad.svg"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error["), "{}", run.stderr);
    assert!(!dir.path().join("bad.svg").exists(), "an output was written for a refused design");
    let run = archc(dir.path(), &["render", "missing.arch"]);
    assert_eq!(run.code, 2);
}

#[test]
fn draw_refused_draws_the_refused_flow_broken_with_its_code() {
    let dir = project(&[("bad.arch", REFUSED)]);
    let run = archc(dir.path(), &["render", "bad.arch", "-o", "bad.svg", "--draw-refused"]);
    assert_eq!(run.code, 1, "the design still has errors: {}", run.stderr);
    let svg = fs::read_to_string(dir.path().join("bad.svg")).expect("written with --draw-refused");
    let edge = svg
        .split("<g ")
        .find(|g| g.contains("class=\"edge\"") && g.contains("data-to=\"internet\""))
        .expect("the refused edge is drawn");
    assert!(edge.contains("data-refused=\"E0"), "{edge}");
    let run = archc(dir.path(), &["render", "bad.arch", "--format", "layout-json", "--draw-refused"]);
    let v: Value = serde_json::from_slice(&run.stdout).expect("JSON");
    let refused: Vec<&Value> = v["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .filter(|e| !e["refused"].as_array().expect("refused").is_empty())
        .collect();
    assert_eq!(refused.len(), 1, "only app -> internet is refused: {refused:?}");
    assert_eq!(refused[0]["to"], "internet");
}

#[test]
fn the_users_icons_are_embedded_inline() {
    let marker = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\" fill=\"#123456\"/></svg>";
    let dir = project(&[
        ("shop.arch", SHOP),
        ("icons/Architecture-Service-Icons/Arch_Networking/48/Arch_Elastic-Load-Balancing_48.svg", marker),
        ("icons/asg.svg", marker),
    ]);
    let plain = archc(dir.path(), &["render", "shop.arch"]).text();
    let run = archc(dir.path(), &["render", "shop.arch", "--icons", "icons"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let svg = run.text();
    let embedded = svg.matches("data:image/svg+xml;base64,").count();
    assert!(embedded >= 2, "the alb (AWS package name) and asg (KIND.svg) icons: {embedded}");
    assert!(!plain.contains("data:image/svg+xml"));
    let run = archc(dir.path(), &["render", "shop.arch", "--icons", "nowhere"]);
    assert_eq!(run.code, 2);
}

#[test]
fn theme_flag_overrides_the_design() {
    let dir = project(&[("shop.arch", SHOP)]);
    let light = archc(dir.path(), &["render", "shop.arch"]).text();
    let dark = archc(dir.path(), &["render", "shop.arch", "--theme", "dark"]).text();
    assert_ne!(light, dark);
}
