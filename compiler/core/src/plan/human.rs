//! The plan's human form: what `archc plan FILE` prints (docs/plan.md shows
//! it). Per VPC: each subnet's route table (`destination -> target`), the
//! network ACLs in rule order, the security groups with the flow each rule
//! comes from; then the transit gateways and the permissions. Nodes are
//! named by their name, or by their qualified id where two share a name.
//! Byte-stable: everything follows the plan's order.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{
    AclEntry, AttachmentTarget, Destination, GatewayService, Plan, RouteTarget, SecurityGroup, SgPeer, SgRule,
    TransitGatewayPlan,
};
use crate::model::{Action, Model, NodeId, NodeKind};
use archc_syntax::Span;

/// The plan as text, flows named by their ends.
pub fn render_human(model: &Model, plan: &Plan) -> String {
    Renderer::new(model, plan, None).render()
}

/// [`render_human`], each flow also by where it is written: `locate` gives
/// the text for a span (`line 12`, or `lib/net.arch:12` in another file), as
/// the caller, who holds the sources, sees fit.
pub fn render_human_with(model: &Model, plan: &Plan, locate: &dyn Fn(Span) -> Option<String>) -> String {
    Renderer::new(model, plan, Some(locate)).render()
}

struct Renderer<'a> {
    model: &'a Model,
    plan: &'a Plan,
    locate: Option<&'a dyn Fn(Span) -> Option<String>>,
    /// How many nodes' qualified ids end with each dotted suffix.
    suffix_count: BTreeMap<&'a str, usize>,
    out: String,
}

