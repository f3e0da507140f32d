//! Pass 3: the typed model. Each raw node's properties are typed against its
//! kind's row of the kind table, its references resolved, and its kind-specific
//! data built; then flows (one per hop, with concrete ports), peerings and
//! settings.

use std::collections::BTreeMap;

use crate::diag::codes;
use archc_syntax::{Diagnostic, Fix, Span};

use super::expand::{Raw, RawNode, RawProp, RawRef};
use super::scope::unresolved;
use super::subst::{SVal, Val};
use super::typed::{self, Typed};
use crate::diag::suggest::did_you_mean;
use crate::model::cidr::{Cidr, CidrError};
use crate::model::kinds::{Args, Kind, PropSpec, Ty, COMMON_PROPS, FLOW_PROPS, PEERING_PROPS};
use crate::model::ports::{engine_port, is_service_api, PortRange};
use crate::model::*;

/// A property after typing.
enum PropVal {
    One(Typed),
    Many(Vec<(Typed, Span)>),
    Ref(NodeId),
    Refs(Vec<(NodeId, Span)>),
}

/// The typed properties of one declaration, flow or peering.
#[derive(Default)]
struct Props {
    map: BTreeMap<&'static str, (PropVal, Span)>,
}

impl Props {
    fn one(&self, key: &str) -> Option<(&Typed, Span)> {
        match self.map.get(key) {
            Some((PropVal::One(t), s)) => Some((t, *s)),
            _ => None,
        }
    }

    fn bool(&self, key: &str) -> Option<Spanned<bool>> {
        match self.one(key) {
            Some((Typed::Bool(b), s)) => Some(Spanned::new(*b, s)),
            _ => None,
        }
    }

    fn int(&self, key: &str) -> Option<Spanned<i64>> {
        match self.one(key) {
            Some((Typed::Int(n), s)) => Some(Spanned::new(*n, s)),
            _ => None,
        }
    }

    fn u32(&self, key: &str) -> Option<Spanned<u32>> {
        self.int(key).and_then(|n| u32::try_from(n.value).ok().map(|v| Spanned::new(v, n.span)))
    }

    fn u64(&self, key: &str) -> Option<Spanned<u64>> {
        match self.one(key) {
            Some((Typed::Int(n), s)) => u64::try_from(*n).ok().map(|v| Spanned::new(v, s)),
            Some((Typed::Duration(n) | Typed::Size(n), s)) => Some(Spanned::new(*n, s)),
            _ => None,
        }
    }

    fn text(&self, key: &str) -> Option<Spanned<String>> {
        match self.one(key) {
            Some((Typed::Text(t), s)) => Some(Spanned::new(t.clone(), s)),
            _ => None,
        }
    }

    fn prefix(&self, key: &str) -> Option<Spanned<u8>> {
        match self.one(key) {
            Some((Typed::Prefix(p), s)) => Some(Spanned::new(*p, s)),
            _ => None,
        }
    }

    fn ports(&self, key: &str) -> Option<Spanned<Vec<PortRange>>> {
        match self.one(key) {
            Some((Typed::Ports(p), s)) => Some(Spanned::new(p.clone(), s)),
            _ => None,
        }
    }

    fn reference(&self, key: &str) -> Option<Spanned<NodeId>> {
        match self.map.get(key) {
            Some((PropVal::Ref(id), s)) => Some(Spanned::new(*id, *s)),
            _ => None,
        }
    }

    fn refs(&self, key: &str) -> Vec<Spanned<NodeId>> {
        match self.map.get(key) {
            Some((PropVal::Refs(ids), _)) => ids.iter().map(|(id, s)| Spanned::new(*id, *s)).collect(),
            _ => Vec::new(),
        }
    }

    /// The items of a list property that `pick` accepts.
    fn many<T>(&self, key: &str, pick: impl Fn(&Typed) -> Option<T>) -> Vec<Spanned<T>> {
        match self.map.get(key) {
            Some((PropVal::Many(items), _)) => {
                items.iter().filter_map(|(t, s)| pick(t).map(|v| Spanned::new(v, *s))).collect()
            }
            _ => Vec::new(),
        }
    }

    fn texts(&self, key: &str) -> Vec<Spanned<String>> {
        self.many(key, |t| match t {
            Typed::Text(x) => Some(x.clone()),
            _ => None,
        })
    }

