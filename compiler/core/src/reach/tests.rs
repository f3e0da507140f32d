//! The prover on small designs: every blocker both ways, the ephemeral
//! range, bounded pairs, determinism.

use super::*;
use crate::compile_str;

fn proofs(text: &str) -> Vec<Proof> {
    let (_, c) = compile_str("t.arch", text);
    let (Some(model), Some(plan)) = (c.checked(), c.plan()) else { panic!("the design lowers: {:?}", c.diagnostics) };
    prove_flows(model, plan)
}

const TWO_VPCS: &str = "region us-east-1 {
  vpc front 10.0.0.0/16 {
    az a {
      private subnet front_a 10.0.1.0/24 {
        ec2 app { instance: t3.micro }
      }
    }
    nacl front_acl in front_a {
      deny out 90 5432 to 10.1.0.0/16
      allow out 100 all to 0.0.0.0/0
      allow in 100 all from 0.0.0.0/0
    }
  }
  vpc back 10.1.0.0/16 {
    az a {
      private subnet back_a 10.1.1.0/24 {
        ec2 db { instance: t3.micro; port: 5432 }
      }
    }
  }
}
app -> db
";

#[test]
fn a_flow_with_no_route_and_a_denying_acl_reports_both_both_ways() {
    let p = &proofs(TWO_VPCS)[0];
    let reasons: Vec<(&str, &str)> = p.blockers.iter().map(|b| (b.reason.as_str(), b.direction.as_str())).collect();
    assert!(reasons.contains(&("SUBNET_ACL_RESTRICTION", "forward")), "{reasons:?}");
    assert!(reasons.contains(&("NO_ROUTE_TO_DESTINATION", "forward")), "{reasons:?}");
    assert!(reasons.contains(&("NO_ROUTE_TO_DESTINATION", "return")), "{reasons:?}");
    assert_eq!(p.cause(), Some(Cause::NoRoute));
    let acl = p.blockers.iter().find(|b| b.reason == Reason::SubnetAclRestriction).expect("the ACL blocker");
    assert!(acl.message.contains("rule 90 denies out tcp/5432"), "{}", acl.message);
}

#[test]
fn proofs_are_deterministic() {
    assert_eq!(proofs(TWO_VPCS), proofs(TWO_VPCS));
}

#[test]
fn a_reply_range_allowed_in_part_is_blocked() {
    let text = "region us-east-1 {
  vpc shop 10.0.0.0/16 {
    az a {
      private subnet app_a 10.0.1.0/24 {
        ec2 app { instance: t3.micro }
      }
      isolated subnet data_a 10.0.2.0/24 {
        ec2 db { instance: t3.micro; port: 5432 }
      }
    }
    nacl data_acl in data_a {
      allow in 100 5432 from 10.0.1.0/24
      allow out 100 1024-32767 to 10.0.1.0/24
    }
  }
}
app -> db
";
    let p = &proofs(text)[0];
    assert_eq!(p.blockers.len(), 1, "{:?}", p.blockers);
    let b = &p.blockers[0];
    assert_eq!((b.reason, b.direction), (Reason::SubnetAclRestriction, Direction::Return));
    assert!(b.message.contains("tcp/32768-65535"), "{}", b.message);
    let fix = b.acl_fix.as_ref().expect("a rule to add");
    assert_eq!(fix.line, "allow out 110 32768-65535 to 10.0.1.0/24");
}

#[test]
fn the_pairs_of_one_flow_are_bounded() {
    // 9 subnets each side: 81 pairs, past the bound.
    let mut text = String::from("region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    az a {\n");
    for i in 0..18 {
        text.push_str(&format!("      private subnet s{i} 10.0.{i}.0/24\n"));
    }
    text.push_str("    }\n");
    let left: Vec<String> = (0..9).map(|i| format!("s{i}")).collect();
    let right: Vec<String> = (9..18).map(|i| format!("s{i}")).collect();
    text.push_str(&format!("    ecs left in {} {{ image: \"a:1\"; port: 80 }}\n", left.join(", ")));
    text.push_str(&format!("    ecs right in {} {{ image: \"b:1\"; port: 80 }}\n", right.join(", ")));
    text.push_str("  }\n}\nleft -> right\n");
    let p = &proofs(&text)[0];
    assert_eq!(p.blockers.len(), 1, "{:?}", p.blockers);
    assert_eq!(p.blockers[0].reason, Reason::PairsNotProven);
    assert!(p.blockers[0].message.contains("64 of 81"), "{}", p.blockers[0].message);
}

