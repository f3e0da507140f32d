//! A deliberately naive second prover: it walks ONE concrete packet hop by
//! hop through the [`Plan`] and says whether it arrives, forward and back.
//!
//! It shares no logic with `archc_core::reach`: only the plan (route tables,
//! ACL entries, security groups, permissions) and the model (kinds, tiers,
//! placement) are read, and every decision is made here again, the slow and
//! obvious way:
//! - addresses are concrete: a resource stands at the 5th address of each of
//!   its subnets; the internet is 198.51.100.7; a service is an address in a
//!   pretend range of its region (s3 and dynamodb inside the range their
//!   prefix list stands for);
//! - a route table lookup tries every route and keeps the longest that
//!   contains the address (its own mask arithmetic, not `Cidr::contains`);
//! - a NACL is evaluated by trying concrete ports: every port of the flow's
//!   ranges forward, and for replies every boundary of every entry inside
//!   1024..=65535 (the decision is constant between boundaries, so this is
//!   the same as trying all 64,512 ports);
//! - a security group admits a port when some ingress rule's peer matches
//!   the concrete source and its range holds the port.

use archc_core::model::cidr::Cidr;
use archc_core::model::kinds::Kind;
use archc_core::model::ports::{PortRange, Protocol};
use archc_core::model::{Action, EndpointType, Model, NatMode, NodeId, NodeKind, Tier};
use archc_core::plan::{AclEntry, AttachmentTarget, Destination, GatewayService, Plan, RouteTarget, SgPeer};

/// What the walker concluded about one flow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub forward: bool,
    pub back: bool,
    /// Each check that failed, for the report on a disagreement.
    pub why: Vec<String>,
    /// The kinds of hop the packet took (`local`, `peering`, `igw`, `nat`,
    /// `regional-nat`, `endpoint`, `entry`, `integration`, `direct`, `tgw`), so a
    /// test can see that every kind of path was walked.
    pub paths: Vec<&'static str>,
}

pub const INTERNET: u32 = ip(198, 51, 100, 7);
/// A Lambda function outside any VPC: an address of AWS's public space.
pub const OUTSIDE_LAMBDA: u32 = ip(203, 0, 113, 77);
/// A CloudFront edge server fetching from its origin (the origin-facing
/// prefix list's space).
pub const CLOUDFRONT: u32 = ip(130, 176, 0, 9);
const EPHEMERAL: (u16, u16) = (1024, 65535);

pub const fn ip(a: u8, b: u8, c: u8, d: u8) -> u32 {
    (a as u32) << 24 | (b as u32) << 16 | (c as u32) << 8 | d as u32
}

fn dotted(a: u32) -> String {
    let [x, y, z, w] = a.to_be_bytes();
    format!("{x}.{y}.{z}.{w}")
}

/// Whether `addr` lies in the block `c` denotes (own arithmetic).
fn inside(c: Cidr, addr: u32) -> bool {
    let bits = u32::from(c.prefix);
    if bits == 0 {
        return true;
    }
    let shift = 32 - bits;
    (addr >> shift) == (c.address() >> shift)
}

/// The pretend ranges of a region's public service endpoints: region number
/// `r` (its order among the design's regions). s3 and dynamodb are the
/// ranges their managed prefix lists hold.
fn s3_range(r: usize) -> (u32, u8) {
    (ip(52, 216, r as u8, 0), 24)
}
fn dynamodb_range(r: usize) -> (u32, u8) {
    (ip(52, 94, r as u8, 0), 24)
}
fn other_service(r: usize, kind: Kind) -> u32 {
    ip(54, 240, r as u8, kind as u8)
}

/// Where one end of a flow stands.
#[derive(Clone, Debug)]
enum End {
    /// In a VPC: the node, and per subnet (subnet, address).
    InVpc(NodeId, Vec<(NodeId, u32)>),
    Internet,
    /// A Lambda function with no subnets.
    OutsideLambda(NodeId),
    /// A CloudFront distribution (as an origin's client).
    Cdn(NodeId),
    /// An `onprem` network: the node, at the 5th address of its block.
    OnPrem(NodeId, u32),
    /// A regional service, at its public address.
    Service(Kind, u32, Option<NodeId>),
}

struct Walk<'a> {
    m: &'a Model,
    p: &'a Plan,
    why: Vec<String>,
    paths: Vec<&'static str>,
    /// The flow's ports.
    ports: Vec<PortRange>,
}

