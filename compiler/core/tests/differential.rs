//! The differential test of the checker (issue 11, "Proof"): a second,
//! deliberately naive prover ([`walker`]) walks one concrete packet hop by
//! hop through the plan, and must agree with `reach::prove_flow` on every
//! flow of thousands of generated designs ([`gen`]), forward and back.
//!
//! The walker shares no logic with `archc_core::reach`; it reads only the
//! plan and the model. Its own correctness is pinned by hand-written
//! expectations over hand-built plans (`walker_*` tests below), so the two
//! are not merely agreeing with each other.

mod differential {
    pub mod gen;
    pub mod walker;
}

use archc_core::model::cidr::Cidr;
use archc_core::model::ports::PortRange;
use archc_core::model::{Action, CheckedModel, NodeId};
use archc_core::plan::{
    AclEntry, Destination, NetworkAcl, Permission, Plan, Route, RouteTable, RouteTarget, SecurityGroup, SgPeer, SgRule,
};
use archc_core::reach::{self, Direction};
use differential::{gen, walker};

fn compile(text: &str) -> (archc_core::SourceDb, archc_core::Compilation) {
    archc_core::compile_str("gen.arch", text)
}

/// Designs the generator makes, and how many lower without an error.
const DESIGNS: u64 = 2000;

#[test]
fn most_generated_designs_lower() {
    let mut clean = 0;
    let mut first_bad = None;
    for seed in 0..200 {
        let text = gen::design(seed);
        let (db, c) = compile(&text);
        if c.checked().is_some() {
            clean += 1;
        } else if first_bad.is_none() {
            let errors: Vec<_> = c.diagnostics.iter().filter(|d| d.is_error()).cloned().collect();
            first_bad = Some(format!("{text}\n{}", archc_core::diag::render_human(&db, &errors, false)));
        }
    }
    assert!(
        clean >= 190,
        "only {clean} of 200 generated designs lower; the first that does not:\n{}",
        first_bad.unwrap_or_default()
    );
}

#[test]
fn the_generator_is_deterministic() {
    assert_eq!(gen::design(7), gen::design(7));
    assert_ne!(gen::design(7), gen::design(8));
}

/// Whether `reach` proves anything at all (a stub passes every flow, and
/// the comparison would then say nothing): a flow from the internet to an
/// isolated database is never reachable.
fn reach_has_landed() -> bool {
    let text = "users u\nregion us-east-1 {\n vpc v 10.0.0.0/16 {\n  az a { isolated subnet d 10.0.0.0/24 }\n  az b { isolated subnet e 10.0.1.0/24 }\n  rds db in d, e { engine: postgres }\n }\n}\nu -> db\n";
    let (_, c) = compile(text);
    match (c.checked(), c.plan()) {
        (Some(m), Some(p)) => !reach::prove_flow(m, p, 0).blockers.is_empty(),
        _ => false,
    }
}

