//! The walk: a flow's path forward and back over the plan, hop by hop,
//! collecting every blocker (docs: "Proving a flow").
//!
//! A flow is proven for each (source subnet, target subnet) pair, at most
//! [`MAX_PAIRS`] of them; every lookup is a scan of one plan list, so the
//! work per flow is bounded by the plan's size times the pairs.

use archc_syntax::Span;

use super::acl::{evaluate, Remote, Verdict};
use super::address::{self, classify, is_managed, End};
use super::integration::{is_integration, is_network_pair, valid_targets};
use super::{AclFix, Blocker, Cause, Direction, Hop, Proof, Reason, MAX_PAIRS};
use crate::model::cidr::Cidr;
use crate::model::kinds::Kind;
use crate::model::ports::{PortRange, Protocol};
use crate::model::{CheckedModel, Connectivity, EndpointType, NatMode, NodeId, NodeKind, Tier};
use crate::plan::{
    AclEntry, AttachmentTarget, Destination, FlowIndex, GatewayService, NetworkAcl, Plan, Route, RouteTable,
    RouteTarget, SgPeer,
};

use Direction::{Forward, Return};

/// Proves `from -> to` on `ports` (`flow` when it is a flow of the model),
/// with its hops.
pub(crate) fn prove(
    model: &CheckedModel,
    plan: &Plan,
    from: NodeId,
    to: NodeId,
    ports: &[PortRange],
    flow: Option<FlowIndex>,
) -> Proof {
    Walk::new(model, plan, true).prove(from, to, ports, flow)
}

impl<'a> Walk<'a> {
    /// What every proof over `model` and `plan` reads, gathered once;
    /// `hops`: whether its proofs record the path (`Proof::forward` and
    /// `reply`), which only `archc route` prints.
    pub(crate) fn new(model: &'a CheckedModel, plan: &'a Plan, hops: bool) -> Walk<'a> {
        let interface_endpoints = model
            .of_kind(Kind::Endpoint)
            .filter_map(|(i, n)| match &n.kind {
                NodeKind::Endpoint(e)
                    if e.endpoint_type.as_ref().is_some_and(|t| t.value == EndpointType::Interface) =>
                {
                    Some((n.vpc?, e.service.as_ref()?.value.clone(), i))
                }
                _ => None,
            })
            .collect();
        let mut peers: Vec<Vec<(NodeId, usize)>> = vec![Vec::new(); model.nodes().len()];
        for (i, p) in model.peerings().iter().enumerate() {
            let (l, r) = (p.left.value, p.right.value);
            if let Some(of_l) = peers.get_mut(l.0) {
                of_l.push((r, i));
            }
            if r != l {
                if let Some(of_r) = peers.get_mut(r.0) {
                    of_r.push((l, i));
                }
            }
        }
        let mut permission_of: Vec<Option<usize>> = vec![None; model.flows().len()];
        for (i, p) in plan.permissions.iter().enumerate() {
            if let Some(slot @ None) = permission_of.get_mut(p.flow) {
                *slot = Some(i);
            }
        }
        Walk { model, plan, vpc_blocks: address::vpc_blocks(model), interface_endpoints, peers, permission_of, hops }
    }

    /// Proves `from -> to` on `ports` (`flow` when it is a flow of the model).
    pub(crate) fn prove(&self, from: NodeId, to: NodeId, ports: &[PortRange], flow: Option<FlowIndex>) -> Proof {
        let (model, w) = (self.model, self);
        prove_with(w, model, from, to, ports, flow)
    }
}

fn prove_with(
    w: &Walk<'_>,
    model: &CheckedModel,
    from: NodeId,
    to: NodeId,
    ports: &[PortRange],
    flow: Option<FlowIndex>,
) -> Proof {
    let mut proof = Proof::default();
    let (Some(src), Some(dst)) = (model.get(from), model.get(to)) else {
        return proof;
    };
    let (fk, tk) = (src.kind(), dst.kind());
    if is_managed(fk) {
        w.managed(&mut proof, from, to, ports, flow);
        return finish(proof);
    }
    let source = classify(model, from, false);
    let target = classify(model, to, true);
    match (&source, &target) {
        (End::Vpc { subnets: ss, .. }, End::Vpc { subnets: ts, .. }) => {
            let pairs: Vec<(NodeId, NodeId)> = ss.iter().flat_map(|&s| ts.iter().map(move |&t| (s, t))).collect();
            w.pairs(&mut proof, from, &pairs, |leg, (s, t)| w.vpc_to_vpc(leg, from, s, to, t, ports));
        }
        (End::Vpc { subnets, .. }, End::Internet) => {
            let pairs: Vec<_> = subnets.iter().map(|&s| (s, s)).collect();
            w.pairs(&mut proof, from, &pairs, |leg, (s, _)| {
                w.to_internet(leg, from, s, ports, Dst::Internet);
            });
        }
        (End::Vpc { subnets, .. }, End::Service { region }) => {
            // Through an interface endpoint, private DNS resolves the
            // service's name to the endpoint's interface in every zone it
            // stands in, and a client may connect to any of them: a pair per
            // endpoint subnet, as for a target in several subnets.
            let mut pairs: Vec<(NodeId, NodeId)> = Vec::new();
            for &s in subnets {
                match w.via_interface_endpoint(from, s, to, *region) {
                    Some((_, at)) => pairs.extend(at.into_iter().map(|t| (s, t))),
                    None => pairs.push((s, s)),
                }
            }
            w.pairs(&mut proof, from, &pairs, |leg, (s, t)| w.to_service(leg, from, s, t, to, *region, ports));
        }
        (End::Vpc { subnets, .. }, End::GatewayEndpoint { vpc }) => {
            let pairs: Vec<_> = subnets.iter().map(|&s| (s, s)).collect();
            w.pairs(&mut proof, from, &pairs, |leg, (s, _)| w.to_gateway_endpoint(leg, s, to, *vpc, ports));
        }
        (End::Vpc { subnets, .. }, End::Onprem(block)) => {
            let pairs: Vec<_> = subnets.iter().map(|&s| (s, s)).collect();
            w.pairs(&mut proof, from, &pairs, |leg, (s, _)| w.to_onprem(leg, s, to, *block, ports));
        }
        (End::Vpc { vpc, .. }, End::Dns) => {
            let via = || "Route 53 Resolver at the VPC's +2 address".to_string();
            w.hop(&mut proof, Forward, *vpc, "vpc", via);
            w.hop(&mut proof, Return, *vpc, "vpc", via);
        }
        (End::Internet | End::Service { .. } | End::Onprem(_), End::Dns | End::Service { .. }) => {
            let via = match source {
                End::Service { .. } => "the AWS network (outside any VPC)",
                _ => "the service's public endpoint",
            };
            w.hop(&mut proof, Forward, to, tk.keyword(), || via.to_string());
            w.hop(&mut proof, Return, from, fk.keyword(), || via.to_string());
        }
        (End::Service { .. }, End::Internet) => {
            let via = || "the internet, from outside any VPC".to_string();
            w.hop(&mut proof, Forward, to, "internet", via);
            w.hop(&mut proof, Return, from, fk.keyword(), via);
        }
        (End::Internet | End::Service { .. }, End::Vpc { subnets, .. }) => {
            let pairs: Vec<_> = subnets.iter().map(|&t| (t, t)).collect();
            w.pairs(&mut proof, from, &pairs, |leg, (t, _)| w.outside_in(leg, from, to, t, ports, Who::Internet));
        }
        (End::Onprem(block), End::Vpc { subnets, .. }) => {
            let pairs: Vec<_> = subnets.iter().map(|&t| (t, t)).collect();
            w.pairs(&mut proof, from, &pairs, |leg, (t, _)| w.onprem_in(leg, from, *block, to, t, ports));
        }
        (End::Unknown(what), _) | (_, End::Unknown(what)) => {
            let at = if matches!(source, End::Unknown(_)) { from } else { to };
            proof.blockers.push(w.blocker(
                Reason::NotModelled,
                Cause::NotProven,
                at,
                Forward,
                format!("archc does not model flows to or from {what} (`{}`)", w.name(at)),
                None,
            ));
        }
        _ => {
            proof.blockers.push(w.blocker(
                Reason::NotModelled,
                Cause::NotProven,
                from,
                Forward,
                format!("archc does not model a flow from {} to {}: it cannot prove it", fk.a(), tk.a()),
                None,
            ));
        }
    }
    finish(proof)
}

/// Blockers once each, in the order found.
fn finish(mut proof: Proof) -> Proof {
    let mut seen: Vec<(Reason, String, Direction, String)> = Vec::new();
    proof.blockers.retain(|b| {
        let key = (b.reason, b.component.clone(), b.direction, b.message.clone());
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
    proof
}

/// Who knocks at a VPC from outside, as a security group sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// `internet`, `users`, or a service outside any VPC (0.0.0.0/0).
    Internet,
    CloudFront,
    VpcLink(NodeId),
}

/// Who a security group rule must admit.
#[derive(Clone, Copy, Debug)]
enum SgSource {
    Node(NodeId, u32),
    Outside(Who),
    Addr(u32),
}

/// Where a route lookup goes.
#[derive(Clone, Copy, Debug)]
enum Dst {
    Addr(u32),
    Internet,
    Service(GatewayService),
}

/// The prover over one model and plan.
pub(crate) struct Walk<'a> {
    model: &'a CheckedModel,
    plan: &'a Plan,
    /// Every VPC block (an ACL deny of one never covers the internet).
    vpc_blocks: Vec<Cidr>,
    /// Every interface endpoint: its VPC, service name and node.
    interface_endpoints: Vec<(NodeId, String, NodeId)>,
    /// Per VPC (by node index), its peers and the peering to each, in
    /// peering order.
    peers: Vec<Vec<(NodeId, usize)>>,
    /// Per flow, its first permission in the plan.
    permission_of: Vec<Option<usize>>,
    /// Whether proofs record their hops (`archc route`); the checker reads
    /// only blockers, so its walk makes no hop texts.
    hops: bool,
}

