//! Each kind's data, from its typed properties and arguments: the one
//! place that reads a kind-table key into its model field.

use archc_syntax::Diagnostic;

use super::super::expand::RawNode;
use super::props::Props;
use super::Builder;
use crate::diag::codes;
use crate::model::cidr::Cidr;
use crate::model::kinds::Kind;
use crate::model::*;

impl Builder<'_> {
    /// The data of `raw`'s kind.
    pub(super) fn kind_data(
        &mut self,
        raw: &RawNode,
        model: &Model,
        props: &Props,
        blocks: Vec<Spanned<Cidr>>,
        parent: Option<NodeId>,
        region: Option<NodeId>,
    ) -> NodeKind {
        let parent_is = |k: Kind| parent.and_then(|p| model.get(p)).is_some_and(|n| n.kind() == k);
        match raw.kind {
            Kind::Internet
            | Kind::Region
            | Kind::Vpc
            | Kind::Az
            | Kind::Subnet
            | Kind::Igw
            | Kind::Nat
            | Kind::Endpoint
            | Kind::Nacl => self.network_kind(raw, model, props, blocks, parent, region),
            Kind::Ec2
            | Kind::Asg
            | Kind::Alb
            | Kind::Nlb
            | Kind::Ecs
            | Kind::Eks
            | Kind::Efs
            | Kind::Lambda
            | Kind::Rds
            | Kind::Aurora
            | Kind::Elasticache => compute_kind(raw, props, parent.filter(|_| parent_is(Kind::Subnet))),
            // Listed, not `_`: a new kind fails to compile here until it is
            // routed, so the `unreachable!` arms of the three helpers below
            // stay unreachable (each matches exactly the kinds routed to it).
            Kind::Dynamodb
            | Kind::S3
            | Kind::Sqs
            | Kind::Sns
            | Kind::Kinesis
            | Kind::Stepfn
            | Kind::Apigw
            | Kind::Eventbridge
            | Kind::Cloudfront
            | Kind::Route53
            | Kind::Waf
            | Kind::Tgw
            | Kind::Vpn
            | Kind::Dx
            | Kind::Onprem
            | Kind::Users => service_kind(raw, props, blocks),
        }
    }

    /// Containers and the VPC's own plumbing.
    fn network_kind(
        &mut self,
        raw: &RawNode,
        model: &Model,
        props: &Props,
        blocks: Vec<Spanned<Cidr>>,
        parent: Option<NodeId>,
        region: Option<NodeId>,
    ) -> NodeKind {
        let parent_is = |k: Kind| parent.and_then(|p| model.get(p)).is_some_and(|n| n.kind() == k);
        let at = raw.name_span;
        match raw.kind {
            Kind::Internet => NodeKind::Internet,
            Kind::Region => NodeKind::Region(Region {
                code: raw.name.clone(),
                quota_eips: props.u32("quota_eips"),
                quota_vpcs: props.u32("quota_vpcs"),
                quota_nat_gateways: props.u32("quota_nat_gateways"),
            }),
            Kind::Vpc => NodeKind::Vpc(Vpc {
                blocks,
                dns_hostnames: Props::or(props.bool("dns_hostnames"), defaults::VPC_DNS_HOSTNAMES, at),
                dns_support: Props::or(props.bool("dns_support"), defaults::VPC_DNS_SUPPORT, at),
            }),
            Kind::Az => {
                let code = region.and_then(|r| model.get(r)).map(|r| r.name.clone());
                NodeKind::Az(Zone { suffix: raw.name.clone(), zone_name: code.map(|c| format!("{c}{}", raw.name)) })
            }
            Kind::Subnet => {
                let tier = raw.modifiers.iter().find_map(|m| Tier::from_word(&m.text).map(|t| Spanned::new(t, m.span)));
                let cidr = match blocks.first() {
                    Some(b) => SubnetBlock::Written(b.clone()),
                    None => SubnetBlock::Unallocated,
                };
                let zone = if parent_is(Kind::Az) { parent } else { None };
                let size = Props::or(props.prefix("size"), defaults::SUBNET_PREFIX, at);
                NodeKind::Subnet(Subnet { tier, cidr, size, zone })
            }
            Kind::Igw => NodeKind::Igw,
            Kind::Nat => self.nat(raw, props, parent, parent_is(Kind::Vpc)),
            Kind::Endpoint => {
                let endpoint_type = raw
                    .modifiers
                    .iter()
                    .find_map(|m| EndpointType::from_word(&m.text).map(|t| Spanned::new(t, m.span)));
                let service = raw.args.first().and_then(|a| a.text().map(|s| Spanned::new(s, a.span)));
                if service.is_none() {
                    let gateway = endpoint_type.as_ref().is_some_and(|t| t.value == EndpointType::Gateway);
                    self.diags.push(
                        Diagnostic::new(
                            codes::MISSING_PART,
                            raw.name_span,
                            format!("endpoint `{}` needs its service", raw.name),
                        )
                        .with_help(format!(
                            "write `{} endpoint {} s3`",
                            if gateway { "gateway" } else { "interface" },
                            raw.name
                        )),
                    );
                }
                let private_dns = Props::or(props.bool("private_dns"), defaults::ENDPOINT_PRIVATE_DNS, at);
                NodeKind::Endpoint(Endpoint { endpoint_type, service, private_dns })
            }
            Kind::Nacl => NodeKind::Nacl(Nacl { rules: self.nacl_rules(raw) }),
            _ => unreachable!("not a network kind"),
        }
    }
}

