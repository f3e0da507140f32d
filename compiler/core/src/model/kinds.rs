//! The kind table: LANGUAGE.md §4 as data. Where each kind may be declared,
//! which modifiers, arguments and placement it takes, and its properties with
//! their value types. Lowering is driven by this table, so adding a property is
//! one line here plus its field in the model.

use crate::model::values::*;

/// Where a statement stands: the kind of the enclosing declaration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    TopLevel,
    Region,
    Vpc,
    Zone,
    Subnet,
}

impl Place {
    pub fn describe(self) -> &'static str {
        match self {
            Place::TopLevel => "at the top level",
            Place::Region => "in a region",
            Place::Vpc => "in a vpc",
            Place::Zone => "in an az",
            Place::Subnet => "in a subnet",
        }
    }
}

/// Every kind of LANGUAGE.md §4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Region,
    Vpc,
    Az,
    Subnet,
    Igw,
    Nat,
    Endpoint,
    Ec2,
    Asg,
    Alb,
    Nlb,
    Nacl,
    Ecs,
    Eks,
    Efs,
    Lambda,
    Rds,
    Aurora,
    Elasticache,
    Dynamodb,
    S3,
    Sqs,
    Sns,
    Kinesis,
    Stepfn,
    Apigw,
    Eventbridge,
    Cloudfront,
    Route53,
    Waf,
    Tgw,
    Vpn,
    Dx,
    Onprem,
    Users,
    /// Predefined; never declared.
    Internet,
}