/// Every flow of `DESIGNS` generated designs: the walker's verdict and
/// reach's, forward and back.
#[test]
fn the_walker_agrees_with_reach() {
    assert!(reach_has_landed(), "reach::prove_flow passes a flow from the internet to an isolated database");
    let (mut designs, mut flows, mut compared, mut skipped) = (0, 0, 0, 0);
    let mut blocked = [0usize; 2];
    let mut disagreements = Vec::new();
    let mut kinds = std::collections::BTreeMap::new();
    // Per kind of path: flows the walker passed and blocked (forward).
    let mut coverage: std::collections::BTreeMap<&str, [usize; 2]> = std::collections::BTreeMap::new();
    // Flows of the three shapes the walker once disagreed on (see the
    // `known_*` tests): in a design whose transit gateway lists a VPC of
    // another region; to a service through an interface endpoint in several
    // subnets; from on premises into a VPC no link reaches.
    let mut shapes = [0usize; 3];
    for seed in 0..DESIGNS {
        let text = gen::design(seed);
        let (_, c) = compile(&text);
        let (Some(m), Some(p)) = (c.checked(), c.plan()) else { continue };
        designs += 1;
        let across = c.diagnostics.iter().any(|d| d.code.as_str() == "E0421");
        let wide_endpoint = |vpc| {
            m.nodes().iter().any(|n| {
                n.vpc == vpc
                    && n.placement.len() > 1
                    && matches!(&n.kind, archc_core::model::NodeKind::Endpoint(e)
                        if e.endpoint_type.as_ref().is_some_and(|t| t.value == archc_core::model::EndpointType::Interface))
            })
        };
        for i in 0..m.flows().len() {
            flows += 1;
            let Some(v) = walker::walk(m, p, i) else {
                skipped += 1;
                continue;
            };
            compared += 1;
            let proof = reach::prove_flow(m, p, i);
            let forward = !proof.blockers.iter().any(|b| b.direction == Direction::Forward);
            let back = !proof.blockers.iter().any(|b| b.direction == Direction::Return);
            for path in &v.paths {
                coverage.entry(path).or_default()[usize::from(!v.forward)] += 1;
            }
            let f = &m.flows()[i];
            shapes[0] += usize::from(across);
            shapes[1] +=
                usize::from(v.paths.contains(&"interface-endpoint") && wide_endpoint(m.node(f.from.value).vpc));
            shapes[2] += usize::from(v.why.iter().any(|w| w.contains("no vpn or dx from")));
            blocked[0] += usize::from(!v.forward);
            blocked[1] += usize::from(!v.back);
            if (forward, back) != (v.forward, v.back) {
                // One example per kind of disagreement: the verdicts and
                // reach's first reason.
                let first = proof.blockers.first().map_or("none", |b| b.reason.as_str());
                let kind = format!("walker {:?} reach {:?} ({first})", (v.forward, v.back), (forward, back));
                *kinds.entry(kind.clone()).or_insert(0usize) += 1;
                if kinds[&kind] == 1 && disagreements.len() < 6 {
                    disagreements.push(format!("[{kind}]\n{}", describe(&text, m, i, &v, &proof)));
                }
            }
        }
    }
    eprintln!(
        "{designs} designs lowered of {DESIGNS}; {flows} flows, {compared} compared ({skipped} of shapes the walker does not model); walker: {} blocked forward, {} blocked back",
        blocked[0], blocked[1]
    );
    eprintln!("paths (passed, blocked forward): {coverage:?}");
    eprintln!(
        "shapes once steered around: {} flows with a TGW listing another region's VPC, {} through an interface endpoint in several subnets, {} from on premises into an unlinked VPC",
        shapes[0], shapes[1], shapes[2]
    );
    assert!(shapes.iter().all(|&n| n > 0), "the generator no longer makes every shape: {shapes:?}");
    assert!(designs as u64 >= DESIGNS * 9 / 10, "too few designs lowered: {designs}");
    // Not vacuous: every kind of path is walked, and both passes and stops.
    for path in [
        "local",
        "peering",
        "igw",
        "nat",
        "regional-nat",
        "endpoint",
        "entry",
        "integration",
        "direct",
        "tgw",
        "interface-endpoint",
    ] {
        let [passed, stopped] = coverage.get(path).copied().unwrap_or_default();
        assert!(passed > 0 && (stopped > 0 || path == "direct"), "path {path}: {passed} passed, {stopped} blocked");
    }
    let summary: Vec<String> = kinds.iter().map(|(k, n)| format!("{n:>5} flows: {k}")).collect();
    assert!(
        disagreements.is_empty(),
        "the walker and reach disagree:\n{}\n\n{}",
        summary.join("\n"),
        disagreements.join("\n\n")
    );
}