/// Compute, load balancers and databases (in a VPC). `subnet` is the subnet
/// an ec2 is declared in.
fn compute_kind(raw: &RawNode, props: &Props, subnet: Option<NodeId>) -> NodeKind {
    let at = raw.name_span;
    match raw.kind {
        Kind::Ec2 => NodeKind::Ec2(Ec2 {
            instance: props.text("instance"),
            count: Props::or(props.u32("count"), defaults::EC2_COUNT, at),
            port: props.ports("port"),
            public_ip: props.bool("public_ip"),
            subnet,
        }),
        Kind::Asg => NodeKind::Asg(Asg {
            instance: props.text("instance"),
            min: props.u32("min"),
            max: props.u32("max"),
            desired: props.u32("desired"),
            port: props.ports("port"),
        }),
        Kind::Alb | Kind::Nlb => {
            let internet_facing = !raw.modifiers.iter().any(|m| m.text == "internal");
            let default = if raw.kind == Kind::Alb { defaults::ALB_LISTEN } else { defaults::NLB_LISTEN };
            let listen = Props::or(props.ports("listen"), default.to_vec(), at);
            let lb = LoadBalancer { internet_facing, listen, name: props.text("name") };
            if raw.kind == Kind::Alb {
                NodeKind::Alb(lb)
            } else {
                NodeKind::Nlb(lb)
            }
        }
        Kind::Ecs => NodeKind::Ecs(Ecs {
            image: props.text("image"),
            cpu: props.u32("cpu"),
            memory: props.bytes("memory"),
            tasks: props.u32("tasks"),
            port: props.ports("port"),
        }),
        Kind::Eks => NodeKind::Eks(Eks {
            version: props.text("version"),
            nodes: props.u32("nodes"),
            instance: props.text("instance"),
            port: props.ports("port"),
        }),
        Kind::Efs => NodeKind::Efs(Efs { encrypted: Props::or(props.bool("encrypted"), defaults::EFS_ENCRYPTED, at) }),
        Kind::Lambda => NodeKind::Lambda(Lambda {
            runtime: props.text("runtime"),
            memory: props.bytes("memory"),
            timeout: props.seconds("timeout"),
            concurrency: props.u32("concurrency"),
            handler: props.text("handler"),
        }),
        Kind::Rds => NodeKind::Rds(Rds {
            engine: props.word("engine"),
            version: props.text("version"),
            class: props.text("class"),
            storage: props.bytes("storage"),
            multi_az: props.bool("multi_az"),
            replicas: props.u32("replicas"),
            encrypted: Props::or(props.bool("encrypted"), defaults::RDS_ENCRYPTED, at),
            port: props.ports("port"),
        }),
        Kind::Aurora => NodeKind::Aurora(Aurora {
            engine: props.word("engine"),
            version: props.text("version"),
            class: props.text("class"),
            replicas: props.u32("replicas"),
            port: props.ports("port"),
        }),
        Kind::Elasticache => NodeKind::Elasticache(ElastiCache {
            engine: props.word("engine"),
            nodes: props.u32("nodes"),
            class: props.text("class"),
            port: props.ports("port"),
        }),
        _ => unreachable!("not a compute kind"),
    }
}