    fn ints(&self, key: &str) -> Vec<Spanned<u32>> {
        self.many(key, |t| match t {
            Typed::Int(n) => u32::try_from(*n).ok(),
            _ => None,
        })
    }
}

struct Builder<'r> {
    raw: &'r Raw,
    diags: &'r mut Vec<Diagnostic>,
}

pub(crate) fn build(raw: &Raw, diags: &mut Vec<Diagnostic>) -> Model {
    let mut b = Builder { raw, diags };
    let mut model = Model { settings: b.settings(), ..Model::default() };
    for node in &raw.nodes {
        let built = b.node(node, &model);
        model.nodes.push(built);
    }
    for flow in &raw.flows {
        b.flows(flow, &mut model);
    }
    for p in &raw.peerings {
        if let Some(peering) = b.peering(p) {
            model.peerings.push(peering);
        }
    }
    model
}

impl Builder<'_> {
    /// Resolves a reference to a node of one of `wanted` (any kind if empty).
    fn resolve(&mut self, r: &RawRef, wanted: &[Kind]) -> Option<NodeId> {
        let result = self.raw.scopes.lookup(r.scope, &r.path, &self.raw.candidates);
        let Some(index) = result.found() else {
            // A name a failed import would have declared is not reported:
            // the import's own error says what to fix first.
            if !(self.raw.imports_failed && matches!(result, super::scope::Lookup::NotFound)) {
                self.diags.push(unresolved(&result, &r.text, r.span, &self.raw.candidates, &self.raw.scopes, wanted));
            }
            return None;
        };
        let found = self.raw.nodes[index].kind;
        if !wanted.is_empty() && !wanted.contains(&found) {
            self.diags.push(
                Diagnostic::new(
                    codes::WRONG_KIND_REFERENCE,
                    r.span,
                    format!(
                        "`{}` is {}, but {} is expected here",
                        r.text,
                        found.a(),
                        crate::model::kinds::kinds_phrase(wanted)
                    ),
                )
                .with_label(
                    self.raw.nodes[index].name_span,
                    format!("`{}` is declared here", self.raw.nodes[index].name),
                ),
            );
            return None;
        }
        Some(NodeId(index as u32))
    }

    fn word_ref(
        &mut self,
        v: &SVal,
        scope: super::scope::ScopeId,
        wanted: &[Kind],
        key: &str,
        ty: Ty,
    ) -> Option<NodeId> {
        match &v.val {
            Val::Word(w) => {
                let r =
                    RawRef { path: w.split('.').map(str::to_string).collect(), text: w.clone(), span: v.span, scope };
                self.resolve(&r, wanted)
            }
            _ => {
                self.diags.push(
                    Diagnostic::new(codes::INVALID_VALUE, v.span, format!("`{key}` takes {}", ty.describe()))
                        .with_help("write the name without quotes"),
                );
                None
            }
        }
    }

    /// Types every property against `specs`; unknown or repeated keys are
    /// reported.
    fn props(
        &mut self,
        owner: &str,
        specs: &[&'static [PropSpec]],
        raw: &[RawProp],
        scope: super::scope::ScopeId,
    ) -> Props {
        let mut props = Props::default();
        let mut seen: BTreeMap<&str, Span> = BTreeMap::new();
        for p in raw {
            let Some(spec) = specs.iter().flat_map(|s| s.iter()).find(|s| s.key == p.key) else {
                let keys: Vec<&str> = specs.iter().flat_map(|s| s.iter()).map(|s| s.key).collect();
                let mut d = Diagnostic::new(
                    codes::UNKNOWN_PROPERTY,
                    p.key_span,
                    format!("{owner} has no property `{}`", p.key),
                );
                let listed = crate::model::kinds::all_of(&keys);
                d = match did_you_mean(&p.key, keys.iter().copied()) {
                    Some(s) => d.with_help(format!("did you mean `{s}`? Its properties are {listed}")),
                    None => d.with_help(format!("its properties are {listed}")),
                };
                self.diags.push(d);
                continue;
            };
            if let Some(first) = seen.get(spec.key) {
                self.diags.push(
                    Diagnostic::new(codes::DUPLICATE_PROPERTY, p.key_span, format!("`{}` is given twice", spec.key))
                        .with_label(*first, "first given here")
                        .with_help("keep one of them"),
                );
                continue;
            }
            seen.insert(spec.key, p.key_span);
            let value = self.prop_value(spec, p, scope);
            if let Some(v) = value {
                props.map.insert(spec.key, (v, p.span));
            }
        }
        props
    }

    fn prop_value(&mut self, spec: &PropSpec, p: &RawProp, scope: super::scope::ScopeId) -> Option<PropVal> {
        let values = if spec.ty.is_list() { SVal::flatten(p.values.clone()) } else { p.values.clone() };
        if values.is_empty() {
            if !p.flag {
                // The values were `$p` or `${p}` that failed: already reported.
                return None;
            }
            if spec.ty == Ty::Bool {
                return Some(PropVal::One(Typed::Bool(true)));
            }
            self.diags.push(
                Diagnostic::new(codes::INVALID_VALUE, p.key_span, format!("`{}` needs a value", spec.key))
                    .with_help(format!("write `{}: …` with {}", spec.key, spec.ty.describe())),
            );
            return None;
        }
        if !spec.ty.is_list() && values.len() > 1 {
            self.diags.push(
                Diagnostic::new(codes::INVALID_VALUE, values[1].span, format!("`{}` takes one value", spec.key))
                    .with_help(format!("`{}` takes {}", spec.key, spec.ty.describe())),
            );
            return None;
        }
        match spec.ty {
            Ty::Ref(kinds) => self.word_ref(&values[0], scope, kinds, spec.key, spec.ty).map(PropVal::Ref),
            Ty::Refs(kinds) => {
                let ids: Vec<(NodeId, Span)> = values
                    .iter()
                    .filter_map(|v| self.word_ref(v, scope, kinds, spec.key, spec.ty).map(|id| (id, v.span)))
                    .collect();
                Some(PropVal::Refs(ids))
            }
            Ty::Ports => typed::ports(&values, self.diags).map(|p| PropVal::One(Typed::Ports(p))),
            Ty::Ints(..) | Ty::Texts => {
                let items: Vec<(Typed, Span)> = values
                    .iter()
                    .filter_map(|v| typed::scalar(spec.key, spec.ty, v, self.diags).map(|t| (t, v.span)))
                    .collect();
                Some(PropVal::Many(items))
            }
            ty => typed::scalar(spec.key, ty, &values[0], self.diags).map(PropVal::One),
        }
    }

    fn cidr(&mut self, v: &SVal) -> Option<Spanned<Cidr>> {
        let Val::Cidr(text) = &v.val else {
            self.diags.push(
                Diagnostic::new(
                    codes::INVALID_VALUE,
                    v.span,
                    format!("`{}` is not a CIDR block", v.text().unwrap_or_default()),
                )
                .with_help("write an IPv4 block such as `10.0.0.0/16`"),
            );
            return None;
        };
        // Host bits (E0201) are the checker's: the model keeps the block as written.
        match Cidr::parse(text) {
            Ok(c) => Some(Spanned::new(c, v.span)),
            Err(CidrError(why)) => {
                self.diags.push(
                    Diagnostic::new(codes::MALFORMED_LITERAL, v.span, format!("`{text}` is not a valid CIDR block"))
                        .with_help(why),
                );
                None
            }
        }
    }

    /// The arguments after the name, checked against the kind's rule.
    fn args(&mut self, node: &RawNode) -> Vec<Spanned<Cidr>> {
        let spec = node.kind.spec();
        let kw = spec.keyword;
        match spec.args {
            Args::None | Args::Service => {
                let allowed = usize::from(spec.args == Args::Service);
                if let Some(extra) = node.args.get(allowed) {
                    self.diags.push(
                        Diagnostic::new(
                            codes::UNEXPECTED_PART,
                            extra.span,
                            format!("`{kw}` takes no argument `{}` here", extra.text().unwrap_or_default()),
                        )
                        .with_help("properties go in the `{ }` body as `key: value`"),
                    );
                }
                Vec::new()
            }
            Args::Cidrs | Args::OptionalCidr | Args::Cidr => {
                let blocks: Vec<Spanned<Cidr>> = node.args.iter().filter_map(|v| self.cidr(v)).collect();
                if node.args.is_empty() && spec.args != Args::OptionalCidr {
                    self.diags.push(
                        Diagnostic::new(
                            codes::MISSING_PART,
                            node.name_span,
                            format!("`{kw}` `{}` needs its CIDR block", node.name),
                        )
                        .with_help(format!("write `{kw} {} 10.0.0.0/16`", node.name)),
                    );
                }
                if spec.args != Args::Cidrs && node.args.len() > 1 {
                    self.diags.push(
                        Diagnostic::new(
                            codes::UNEXPECTED_PART,
                            node.args[1].span,
                            format!("`{kw}` takes one CIDR block"),
                        )
                        .with_help(if node.kind == Kind::Subnet {
                            "a subnet has one block"
                        } else {
                            "remove the extra block"
                        }),
                    );
                }
                blocks
            }
        }
    }

    fn ancestor(&self, model: &Model, start: Option<NodeId>, kind: Kind) -> Option<NodeId> {
        let mut at = start;
        while let Some(id) = at {
            let n = model.get(id)?;
            if n.kind() == kind {
                return Some(id);
            }
            at = n.parent;
        }
        None
    }

    fn node(&mut self, raw: &RawNode, model: &Model) -> Node {
        let kind = raw.kind;
        let parent = raw.parent.map(|p| NodeId(p as u32));
        let region = if kind == Kind::Region { None } else { self.ancestor(model, parent, Kind::Region) };
        let vpc = if kind == Kind::Vpc { None } else { self.ancestor(model, parent, Kind::Vpc) };
        let owner = format!("{} `{}`", kind.keyword(), raw.name);
        let props = self.props(&owner, &[kind.spec().props, COMMON_PROPS], &raw.props, raw.scope);
        let blocks = self.args(raw);

        let mut placement = Vec::new();
        if let Some((_, refs)) = &raw.placement {
            for r in refs {
                let Some(id) = self.resolve(r, &[Kind::Subnet]) else { continue };
                let subnet_vpc = self.ancestor(model, model.get(id).and_then(|n| n.parent), Kind::Vpc);
                if vpc.is_some() && subnet_vpc.is_some() && subnet_vpc != vpc {
                    let vpc_name = subnet_vpc.and_then(|v| model.get(v)).map(|n| n.name.clone()).unwrap_or_default();
                    let own = vpc.and_then(|v| model.get(v)).map(|n| n.name.clone()).unwrap_or_default();
                    let subnet_span = model.get(id).map_or(r.span, |n| n.name_span);
                    self.diags.push(
                        Diagnostic::new(
                            codes::PLACEMENT_OTHER_VPC,
                            r.span,
                            format!(
                                "`{}` is a subnet of vpc `{vpc_name}`, but `{}` is declared in vpc `{own}`",
                                r.text, raw.name
                            ),
                        )
                        .with_label(subnet_span, format!("declared in vpc `{vpc_name}`"))
                        .with_help("place a resource only in subnets of its own VPC"),
                    );
                    continue;
                }
                if placement.contains(&id) {
                    self.diags.push(Diagnostic::new(
                        codes::DUPLICATE_PROPERTY,
                        r.span,
                        format!("`{}` is listed twice", r.text),
                    ));
                    continue;
                }
                placement.push(id);
            }
        }
        let parent_is = |k: Kind| parent.and_then(|p| model.get(p)).is_some_and(|n| n.kind() == k);
        if matches!(kind, Kind::Ec2) && parent_is(Kind::Subnet) {
            placement = parent.into_iter().collect();
        }

        let node_kind = match kind {
            Kind::Internet => NodeKind::Internet,
            Kind::Region => NodeKind::Region(Region { code: raw.name.clone() }),
            Kind::Vpc => NodeKind::Vpc(Vpc {
                blocks,
                dns_hostnames: props.bool("dns_hostnames"),
                dns_support: props.bool("dns_support"),
            }),
            Kind::Az => {
                let code = region.and_then(|r| model.get(r)).map(|r| r.name.clone()).unwrap_or_default();
                NodeKind::Az(Zone { suffix: raw.name.clone(), zone_name: format!("{code}{}", raw.name) })
            }
            Kind::Subnet => {
                let tier = raw
                    .modifiers
                    .iter()
                    .find_map(|m| {
                        let t = match m.text.as_str() {
                            "public" => Tier::Public,
                            "private" => Tier::Private,
                            "isolated" => Tier::Isolated,
                            _ => return None,
                        };
                        Some(Spanned::new(t, m.span))
                    })
                    .unwrap_or(Spanned::new(Tier::Private, raw.name_span));
                let (cidr, allocated, cidr_span) = match blocks.first() {
                    Some(b) => (b.value, false, b.span),
                    None => (Cidr::PLACEHOLDER, true, raw.name_span),
                };
                let zone = if parent_is(Kind::Az) { parent.unwrap_or(NodeId(0)) } else { NodeId(0) };
                NodeKind::Subnet(Subnet { tier, cidr, allocated, cidr_span, size: props.prefix("size"), zone })
            }
            Kind::Igw => NodeKind::Igw,
            Kind::Nat => self.nat(raw, &props, parent, parent_is(Kind::Vpc)),
            Kind::Endpoint => {
                let gateway = raw.modifiers.iter().any(|m| m.text == "gateway");
                let service = match raw.args.first().and_then(SVal::text) {
                    Some(s) => Spanned::new(s, raw.args[0].span),
                    None => {
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
                        Spanned::new(String::new(), raw.name_span)
                    }
                };
                let ty_span = raw.modifiers.first().map_or(raw.span, |m| m.span);
                let endpoint_type =
                    Spanned::new(if gateway { EndpointType::Gateway } else { EndpointType::Interface }, ty_span);
                NodeKind::Endpoint(Endpoint { endpoint_type, service, private_dns: props.bool("private_dns") })
            }
            Kind::Ec2 => NodeKind::Ec2(Ec2 {
                instance: props.text("instance"),
                count: props.u32("count"),
                port: props.ports("port"),
                public_ip: props.bool("public_ip"),
                subnet: parent.unwrap_or(NodeId(0)),
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
                let listen =
                    props.ports("listen").unwrap_or_else(|| Spanned::new(vec![PortRange::tcp(80)], raw.name_span));
                let lb = LoadBalancer { internet_facing, listen, name: props.text("name") };
                if kind == Kind::Alb {
                    NodeKind::Alb(lb)
                } else {
                    NodeKind::Nlb(lb)
                }
            }
            Kind::Nacl => NodeKind::Nacl(Nacl { rules: self.nacl_rules(raw) }),
            Kind::Ecs => NodeKind::Ecs(Ecs {
                image: props.text("image"),
                cpu: props.u32("cpu"),
                memory: props.u64("memory"),
                tasks: props.u32("tasks"),
                port: props.ports("port"),
            }),
            Kind::Eks => NodeKind::Eks(Eks {
                version: props.text("version"),
                nodes: props.u32("nodes"),
                instance: props.text("instance"),
                port: props.ports("port"),
            }),
            Kind::Efs => NodeKind::Efs(Efs { encrypted: props.bool("encrypted") }),
            Kind::Lambda => NodeKind::Lambda(Lambda {
                runtime: props.text("runtime"),
                memory: props.u64("memory"),
                timeout: props.u64("timeout"),
                concurrency: props.u32("concurrency"),
                handler: props.text("handler"),
            }),
            Kind::Rds => NodeKind::Rds(Rds {
                engine: props.text("engine"),
                version: props.text("version"),
                class: props.text("class"),
                storage: props.u64("storage"),
                multi_az: props.bool("multi_az"),
                replicas: props.u32("replicas"),
                encrypted: props.bool("encrypted"),
                port: props.ports("port"),
            }),
            Kind::Aurora => NodeKind::Aurora(Aurora {
                engine: props.text("engine"),
                version: props.text("version"),
                class: props.text("class"),
                replicas: props.u32("replicas"),
                port: props.ports("port"),
            }),
            Kind::Elasticache => NodeKind::Elasticache(ElastiCache {
                engine: props.text("engine"),
                nodes: props.u32("nodes"),
                class: props.text("class"),
                port: props.ports("port"),
            }),
            Kind::Dynamodb => NodeKind::Dynamodb(DynamoDb {
                key: props.texts("key"),
                billing: props.text("billing"),
                regions: props.texts("regions"),
            }),
            Kind::S3 => NodeKind::S3(Bucket {
                bucket: props.text("bucket"),
                versioning: props.bool("versioning"),
                public: props.bool("public"),
                website: props.bool("website"),
                replicate_to: props.reference("replicate_to"),
            }),
            Kind::Sqs => NodeKind::Sqs(Queue {
                fifo: props.bool("fifo"),
                visibility_timeout: props.u64("visibility_timeout"),
                retention: props.u64("retention"),
                dlq: props.reference("dlq"),
                max_receives: props.u32("max_receives"),
            }),
            Kind::Sns => NodeKind::Sns(Topic { fifo: props.bool("fifo") }),
            Kind::Kinesis => {
                NodeKind::Kinesis(Stream { shards: props.u32("shards"), retention: props.u64("retention") })
            }
            Kind::Stepfn => NodeKind::Stepfn(StateMachine { workflow: props.text("type") }),
            Kind::Apigw => NodeKind::Apigw(Api {
                api_type: props.text("type"),
                timeout: props.u64("timeout"),
                domain: props.text("domain"),
            }),
            Kind::Eventbridge => NodeKind::Eventbridge,
            Kind::Cloudfront => {
                NodeKind::Cloudfront(Distribution { origins: props.refs("origins"), domain: props.text("domain") })
            }
            Kind::Route53 => NodeKind::Route53(Records {
                domain: props.text("domain"),
                alias: props.reference("alias"),
                policy: props.text("policy"),
                targets: props.refs("targets"),
                weights: props.ints("weights"),
                health_check: props.bool("health_check"),
                zone: props.text("zone"),
                vpcs: props.refs("vpcs"),
                ttl: props.u64("ttl"),
            }),
            Kind::Waf => {
                NodeKind::Waf(WebAcl { protects: props.refs("protects"), rate_limit: props.u32("rate_limit") })
            }
            Kind::Tgw => NodeKind::Tgw(TransitGateway {
                attach: props.refs("attach"),
                peer: props.refs("peer"),
                asn: props.u64("asn"),
            }),
            Kind::Vpn => NodeKind::Vpn(Vpn {
                to: props.reference("to"),
                tgw: props.reference("tgw"),
                vgw: props.reference("vgw"),
                routing: props.text("routing"),
            }),
            Kind::Dx => NodeKind::Dx(DirectConnect {
                to: props.reference("to"),
                bandwidth: props.text("bandwidth"),
                tgw: props.reference("tgw"),
                vgw: props.reference("vgw"),
            }),
            Kind::Onprem => NodeKind::Onprem(OnPrem {
                cidr: blocks.first().cloned().unwrap_or(Spanned::new(Cidr::PLACEHOLDER, raw.name_span)),
                asn: props.u64("asn"),
                address: props.text("address"),
            }),
            Kind::Users => NodeKind::Users,
        };
        Node {
            id: raw.id.clone(),
            name: raw.name.clone(),
            name_span: raw.name_span,
            span: raw.span,
            parent,
            region,
            vpc,
            placement,
            placement_span: raw.placement.as_ref().map(|(s, refs)| refs.iter().fold(*s, |acc, r| acc.join(r.span))),
            label: props.text("label"),
            description: props.text("description"),
            kind: node_kind,
        }
    }

    fn nat(&mut self, raw: &RawNode, props: &Props, parent: Option<NodeId>, in_vpc: bool) -> NodeKind {
        let connectivity = match props.text("type") {
            Some(t) if t.value == "private" => Spanned::new(Connectivity::Private, t.span),
            Some(t) => Spanned::new(Connectivity::Public, t.span),
            None => Spanned::new(Connectivity::Public, raw.name_span),
        };
        let mode = match props.text("mode") {
            Some(m) if m.value == "regional" => Spanned::new(NatMode::Regional, m.span),
            Some(m) => Spanned::new(NatMode::Zonal, m.span),
            None => Spanned::new(NatMode::Zonal, raw.name_span),
        };
        if !raw.misplaced {
            if in_vpc && mode.value == NatMode::Zonal {
                self.diags.push(
                    Diagnostic::new(codes::WRONG_PLACE, raw.name_span, format!("the zonal NAT gateway `{}` is declared in a vpc", raw.name))
                        .with_help("declare a zonal NAT gateway inside its subnet's `{ }`, or write `mode: regional` for one that serves every zone"),
                );
            } else if !in_vpc && mode.value == NatMode::Regional {
                self.diags.push(
                    Diagnostic::new(
                        codes::WRONG_PLACE,
                        mode.span,
                        format!("the regional NAT gateway `{}` is declared in a subnet", raw.name),
                    )
                    .with_help("a regional NAT gateway belongs to the vpc: declare it in the vpc's `{ }`"),
                );
            }
        }
        let subnet = if in_vpc { None } else { parent };
        NodeKind::Nat(NatGateway { connectivity, mode, subnet })
    }

    fn nacl_rules(&mut self, raw: &RawNode) -> Vec<NaclRule> {
        let mut out = Vec::new();
        for r in &raw.nacl_rules {
            let action = if r.action.text == "allow" { Action::Allow } else { Action::Deny };
            let direction = if r.direction.text == "in" { RuleDirection::In } else { RuleDirection::Out };
            let expected_peer = if direction == RuleDirection::In { "from" } else { "to" };
            if r.peer_keyword.text != expected_peer {
                self.diags.push(
                    Diagnostic::new(
                        codes::NACL_RULE,
                        r.peer_keyword.span,
                        format!("an `{}` rule names its remote block with `{expected_peer}`", r.direction.text),
                    )
                    .with_fix(Fix::safe(r.peer_keyword.span, expected_peer)),
                );
            }
            let number = r.number.first().and_then(typed::int);
            let number = match number {
                Some(n) if (1..=32766).contains(&n) => Spanned::new(n as u32, r.number[0].span),
                _ => {
                    let span = r.number.first().map_or(r.span, |v| v.span);
                    self.diags.push(
                        Diagnostic::new(
                            codes::NACL_RULE,
                            span,
                            "a network ACL rule number is a whole number from 1 to 32766",
                        )
                        .with_help(
                            "rules are evaluated lowest number first; leave gaps (100, 200…) to insert rules later",
                        ),
                    );
                    continue;
                }
            };
            let Some(ports) = typed::ports(&r.ports, self.diags) else { continue };
            let Some(cidr) = r.peer.first().and_then(|v| self.cidr(v)) else { continue };
            out.push(NaclRule { action, direction, number, ports, cidr, span: r.span });
        }
        out
    }

    /// The port a flow without ports uses (§5), if the target has one.
    fn natural_port(node: &Node) -> Option<Vec<PortRange>> {
        let own_or_engine = |port: &Option<Spanned<Vec<PortRange>>>, engine: &Option<Spanned<String>>| {
            port.as_ref()
                .map(|p| p.value.clone())
                .or_else(|| engine.as_ref().and_then(|e| engine_port(&e.value)).map(|p| vec![p]))
        };
        match &node.kind {
            NodeKind::Rds(r) => own_or_engine(&r.port, &r.engine),
            NodeKind::Aurora(a) => own_or_engine(&a.port, &a.engine),
            NodeKind::Elasticache(e) => own_or_engine(&e.port, &e.engine),
            NodeKind::Efs(_) => Some(vec![PortRange::tcp(2049)]),
            NodeKind::Alb(lb) | NodeKind::Nlb(lb) => Some(lb.listen.value.clone()),
            NodeKind::Ec2(e) => e.port.as_ref().map(|p| p.value.clone()),
            NodeKind::Asg(a) => a.port.as_ref().map(|p| p.value.clone()),
            NodeKind::Ecs(e) => e.port.as_ref().map(|p| p.value.clone()),
            NodeKind::Eks(e) => e.port.as_ref().map(|p| p.value.clone()),
            NodeKind::Route53(_) => Some(vec![PortRange::udp(53)]),
            NodeKind::Internet => Some(vec![PortRange::tcp(443)]),
            _ if is_service_api(node.kind()) => Some(vec![PortRange::tcp(443)]),
            _ => None,
        }
    }

    fn flows(&mut self, raw: &super::expand::RawFlow, model: &mut Model) {
        let scope = raw.hops.first().map(|h| h.scope).unwrap_or(super::scope::ScopeId(0));
        let props = self.props("a flow", &[FLOW_PROPS], &raw.props, scope);
        let hops: Vec<Option<NodeId>> = raw
            .hops
            .iter()
            .map(|h| {
                let id = self.resolve(h, &[])?;
                let node = model.get(id)?;
                if !node.kind().takes_flows() {
                    self.diags.push(
                        Diagnostic::new(
                            codes::FLOW_ENDPOINT,
                            h.span,
                            format!(
                                "a flow cannot start or end at {} `{}`",
                                node.kind().article(),
                                node.kind().keyword()
                            ),
                        )
                        .with_label(node.name_span, "declared here")
                        .with_help(
                            "flows connect resources; name the resource inside it that sends or receives the traffic",
                        ),
                    );
                    return None;
                }
                Some(id)
            })
            .collect();
        let written = if raw.ports.is_empty() { None } else { typed::ports(&raw.ports, self.diags) };
        if !raw.ports.is_empty() && written.is_none() {
            return;
        }
        for (i, pair) in hops.windows(2).enumerate() {
            let (Some(from), Some(to)) = (pair[0], pair[1]) else { continue };
            let (from_ref, to_ref) = (&raw.hops[i], &raw.hops[i + 1]);
            let ports = match &written {
                Some(p) => p.clone(),
                None => match model.get(to).and_then(Self::natural_port) {
                    Some(p) => p,
                    None => {
                        let target = model.node(to);
                        let help = match target.kind() {
                            Kind::Ec2 | Kind::Asg | Kind::Ecs | Kind::Eks => {
                                format!("give the flow its ports (`: 8080`), or give `{}` a `port:`", target.name)
                            }
                            Kind::Rds | Kind::Aurora | Kind::Elasticache => {
                                format!("give `{}` an `engine:`, or give the flow its ports", target.name)
                            }
                            _ => "give the flow its ports, e.g. `: https` or `: 8080`".to_string(),
                        };
                        self.diags.push(
                            Diagnostic::new(
                                codes::FLOW_WITHOUT_PORT,
                                to_ref.span,
                                format!(
                                    "the flow to `{}` needs ports: {} has no natural port",
                                    to_ref.text,
                                    target.kind().a()
                                ),
                            )
                            .with_label(target.name_span, "declared here")
                            .with_help(help),
                        );
                        continue;
                    }
                },
            };
            model.flows.push(Flow {
                from: Spanned::new(from, from_ref.span),
                to: Spanned::new(to, to_ref.span),
                ports,
                ports_written: written.is_some(),
                ports_span: raw.ports_span,
                label: raw.label.as_ref().map(|(t, s)| Spanned::new(t.clone(), *s)),
                pattern: props.text("pattern"),
                filter: props.text("filter"),
                batch_size: props.u32("batch_size"),
                description: props.text("description"),
                span: raw.span,
            });
        }
    }

    fn peering(&mut self, p: &super::expand::RawPeering) -> Option<Peering> {
        let scope = p.left.as_ref().map(|r| r.scope).unwrap_or(super::scope::ScopeId(0));
        let props = self.props(&format!("peering `{}`", p.name), &[PEERING_PROPS], &p.props, scope);
        let left = p.left.as_ref().and_then(|r| self.resolve(r, &[Kind::Vpc]).map(|id| Spanned::new(id, r.span)));
        let right = p.right.as_ref().and_then(|r| self.resolve(r, &[Kind::Vpc]).map(|id| Spanned::new(id, r.span)));
        Some(Peering {
            name: Spanned::new(p.name.clone(), p.name_span),
            left: left?,
            right: right?,
            dns: props.bool("dns"),
            label: props.text("label"),
            span: p.span,
        })
    }

    fn settings(&mut self) -> Settings {
        let mut settings = Settings::default();
        let mut seen: BTreeMap<String, Span> = BTreeMap::new();
        for s in &self.raw.settings {
            let key = s.key.text.as_str();
            if let Some(first) = seen.get(key) {
                self.diags.push(
                    Diagnostic::new(codes::DUPLICATE_PROPERTY, s.key.span, format!("`{key}` is set twice"))
                        .with_label(*first, "first set here")
                        .with_help("keep one of them"),
                );
                continue;
            }
            seen.insert(key.to_string(), s.key.span);
            let Some(v) = s.value.first() else { continue };
            let word = match &v.val {
                Val::Word(w) | Val::Str(w) => Some(w.as_str()),
                _ => None,
            };
            match (key, word) {
                ("title", _) => match &v.val {
                    Val::Str(t) => settings.title = Some(Spanned::new(t.clone(), v.span)),
                    _ => self.diags.push(
                        Diagnostic::new(codes::INVALID_VALUE, v.span, "the title is a string")
                            .with_help("write `title \"…\"`"),
                    ),
                },
                ("direction", Some("right")) => settings.direction = Spanned::new(Direction::Right, v.span),
                ("direction", Some("down")) => settings.direction = Spanned::new(Direction::Down, v.span),
                ("theme", Some("light")) => settings.theme = Spanned::new(Theme::Light, v.span),
                ("theme", Some("dark")) => settings.theme = Spanned::new(Theme::Dark, v.span),
                (_, _) => {
                    let choices = if key == "direction" { "`right` or `down`" } else { "`light` or `dark`" };
                    self.diags.push(
                        Diagnostic::new(
                            codes::INVALID_VALUE,
                            v.span,
                            format!("`{}` is not a valid `{key}`", v.text().unwrap_or_default()),
                        )
                        .with_help(format!("`{key}` is {choices}")),
                    );
                }
            }
        }
        settings
    }
}
