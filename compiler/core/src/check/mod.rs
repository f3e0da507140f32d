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

mod alb_one_zone;
mod apigw_timeout;
mod asg_sizes;
mod aurora_replicas;
mod bucket_name;
mod cidr_host_bits;
mod cloudfront_origins;
mod database_in_public_subnet;
mod default_quota;
mod internet_facing_lb_not_public;
mod lambda_memory;
mod lambda_timeout;
mod lb_name;
mod lb_two_subnets_one_zone;
mod queue_visibility_below_6x;
mod queue_visibility_below_lambda;
mod rds_replicas;
mod route53_weights;
mod single_zone_tier;
mod sqs_retention;
mod sqs_visibility;
mod subnet_group_one_zone;
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
    ZONE_NOT_IN_REGION = "E0501", "zone-not-in-region", Error, "an `az` whose letter its region does not have", zone_not_in_region::ZoneNotInRegion;
    ALB_ONE_ZONE = "E0502", "alb-one-zone", Error, "an Application Load Balancer with subnets in one zone only", alb_one_zone::AlbOneZone;
    LB_TWO_SUBNETS_ONE_ZONE = "E0503", "lb-two-subnets-one-zone", Error, "a load balancer or interface endpoint with two subnets in one zone", lb_two_subnets_one_zone::LbTwoSubnetsOneZone;
    INTERNET_FACING_LB_NOT_PUBLIC = "E0504", "internet-facing-lb-not-public", Error, "an internet-facing load balancer in a subnet that is not public", internet_facing_lb_not_public::InternetFacingLbNotPublic;
    SUBNET_GROUP_ONE_ZONE = "E0505", "subnet-group-one-zone", Error, "an RDS instance or Aurora cluster with subnets in one zone only", subnet_group_one_zone::SubnetGroupOneZone;
    AURORA_REPLICAS = "E0507", "aurora-replicas", Error, "an Aurora cluster with more than 15 replicas", aurora_replicas::AuroraReplicas;
    RDS_REPLICAS = "E0508", "rds-replicas", Error, "an RDS instance with more read replicas than its engine allows", rds_replicas::RdsReplicas;
    ASG_SIZES = "E0509", "asg-sizes", Error, "an Auto Scaling group whose sizes are not min ≤ desired ≤ max", asg_sizes::AsgSizes;
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
    DATABASE_IN_PUBLIC_SUBNET = "W0510", "database-in-public-subnet", Warning, "a database or cache in a public subnet", database_in_public_subnet::DatabaseInPublicSubnet;
    SINGLE_ZONE_TIER = "W0511", "single-zone-tier", Warning, "a tier confined to one zone: no failover", single_zone_tier::SingleZoneTier;
    QUEUE_VISIBILITY_BELOW_6X = "W0706", "queue-visibility-below-sixfold", Warning, "a queue whose visibility timeout is under six times its consumer Lambda's timeout", queue_visibility_below_6x::QueueVisibilityBelow6x;
    DEFAULT_QUOTA = "W0712", "default-quota", Warning, "a design that needs more than an account's default quota", default_quota::DefaultQuota;
}

/// Runs every registered rule over `model`, which lowered without errors,
/// and `plan`, derived from it. Every flow is proven once, here, for all
/// rules. The diagnostics come out in file and source order, each once (a
/// block written in a component is checked once per instance, but reported
/// once).
pub fn check(model: &CheckedModel, plan: &Plan) -> Vec<Diagnostic> {
    let proofs = crate::reach::prove_flows(model, plan);
    let cx = Context { model, plan, proofs: &proofs };
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
