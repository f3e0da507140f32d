//! The model: what a design means, with every name resolved, every value
//! typed and defaulted, and every item carrying the span it came from.
//!
//! Every declared thing is a [`Node`] in one arena, addressed by [`NodeId`];
//! containers (regions, VPCs, zones, subnets) are nodes too, so a walk over
//! `parent` links gives the nesting that the diagram draws. The model is
//! immutable once lowering completes: its indexes (children, ids, resources
//! by subnet, flows by node) are built then and stay true.
//!
//! The model is inert: no serialisation. Its wire form is [`view`], a
//! separate, stable shape.

pub mod cidr;
pub mod fields;
mod index;
pub mod kinds;
pub mod limits;
pub mod outline;
pub mod ports;
pub mod regions;
pub mod values;
pub mod view;

use crate::model::cidr::Cidr;
use crate::model::fields::{kind_data, Field, FieldValue};
use crate::model::kinds::Kind;
use crate::model::ports::PortRange;
use archc_syntax::Span;

use index::Index;
pub use values::*;

/// A value with the span of the source text it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Spanned<T> {
        Spanned { value, span }
    }
}

/// A node's index in [`Model::nodes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub usize);

impl NodeId {
    pub fn index(self) -> usize {
        self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub title: Option<Spanned<String>>,
    pub direction: Resolved<Direction>,
    pub theme: Resolved<Theme>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            title: None,
            direction: Resolved::default(defaults::DIRECTION, Span::detached()),
            theme: Resolved::default(defaults::THEME, Span::detached()),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub settings: Settings,
    /// Every declared thing, in declaration order (imports first, as loaded).
    /// `internet` is node 0.
    pub(crate) nodes: Vec<Node>,
    pub(crate) flows: Vec<Flow>,
    pub(crate) peerings: Vec<Peering>,
    pub(crate) index: Index,
}

/// One component instance that a node was declared through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expansion {
    /// The instance's qualified name (`shop`, `shop.net`).
    pub instance: String,
    /// The component it instantiates.
    pub component: String,
    /// The instance's declaration.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The qualified id: the containment path, `ap-northeast-2.shop.web`.
    /// Stable across runs and the key of layout and template output.
    pub id: String,
    /// The name as declared (the code for regions and zones).
    pub name: String,
    pub name_span: Span,
    /// The whole declaration.
    pub span: Span,
    /// The container it is declared in (region, vpc, az, subnet), if any.
    pub parent: Option<NodeId>,
    pub region: Option<NodeId>,
    /// The VPC it belongs to: its enclosing one, or, for a resource declared
    /// at region level with `in`, the one its subnets belong to.
    pub vpc: Option<NodeId>,
    /// The subnets of `in a, b`, resolved (an ec2's own subnet).
    pub placement: Vec<NodeId>,
    pub placement_span: Option<Span>,
    pub label: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
    /// The component instances it was declared through, outermost first;
    /// empty for a node written directly.
    pub expansion: Vec<Expansion>,
    pub kind: NodeKind,
}

impl Node {
    pub fn kind(&self) -> Kind {
        self.kind.kind()
    }

    /// The text a diagram shows for it.
    pub fn display_label(&self) -> &str {
        self.label.as_ref().map_or(&self.name, |l| &l.value)
    }

    /// Where the diagram draws it: its kind's [`Layout`](kinds::Layout),
    /// refined where one kind stands in two ways (a lambda placed in subnets
    /// is a band; a regional NAT gateway is on the VPC's border; a WAF
    /// declared in a region is regional).
    pub fn layout(&self) -> kinds::Layout {
        use kinds::Layout;
        match &self.kind {
            NodeKind::Lambda(_) if !self.placement.is_empty() => Layout::Band,
            NodeKind::Nat(n) if n.mode.value == NatMode::Regional => Layout::Border,
            NodeKind::Waf(_) if self.region.is_some() => Layout::Regional,
            _ => self.kind().spec().layout,
        }
    }