/// Walks flow `flow` of `m` through `p`. None when the flow is of a shape
/// this walker does not model (it is then left out of the comparison).
pub fn walk(m: &Model, p: &Plan, flow: usize) -> Option<Verdict> {
    let f = m.flows().get(flow)?;
    let mut w = Walk { m, p, why: Vec::new(), paths: Vec::new(), ports: f.ports.clone() };
    let from = w.end(f.from.value)?;
    let to = w.end(f.to.value)?;
    let ports = f.ports.clone();
    if ports.iter().any(|r| !matches!(r.protocol, Protocol::Tcp | Protocol::Udp)) {
        return None;
    }
    let (forward, back) = match (&from, &to) {
        (End::InVpc(a, sa), End::InVpc(b, sb)) => {
            let (mut fw, mut bk) = (true, true);
            for &(ss, src) in sa {
                for &(ds, dst) in sb {
                    fw &= w.vpc_to_vpc_forward(*a, ss, src, *b, ds, dst, &ports);
                    bk &= w.vpc_to_vpc_back(ss, src, ds, dst);
                }
            }
            (fw, bk)
        }
        (End::InVpc(a, sa), End::Internet) => {
            let (mut fw, mut bk) = (true, true);
            for &(ss, src) in sa {
                let (f, b) = w.out_to_public(*a, ss, src, INTERNET, &ports, None);
                fw &= f;
                bk &= b;
            }
            (fw, bk)
        }
        (End::InVpc(a, sa), End::Service(kind, addr, region)) => {
            // A DNS decision first: an interface endpoint of the service in
            // the VPC (and no gateway endpoint for it) takes the connection
            // inside the VPC, on tcp/443.
            if let Some((ep, at)) = w.interface_endpoint(*a, *kind, *region) {
                w.paths.push("interface-endpoint");
                let https = [PortRange::tcp(443)];
                w.ports = https.to_vec();
                let (mut fw, mut bk) = (true, true);
                for &(ss, src) in sa {
                    for &(ds, dst) in &at {
                        fw &= w.vpc_to_vpc_forward(*a, ss, src, ep, ds, dst, &https);
                        bk &= w.vpc_to_vpc_back(ss, src, ds, dst);
                    }
                }
                return Some(Verdict { forward: fw, back: bk, why: w.why, paths: w.paths });
            }
            let (mut fw, mut bk) = (true, true);
            for &(ss, src) in sa {
                let (f, b) = w.out_to_public(*a, ss, src, *addr, &ports, Some(*kind));
                fw &= f;
                bk &= b;
            }
            (fw, bk)
        }
        (End::InVpc(a, sa), End::OnPrem(o, addr)) => {
            let (mut fw, mut bk) = (true, true);
            for &(ss, src) in sa {
                fw &= w.acl(ss, false, *addr, &ports, "forward");
                fw &= w.route_to_onprem(ss, *addr, *o, "forward");
                bk &= w.acl_ephemeral(ss, true, *addr, "return");
                let _ = (a, src);
            }
            (fw, bk)
        }
        (End::OnPrem(o, addr), End::InVpc(b, sb)) => {
            let (mut fw, mut bk) = (true, true);
            for &(ds, _) in sb {
                // In through the VGW or the TGW: a link from the network
                // must lead into the target's VPC; then the target's ACL
                // and group; the replies need the route back to it.
                let dst = sb.iter().find(|x| x.0 == ds).map_or(0, |x| x.1);
                fw &= w.link_from_onprem(*o, *b, dst);
                fw &= w.acl(ds, true, *addr, &ports, "forward");
                fw &= w.sg_admits(*b, Some(*o), *addr, &ports);
                bk &= w.acl_ephemeral(ds, false, *addr, "return");
                bk &= w.route_to_onprem(ds, *addr, *o, "return");
            }
            (fw, bk)
        }
        (End::Internet, End::InVpc(b, sb)) => w.entering_vpc(None, INTERNET, *b, sb, &ports),
        (End::Cdn(d), End::InVpc(b, sb)) => {
            // CloudFront to an internal load balancer (a VPC origin) is
            // outside the model (plan-spec): left out of the comparison.
            if matches!(&m.get(*b)?.kind, NodeKind::Alb(lb) | NodeKind::Nlb(lb) if !lb.internet_facing) {
                return None;
            }
            // An origin fetch: from CloudFront's edge, so the origin must be
            // a public entry point; its group admits CloudFront's prefix list.
            w.paths.push("cloudfront");
            w.entering_vpc(Some(*d), CLOUDFRONT, *b, sb, &ports)
        }
        (End::OutsideLambda(l), End::InVpc(b, sb)) => w.entering_vpc(Some(*l), OUTSIDE_LAMBDA, *b, sb, &ports),
        (End::OutsideLambda(_), End::Service(..) | End::Internet) => {
            w.paths.push("direct");
            (true, true)
        }
        (End::Service(..), _) | (End::Cdn(_), End::Service(..)) => {
            w.paths.push("integration");
            // An integration: AWS runs it under a permission, not a route.
            // No network reply travels back, so nothing can stop one: a
            // missing permission stops it forward only.
            let ok = p.permissions.iter().any(|q| q.flow == flow);
            if !ok {
                w.why.push("no permission for the integration".into());
            }
            (ok, true)
        }
        _ => return None,
    };
    w.paths.sort_unstable();
    w.paths.dedup();
    Some(Verdict { forward, back, why: w.why, paths: w.paths })
}