/// Regional and global services, hybrid links and what is outside AWS.
fn service_kind(raw: &RawNode, props: &Props, blocks: Vec<Spanned<Cidr>>) -> NodeKind {
    let at = raw.name_span;
    match raw.kind {
        Kind::Dynamodb => NodeKind::Dynamodb(DynamoDb {
            key: props.texts("key"),
            billing: props.word("billing"),
            regions: props.texts("regions"),
        }),
        Kind::S3 => NodeKind::S3(Bucket {
            bucket: props.text("bucket"),
            versioning: props.bool("versioning"),
            public: Props::or(props.bool("public"), defaults::S3_PUBLIC, at),
            website: props.bool("website"),
            replicate_to: props.reference("replicate_to"),
        }),
        Kind::Sqs => NodeKind::Sqs(Queue {
            fifo: props.bool("fifo"),
            visibility_timeout: Props::or(props.seconds("visibility_timeout"), defaults::SQS_VISIBILITY_TIMEOUT, at),
            retention: Props::or(props.seconds("retention"), defaults::SQS_RETENTION, at),
            dlq: props.reference("dlq"),
            max_receives: props.u32("max_receives"),
        }),
        Kind::Sns => NodeKind::Sns(Topic { fifo: props.bool("fifo") }),
        Kind::Kinesis => {
            NodeKind::Kinesis(Stream { shards: props.u32("shards"), retention: props.seconds("retention") })
        }
        Kind::Stepfn => NodeKind::Stepfn(StateMachine { workflow: props.word("type") }),
        Kind::Apigw => NodeKind::Apigw(Api {
            api_type: Props::or(props.word("type"), defaults::API_TYPE, at),
            timeout: props.seconds("timeout"),
            domain: props.text("domain"),
        }),
        Kind::Eventbridge => NodeKind::Eventbridge,
        Kind::Cloudfront => {
            NodeKind::Cloudfront(Distribution { origins: props.refs("origins"), domain: props.text("domain") })
        }
        Kind::Route53 => NodeKind::Route53(Records {
            domain: props.text("domain"),
            alias: props.reference("alias"),
            policy: Props::or(props.word("policy"), defaults::ROUTING_POLICY, at),
            targets: props.refs("targets"),
            weights: props.ints("weights"),
            health_check: props.bool("health_check"),
            zone: Props::or(props.word("zone"), defaults::ZONE_TYPE, at),
            vpcs: props.refs("vpcs"),
            ttl: props.seconds("ttl"),
        }),
        Kind::Waf => NodeKind::Waf(WebAcl { protects: props.refs("protects"), rate_limit: props.u32("rate_limit") }),
        Kind::Tgw => NodeKind::Tgw(TransitGateway {
            attach: props.refs("attach"),
            peer: props.refs("peer"),
            asn: props.u64("asn"),
        }),
        Kind::Vpn => NodeKind::Vpn(Vpn {
            to: props.reference("to"),
            tgw: props.reference("tgw"),
            vgw: props.reference("vgw"),
            routing: Props::or(props.word("routing"), defaults::VPN_ROUTING, at),
        }),
        Kind::Dx => NodeKind::Dx(DirectConnect {
            to: props.reference("to"),
            bandwidth: props.text("bandwidth"),
            tgw: props.reference("tgw"),
            vgw: props.reference("vgw"),
        }),
        Kind::Onprem => NodeKind::Onprem(OnPrem {
            cidr: blocks.first().cloned(),
            asn: props.u64("asn"),
            address: props.text("address"),
        }),
        Kind::Users => NodeKind::Users,
        _ => unreachable!("not a service kind"),
    }
}
