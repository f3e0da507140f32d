//! The checked model: what a design means, with every name resolved, every
//! value typed and every item carrying the span it came from. The checker,
//! layout, rendering and emission all read this and nothing else.
//!
//! Every declared thing is a [`Node`] in one arena, addressed by [`NodeId`];
//! containers (regions, VPCs, zones, subnets) are nodes too, so a walk over
//! `parent` links gives the nesting that the diagram draws.

pub mod cidr;
pub mod kinds;
pub mod ports;

use serde::Serialize;

use crate::model::cidr::Cidr;
use crate::model::kinds::Kind;
use crate::model::ports::PortRange;
use archc_syntax::Span;

/// A value with the span of the source text it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    pub value: T,
    #[serde(skip)]
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Spanned<T> {
        Spanned { value, span }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct NodeId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Right,
    Down,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Light,
    Dark,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Settings {
    pub title: Option<Spanned<String>>,
    pub direction: Spanned<Direction>,
    pub theme: Spanned<Theme>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            title: None,
            direction: Spanned::new(Direction::Right, Span::detached()),
            theme: Spanned::new(Theme::Light, Span::detached()),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Model {
    pub settings: Settings,
    /// Every declared thing, in declaration order (imports first, as loaded).
    /// `internet` is node 0.
    pub nodes: Vec<Node>,
    pub flows: Vec<Flow>,
    pub peerings: Vec<Peering>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Node {
    /// The qualified id: the containment path, `ap-northeast-2.shop.web`.
    /// Stable across runs and the key of layout and template output.
    pub id: String,
    /// The name as declared (the code for regions and zones).
    pub name: String,
    #[serde(skip)]
    pub name_span: Span,
    /// The whole declaration.
    #[serde(skip)]
    pub span: Span,
    /// The container it is declared in (region, vpc, az, subnet), if any.
    pub parent: Option<NodeId>,
    pub region: Option<NodeId>,
    pub vpc: Option<NodeId>,
    /// The subnets of `in a, b`, resolved.
    pub placement: Vec<NodeId>,
    #[serde(skip)]
    pub placement_span: Option<Span>,
    pub label: Option<Spanned<String>>,
    pub description: Option<Spanned<String>>,
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
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum NodeKind {
    Internet,
    Region(Region),
    Vpc(Vpc),
    Az(Zone),
    Subnet(Subnet),
    Igw,
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
    Eventbridge,
    Cloudfront(Distribution),
    Route53(Records),
    Waf(WebAcl),
    Tgw(TransitGateway),
    Vpn(Vpn),
    Dx(DirectConnect),
    Onprem(OnPrem),
    Users,
}

impl NodeKind {
    pub fn kind(&self) -> Kind {
        match self {
            NodeKind::Internet => Kind::Internet,
            NodeKind::Region(_) => Kind::Region,
            NodeKind::Vpc(_) => Kind::Vpc,
            NodeKind::Az(_) => Kind::Az,
            NodeKind::Subnet(_) => Kind::Subnet,
            NodeKind::Igw => Kind::Igw,
            NodeKind::Nat(_) => Kind::Nat,
            NodeKind::Endpoint(_) => Kind::Endpoint,
            NodeKind::Ec2(_) => Kind::Ec2,
            NodeKind::Asg(_) => Kind::Asg,
            NodeKind::Alb(_) => Kind::Alb,
            NodeKind::Nlb(_) => Kind::Nlb,
            NodeKind::Nacl(_) => Kind::Nacl,
            NodeKind::Ecs(_) => Kind::Ecs,
            NodeKind::Eks(_) => Kind::Eks,
            NodeKind::Efs(_) => Kind::Efs,
            NodeKind::Lambda(_) => Kind::Lambda,
            NodeKind::Rds(_) => Kind::Rds,
            NodeKind::Aurora(_) => Kind::Aurora,
            NodeKind::Elasticache(_) => Kind::Elasticache,
            NodeKind::Dynamodb(_) => Kind::Dynamodb,
            NodeKind::S3(_) => Kind::S3,
            NodeKind::Sqs(_) => Kind::Sqs,
            NodeKind::Sns(_) => Kind::Sns,
            NodeKind::Kinesis(_) => Kind::Kinesis,
            NodeKind::Stepfn(_) => Kind::Stepfn,
            NodeKind::Apigw(_) => Kind::Apigw,
            NodeKind::Eventbridge => Kind::Eventbridge,
            NodeKind::Cloudfront(_) => Kind::Cloudfront,
            NodeKind::Route53(_) => Kind::Route53,
            NodeKind::Waf(_) => Kind::Waf,
            NodeKind::Tgw(_) => Kind::Tgw,
            NodeKind::Vpn(_) => Kind::Vpn,
            NodeKind::Dx(_) => Kind::Dx,
            NodeKind::Onprem(_) => Kind::Onprem,
            NodeKind::Users => Kind::Users,
        }
    }
}

type S<T> = Option<Spanned<T>>;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Region {
    /// `ap-northeast-2`
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vpc {
    /// Primary block first, then the secondary blocks.
    pub blocks: Vec<Spanned<Cidr>>,
    pub dns_hostnames: S<bool>,
    pub dns_support: S<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Zone {
    /// `a`
    pub suffix: String,
    /// Region code + suffix: `ap-northeast-2a`.
    pub zone_name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Public,
    Private,
    Isolated,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Public => "public",
            Tier::Private => "private",
            Tier::Isolated => "isolated",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Subnet {
    pub tier: Spanned<Tier>,
    /// The block: as written, or allocated (§6).
    pub cidr: Cidr,
    /// True when archc chose the block.
    pub allocated: bool,
    /// The span of the written CIDR, or of the declaration when allocated.
    #[serde(skip)]
    pub cidr_span: Span,
    pub size: S<u8>,
    /// The zone it lies in.
    pub zone: NodeId,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Connectivity {
    Public,
    Private,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NatMode {
    Zonal,
    Regional,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NatGateway {
    pub connectivity: Spanned<Connectivity>,
    pub mode: Spanned<NatMode>,
    /// The subnet of a zonal NAT gateway.
    pub subnet: Option<NodeId>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EndpointType {
    Gateway,
    Interface,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Endpoint {
    pub endpoint_type: Spanned<EndpointType>,
    /// `s3`, `dynamodb`, `secretsmanager`…
    pub service: Spanned<String>,
    pub private_dns: S<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ec2 {
    pub instance: S<String>,
    pub count: S<u32>,
    pub port: Option<Spanned<Vec<PortRange>>>,
    pub public_ip: S<bool>,
    pub subnet: NodeId,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Asg {
    pub instance: S<String>,
    pub min: S<u32>,
    pub max: S<u32>,
    pub desired: S<u32>,
    pub port: Option<Spanned<Vec<PortRange>>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LoadBalancer {
    /// False when declared `internal`.
    pub internet_facing: bool,
    pub listen: Spanned<Vec<PortRange>>,
    pub name: S<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Allow,
    Deny,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleDirection {
    In,
    Out,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NaclRule {
    pub action: Action,
    pub direction: RuleDirection,
    pub number: Spanned<u32>,
    pub ports: Vec<PortRange>,
    /// The remote block (`from` for inbound rules, `to` for outbound).
    pub cidr: Spanned<Cidr>,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Nacl {
    pub rules: Vec<NaclRule>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ecs {
    pub image: S<String>,
    pub cpu: S<u32>,
    /// bytes
    pub memory: S<u64>,
    pub tasks: S<u32>,
    pub port: Option<Spanned<Vec<PortRange>>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Eks {
    pub version: S<String>,
    pub nodes: S<u32>,
    pub instance: S<String>,
    pub port: Option<Spanned<Vec<PortRange>>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Efs {
    pub encrypted: S<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lambda {
    pub runtime: S<String>,
    /// bytes
    pub memory: S<u64>,
    /// seconds
    pub timeout: S<u64>,
    pub concurrency: S<u32>,
    pub handler: S<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rds {
    pub engine: S<String>,
    pub version: S<String>,
    pub class: S<String>,
    /// bytes
    pub storage: S<u64>,
    pub multi_az: S<bool>,
    pub replicas: S<u32>,
    pub encrypted: S<bool>,
    pub port: Option<Spanned<Vec<PortRange>>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Aurora {
    pub engine: S<String>,
    pub version: S<String>,
    pub class: S<String>,
    pub replicas: S<u32>,
    pub port: Option<Spanned<Vec<PortRange>>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ElastiCache {
    pub engine: S<String>,
    pub nodes: S<u32>,
    pub class: S<String>,
    pub port: Option<Spanned<Vec<PortRange>>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DynamoDb {
    pub key: Vec<Spanned<String>>,
    pub billing: S<String>,
    pub regions: Vec<Spanned<String>>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bucket {
    pub bucket: S<String>,
    pub versioning: S<bool>,
    pub public: S<bool>,
    pub website: S<bool>,
    pub replicate_to: S<NodeId>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Queue {
    pub fifo: S<bool>,
    /// seconds
    pub visibility_timeout: S<u64>,
    /// seconds
    pub retention: S<u64>,
    pub dlq: S<NodeId>,
    pub max_receives: S<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Topic {
    pub fifo: S<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stream {
    pub shards: S<u32>,
    /// seconds
    pub retention: S<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StateMachine {
    pub workflow: S<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Api {
    /// `rest` or `http`
    pub api_type: S<String>,
    /// seconds
    pub timeout: S<u64>,
    pub domain: S<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Distribution {
    pub origins: Vec<Spanned<NodeId>>,
    pub domain: S<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Records {
    pub domain: S<String>,
    pub alias: S<NodeId>,
    pub policy: S<String>,
    pub targets: Vec<Spanned<NodeId>>,
    pub weights: Vec<Spanned<u32>>,
    pub health_check: S<bool>,
    pub zone: S<String>,
    pub vpcs: Vec<Spanned<NodeId>>,
    /// seconds
    pub ttl: S<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WebAcl {
    pub protects: Vec<Spanned<NodeId>>,
    pub rate_limit: S<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TransitGateway {
    pub attach: Vec<Spanned<NodeId>>,
    pub peer: Vec<Spanned<NodeId>>,
    pub asn: S<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Vpn {
    pub to: S<NodeId>,
    pub tgw: S<NodeId>,
    pub vgw: S<NodeId>,
    pub routing: S<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DirectConnect {
    pub to: S<NodeId>,
    pub bandwidth: S<String>,
    pub tgw: S<NodeId>,
    pub vgw: S<NodeId>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OnPrem {
    pub cidr: Spanned<Cidr>,
    pub asn: S<u64>,
    pub address: S<String>,
}

/// `a -> b`: traffic that `from` initiates towards `to`. A chain `a -> b -> c`
/// becomes one flow per hop.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flow {
    pub from: Spanned<NodeId>,
    pub to: Spanned<NodeId>,
    /// The ports as written, or the target's natural port.
    pub ports: Vec<PortRange>,
    /// False when the ports came from the target's natural port.
    pub ports_written: bool,
    #[serde(skip)]
    pub ports_span: Option<Span>,
    pub label: S<String>,
    pub pattern: S<String>,
    pub filter: S<String>,
    pub batch_size: S<u32>,
    pub description: S<String>,
    /// The whole flow statement.
    #[serde(skip)]
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Peering {
    pub name: Spanned<String>,
    pub left: Spanned<NodeId>,
    pub right: Spanned<NodeId>,
    pub dns: S<bool>,
    pub label: S<String>,
    #[serde(skip)]
    pub span: Span,
}

impl Model {
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0 as usize]
    }

    pub fn get(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id.0 as usize)
    }

    pub fn ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len() as u32).map(NodeId)
    }

    /// The nodes of one kind, in declaration order.
    pub fn of_kind(&self, kind: Kind) -> impl Iterator<Item = (NodeId, &Node)> + '_ {
        self.nodes.iter().enumerate().filter(move |(_, n)| n.kind() == kind).map(|(i, n)| (NodeId(i as u32), n))
    }

    /// The nodes whose parent is `id`, in declaration order.
    pub fn children(&self, id: NodeId) -> impl Iterator<Item = (NodeId, &Node)> + '_ {
        self.nodes.iter().enumerate().filter(move |(_, n)| n.parent == Some(id)).map(|(i, n)| (NodeId(i as u32), n))
    }
}