    /// Whether it has a security group: its kind's column, refined where one
    /// kind stands in two ways (only a lambda in subnets, only an interface
    /// endpoint).
    pub fn takes_security_group(&self) -> bool {
        match &self.kind {
            NodeKind::Lambda(_) => !self.placement.is_empty(),
            NodeKind::Endpoint(e) => e.endpoint_type.as_ref().is_some_and(|t| t.value == EndpointType::Interface),
            _ => self.kind().spec().security_group,
        }
    }
}

/// Declares `NodeKind` with one variant per kind (data or unit), and the
/// per-kind dispatch of `kind`, `fields` and `keys`.
macro_rules! node_kinds {
    (data { $($dv:ident($dt:ident)),* $(,)? } unit { $($uv:ident),* $(,)? }) => {
        #[derive(Clone, Debug, PartialEq)]
        pub enum NodeKind {
            $($dv($dt),)*
            $($uv,)*
        }

        impl NodeKind {
            pub fn kind(&self) -> Kind {
                match self {
                    $(NodeKind::$dv(_) => Kind::$dv,)*
                    $(NodeKind::$uv => Kind::$uv,)*
                }
            }

            /// Every field of the kind's data, in declaration order.
            pub fn fields(&self) -> Vec<Field<'_>> {
                match self {
                    $(NodeKind::$dv(d) => d.fields(),)*
                    $(NodeKind::$uv => Vec::new(),)*
                }
            }

            /// The property keys the data of `kind` is made from.
            pub fn keys(kind: Kind) -> &'static [&'static str] {
                match kind {
                    $(Kind::$dv => $dt::KEYS,)*
                    $(Kind::$uv => &[],)*
                }
            }
        }
    };
}

node_kinds! {
    data {
        Region(Region),
        Vpc(Vpc),
        Az(Zone),
        Subnet(Subnet),
        Nat(NatGateway),
        Endpoint(Endpoint),
        Ec2(Ec2),
        Asg(Asg),
        Alb(LoadBalancer),
        Nlb(LoadBalancer),
        Nacl(Nacl),
        Ecs(Ecs),
        Eks(Eks),
        Efs(Efs),
        Lambda(Lambda),
        Rds(Rds),
        Aurora(Aurora),
        Elasticache(ElastiCache),
        Dynamodb(DynamoDb),
        S3(Bucket),
        Sqs(Queue),
        Sns(Topic),
        Kinesis(Stream),
        Stepfn(StateMachine),
        Apigw(Api),
        Cloudfront(Distribution),
        Route53(Records),
        Waf(WebAcl),
        Tgw(TransitGateway),
        Vpn(Vpn),
        Dx(DirectConnect),
        Onprem(OnPrem),
    }
    unit { Internet, Igw, Eventbridge, Users }
}

/// A reference written in a property (`origins`, `alias`, `dlq`, `attach`…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PropRef {
    /// The property key.
    pub key: &'static str,
    pub target: NodeId,
    /// The text that names the target.
    pub span: Span,
}

impl NodeKind {
    /// Every reference written in the kind's properties, in field order
    /// (structural links such as a subnet's zone are `Node`'s, not here).
    pub fn refs(&self) -> Vec<PropRef> {
        let mut out = Vec::new();
        for f in self.fields() {
            let Some(key) = f.key else { continue };
            let mut push = |v: &FieldValue<'_>| {
                if let FieldValue::Ref(target, span) = v {
                    out.push(PropRef { key, target: *target, span: *span });
                }
            };
            match &f.value {
                FieldValue::List(items) => items.iter().for_each(&mut push),
                v => push(v),
            }
        }
        out
    }
}

type S<T> = Option<Spanned<T>>;
type Ports = Vec<PortRange>;

kind_data! {
    pub struct Region {
        /// `ap-northeast-2`
        code: String,
        /// Raised default quotas (model/limits.rs): Elastic IPs, VPCs,
        /// NAT gateways per zone. None: the default applies.
        quota_eips: S<u32> = "quota_eips",
        quota_vpcs: S<u32> = "quota_vpcs",
        quota_nat_gateways: S<u32> = "quota_nat_gateways",
    }
}

