//! The checker: its rules run on a model that lowered without errors, and
//! each rule's doc comment is the explanation the registry carries.

use archc_core::check::{self, RULES};
use archc_core::compile_str;
use archc_core::diag::codes;

const HOST_BITS: &str = "region us-east-1 {\n  vpc shop 10.0.1.0/16\n}\n";

#[test]
fn rules_run_once_lowering_has_no_error() {
    let (_, c) = compile_str("a.arch", HOST_BITS);
    let got: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(got, ["E0201"]);

    // The same block beside a front-end error: only the front end reports.
    let (_, c) = compile_str("b.arch", &format!("{HOST_BITS}qeue jobs\n"));
    let got: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(got, ["E0104"]);
}

#[test]
fn the_model_keeps_the_block_as_written() {
    let (_, c) = compile_str("a.arch", HOST_BITS);
    let vpc = c.model().nodes().iter().find(|n| n.name == "shop").expect("the vpc");
    let archc_core::model::NodeKind::Vpc(v) = &vpc.kind else { panic!("not a vpc") };
    assert_eq!(v.blocks[0].value.to_string(), "10.0.1.0/16");
    assert_eq!(v.blocks[0].value.network().to_string(), "10.0.0.0/16");
    // The checker's errors refuse the design, but the model it proved is
    // the checked one; `check` on its own gives the same as `compile`.
    let checked = c.checked().expect("a model that lowered without errors is checked");
    assert_eq!(check::check(checked, c.plan().expect("a checked model has a plan")), c.diagnostics);
}

#[test]
fn every_rule_is_in_the_registry_with_its_doc_as_explanation() {
    for (code, _) in RULES {
        let registered = codes::find(code.as_str()).expect("in diag::codes::all()");
        assert_eq!((registered.name(), registered.explanation()), (code.name(), code.explanation()));
        assert!(code.explanation().starts_with(&format!("# {}: ", code.as_str())));
        assert!(!code.explanation().lines().any(|l| l.starts_with(" #") || l.starts_with("///")));
    }
    let doc = check::codes::CIDR_HOST_BITS.explanation();
    assert!(doc.contains("\n## Example\n\n```arch\nregion us-east-1 {\n  vpc shop 10.0.1.0/16\n"), "{doc}");
}
