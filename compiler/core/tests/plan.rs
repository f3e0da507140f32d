//! The plan of every example and of every valid fixture with a network, as
//! `archc plan` prints it: these snapshots are the proof the plan is right
//! (read them when they change).

use std::path::{Path, PathBuf};

use archc_core::plan::{render_human_with, view::view};
use archc_core::{compile, Compilation, LoadError, Loader, SourceDb};

/// Reads imports from the design's own folder.
struct DirLoader(PathBuf);

impl Loader for DirLoader {
    fn load(&self, path: &str) -> Result<String, LoadError> {
        std::fs::read_to_string(self.0.join(path)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound,
            _ => LoadError::Unreadable(e.kind().to_string()),
        })
    }
}

fn compile_file(path: &Path) -> (SourceDb, Compilation) {
    let text = std::fs::read_to_string(path).expect("design readable");
    let name = path.file_name().and_then(|n| n.to_str()).expect("design name");
    let dir = path.parent().expect("design folder").to_path_buf();
    let mut db = SourceDb::new();
    let entry = db.add(name, text);
    let c = compile(&mut db, entry, &DirLoader(dir));
    (db, c)
}

fn designs(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("a folder of designs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "arch"))
        .collect();
    files.sort();
    files
}

/// The human plan of each design, snapshotted as `plan__PREFIX_STEM`; with
/// `only_networks`, designs whose plan is empty are skipped.
fn snapshot_all(dir: &str, prefix: &str, only_networks: bool) -> usize {
    let mut n = 0;
    for path in designs(dir) {
        let (db, c) = compile_file(&path);
        let (Some(model), Some(plan)) = (c.checked(), c.plan()) else {
            panic!("{} should lower without errors: {:#?}", path.display(), c.diagnostics);
        };
        if only_networks && plan.route_tables.is_empty() && plan.permissions.is_empty() {
            continue;
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("a file stem");
        // The JSON view serialises (and names only nodes of the model).
        serde_json::to_string(&view(model, plan)).expect("the plan view serialises");
        insta::assert_snapshot!(format!("{prefix}_{stem}"), render_human_with(model, plan, &|span| locate(&db, span)));
        n += 1;
    }
    n
}

#[test]
fn examples() {
    assert!(snapshot_all("../../examples", "example", false) >= 12);
}

/// The JSON shape docs/plan.md documents, on one design with every part.
#[test]
fn json_view_of_hub_and_spoke() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/hub_and_spoke.arch");
    let (_, c) = compile_file(&path);
    let (Some(model), Some(plan)) = (c.checked(), c.plan()) else { panic!("hub_and_spoke lowers") };
    let v = serde_json::to_value(view(model, plan)).expect("serialises");
    let keys: Vec<&str> = v.as_object().expect("an object").keys().map(String::as_str).collect();
    assert_eq!(keys, ["network_acls", "permissions", "route_tables", "security_groups", "transit_gateways"]);
    let hub = &v["transit_gateways"][0];
    assert_eq!(hub["tgw"], "ap-northeast-2.hub");
    assert_eq!(hub["attachments"][0]["kind"], "vpc");
    assert_eq!(hub["attachments"][0]["subnets"][0], "ap-northeast-2.shared.a.svc_a");
    assert_eq!(hub["attachments"][5]["kind"], "peering");
    assert_eq!(hub["attachments"][5]["id"], "ap-northeast-1.dr_hub");
    let onprem = hub["routes"].as_array().expect("routes").iter().find(|r| r["destination"] == "172.16.0.0/16");
    assert_eq!(onprem.map(|r| (r["attachment"].clone(), r["propagated"].clone())), Some((4.into(), true.into())));
    let rt = &v["route_tables"][0];
    assert_eq!(rt["routes"][1]["target"]["kind"], "tgw");
    let sg = &v["security_groups"][0];
    assert_eq!(sg["owner"], "ap-northeast-2.shared.a.svc_a.dir_a");
    assert_eq!(sg["ingress"][0]["peer"]["kind"], "cidr");
    assert_eq!(sg["ingress"][0]["peer"]["cidr"], "10.1.0.0/20");
    assert_eq!(sg["egress"][0]["flow"], serde_json::Value::Null);
}

#[test]
fn valid_fixtures_with_a_network() {
    assert!(snapshot_all("tests/fixtures/valid", "fixture", true) > 0);
}

/// Where a span is, as the plan prints it: `line 12` in the entry file,
/// `NAME:12` in an imported one.
fn locate(db: &SourceDb, span: archc_core::Span) -> Option<String> {
    let src = db.get(span.file)?;
    let (line, _) = src.line_col(span.start as usize);
    Some(if span.file.0 == 0 { format!("line {line}") } else { format!("{}:{line}", src.name) })
}

/// W0304's unsafe fix gives the zone's bodiless public subnet its own NAT
/// gateway, and the plan then routes the zone's private subnet through it.
#[test]
fn w0304_fix_adds_the_zones_nat_gateway() {
    let text = "region us-east-1 {
  vpc shop 10.0.0.0/16 {
    igw
    az a {
      public subnet pub_a 10.0.0.0/24 {
        nat nat_a
      }
      private subnet app_a 10.0.10.0/24
    }
    az b {
      public subnet pub_b 10.0.1.0/24
      private subnet app_b 10.0.11.0/24
    }
  }
}
";
    let (db, c) = archc_core::compile_str("w.arch", text);
    let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["W0304"]);
    let fixes = archc_core::diag::fix::apply(&db, &c.diagnostics, true);
    let fixed = &fixes.files.first().expect("a fixed file").text;
    assert!(fixed.contains("      public subnet pub_b 10.0.1.0/24 { nat nat_b }\n"), "{fixed}");
    let (_, after) = archc_core::compile_str("w.arch", fixed);
    assert!(after.diagnostics.is_empty(), "{:?}", after.diagnostics);
    let (Some(model), Some(plan)) = (after.checked(), after.plan()) else { panic!("the fixed design lowers") };
    let app_b = model.ids().find(|&i| model.node(i).name == "app_b").expect("app_b");
    let nat_b = model.ids().find(|&i| model.node(i).name == "nat_b").expect("nat_b");
    let default = plan.route_table(app_b).and_then(|t| t.default_route()).map(|r| r.target);
    assert_eq!(default, Some(archc_core::plan::RouteTarget::NatGateway(nat_b)));
}