/// Mutates a plan inside its lists (so its per-node index stays true): flips
/// a NACL entry's action, drops a route that is not local, drops a security
/// group rule, or narrows an entry's ports. Says what it did.
fn mutate(p: &mut Plan, r: &mut gen::Rng) -> Option<String> {
    match r.below(4) {
        0 => {
            let acl = {
                let n = p.network_acls.len().max(1);
                p.network_acls.get_mut(r.below(n))?
            };
            let entries = if r.chance(50) { &mut acl.inbound } else { &mut acl.outbound };
            let i = r.below(entries.len().max(1));
            let e = entries.get_mut(i)?;
            e.action = if e.action == Action::Allow { Action::Deny } else { Action::Allow };
            Some(format!("flipped ACL entry {i} ({:?}) to {:?}", e.number, e.action))
        }
        1 => {
            let t = {
                let n = p.route_tables.len().max(1);
                p.route_tables.get_mut(r.below(n))?
            };
            let candidates: Vec<usize> =
                (0..t.routes.len()).filter(|&i| t.routes[i].target != RouteTarget::Local).collect();
            let i = *candidates.get(r.below(candidates.len().max(1)))?;
            let gone = t.routes.remove(i);
            Some(format!("dropped route {:?} -> {:?}", gone.destination, gone.target))
        }
        2 => {
            let g = {
                let n = p.security_groups.len().max(1);
                p.security_groups.get_mut(r.below(n))?
            };
            let i = r.below(g.ingress.len().max(1));
            (i < g.ingress.len()).then(|| format!("dropped SG rule {:?}", g.ingress.remove(i)))
        }
        _ => {
            let acl = {
                let n = p.network_acls.len().max(1);
                p.network_acls.get_mut(r.below(n))?
            };
            let entries = if r.chance(50) { &mut acl.inbound } else { &mut acl.outbound };
            let i = r.below(entries.len().max(1));
            let e = entries.get_mut(i)?;
            if e.ports.protocol == archc_core::model::ports::Protocol::All {
                return None;
            }
            e.ports.from = e.ports.from.max(2000);
            e.ports.to = e.ports.to.max(e.ports.from).min(60000).max(e.ports.from);
            Some(format!("narrowed ACL entry {i} to {}-{}", e.ports.from, e.ports.to))
        }
    }
}

/// Plans that `plan::derive` would not make: each generated design's plan
/// with a few random edits (an ACL entry flipped or narrowed, a route or a
/// security-group rule dropped). Both provers read routes, ACLs and groups
/// from the plan alone, so they must still agree on every flow.
#[test]
fn the_walker_agrees_with_reach_on_mutated_plans() {
    assert!(reach_has_landed(), "reach::prove_flow passes a flow from the internet to an isolated database");
    let (mut compared, mut changed) = (0, 0);
    let mut disagreements = Vec::new();
    for seed in 0..DESIGNS / 2 {
        let text = gen::design(seed);
        let (_, c) = compile(&text);
        let (Some(m), Some(p)) = (c.checked(), c.plan()) else { continue };
        let mut r = gen::Rng::new(seed ^ 0x5eed);
        let mut plan = p.clone();
        let edits: Vec<String> = (0..1 + r.below(3)).filter_map(|_| mutate(&mut plan, &mut r)).collect();
        for i in 0..m.flows().len() {
            let Some(v) = walker::walk(m, &plan, i) else { continue };
            let before = walker::walk(m, p, i).map(|b| (b.forward, b.back));
            changed += usize::from(before != Some((v.forward, v.back)));
            compared += 1;
            let proof = reach::prove_flow(m, &plan, i);
            let forward = !proof.blockers.iter().any(|b| b.direction == Direction::Forward);
            let back = !proof.blockers.iter().any(|b| b.direction == Direction::Return);
            if (forward, back) != (v.forward, v.back) && disagreements.len() < 4 {
                disagreements.push(format!("edits: {}\n{}", edits.join("; "), describe(&text, m, i, &v, &proof)));
            }
        }
    }
    eprintln!("mutated plans: {compared} flows compared, {changed} of them changed verdict by the edits");
    assert!(changed > 100, "the edits changed too few verdicts: {changed}");
    assert!(
        disagreements.is_empty(),
        "the walker and reach disagree on a mutated plan:\n\n{}",
        disagreements.join("\n\n")
    );
}

fn describe(text: &str, m: &CheckedModel, flow: usize, v: &walker::Verdict, proof: &reach::Proof) -> String {
    let f = &m.flows()[flow];
    let blockers: Vec<String> = proof
        .blockers
        .iter()
        .map(|b| format!("  {} {} {}: {}", b.direction.as_str(), b.reason.as_str(), b.component, b.message))
        .collect();
    format!(
        "{text}\nflow #{flow} {} -> {}\nwalker: forward {} back {} ({})\nreach:\n{}",
        m.node(f.from.value).id,
        m.node(f.to.value).id,
        v.forward,
        v.back,
        v.why.join("; "),
        blockers.join("\n")
    )
}