impl Walk<'_> {
    fn end(&self, n: NodeId) -> Option<End> {
        let node = self.m.get(n)?;
        match node.kind() {
            Kind::Internet | Kind::Users => return Some(End::Internet),
            Kind::Lambda if node.placement.is_empty() => return Some(End::OutsideLambda(n)),
            Kind::Cloudfront => return Some(End::Cdn(n)),
            Kind::Onprem => {
                let NodeKind::Onprem(o) = &node.kind else { return None };
                let block = o.cidr.as_ref()?.value;
                return Some(End::OnPrem(n, (block.address() & !host_mask(block.prefix)) + 4));
            }
            Kind::S3 | Kind::Sqs | Kind::Sns | Kind::Dynamodb | Kind::Kinesis | Kind::Stepfn | Kind::Eventbridge => {
                let r = self.region_number(node.region?);
                let addr = match node.kind() {
                    Kind::S3 => s3_range(r).0 + 9,
                    Kind::Dynamodb => dynamodb_range(r).0 + 9,
                    k => other_service(r, k),
                };
                return Some(End::Service(node.kind(), addr, node.region));
            }
            _ => {}
        }
        if node.placement.is_empty() {
            return None;
        }
        let mut at = Vec::new();
        for &s in &node.placement {
            let NodeKind::Subnet(sub) = &self.m.get(s)?.kind else { return None };
            let block = sub.cidr.cidr()?;
            let base = block.address() & !host_mask(block.prefix);
            at.push((s, base + 4));
        }
        Some(End::InVpc(n, at))
    }

    /// The interface endpoint a resource in VPC `vpc of a` reaches a
    /// service of `kind` in `region` through, with its (subnet, address)s:
    /// one whose service is the kind's AWS service name, when the service is
    /// in the VPC's region and no gateway endpoint serves it.
    fn interface_endpoint(
        &self,
        a: NodeId,
        kind: Kind,
        region: Option<NodeId>,
    ) -> Option<(NodeId, Vec<(NodeId, u32)>)> {
        let vpc = self.vpc_of(a)?;
        if self.m.get(vpc)?.region != region {
            return None;
        }
        let name = match kind {
            Kind::S3 => "s3",
            Kind::Dynamodb => "dynamodb",
            Kind::Sqs => "sqs",
            Kind::Sns => "sns",
            Kind::Kinesis => "kinesis-streams",
            Kind::Stepfn => "states",
            Kind::Eventbridge => "events",
            _ => return None,
        };
        let endpoints = |t: EndpointType| {
            self.m.nodes().iter().enumerate().filter(move |(_, n)| {
                n.vpc == Some(vpc)
                    && matches!(&n.kind, NodeKind::Endpoint(e)
                        if e.endpoint_type.as_ref().is_some_and(|x| x.value == t)
                        && e.service.as_ref().is_some_and(|s| s.value == name))
            })
        };
        if endpoints(EndpointType::Gateway).next().is_some() {
            return None;
        }
        let (i, _) = endpoints(EndpointType::Interface).next()?;
        match self.end(NodeId(i))? {
            End::InVpc(ep, at) => Some((ep, at)),
            _ => None,
        }
    }

    fn region_number(&self, region: NodeId) -> usize {
        self.m
            .nodes()
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind() == Kind::Region)
            .position(|(i, _)| i == region.0)
            .unwrap_or(0)
    }

    fn vpc_of(&self, n: NodeId) -> Option<NodeId> {
        self.m.get(n)?.vpc
    }

    fn name(&self, n: NodeId) -> String {
        self.m.get(n).map_or_else(|| format!("#{}", n.0), |n| n.id.clone())
    }

    fn fail(&mut self, what: String) -> bool {
        self.why.push(what);
        false
    }

    /// The route the subnet's table sends `addr` by: the longest destination
    /// holding it, the first of equals.
    fn lookup(&self, subnet: NodeId, addr: u32) -> Option<RouteTarget> {
        let table = self.p.route_tables.iter().find(|t| t.subnet == subnet)?;
        let region = self.m.get(table.vpc).and_then(|v| v.region).map_or(0, |r| self.region_number(r));
        let mut best: Option<(u8, RouteTarget)> = None;
        for route in &table.routes {
            let (base, len) = match route.destination {
                Destination::Cidr(c) => (c.address(), c.prefix),
                Destination::PrefixList(GatewayService::S3) => s3_range(region),
                Destination::PrefixList(GatewayService::DynamoDb) => dynamodb_range(region),
            };
            let block = Cidr::new(base & !host_mask(len), len)?;
            if inside(block, addr) && best.is_none_or(|(l, _)| len > l) {
                best = Some((len, route.target));
            }
        }
        best.map(|(_, t)| t)
    }

    fn acl_of(&self, subnet: NodeId) -> Option<&archc_core::plan::NetworkAcl> {
        self.p.network_acls.iter().find(|a| a.subnets.contains(&subnet))
    }

    /// Whether a NACL's entries let one packet through.
    fn acl_passes(entries: &[AclEntry], remote: u32, proto: Protocol, port: u16) -> bool {
        for e in entries {
            // Protocol `all` (-1) carries no port range: every port.
            let all = e.ports.protocol == Protocol::All;
            let port_ok = all || (e.ports.from <= port && port <= e.ports.to);
            if inside(e.cidr, remote) && (all || e.ports.protocol == proto) && port_ok {
                return e.action == Action::Allow;
            }
        }
        false
    }

    /// Whether the subnet's ACL lets every port of `ranges` through one way.
    fn acl(&mut self, subnet: NodeId, inbound: bool, remote: u32, ranges: &[PortRange], what: &str) -> bool {
        let Some(acl) = self.acl_of(subnet) else {
            return self.fail(format!("{what}: subnet {} has no ACL", self.name(subnet)));
        };
        let entries = if inbound { &acl.inbound } else { &acl.outbound };
        for r in ranges {
            for port in r.from..=r.to {
                if !Self::acl_passes(entries, remote, r.protocol, port) {
                    let dir = if inbound { "in" } else { "out" };
                    return self.fail(format!(
                        "{what}: ACL of {} ({dir}) stops {}/{port} {} {}",
                        self.name(subnet),
                        if r.protocol == Protocol::Udp { "udp" } else { "tcp" },
                        if inbound { "from" } else { "to" },
                        dotted(remote)
                    ));
                }
            }
        }
        true
    }

    /// Replies on every ephemeral port: tried at every boundary of every
    /// entry inside the range (exhaustive, as the decision is constant
    /// between boundaries).
    fn acl_ephemeral(&mut self, subnet: NodeId, inbound: bool, remote: u32, what: &str) -> bool {
        let Some(acl) = self.acl_of(subnet) else {
            return self.fail(format!("{what}: subnet {} has no ACL", self.name(subnet)));
        };
        let entries = if inbound { &acl.inbound } else { &acl.outbound };
        let mut ports = vec![EPHEMERAL.0, EPHEMERAL.1];
        for e in entries {
            for q in [e.ports.from.saturating_sub(1), e.ports.from, e.ports.to, e.ports.to.saturating_add(1)] {
                if (EPHEMERAL.0..=EPHEMERAL.1).contains(&q) {
                    ports.push(q);
                }
            }
        }
        // Replies go back in the protocol of each of the flow's ranges.
        let mut protos: Vec<Protocol> = self.ports.iter().map(|r| r.protocol).collect();
        protos.dedup();
        for (proto, port) in protos.iter().flat_map(|p| ports.iter().map(move |q| (*p, *q))) {
            if !Self::acl_passes(entries, remote, proto, port) {
                let dir = if inbound { "in" } else { "out" };
                return self.fail(format!(
                    "{what}: ACL of {} ({dir}) stops reply {proto:?}/{port} {} {}",
                    self.name(subnet),
                    if inbound { "from" } else { "to" },
                    dotted(remote)
                ));
            }
        }
        true
    }

    /// Whether `target`'s security group admits every port of `ranges` from
    /// `source` (a node, or None for the internet) at `addr`.
    fn sg_admits(&mut self, target: NodeId, source: Option<NodeId>, addr: u32, ranges: &[PortRange]) -> bool {
        let Some(sg) = self.p.security_groups.iter().find(|g| g.owner == target) else {
            return self.fail(format!("{} has no security group", self.name(target)));
        };
        for r in ranges {
            for port in r.from..=r.to {
                let admitted = sg.ingress.iter().any(|rule| {
                    let proto_ok = rule.ports.protocol == Protocol::All || rule.ports.protocol == r.protocol;
                    let port_ok = rule.ports.from <= port && port <= rule.ports.to;
                    let peer_ok = match rule.peer {
                        SgPeer::Group(g) => Some(g) == source,
                        SgPeer::Cidr(c) => inside(c, addr),
                        SgPeer::CloudFrontOrigins => {
                            source.is_some_and(|s| self.m.get(s).is_some_and(|n| n.kind() == Kind::Cloudfront))
                        }
                        SgPeer::VpcLink(api) => Some(api) == source,
                    };
                    proto_ok && port_ok && peer_ok
                });
                if !admitted {
                    return self.fail(format!(
                        "security group of {} stops port {port} from {}",
                        self.name(target),
                        dotted(addr)
                    ));
                }
            }
        }
        true
    }

    /// Whether a resource in `subnet` has a public IPv4 address.
    fn public_ip(&self, node: NodeId, subnet: NodeId) -> bool {
        let public_subnet = matches!(&self.m.get(subnet).map(|s| &s.kind),
            Some(NodeKind::Subnet(s)) if s.tier.as_ref().is_some_and(|t| t.value == Tier::Public));
        let Some(n) = self.m.get(node) else { return false };
        let kind_has = match &n.kind {
            NodeKind::Lambda(_)
            | NodeKind::Rds(_)
            | NodeKind::Aurora(_)
            | NodeKind::Elasticache(_)
            | NodeKind::Efs(_) => false,
            NodeKind::Endpoint(_) => false,
            NodeKind::Alb(lb) | NodeKind::Nlb(lb) => lb.internet_facing,
            NodeKind::Ec2(e) => e.public_ip.as_ref().is_none_or(|p| p.value),
            _ => true,
        };
        public_subnet && kind_has
    }

    #[allow(clippy::too_many_arguments)]
    fn vpc_to_vpc_forward(
        &mut self,
        a: NodeId,
        ss: NodeId,
        src: u32,
        b: NodeId,
        ds: NodeId,
        dst: u32,
        ports: &[PortRange],
    ) -> bool {
        let mut ok = true;
        if ss != ds {
            ok &= self.acl(ss, false, dst, ports, "forward");
        }
        ok &= self.crosses(ss, dst, self.vpc_of(a), self.vpc_of(b), "forward");
        if ss != ds {
            ok &= self.acl(ds, true, src, ports, "forward");
        }
        ok &= self.sg_admits(b, Some(a), src, ports);
        ok
    }

    fn vpc_to_vpc_back(&mut self, ss: NodeId, src: u32, ds: NodeId, dst: u32) -> bool {
        let mut ok = true;
        if ss != ds {
            ok &= self.acl_ephemeral(ds, false, src, "return");
        }
        let (va, vb) = (self.vpc_of(ss), self.vpc_of(ds));
        ok &= self.crosses(ds, src, vb, va, "return");
        if ss != ds {
            ok &= self.acl_ephemeral(ss, true, dst, "return");
        }
        ok
    }

    /// Whether the route `subnet` (in VPC `here`) takes to `addr` leads into
    /// VPC `there`: local inside one VPC, or a peering that joins the two.
    fn crosses(&mut self, subnet: NodeId, addr: u32, here: Option<NodeId>, there: Option<NodeId>, what: &str) -> bool {
        match self.lookup(subnet, addr) {
            Some(RouteTarget::Local) if here == there => {
                self.paths.push("local");
                true
            }
            Some(RouteTarget::Peering(i)) => {
                self.paths.push("peering");
                let joins = self.m.peerings().get(i).is_some_and(|p| {
                    let (l, r) = (Some(p.left.value), Some(p.right.value));
                    (l == here && r == there) || (l == there && r == here)
                });
                joins || self.fail(format!("{what}: peering #{i} from {} does not join the VPCs", self.name(subnet)))
            }
            Some(RouteTarget::TransitGateway(g)) => {
                self.paths.push("tgw");
                self.through_tgw(g, subnet, addr, here, there, what)
            }
            t => self.fail(format!("{what}: route of {} to {} is {t:?}", self.name(subnet), dotted(addr))),
        }
    }

    /// Whether the route `subnet` takes to `addr` (in on-premises network
    /// `o`) leads there: a VGW of a vpn/dx to `o` on this VPC, or a transit
    /// gateway whose table sends it to a vpn/dx attachment to `o`.
    fn route_to_onprem(&mut self, subnet: NodeId, addr: u32, o: NodeId, what: &str) -> bool {
        let to_of = |n: NodeId| match self.m.get(n).map(|n| &n.kind) {
            Some(NodeKind::Vpn(v)) => v.to.as_ref().map(|t| t.value),
            Some(NodeKind::Dx(d)) => d.to.as_ref().map(|t| t.value),
            _ => None,
        };
        match self.lookup(subnet, addr) {
            Some(RouteTarget::VirtualPrivateGateway(x)) => {
                self.paths.push("vgw");
                to_of(x) == Some(o) || self.fail(format!("{what}: VGW route to a link not to {}", self.name(o)))
            }
            Some(RouteTarget::TransitGateway(g)) => {
                self.paths.push("tgw-onprem");
                let region_of = |n: Option<NodeId>| n.and_then(|n| self.m.get(n)).and_then(|n| n.region);
                let here = self.vpc_of(subnet);
                let Some(gw) = self.p.transit_gateways.iter().find(|t| t.tgw == g) else {
                    return self.fail(format!("{what}: no plan for {}", self.name(g)));
                };
                if region_of(Some(g)) != region_of(here)
                    || !gw.attachments.iter().any(|a| here.is_some_and(|h| a.target == AttachmentTarget::Vpc(h)))
                {
                    return self.fail(format!("{what}: {} does not serve this VPC", self.name(g)));
                }
                // The gateway's table, then (one TGW peering hop at most:
                // its routes are static and not transitive) the peer's,
                // must send the address to a link to `o`.
                let mut table = gw;
                for hop in 0..2 {
                    let mut best: Option<(u8, usize)> = None;
                    for r in &table.routes {
                        if inside(r.destination, addr) && best.is_none_or(|(l, _)| r.destination.prefix > l) {
                            best = Some((r.destination.prefix, r.attachment));
                        }
                    }
                    match best.and_then(|(_, i)| table.attachments.get(i)).map(|a| a.target) {
                        Some(AttachmentTarget::Vpn(x) | AttachmentTarget::DirectConnect(x)) if to_of(x) == Some(o) => {
                            return true;
                        }
                        Some(AttachmentTarget::Peer(h)) if hop == 0 => {
                            self.paths.push("tgw-peer");
                            let Some(next) = self.p.transit_gateways.iter().find(|t| t.tgw == h) else {
                                return self.fail(format!("{what}: no plan for peer {}", self.name(h)));
                            };
                            table = next;
                        }
                        t => {
                            return self.fail(format!(
                                "{what}: {} sends {} to {t:?}",
                                self.name(table.tgw),
                                dotted(addr)
                            ))
                        }
                    }
                }
                false
            }
            t => self.fail(format!("{what}: route of {} to {} is {t:?}", self.name(subnet), dotted(addr))),
        }
    }

    /// Whether on-premises network `o` has a way into the VPC of `b` to
    /// address `dst`: a vpn/dx to `o` whose `vgw` is that VPC, or one
    /// attached to a transit gateway whose table sends `dst` to the VPC's
    /// attachment (the gateway in the VPC's region), or to a peering
    /// attachment whose gateway's table does (one TGW peering hop).
    fn link_from_onprem(&mut self, o: NodeId, b: NodeId, dst: u32) -> bool {
        let vpc = self.vpc_of(b);
        let links: Vec<(NodeId, Option<NodeId>, Option<NodeId>)> = self
            .m
            .nodes()
            .iter()
            .enumerate()
            .filter_map(|(i, n)| match &n.kind {
                NodeKind::Vpn(v) if v.to.as_ref().map(|t| t.value) == Some(o) => {
                    Some((NodeId(i), v.vgw.as_ref().map(|x| x.value), v.tgw.as_ref().map(|x| x.value)))
                }
                NodeKind::Dx(d) if d.to.as_ref().map(|t| t.value) == Some(o) => {
                    Some((NodeId(i), d.vgw.as_ref().map(|x| x.value), d.tgw.as_ref().map(|x| x.value)))
                }
                _ => None,
            })
            .collect();
        let region_of = |n: Option<NodeId>| n.and_then(|n| self.m.get(n)).and_then(|n| n.region);
        for (link, vgw, _) in &links {
            if vgw.is_some() && *vgw == vpc && region_of(Some(*link)) == region_of(vpc) {
                self.paths.push("vgw-in");
                return true;
            }
        }
        for gw in &self.p.transit_gateways {
            let has_link = gw.attachments.iter().any(|a| {
                matches!(a.target, AttachmentTarget::Vpn(x) | AttachmentTarget::DirectConnect(x) if links.iter().any(|l| l.0 == x))
            });
            if !has_link {
                continue;
            }
            let mut table = gw;
            for hop in 0..2 {
                let mut best: Option<(u8, usize)> = None;
                for r in &table.routes {
                    if inside(r.destination, dst) && best.is_none_or(|(l, _)| r.destination.prefix > l) {
                        best = Some((r.destination.prefix, r.attachment));
                    }
                }
                match best.and_then(|(_, i)| table.attachments.get(i)).map(|a| a.target) {
                    Some(AttachmentTarget::Vpc(v))
                        if Some(v) == vpc && region_of(Some(table.tgw)) == region_of(vpc) =>
                    {
                        self.paths.push("tgw-in");
                        return true;
                    }
                    Some(AttachmentTarget::Peer(h)) if hop == 0 => {
                        match self.p.transit_gateways.iter().find(|t| t.tgw == h) {
                            Some(next) => table = next,
                            None => break,
                        }
                    }
                    _ => break,
                }
            }
        }
        self.fail(format!("forward: no vpn or dx from {} leads into the VPC of {}", self.name(o), self.name(b)))
    }

    /// A packet from `subnet` (VPC `here`) handed to transit gateway `g`:
    /// the gateway must be in the VPC's region and attached to it with a
    /// subnet in the packet's zone; then its route table (longest prefix)
    /// sends `addr` to an attachment: VPC `there` in the gateway's region,
    /// or a peering attachment to another gateway, whose own table must
    /// send it to VPC `there` in that gateway's region (one peering hop:
    /// TGW peering routes are static and not transitive).
    fn through_tgw(
        &mut self,
        g: NodeId,
        subnet: NodeId,
        addr: u32,
        here: Option<NodeId>,
        there: Option<NodeId>,
        what: &str,
    ) -> bool {
        let region_of = |n: Option<NodeId>| n.and_then(|n| self.m.get(n)).and_then(|n| n.region);
        let zone_of = |s: NodeId| match self.m.get(s).map(|n| &n.kind) {
            Some(NodeKind::Subnet(sub)) => sub.zone,
            _ => None,
        };
        let Some(gw) = self.p.transit_gateways.iter().find(|t| t.tgw == g) else {
            return self.fail(format!("{what}: no plan for transit gateway {}", self.name(g)));
        };
        if region_of(Some(g)) != region_of(here) {
            return self.fail(format!("{what}: transit gateway {} is in another region", self.name(g)));
        }
        let zone = zone_of(subnet);
        let entered = gw.attachments.iter().any(|a| {
            a.target == AttachmentTarget::Vpc(here.unwrap_or(NodeId(usize::MAX)))
                && a.subnets.iter().any(|s| zone.is_some() && zone_of(*s) == zone)
        });
        if !entered {
            return self.fail(format!(
                "{what}: {} has no attachment subnet in the zone of {}",
                self.name(g),
                self.name(subnet)
            ));
        }
        let mut table = gw;
        for _ in 0..2 {
            let mut best: Option<(u8, usize)> = None;
            for r in &table.routes {
                if inside(r.destination, addr) && best.is_none_or(|(l, _)| r.destination.prefix > l) {
                    best = Some((r.destination.prefix, r.attachment));
                }
            }
            let Some(att) = best.and_then(|(_, i)| table.attachments.get(i)) else {
                return self.fail(format!("{what}: {} has no route to {}", self.name(table.tgw), dotted(addr)));
            };
            match att.target {
                AttachmentTarget::Vpc(v) if Some(v) == there && region_of(Some(v)) == region_of(Some(table.tgw)) => {
                    return true;
                }
                AttachmentTarget::Peer(h) if table.tgw == g => {
                    let Some(next) = self.p.transit_gateways.iter().find(|t| t.tgw == h) else {
                        return self.fail(format!("{what}: no plan for peer {}", self.name(h)));
                    };
                    table = next;
                }
                t => {
                    return self.fail(format!("{what}: {} sends {} to {t:?}", self.name(table.tgw), dotted(addr)));
                }
            }
        }
        self.fail(format!("{what}: more than one TGW peering hop to {}", dotted(addr)))
    }

    /// A VPC resource opening a connection to a public address (the
    /// internet, or a service's endpoint). Forward and back.
    fn out_to_public(
        &mut self,
        a: NodeId,
        ss: NodeId,
        src: u32,
        addr: u32,
        ports: &[PortRange],
        service: Option<Kind>,
    ) -> (bool, bool) {
        let mut fw = self.acl(ss, false, addr, ports, "forward");
        let mut bk = self.acl_ephemeral(ss, true, addr, "return");
        match self.lookup(ss, addr) {
            Some(RouteTarget::InternetGateway(_)) => {
                self.paths.push("igw");
                if !self.public_ip(a, ss) {
                    fw = self.fail(format!("forward: {} has no public IP in {}", self.name(a), self.name(ss)));
                }
            }
            Some(RouteTarget::GatewayEndpoint(ep)) => {
                self.paths.push("endpoint");
                if !self.serves(ep, service) {
                    fw = self.fail("forward: gateway endpoint does not serve the address".into());
                }
            }
            Some(RouteTarget::NatGateway(nat)) => {
                let Some(NodeKind::Nat(n)) = self.m.get(nat).map(|n| &n.kind) else {
                    return (self.fail("forward: NAT route to a non-NAT".into()), false);
                };
                let (mode, nat_subnet) = (n.mode.value, n.subnet);
                self.paths.push(if mode == NatMode::Regional { "regional-nat" } else { "nat" });
                if mode == NatMode::Regional {
                    let vpc = self.vpc_of(ss);
                    let igw = self.m.nodes().iter().any(|x| x.kind() == Kind::Igw && x.vpc == vpc && vpc.is_some());
                    if !igw {
                        fw = self.fail("forward: regional NAT in a VPC with no igw".into());
                    }
                } else if let Some(ns) = nat_subnet {
                    if ns != ss {
                        fw &= self.acl(ns, true, src, ports, "forward (NAT subnet)");
                    }
                    // The NAT gateway's packet follows its subnet's table: to
                    // the igw, or (to S3 or DynamoDB) a gateway endpoint there.
                    match self.lookup(ns, addr) {
                        Some(RouteTarget::InternetGateway(_)) => {}
                        Some(RouteTarget::GatewayEndpoint(ep)) if self.serves(ep, service) => {}
                        _ => fw = self.fail(format!("forward: NAT subnet {} has no route to the igw", self.name(ns))),
                    }
                    fw &= self.acl(ns, false, addr, ports, "forward (NAT subnet)");
                    bk &= self.acl_ephemeral(ns, true, addr, "return (NAT subnet)");
                    if ns != ss {
                        bk &= self.acl_ephemeral(ns, false, src, "return (NAT subnet)");
                    }
                } else {
                    fw = self.fail("forward: zonal NAT without a subnet".into());
                }
            }
            t => {
                fw = self.fail(format!("forward: route of {} to {} is {t:?}", self.name(ss), dotted(addr)));
            }
        }
        (fw, bk)
    }

    /// Whether gateway endpoint `ep` serves the service of kind `service`.
    fn serves(&self, ep: NodeId, service: Option<Kind>) -> bool {
        match (&self.m.get(ep).map(|n| &n.kind), service) {
            (Some(NodeKind::Endpoint(e)), Some(k)) => {
                let s = e.service.as_ref().map(|s| s.value.as_str());
                (s == Some("s3") && k == Kind::S3) || (s == Some("dynamodb") && k == Kind::Dynamodb)
            }
            _ => false,
        }
    }

    /// The internet (or a Lambda function outside any VPC) opening a
    /// connection to a VPC resource: it must be a public entry point.
    fn entering_vpc(
        &mut self,
        source: Option<NodeId>,
        addr: u32,
        b: NodeId,
        sb: &[(NodeId, u32)],
        ports: &[PortRange],
    ) -> (bool, bool) {
        let (mut fw, mut bk) = (true, true);
        self.paths.push("entry");
        for &(ds, _) in sb {
            let via_igw = matches!(self.lookup(ds, addr), Some(RouteTarget::InternetGateway(_)));
            if !via_igw || !self.public_ip(b, ds) {
                fw = self.fail(format!("forward: {} in {} is not a public entry point", self.name(b), self.name(ds)));
            }
            fw &= self.acl(ds, true, addr, ports, "forward");
            fw &= self.sg_admits(b, source, addr, ports);
            bk &= self.acl_ephemeral(ds, false, addr, "return");
        }
        (fw, bk)
    }
}

fn host_mask(prefix: u8) -> u32 {
    if prefix >= 32 {
        0
    } else {
        u32::MAX >> prefix
    }
}