/// The type a property's value must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    Bool,
    /// A whole number in an inclusive range.
    Int(i64, i64),
    /// Free text: a string, or a bare word standing for itself.
    Text,
    /// One of these words.
    Enum(&'static [&'static str]),
    /// `30s`, `15m`, `12h`, `7d`, or a plain number of seconds.
    Duration,
    /// `512MB`, `20GiB`, or a plain number in the property's default unit (MB).
    Size,
    /// A list of ports: numbers, ranges, `tcp/443`, well-known names.
    Ports,
    /// `/26`
    Prefix,
    /// A reference to one declaration of one of these kinds.
    Ref(&'static [Kind]),
    /// A list of references.
    Refs(&'static [Kind]),
    /// A list of whole numbers.
    Ints(i64, i64),
    /// A list of free-text words (region codes, zone suffixes).
    Texts,
}

impl Ty {
    pub fn describe(self) -> String {
        match self {
            Ty::Bool => "`true` or `false`".into(),
            Ty::Int(lo, hi) => format!("a whole number from {lo} to {hi}"),
            Ty::Text => "a string or a word".into(),
            Ty::Enum(words) => one_of(words),
            Ty::Duration => "a duration such as `30s`, `15m` or `12h`".into(),
            Ty::Size => "a size such as `512MB` or `20GiB`".into(),
            Ty::Ports => "ports such as `443`, `8000-8100`, `udp/53` or `https`".into(),
            Ty::Prefix => "a prefix length such as `/24`".into(),
            Ty::Ref(kinds) => format!("the name of {}", kinds_phrase(kinds)),
            Ty::Refs(kinds) => format!("names of {}", kinds_phrase(kinds)),
            Ty::Ints(lo, hi) => format!("whole numbers from {lo} to {hi}"),
            Ty::Texts => "words or strings".into(),
        }
    }

    /// True when the property takes a list of values.
    pub fn is_list(self) -> bool {
        matches!(self, Ty::Ports | Ty::Refs(_) | Ty::Ints(..) | Ty::Texts)
    }
}

/// `\`a\`, \`b\` and \`c\``
pub fn all_of(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

pub fn one_of(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// `a \`vpc\``, or `one of \`s3\`, \`alb\` or \`nlb\``.
pub fn kinds_phrase(kinds: &[Kind]) -> String {
    match kinds {
        [] => "a declaration".into(),
        [one] => one.a(),
        many => {
            let names: Vec<&str> = many.iter().map(|k| k.keyword()).collect();
            format!("one of {}", one_of(&names))
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct PropSpec {
    pub key: &'static str,
    pub ty: Ty,
    pub doc: &'static str,
}

/// What a kind takes after its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Args {
    None,
    /// One or more CIDR blocks (vpc: primary then secondaries).
    Cidrs,
    /// At most one CIDR block (subnet).
    OptionalCidr,
    /// Exactly one CIDR block (onprem).
    Cidr,
    /// One word (endpoint service).
    Service,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRule {
    Required,
    Optional,
    /// `region CODE`, `az SUFFIX`: the "name" is a code, not a name in scope.
    Code,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InRule {
    Never,
    Optional,
    Required,
}

#[derive(Clone, Copy, Debug)]
pub struct KindSpec {
    pub kind: Kind,
    pub keyword: &'static str,
    pub places: &'static [Place],
    /// One line: what the kind is.
    pub summary: &'static str,
    pub name: NameRule,
    pub args: Args,
    pub placement: InRule,
    pub modifiers: &'static [&'static str],
    pub props: &'static [PropSpec],
    /// Whether the kind takes a security group (the flows to and from it
    /// become its rules).
    pub security_group: bool,
    /// Where the diagram draws it.
    pub layout: Layout,
    /// The CloudFormation resource types it becomes, main one first.
    pub cfn: &'static [&'static str],
}

/// Where the diagram draws a kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A box that holds others: region, vpc, az (a zone column), subnet.
    Container,
    /// Inside one subnet's box: ec2, zonal NAT gateway.
    InSubnet,
    /// Placed `in` several subnets: a band across the zone columns of its
    /// VPC, over the subnets it is placed in (alb, asg, rds, nacl…).
    Band,
    /// On the VPC's edge: internet gateway, endpoints (gateway endpoints
    /// have no subnets; interface endpoints are drawn at the edge too).
    Border,
    /// In its region, outside any VPC: managed services, transit gateways,
    /// VPN and Direct Connect. (A lambda `in` subnets is drawn as a band.)
    Regional,
    /// Outside any region: CloudFront, Route 53, WAF.
    Global,
    /// Outside AWS: users, on-premises networks, the internet.
    Outside,
}

const fn p(key: &'static str, ty: Ty, doc: &'static str) -> PropSpec {
    PropSpec { key, ty, doc }
}

/// Properties every declaration takes.
pub const COMMON_PROPS: &[PropSpec] = &[
    p("label", Ty::Text, "the text shown in the diagram instead of the name"),
    p("description", Ty::Text, "a sentence about the resource, for the diagram's tooltip and the template"),
];

/// Properties a flow takes in its `{ }` body.
pub const FLOW_PROPS: &[PropSpec] = &[
    p("pattern", Ty::Text, "the EventBridge event pattern (JSON) of a flow out of an event bus"),
    p("filter", Ty::Text, "the SNS filter policy (JSON) of a subscription"),
    p("batch_size", Ty::Int(1, 10000), "records per batch of an event source mapping"),
    p("description", Ty::Text, "what the traffic is"),
];

/// Properties a peering takes in its `{ }` body.
pub const PEERING_PROPS: &[PropSpec] = &[
    p("dns", Ty::Bool, "resolve the peer's private DNS names"),
    p("label", Ty::Text, "the text shown in the diagram"),
];

const NETWORK_TARGETS: &[Kind] = &[
    Kind::Alb,
    Kind::Nlb,
    Kind::Ec2,
    Kind::Asg,
    Kind::Ecs,
    Kind::Eks,
    Kind::Lambda,
    Kind::Apigw,
    Kind::Cloudfront,
    Kind::S3,
];

pub const KINDS: &[KindSpec] = &[
    KindSpec {
        kind: Kind::Region,
        keyword: "region",
        places: &[Place::TopLevel],
        summary: "an AWS Region, by its code (`ap-northeast-2`)",
        name: NameRule::Code,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p(
                "quota_eips",
                Ty::Int(1, 100_000),
                "the account's Elastic IP quota in the region, when raised (default 5)",
            ),
            p("quota_vpcs", Ty::Int(1, 100_000), "the account's VPC quota in the region, when raised (default 5)"),
            p(
                "quota_nat_gateways",
                Ty::Int(1, 100_000),
                "the account's NAT gateways per zone quota in the region, when raised (default 5)",
            ),
        ],
        security_group: false,
        layout: Layout::Container,
        cfn: &[],
    },
    KindSpec {
        kind: Kind::Vpc,
        keyword: "vpc",
        places: &[Place::Region],
        summary: "a VPC with its primary and secondary IPv4 blocks",
        name: NameRule::Required,
        args: Args::Cidrs,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("dns_hostnames", Ty::Bool, "give instances public DNS host names (default true)"),
            p("dns_support", Ty::Bool, "the Amazon-provided DNS server (default true)"),
        ],
        security_group: false,
        layout: Layout::Container,
        cfn: &["AWS::EC2::VPC", "AWS::EC2::VPCCidrBlock"],
    },
    KindSpec {
        kind: Kind::Az,
        keyword: "az",
        places: &[Place::Vpc],
        summary: "an availability zone of the VPC's region, by its letter",
        name: NameRule::Code,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[],
        security_group: false,
        layout: Layout::Container,
        cfn: &[],
    },
    KindSpec {
        kind: Kind::Subnet,
        keyword: "subnet",
        places: &[Place::Zone],
        summary: "a public, private or isolated subnet; without a CIDR it is allocated from the VPC",
        name: NameRule::Required,
        args: Args::OptionalCidr,
        placement: InRule::Never,
        modifiers: Tier::WORDS,
        props: &[p("size", Ty::Prefix, "the prefix length of an allocated block (default /24)")],
        security_group: false,
        layout: Layout::Container,
        cfn: &["AWS::EC2::Subnet", "AWS::EC2::RouteTable", "AWS::EC2::SubnetRouteTableAssociation"],
    },
    KindSpec {
        kind: Kind::Igw,
        keyword: "igw",
        places: &[Place::Vpc],
        summary: "the VPC's internet gateway",
        name: NameRule::Optional,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[],
        security_group: false,
        layout: Layout::Border,
        cfn: &["AWS::EC2::InternetGateway", "AWS::EC2::VPCGatewayAttachment"],
    },
    KindSpec {
        kind: Kind::Nat,
        keyword: "nat",
        places: &[Place::Subnet, Place::Vpc],
        summary: "a NAT gateway: zonal in a subnet, or regional in a vpc with `mode: regional`",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p(
                "type",
                Ty::Enum(Connectivity::WORDS),
                "public (with an Elastic IP, the default) or private connectivity",
            ),
            p("mode", Ty::Enum(NatMode::WORDS), "zonal (in one subnet, the default) or regional (serves every zone)"),
        ],
        security_group: false,
        layout: Layout::InSubnet,
        cfn: &["AWS::EC2::NatGateway", "AWS::EC2::EIP"],
    },
    KindSpec {
        kind: Kind::Endpoint,
        keyword: "endpoint",
        places: &[Place::Vpc],
        summary: "a VPC endpoint: `gateway endpoint NAME s3|dynamodb` or `interface endpoint NAME SERVICE in SUBNETS`",
        name: NameRule::Required,
        args: Args::Service,
        placement: InRule::Optional,
        modifiers: EndpointType::WORDS,
        props: &[p(
            "private_dns",
            Ty::Bool,
            "resolve the service's public name to the endpoint (interface endpoints, default true)",
        )],
        security_group: true,
        layout: Layout::Border,
        cfn: &["AWS::EC2::VPCEndpoint"],
    },
    KindSpec {
        kind: Kind::Ec2,
        keyword: "ec2",
        places: &[Place::Subnet],
        summary: "EC2 instances in one subnet",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("instance", Ty::Text, "the instance type, e.g. `t3.micro`"),
            p("count", Ty::Int(1, 1000), "how many instances (default 1)"),
            p("port", Ty::Ports, "the port(s) its application listens on: the natural port of flows to it"),
            p("public_ip", Ty::Bool, "give it a public IPv4 address"),
        ],
        security_group: true,
        layout: Layout::InSubnet,
        cfn: &["AWS::EC2::Instance"],
    },
    KindSpec {
        kind: Kind::Asg,
        keyword: "asg",
        places: &[Place::Vpc],
        summary: "an EC2 Auto Scaling group across subnets",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Required,
        modifiers: &[],
        props: &[
            p("instance", Ty::Text, "the instance type"),
            p("min", Ty::Int(0, 10000), "the minimum size"),
            p("max", Ty::Int(0, 10000), "the maximum size"),
            p("desired", Ty::Int(0, 10000), "the desired capacity"),
            p("port", Ty::Ports, "the port(s) its application listens on"),
        ],
        security_group: true,
        layout: Layout::Band,
        cfn: &["AWS::AutoScaling::AutoScalingGroup", "AWS::EC2::LaunchTemplate"],
    },
    KindSpec {
        kind: Kind::Alb,
        keyword: "alb",
        places: &[Place::Vpc],
        summary: "an Application Load Balancer, internet-facing unless `internal`",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Required,
        modifiers: &["internal"],
        props: &[
            p("listen", Ty::Ports, "the listener ports (default 80)"),
            p("name", Ty::Text, "the physical load-balancer name"),
        ],
        security_group: true,
        layout: Layout::Band,
        cfn: &[
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "AWS::ElasticLoadBalancingV2::Listener",
            "AWS::ElasticLoadBalancingV2::TargetGroup",
        ],
    },
    KindSpec {
        kind: Kind::Nlb,
        keyword: "nlb",
        places: &[Place::Vpc],
        summary: "a Network Load Balancer, internet-facing unless `internal`",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Required,
        modifiers: &["internal"],
        props: &[
            p("listen", Ty::Ports, "the listener ports (default tcp/80)"),
            p("name", Ty::Text, "the physical load-balancer name"),
        ],
        security_group: true,
        layout: Layout::Band,
        cfn: &[
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "AWS::ElasticLoadBalancingV2::Listener",
            "AWS::ElasticLoadBalancingV2::TargetGroup",
        ],
    },
    KindSpec {
        kind: Kind::Nacl,
        keyword: "nacl",
        places: &[Place::Vpc],
        summary: "a network ACL on subnets; its body holds `allow|deny in|out N PORTS from|to CIDR` rules",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Required,
        modifiers: &[],
        props: &[],
        security_group: false,
        layout: Layout::Band,
        cfn: &["AWS::EC2::NetworkAcl", "AWS::EC2::NetworkAclEntry", "AWS::EC2::SubnetNetworkAclAssociation"],
    },
    KindSpec {
        kind: Kind::Ecs,
        keyword: "ecs",
        places: &[Place::Vpc],
        summary: "an ECS service on Fargate across subnets",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Required,
        modifiers: &[],
        props: &[
            p("image", Ty::Text, "the container image"),
            p("cpu", Ty::Int(256, 16384), "task CPU units"),
            p("memory", Ty::Size, "task memory (a bare number is MiB)"),
            p("tasks", Ty::Int(0, 10000), "the desired task count"),
            p("port", Ty::Ports, "the container port(s)"),
        ],
        security_group: true,
        layout: Layout::Band,
        cfn: &["AWS::ECS::Cluster", "AWS::ECS::TaskDefinition", "AWS::ECS::Service"],
    },
    KindSpec {
        kind: Kind::Eks,
        keyword: "eks",
        places: &[Place::Vpc],
        summary: "an EKS cluster with a managed node group",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Required,
        modifiers: &[],
        props: &[
            p("version", Ty::Text, "the Kubernetes version"),
            p("nodes", Ty::Int(0, 450), "the managed node group size"),
            p("instance", Ty::Text, "the node instance type"),
            p("port", Ty::Ports, "the port(s) its services listen on"),
        ],
        security_group: true,
        layout: Layout::Band,
        cfn: &["AWS::EKS::Cluster", "AWS::EKS::Nodegroup"],
    },
    KindSpec {
        kind: Kind::Efs,
        keyword: "efs",
        places: &[Place::Vpc],
        summary: "an EFS file system with a mount target per zone",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Required,
        modifiers: &[],
        props: &[p("encrypted", Ty::Bool, "encryption at rest (default true)")],
        security_group: true,
        layout: Layout::Band,
        cfn: &["AWS::EFS::FileSystem", "AWS::EFS::MountTarget"],
    },
    KindSpec {
        kind: Kind::Lambda,
        keyword: "lambda",
        places: &[Place::Region, Place::Vpc],
        summary: "a Lambda function; in a vpc it says `in SUBNETS`",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Optional,
        modifiers: &[],
        props: &[
            p("runtime", Ty::Text, "the runtime, e.g. `python3.12`"),
            p("memory", Ty::Size, "memory (a bare number is MiB)"),
            p("timeout", Ty::Duration, "the timeout"),
            p("concurrency", Ty::Int(0, 100000), "reserved concurrency"),
            p("handler", Ty::Text, "the handler"),
        ],
        security_group: true,
        layout: Layout::Regional,
        cfn: &["AWS::Lambda::Function"],
    },
    KindSpec {
        kind: Kind::Rds,
        keyword: "rds",
        places: &[Place::Vpc],
        summary: "an RDS database instance with its DB subnet group",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Required,
        modifiers: &[],
        props: &[
            p("engine", Ty::Enum(RdsEngine::WORDS), "the engine"),
            p("version", Ty::Text, "the engine version"),
            p("class", Ty::Text, "the instance class, e.g. `db.t4g.medium`"),
            p("storage", Ty::Size, "allocated storage"),
            p("multi_az", Ty::Bool, "a standby in a second zone"),
            p("replicas", Ty::Int(0, 100), "read replicas"),
            p("encrypted", Ty::Bool, "storage encryption (default true)"),
            p("port", Ty::Ports, "the port, when not the engine's default"),
        ],
        security_group: true,
        layout: Layout::Band,
        cfn: &["AWS::RDS::DBInstance", "AWS::RDS::DBSubnetGroup"],
    },
    KindSpec {
        kind: Kind::Aurora,
        keyword: "aurora",
        places: &[Place::Vpc],
        summary: "an Aurora cluster with its instances",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Required,
        modifiers: &[],
        props: &[
            p("engine", Ty::Enum(AuroraEngine::WORDS), "the engine"),
            p("version", Ty::Text, "the engine version"),
            p("class", Ty::Text, "the instance class"),
            p("replicas", Ty::Int(0, 100), "Aurora replicas besides the writer"),
            p("port", Ty::Ports, "the port, when not the engine's default"),
        ],
        security_group: true,
        layout: Layout::Band,
        cfn: &["AWS::RDS::DBCluster", "AWS::RDS::DBInstance", "AWS::RDS::DBSubnetGroup"],
    },
    KindSpec {
        kind: Kind::Elasticache,
        keyword: "elasticache",
        places: &[Place::Vpc],
        summary: "an ElastiCache cluster with its subnet group",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Required,
        modifiers: &[],
        props: &[
            p("engine", Ty::Enum(CacheEngine::WORDS), "the engine"),
            p("nodes", Ty::Int(1, 500), "cache nodes"),
            p("class", Ty::Text, "the node type, e.g. `cache.t4g.small`"),
            p("port", Ty::Ports, "the port, when not the engine's default"),
        ],
        security_group: true,
        layout: Layout::Band,
        cfn: &["AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::SubnetGroup"],
    },
    KindSpec {
        kind: Kind::Dynamodb,
        keyword: "dynamodb",
        places: &[Place::Region],
        summary: "a DynamoDB table",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("key", Ty::Texts, "the partition key (and sort key)"),
            p("billing", Ty::Enum(Billing::WORDS), "the billing mode"),
            p("regions", Ty::Texts, "replica regions of a global table"),
        ],
        security_group: false,
        layout: Layout::Regional,
        cfn: &["AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable"],
    },
    KindSpec {
        kind: Kind::S3,
        keyword: "s3",
        places: &[Place::Region],
        summary: "an S3 bucket",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("bucket", Ty::Text, "the physical bucket name (S3 naming rules apply)"),
            p("versioning", Ty::Bool, "object versioning"),
            p("public", Ty::Bool, "whether the bucket is public (default false)"),
            p("website", Ty::Bool, "static website hosting"),
            p("replicate_to", Ty::Ref(&[Kind::S3]), "a bucket that receives replicated objects"),
        ],
        security_group: false,
        layout: Layout::Regional,
        cfn: &["AWS::S3::Bucket"],
    },
    KindSpec {
        kind: Kind::Sqs,
        keyword: "sqs",
        places: &[Place::Region],
        summary: "an SQS queue",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("fifo", Ty::Bool, "a FIFO queue"),
            p("visibility_timeout", Ty::Duration, "the visibility timeout (default 30s)"),
            p("retention", Ty::Duration, "message retention (default 4 days)"),
            p("dlq", Ty::Ref(&[Kind::Sqs]), "the dead-letter queue"),
            p("max_receives", Ty::Int(1, 1000), "receives before a message moves to the dead-letter queue"),
        ],
        security_group: false,
        layout: Layout::Regional,
        cfn: &["AWS::SQS::Queue"],
    },
    KindSpec {
        kind: Kind::Sns,
        keyword: "sns",
        places: &[Place::Region],
        summary: "an SNS topic",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[p("fifo", Ty::Bool, "a FIFO topic")],
        security_group: false,
        layout: Layout::Regional,
        cfn: &["AWS::SNS::Topic", "AWS::SNS::Subscription"],
    },
    KindSpec {
        kind: Kind::Kinesis,
        keyword: "kinesis",
        places: &[Place::Region],
        summary: "a Kinesis data stream",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("shards", Ty::Int(1, 100000), "shards (none: on-demand)"),
            p("retention", Ty::Duration, "record retention"),
        ],
        security_group: false,
        layout: Layout::Regional,
        cfn: &["AWS::Kinesis::Stream"],
    },
    KindSpec {
        kind: Kind::Stepfn,
        keyword: "stepfn",
        places: &[Place::Region],
        summary: "a Step Functions state machine",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[p("type", Ty::Enum(Workflow::WORDS), "the workflow type")],
        security_group: false,
        layout: Layout::Regional,
        cfn: &["AWS::StepFunctions::StateMachine"],
    },
    KindSpec {
        kind: Kind::Apigw,
        keyword: "apigw",
        places: &[Place::Region],
        summary: "an API Gateway API",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("type", Ty::Enum(ApiType::WORDS), "a REST or HTTP API (default http)"),
            p("timeout", Ty::Duration, "the integration timeout"),
            p("domain", Ty::Text, "a custom domain name"),
        ],
        security_group: false,
        layout: Layout::Regional,
        cfn: &["AWS::ApiGatewayV2::Api", "AWS::ApiGateway::RestApi"],
    },
    KindSpec {
        kind: Kind::Eventbridge,
        keyword: "eventbridge",
        places: &[Place::Region],
        summary: "a custom EventBridge event bus (`pattern` on the flows out of it)",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[],
        security_group: false,
        layout: Layout::Regional,
        cfn: &["AWS::Events::EventBus", "AWS::Events::Rule"],
    },
    KindSpec {
        kind: Kind::Cloudfront,
        keyword: "cloudfront",
        places: &[Place::TopLevel],
        summary: "a CloudFront distribution",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p(
                "origins",
                Ty::Refs(&[Kind::S3, Kind::Alb, Kind::Nlb, Kind::Apigw, Kind::Ec2, Kind::Lambda]),
                "its origins",
            ),
            p("domain", Ty::Text, "an alternate domain name"),
        ],
        security_group: false,
        layout: Layout::Global,
        cfn: &["AWS::CloudFront::Distribution"],
    },
    KindSpec {
        kind: Kind::Route53,
        keyword: "route53",
        places: &[Place::TopLevel],
        summary: "Route 53 records of a hosted zone",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("domain", Ty::Text, "the record name"),
            p("alias", Ty::Ref(NETWORK_TARGETS), "the target of a simple alias record"),
            p("policy", Ty::Enum(RoutingPolicy::WORDS), "the routing policy (default simple)"),
            p(
                "targets",
                Ty::Refs(NETWORK_TARGETS),
                "the targets of a routing policy, in order (failover: primary first)",
            ),
            p("weights", Ty::Ints(0, 255), "weights of a weighted policy, one per target"),
            p("health_check", Ty::Bool, "health checks on the targets"),
            p("zone", Ty::Enum(ZoneType::WORDS), "a public (default) or private hosted zone"),
            p("vpcs", Ty::Refs(&[Kind::Vpc]), "the VPCs of a private hosted zone"),
            p("ttl", Ty::Duration, "the record TTL"),
        ],
        security_group: false,
        layout: Layout::Global,
        cfn: &["AWS::Route53::RecordSet", "AWS::Route53::HostedZone", "AWS::Route53::HealthCheck"],
    },
    KindSpec {
        kind: Kind::Waf,
        keyword: "waf",
        places: &[Place::TopLevel, Place::Region],
        summary: "a WAF web ACL",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("protects", Ty::Refs(&[Kind::Cloudfront, Kind::Alb, Kind::Apigw]), "what it protects"),
            p("rate_limit", Ty::Int(10, 2_000_000_000), "requests per 5 minutes per IP"),
        ],
        security_group: false,
        layout: Layout::Global,
        cfn: &["AWS::WAFv2::WebACL", "AWS::WAFv2::WebACLAssociation"],
    },
    KindSpec {
        kind: Kind::Tgw,
        keyword: "tgw",
        places: &[Place::Region],
        summary: "a transit gateway",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("attach", Ty::Refs(&[Kind::Vpc, Kind::Vpn, Kind::Dx]), "attached VPCs and VPNs"),
            p("peer", Ty::Refs(&[Kind::Tgw]), "transit gateways in other regions it peers with"),
            p("asn", Ty::Int(64512, 4_294_967_294), "its BGP ASN"),
        ],
        security_group: false,
        layout: Layout::Regional,
        cfn: &[
            "AWS::EC2::TransitGateway",
            "AWS::EC2::TransitGatewayVpcAttachment",
            "AWS::EC2::TransitGatewayPeeringAttachment",
        ],
    },
    KindSpec {
        kind: Kind::Vpn,
        keyword: "vpn",
        places: &[Place::Region],
        summary: "a site-to-site VPN to an on-premises network",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("to", Ty::Ref(&[Kind::Onprem]), "the on-premises network"),
            p("tgw", Ty::Ref(&[Kind::Tgw]), "the transit gateway it ends on"),
            p("vgw", Ty::Ref(&[Kind::Vpc]), "the VPC whose virtual private gateway it ends on"),
            p("routing", Ty::Enum(VpnRouting::WORDS), "static routes or BGP (default bgp)"),
        ],
        security_group: false,
        layout: Layout::Regional,
        cfn: &["AWS::EC2::VPNConnection", "AWS::EC2::CustomerGateway", "AWS::EC2::VPNGateway"],
    },
    KindSpec {
        kind: Kind::Dx,
        keyword: "dx",
        places: &[Place::Region],
        summary: "a Direct Connect connection to an on-premises network",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("to", Ty::Ref(&[Kind::Onprem]), "the on-premises network"),
            p("bandwidth", Ty::Text, "the port speed, e.g. `1Gbps`"),
            p("tgw", Ty::Ref(&[Kind::Tgw]), "the transit gateway it reaches (through a DX gateway)"),
            p("vgw", Ty::Ref(&[Kind::Vpc]), "the VPC whose virtual private gateway it reaches"),
        ],
        security_group: false,
        layout: Layout::Regional,
        cfn: &["AWS::DirectConnect::Connection"],
    },
    KindSpec {
        kind: Kind::Onprem,
        keyword: "onprem",
        places: &[Place::TopLevel],
        summary: "a network outside AWS, with its address block",
        name: NameRule::Required,
        args: Args::Cidr,
        placement: InRule::Never,
        modifiers: &[],
        props: &[
            p("asn", Ty::Int(1, 4_294_967_294), "its BGP ASN"),
            p("address", Ty::Text, "the public IP of its customer gateway"),
        ],
        security_group: false,
        layout: Layout::Outside,
        cfn: &[],
    },
    KindSpec {
        kind: Kind::Users,
        keyword: "users",
        places: &[Place::TopLevel],
        summary: "people or clients on the internet, drawn as actors",
        name: NameRule::Required,
        args: Args::None,
        placement: InRule::Never,
        modifiers: &[],
        props: &[],
        security_group: false,
        layout: Layout::Outside,
        cfn: &[],
    },
];

