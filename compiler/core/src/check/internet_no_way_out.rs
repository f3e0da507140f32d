//! E0305: a flow to the internet from where no route leads out.

use archc_syntax::{Applicability, Edit, Fix, Span};

use super::flows::{blocked, diagnostic, flow_text};
use super::{rule, Context, Report, Rule};
use crate::reach::Cause;

rule! {
    /// # E0305: no way out to the internet
    ///
    /// A flow from a resource in a VPC to the internet (or to an AWS service reached over
    /// the internet) needs a way out from every subnet the resource stands in: a public
    /// subnet sends `0.0.0.0/0` to its VPC's internet gateway and the resource needs a
    /// public IPv4 address; a private subnet sends it to a NAT gateway, which stands in a
    /// public subnet; an isolated subnet has no way out at all. archc proves the path from
    /// each subnet, and reports the subnet where it ends. The help names the line to add:
    /// the `igw` of the VPC, or a `nat` in a public subnet of the zone.
    ///
    /// A Lambda function, a database or an interface endpoint in a public subnet never has
    /// a public address, so the internet gateway alone does not carry its traffic.
    /// See [NAT gateways](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html)
    /// and [Internet gateways](https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24
    ///       private subnet app_a 10.0.1.0/24 {
    ///         ec2 worker { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// worker -> internet : https
    /// ```
    ///
    /// ```text
    /// error[E0305]: `worker -> internet` has no way out to the internet
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet pub_a 10.0.0.0/24 {
    ///         nat nat_a
    ///       }
    ///       private subnet app_a 10.0.1.0/24 {
    ///         ec2 worker { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// worker -> internet : https
    /// ```
    pub struct InternetNoWayOut;
}

impl Rule for InternetNoWayOut {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        const CAUSES: &[Cause] = &[Cause::NoWayOut];
        for (f, proof) in blocked(cx, CAUSES) {
            let flow = flow_text(cx, f);
            let mut d = diagnostic(report, f, proof, CAUSES, format!("`{flow}` has no way out to the internet"));
            // Every pair's blocker has its NAT to add: one unsafe fix adds
            // them all (a NAT gateway costs money: `--unsafe-fixes` only).
            let inserts: Option<Vec<(Span, String)>> = proof.blockers.iter().map(|b| b.insert.clone()).collect();
            if let Some(mut inserts) = inserts.filter(|i| !i.is_empty()) {
                inserts.sort_by_key(|(s, _)| (s.file, s.start));
                inserts.dedup();
                let edits = inserts.into_iter().map(|(span, replacement)| Edit { span, replacement }).collect();
                d = d.with_fix(Fix::new(Applicability::Unsafe, edits));
            }
            report.push(d);
        }
    }
}