// ---------------------------------------------------------------------------
// The walker against hand-written expectations, over hand-built plans (so
// the walker is pinned down by itself, whatever plan::derive does).

const SMALL: &str = "\
users people
region us-east-1 {
  vpc v 10.0.0.0/16 {
    igw
    az a {
      public subnet pub 10.0.0.0/24 { nat gw; ec2 web { instance: t3.micro; port: 443 } }
      private subnet app 10.0.1.0/24 { ec2 api { instance: t3.micro; port: 8080 } }
      isolated subnet data 10.0.2.0/24 { ec2 store { instance: t3.micro; port: 5432 } }
    }
    gateway endpoint s3e s3
  }
  vpc w 10.1.0.0/16 {
    az a { private subnet far 10.1.0.0/24 { ec2 peer { instance: t3.micro; port: 22 } } }
  }
  vpc x 10.2.0.0/16 {
    az a { private subnet farther 10.2.0.0/24 { ec2 third { instance: t3.micro; port: 22 } } }
  }
  s3 bucket
  sqs queue
}
peering vw v <-> w
peering wx w <-> x
people -> web
people -> api : 8080
web -> api
api -> internet : 443
store -> internet : 443
api -> bucket
store -> bucket
store -> queue
api -> peer : 22
api -> third : 22
peer -> third : 22
bucket -> api
";

fn id(m: &CheckedModel, name: &str) -> NodeId {
    NodeId(m.nodes().iter().position(|n| n.name == name).unwrap_or_else(|| panic!("no node {name}")))
}

fn c(s: &str) -> Cidr {
    Cidr::parse(s).expect("cidr")
}

fn route(dest: &str, target: RouteTarget) -> Route {
    Route { destination: Destination::Cidr(c(dest)), target }
}

fn entry(number: Option<u32>, action: Action, ports: PortRange, cidr: &str) -> AclEntry {
    AclEntry { number, action, ports, cidr: c(cidr), span: None }
}

fn all() -> PortRange {
    archc_core::model::ports::well_known("all").expect("all")
}

fn allow_all() -> Vec<AclEntry> {
    vec![entry(Some(100), Action::Allow, all(), "0.0.0.0/0"), entry(None, Action::Deny, all(), "0.0.0.0/0")]
}

