//! Lowering tests that need several files (the fixture runner in
//! `tests/fixtures.rs` covers single files).

use std::collections::BTreeMap;

use crate::model::NodeKind;
use crate::{compile, SourceDb};

fn compile_files(files: &[(&str, &str)]) -> (SourceDb, crate::Compilation) {
    let map: BTreeMap<String, String> = files.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
    let mut db = SourceDb::new();
    let entry = db.add(files[0].0, files[0].1);
    let c = compile(&mut db, entry, &map);
    (db, c)
}

fn codes(c: &crate::Compilation) -> Vec<&'static str> {
    c.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn aliased_import_puts_names_under_the_alias() {
    let (_, c) = compile_files(&[
        ("app/main.arch", "use ./net.arch as net\nregion us-east-1 { s3 logs }\nusers u\nu -> net.site"),
        ("app/net.arch", "region us-east-1 { s3 site }"),
    ]);
    assert_eq!(codes(&c), Vec::<&str>::new());
    let ids: Vec<&str> = c.model().nodes().iter().map(|n| n.id.as_str()).collect();
    assert!(ids.contains(&"us-east-1.net.site"), "{ids:?}");
    // Both files' `region us-east-1` are one region.
    assert_eq!(c.model().nodes().iter().filter(|n| n.kind() == crate::model::kinds::Kind::Region).count(), 1);
}

#[test]
fn import_outside_root_missing_and_cycle() {
    let (_, c) = compile_files(&[("main.arch", "use ../secret.arch")]);
    assert_eq!(codes(&c), ["E0119"]);
    let (_, c) = compile_files(&[("main.arch", "use ./nope.arch")]);
    assert_eq!(codes(&c), ["E0118"]);
    let (_, c) = compile_files(&[("main.arch", "use ./b.arch"), ("b.arch", "use ./main.arch")]);
    assert_eq!(codes(&c), ["E0120"]);
    let (_, c) = compile_files(&[("main.arch", "use std/nope")]);
    assert_eq!(codes(&c), ["E0118"]);
}

#[test]
fn components_from_an_import_are_visible_through_the_alias() {
    let (_, c) = compile_files(&[
        ("main.arch", "use ./lib.arch as lib\nregion eu-west-1 { lib.bucket_pair media { prefix: media } }"),
        ("lib.arch", "component bucket_pair(prefix) { s3 ${prefix}_raw\n s3 ${prefix}_done }"),
    ]);
    assert_eq!(codes(&c), Vec::<&str>::new());
    let ids: Vec<&str> = c.model().nodes().iter().map(|n| n.id.as_str()).collect();
    assert!(ids.contains(&"eu-west-1.media.media_raw"), "{ids:?}");
}

#[test]
fn allocation_is_lowest_free_in_declaration_order() {
    let src = "region us-east-1 { vpc v 10.0.0.0/22 { igw\n az a {\n\
               public subnet p1\n\
               private subnet p2 10.0.0.0/24\n\
               private subnet p3 { size: /26 }\n\
               private subnet p4\n } } }";
    let (_, c) = crate::compile_str("a.arch", src);
    assert_eq!(codes(&c), Vec::<&str>::new());
    let blocks: Vec<String> = c
        .model()
        .nodes()
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Subnet(s) => s.cidr.cidr().map(|c| format!("{}={c}", n.name)),
            _ => None,
        })
        .collect();
    assert_eq!(blocks, ["p1=10.0.1.0/24", "p2=10.0.0.0/24", "p3=10.0.2.0/26", "p4=10.0.3.0/24"]);
}

#[test]
fn allocation_reports_exhaustion() {
    let src = "region us-east-1 { vpc v 10.0.0.0/24 { az a { public subnet p1\n private subnet p2 } } }";
    let (_, c) = crate::compile_str("a.arch", src);
    assert_eq!(codes(&c), ["E0205"]);
}

#[test]
fn recursion_and_unknown_parameters() {
    let (_, c) = crate::compile_str("a.arch", "component loop(x) { loop inner { x: $x } }\nloop outer { x: 1 }");
    assert_eq!(codes(&c), ["E0122"]);
    let (_, c) = crate::compile_str("a.arch", "component c(x) { users ${y} }\nc one { x: 1; z: 2 }");
    assert_eq!(codes(&c), ["E0123", "E0121"]);
}

#[test]
fn every_stdlib_module_lowers_cleanly() {
    for (name, _) in crate::lower::stdlib::MODULES {
        let (db, c) = crate::compile_str("main.arch", &format!("use std/{name}"));
        let text = crate::diag::render_human(&db, &c.diagnostics, false);
        assert!(!c.has_errors(), "std/{name}:\n{text}");
    }
}

