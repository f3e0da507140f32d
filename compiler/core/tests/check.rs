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

#[test]
fn a_blocker_met_by_every_subnet_pair_is_said_once_but_listed_in_full() {
    // `dev_app` and `prod_db` stand in two subnets each: the missing route
    // stops the flow for 4 (source subnet, target subnet) pairs each way.
    let (db, c) = compile_str("e.arch", include_str!("planted/environments_peered.arch"));
    let d = c.diagnostics.iter().find(|d| d.code.as_str() == "E0402").expect("E0402");
    assert_eq!(d.blockers.len(), 8, "{:#?}", d.blockers);
    assert_eq!(d.notes.len(), 2, "{:#?}", d.notes);
    assert!(d.notes.iter().all(|n| n.ends_with("(and 3 more subnet pairs)")), "{:#?}", d.notes);
    let human = archc_core::diag::render_human(&db, std::slice::from_ref(d), false);
    assert_eq!(human.matches("= note: forward PCX_REQUIRES_ADDRESS_IN_VPC_CIDR at `shared_dev`").count(), 1, "{human}");
    assert_eq!(human.matches("= note: return").count(), 1, "{human}");
    let json = archc_core::diag::to_json(&db, std::slice::from_ref(d));
    assert_eq!(json["diagnostics"][0]["blockers"].as_array().map(Vec::len), Some(8), "{json}");
}

#[test]
fn no_route_between_connected_vpcs_that_overlap_blames_the_overlap() {
    let src = "region us-east-1 {
  vpc front 10.0.0.0/16 {
    az a {
      private subnet front_a 10.0.1.0/24 {
        ec2 app { instance: t3.micro }
      }
    }
  }
  vpc back 10.0.128.0/17 {
    az a {
      private subnet back_a 10.0.200.0/24 {
        ec2 db { instance: t3.micro; port: 5432 }
      }
    }
  }
  tgw hub { attach: front, back }
}

app -> db
";
    let (_, c) = compile_str("o.arch", src);
    let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"E0209"), "{codes:?}");
    let d = c.diagnostics.iter().find(|d| d.code.as_str() == "E0401").expect("E0401");
    let help = d.help.as_deref().unwrap_or("");
    assert!(help.starts_with("`back` and `front` overlap (E0209)"), "{help}");
    assert!(!help.contains("peering"), "{help}");
}

#[test]
fn no_fix_opens_a_database_port_to_the_internet() {
    let src = "region us-east-1 {
  vpc shop 10.0.0.0/16 {
    igw
    az a {
      public subnet pub_a 10.0.1.0/24 {
        ec2 db { instance: t3.micro; port: 5432; public_ip: true }
        ec2 web { instance: t3.micro; port: 443; public_ip: true }
      }
    }
    nacl pub_acl in pub_a {
      allow in 100 22 from 10.0.0.0/16
      allow out 100 1024-65535 to 0.0.0.0/0
    }
  }
}

internet -> db : 5432
internet -> web : 443
";
    let (_, c) = compile_str("d.arch", src);
    let acl: Vec<_> = c.diagnostics.iter().filter(|d| d.code.as_str() == "E0405").collect();
    assert_eq!(acl.len(), 2, "{:#?}", c.diagnostics);
    // The web port: the rule that opens it is a safe fix.
    assert!(
        acl[1].fix.as_ref().is_some_and(|f| f.edits[0].replacement.contains("443 from 0.0.0.0/0")),
        "{:#?}",
        acl[1]
    );
    // PostgreSQL's port: no fix, and the help says why.
    assert!(acl[0].fix.is_none(), "{:#?}", acl[0]);
    let help = acl[0].help.as_deref().unwrap_or("");
    assert!(help.contains("open the port of PostgreSQL (tcp/5432) to the whole internet"), "{help}");
}