kind_data! {
    pub struct Vpc {
        /// Primary block first, then the secondary blocks.
        blocks: Vec<Spanned<Cidr>>,
        dns_hostnames: Resolved<bool> = "dns_hostnames",
        dns_support: Resolved<bool> = "dns_support",
    }
}

kind_data! {
    pub struct Zone {
        /// `a`
        suffix: String,
        /// Region code + suffix: `ap-northeast-2a`; None outside a region.
        zone_name: Option<String>,
    }
}

/// A subnet's block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubnetBlock {
    /// Written in the declaration.
    Written(Spanned<Cidr>),
    /// Chosen by archc (§6).
    Allocated(Cidr),
    /// Not written, and no block could be allocated (an error was reported).
    Unallocated,
}

impl SubnetBlock {
    pub fn cidr(&self) -> Option<Cidr> {
        match self {
            SubnetBlock::Written(c) => Some(c.value),
            SubnetBlock::Allocated(c) => Some(*c),
            SubnetBlock::Unallocated => None,
        }
    }

    /// True when archc chooses (or failed to choose) the block.
    pub fn is_allocated(&self) -> bool {
        !matches!(self, SubnetBlock::Written(_))
    }
}

kind_data! {
    pub struct Subnet {
        /// None only when the modifier is missing (an error).
        tier: S<Tier>,
        cidr: SubnetBlock,
        /// The prefix of an allocated block.
        size: Resolved<u8> = "size",
        /// The zone it lies in; None when declared outside an az (an error).
        zone: Option<NodeId>,
    }
}

kind_data! {
    pub struct NatGateway {
        connectivity: Resolved<Connectivity> = "type",
        mode: Resolved<NatMode> = "mode",
        /// The subnet of a zonal NAT gateway.
        subnet: Option<NodeId>,
    }
}

kind_data! {
    pub struct Endpoint {
        /// None only when the modifier is missing (an error).
        endpoint_type: S<EndpointType>,
        /// `s3`, `dynamodb`, `secretsmanager`…; None when missing (an error).
        service: S<String>,
        private_dns: Resolved<bool> = "private_dns",
    }
}

kind_data! {
    pub struct Ec2 {
        instance: S<String> = "instance",
        count: Resolved<u32> = "count",
        port: S<Ports> = "port",
        public_ip: S<bool> = "public_ip",
        /// The subnet it is declared in; None when declared elsewhere (an error).
        subnet: Option<NodeId>,
    }
}

kind_data! {
    pub struct Asg {
        instance: S<String> = "instance",
        min: S<u32> = "min",
        max: S<u32> = "max",
        desired: S<u32> = "desired",
        port: S<Ports> = "port",
    }
}

