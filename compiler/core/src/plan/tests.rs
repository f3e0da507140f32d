//! The plan of small designs: concrete routes, rules and entries.

use super::*;
use crate::compile_str;
use crate::model::ports::Protocol;
use crate::model::Model;

fn plan_of(text: &str) -> (Model, Plan) {
    let (_, c) = compile_str("test.arch", text);
    let errors: Vec<String> =
        c.diagnostics.iter().filter(|d| d.is_error()).map(|d| format!("{} {}", d.code.as_str(), d.message)).collect();
    let plan = c.plan().cloned().unwrap_or_else(|| panic!("front-end errors: {errors:#?}"));
    (c.model().clone(), plan)
}

fn id(m: &Model, name: &str) -> NodeId {
    m.ids().find(|&i| m.node(i).name == name).unwrap_or_else(|| panic!("no node {name}"))
}

fn cidr(s: &str) -> Cidr {
    Cidr::parse(s).unwrap()
}

fn routes(m: &Model, p: &Plan, subnet: &str) -> Vec<(String, String)> {
    let rt = p.route_table(id(m, subnet)).expect("route table");
    rt.routes
        .iter()
        .map(|r| {
            let d = match r.destination {
                Destination::Cidr(c) => c.to_string(),
                Destination::PrefixList(GatewayService::S3) => "pl-s3".into(),
                Destination::PrefixList(GatewayService::DynamoDb) => "pl-dynamodb".into(),
            };
            let t = match r.target {
                RouteTarget::Local => "local".to_string(),
                RouteTarget::InternetGateway(n)
                | RouteTarget::NatGateway(n)
                | RouteTarget::GatewayEndpoint(n)
                | RouteTarget::TransitGateway(n)
                | RouteTarget::VirtualPrivateGateway(n) => m.node(n).name.clone(),
                RouteTarget::Peering(i) => m.peerings()[i].name.value.clone(),
            };
            (d, t)
        })
        .collect()
}

fn r(d: &str, t: &str) -> (String, String) {
    (d.to_string(), t.to_string())
}

const TWO_ZONES: &str = r#"
region us-east-1 {
  vpc main 10.0.0.0/16 {
    igw gw
    az a {
      public subnet pub_a 10.0.0.0/24 { nat nat_a }
      private subnet app_a 10.0.10.0/24
      isolated subnet db_a 10.0.20.0/24
    }
    az b {
      public subnet pub_b 10.0.1.0/24
      private subnet app_b 10.0.11.0/24
      isolated subnet db_b 10.0.21.0/24
    }
    gateway endpoint s3_ep s3
    alb web in pub_a, pub_b { listen: 443 }
    asg app in app_a, app_b { port: 8080 }
    rds db in db_a, db_b { engine: postgres }
  }
  s3 assets
}
internet -> web : 443
web -> app
app -> db
app -> assets
"#;

#[test]
fn default_routes_follow_the_tier() {
    let (m, p) = plan_of(TWO_ZONES);
    assert_eq!(routes(&m, &p, "pub_a"), vec![r("10.0.0.0/16", "local"), r("0.0.0.0/0", "gw"), r("pl-s3", "s3_ep")]);
    assert_eq!(routes(&m, &p, "app_a"), vec![r("10.0.0.0/16", "local"), r("0.0.0.0/0", "nat_a"), r("pl-s3", "s3_ep")]);
    // No NAT in zone b: the one in zone a (W0304 warns).
    assert_eq!(routes(&m, &p, "app_b")[1], r("0.0.0.0/0", "nat_a"));
    assert_eq!(routes(&m, &p, "db_a"), vec![r("10.0.0.0/16", "local"), r("pl-s3", "s3_ep")]);
}

#[test]
fn lookup_takes_the_longest_prefix() {
    let (m, p) = plan_of(TWO_ZONES);
    let rt = p.route_table(id(&m, "app_a")).unwrap();
    assert_eq!(rt.lookup(cidr("10.0.21.5/32").first()).map(|r| r.target), Some(RouteTarget::Local));
    assert_eq!(rt.lookup(cidr("8.8.8.8/32").first()).map(|r| r.target), Some(RouteTarget::NatGateway(id(&m, "nat_a"))));
    assert_eq!(
        rt.lookup_service(GatewayService::S3).map(|r| r.target),
        Some(RouteTarget::GatewayEndpoint(id(&m, "s3_ep")))
    );
    assert_eq!(
        rt.lookup_service(GatewayService::DynamoDb).map(|r| r.target),
        Some(RouteTarget::NatGateway(id(&m, "nat_a")))
    );
    let db = p.route_table(id(&m, "db_a")).unwrap();
    assert!(db.lookup(cidr("8.8.8.8/32").first()).is_none());
}

