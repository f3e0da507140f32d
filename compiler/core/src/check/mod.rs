//! The checker: rules over a model that lowered without errors.
//!
//! Each rule is a type in a file of its own (`check/cidr_host_bits.rs`),
//! ruff-style. Its doc comment is its explanation, the Markdown that
//! `archc explain CODE` prints and SARIF carries: `# CODE: title`, what it
//! checks and why (with the AWS documentation page), an `## Example` that
//! fails and a `## Fix` that compiles, in ```arch blocks, as for
//! `diag/codes/*.md` (`tests/codes.rs` compiles both). `rule!` declares the
//! type and turns its doc comment into `EXPLANATION`; [`Rule`] is what it
//! does. `declare_rules!` below is the one place every rule is registered
//! with its code, name, severity and summary: it declares the [`Code`]
//! constants (through `declare_codes!`, so `diag::codes::all()` lists them)
//! and the list [`check`] runs.
//!
//! [`check`] runs only on a model that lowered without errors (see
//! `compile`): a rule may rely on every reference being resolved and every
//! value typed, and never reports a follow-on of a front-end error.
//!
//! Adding a rule: a file here with `rule! { /// docs… pub struct Name; }` and
//! `impl Rule for Name`, a row in `declare_rules!` below, an invalid fixture
//! `core/tests/fixtures/invalid/CODE_what.arch`, a row in docs/diagnostics.md.

mod admin_port_open;
mod alb_one_zone;
mod all_ports_open;
mod apigw_timeout;
mod asg_sizes;
mod aurora_replicas;
mod bucket_name;
mod cidr_host_bits;
mod cloudfront_origins;
mod connected_vpc_overlap;
mod cross_az_nat;
mod database_in_public_subnet;
mod database_open_to_internet;
mod default_quota;
mod edge_to_edge;
mod flow_no_route;
mod flow_not_proven;
mod flows;
mod gateway_endpoint_service;
mod internet_facing_lb_not_public;
mod internet_no_way_out;
mod internet_to_private;
mod invalid_integration;
mod lambda_memory;
mod lambda_timeout;
mod lb_name;
mod lb_two_subnets_one_zone;
mod link_local;
mod multivalue_over_eight;
mod nacl_admin_port_open;
mod nacl_blocks_flow;
mod nacl_rule_no_effect;
mod nacl_rule_quota;
mod nacl_rule_shadowed;
mod nat_not_public;
mod net;
mod peering_not_transitive;
mod peering_self_or_duplicate;
mod plaintext_listener;
mod prefix_range;
mod public_bucket;
mod public_ip_in_private_subnet;
mod public_subnet_without_igw;
mod queue_visibility_below_6x;
mod queue_visibility_below_lambda;
mod rds_replicas;
mod regional_nat_without_igw;
mod route53_weights;
mod security;
mod sensitive_port_wide;
mod service_through_nat;
mod single_zone_tier;
mod sqs_retention;
mod sqs_visibility;
mod subnet_capacity;
mod subnet_group_one_zone;
mod subnet_in_two_nacls;
mod subnet_outside_vpc;
mod subnet_overlap;
mod tgw_region;
mod two_igws;
mod unencrypted_storage;
mod vgw_region;
mod vpc_blocks_overlap;
mod vpc_overlap;
mod vpn_without_gateway;
mod wide_port_range;
mod zone_not_in_region;
mod zones;

use archc_syntax::{Code, Diagnostic, Span};

use crate::model::CheckedModel;
use crate::plan::Plan;
use crate::reach::Proof;

/// What every rule reads: the checked model, the network plan derived from
/// it (docs/plan.md), and the proof of each flow over that plan. A rule
/// never derives the network a second way: what it needs to know about
/// routes, security groups or ACLs, it reads from the plan.
pub struct Context<'a> {
    pub model: &'a CheckedModel,
    pub plan: &'a Plan,
    /// One per flow, in flow order (`FlowIndex`).
    pub proofs: &'a [Proof],
}

/// What a rule checks. A rule reports only its own code: [`Report`] makes
/// its diagnostics.
pub trait Rule: Sync {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>);
}

/// Where a rule's diagnostics go; each is made with the rule's code.
pub struct Report<'a> {
    code: &'static Code,
    out: &'a mut Vec<Diagnostic>,
}