#[test]
fn list_interpolation_in_list_positions() {
    let src = "component tiers(azs) {\n\
               for az in $azs { az $az { public subnet pub_${az} } }\n\
               alb web in pub_${azs}\n\
               internet -> web : https\n}\n\
               region us-east-1 { vpc v 10.0.0.0/16 { igw\n tiers t { azs: a, b, c } } }";
    let (_, c) = crate::compile_str("a.arch", src);
    assert_eq!(codes(&c), Vec::<&str>::new(), "{:?}", c.diagnostics);
    let web = c.model().nodes().iter().find(|n| n.name == "web").expect("web");
    assert_eq!(web.placement.len(), 3);
    // A list in a scalar position is still an error.
    let (_, c) = crate::compile_str("a.arch", "component c(x) { users u_${x} }\nc one { x: a, b }");
    assert_eq!(codes(&c), ["E0111"]);
}

#[test]
fn self_is_the_instance_name_and_unnamed_igws_do_not_collide() {
    let src = "component net(cidr) { vpc ${self}_vpc $cidr { igw } }\n\
               region us-east-1 { net a { cidr: 10.0.0.0/16 }\n net b { cidr: 10.1.0.0/16 } }";
    let (_, c) = crate::compile_str("a.arch", src);
    assert_eq!(codes(&c), Vec::<&str>::new(), "{:?}", c.diagnostics);
    let ids: Vec<&str> = c.model().nodes().iter().map(|n| n.id.as_str()).collect();
    assert!(ids.contains(&"us-east-1.a.a_vpc.igw") && ids.contains(&"us-east-1.b.b_vpc.igw"), "{ids:?}");
}

#[test]
fn only_a_module_that_failed_to_load_silences_unresolved_names() {
    // The missing module would have declared `site`: only its own error.
    let (_, c) = compile_files(&[("main.arch", "use ./net.arch\nusers u\nu -> site")]);
    assert_eq!(codes(&c), ["E0118"]);
    // A cycle loads every file, so a typo is still a typo.
    let (_, c) = compile_files(&[
        ("main.arch", "use ./b.arch\nusers u\nu -> sitte"),
        ("b.arch", "use ./main.arch\nregion us-east-1 { s3 site }"),
    ]);
    assert_eq!(codes(&c), ["E0107", "E0120"]);
}

/// "Did you mean" for unresolved names stops after a hundred in one
/// compilation: each compares with every declaration, and thousands of them
/// would cost quadratic time (bench/errors.py).
#[test]
fn did_you_mean_is_bounded_per_compilation() {
    let mut text = String::from("region us-east-1 {\n");
    let refs: String = (0..120).map(|i| format!("fn_{i} -> fm_{i}\n")).collect();
    text.extend((0..120).map(|i| format!("  lambda fn_{i}\n")));
    text.push_str("}\n");
    text.push_str(&refs);
    let (_, c) = crate::compile_str("a.arch", &text);
    let helped =
        c.diagnostics.iter().filter(|d| d.help.as_deref().is_some_and(|h| h.starts_with("did you mean"))).count();
    assert_eq!((c.diagnostics.len(), helped), (120, 100));
}

/// Components that each instantiate the next `fan` times, `levels` deep, the
/// last one declaring a queue and a flow.
fn fan_out(fan: usize, levels: usize) -> String {
    let mut text = String::new();
    for i in 0..levels {
        text.push_str(&format!("component c{i} {{\n"));
        for k in 0..fan {
            text.push_str(&format!("  c{} i{k}\n", i + 1));
        }
        text.push_str("}\n");
    }
    text.push_str(&format!("component c{levels} {{\n  sqs q\n  lambda f\n  f -> q\n}}\n"));
    text.push_str("region us-east-1 {\n  c0 top\n}\n");
    text
}

/// One E0128, at the outermost instance or loop, and a model that stayed
/// within the budget: the expansion stopped before doing the work, not after.
fn assert_stopped_by_budget(text: &str, at: &str) {
    let (db, c) = compile_files(&[("main.arch", text)]);
    assert_eq!(codes(&c), ["E0128"], "{:?}", c.diagnostics);
    let d = &c.diagnostics[0];
    let src = &db.get(d.span.file).expect("file").text;
    assert_eq!(&src[d.span.start as usize..d.span.end as usize], at);
    assert!(d.message.contains("50,000"), "{}", d.message);
    let m = c.model();
    assert!(m.nodes().len() + m.flows().len() <= super::expand::BUDGET, "{} nodes", m.nodes().len());
}

#[test]
fn fan_outs_stop_at_the_budget_once() {
    // The input of issue 10 (2^20 instances), a deeper one that ran out of
    // memory, and fan-outs other than two.
    assert_stopped_by_budget(&fan_out(2, 20), "c0 top");
    assert_stopped_by_budget(&fan_out(2, 24), "c0 top");
    assert_stopped_by_budget(&fan_out(10, 6), "c0 top");
    // Below the budget, the same shape expands in full.
    let (_, c) = compile_files(&[("main.arch", &fan_out(3, 4))]);
    assert_eq!(codes(&c), Vec::<&str>::new());
    assert_eq!(c.model().flows().len(), 81);
}