#[test]
fn on_premises_reaches_a_vpc_on_the_peer_of_its_transit_gateway() {
    // `hub` also lists `dr` of another region (E0421): no attachment, but
    // the peer `hub_eu` attaches it, and the static routes of the peering
    // carry the data centre's traffic both ways.
    let text = "onprem dc 172.16.0.0/16
region us-east-1 {
  tgw hub { attach: dr }
  vpn dc_vpn { to: dc; tgw: hub }
}
region eu-west-1 {
  vpc dr 10.1.0.0/16 { az a { private subnet dr_a 10.1.0.0/24 { ec2 x { instance: t3.micro; port: 22 } } } }
  tgw hub_eu { attach: dr; peer: hub }
}
dc -> x : 22
x -> dc : 22
";
    for p in proofs(text) {
        assert!(p.blockers.is_empty(), "{:?}", p.blockers);
    }
    // Without the peer, nothing carries it, and the message says why.
    let p = &proofs(&text.replace("tgw hub_eu { attach: dr; peer: hub }", ""))[0];
    let reasons: Vec<(&str, &str)> = p.blockers.iter().map(|b| (b.reason.as_str(), b.direction.as_str())).collect();
    assert_eq!(reasons, vec![("TGW_RTB_CANNOT_ROUTE", "forward"), ("TGW_RTB_CANNOT_ROUTE", "return")]);
    assert!(p.blockers[0].message.contains("attaches only VPCs of its own region"), "{}", p.blockers[0].message);
}

#[test]
fn every_subnet_of_an_interface_endpoint_counts_toward_the_bound() {
    // 33 source subnets, an endpoint in 2: 66 pairs, past the bound.
    let mut text = String::from("region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    az a {\n");
    for i in 0..33 {
        text.push_str(&format!("      private subnet s{i} 10.0.{i}.0/24\n"));
    }
    text.push_str("      private subnet ea 10.0.100.0/24\n    }\n    az b { private subnet eb 10.0.101.0/24 }\n");
    let all: Vec<String> = (0..33).map(|i| format!("s{i}")).collect();
    text.push_str(&format!("    ecs app in {} {{ image: \"a:1\"; port: 80 }}\n", all.join(", ")));
    text.push_str("    interface endpoint q_ie sqs in ea, eb\n  }\n  sqs q\n}\napp -> q\n");
    let p = &proofs(&text)[0];
    assert_eq!(p.blockers.len(), 1, "{:?}", p.blockers);
    assert_eq!(p.blockers[0].reason, Reason::PairsNotProven);
    assert!(p.blockers[0].message.contains("64 of 66"), "{}", p.blockers[0].message);
}

/// The checker's proofs (`prove_flows`, without hops) find exactly the
/// blockers of `archc route`'s (`prove_flow`, with hops): one walk, the
/// hop texts aside.
#[test]
fn the_checkers_proofs_are_route_s_without_the_hops() {
    for text in [TWO_VPCS, include_str!("../../../../examples/three_tier_shop.arch")] {
        let (_, c) = compile_str("t.arch", text);
        let (Some(model), Some(plan)) = (c.checked(), c.plan()) else { panic!("the design lowers") };
        let flows = prove_flows(model, plan);
        assert!(!flows.is_empty());
        for (i, p) in flows.iter().enumerate() {
            let full = prove_flow(model, plan, i);
            assert!(p.forward.is_empty() && p.reply.is_empty(), "flow {i}: {p:?}");
            assert!(!full.forward.is_empty(), "flow {i}: {full:?}");
            assert_eq!(p.blockers, full.blockers, "flow {i}");
            assert_eq!(p.service_via_nat, full.service_via_nat, "flow {i}");
        }
    }
}