impl Report<'_> {
    /// A diagnostic of this rule's code, at its severity; hand it to
    /// [`Report::push`] when it is complete.
    pub fn diagnostic(&self, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, span, message)
    }

    pub fn push(&mut self, d: Diagnostic) {
        debug_assert_eq!(d.code, self.code, "a rule reports its own code");
        self.out.push(d);
    }
}

/// Declares a rule's type; its doc comment becomes `EXPLANATION`, with the
/// one space after each `///` removed (as rustdoc reads it).
///
/// ```ignore
/// rule! {
///     /// # E0201: CIDR host bits set
///     /// …
///     pub struct CidrHostBits;
/// }
/// ```
macro_rules! rule {
    ($(#[doc = $doc:literal])* $vis:vis struct $name:ident;) => {
        $(#[doc = $doc])*
        $vis struct $name;

        impl $name {
            /// The doc comment above, as Markdown: what `archc explain` prints.
            pub const EXPLANATION: &'static str = {
                const RAW: &str = concat!($($doc, "\n"),*);
                const LEN: usize = $crate::check::unindented_len(RAW);
                const BYTES: [u8; LEN] = $crate::check::unindent::<LEN>(RAW);
                // Evaluated at compile time: a doc comment that is not UTF-8
                // (it always is: it comes from a `&str`) fails the build,
                // never a run.
                match ::core::str::from_utf8(&BYTES) {
                    Ok(text) => text,
                    Err(_) => panic!("a rule's doc comment is UTF-8"),
                }
            };
        }
    };
}
use rule;

/// The length of `doc` without the first space of each line.
#[doc(hidden)]
pub const fn unindented_len(doc: &str) -> usize {
    let bytes = doc.as_bytes();
    let (mut i, mut len, mut line_start) = (0, 0, true);
    while i < bytes.len() {
        if !(line_start && bytes[i] == b' ') {
            len += 1;
        }
        line_start = bytes[i] == b'\n';
        i += 1;
    }
    len
}

/// `doc` without the first space of each line, in `N` bytes
/// ([`unindented_len`]). Only ASCII spaces are dropped, so UTF-8 stays whole.
#[doc(hidden)]
pub const fn unindent<const N: usize>(doc: &str) -> [u8; N] {
    let bytes = doc.as_bytes();
    let mut out = [0u8; N];
    let (mut i, mut j, mut line_start) = (0, 0, true);
    while i < bytes.len() {
        if !(line_start && bytes[i] == b' ') {
            out[j] = bytes[i];
            j += 1;
        }
        line_start = bytes[i] == b'\n';
        i += 1;
    }
    out
}

/// The registry: every rule with its code constant, name, severity and
/// summary, in code order. Declares the constants and `codes::ALL` (as
/// `declare_codes!` does) and `RULES`, the codes with what reports them.
macro_rules! declare_rules {
    ($( $ident:ident = $code:literal, $name:literal, $severity:ident, $summary:literal, $rule:path; )*) => {
        /// The checker's codes.
        pub mod codes {
            use super::*;
            archc_syntax::declare_codes! {
                $( $ident = $code, $name, $severity, $summary, <$rule>::EXPLANATION; )*
            }
        }

        /// Every rule with the code it reports, in code order.
        pub static RULES: &[(&Code, &dyn Rule)] = &[$((codes::$ident, &$rule)),*];
    };
}

declare_rules! {
    CIDR_HOST_BITS = "E0201", "cidr-host-bits", Error, "a CIDR block whose host bits are set", cidr_host_bits::CidrHostBits;
    SUBNET_OVERLAP = "E0202", "subnet-overlap", Error, "two subnets of one VPC whose blocks overlap", subnet_overlap::SubnetOverlap;
    SUBNET_OUTSIDE_VPC = "E0203", "subnet-outside-vpc", Error, "a subnet whose block is in none of its VPC's blocks", subnet_outside_vpc::SubnetOutsideVpc;
    PREFIX_RANGE = "E0204", "prefix-range", Error, "a VPC or subnet block larger than /16 or smaller than /28", prefix_range::PrefixRange;
    VPC_BLOCKS_OVERLAP = "E0206", "vpc-blocks-overlap", Error, "a VPC whose own blocks overlap each other", vpc_blocks_overlap::VpcBlocksOverlap;
    LINK_LOCAL = "E0207", "link-local", Error, "a VPC block in link-local space 169.254.0.0/16", link_local::LinkLocal;
    CONNECTED_VPC_OVERLAP = "E0209", "connected-vpc-overlap", Error, "peered VPCs, or VPCs on one transit gateway, whose blocks overlap", connected_vpc_overlap::ConnectedVpcOverlap;
    SUBNET_CAPACITY = "E0210", "subnet-capacity", Error, "a subnet whose resources need more addresses than it has", subnet_capacity::SubnetCapacity;
    NAT_NOT_PUBLIC = "E0301", "nat-not-public", Error, "a zonal public NAT gateway in a private or isolated subnet", nat_not_public::NatNotPublic;
    PUBLIC_SUBNET_WITHOUT_IGW = "E0302", "public-subnet-without-igw", Error, "a VPC with public subnets and no internet gateway", public_subnet_without_igw::PublicSubnetWithoutIgw;
    TWO_IGWS = "E0303", "two-igws", Error, "a VPC with more than one internet gateway", two_igws::TwoIgws;
    INTERNET_NO_WAY_OUT = "E0305", "internet-no-way-out", Error, "a flow to the internet from where no route leads out", internet_no_way_out::InternetNoWayOut;
    GATEWAY_ENDPOINT_SERVICE = "E0307", "gateway-endpoint-service", Error, "a gateway endpoint for a service other than S3 or DynamoDB", gateway_endpoint_service::GatewayEndpointService;
    REGIONAL_NAT_WITHOUT_IGW = "E0308", "regional-nat-without-igw", Error, "a regional NAT gateway in a VPC without an internet gateway", regional_nat_without_igw::RegionalNatWithoutIgw;
    FLOW_NO_ROUTE = "E0401", "flow-no-route", Error, "a flow with no route from its source to its target", flow_no_route::FlowNoRoute;
    PEERING_NOT_TRANSITIVE = "E0402", "peering-not-transitive", Error, "a flow that would cross two peerings", peering_not_transitive::PeeringNotTransitive;
    EDGE_TO_EDGE = "E0403", "edge-to-edge", Error, "a flow that would use a peer VPC's internet gateway, NAT or VPN", edge_to_edge::EdgeToEdge;
    NACL_BLOCKS_FLOW = "E0405", "nacl-blocks-flow", Error, "a network ACL that denies a flow or its replies", nacl_blocks_flow::NaclBlocksFlow;
    INVALID_INTEGRATION = "E0406", "invalid-integration", Error, "a flow between managed services that is not an integration AWS runs", invalid_integration::InvalidIntegration;
    FLOW_NOT_PROVEN = "E0408", "flow-not-proven", Error, "a flow archc cannot prove: a kind or feature it does not model", flow_not_proven::FlowNotProven;
    PEERING_SELF_OR_DUPLICATE = "E0420", "peering-self-or-duplicate", Error, "a peering of a VPC with itself, or a second peering of two VPCs", peering_self_or_duplicate::PeeringSelfOrDuplicate;
    TGW_REGION = "E0421", "tgw-region", Error, "a transit gateway attaching a VPC or VPN of another region", tgw_region::TgwRegion;
    VPN_WITHOUT_GATEWAY = "E0422", "vpn-without-gateway", Error, "a VPN or Direct Connect that ends on no gateway", vpn_without_gateway::VpnWithoutGateway;
    VGW_REGION = "E0424", "vgw-region", Error, "a VPN ending on the virtual private gateway of a VPC in another region", vgw_region::VgwRegion;
    ZONE_NOT_IN_REGION = "E0501", "zone-not-in-region", Error, "an `az` whose letter its region does not have", zone_not_in_region::ZoneNotInRegion;
    ALB_ONE_ZONE = "E0502", "alb-one-zone", Error, "an Application Load Balancer with subnets in one zone only", alb_one_zone::AlbOneZone;
    LB_TWO_SUBNETS_ONE_ZONE = "E0503", "lb-two-subnets-one-zone", Error, "a load balancer or interface endpoint with two subnets in one zone", lb_two_subnets_one_zone::LbTwoSubnetsOneZone;
    INTERNET_FACING_LB_NOT_PUBLIC = "E0504", "internet-facing-lb-not-public", Error, "an internet-facing load balancer in a subnet that is not public", internet_facing_lb_not_public::InternetFacingLbNotPublic;
    SUBNET_GROUP_ONE_ZONE = "E0505", "subnet-group-one-zone", Error, "an RDS instance or Aurora cluster with subnets in one zone only", subnet_group_one_zone::SubnetGroupOneZone;
    AURORA_REPLICAS = "E0507", "aurora-replicas", Error, "an Aurora cluster with more than 15 replicas", aurora_replicas::AuroraReplicas;
    RDS_REPLICAS = "E0508", "rds-replicas", Error, "an RDS instance with more read replicas than its engine allows", rds_replicas::RdsReplicas;
    ASG_SIZES = "E0509", "asg-sizes", Error, "an Auto Scaling group whose sizes are not min ≤ desired ≤ max", asg_sizes::AsgSizes;
    INTERNET_TO_PRIVATE = "E0601", "internet-to-private", Error, "a flow from the internet to a resource that is not a public entry point", internet_to_private::InternetToPrivate;
    DATABASE_OPEN_TO_INTERNET = "E0603", "database-open-to-internet", Error, "a database, cache or file system reached from the internet", database_open_to_internet::DatabaseOpenToInternet;
    LAMBDA_TIMEOUT = "E0701", "lambda-timeout", Error, "a Lambda timeout outside 1 s to 15 minutes", lambda_timeout::LambdaTimeout;
    LAMBDA_MEMORY = "E0702", "lambda-memory", Error, "Lambda memory outside 128 to 10,240 MB", lambda_memory::LambdaMemory;
    SQS_VISIBILITY = "E0703", "sqs-visibility", Error, "an SQS visibility timeout over 12 hours", sqs_visibility::SqsVisibility;
    SQS_RETENTION = "E0704", "sqs-retention", Error, "an SQS retention period outside 1 minute to 14 days", sqs_retention::SqsRetention;
    QUEUE_VISIBILITY_BELOW_LAMBDA = "E0705", "queue-visibility-below-lambda", Error, "a queue whose visibility timeout is shorter than its consumer Lambda's timeout", queue_visibility_below_lambda::QueueVisibilityBelowLambda;
    APIGW_TIMEOUT = "E0707", "apigw-timeout", Error, "an API Gateway integration timeout out of range, or shorter than its Lambda's timeout", apigw_timeout::ApigwTimeout;
    BUCKET_NAME = "E0708", "bucket-name", Error, "an S3 bucket name that breaks S3's naming rules or is used twice", bucket_name::BucketName;
    LB_NAME = "E0709", "lb-name", Error, "a load balancer name that breaks Elastic Load Balancing's rules or is used twice", lb_name::LbName;
    ROUTE53_WEIGHTS = "E0710", "record-weights", Error, "Route 53 targets that do not fit the routing policy", route53_weights::Route53Weights;
    CLOUDFRONT_ORIGINS = "E0711", "cloudfront-origins", Error, "a CloudFront distribution with no origin, or a flow to something not its origin", cloudfront_origins::CloudfrontOrigins;
    VPC_OVERLAP = "W0208", "vpc-overlap", Warning, "two VPCs whose blocks overlap, not connected", vpc_overlap::VpcOverlap;
    CROSS_AZ_NAT = "W0304", "cross-az-nat", Warning, "a private subnet whose internet route goes to a NAT gateway in another zone", cross_az_nat::CrossAzNat;
    SERVICE_THROUGH_NAT = "W0306", "service-through-nat", Warning, "S3 or DynamoDB reached through a NAT gateway where a gateway endpoint would serve", service_through_nat::ServiceThroughNat;
    DATABASE_IN_PUBLIC_SUBNET = "W0510", "database-in-public-subnet", Warning, "a database or cache in a public subnet", database_in_public_subnet::DatabaseInPublicSubnet;
    SINGLE_ZONE_TIER = "W0511", "single-zone-tier", Warning, "a tier confined to one zone: no failover", single_zone_tier::SingleZoneTier;
    ADMIN_PORT_OPEN = "W0602", "admin-port-open", Warning, "SSH or RDP open to the internet", admin_port_open::AdminPortOpen;
    PUBLIC_BUCKET = "W0604", "public-bucket", Warning, "an S3 bucket made public", public_bucket::PublicBucket;
    UNENCRYPTED_STORAGE = "W0605", "unencrypted-storage", Warning, "a database or file system without encryption at rest", unencrypted_storage::UnencryptedStorage;
    SENSITIVE_PORT_WIDE = "W0606", "sensitive-port-wide", Warning, "a database or cache engine port open to the internet", sensitive_port_wide::SensitivePortWide;
    ALL_PORTS_OPEN = "W0607", "all-ports-open", Warning, "every port open to the internet", all_ports_open::AllPortsOpen;
    WIDE_PORT_RANGE = "W0608", "wide-port-range", Warning, "a flow that opens more than 1,024 ports", wide_port_range::WidePortRange;
    NACL_RULE_SHADOWED = "W0609", "nacl-rule-shadowed", Warning, "a network ACL rule that an earlier rule hides", nacl_rule_shadowed::NaclRuleShadowed;
    NACL_RULE_QUOTA = "W0610", "nacl-rule-quota", Warning, "a network ACL with more than 20 entries in one direction", nacl_rule_quota::NaclRuleQuota;
    NACL_ADMIN_PORT_OPEN = "W0611", "nacl-admin-port-open", Warning, "a network ACL that admits SSH, RDP, FTP or every port from the internet", nacl_admin_port_open::NaclAdminPortOpen;
    PUBLIC_IP_IN_PRIVATE_SUBNET = "W0612", "public-ip-in-private-subnet", Warning, "an instance with a public IP in a subnet without a route to the internet gateway", public_ip_in_private_subnet::PublicIpInPrivateSubnet;
    PLAINTEXT_LISTENER = "W0613", "plaintext-listener", Warning, "users reach an internet-facing load balancer over plain HTTP", plaintext_listener::PlaintextListener;
    SUBNET_IN_TWO_NACLS = "W0614", "subnet-in-two-nacls", Warning, "a subnet named by two network ACLs", subnet_in_two_nacls::SubnetInTwoNacls;
    NACL_RULE_NO_EFFECT = "W0615", "nacl-rule-no-effect", Warning, "a network ACL rule about traffic that network ACLs never filter", nacl_rule_no_effect::NaclRuleNoEffect;
    QUEUE_VISIBILITY_BELOW_6X = "W0706", "queue-visibility-below-sixfold", Warning, "a queue whose visibility timeout is under six times its consumer Lambda's timeout", queue_visibility_below_6x::QueueVisibilityBelow6x;
    DEFAULT_QUOTA = "W0712", "default-quota", Warning, "a design that needs more than an account's default quota", default_quota::DefaultQuota;
    MULTIVALUE_OVER_EIGHT = "W0713", "multivalue-over-eight", Warning, "multivalue answer records with more targets than Route 53 answers with", multivalue_over_eight::MultivalueOverEight;
}

/// Runs every registered rule over `model`, which lowered without errors,
/// and `plan`, derived from it. Every flow is proven once, here, for all
/// rules. The diagnostics come out in file and source order, each once (a
/// block written in a component is checked once per instance, but reported
/// once).
pub fn check(model: &CheckedModel, plan: &Plan) -> Vec<Diagnostic> {
    check_proven(model, plan, &crate::reach::prove_flows(model, plan))
}

/// [`check`] over flows already proven (`reach::prove_flows(model, plan)`).
pub fn check_proven(model: &CheckedModel, plan: &Plan, proofs: &[Proof]) -> Vec<Diagnostic> {
    let cx = Context { model, plan, proofs };
    let mut out = Vec::new();
    for (code, rule) in RULES {
        rule.check(&cx, &mut Report { code, out: &mut out });
    }
    sort_and_dedup(&mut out);
    out
}

/// File and source order, then code; exact repeats dropped.
pub(crate) fn sort_and_dedup(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| (a.span.file, a.span.start, a.code).cmp(&(b.span.file, b.span.start, b.code)));
    diags.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_comments_lose_the_space_after_the_slashes() {
        const DOC: &str = " # E0000: title\n\n ```arch\n   indented\n ```\n café\n";
        const LEN: usize = unindented_len(DOC);
        assert_eq!(
            std::str::from_utf8(&unindent::<LEN>(DOC)),
            Ok("# E0000: title\n\n```arch\n  indented\n```\ncafé\n")
        );
    }

    #[test]
    fn rules_are_registered_in_code_order_once() {
        let codes: Vec<&str> = RULES.iter().map(|(c, _)| c.as_str()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        assert_eq!(codes::ALL.len(), RULES.len());
        for (code, _) in RULES {
            assert!(crate::diag::codes::all().any(|c| c == *code), "{code} is not in diag::codes::all()");
            assert!(code.explanation().starts_with(&format!("# {code}: ")), "{code}: {:?}", code.explanation());
        }
    }
}