/// The plan AWS would build for SMALL, written out by hand.
fn small_plan(m: &CheckedModel) -> Plan {
    let (v, w, x) = (id(m, "v"), id(m, "w"), id(m, "x"));
    let (pub_, app, data, far, farther) = (id(m, "pub"), id(m, "app"), id(m, "data"), id(m, "far"), id(m, "farther"));
    let (igw, gw, s3e) = (
        m.nodes().iter().position(|n| n.kind() == archc_core::model::kinds::Kind::Igw).map(NodeId).expect("igw"),
        id(m, "gw"),
        id(m, "s3e"),
    );
    let pl = Route {
        destination: Destination::PrefixList(archc_core::plan::GatewayService::S3),
        target: RouteTarget::GatewayEndpoint(s3e),
    };
    let table = |subnet, vpc, mut routes: Vec<Route>| {
        routes.insert(
            0,
            route(
                if vpc == v {
                    "10.0.0.0/16"
                } else if vpc == w {
                    "10.1.0.0/16"
                } else {
                    "10.2.0.0/16"
                },
                RouteTarget::Local,
            ),
        );
        RouteTable { subnet, vpc, routes }
    };
    let route_tables = vec![
        table(
            pub_,
            v,
            vec![
                route("0.0.0.0/0", RouteTarget::InternetGateway(igw)),
                route("10.1.0.0/16", RouteTarget::Peering(0)),
                pl.clone(),
            ],
        ),
        table(
            app,
            v,
            vec![
                route("0.0.0.0/0", RouteTarget::NatGateway(gw)),
                route("10.1.0.0/16", RouteTarget::Peering(0)),
                pl.clone(),
            ],
        ),
        table(data, v, vec![route("10.1.0.0/16", RouteTarget::Peering(0)), pl]),
        table(
            far,
            w,
            vec![route("10.0.0.0/16", RouteTarget::Peering(0)), route("10.2.0.0/16", RouteTarget::Peering(1))],
        ),
        table(farther, x, vec![route("10.1.0.0/16", RouteTarget::Peering(1))]),
    ];
    let sg = |owner: &str, vpc, ingress: Vec<(PortRange, SgPeer, usize)>| SecurityGroup {
        owner: id(m, owner),
        vpc,
        ingress: ingress.into_iter().map(|(ports, peer, flow)| SgRule { ports, peer, flow: Some(flow) }).collect(),
        egress: vec![SgRule { ports: all(), peer: SgPeer::Cidr(c("0.0.0.0/0")), flow: None }],
    };
    let security_groups = vec![
        sg("web", v, vec![(PortRange::tcp(443), SgPeer::Cidr(c("0.0.0.0/0")), 0)]),
        sg(
            "api",
            v,
            vec![
                (PortRange::tcp(8080), SgPeer::Cidr(c("0.0.0.0/0")), 1),
                (PortRange::tcp(8080), SgPeer::Group(id(m, "web")), 2),
            ],
        ),
        sg("store", v, vec![]),
        sg("peer", w, vec![(PortRange::tcp(22), SgPeer::Cidr(c("10.0.1.0/24")), 8)]),
        sg(
            "third",
            x,
            vec![
                (PortRange::tcp(22), SgPeer::Cidr(c("10.0.1.0/24")), 9),
                (PortRange::tcp(22), SgPeer::Cidr(c("10.1.0.0/24")), 10),
            ],
        ),
    ];
    let acl = |vpc, subnets: Vec<NodeId>| NetworkAcl {
        nacl: None,
        vpc,
        subnets,
        inbound: allow_all(),
        outbound: allow_all(),
    };
    let network_acls = vec![acl(v, vec![pub_, app, data]), acl(w, vec![far]), acl(x, vec![farther])];
    let permissions = vec![Permission {
        flow: 11,
        source: id(m, "bucket"),
        target: id(m, "api"),
        integration: "S3 event notification",
        principal: "s3.amazonaws.com",
        actions: &["lambda:InvokeFunction"],
    }];
    let mut plan = Plan::default();
    plan.route_tables = route_tables;
    plan.security_groups = security_groups;
    plan.network_acls = network_acls;
    plan.permissions = permissions;
    plan
}

fn verdicts(m: &CheckedModel, p: &Plan) -> Vec<(String, bool, bool)> {
    (0..m.flows().len())
        .map(|i| {
            let f = &m.flows()[i];
            let name = format!("{} -> {}", m.node(f.from.value).name, m.node(f.to.value).name);
            match walker::walk(m, p, i) {
                Some(v) => (name, v.forward, v.back),
                None => (format!("{name} (not modelled)"), false, false),
            }
        })
        .collect()
}

fn small() -> (archc_core::SourceDb, archc_core::Compilation) {
    let (db, c) = compile(SMALL);
    assert!(c.checked().is_some(), "{}", archc_core::diag::render_human(&db, &c.diagnostics, false));
    (db, c)
}

#[test]
fn walker_on_a_hand_built_plan() {
    let (_db, c) = small();
    let m = c.checked().expect("lowered");
    let p = small_plan(m);
    let got = verdicts(m, &p);
    let want = [
        ("people -> web", true, true),      // an instance with a public IP in a public subnet
        ("people -> api", false, true),     // private: not an entry point; replies' ACL is open
        ("web -> api", true, true),         // local, SG admits web's group
        ("api -> internet", true, true),    // through the NAT in pub, whose table has the igw
        ("store -> internet", false, true), // isolated: no default route
        ("api -> bucket", true, true),      // the gateway endpoint's prefix list route
        ("store -> bucket", true, true),    // the endpoint serves every tier
        ("store -> queue", false, true),    // sqs is not on a prefix list: no route
        ("api -> peer", true, true),        // direct peering, SG admits app's block
        ("api -> third", false, false),     // v-w-x: peering is not transitive (both ways)
        ("peer -> third", true, true),      // the second peering
        ("bucket -> api", true, true),      // an integration with its permission
    ];
    let want: Vec<(String, bool, bool)> = want.iter().map(|(n, f, b)| (n.to_string(), *f, *b)).collect();
    assert_eq!(got, want);
}