#[test]
fn security_groups_admit_each_flow_on_its_ports() {
    let (m, p) = plan_of(TWO_ZONES);
    let web = p.security_group(id(&m, "web")).unwrap();
    assert_eq!(web.ingress.len(), 1);
    assert_eq!(web.ingress[0].peer, SgPeer::Cidr(cidr("0.0.0.0/0")));
    assert_eq!(web.ingress[0].ports, PortRange::tcp(443));
    let app = p.security_group(id(&m, "app")).unwrap();
    assert_eq!(app.ingress[0].peer, SgPeer::Group(id(&m, "web")));
    assert_eq!(app.ingress[0].ports, PortRange::tcp(8080));
    let db = p.security_group(id(&m, "db")).unwrap();
    assert_eq!(db.ingress[0].peer, SgPeer::Group(id(&m, "app")));
    assert_eq!(db.ingress[0].ports, PortRange::tcp(5432));
    assert_eq!(db.egress.len(), 1);
    assert_eq!(db.egress[0].ports.protocol, Protocol::All);
    // No security group for the bucket or a gateway endpoint.
    assert!(p.security_group(id(&m, "assets")).is_none());
    assert!(p.security_group(id(&m, "s3_ep")).is_none());
    assert_eq!(
        service_access(&m, id(&m, "app"), id(&m, "assets")),
        Some(ServiceAccess::GatewayEndpoint(id(&m, "s3_ep")))
    );
}

#[test]
fn default_acl_allows_all_then_denies() {
    let (m, p) = plan_of(TWO_ZONES);
    assert_eq!(p.network_acls.len(), 1);
    let acl = p.network_acl(id(&m, "db_b")).unwrap();
    assert_eq!(acl.nacl, None);
    assert_eq!(acl.subnets.len(), 6);
    for entries in [&acl.inbound, &acl.outbound] {
        assert_eq!(entries.len(), 2);
        assert_eq!((entries[0].number, entries[0].action), (Some(100), Action::Allow));
        assert_eq!((entries[1].number, entries[1].action), (None, Action::Deny));
    }
}

#[test]
fn a_regional_nat_serves_zones_without_their_own() {
    let (m, p) = plan_of(
        r#"
region us-east-1 {
  vpc v 10.0.0.0/16 {
    igw gw
    nat shared { mode: regional }
    az a {
      public subnet pa 10.0.0.0/24 { nat na }
      private subnet sa 10.0.1.0/24
    }
    az b { private subnet sb 10.0.2.0/24 }
  }
}
"#,
    );
    assert_eq!(routes(&m, &p, "sa")[1], r("0.0.0.0/0", "na"));
    assert_eq!(routes(&m, &p, "sb")[1], r("0.0.0.0/0", "shared"));
}

#[test]
fn a_private_nat_never_gives_the_default_route() {
    let (m, p) = plan_of(
        r#"
region us-east-1 {
  vpc v 10.0.0.0/16 {
    az a {
      private subnet sa 10.0.1.0/24 { nat pn { type: private } }
    }
  }
}
"#,
    );
    assert_eq!(routes(&m, &p, "sa"), vec![r("10.0.0.0/16", "local")]);
}

const PEERED: &str = r#"
onprem dc 172.16.0.0/16
region us-east-1 {
  vpc a 10.1.0.0/16, 10.50.0.0/16 {
    az a { private subnet sa 10.1.0.0/24 }
    asg app in sa { port: 8080 }
  }
  vpc b 10.2.0.0/16 {
    az a { private subnet sb 10.2.0.0/24 }
    asg api in sb { port: 9000 }
  }
  vpc c 10.1.0.0/16 {
    az a { private subnet sc 10.1.0.0/24 }
  }
  vpn office {
    to: dc
    vgw: b
    routing: static
  }
}
peering ab a <-> b
peering ba b <-> a
peering ac a <-> c
app -> api
"#;

#[test]
fn peering_routes_each_peer_block_once_and_skips_overlaps() {
    let (m, p) = plan_of(PEERED);
    assert_eq!(
        routes(&m, &p, "sa"),
        vec![r("10.1.0.0/16", "local"), r("10.50.0.0/16", "local"), r("10.2.0.0/16", "ab")]
    );
    assert_eq!(
        routes(&m, &p, "sb"),
        vec![r("10.2.0.0/16", "local"), r("10.1.0.0/16", "ab"), r("10.50.0.0/16", "ab"), r("172.16.0.0/16", "office")]
    );
    // Across VPCs the rule names the source's subnet blocks.
    let api = p.security_group(id(&m, "api")).unwrap();
    assert_eq!(api.ingress[0].peer, SgPeer::Cidr(cidr("10.1.0.0/24")));
    assert_eq!(api.ingress[0].ports, PortRange::tcp(9000));
}

