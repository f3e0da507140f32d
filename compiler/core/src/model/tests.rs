//! The model's own invariants: the kind table and the model agree, the
//! enumerations are the table's words, the indexes agree with the nodes,
//! and no placeholder stands for a gap.

use std::collections::BTreeSet;

use super::kinds::{Kind, Ty, KINDS};
use super::*;
use crate::compile_str;

/// Every property of the kind table is a field of the kind's data, and
/// every field made from a property names a property of the table.
#[test]
fn kind_table_keys_are_the_model_fields() {
    for spec in KINDS {
        let table: BTreeSet<&str> = spec.props.iter().map(|p| p.key).collect();
        let model: BTreeSet<&str> = NodeKind::keys(spec.kind).iter().copied().collect();
        assert_eq!(table, model, "kind `{}`: table keys vs model fields", spec.keyword);
    }
}

/// An `enum` property's words are exactly the words of the model's enum, and
/// each maps to a variant and back.
#[test]
fn enum_words_round_trip() {
    fn check<E: WordEnum + std::fmt::Display>(words: &[&str]) {
        for w in words {
            let v = E::from_word(w).unwrap_or_else(|| panic!("`{w}` has no variant"));
            assert_eq!(&v.to_string(), w);
        }
    }
    let mut seen = 0;
    for spec in KINDS {
        for p in spec.props {
            let Ty::Enum(words) = p.ty else { continue };
            seen += 1;
            match (spec.kind, p.key) {
                (Kind::Nat, "type") => check::<Connectivity>(words),
                (Kind::Nat, "mode") => check::<NatMode>(words),
                (Kind::Rds, "engine") => check::<RdsEngine>(words),
                (Kind::Aurora, "engine") => check::<AuroraEngine>(words),
                (Kind::Elasticache, "engine") => check::<CacheEngine>(words),
                (Kind::Dynamodb, "billing") => check::<Billing>(words),
                (Kind::Stepfn, "type") => check::<Workflow>(words),
                (Kind::Apigw, "type") => check::<ApiType>(words),
                (Kind::Route53, "policy") => check::<RoutingPolicy>(words),
                (Kind::Route53, "zone") => check::<ZoneType>(words),
                (Kind::Vpn, "routing") => check::<VpnRouting>(words),
                other => panic!("{other:?}: an enum property without a model enum"),
            }
        }
    }
    assert_eq!(seen, 11);
}

/// Every kind has a layout class and the CloudFormation types are well formed.
#[test]
fn kind_table_back_end_columns() {
    for spec in KINDS {
        for t in spec.cfn {
            let parts: Vec<&str> = t.split("::").collect();
            assert!(parts.len() == 3 && parts[0] == "AWS", "{}: `{t}`", spec.keyword);
        }
        let resource = !matches!(spec.kind, Kind::Region | Kind::Az | Kind::Onprem | Kind::Users);
        assert_eq!(resource, !spec.cfn.is_empty(), "{}: CloudFormation types", spec.keyword);
    }
    assert!(Kind::Alb.spec().security_group && !Kind::S3.spec().security_group);
    assert_eq!(Kind::Vpc.spec().cfn[0], "AWS::EC2::VPC");
    assert_eq!(Kind::Alb.spec().cfn[0], "AWS::ElasticLoadBalancingV2::LoadBalancer");
}

const SHOP: &str = "
region eu-west-1 {
  vpc shop 10.0.0.0/16 {
    igw
    az a {
      public subnet pub_a
      private subnet app_a 10.0.10.0/24 {
        ec2 bastion { port: ssh }
      }
    }
    az b { public subnet pub_b; private subnet app_b }
    alb web in pub_a, pub_b
    rds db in app_a, app_b { engine: postgres; storage: 20GiB }
  }
  s3 media { replicate_to: backup }
  s3 backup
  sqs jobs { dlq: dead; visibility_timeout: 2m }
  sqs dead
}
cloudfront cdn { origins: media, web }
users people
people -> cdn
cdn -> web
web -> bastion : 8080
bastion -> db
";

fn shop() -> crate::Compilation {
    let (_, c) = compile_str("shop.arch", SHOP);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    c
}

#[test]
fn indexes_agree_with_the_nodes() {
    let c = shop();
    let m = c.model();
    for id in m.ids() {
        let linear: Vec<NodeId> = m.ids().filter(|&c| m.node(c).parent == Some(id)).collect();
        let indexed: Vec<NodeId> = m.children(id).map(|(c, _)| c).collect();
        assert_eq!(linear, indexed, "children of {}", m.node(id).id);
        assert_eq!(m.by_id(&m.node(id).id), Some(id));
        let from: Vec<&Flow> = m.flows().iter().filter(|f| f.from.value == id).collect();
        assert_eq!(from, m.flows_from(id).collect::<Vec<_>>());
        let to: Vec<&Flow> = m.flows().iter().filter(|f| f.to.value == id).collect();
        assert_eq!(to, m.flows_to(id).collect::<Vec<_>>());
    }
    let roots: Vec<&str> = m.roots().map(|(_, n)| n.id.as_str()).collect();
    assert_eq!(roots, ["internet", "eu-west-1", "cdn", "people"]);
    let pub_a = m.by_id("eu-west-1.shop.a.pub_a").expect("pub_a");
    let app_a = m.by_id("eu-west-1.shop.a.app_a").expect("app_a");
    let names = |s| m.resources_in(s).map(|(_, n)| n.name.as_str()).collect::<Vec<_>>();
    assert_eq!(names(pub_a), ["web"]);
    assert_eq!(names(app_a), ["bastion", "db"]);
}