impl Kind {
    pub fn spec(self) -> &'static KindSpec {
        // Every kind but `internet` has a row; `internet` borrows `users`'
        // (it is never declared, so only its summary is ever read).
        KINDS.iter().find(|s| s.kind == self).unwrap_or(&INTERNET)
    }

    pub fn keyword(self) -> &'static str {
        if self == Kind::Internet {
            return "internet";
        }
        self.spec().keyword
    }

    pub fn from_keyword(word: &str) -> Option<Kind> {
        KINDS.iter().find(|s| s.keyword == word).map(|s| s.kind)
    }

    /// Whether flows may start or end here (resources, not containers).
    pub fn takes_flows(self) -> bool {
        // Gateways, NAT, transit gateways and VPN/DX connections carry traffic
        // but are not where it starts or ends; containers and ACLs neither.
        !matches!(
            self,
            Kind::Region
                | Kind::Vpc
                | Kind::Az
                | Kind::Subnet
                | Kind::Nacl
                | Kind::Igw
                | Kind::Nat
                | Kind::Waf
                | Kind::Tgw
                | Kind::Vpn
                | Kind::Dx
        )
    }

    /// `a` or `an`, as the keyword is read aloud (`an alb`, `an s3`, `a vpc`).
    pub fn article(self) -> &'static str {
        match self {
            Kind::Alb
            | Kind::Asg
            | Kind::Az
            | Kind::Aurora
            | Kind::Apigw
            | Kind::Ec2
            | Kind::Ecs
            | Kind::Eks
            | Kind::Efs
            | Kind::Elasticache
            | Kind::Eventbridge
            | Kind::Endpoint
            | Kind::Igw
            | Kind::Internet
            | Kind::Onprem
            | Kind::S3
            | Kind::Sqs
            | Kind::Sns
            | Kind::Nlb
            | Kind::Rds => "an",
            _ => "a",
        }
    }

    /// `an alb`: the keyword with its article, in backticks.
    pub fn a(self) -> String {
        format!("{} `{}`", self.article(), self.keyword())
    }

    /// Looks a property up, the common ones included.
    pub fn prop(self, key: &str) -> Option<&'static PropSpec> {
        self.spec().props.iter().chain(COMMON_PROPS).find(|p| p.key == key)
    }
}

static INTERNET: KindSpec = KindSpec {
    kind: Kind::Internet,
    keyword: "internet",
    places: &[],
    summary: "the public internet (predefined)",
    name: NameRule::Required,
    args: Args::None,
    placement: InRule::Never,
    modifiers: &[],
    props: &[],
    security_group: false,
    layout: Layout::Outside,
    cfn: &[],
};

/// Names that are never declared but always in scope.
pub const PREDEFINED: &[&str] = &["internet"];
