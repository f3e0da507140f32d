//! E0401: a flow with no route from its source to its target.

use super::flows::{blocked, diagnostic, flow_text};
use super::{rule, Context, Report, Rule};
use crate::reach::Cause;

rule! {
    /// # E0401: flow has no route
    ///
    /// Every flow is proven over the network plan, forward and back: from each subnet the
    /// source stands in, the route table must send the target's address somewhere that
    /// leads there (the VPC's local route; a peering with the target's VPC; a transit
    /// gateway with an attachment to it; a VPN or Direct Connect to an on-premises network),
    /// and the target's route table must send the replies back. Two VPCs with no peering
    /// and no shared transit gateway cannot talk. The help gives the line that connects
    /// them. Every blocker of the flow is listed, both ways, with the reason code AWS's
    /// Reachability Analyzer would give (`NO_ROUTE_TO_DESTINATION`, `TGW_RTB_CANNOT_ROUTE`).
    /// See [Route tables](https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html)
    /// and [Reachability Analyzer explanation codes](https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc front 10.0.0.0/16 {
    ///     az a {
    ///       private subnet front_a 10.0.1.0/24 {
    ///         ec2 app { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    ///   vpc back 10.1.0.0/16 {
    ///     az a {
    ///       private subnet back_a 10.1.1.0/24 {
    ///         ec2 db { instance: t3.micro; port: 5432 }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// app -> db
    /// ```
    ///
    /// ```text
    /// error[E0401]: `app -> db` has no route
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc front 10.0.0.0/16 {
    ///     az a {
    ///       private subnet front_a 10.0.1.0/24 {
    ///         ec2 app { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    ///   vpc back 10.1.0.0/16 {
    ///     az a {
    ///       private subnet back_a 10.1.1.0/24 {
    ///         ec2 db { instance: t3.micro; port: 5432 }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// peering front_back front <-> back
    /// app -> db
    /// ```
    pub struct FlowNoRoute;
}

impl Rule for FlowNoRoute {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        const CAUSES: &[Cause] = &[Cause::NoRoute];
        for (f, proof) in blocked(cx, CAUSES) {
            let flow = flow_text(cx, f);
            let d = diagnostic(report, f, proof, CAUSES, format!("`{flow}` has no route"));
            report.push(d);
        }
    }
}