#[test]
fn nested_loops_stop_at_the_budget_once() {
    let values = "[a, b, c, d, e, f, g, h, i, j]";
    let mut text = String::from("region us-east-1 {\n  lambda src\n");
    for v in ["u", "v", "w", "x", "y", "z"] {
        text.push_str(&format!("for {v} in {values} {{\n"));
    }
    // Flows, not declarations: they are counted alike.
    text.push_str("src -> internet : https\n");
    text.push_str(&"}\n".repeat(6));
    text.push_str("}\n");
    assert_stopped_by_budget(&text, "for u");
    // A loop inside components inside a loop.
    let text = format!(
        "component a(t = x) {{\n  for i in {values} {{ b n_${{i}} }}\n}}\ncomponent b(t = x) {{\n  for j in {values} {{\n    for k in {values} {{\n      for l in {values} {{ sqs q_${{j}}${{k}}${{l}} }}\n    }}\n  }}\n}}\nregion us-east-1 {{\n  for o in {values} {{ a m_${{o}} }}\n}}\n"
    );
    assert_stopped_by_budget(&text, "for o");
}

#[test]
fn recursion_is_found_at_once_and_depth_is_not_recursion() {
    // A cycle through three components, fanned out: E0122 at the instance
    // that closes it, whatever the number of paths that reach it.
    let text = "component a {\n  b x\n  b y\n}\ncomponent b {\n  c x\n  c y\n}\ncomponent c {\n  a z\n}\nregion us-east-1 {\n  a top\n}\n";
    let (_, c) = compile_files(&[("main.arch", text)]);
    assert_eq!(codes(&c), ["E0122"]);
    assert_eq!(c.diagnostics[0].message, "component `a` instantiates itself through a → b → c → a");
    // 33 different components, one inside the other: E0128, not E0122.
    let mut text = String::new();
    for i in 0..40 {
        text.push_str(&format!("component d{i} {{\n  d{} x\n}}\n", i + 1));
    }
    text.push_str("component d40 {\n  sqs q\n}\nregion us-east-1 {\n  d0 top\n}\n");
    let (_, c) = compile_files(&[("main.arch", &text)]);
    assert_eq!(codes(&c), ["E0128"]);
    assert_eq!(c.diagnostics[0].message, "components nested more than 32 deep");
    // Blocks nested within the parser's limit in each component, but past
    // it once the components are expanded one inside the other: bounded
    // too, so the expander's recursion is bounded on any stack.
    let mut text = String::new();
    for i in 0..32 {
        let open: String = (0..120).map(|k| format!("for v{k} in [a] {{\n")).collect();
        text.push_str(&format!("component c{i} {{\n{open}c{} x\n{}}}\n", i + 1, "}\n".repeat(120)));
    }
    text.push_str("component c32 {\n  sqs q\n}\nregion us-east-1 {\n  c0 top\n}\n");
    let (_, c) = compile_files(&[("main.arch", &text)]);
    assert_eq!(codes(&c), ["E0128"]);
    assert_eq!(c.diagnostics[0].message, "blocks nested more than 128 deep once components are expanded");
}

/// A flow whose hops substitute to nothing (a parameter bound to an empty
/// list) is reported, not dropped.
#[test]
fn a_flow_left_without_hops_is_reported() {
    let text =
        "component fan(targets = []) {\n  lambda f\n  f -> $targets : https\n}\nregion us-east-1 {\n  fan a\n}\n";
    let (_, c) = compile_files(&[("main.arch", text)]);
    assert_eq!(codes(&c), ["E0111"]);
}

/// A file imported a second time under another alias, or twice in one
/// file, is reported: the second `use` would otherwise do nothing. Two
/// files importing a third the same way is one module, and fine.
#[test]
fn a_second_import_of_a_file_is_reported() {
    let c_arch = ("c.arch", "region us-east-1 { sqs q }\n");
    let (_, c) = compile_files(&[("main.arch", "use ./c.arch as x\nuse ./c.arch as y\n"), c_arch]);
    assert_eq!(codes(&c), ["E0112"]);
    assert!(c.diagnostics[0].message.contains("already imported as `x`"), "{}", c.diagnostics[0].message);
    let (_, c) = compile_files(&[("main.arch", "use ./c.arch\nuse ./c.arch\n"), c_arch]);
    assert_eq!(codes(&c), ["E0112"]);
    let (_, c) = compile_files(&[
        ("main.arch", "use ./a.arch\nuse ./c.arch\nregion us-east-1 { lambda f }\nf -> q : https\n"),
        ("a.arch", "use ./c.arch\n"),
        c_arch,
    ]);
    assert_eq!(codes(&c), Vec::<&str>::new());
}