impl<'a> Renderer<'a> {
    fn new(model: &'a Model, plan: &'a Plan, locate: Option<&'a dyn Fn(Span) -> Option<String>>) -> Renderer<'a> {
        let mut suffix_count = BTreeMap::new();
        for n in model.nodes() {
            for s in suffixes(&n.id) {
                *suffix_count.entry(s).or_insert(0) += 1;
            }
        }
        Renderer { model, plan, locate, suffix_count, out: String::new() }
    }

    /// A node's name, or, when another node bears it too, the shortest end
    /// of its qualified id that no other id ends with (`dev.lb`).
    fn name(&self, id: NodeId) -> String {
        let Some(n) = self.model.get(id) else { return format!("#{}", id.0) };
        suffixes(&n.id).find(|s| self.suffix_count.get(s).copied() == Some(1)).unwrap_or(n.id.as_str()).to_string()
    }

    fn kind_name(&self, id: NodeId) -> String {
        match self.model.get(id) {
            Some(n) => format!("{} {}", n.kind().keyword(), self.name(id)),
            None => self.name(id),
        }
    }

    fn line(&mut self, depth: usize, text: impl AsRef<str>) {
        for _ in 0..depth {
            self.out.push_str("  ");
        }
        self.out.push_str(text.as_ref());
        self.out.push('\n');
    }

    fn render(mut self) -> String {
        let vpcs: Vec<NodeId> = self.model.of_kind(crate::model::kinds::Kind::Vpc).map(|(id, _)| id).collect();
        for vpc in vpcs {
            self.vpc(vpc);
        }
        if !self.plan.transit_gateways.is_empty() {
            self.line(0, "transit gateways");
            for t in &self.plan.transit_gateways {
                self.tgw(t);
            }
            self.out.push('\n');
        }
        if !self.plan.permissions.is_empty() {
            self.line(0, "permissions");
            for p in &self.plan.permissions {
                let actions = if p.actions.is_empty() { "(no action)".to_string() } else { p.actions.join(", ") };
                let text = format!(
                    "{} -> {}: {}: {} may {} {}",
                    self.name(p.source),
                    self.name(p.target),
                    p.integration,
                    p.principal,
                    actions,
                    self.flow_ref(p.flow)
                );
                self.line(1, text);
            }
            self.out.push('\n');
        }
        if self.out.is_empty() {
            self.out.push_str("no network: the design has no vpc, transit gateway or integration\n");
        }
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
        self.out
    }

    fn vpc(&mut self, vpc: NodeId) {
        let blocks = match self.model.get(vpc).map(|n| &n.kind) {
            Some(NodeKind::Vpc(v)) => v.blocks.iter().map(|b| b.value.network().to_string()).collect::<Vec<_>>(),
            _ => Vec::new(),
        };
        let region = self.model.get(vpc).and_then(|n| n.region).map(|r| self.name(r));
        let head = match region {
            Some(r) => format!("vpc {} {} ({r})", self.name(vpc), blocks.join(", ")),
            None => format!("vpc {} {}", self.name(vpc), blocks.join(", ")),
        };
        self.line(0, head);
        let plan = self.plan;
        for rt in plan.route_tables_of(vpc) {
            let s = rt.subnet;
            let (tier, zone, cidr) = match self.model.get(s).map(|n| &n.kind) {
                Some(NodeKind::Subnet(sub)) => (
                    sub.tier.as_ref().map_or("subnet", |t| t.value.as_str()),
                    sub.zone.and_then(|z| self.model.get(z)).map(|z| z.name.clone()).unwrap_or_default(),
                    sub.cidr.cidr().map(|c| c.network().to_string()).unwrap_or_else(|| "(no block)".into()),
                ),
                _ => ("subnet", String::new(), String::new()),
            };
            let acl = match plan.network_acl(s).and_then(|a| a.nacl) {
                Some(n) => format!("nacl {}", self.name(n)),
                None => "default acl".to_string(),
            };
            self.line(1, format!("{tier} subnet {} {cidr} (az {zone}, {acl})", self.name(s)));
            for r in &rt.routes {
                let text = format!("{} -> {}", self.destination(vpc, r.destination), self.target(r.target));
                self.line(2, text);
            }
        }
        let acls: Vec<_> = plan.network_acls.iter().filter(|a| a.vpc == vpc).collect();
        for acl in acls {
            let name = match acl.nacl {
                Some(n) => format!("nacl {}", self.name(n)),
                None => "default acl".to_string(),
            };
            let subnets: Vec<String> = acl.subnets.iter().map(|&s| self.name(s)).collect();
            self.line(1, format!("{name} on {}", subnets.join(", ")));
            for e in &acl.inbound {
                let text = acl_entry("in ", "from", e);
                self.line(2, text);
            }
            for e in &acl.outbound {
                let text = acl_entry("out", "to", e);
                self.line(2, text);
            }
        }
        let sgs: Vec<&SecurityGroup> = plan.security_groups.iter().filter(|g| g.vpc == vpc).collect();
        for sg in sgs {
            self.line(1, format!("security group sg({}) of {}", self.name(sg.owner), self.kind_name(sg.owner)));
            if sg.ingress.is_empty() {
                self.line(2, "ingress: none");
            }
            for r in &sg.ingress {
                let text = self.sg_rule("ingress", "from", r);
                self.line(2, text);
            }
            for r in &sg.egress {
                let text = self.sg_rule("egress", "to", r);
                self.line(2, text);
            }
        }
        self.out.push('\n');
    }

    fn destination(&self, vpc: NodeId, d: Destination) -> String {
        match d {
            Destination::Cidr(c) => c.to_string(),
            Destination::PrefixList(s) => {
                let region = self.model.get(vpc).and_then(|v| v.region).and_then(|r| self.model.get(r));
                let code = region.map_or("REGION", |r| r.name.as_str());
                format!("pl({}) com.amazonaws.{code}.{}", service_word(s), service_word(s))
            }
        }
    }

    fn target(&self, t: RouteTarget) -> String {
        t.describe(self.model, |n| self.name(n))
    }

    fn sg_rule(&self, dir: &str, word: &str, r: &SgRule) -> String {
        let peer = match r.peer {
            SgPeer::Group(n) => format!("sg({})", self.name(n)),
            SgPeer::Cidr(c) => c.to_string(),
            SgPeer::CloudFrontOrigins => "pl(cloudfront) com.amazonaws.global.cloudfront.origin-facing".to_string(),
            SgPeer::VpcLink(n) => format!("vpc link of {}", self.kind_name(n)),
        };
        match r.flow {
            Some(f) => format!("{dir} {} {word} {peer} {}", r.ports, self.flow_ref(f)),
            None => format!("{dir} {} {word} {peer} (default)", r.ports),
        }
    }

    /// `(flow web -> app at line 12)`.
    fn flow_ref(&self, flow: usize) -> String {
        let Some(f) = self.model.flows().get(flow) else { return format!("(flow #{flow})") };
        let ends = format!("{} -> {}", self.name(f.from.value), self.name(f.to.value));
        let at = self.locate.and_then(|locate| locate(f.span)).map(|at| format!(" at {at}"));
        format!("(flow {ends}{})", at.unwrap_or_default())
    }

    fn tgw(&mut self, t: &TransitGatewayPlan) {
        let region = self.model.get(t.tgw).and_then(|n| n.region).map(|r| self.name(r)).unwrap_or_default();
        self.line(1, format!("tgw {} ({region})", self.name(t.tgw)));
        for (i, a) in t.attachments.iter().enumerate() {
            let mut text = format!("attachment {i}: {}", self.attachment(a.target));
            if !a.subnets.is_empty() {
                let subnets: Vec<String> = a.subnets.iter().map(|&s| self.name(s)).collect();
                let _ = write!(text, " in {}", subnets.join(", "));
            }
            self.line(2, text);
        }
        for r in &t.routes {
            let how = if r.propagated { "propagated" } else { "static" };
            let to = t.attachments.get(r.attachment).map(|a| self.attachment(a.target)).unwrap_or_default();
            self.line(2, format!("{} -> attachment {} ({to}, {how})", r.destination, r.attachment));
        }
    }

    fn attachment(&self, a: AttachmentTarget) -> String {
        match a {
            AttachmentTarget::Vpc(n) | AttachmentTarget::Vpn(n) | AttachmentTarget::DirectConnect(n) => {
                self.kind_name(n)
            }
            AttachmentTarget::Peer(n) => format!("peering with tgw {}", self.name(n)),
        }
    }
}

/// The dotted ends of a qualified id, shortest first: `c`, `b.c`, `a.b.c`.
fn suffixes(id: &str) -> impl Iterator<Item = &str> {
    let starts = id.match_indices('.').map(|(i, _)| i + 1).collect::<Vec<_>>();
    starts.into_iter().rev().map(move |i| id.get(i..).unwrap_or(id)).chain(std::iter::once(id))
}

fn service_word(s: GatewayService) -> &'static str {
    match s {
        GatewayService::S3 => "s3",
        GatewayService::DynamoDb => "dynamodb",
    }
}

fn acl_entry(dir: &str, word: &str, e: &AclEntry) -> String {
    let number = e.number.map_or_else(|| "*".to_string(), |n| n.to_string());
    let action = match e.action {
        Action::Allow => "allow",
        Action::Deny => "deny ",
    };
    format!("{dir} {number:>5} {action} {} {word} {}", e.ports, e.cidr)
}