#[test]
fn refs_gather_every_reference_property() {
    let c = shop();
    let m = c.model();
    let refs = |id: &str| {
        let n = m.node(m.by_id(id).expect(id));
        n.kind.refs().iter().map(|r| format!("{}={}", r.key, m.node(r.target).name)).collect::<Vec<_>>()
    };
    assert_eq!(refs("cdn"), ["origins=media", "origins=web"]);
    assert_eq!(refs("eu-west-1.media"), ["replicate_to=backup"]);
    assert_eq!(refs("eu-west-1.jobs"), ["dlq=dead"]);
    // Structural links (a subnet's zone) are not property references.
    assert!(refs("eu-west-1.shop.a.pub_a").is_empty());
}

#[test]
fn enums_units_and_defaults_are_resolved() {
    let c = shop();
    let m = c.model();
    let node = |id: &str| &m.node(m.by_id(id).expect(id)).kind;
    let NodeKind::Rds(db) = node("eu-west-1.shop.db") else { panic!("rds") };
    assert_eq!(db.engine.as_ref().map(|e| e.value), Some(RdsEngine::Postgres));
    assert_eq!(db.storage.as_ref().map(|s| s.value), Some(Bytes(20 * 1024 * 1024 * 1024)));
    assert!(db.encrypted.value && !db.encrypted.written);
    let NodeKind::Sqs(q) = node("eu-west-1.jobs") else { panic!("sqs") };
    assert_eq!((q.visibility_timeout.value, q.visibility_timeout.written), (Seconds(120), true));
    assert_eq!((q.retention.value, q.retention.written), (defaults::SQS_RETENTION, false));
    let NodeKind::Alb(web) = node("eu-west-1.shop.web") else { panic!("alb") };
    assert_eq!(web.listen.value, defaults::ALB_LISTEN);
    assert!(!web.listen.written);
    let NodeKind::Ec2(e) = node("eu-west-1.shop.a.app_a.bastion") else { panic!("ec2") };
    assert_eq!((e.count.value, e.count.written), (1, false));
    let NodeKind::Subnet(s) = node("eu-west-1.shop.a.pub_a") else { panic!("subnet") };
    assert!(matches!(s.cidr, SubnetBlock::Allocated(_)));
    assert_eq!((s.size.value, s.size.written), (defaults::SUBNET_PREFIX, false));
    let NodeKind::Subnet(s) = node("eu-west-1.shop.a.app_a") else { panic!("subnet") };
    assert!(matches!(s.cidr, SubnetBlock::Written(_)));
    assert_eq!(m.settings.direction.value, Direction::Right);
    assert!(!m.settings.direction.written);
}

/// Lowers a design with errors and returns the best-effort model's node.
fn best_effort(src: &str, id: &str) -> NodeKind {
    let (_, c) = compile_str("p.arch", src);
    assert!(c.has_errors(), "the design should have an error");
    assert!(c.checked().is_none(), "no checked model with errors");
    let m = c.model();
    m.node(m.by_id(id).unwrap_or_else(|| panic!("{id}"))).kind.clone()
}

#[test]
fn a_subnet_outside_an_az_has_no_zone() {
    let k = best_effort("region us-east-1 { vpc v 10.0.0.0/16 { public subnet s } }", "us-east-1.v.s");
    let NodeKind::Subnet(s) = k else { panic!("subnet") };
    assert_eq!(s.zone, None);
}

#[test]
fn a_subnet_without_a_tier_has_none() {
    let k = best_effort("region us-east-1 { vpc v 10.0.0.0/16 { az a { subnet s } } }", "us-east-1.v.a.s");
    let NodeKind::Subnet(s) = k else { panic!("subnet") };
    assert_eq!(s.tier, None);
}

#[test]
fn an_exhausted_allocation_leaves_the_subnet_unallocated() {
    let src = "region us-east-1 { vpc v 10.0.0.0/28 { az a { private subnet s { size: /27 } } } }";
    let NodeKind::Subnet(s) = best_effort(src, "us-east-1.v.a.s") else { panic!("subnet") };
    assert_eq!(s.cidr, SubnetBlock::Unallocated);
    assert_eq!(s.cidr.cidr(), None);
}

#[test]
fn an_ec2_outside_a_subnet_has_no_subnet() {
    let k = best_effort("region us-east-1 { vpc v 10.0.0.0/16 { ec2 box } }", "us-east-1.v.box");
    let NodeKind::Ec2(e) = k else { panic!("ec2") };
    assert_eq!(e.subnet, None);
}