kind_data! {
    pub struct LoadBalancer {
        /// False when declared `internal`.
        internet_facing: bool,
        listen: Resolved<Ports> = "listen",
        name: S<String> = "name",
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NaclRule {
    pub action: Action,
    pub direction: RuleDirection,
    pub number: Spanned<u32>,
    pub ports: Vec<PortRange>,
    /// The remote block (`from` for inbound rules, `to` for outbound).
    pub cidr: Spanned<Cidr>,
    pub span: Span,
}

kind_data! {
    pub struct Nacl {
        rules: Vec<NaclRule>,
    }
}

kind_data! {
    pub struct Ecs {
        image: S<String> = "image",
        cpu: S<u32> = "cpu",
        memory: S<Bytes> = "memory",
        tasks: S<u32> = "tasks",
        port: S<Ports> = "port",
    }
}

kind_data! {
    pub struct Eks {
        version: S<String> = "version",
        nodes: S<u32> = "nodes",
        instance: S<String> = "instance",
        port: S<Ports> = "port",
    }
}

kind_data! {
    pub struct Efs {
        encrypted: Resolved<bool> = "encrypted",
    }
}

kind_data! {
    pub struct Lambda {
        runtime: S<String> = "runtime",
        memory: S<Bytes> = "memory",
        timeout: S<Seconds> = "timeout",
        concurrency: S<u32> = "concurrency",
        handler: S<String> = "handler",
    }
}

kind_data! {
    pub struct Rds {
        engine: S<RdsEngine> = "engine",
        version: S<String> = "version",
        class: S<String> = "class",
        storage: S<Bytes> = "storage",
        multi_az: S<bool> = "multi_az",
        replicas: S<u32> = "replicas",
        encrypted: Resolved<bool> = "encrypted",
        port: S<Ports> = "port",
    }
}

kind_data! {
    pub struct Aurora {
        engine: S<AuroraEngine> = "engine",
        version: S<String> = "version",
        class: S<String> = "class",
        replicas: S<u32> = "replicas",
        port: S<Ports> = "port",
    }
}

kind_data! {
    pub struct ElastiCache {
        engine: S<CacheEngine> = "engine",
        nodes: S<u32> = "nodes",
        class: S<String> = "class",
        port: S<Ports> = "port",
    }
}

kind_data! {
    pub struct DynamoDb {
        key: Vec<Spanned<String>> = "key",
        billing: S<Billing> = "billing",
        regions: Vec<Spanned<String>> = "regions",
    }
}

kind_data! {
    pub struct Bucket {
        bucket: S<String> = "bucket",
        versioning: S<bool> = "versioning",
        public: Resolved<bool> = "public",
        website: S<bool> = "website",
        replicate_to: S<NodeId> = "replicate_to",
    }
}

kind_data! {
    pub struct Queue {
        fifo: S<bool> = "fifo",
        visibility_timeout: Resolved<Seconds> = "visibility_timeout",
        retention: Resolved<Seconds> = "retention",
        dlq: S<NodeId> = "dlq",
        max_receives: S<u32> = "max_receives",
    }
}

kind_data! {
    pub struct Topic {
        fifo: S<bool> = "fifo",
    }
}

kind_data! {
    pub struct Stream {
        shards: S<u32> = "shards",
        retention: S<Seconds> = "retention",
    }
}

kind_data! {
    pub struct StateMachine {
        workflow: S<Workflow> = "type",
    }
}

kind_data! {
    pub struct Api {
        api_type: Resolved<ApiType> = "type",
        timeout: S<Seconds> = "timeout",
        domain: S<String> = "domain",
    }
}

kind_data! {
    pub struct Distribution {
        origins: Vec<Spanned<NodeId>> = "origins",
        domain: S<String> = "domain",
    }
}

kind_data! {
    pub struct Records {
        domain: S<String> = "domain",
        alias: S<NodeId> = "alias",
        policy: Resolved<RoutingPolicy> = "policy",
        targets: Vec<Spanned<NodeId>> = "targets",
        weights: Vec<Spanned<u32>> = "weights",
        health_check: S<bool> = "health_check",
        zone: Resolved<ZoneType> = "zone",
        vpcs: Vec<Spanned<NodeId>> = "vpcs",
        ttl: S<Seconds> = "ttl",
    }
}

kind_data! {
    pub struct WebAcl {
        protects: Vec<Spanned<NodeId>> = "protects",
        rate_limit: S<u32> = "rate_limit",
    }
}

kind_data! {
    pub struct TransitGateway {
        attach: Vec<Spanned<NodeId>> = "attach",
        peer: Vec<Spanned<NodeId>> = "peer",
        asn: S<u64> = "asn",
    }
}

kind_data! {
    pub struct Vpn {
        to: S<NodeId> = "to",
        tgw: S<NodeId> = "tgw",
        vgw: S<NodeId> = "vgw",
        routing: Resolved<VpnRouting> = "routing",
    }
}

kind_data! {
    pub struct DirectConnect {
        to: S<NodeId> = "to",
        bandwidth: S<String> = "bandwidth",
        tgw: S<NodeId> = "tgw",
        vgw: S<NodeId> = "vgw",
    }
}

kind_data! {
    pub struct OnPrem {
        /// None only when missing (an error).
        cidr: S<Cidr>,
        asn: S<u64> = "asn",
        address: S<String> = "address",
    }
}

/// `a -> b`: traffic that `from` initiates towards `to`. A chain `a -> b -> c`
/// becomes one flow per hop.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub from: Spanned<NodeId>,
    pub to: Spanned<NodeId>,
    /// The ports as written, or the target's natural port.
    pub ports: Vec<PortRange>,
    /// False when the ports came from the target's natural port.
    pub ports_written: bool,
    pub ports_span: Option<Span>,
    pub label: S<String>,
    pub pattern: S<String>,
    pub filter: S<String>,
    pub batch_size: S<u32>,
    pub description: S<String>,
    /// The whole flow statement.
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Peering {
    pub name: Spanned<String>,
    pub left: Spanned<NodeId>,
    pub right: Spanned<NodeId>,
    pub dns: S<bool>,
    pub label: S<String>,
    pub span: Span,
}

impl Model {
    /// Assembles the model and builds its indexes; it does not change after.
    pub(crate) fn new(settings: Settings, nodes: Vec<Node>, flows: Vec<Flow>, peerings: Vec<Peering>) -> Model {
        let index = Index::build(&nodes, &flows);
        Model { settings, nodes, flows, peerings, index }
    }

    /// Every node, in declaration order; `NodeId(i)` is `nodes()[i]`.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn flows(&self) -> &[Flow] {
        &self.flows
    }

    pub fn peerings(&self) -> &[Peering] {
        &self.peerings
    }

    /// The node `id` names. Panics on an id not from this model.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0]
    }

    pub fn get(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id.0)
    }

    pub fn ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len()).map(NodeId)
    }

    /// The nodes of one kind, in declaration order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = (NodeId, &Node)> + '_ {
        self.nodes.iter().enumerate().filter(move |(_, n)| n.kind() == kind).map(|(i, n)| (NodeId(i), n))
    }

    /// The node with this qualified id.
    pub fn by_id(&self, id: &str) -> Option<NodeId> {
        let found = self.index.by_id.binary_search_by(|n| self.nodes[n.0].id.as_str().cmp(id)).ok()?;
        Some(self.index.by_id[found])
    }

    /// The nodes whose parent is `id`, in declaration order.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = (NodeId, &Node)> + '_ {
        self.index.children.get(id.0).into_iter().flatten().map(|&c| (c, self.node(c)))
    }

    /// The top-level nodes (no parent), in declaration order.
    pub fn roots(&self) -> impl Iterator<Item = (NodeId, &Node)> + '_ {
        self.index.roots.iter().map(|&c| (c, self.node(c)))
    }

    /// The resources in subnet `id`: those placed in it with `in`, and
    /// those declared inside it (ec2, zonal NAT), in declaration order.
    pub fn resources_in(&self, subnet: NodeId) -> impl Iterator<Item = (NodeId, &Node)> + '_ {
        self.index.in_subnet.get(subnet.0).into_iter().flatten().map(|&c| (c, self.node(c)))
    }

    /// The flows that start at `id`, in order.
    pub fn flows_from(&self, id: NodeId) -> impl Iterator<Item = &Flow> + '_ {
        self.index.flows_from.get(id.0).into_iter().flatten().map(|&f| &self.flows[f])
    }

    /// The flows that end at `id`, in order.
    pub fn flows_to(&self, id: NodeId) -> impl Iterator<Item = &Flow> + '_ {
        self.index.flows_to.get(id.0).into_iter().flatten().map(|&f| &self.flows[f])
    }

    /// The instances whose expansion declared at least one node, with those
    /// nodes, in declaration order.
    pub fn instances(&self) -> &[(Expansion, Vec<NodeId>)] {
        &self.index.instances
    }
}

/// A model that lowered without an error. Only [`crate::compile`] makes one,
/// so a stage that takes `&CheckedModel` never sees a best-effort model.
#[derive(Debug)]
pub struct CheckedModel(Model);

impl CheckedModel {
    pub(crate) fn new(model: Model) -> CheckedModel {
        CheckedModel(model)
    }
}

impl std::ops::Deref for CheckedModel {
    type Target = Model;

    fn deref(&self) -> &Model {
        &self.0
    }
}

#[cfg(test)]
mod tests;
