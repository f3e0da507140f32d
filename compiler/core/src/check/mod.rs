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

mod cidr_host_bits;
mod cross_az_nat;
mod edge_to_edge;
mod flow_no_route;
mod flow_not_proven;
mod flows;
mod internet_no_way_out;
mod internet_to_private;
mod invalid_integration;
mod nacl_blocks_flow;
mod peering_not_transitive;
mod service_through_nat;

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
    INTERNET_NO_WAY_OUT = "E0305", "internet-no-way-out", Error, "a flow to the internet from where no route leads out", internet_no_way_out::InternetNoWayOut;
    FLOW_NO_ROUTE = "E0401", "flow-no-route", Error, "a flow with no route from its source to its target", flow_no_route::FlowNoRoute;
    PEERING_NOT_TRANSITIVE = "E0402", "peering-not-transitive", Error, "a flow that would cross two peerings", peering_not_transitive::PeeringNotTransitive;
    EDGE_TO_EDGE = "E0403", "edge-to-edge", Error, "a flow that would use a peer VPC's internet gateway, NAT or VPN", edge_to_edge::EdgeToEdge;
    NACL_BLOCKS_FLOW = "E0405", "nacl-blocks-flow", Error, "a network ACL that denies a flow or its replies", nacl_blocks_flow::NaclBlocksFlow;
    INVALID_INTEGRATION = "E0406", "invalid-integration", Error, "a flow between managed services that is not an integration AWS runs", invalid_integration::InvalidIntegration;
    FLOW_NOT_PROVEN = "E0408", "flow-not-proven", Error, "a flow archc cannot prove: a kind or feature it does not model", flow_not_proven::FlowNotProven;
    INTERNET_TO_PRIVATE = "E0601", "internet-to-private", Error, "a flow from the internet to a resource that is not a public entry point", internet_to_private::InternetToPrivate;
    CROSS_AZ_NAT = "W0304", "cross-az-nat", Warning, "a private subnet whose internet route goes to a NAT gateway in another zone", cross_az_nat::CrossAzNat;
    SERVICE_THROUGH_NAT = "W0306", "service-through-nat", Warning, "S3 or DynamoDB reached through a NAT gateway where a gateway endpoint would serve", service_through_nat::ServiceThroughNat;
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