const HUB: &str = r#"
onprem dc 172.16.0.0/16
region us-east-1 {
  tgw hub {
    attach: x, y, vpn1
    peer: far
  }
  vpn vpn1 { to: dc }
  dx link {
    to: dc
    tgw: hub
  }
  vpc x 10.1.0.0/16 {
    az a {
      public subnet xp 10.1.0.0/24
      private subnet xa 10.1.1.0/24
    }
    az b { isolated subnet xb 10.1.2.0/24 }
  }
  vpc y 10.2.0.0/16 {
    az a { private subnet ya 10.2.1.0/24 }
  }
}
region eu-west-1 {
  tgw far { attach: z }
  vpc z 10.9.0.0/16 {
    az a { private subnet za 10.9.1.0/24 }
  }
}
"#;

#[test]
fn transit_gateways_attach_route_and_peer() {
    let (m, p) = plan_of(HUB);
    let hub = p.transit_gateway(id(&m, "hub")).unwrap();
    let targets: Vec<AttachmentTarget> = hub.attachments.iter().map(|a| a.target).collect();
    assert_eq!(
        targets,
        vec![
            AttachmentTarget::Vpc(id(&m, "x")),
            AttachmentTarget::Vpc(id(&m, "y")),
            AttachmentTarget::Vpn(id(&m, "vpn1")),
            AttachmentTarget::DirectConnect(id(&m, "link")),
            AttachmentTarget::Peer(id(&m, "far")),
        ]
    );
    // One subnet per zone: private first, else isolated.
    assert_eq!(hub.attachments[0].subnets, vec![id(&m, "xa"), id(&m, "xb")]);
    let routes_: Vec<(String, usize, bool)> =
        hub.routes.iter().map(|r| (r.destination.to_string(), r.attachment, r.propagated)).collect();
    assert_eq!(
        routes_,
        vec![
            ("10.1.0.0/16".to_string(), 0, true),
            ("10.2.0.0/16".to_string(), 1, true),
            ("10.9.0.0/16".to_string(), 4, false),
            // Direct Connect over VPN for one destination (AWS's evaluation order).
            ("172.16.0.0/16".to_string(), 3, true),
        ]
    );
    let far = p.transit_gateway(id(&m, "far")).unwrap();
    assert_eq!(far.attachments[1].target, AttachmentTarget::Peer(id(&m, "hub")));
    assert_eq!(
        far.routes.iter().map(|r| r.destination.to_string()).collect::<Vec<_>>(),
        vec!["10.1.0.0/16", "10.2.0.0/16", "10.9.0.0/16", "172.16.0.0/16"]
    );
    // Across the peering, static routes: the peer's VPCs and its data centre.
    assert!(far.routes.iter().filter(|r| r.attachment == 1).all(|r| !r.propagated));
    assert_eq!(routes(&m, &p, "za").last(), Some(&r("172.16.0.0/16", "far")));
    // Every subnet of an attached VPC routes the other destinations to the TGW.
    assert_eq!(
        routes(&m, &p, "xb"),
        vec![r("10.1.0.0/16", "local"), r("10.2.0.0/16", "hub"), r("10.9.0.0/16", "hub"), r("172.16.0.0/16", "hub")]
    );
    assert_eq!(hub.lookup(cidr("10.9.3.3/32").first()).map(|r| r.attachment), Some(4));
}

#[test]
fn nacls_by_number_then_the_star_deny() {
    let (m, p) = plan_of(
        r#"
region us-east-1 {
  vpc v 10.0.0.0/16 {
    az a {
      private subnet a 10.0.1.0/24
      private subnet b 10.0.2.0/24
      private subnet c 10.0.3.0/24
    }
    nacl strict in a, b {
      allow in 200 tcp/1024-65535 from 0.0.0.0/0
      deny in 100 ssh, rdp from 0.0.0.0/0
      allow out 100 all to 10.0.0.0/16
    }
    nacl late in b, c {
      allow in 100 all from 0.0.0.0/0
    }
  }
}
"#,
    );
    // The default ACL keeps no subnet: c goes to `late`, b stays with `strict`.
    assert_eq!(p.network_acls.len(), 2);
    let strict = p.network_acl(id(&m, "b")).unwrap();
    assert_eq!(strict.nacl, Some(id(&m, "strict")));
    let inbound: Vec<(Option<u32>, Action, String)> =
        strict.inbound.iter().map(|e| (e.number, e.action, e.ports.to_string())).collect();
    assert_eq!(
        inbound,
        vec![
            (Some(100), Action::Deny, "tcp/22".to_string()),
            (Some(100), Action::Deny, "tcp/3389".to_string()),
            (Some(200), Action::Allow, "tcp/1024-65535".to_string()),
            (None, Action::Deny, "all".to_string()),
        ]
    );
    assert_eq!(strict.outbound.len(), 2);
    let late = p.network_acl(id(&m, "c")).unwrap();
    assert_eq!(late.subnets, vec![id(&m, "c")]);
}