#[test]
fn an_onprem_without_a_block_has_none() {
    let NodeKind::Onprem(o) = best_effort("onprem office", "office") else { panic!("onprem") };
    assert_eq!(o.cidr, None);
}

#[test]
fn an_endpoint_without_a_service_has_none() {
    let src = "region us-east-1 { vpc v 10.0.0.0/16 { gateway endpoint e } }";
    let NodeKind::Endpoint(e) = best_effort(src, "us-east-1.v.e") else { panic!("endpoint") };
    assert_eq!(e.service, None);
    assert_eq!(e.endpoint_type.map(|t| t.value), Some(EndpointType::Gateway));
}

#[test]
fn a_zone_outside_a_region_has_no_zone_name() {
    let NodeKind::Az(z) = best_effort("vpc v 10.0.0.0/16 { az a }", "v.a") else { panic!("az") };
    assert_eq!(z.zone_name, None);
}

#[test]
fn only_a_clean_compilation_is_checked() {
    let c = shop();
    let checked = c.checked().expect("a checked model");
    assert_eq!(checked.nodes().len(), c.model().nodes().len());
}

/// LANGUAGE.md §4: a resource at region level placed in subnets of one VPC
/// belongs to that VPC, also when a component made the VPC.
#[test]
fn a_region_level_resource_belongs_to_its_subnets_vpc() {
    let src = "use std/vpc\nregion us-east-1 {\n  multi_az_vpc prod { cidr: 10.0.0.0/16 }\n  alb web in prod.public_a, prod.public_b\n}\n";
    let (_, c) = compile_str("r.arch", src);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let m = c.checked().expect("checked");
    let web = m.node(m.by_id("us-east-1.web").expect("web"));
    assert_eq!(web.vpc, m.by_id("us-east-1.prod.prod"));
    assert_eq!(web.parent, m.by_id("us-east-1"));
    assert_eq!(web.expansion, []);
    // The VPC's members record the instance that declared them.
    let vpc = m.node(m.by_id("us-east-1.prod.prod").expect("vpc"));
    assert_eq!(
        vpc.expansion.iter().map(|e| (e.instance.as_str(), e.component.as_str())).collect::<Vec<_>>(),
        [("prod", "multi_az_vpc")]
    );
    let pub_a = m.by_id("us-east-1.prod.prod.a.public_a").expect("public_a");
    assert!(m.resources_in(pub_a).any(|(_, n)| n.name == "web"));
    assert_eq!(m.instances().len(), 1);
}

#[test]
fn layout_and_security_groups_refine_the_kind_table() {
    use super::kinds::Layout;
    let src = "region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    igw\n    nat out { mode: regional }\n    az a { private subnet s }\n    az b { private subnet s2 }\n    lambda inside in s, s2\n    gateway endpoint g s3\n    interface endpoint i sqs in s\n  }\n  lambda outside\n  waf regional_acl\n}\nwaf global_acl\n";
    let (_, c) = compile_str("l.arch", src);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let m = c.checked().expect("checked");
    let node = |id: &str| m.node(m.by_id(id).expect(id));
    assert_eq!(node("us-east-1.v.inside").layout(), Layout::Band);
    assert!(node("us-east-1.v.inside").takes_security_group());
    assert_eq!(node("us-east-1.outside").layout(), Layout::Regional);
    assert!(!node("us-east-1.outside").takes_security_group());
    assert_eq!(node("us-east-1.v.out").layout(), Layout::Border);
    assert_eq!(node("us-east-1.v.a.s").layout(), Layout::Container);
    assert!(!node("us-east-1.v.g").takes_security_group());
    assert!(node("us-east-1.v.i").takes_security_group());
    assert_eq!(node("us-east-1.regional_acl").layout(), Layout::Regional);
    assert_eq!(node("global_acl").layout(), Layout::Global);
}

/// Provenance: a node declared through nested instances lists them all,
/// outermost first, and each instance lists every node it expanded to.
#[test]
fn expansion_records_the_instance_chain() {
    let src = "component inner() {\n  s3 b\n}\ncomponent outer() {\n  inner i\n  sqs q\n}\nregion us-east-1 {\n  outer o\n  s3 mine\n}\n";
    let (_, c) = compile_str("e.arch", src);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let m = c.checked().expect("checked");
    let b = m.node(m.by_id("us-east-1.o.i.b").expect("b"));
    let chain: Vec<(&str, &str)> = b.expansion.iter().map(|e| (e.instance.as_str(), e.component.as_str())).collect();
    assert_eq!(chain, [("o", "outer"), ("o.i", "inner")]);
    assert!(m.node(m.by_id("us-east-1.mine").expect("mine")).expansion.is_empty());
    let instances: Vec<(String, Vec<&str>)> = m
        .instances()
        .iter()
        .map(|(e, nodes)| (e.instance.clone(), nodes.iter().map(|&n| m.node(n).name.as_str()).collect()))
        .collect();
    assert_eq!(instances, [("o".to_string(), vec!["b", "q"]), ("o.i".to_string(), vec!["b"])]);
}