/// The reply's ports: the ephemeral range of each protocol of the flow.
fn ephemeral(ports: &[PortRange]) -> Vec<PortRange> {
    let mut out: Vec<PortRange> = Vec::new();
    for p in ports {
        let r = match p.protocol {
            Protocol::Tcp | Protocol::Udp => PortRange { protocol: p.protocol, from: 1024, to: 65535 },
            _ => *p,
        };
        if !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// Ports as a NACL rule writes them.
fn ports_text(p: PortRange) -> String {
    match p.protocol {
        Protocol::Tcp if p.from == p.to => p.from.to_string(),
        Protocol::Tcp => format!("{}-{}", p.from, p.to),
        _ => p.to_string(),
    }
}

fn dest_text(d: Destination) -> String {
    match d {
        Destination::Cidr(c) => c.to_string(),
        Destination::PrefixList(GatewayService::S3) => "pl-s3".to_string(),
        Destination::PrefixList(GatewayService::DynamoDb) => "pl-dynamodb".to_string(),
    }
}

fn in_cidr(c: Cidr, a: u32) -> bool {
    c.first() <= a && a <= c.last()
}

/// Longest prefix match in one route table.
fn lookup(rt: &RouteTable, dst: Dst) -> Option<&Route> {
    let mut best: Option<(&Route, i32)> = None;
    for r in &rt.routes {
        let score = match (r.destination, dst) {
            (Destination::Cidr(c), Dst::Addr(a)) if in_cidr(c, a) => i32::from(c.prefix),
            (Destination::Cidr(c), Dst::Internet | Dst::Service(_)) if c.prefix == 0 => 0,
            (Destination::PrefixList(s), Dst::Service(t)) if s == t => 100,
            _ => continue,
        };
        if best.is_none_or(|(_, b)| score > b) {
            best = Some((r, score));
        }
    }
    best.map(|(r, _)| r)
}

impl Walk<'_> {
    fn id(&self, n: NodeId) -> String {
        self.model.get(n).map_or_else(String::new, |n| n.id.clone())
    }

    fn name(&self, n: NodeId) -> String {
        self.model.get(n).map_or_else(String::new, |n| n.name.clone())
    }

    fn span(&self, n: NodeId) -> Option<Span> {
        self.model.get(n).map(|n| n.name_span).filter(|s| !s.is_detached())
    }

    fn vpc_of(&self, n: NodeId) -> Option<NodeId> {
        self.model.get(n).and_then(|n| n.vpc)
    }

    fn blocker(
        &self,
        reason: Reason,
        cause: Cause,
        at: NodeId,
        direction: Direction,
        message: String,
        help: Option<String>,
    ) -> Blocker {
        Blocker {
            reason,
            component: self.id(at),
            direction,
            message,
            cause,
            span: self.span(at),
            help,
            acl_fix: None,
            insert: None,
        }
    }

    /// Records a hop one way, when this walk records hops (`archc
    /// route`); the checker reads only blockers, so its walk makes none of
    /// these texts.
    fn record(&self, leg: &mut Proof, direction: Direction, hop: impl FnOnce() -> Hop) {
        if !self.hops {
            return;
        }
        match direction {
            Forward => leg.forward.push(hop()),
            Return => leg.reply.push(hop()),
        }
    }

    /// Records a hop at node `at` (see [`Walk::record`]).
    fn hop(&self, leg: &mut Proof, direction: Direction, at: NodeId, kind: &'static str, via: impl FnOnce() -> String) {
        self.record(leg, direction, || Hop { component: self.id(at), kind, via: via() });
    }

    /// Runs `leg` for each pair (at most [`MAX_PAIRS`]) and merges: every
    /// blocker once; the hops of the first blocked pair, else the first.
    fn pairs(
        &self,
        proof: &mut Proof,
        from: NodeId,
        pairs: &[(NodeId, NodeId)],
        mut leg: impl FnMut(&mut Proof, (NodeId, NodeId)),
    ) {
        let mut hops: Option<(Vec<Hop>, Vec<Hop>, bool)> = None;
        for &pair in pairs.iter().take(MAX_PAIRS) {
            let mut one = Proof::default();
            leg(&mut one, pair);
            let blocked = !one.blockers.is_empty();
            if hops.as_ref().is_none_or(|(_, _, b)| blocked && !b) {
                hops = Some((one.forward, one.reply, blocked));
            }
            proof.blockers.extend(one.blockers);
            if proof.service_via_nat.is_none() {
                proof.service_via_nat = one.service_via_nat;
            }
        }
        if let Some((f, r, _)) = hops {
            proof.forward = f;
            proof.reply = r;
        }
        if pairs.len() > MAX_PAIRS {
            proof.blockers.push(self.blocker(
                Reason::PairsNotProven,
                Cause::NotProven,
                from,
                Forward,
                format!(
                    "only the first {MAX_PAIRS} of {} (source subnet, target subnet) pairs were proven",
                    pairs.len()
                ),
                Some("split the flow between resources placed in fewer subnets".to_string()),
            ));
        }
    }

    fn maybe_public(&self, c: Cidr) -> bool {
        !address::private_block(c) && !self.vpc_blocks.iter().any(|b| b.contains(c))
    }

    /// Checks `subnet`'s ACL one way (`inbound`) for `ports` to or from
    /// `remote`; `fix_cidr` is the block a rule to add would name.
    #[allow(clippy::too_many_arguments)]
    fn acl(
        &self,
        leg: &mut Proof,
        subnet: NodeId,
        inbound: bool,
        remote: Remote,
        ports: &[PortRange],
        direction: Direction,
        fix_cidr: Option<Cidr>,
    ) {
        let Some(acl) = self.plan.network_acl(subnet) else {
            leg.blockers.push(self.blocker(
                Reason::NotModelled,
                Cause::NotProven,
                subnet,
                direction,
                format!("the plan gives subnet `{}` no network ACL", self.name(subnet)),
                None,
            ));
            return;
        };
        let entries = if inbound { &acl.inbound } else { &acl.outbound };
        let way = if inbound { "in" } else { "out" };
        let (component, span) = match acl.nacl {
            Some(n) => (n, self.span(n)),
            None => (subnet, self.span(subnet)),
        };
        // The hop's text (only when this walk records hops).
        let mut allowed: Vec<String> = Vec::new();
        for &p in ports {
            match evaluate(entries, remote, p, &|c| self.maybe_public(c)) {
                Verdict::Allow(numbers) if self.hops => {
                    let nums: Vec<String> =
                        numbers.iter().map(|n| n.map_or_else(|| "*".to_string(), |n| n.to_string())).collect();
                    allowed.push(format!("rule {} allows {way} {p}", nums.join(", ")));
                }
                Verdict::Allow(_) => {}
                Verdict::Deny { entry, ports: denied, uncertain } => {
                    let e = entries.get(entry);
                    let rule = e.and_then(|e| e.number).map_or_else(|| "*".to_string(), |n| n.to_string());
                    let whose = match acl.nacl {
                        Some(n) => format!("network ACL `{}`", self.name(n)),
                        None => format!("the default network ACL of subnet `{}`", self.name(subnet)),
                    };
                    let dir_word = if inbound { "from" } else { "to" };
                    let message = if uncertain {
                        format!(
                            "{whose} rule {rule} denies {way} {denied} {dir_word} {}, which may be an internet address: archc cannot prove it passes",
                            e.map_or_else(String::new, |e| e.cidr.to_string())
                        )
                    } else {
                        let remote_text = match remote {
                            Remote::Addr(a) => address::ip(a),
                            Remote::Internet => "the internet".to_string(),
                        };
                        format!("{whose} rule {rule} denies {way} {denied} {dir_word} {remote_text}")
                    };
                    let acl_fix =
                        if uncertain { None } else { self.acl_fix(acl, inbound, entries, entry, denied, fix_cidr) };
                    let help = match &acl_fix {
                        Some(f) => {
                            let place = if f.after { String::new() } else { format!(" before rule {rule}") };
                            Some(format!("add `{}` to network ACL `{}`{place}", f.line, self.name(f.nacl)))
                        }
                        None => fix_cidr.and_then(|c| data_port_opened_to_world(denied, c)).filter(|_| !uncertain).map(
                            |engine| {
                                format!(
                                    "a rule that lets this through would open the port of {engine} ({denied}) to the \
                                     whole internet: admit only the blocks that need it, or reach it through the \
                                     tier that uses it"
                                )
                            },
                        ),
                    };
                    leg.blockers.push(Blocker {
                        reason: Reason::SubnetAclRestriction,
                        component: self.id(component),
                        direction,
                        message,
                        cause: Cause::Acl,
                        span: e.and_then(|e| e.span).or(span),
                        help,
                        acl_fix,
                        insert: None,
                    });
                }
            }
        }
        if !allowed.is_empty() {
            self.hop(leg, direction, component, "nacl", || format!("nacl {}", allowed.join("; ")));
        }
    }

    /// The NACL rule that would let `ports` through, and where it goes.
    fn acl_fix(
        &self,
        acl: &NetworkAcl,
        inbound: bool,
        entries: &[AclEntry],
        blocking: usize,
        ports: PortRange,
        cidr: Option<Cidr>,
    ) -> Option<AclFix> {
        let nacl = acl.nacl?;
        let cidr = cidr?;
        if data_port_opened_to_world(ports, cidr).is_some() {
            return None;
        }
        let NodeKind::Nacl(written) = &self.model.get(nacl)?.kind else { return None };
        let used: Vec<u32> = entries.iter().filter_map(|e| e.number).collect();
        let e = entries.get(blocking)?;
        let (number, at, after) = match e.number {
            Some(d) => {
                let below = entries[..blocking].iter().filter_map(|e| e.number).max().unwrap_or(0);
                // The largest round number between the rule before and the
                // deny, else any free number there.
                let round = (below / 10 + 1..).map(|k| k * 10).take_while(|&k| k < d).last();
                let n = round.or_else(|| (below + 1..d).find(|k| !used.contains(k)))?;
                (n, e.span?, false)
            }
            None => {
                let max = used.iter().copied().max().unwrap_or(90);
                let n = (max / 10 + 1) * 10;
                if n > 32766 {
                    return None;
                }
                (n, written.rules.last().map(|r| r.span).filter(|s| !s.is_detached())?, true)
            }
        };
        let (way, dir_word) = if inbound { ("in", "from") } else { ("out", "to") };
        let line = format!("allow {way} {number} {} {dir_word} {cidr}", ports_text(ports));
        Some(AclFix { nacl, line, at, after })
    }

    fn route_table(&self, leg: &mut Proof, subnet: NodeId, direction: Direction) -> Option<&RouteTable> {
        let rt = self.plan.route_table(subnet);
        if rt.is_none() {
            leg.blockers.push(self.blocker(
                Reason::NotModelled,
                Cause::NotProven,
                subnet,
                direction,
                format!("the plan gives subnet `{}` no route table", self.name(subnet)),
                None,
            ));
        }
        rt
    }

    /// Checks that `target`'s security group admits `source` on `ports`.
    fn sg(&self, leg: &mut Proof, target: NodeId, source: SgSource, ports: &[PortRange]) {
        let Some(node) = self.model.get(target) else { return };
        if !node.takes_security_group() {
            return;
        }
        let Some(sg) = self.plan.security_group(target) else {
            leg.blockers.push(self.blocker(
                Reason::NotModelled,
                Cause::NotProven,
                target,
                Forward,
                format!("the plan gives `{}` no security group", node.name),
                None,
            ));
            return;
        };
        for &p in ports {
            let hit = sg.ingress.iter().find(|r| {
                let ports_ok = (r.ports.protocol == Protocol::All || r.ports.protocol == p.protocol)
                    && (matches!(p.protocol, Protocol::Icmp | Protocol::All)
                        || matches!(r.ports.protocol, Protocol::All | Protocol::Icmp)
                        || (r.ports.from <= p.from && p.to <= r.ports.to));
                let peer_ok = match (r.peer, source) {
                    (SgPeer::Group(g), SgSource::Node(n, _)) => g == n,
                    (SgPeer::Cidr(c), SgSource::Node(_, a) | SgSource::Addr(a)) => in_cidr(c, a),
                    (SgPeer::Cidr(c), SgSource::Outside(_)) => c.prefix == 0,
                    (SgPeer::CloudFrontOrigins, SgSource::Outside(Who::CloudFront)) => true,
                    (SgPeer::VpcLink(a), SgSource::Outside(Who::VpcLink(b))) => a == b,
                    _ => false,
                };
                ports_ok && peer_ok
            });
            match hit {
                Some(r) => self.hop(leg, Forward, target, "security-group", || {
                    let peer = match r.peer {
                        SgPeer::Group(g) => format!("sg of {}", self.name(g)),
                        SgPeer::Cidr(c) => c.to_string(),
                        SgPeer::CloudFrontOrigins => "CloudFront origin-facing prefix list".to_string(),
                        SgPeer::VpcLink(a) => format!("VPC link of {}", self.name(a)),
                    };
                    format!("sg rule {} from {peer}", r.ports)
                }),
                None => {
                    let who = match source {
                        SgSource::Node(n, _) => format!("`{}`", self.name(n)),
                        SgSource::Outside(Who::CloudFront) => "CloudFront".to_string(),
                        SgSource::Outside(Who::VpcLink(a)) => format!("the VPC link of `{}`", self.name(a)),
                        SgSource::Outside(Who::Internet) => "the internet".to_string(),
                        SgSource::Addr(a) => address::ip(a),
                    };
                    leg.blockers.push(self.blocker(
                        Reason::EniSgRulesMismatch,
                        Cause::SecurityGroup,
                        target,
                        Forward,
                        format!("the security group of `{}` does not admit {who} on {p}", node.name),
                        Some(format!("draw the flow to `{}` on {p}: flows are what open security groups", node.name)),
                    ));
                }
            }
        }
    }

    /// A route from `from_subnet` to an address in `to_subnet` (both in
    /// VPCs), one way.
    fn vpc_route(&self, leg: &mut Proof, from_subnet: NodeId, to_subnet: NodeId, dst: u32, direction: Direction) {
        let Some(rt) = self.route_table(leg, from_subnet, direction) else { return };
        let (from_vpc, to_vpc) = (rt.vpc, self.vpc_of(to_subnet));
        let route = lookup(rt, Dst::Addr(dst));
        if let Some(r) = route {
            let dest = || dest_text(r.destination);
            match r.target {
                RouteTarget::Local if Some(from_vpc) == to_vpc => {
                    self.hop(leg, direction, from_subnet, "subnet", || format!("route {} local", dest()));
                    return;
                }
                RouteTarget::Peering(p) => {
                    if let Some(peering) = self.model.peerings().get(p) {
                        let other =
                            if peering.left.value == from_vpc { peering.right.value } else { peering.left.value };
                        self.hop(leg, direction, from_subnet, "subnet", || {
                            format!("route {} -> peering {}", dest(), peering.name.value)
                        });
                        if Some(other) == to_vpc {
                            self.record(leg, direction, || Hop {
                                component: peering.name.value.clone(),
                                kind: "peering",
                                via: format!("peering {} to {}", peering.name.value, self.name(other)),
                            });
                            return;
                        }
                    }
                }
                RouteTarget::TransitGateway(g) => {
                    self.hop(leg, direction, from_subnet, "subnet", || {
                        format!("route {} -> tgw {}", dest(), self.name(g))
                    });
                    let want = to_vpc;
                    self.tgw(
                        leg,
                        Some(from_subnet),
                        g,
                        dst,
                        direction,
                        &|t| matches!(t, AttachmentTarget::Vpc(v) if Some(v) == want),
                    );
                    return;
                }
                _ => {}
            }
        }
        // No route that reaches the target's VPC.
        let (Some(to_vpc), from_name) = (to_vpc, self.name(from_subnet)) else { return };
        let ip = address::ip(dst);
        if let Some((via, first)) = self.transitive(from_vpc, to_vpc) {
            let (a, c) = (self.name(from_vpc), self.name(to_vpc));
            let peering = self.model.peerings().get(first);
            leg.blockers.push(Blocker {
                reason: Reason::PcxRequiresAddressInVpcCidr,
                component: peering.map_or_else(|| self.id(from_vpc), |p| p.name.value.clone()),
                direction,
                message: format!(
                    "subnet `{from_name}` has no route to {ip} in vpc `{c}`: peering is not transitive, and `{a}` reaches `{c}` only through `{}`",
                    self.name(via)
                ),
                cause: Cause::NotTransitive,
                span: peering.map(|p| p.name.span).or_else(|| self.span(from_vpc)),
                help: Some(format!("add a direct peering: `peering {a}_{c} {a} <-> {c}`")),
                acl_fix: None,
                insert: None,
            });
            return;
        }
        let (a, c) = (self.name(from_vpc), self.name(to_vpc));
        // A transit gateway lists both, but one of them in another region:
        // that attachment cannot exist (E0421), so nothing crosses it.
        let listed = |g: NodeId, v: NodeId| matches!(self.model.get(g).map(|n| &n.kind), Some(NodeKind::Tgw(t)) if t.attach.iter().any(|x| x.value == v));
        for (v, other) in [(from_vpc, to_vpc), (to_vpc, from_vpc)] {
            if let Some(g) = self.foreign_tgw(v, &|g| listed(g, other)) {
                let what = format!("subnet `{from_name}` has no route to {ip} in vpc `{c}`");
                leg.blockers.push(self.foreign_tgw_blocker(g, v, direction, what));
                return;
            }
        }
        // Both VPCs on transit gateways, but different ones that are not
        // peered (a transit gateway is regional): the TGW cannot route.
        let mine: Vec<NodeId> = self.plan.transit_gateways_of(from_vpc).map(|t| t.tgw).collect();
        let theirs: Vec<NodeId> = self.plan.transit_gateways_of(to_vpc).map(|t| t.tgw).collect();
        if let (Some(&g), Some(&h)) = (mine.first(), theirs.first()) {
            if !mine.iter().any(|x| theirs.contains(x)) {
                let (gn, hn) = (self.name(g), self.name(h));
                leg.blockers.push(self.blocker(
                    Reason::TgwRtbCannotRoute,
                    Cause::NoRoute,
                    g,
                    direction,
                    format!(
                        "subnet `{from_name}` has no route to {ip}: vpc `{c}` is attached to transit gateway `{hn}`, which `{gn}` does not peer with"
                    ),
                    Some(format!("peer the transit gateways: add `peer: {hn}` to `tgw {gn}`")),
                ));
                return;
            }
        }
        let help = if from_vpc == to_vpc {
            None
        } else {
            Some(format!("connect the VPCs: `peering {a}_{c} {a} <-> {c}`, or attach both to one `tgw`"))
        };
        leg.blockers.push(self.blocker(
            Reason::NoRouteToDestination,
            Cause::NoRoute,
            from_subnet,
            direction,
            match route {
                Some(r) => format!(
                    "subnet `{from_name}` sends {ip} (vpc `{c}`) to its route {} -> {}, which does not lead there",
                    dest_text(r.destination),
                    r.target.describe(self.model, |n| self.name(n))
                ),
                None => format!("subnet `{from_name}` has no route to {ip} in vpc `{c}`"),
            },
            help,
        ));
    }

    /// A VPC peered with both `a` and `c` (which are not peered): the
    /// middle VPC and the peering of `a` with it.
    fn transitive(&self, a: NodeId, c: NodeId) -> Option<(NodeId, usize)> {
        let peers = |v: NodeId| self.peers.get(v.0).map_or(&[][..], Vec::as_slice);
        let of_c = peers(c);
        if of_c.iter().any(|(w, _)| *w == a) {
            return None;
        }
        peers(a).iter().copied().find(|(w, _)| *w != c && of_c.iter().any(|(x, _)| x == w))
    }

    /// Through transit gateway `g` from `from_subnet` to `dst`, arriving at
    /// an attachment `want` accepts (one TGW peering hop at most).
    fn tgw(
        &self,
        leg: &mut Proof,
        from_subnet: Option<NodeId>,
        g: NodeId,
        dst: u32,
        direction: Direction,
        want: &dyn Fn(AttachmentTarget) -> bool,
    ) {
        let Some(tp) = self.plan.transit_gateways.iter().find(|t| t.tgw == g) else {
            leg.blockers.push(self.blocker(
                Reason::NotModelled,
                Cause::NotProven,
                g,
                direction,
                format!("the plan has no transit gateway `{}`", self.name(g)),
                None,
            ));
            return;
        };
        if let Some(from_subnet) = from_subnet {
            let from_vpc = self.vpc_of(from_subnet);
            let zone = address::zone(self.model, from_subnet);
            let attached = tp.attachments.iter().find(|a| Some(a.target) == from_vpc.map(AttachmentTarget::Vpc));
            if let Some(att) = attached {
                if !att.subnets.iter().any(|s| address::zone(self.model, *s) == zone) {
                    leg.blockers.push(self.blocker(
                        Reason::TgwAttachmentNotInZone,
                        Cause::NoRoute,
                        g,
                        direction,
                        format!(
                            "transit gateway `{}`'s attachment to vpc `{}` has no subnet in the zone of subnet `{}`",
                            self.name(g),
                            from_vpc.map_or_else(String::new, |v| self.name(v)),
                            self.name(from_subnet)
                        ),
                        Some(format!(
                            "add a subnet in that zone of vpc `{}`",
                            from_vpc.map_or_else(String::new, |v| self.name(v))
                        )),
                    ));
                }
            }
        }
        let find = |routes: &[crate::plan::TgwRoute]| {
            routes
                .iter()
                .filter(|r| in_cidr(r.destination, dst))
                .max_by_key(|r| r.destination.prefix)
                .map(|r| (r.destination, r.attachment))
        };
        let ip = address::ip(dst);
        let Some((dest, a)) = find(&tp.routes) else {
            leg.blockers.push(self.blocker(
                Reason::TgwRtbCannotRoute,
                Cause::NoRoute,
                g,
                direction,
                format!("transit gateway `{}` has no route to {ip}", self.name(g)),
                Some(format!(
                    "attach the destination to `{}` (`attach:`), or, in another region, peer it with that region's transit gateway (`peer:`)",
                    self.name(g)
                )),
            ));
            return;
        };
        let Some(att) = tp.attachments.get(a) else { return };
        self.hop(leg, direction, g, "tgw", || format!("tgw route {dest} -> {}", self.attachment_text(att.target)));
        if want(att.target) {
            return;
        }
        if let AttachmentTarget::Peer(h) = att.target {
            if let Some(hp) = self.plan.transit_gateways.iter().find(|t| t.tgw == h) {
                if let Some((dest2, a2)) = find(&hp.routes) {
                    if let Some(att2) = hp.attachments.get(a2) {
                        if want(att2.target) {
                            self.hop(leg, direction, h, "tgw", || {
                                format!("tgw route {dest2} -> {}", self.attachment_text(att2.target))
                            });
                            return;
                        }
                    }
                }
            }
        }
        leg.blockers.push(self.blocker(
            Reason::TgwRtbCannotRoute,
            Cause::NoRoute,
            g,
            direction,
            format!(
                "transit gateway `{}` sends {ip} to {}, which does not hold it",
                self.name(g),
                self.attachment_text(att.target)
            ),
            None,
        ));
    }

    fn attachment_text(&self, t: AttachmentTarget) -> String {
        match t {
            AttachmentTarget::Vpc(n) => format!("attachment vpc {}", self.name(n)),
            AttachmentTarget::Vpn(n) => format!("attachment vpn {}", self.name(n)),
            AttachmentTarget::DirectConnect(n) => format!("attachment dx {}", self.name(n)),
            AttachmentTarget::Peer(n) => format!("peering attachment to tgw {}", self.name(n)),
        }
    }

    fn vpc_to_vpc(&self, leg: &mut Proof, from: NodeId, s: NodeId, to: NodeId, t: NodeId, ports: &[PortRange]) {
        let (Some(a_s), Some(a_t)) = (address::address(self.model, s), address::address(self.model, t)) else {
            leg.blockers.push(self.blocker(
                Reason::NotModelled,
                Cause::NotProven,
                if address::address(self.model, s).is_none() { s } else { t },
                Forward,
                "a subnet without a block".to_string(),
                None,
            ));
            return;
        };
        let (b_s, b_t) = (address::subnet_block(self.model, s), address::subnet_block(self.model, t));
        let eph = ephemeral(ports);
        let same = s == t;
        if !same {
            self.acl(leg, s, false, Remote::Addr(a_t), ports, Forward, b_t);
        }
        self.vpc_route(leg, s, t, a_t, Forward);
        if !same {
            self.acl(leg, t, true, Remote::Addr(a_s), ports, Forward, b_s);
        }
        self.sg(leg, to, SgSource::Node(from, a_s), ports);
        if !same {
            self.acl(leg, t, false, Remote::Addr(a_s), &eph, Return, b_s);
        }
        self.vpc_route(leg, t, s, a_s, Return);
        if !same {
            self.acl(leg, s, true, Remote::Addr(a_t), &eph, Return, b_t);
        }
    }

    fn vpc_igw(&self, vpc: NodeId) -> Option<NodeId> {
        self.model.children(vpc).find(|(_, n)| n.kind() == Kind::Igw).map(|(i, _)| i)
    }

    /// Out to the internet (`dst`: the internet, or a service's public
    /// endpoint) from `from` in `s`; the NAT it goes through, if any.
    fn to_internet(&self, leg: &mut Proof, from: NodeId, s: NodeId, ports: &[PortRange], dst: Dst) -> Option<NodeId> {
        let eph = ephemeral(ports);
        let zero = Cidr::new(0, 0);
        let a_s = address::address(self.model, s)?;
        let b_s = address::subnet_block(self.model, s);
        self.acl(leg, s, false, Remote::Internet, ports, Forward, zero);
        let rt = self.route_table(leg, s, Forward)?;
        let vpc = rt.vpc;
        let src_name = self.name(from);
        let mut nat_used = None;
        match lookup(rt, Dst::Internet).map(|r| r.target) {
            Some(RouteTarget::InternetGateway(g)) => {
                self.hop(leg, Forward, s, "subnet", || "route 0.0.0.0/0 -> igw".to_string());
                let public = address::tier(self.model, s) == Some(Tier::Public)
                    && self.model.get(from).is_some_and(address::public_ip);
                if public {
                    self.hop(leg, Forward, g, "igw", || "public IPv4 address".to_string());
                    self.hop(leg, Return, g, "igw", || "to the public IPv4 address".to_string());
                } else {
                    leg.blockers.push(self.blocker(
                        Reason::NoPublicIp,
                        Cause::NoWayOut,
                        from,
                        Forward,
                        format!(
                            "`{src_name}` has no public IPv4 address, so the internet gateway of subnet `{}` does not carry its traffic",
                            self.name(s)
                        ),
                        Some(format!(
                            "place `{src_name}` in private subnets of zones with a NAT gateway (`nat NAME` in a public subnet)"
                        )),
                    ));
                }
            }
            Some(RouteTarget::NatGateway(n)) => {
                nat_used = Some(n);
                self.hop(leg, Forward, s, "subnet", || format!("route 0.0.0.0/0 -> nat {}", self.name(n)));
                self.through_nat(leg, s, a_s, b_s, vpc, n, ports, &eph, dst);
            }
            _ => {
                leg.blockers.push(self.no_way_out(from, s, vpc));
            }
        }
        self.acl(leg, s, true, Remote::Internet, &eph, Return, zero);
        nat_used
    }

    #[allow(clippy::too_many_arguments)]
    fn through_nat(
        &self,
        leg: &mut Proof,
        s: NodeId,
        a_s: u32,
        b_s: Option<Cidr>,
        vpc: NodeId,
        n: NodeId,
        ports: &[PortRange],
        eph: &[PortRange],
        dst: Dst,
    ) {
        let Some(NodeKind::Nat(nat)) = self.model.get(n).map(|n| &n.kind) else { return };
        let nat_name = self.name(n);
        if nat.connectivity.value == Connectivity::Private {
            leg.blockers.push(self.blocker(
                Reason::NoRouteToDestination,
                Cause::NoWayOut,
                n,
                Forward,
                format!("NAT gateway `{nat_name}` is private (`type: private`): it never reaches the internet"),
                Some(format!("make `{nat_name}` public (remove `type: private`) in a public subnet")),
            ));
            return;
        }
        let igw_help = format!("add `igw` to vpc `{}`", self.name(vpc));
        if nat.mode.value == NatMode::Regional || nat.subnet.is_none() {
            self.hop(leg, Forward, n, "nat", || "regional NAT gateway".to_string());
            match self.vpc_igw(vpc) {
                Some(g) => {
                    self.hop(leg, Forward, g, "igw", || "NAT gateway's public address".to_string());
                    self.hop(leg, Return, g, "igw", || "to the NAT gateway".to_string());
                    self.hop(leg, Return, n, "nat", || "translated back to the source".to_string());
                }
                None => leg.blockers.push(self.blocker(
                    Reason::NoRouteToDestination,
                    Cause::NoWayOut,
                    n,
                    Forward,
                    format!("regional NAT gateway `{nat_name}` is in a VPC without an internet gateway"),
                    Some(igw_help),
                )),
            }
            return;
        }
        let Some(ns) = nat.subnet else { return };
        let zero = Cidr::new(0, 0);
        if ns != s {
            self.acl(leg, ns, true, Remote::Addr(a_s), ports, Forward, b_s);
        }
        self.hop(leg, Forward, n, "nat", || format!("NAT gateway in subnet {}", self.name(ns)));
        let Some(nrt) = self.route_table(leg, ns, Forward) else { return };
        match lookup(nrt, dst).map(|r| (r.destination, r.target)) {
            // The NAT gateway's traffic follows its subnet's table: to S3 or
            // DynamoDB, that subnet's gateway endpoint route takes it.
            Some((d, RouteTarget::GatewayEndpoint(ep))) => {
                self.hop(leg, Forward, ns, "subnet", || {
                    format!("route {} -> gateway endpoint {}", dest_text(d), self.name(ep))
                });
                self.acl(leg, ns, false, Remote::Internet, ports, Forward, zero);
                self.hop(leg, Forward, ep, "endpoint", || "gateway endpoint".to_string());
                self.hop(leg, Return, ep, "endpoint", || "gateway endpoint".to_string());
            }
            Some((_, RouteTarget::InternetGateway(g))) => {
                self.hop(leg, Forward, ns, "subnet", || "route 0.0.0.0/0 -> igw".to_string());
                self.acl(leg, ns, false, Remote::Internet, ports, Forward, zero);
                self.hop(leg, Forward, g, "igw", || "NAT gateway's elastic IP".to_string());
                self.hop(leg, Return, g, "igw", || "to the NAT gateway's elastic IP".to_string());
            }
            _ => leg.blockers.push(self.blocker(
                Reason::NoRouteToDestination,
                Cause::NoWayOut,
                ns,
                Forward,
                format!(
                    "NAT gateway `{nat_name}` stands in subnet `{}`, which has no route to an internet gateway",
                    self.name(ns)
                ),
                Some(if self.vpc_igw(vpc).is_none() {
                    igw_help
                } else {
                    format!("declare `{nat_name}` in a public subnet")
                }),
            )),
        }
        self.acl(leg, ns, true, Remote::Internet, eph, Return, zero);
        self.hop(leg, Return, n, "nat", || "translated back to the source".to_string());
        if ns != s {
            self.acl(leg, ns, false, Remote::Addr(a_s), eph, Return, b_s);
        }
    }

    /// The blocker of a subnet with no default route: the most exact
    /// change that gives it one.
    fn no_way_out(&self, from: NodeId, s: NodeId, vpc: NodeId) -> Blocker {
        let (sn, vn, src) = (self.name(s), self.name(vpc), self.name(from));
        // A peer that has a way out: edge-to-edge, which peering never carries.
        let peer_out = self.model.peerings().iter().find_map(|p| {
            let other = if p.left.value == vpc {
                p.right.value
            } else if p.right.value == vpc {
                p.left.value
            } else {
                return None;
            };
            let has_way_out =
                self.vpc_igw(other).is_some() || self.model.of_kind(Kind::Nat).any(|(_, n)| n.vpc == Some(other));
            has_way_out.then_some((p, other))
        });
        if let Some((p, other)) = peer_out {
            return Blocker {
                reason: Reason::NoRouteToDestination,
                component: p.name.value.clone(),
                direction: Forward,
                message: format!(
                    "subnet `{sn}` has no way to the internet: vpc `{}` has one, but peering `{}` never carries traffic to a peer's internet gateway, NAT or VPN",
                    self.name(other),
                    p.name.value
                ),
                cause: Cause::EdgeToEdge,
                span: Some(p.name.span),
                help: Some(format!(
                    "give vpc `{vn}` its own way out: `igw` and a `nat` in a public subnet of each zone"
                )),
                acl_fix: None,
                insert: None,
            };
        }
        let zone = address::zone(self.model, s).map(|z| self.name(z)).unwrap_or_default();
        let mut insert = None;
        let (message, help) = match address::tier(self.model, s) {
            Some(Tier::Isolated) => (
                format!("`{src}` stands in isolated subnet `{sn}`, which has no route to the internet"),
                format!("place `{src}` in a private subnet of zone {zone} with a NAT gateway, or reach AWS services through an endpoint"),
            ),
            Some(Tier::Public) => (
                format!("public subnet `{sn}` has no route to an internet gateway"),
                format!("add `igw` to vpc `{vn}`"),
            ),
            _ => (
                format!("private subnet `{sn}` has no NAT gateway to reach the internet through"),
                if let (Some(_), Some(p)) = (self.vpc_igw(vpc), self.public_subnet_in(vpc, address::zone(self.model, s))) {
                    insert = self.nat_insert(p, &zone);
                    format!("add `nat nat_{zone}` inside `public subnet {}` (zone {zone})", self.name(p))
                } else if self.vpc_igw(vpc).is_some() {
                    format!("add `nat nat_{zone}` inside a public subnet of zone {zone} of vpc `{vn}`")
                } else {
                    format!("add `igw` to vpc `{vn}` and `nat nat_{zone}` inside a public subnet of zone {zone}")
                },
            ),
        };
        let mut b = self.blocker(Reason::NoRouteToDestination, Cause::NoWayOut, s, Forward, message, Some(help));
        b.insert = insert;
        b
    }

    /// `nat nat_ZONE` inside public subnet `p`: after its declaration when
    /// it has no block (` { nat nat_a }`), else before its closing brace.
    /// None when the name is taken.
    fn nat_insert(&self, p: NodeId, zone: &str) -> Option<(Span, String)> {
        let name = format!("nat_{zone}");
        if self.model.nodes().iter().any(|n| n.name == name) {
            return None;
        }
        let node = self.model.get(p)?;
        let NodeKind::Subnet(sub) = &node.kind else { return None };
        let head_end = match &sub.cidr {
            crate::model::SubnetBlock::Written(c) => c.span.end,
            _ => node.name_span.end,
        };
        let span = node.span;
        if span.is_detached() || !node.expansion.is_empty() {
            return None;
        }
        if span.end == head_end {
            Some((Span { file: span.file, start: span.end, end: span.end }, format!(" {{ nat {name} }}")))
        } else {
            let at = span.end.checked_sub(1)?;
            Some((Span { file: span.file, start: at, end: at }, format!("nat {name}; ")))
        }
    }

    /// The first public subnet of `vpc` in `zone`.
    fn public_subnet_in(&self, vpc: NodeId, zone: Option<NodeId>) -> Option<NodeId> {
        self.model.of_kind(Kind::Subnet).find_map(|(i, n)| {
            (n.vpc == Some(vpc)
                && address::zone(self.model, i) == zone
                && address::tier(self.model, i) == Some(Tier::Public))
            .then_some(i)
        })
    }

    /// Whether `from -> to` (a regional service) is in the source's region.
    fn regional(&self, from: NodeId, to: NodeId, region: Option<NodeId>) -> bool {
        let src_region = self.model.get(from).and_then(|n| n.region);
        let tk = self.model.get(to).map(|n| n.kind());
        region.is_some() && region == src_region && !matches!(tk, Some(Kind::Cloudfront | Kind::Route53) | None)
    }

    /// The gateway endpoint route subnet `s` takes to service `to` (s3 or
    /// dynamodb), if any.
    fn gateway_route(&self, s: NodeId, to: NodeId) -> Option<&Route> {
        let gs = match self.model.get(to)?.kind() {
            Kind::S3 => GatewayService::S3,
            Kind::Dynamodb => GatewayService::DynamoDb,
            _ => return None,
        };
        lookup(self.plan.route_table(s)?, Dst::Service(gs))
            .filter(|r| matches!(r.target, RouteTarget::GatewayEndpoint(_)))
    }

    /// The interface endpoint `from` in subnet `s` reaches service `to`
    /// through, with the subnets it stands in: one of the VPC's for the
    /// service, in the same region, when no gateway endpoint route takes
    /// the traffic first.
    fn via_interface_endpoint(
        &self,
        from: NodeId,
        s: NodeId,
        to: NodeId,
        region: Option<NodeId>,
    ) -> Option<(NodeId, Vec<NodeId>)> {
        if !self.regional(from, to, region) || self.gateway_route(s, to).is_some() {
            return None;
        }
        let tk = self.model.get(to)?.kind();
        let ep = self.interface_endpoint(self.vpc_of(from)?, tk)?;
        let at = address::positions(self.model.get(ep)?);
        (!at.is_empty()).then_some((ep, at))
    }

    /// `from` in subnet `s` to regional service `to`; `t` is the endpoint
    /// subnet to prove when the way is an interface endpoint.
    #[allow(clippy::too_many_arguments)]
    fn to_service(
        &self,
        leg: &mut Proof,
        from: NodeId,
        s: NodeId,
        t: NodeId,
        to: NodeId,
        region: Option<NodeId>,
        ports: &[PortRange],
    ) {
        let Some(tk) = self.model.get(to).map(|n| n.kind()) else { return };
        let regional = self.regional(from, to, region);
        let vpc = self.vpc_of(from);
        if regional {
            if let Some(Route { destination, target: RouteTarget::GatewayEndpoint(ep) }) = self.gateway_route(s, to) {
                let zero = Cidr::new(0, 0);
                self.acl(leg, s, false, Remote::Internet, ports, Forward, zero);
                self.hop(leg, Forward, s, "subnet", || {
                    format!("route {} -> gateway endpoint {}", dest_text(*destination), self.name(*ep))
                });
                self.hop(leg, Forward, *ep, "endpoint", || "gateway endpoint".to_string());
                self.hop(leg, Return, *ep, "endpoint", || "gateway endpoint".to_string());
                self.acl(leg, s, true, Remote::Internet, &ephemeral(ports), Return, zero);
                return;
            }
            if let Some((ep, at)) = self.via_interface_endpoint(from, s, to, region) {
                let t = if at.contains(&t) { t } else { at.first().copied().unwrap_or(t) };
                self.hop(leg, Forward, ep, "endpoint", || "interface endpoint (private DNS)".to_string());
                self.vpc_to_vpc(leg, from, s, ep, t, &[PortRange::tcp(443)]);
                return;
            }
        }
        let before = leg.blockers.len();
        let dst = match tk {
            Kind::S3 if regional => Dst::Service(GatewayService::S3),
            Kind::Dynamodb if regional => Dst::Service(GatewayService::DynamoDb),
            _ => Dst::Internet,
        };
        let nat = self.to_internet(leg, from, s, ports, dst);
        // No way out to a regional service: an endpoint is the other way.
        if regional {
            let line = match (tk, crate::plan::integrations::service_name(tk)) {
                (Kind::S3 | Kind::Dynamodb, Some(svc)) => Some(format!("`gateway endpoint {svc}_ep {svc}` in the VPC")),
                (_, Some(svc)) => {
                    Some(format!("`interface endpoint {}_ep {svc} in {}`", svc.replace('-', "_"), self.name(s)))
                }
                _ => None,
            };
            if let Some(line) = line {
                for b in leg.blockers[before..].iter_mut().filter(|b| b.cause == Cause::NoWayOut) {
                    let h = b.help.take().unwrap_or_default();
                    b.help = Some(format!("{h}; or reach it privately: {line}"));
                }
            }
        }
        if let (Some(n), true, Some(v)) = (nat, regional && matches!(tk, Kind::S3 | Kind::Dynamodb), vpc) {
            leg.service_via_nat = Some((n, v));
        }
    }

    /// The interface endpoint of `vpc` for the service of kind `k`.
    fn interface_endpoint(&self, vpc: NodeId, k: Kind) -> Option<NodeId> {
        let service = crate::plan::integrations::service_name(k)?;
        self.interface_endpoints.iter().find(|(v, s, _)| *v == vpc && s == service).map(|(_, _, e)| *e)
    }

    fn to_gateway_endpoint(&self, leg: &mut Proof, s: NodeId, ep: NodeId, ep_vpc: NodeId, ports: &[PortRange]) {
        let Some(NodeKind::Endpoint(e)) = self.model.get(ep).map(|n| &n.kind) else { return };
        let service = match e.service.as_ref().map(|s| s.value.as_str()) {
            Some("s3") => GatewayService::S3,
            Some("dynamodb") => GatewayService::DynamoDb,
            other => {
                leg.blockers.push(self.blocker(
                    Reason::VpceGatewayProtocolRestriction,
                    Cause::NoRoute,
                    ep,
                    Forward,
                    format!("a gateway endpoint serves only S3 and DynamoDB, not `{}`", other.unwrap_or("?")),
                    Some(format!("make `{}` an `interface endpoint`", self.name(ep))),
                ));
                return;
            }
        };
        if self.vpc_of(s) != Some(ep_vpc) {
            leg.blockers.push(self.blocker(
                Reason::NoRouteToDestination,
                Cause::NoRoute,
                ep,
                Forward,
                format!("gateway endpoint `{}` serves only its own VPC", self.name(ep)),
                None,
            ));
            return;
        }
        let zero = Cidr::new(0, 0);
        self.acl(leg, s, false, Remote::Internet, ports, Forward, zero);
        let rt = self.route_table(leg, s, Forward);
        match rt.and_then(|rt| lookup(rt, Dst::Service(service))) {
            Some(r) if r.target == RouteTarget::GatewayEndpoint(ep) => {
                self.hop(leg, Forward, s, "subnet", || {
                    format!("route {} -> gateway endpoint {}", dest_text(r.destination), self.name(ep))
                });
                self.hop(leg, Forward, ep, "endpoint", || "gateway endpoint".to_string());
                self.hop(leg, Return, ep, "endpoint", || "gateway endpoint".to_string());
            }
            _ if rt.is_some() => leg.blockers.push(self.blocker(
                Reason::NoRouteToDestination,
                Cause::NoRoute,
                s,
                Forward,
                format!("subnet `{}` has no route to gateway endpoint `{}`", self.name(s), self.name(ep)),
                None,
            )),
            _ => {}
        }
        self.acl(leg, s, true, Remote::Internet, &ephemeral(ports), Return, zero);
    }

    /// The vpn or dx whose `to` is `onprem`, reached from `rt` by route
    /// `target`, or through transit gateway `g`.
    fn connects(&self, conn: NodeId, onprem: NodeId) -> bool {
        match self.model.get(conn).map(|n| &n.kind) {
            Some(NodeKind::Vpn(v)) => v.to.as_ref().is_some_and(|t| t.value == onprem),
            Some(NodeKind::Dx(d)) => d.to.as_ref().is_some_and(|t| t.value == onprem),
            _ => false,
        }
    }

    /// The region code of `n` (`us-east-1`).
    fn region_code(&self, n: NodeId) -> String {
        match self.model.get(n).and_then(|n| n.region).and_then(|r| self.model.get(r)).map(|r| &r.kind) {
            Some(NodeKind::Region(r)) => r.code.clone(),
            _ => String::new(),
        }
    }

    /// A transit gateway whose `attach` lists `vpc` but that is in another
    /// region, and that `also` accepts: the attachment cannot exist (E0421
    /// reports it), so the plan has none and nothing crosses it.
    fn foreign_tgw(&self, vpc: NodeId, also: &dyn Fn(NodeId) -> bool) -> Option<NodeId> {
        let region = self.model.get(vpc)?.region;
        self.model.of_kind(Kind::Tgw).find_map(|(g, n)| match &n.kind {
            NodeKind::Tgw(t)
                if n.region.is_some()
                    && region.is_some()
                    && n.region != region
                    && t.attach.iter().any(|a| a.value == vpc)
                    && also(g) =>
            {
                Some(g)
            }
            _ => None,
        })
    }

    /// The blocker of a way over transit gateway `g` that `vpc` (of another
    /// region) was meant to take: `g` lists it in `attach`, but a transit
    /// gateway attaches only VPCs of its own region.
    fn foreign_tgw_blocker(&self, g: NodeId, vpc: NodeId, direction: Direction, what: String) -> Blocker {
        let (gn, vn) = (self.name(g), self.name(vpc));
        let (gr, vr) = (self.region_code(g), self.region_code(vpc));
        let local = self
            .model
            .of_kind(Kind::Tgw)
            .find(|(h, n)| *h != g && n.region == self.model.get(vpc).and_then(|v| v.region));
        let help = match local {
            Some((_, h)) => format!(
                "attach `{vn}` to `{}`, the transit gateway of {vr}, peered with `{gn}` (`peer: {gn}` in `{}`)",
                h.name, h.name
            ),
            None => format!(
                "declare a transit gateway in region {vr}, peered with `{gn}`: `tgw {gn}_{} {{ attach: {vn}; peer: {gn} }}`",
                vr.replace('-', "_")
            ),
        };
        self.blocker(
            Reason::TgwRtbCannotRoute,
            Cause::NoRoute,
            g,
            direction,
            format!(
                "{what}: transit gateway `{gn}` ({gr}) lists vpc `{vn}` of {vr} in `attach`, but a transit gateway attaches only VPCs of its own region"
            ),
            Some(help),
        )
    }

    /// A peering of `vpc` whose other side has a vpn or dx to `onprem`
    /// (which peering never carries: edge-to-edge).
    fn peer_with_link(&self, vpc: NodeId, onprem: NodeId) -> Option<&crate::model::Peering> {
        self.model.peerings().iter().find(|p| {
            let other = if p.left.value == vpc {
                p.right.value
            } else if p.right.value == vpc {
                p.left.value
            } else {
                return false;
            };
            self.model.nodes().iter().any(|n| match &n.kind {
                NodeKind::Vpn(v) => {
                    v.vgw.as_ref().is_some_and(|g| g.value == other) && v.to.as_ref().is_some_and(|t| t.value == onprem)
                }
                NodeKind::Dx(d) => {
                    d.vgw.as_ref().is_some_and(|g| g.value == other) && d.to.as_ref().is_some_and(|t| t.value == onprem)
                }
                _ => false,
            })
        })
    }

    /// Whether transit gateway `g`'s plan attaches a vpn or dx to `onprem`.
    fn tgw_links(&self, g: NodeId, onprem: NodeId) -> bool {
        self.plan.transit_gateway(g).is_some_and(|tp| {
            tp.attachments.iter().any(|a| match a.target {
                AttachmentTarget::Vpn(c) | AttachmentTarget::DirectConnect(c) => self.connects(c, onprem),
                _ => false,
            })
        })
    }

    /// A route from `s` to on-premises `onprem` at `addr`, one way.
    fn onprem_route(&self, leg: &mut Proof, s: NodeId, onprem: NodeId, addr: u32, direction: Direction) {
        let Some(rt) = self.route_table(leg, s, direction) else { return };
        let vpc = rt.vpc;
        let route = lookup(rt, Dst::Addr(addr));
        match route.map(|r| (r.destination, r.target)) {
            Some((d, RouteTarget::VirtualPrivateGateway(v))) if self.connects(v, onprem) => {
                self.hop(leg, direction, s, "subnet", || format!("route {} -> vgw", dest_text(d)));
                self.hop(leg, direction, v, self.model.get(v).map_or("vpn", |n| n.kind().keyword()), || {
                    format!("to {}", self.name(onprem))
                });
                return;
            }
            Some((d, RouteTarget::TransitGateway(g))) => {
                self.hop(leg, direction, s, "subnet", || format!("route {} -> tgw {}", dest_text(d), self.name(g)));
                self.tgw(leg, Some(s), g, addr, direction, &|t| match t {
                    AttachmentTarget::Vpn(c) | AttachmentTarget::DirectConnect(c) => self.connects(c, onprem),
                    _ => false,
                });
                return;
            }
            _ => {}
        }
        let (on, vn) = (self.name(onprem), self.name(vpc));
        // A transit gateway of another region that lists this VPC and
        // carries the link: the attachment cannot exist.
        if let Some(g) = self.foreign_tgw(vpc, &|g| self.tgw_links(g, onprem)) {
            let what = format!("subnet `{}` has no route to `{on}` ({})", self.name(s), address::ip(addr));
            leg.blockers.push(self.foreign_tgw_blocker(g, vpc, direction, what));
            return;
        }
        // A peer VPC with a VPN to it: edge-to-edge.
        if let Some(p) = self.peer_with_link(vpc, onprem) {
            leg.blockers.push(Blocker {
                reason: Reason::NoRouteToDestination,
                component: p.name.value.clone(),
                direction,
                message: format!(
                    "subnet `{}` has no route to `{on}`: a peer has a VPN to it, but peering `{}` never carries traffic to a peer's VPN",
                    self.name(s),
                    p.name.value
                ),
                cause: Cause::EdgeToEdge,
                span: Some(p.name.span),
                help: Some(format!("connect vpc `{vn}` itself: `vpn NAME {{ to: {on}; vgw: {vn} }}`, or attach both to one `tgw`")),
                acl_fix: None,
                insert: None,
            });
            return;
        }
        leg.blockers.push(self.blocker(
            Reason::NoRouteToDestination,
            Cause::NoRoute,
            s,
            direction,
            format!("subnet `{}` has no route to `{on}` ({})", self.name(s), address::ip(addr)),
            Some(format!(
                "connect vpc `{vn}` to `{on}`: `vpn NAME {{ to: {on}; vgw: {vn} }}`, or a `tgw` that attaches both"
            )),
        ));
    }

    fn to_onprem(&self, leg: &mut Proof, s: NodeId, onprem: NodeId, block: Cidr, ports: &[PortRange]) {
        let Some(a_s) = address::address(self.model, s) else { return };
        let addr = block.first().saturating_add(if block.size() > 4 { 4 } else { 0 });
        let eph = ephemeral(ports);
        self.acl(leg, s, false, Remote::Addr(addr), ports, Forward, Some(block));
        self.onprem_route(leg, s, onprem, addr, Forward);
        self.hop(leg, Forward, onprem, "onprem", || format!("{} on {}", address::ip(addr), block));
        // Replies come back over the same connection to the VPC.
        self.hop(leg, Return, onprem, "onprem", || format!("back to {}", address::ip(a_s)));
        self.acl(leg, s, true, Remote::Addr(addr), &eph, Return, Some(block));
    }

    fn onprem_in(&self, leg: &mut Proof, onprem: NodeId, block: Cidr, to: NodeId, t: NodeId, ports: &[PortRange]) {
        let addr = block.first().saturating_add(if block.size() > 4 { 4 } else { 0 });
        let eph = ephemeral(ports);
        self.hop(leg, Forward, onprem, "onprem", || format!("from {}", address::ip(addr)));
        // The way in: the VGW of the target's VPC, else the transit gateway
        // the network is attached to, routed to the target's VPC. When
        // neither, nothing carries the connection in (forward), and the way
        // back has no route either (return).
        let (vpc, a_t) = (self.vpc_of(t), address::address(self.model, t));
        let start = self.plan.transit_gateways.iter().find(|tp| {
            tp.attachments.iter().any(|a| match a.target {
                AttachmentTarget::Vpn(c) | AttachmentTarget::DirectConnect(c) => self.connects(c, onprem),
                _ => false,
            })
        });
        let vgw = self.model.nodes().iter().position(|n| match &n.kind {
            NodeKind::Vpn(v) => {
                v.vgw.as_ref().is_some_and(|g| Some(g.value) == vpc) && v.to.as_ref().is_some_and(|x| x.value == onprem)
            }
            NodeKind::Dx(d) => {
                d.vgw.as_ref().is_some_and(|g| Some(g.value) == vpc) && d.to.as_ref().is_some_and(|x| x.value == onprem)
            }
            _ => false,
        });
        match (vgw, start, a_t) {
            (Some(v), _, _) => {
                let v = NodeId(v);
                let kind = self.model.get(v).map_or("vpn", |n| n.kind().keyword());
                self.hop(leg, Forward, v, kind, || {
                    format!("virtual private gateway of vpc {}", vpc.map_or_else(String::new, |x| self.name(x)))
                });
            }
            (None, Some(tp), Some(a_t)) => {
                let want = vpc;
                let mut way = Proof::default();
                self.tgw(
                    &mut way,
                    None,
                    tp.tgw,
                    a_t,
                    Forward,
                    &|x| matches!(x, AttachmentTarget::Vpc(v) if Some(v) == want),
                );
                // No way over the gateway (a peering may still carry it), and
                // the gateway lists the VPC of another region: say why.
                let foreign = vpc.and_then(|v| self.foreign_tgw(v, &|g| g == tp.tgw).map(|g| (v, g)));
                match foreign {
                    Some((v, g)) if !way.blockers.is_empty() => {
                        let what = format!("nothing carries `{}` into vpc `{}`", self.name(onprem), self.name(v));
                        way.blockers = vec![self.foreign_tgw_blocker(g, v, Forward, what)];
                    }
                    _ => {}
                }
                leg.forward.extend(way.forward);
                leg.blockers.extend(way.blockers);
            }
            (None, None, _) => {
                if let Some(v) = vpc {
                    leg.blockers.push(self.no_way_in(onprem, v));
                }
            }
            (None, Some(_), None) => {}
        }
        self.acl(leg, t, true, Remote::Addr(addr), ports, Forward, Some(block));
        self.sg(leg, to, SgSource::Addr(addr), ports);
        self.acl(leg, t, false, Remote::Addr(addr), &eph, Return, Some(block));
        self.onprem_route(leg, t, onprem, addr, Return);
    }

    /// The blocker of a flow from on-premises `onprem` into `vpc` when no
    /// vpn or dx to it ends on the VPC's virtual private gateway or on a
    /// transit gateway: nothing carries the connection in (its router has no
    /// route to the VPC over any link).
    fn no_way_in(&self, onprem: NodeId, vpc: NodeId) -> Blocker {
        let (on, vn) = (self.name(onprem), self.name(vpc));
        let what = format!("nothing carries `{on}` into vpc `{vn}`");
        if let Some(p) = self.peer_with_link(vpc, onprem) {
            return Blocker {
                reason: Reason::NoRouteToDestination,
                component: p.name.value.clone(),
                direction: Forward,
                message: format!(
                    "{what}: a peer has a VPN to it, but peering `{}` never carries traffic from a peer's VPN",
                    p.name.value
                ),
                cause: Cause::EdgeToEdge,
                span: Some(p.name.span),
                help: Some(format!(
                    "connect vpc `{vn}` itself: `vpn NAME {{ to: {on}; vgw: {vn} }}`, or attach both to one `tgw`"
                )),
                acl_fix: None,
                insert: None,
            };
        }
        // Where the network's links end instead, to say so.
        let elsewhere: Vec<String> = self
            .model
            .nodes()
            .iter()
            .filter_map(|n| {
                let (to, vgw, tgw) = match &n.kind {
                    NodeKind::Vpn(v) => (v.to.as_ref(), v.vgw.as_ref(), v.tgw.as_ref()),
                    NodeKind::Dx(d) => (d.to.as_ref(), d.vgw.as_ref(), d.tgw.as_ref()),
                    _ => return None,
                };
                if to.is_none_or(|t| t.value != onprem) {
                    return None;
                }
                let end = match (vgw, tgw) {
                    (Some(g), _) => format!("vpc `{}`", self.name(g.value)),
                    (None, Some(g)) => format!("transit gateway `{}`", self.name(g.value)),
                    (None, None) => "no gateway".to_string(),
                };
                Some(format!("`{}` ends on {end}", n.name))
            })
            .collect();
        let message = if elsewhere.is_empty() {
            format!("{what}: no `vpn` or `dx` connects `{on}`")
        } else {
            format!(
                "{what}: no `vpn` or `dx` to `{on}` ends on its virtual private gateway or on a transit gateway it is attached to ({})",
                elsewhere.join(", ")
            )
        };
        self.blocker(
            Reason::NoRouteToDestination,
            Cause::NoRoute,
            vpc,
            Forward,
            message,
            Some(format!(
                "connect vpc `{vn}` to `{on}`: `vpn NAME {{ to: {on}; vgw: {vn} }}`, or a `tgw` that attaches both"
            )),
        )
    }

    /// Into a VPC from outside it: the target must be a public entry point.
    fn outside_in(&self, leg: &mut Proof, from: NodeId, to: NodeId, t: NodeId, ports: &[PortRange], who: Who) {
        let Some(node) = self.model.get(to) else { return };
        let eph = ephemeral(ports);
        let zero = Cidr::new(0, 0);
        let tier = address::tier(self.model, t);
        let (tn, sn) = (node.name.clone(), self.name(t));
        if tier == Some(Tier::Public) && address::public_ip(node) {
            let Some(rt) = self.route_table(leg, t, Forward) else { return };
            match lookup(rt, Dst::Internet).map(|r| r.target) {
                Some(RouteTarget::InternetGateway(g)) => {
                    self.hop(leg, Forward, g, "igw", || format!("to the public address of {tn}"));
                    self.hop(leg, Return, t, "subnet", || "route 0.0.0.0/0 -> igw".to_string());
                    self.hop(leg, Return, g, "igw", || "from the public address".to_string());
                }
                _ => leg.blockers.push(self.blocker(
                    Reason::NoRouteToDestination,
                    Cause::NoRoute,
                    t,
                    Forward,
                    format!(
                        "public subnet `{sn}` has no route to an internet gateway, so nothing outside reaches `{tn}`"
                    ),
                    Some(format!("add `igw` to vpc `{}`", self.name(rt.vpc))),
                )),
            }
        } else {
            let why = match tier {
                Some(Tier::Public) => format!("`{tn}` has no public address"),
                Some(t) => format!("`{tn}` stands in {} subnet `{sn}`", t.as_str()),
                None => format!("`{tn}` has no public address"),
            };
            leg.blockers.push(self.blocker(
                Reason::IgwPrivateIpAssociationForIngress,
                Cause::EntryPoint,
                to,
                Forward,
                format!("{why}: nothing outside its VPC reaches it from `{}`", self.name(from)),
                Some(format!(
                    "put a public entry point in front: an internet-facing `alb NAME in PUBLIC_SUBNETS {{ listen: 443 }}` with `{} -> NAME` and `NAME -> {tn}`, or CloudFront or API Gateway",
                    self.name(from)
                )),
            ));
        }
        self.acl(leg, t, true, Remote::Internet, ports, Forward, zero);
        self.sg(leg, to, SgSource::Outside(who), ports);
        self.acl(leg, t, false, Remote::Internet, &eph, Return, zero);
    }

    /// A flow out of a managed service: an integration, one of the network
    /// pairs into a VPC, or invalid (E0406).
    fn managed(&self, proof: &mut Proof, from: NodeId, to: NodeId, ports: &[PortRange], flow: Option<FlowIndex>) {
        let (Some(src), Some(dst)) = (self.model.get(from), self.model.get(to)) else { return };
        let (fk, tk) = (src.kind(), dst.kind());
        if is_integration(fk, tk) {
            let permission = match flow {
                Some(f) => self.permission_of.get(f).copied().flatten().and_then(|i| self.plan.permissions.get(i)),
                None => self.plan.permissions.iter().find(|p| p.source == from && p.target == to),
            };
            match permission {
                Some(p) => self.hop(proof, Forward, to, "permission", || {
                    let actions =
                        if p.actions.is_empty() { String::new() } else { format!(" {}", p.actions.join(", ")) };
                    format!("{}: {}{actions}", p.integration, p.principal)
                }),
                None => proof.blockers.push(self.blocker(
                    Reason::NotModelled,
                    Cause::NotProven,
                    to,
                    Forward,
                    format!("the plan has no permission for `{}` -> `{}`", src.name, dst.name),
                    None,
                )),
            }
            return;
        }
        if is_network_pair(fk, tk) {
            if let End::Vpc { subnets, .. } = classify(self.model, to, true) {
                let internal = matches!(&dst.kind, NodeKind::Alb(lb) | NodeKind::Nlb(lb) if !lb.internet_facing);
                if fk == Kind::Cloudfront && internal {
                    proof.blockers.push(self.blocker(
                        Reason::NotModelled,
                        Cause::NotProven,
                        to,
                        Forward,
                        format!("CloudFront to internal load balancer `{}` (a VPC origin) is not modelled", dst.name),
                        Some(format!("make `{}` internet-facing in public subnets", dst.name)),
                    ));
                    return;
                }
                let pairs: Vec<_> = subnets.iter().map(|&t| (t, t)).collect();
                self.pairs(proof, from, &pairs, |leg, (t, _)| {
                    if fk == Kind::Cloudfront {
                        self.outside_in(leg, from, to, t, ports, Who::CloudFront);
                    } else {
                        self.hop(leg, Forward, from, "vpc-link", || format!("VPC link of {}", src.name));
                        self.sg(leg, to, SgSource::Outside(Who::VpcLink(from)), ports);
                        self.hop(leg, Return, from, "vpc-link", || "replies over the VPC link".to_string());
                    }
                });
                return;
            }
        }
        let list: Vec<&str> = valid_targets(fk).iter().map(|k| k.keyword()).collect();
        let help = if list.is_empty() {
            format!(
                "{} starts no flows: draw the flow from the resource that calls it, or the other way round (`{} -> {}`)",
                fk.a(),
                dst.name,
                src.name
            )
        } else {
            let mut h = format!(
                "{} sends only to {}",
                fk.a(),
                list.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
            );
            if let Some(i) = crate::plan::integrations::integration(tk, fk) {
                h.push_str(&format!(
                    "; the other way round, `{} -> {}` ({}) is valid",
                    dst.name, src.name, i.integration
                ));
            }
            h
        };
        proof.blockers.push(self.blocker(
            Reason::InvalidIntegration,
            Cause::InvalidIntegration,
            from,
            Forward,
            format!(
                "`{}` ({}) -> `{}` ({}) is not an integration AWS runs",
                src.name,
                fk.keyword(),
                dst.name,
                tk.keyword()
            ),
            Some(help),
        ));
    }
}

/// The ports of database, cache and file-system engines: an ACL rule that
/// opens one of them to 0.0.0.0/0 is never offered as a fix (the flow
/// itself is the mistake: E0603, W0606).
const DATA_PORTS: [(u16, &str); 8] = [
    (5432, "PostgreSQL"),
    (3306, "MySQL"),
    (6379, "Redis"),
    (11211, "Memcached"),
    (27017, "MongoDB"),
    (1433, "SQL Server"),
    (1521, "Oracle"),
    (2049, "NFS"),
];

/// The engine whose port allowing `ports` from or to `cidr` would open to
/// the whole internet, if any. The replies' range (from 1024 or above up to
/// 65535) opens no engine's port, however many ports it spans.
fn data_port_opened_to_world(ports: PortRange, cidr: Cidr) -> Option<&'static str> {
    if cidr.prefix != 0 || (ports.from >= 1024 && ports.to == u16::MAX) {
        return None;
    }
    DATA_PORTS.iter().find(|(p, _)| (ports.from..=ports.to).contains(p)).map(|(_, name)| *name)
}

#[cfg(test)]
mod tests {
    use super::data_port_opened_to_world as wide;
    use crate::model::cidr::Cidr;
    use crate::model::ports::{PortRange, Protocol};

    #[test]
    fn a_database_port_opened_to_the_internet_is_named() {
        let any = Cidr::new(0, 0).expect("0.0.0.0/0");
        let vpc = Cidr::new(0x0a00_0100, 24).expect("10.0.1.0/24");
        let tcp = |from, to| PortRange { protocol: Protocol::Tcp, from, to };
        assert_eq!(wide(tcp(5432, 5432), any), Some("PostgreSQL"));
        assert_eq!(wide(tcp(6379, 6379), any), Some("Redis"));
        assert_eq!(wide(tcp(3300, 3310), any), Some("MySQL"));
        assert_eq!(wide(PortRange { protocol: Protocol::All, from: 0, to: u16::MAX }, any), Some("PostgreSQL"));
        // From a block of the VPC, the reply range, or a web port: fine.
        assert_eq!(wide(tcp(5432, 5432), vpc), None);
        assert_eq!(wide(tcp(1024, u16::MAX), any), None);
        assert_eq!(wide(tcp(443, 443), any), None);
    }
}