#[test]
fn integrations_get_permissions_and_no_security_group_rule() {
    let (m, p) = plan_of(
        r#"
region us-east-1 {
  vpc v 10.0.0.0/16 {
    az a { private subnet a 10.0.1.0/24 }
    interface endpoint sqs_ep sqs in a
    asg worker in a { port: 8080 }
  }
  s3 uploads
  sqs jobs
  lambda fn in a { runtime: python3.12 }
  lambda edge_fn { runtime: python3.12 }
}
uploads -> jobs
jobs -> fn
uploads -> edge_fn
worker -> jobs
"#,
    );
    let perms: Vec<(&str, &str, Vec<&str>)> =
        p.permissions.iter().map(|x| (m.node(x.target).name.as_str(), x.principal, x.actions.to_vec())).collect();
    assert_eq!(
        perms,
        vec![
            ("jobs", "s3.amazonaws.com", vec!["sqs:SendMessage"]),
            ("fn", "lambda.amazonaws.com", vec!["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]),
            ("edge_fn", "s3.amazonaws.com", vec!["lambda:InvokeFunction"]),
        ]
    );
    assert!(p.security_group(id(&m, "fn")).unwrap().ingress.is_empty());
    assert!(p.security_group(id(&m, "edge_fn")).is_none());
    // worker -> jobs resolves to the interface endpoint: tcp/443 from worker.
    let ep = p.security_group(id(&m, "sqs_ep")).unwrap();
    assert_eq!(ep.ingress.len(), 1);
    assert_eq!(ep.ingress[0].peer, SgPeer::Group(id(&m, "worker")));
    assert_eq!(ep.ingress[0].ports, PortRange::tcp(443));
}

/// A transit gateway is regional: a VPC or VPN of another region in its
/// `attach` (E0421) is not attached, so nothing routes over it; a dx is
/// (a Direct Connect gateway is global). The peer on the other side does
/// not carry the VPC's block either.
#[test]
fn transit_gateways_attach_only_their_own_region() {
    let (m, p) = plan_of(
        r#"
onprem dc 172.16.0.0/16
onprem branch 172.17.0.0/16
region us-east-1 {
  tgw hub { attach: a, b, branch_vpn }
  vpc a 10.0.0.0/16 { az a { private subnet sa 10.0.0.0/24 } }
}
region eu-west-1 {
  vpc b 10.1.0.0/16 { az a { private subnet sb 10.1.0.0/24 } }
  vpn branch_vpn { to: branch }
  dx link {
    to: dc
    tgw: hub
  }
  tgw far { peer: hub }
}
"#,
    );
    let hub = p.transit_gateway(id(&m, "hub")).unwrap();
    let targets: Vec<AttachmentTarget> = hub.attachments.iter().map(|a| a.target).collect();
    assert_eq!(
        targets,
        vec![
            AttachmentTarget::Vpc(id(&m, "a")),
            AttachmentTarget::DirectConnect(id(&m, "link")),
            AttachmentTarget::Peer(id(&m, "far")),
        ]
    );
    let dests: Vec<String> = hub.routes.iter().map(|r| r.destination.to_string()).collect();
    assert_eq!(dests, vec!["10.0.0.0/16", "172.16.0.0/16"]);
    // Neither side routes to the other over the hub.
    assert_eq!(routes(&m, &p, "sb"), vec![r("10.1.0.0/16", "local")]);
    assert_eq!(routes(&m, &p, "sa"), vec![r("10.0.0.0/16", "local"), r("172.16.0.0/16", "hub")]);
    // The peer carries the hub's own VPC and data centre, not b.
    let far = p.transit_gateway(id(&m, "far")).unwrap();
    let dests: Vec<String> = far.routes.iter().map(|r| r.destination.to_string()).collect();
    assert_eq!(dests, vec!["10.0.0.0/16", "172.16.0.0/16"]);
}