#[test]
fn walker_sees_acls_both_ways() {
    let (_db, c) = small();
    let m = c.checked().expect("lowered");
    let mut p = small_plan(m);
    // pub's ACL: 443 in from anywhere and 8080 out to app, but replies only
    // on 32768-65535 out: the reply to people (any port 1024-65535) is cut.
    let pub_acl = NetworkAcl {
        nacl: None,
        vpc: id(m, "v"),
        subnets: vec![id(m, "pub")],
        inbound: vec![
            entry(Some(100), Action::Allow, PortRange::tcp(443), "0.0.0.0/0"),
            entry(Some(110), Action::Allow, PortRange { from: 1024, to: 65535, ..PortRange::tcp(0) }, "10.0.0.0/16"),
            entry(None, Action::Deny, all(), "0.0.0.0/0"),
        ],
        outbound: vec![
            entry(Some(100), Action::Allow, PortRange::tcp(8080), "10.0.1.0/24"),
            entry(Some(110), Action::Allow, PortRange { from: 32768, to: 65535, ..PortRange::tcp(0) }, "0.0.0.0/0"),
            entry(None, Action::Deny, all(), "0.0.0.0/0"),
        ],
    };
    p.network_acls[0].subnets.retain(|s| *s != id(m, "pub"));
    p.network_acls.push(pub_acl);
    let got = verdicts(m, &p);
    let find = |n: &str| got.iter().find(|g| g.0 == n).cloned().expect(n);
    assert_eq!(find("people -> web"), ("people -> web".into(), true, false));
    // web -> api: out 8080 to app passes, and app's replies come in on
    // 1024-65535 from 10.0.0.0/16.
    assert_eq!(find("web -> api"), ("web -> api".into(), true, true));
    // api -> internet through the NAT in pub: pub's ACL does not let 443
    // in from app, nor out to the internet.
    assert_eq!(find("api -> internet"), ("api -> internet".into(), false, false));

    // A deny of one ephemeral port in the middle of an allowed range is found.
    let acl = p.network_acls.last_mut().expect("acl");
    acl.outbound = vec![
        entry(Some(90), Action::Deny, PortRange::tcp(40000), "0.0.0.0/0"),
        entry(Some(100), Action::Allow, all(), "0.0.0.0/0"),
        entry(None, Action::Deny, all(), "0.0.0.0/0"),
    ];
    let got = verdicts(m, &p);
    assert_eq!(got.iter().find(|g| g.0 == "people -> web").map(|g| (g.1, g.2)), Some((true, false)));
}

#[test]
fn walker_needs_routes_igw_and_public_ips() {
    let (_db, c) = small();
    let m = c.checked().expect("lowered");
    let mut p = small_plan(m);
    // Without its igw route, pub is no entry point and the NAT leads nowhere.
    p.route_tables[0].routes.retain(|r| !matches!(r.target, RouteTarget::InternetGateway(_)));
    let got = verdicts(m, &p);
    let find = |n: &str| got.iter().find(|g| g.0 == n).map(|g| (g.1, g.2)).expect(n);
    assert_eq!(find("people -> web"), (false, true));
    // (A missing route stops the flow forward; the reply's own hops, the
    // ACLs, still let it back.)
    assert_eq!(find("api -> internet"), (false, true));
    // api's rule from 0.0.0.0/0 (people -> api) admits web too; without
    // it and the rule from web's group, web -> api stops at the group.
    let mut p = small_plan(m);
    p.security_groups[1].ingress.retain(|r| !matches!(r.peer, SgPeer::Group(_)));
    assert_eq!(walker::walk(m, &p, 2).map(|v| (v.forward, v.back)), Some((true, true)));
    p.security_groups[1].ingress.clear();
    assert_eq!(walker::walk(m, &p, 2).map(|v| (v.forward, v.back)), Some((false, true)));
    // Without the permission, the integration is not proven.
    let mut p = small_plan(m);
    p.permissions.clear();
    assert_eq!(walker::walk(m, &p, 11).map(|v| (v.forward, v.back)), Some((false, true)));
}

// ---------------------------------------------------------------------------
// Disagreements found, minimal designs. Each was a bug of plan or reach,
// now fixed; the generator makes each shape, so the main comparison covers
// it too. Each test also pins the reason reach gives.

/// Reach's verdict (forward, back) and its blockers' reasons, per direction.
fn verdict(proof: &reach::Proof) -> ((bool, bool), Vec<(Direction, &'static str)>) {
    let forward = !proof.blockers.iter().any(|b| b.direction == Direction::Forward);
    let back = !proof.blockers.iter().any(|b| b.direction == Direction::Return);
    ((forward, back), proof.blockers.iter().map(|b| (b.direction, b.reason.as_str())).collect())
}

/// A VPC of eu-west-1 listed in the `attach` of a us-east-1 transit gateway.
/// A transit gateway is regional: it cannot attach a VPC of another region
/// (that takes a gateway in eu-west-1 and TGW peering), so `y -> x` cannot
/// travel (issue 11: "a transit gateway is regional (other regions need TGW
/// peering)"; plan-spec: "A TGW in another region without TGW peering:
/// TGW_RTB_CANNOT_ROUTE"). `plan::derive` used to give `sb` a route to
/// 10.0.0.0/16 through `hub` and an attachment of `b`, and reach proved the
/// flow both ways; the plan now leaves the attachment out (E0421 reports
/// it), and reach names the listing both ways.
const TGW_ACROSS_REGIONS: &str = "\
region us-east-1 {
  vpc a 10.0.0.0/16 { az a { private subnet sa 10.0.0.0/24 { ec2 x { instance: t3.micro; port: 22 } } } }
  tgw hub { attach: a, b }
}
region eu-west-1 {
  vpc b 10.1.0.0/16 { az a { private subnet sb 10.1.0.0/24 { ec2 y { instance: t3.micro; port: 22 } } } }
}
y -> x : 22
";

#[test]
fn walker_refuses_a_tgw_attached_across_regions() {
    let (db, c) = compile(TGW_ACROSS_REGIONS);
    let (Some(m), Some(p)) = (c.checked(), c.plan()) else {
        panic!("{}", archc_core::diag::render_human(&db, &c.diagnostics, false))
    };
    let v = walker::walk(m, p, 0).expect("modelled");
    assert!(!v.forward && !v.back, "{v:?}");
}

#[test]
fn known_tgw_attached_across_regions() {
    let (_db, c) = compile(TGW_ACROSS_REGIONS);
    let (m, p) = (c.checked().expect("lowered"), c.plan().expect("plan"));
    let proof = reach::prove_flow(m, p, 0);
    let v = walker::walk(m, p, 0).expect("modelled");
    let (both, reasons) = verdict(&proof);
    assert_eq!(both, (v.forward, v.back), "{}", describe(TGW_ACROSS_REGIONS, m, 0, &v, &proof));
    assert_eq!(
        reasons,
        vec![(Direction::Forward, "TGW_RTB_CANNOT_ROUTE"), (Direction::Return, "TGW_RTB_CANNOT_ROUTE")],
        "{}",
        describe(TGW_ACROSS_REGIONS, m, 0, &v, &proof)
    );
    // Nothing of `b` on the hub: no attachment, no route.
    let hub = &p.transit_gateways[0];
    assert_eq!(hub.attachments.len(), 1);
    assert!(hub.routes.iter().all(|r| r.destination.to_string() == "10.0.0.0/16"));
}

/// An interface endpoint in two zones, one of whose subnets has a NACL that
/// admits nothing. The service's private DNS name resolves to the endpoint's
/// network interface in EVERY zone it stands in, and a client may connect
/// to any of them, so `x -> q` is not sure to travel: the walker tries every
/// endpoint subnet (as reach does for every target subnet of a resource).
/// Reach used to prove only the connection to the endpoint subnet in the
/// source's zone and passed the flow; it now proves a pair per endpoint
/// subnet (bound by `MAX_PAIRS` like any target) and names `shut`.
const ENDPOINT_IN_TWO_ZONES: &str = "\
region us-east-1 {
  vpc v 10.0.0.0/16 {
    az a {
      private subnet app 10.0.0.0/24 { ec2 x { instance: t3.micro; port: 22 } }
      private subnet ea 10.0.1.0/24
    }
    az b { private subnet eb 10.0.2.0/24 }
    interface endpoint q_ie sqs in ea, eb
    nacl shut in eb {
      allow out 100 all to 0.0.0.0/0
    }
  }
  sqs q
}
x -> q
";

#[test]
fn walker_tries_every_subnet_of_an_interface_endpoint() {
    let (db, c) = compile(ENDPOINT_IN_TWO_ZONES);
    let (Some(m), Some(p)) = (c.checked(), c.plan()) else {
        panic!("{}", archc_core::diag::render_human(&db, &c.diagnostics, false))
    };
    let v = walker::walk(m, p, 0).expect("modelled");
    assert_eq!((v.forward, v.back), (false, true), "{v:?}");
    assert!(v.paths.contains(&"interface-endpoint"), "{v:?}");
}

#[test]
fn known_interface_endpoint_in_two_zones() {
    let (_db, c) = compile(ENDPOINT_IN_TWO_ZONES);
    let (m, p) = (c.checked().expect("lowered"), c.plan().expect("plan"));
    let proof = reach::prove_flow(m, p, 0);
    let v = walker::walk(m, p, 0).expect("modelled");
    let (both, reasons) = verdict(&proof);
    assert_eq!(both, (v.forward, v.back), "{}", describe(ENDPOINT_IN_TWO_ZONES, m, 0, &v, &proof));
    assert_eq!(reasons, vec![(Direction::Forward, "SUBNET_ACL_RESTRICTION")]);
    assert!(proof.blockers[0].component.ends_with(".shut"), "{:?}", proof.blockers);
}

/// A flow from an on-premises network into a VPC that no VPN or Direct
/// Connect reaches (the VPN is on another VPC). Nothing carries the
/// connection in: the office's router has no route to 10.0.0.0/16 over
/// any link, so the flow stops FORWARD (and its replies have no route back).
/// Reach used to name only the missing route back (a Return blocker) and
/// pass the forward way; it now stops it forward too.
const ONPREM_INTO_UNLINKED_VPC: &str = "\
onprem office 192.168.0.0/16
region us-east-1 {
  vpc a 10.0.0.0/16 { az a { private subnet sa 10.0.0.0/24 { ec2 x { instance: t3.micro; port: 22 } } } }
  vpc b 10.1.0.0/16 { az a { private subnet sb 10.1.0.0/24 } }
  vpn office_vpn { to: office; vgw: b }
}
office -> x : 22
";

#[test]
fn walker_stops_onprem_into_an_unlinked_vpc_forward() {
    let (db, c) = compile(ONPREM_INTO_UNLINKED_VPC);
    let (Some(m), Some(p)) = (c.checked(), c.plan()) else {
        panic!("{}", archc_core::diag::render_human(&db, &c.diagnostics, false))
    };
    let v = walker::walk(m, p, 0).expect("modelled");
    assert_eq!((v.forward, v.back), (false, false), "{v:?}");
}

#[test]
fn known_onprem_into_an_unlinked_vpc() {
    let (_db, c) = compile(ONPREM_INTO_UNLINKED_VPC);
    let (m, p) = (c.checked().expect("lowered"), c.plan().expect("plan"));
    let proof = reach::prove_flow(m, p, 0);
    let v = walker::walk(m, p, 0).expect("modelled");
    let (both, reasons) = verdict(&proof);
    assert_eq!(both, (v.forward, v.back), "{}", describe(ONPREM_INTO_UNLINKED_VPC, m, 0, &v, &proof));
    assert_eq!(
        reasons,
        vec![(Direction::Forward, "NO_ROUTE_TO_DESTINATION"), (Direction::Return, "NO_ROUTE_TO_DESTINATION")]
    );
}
