//! E0401: a flow with no route from its source to its target.

use super::connected_vpc_overlap::{attached_vpcs, overlap, Connections};
use super::flows::{blocked, diagnostic, flow_text};
use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::model::{CheckedModel, Flow, NodeId};
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
    /// them; when the two VPCs are connected but their blocks overlap (E0209), the plan
    /// leaves the route out and the help says to give one of them a block of its own. Every
    /// blocker of the flow is listed, both ways, with the reason code AWS's
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
        // Built on the first blocked flow: most designs have none.
        let mut connections: Option<Connections> = None;
        for (f, proof) in blocked(cx, CAUSES) {
            let flow = flow_text(cx, f);
            let mut d = diagnostic(report, f, proof, CAUSES, format!("`{flow}` has no route"));
            let connections = connections.get_or_insert_with(|| Connections::new(cx.model));
            if let Some(help) = overlap_help(cx.model, connections, f) {
                d = d.with_help(help);
            }
            report.push(d);
        }
    }
}

/// When the flow's two VPCs are connected (a peering, one transit gateway,
/// or two peered ones) but their blocks overlap, the plan leaves the route
/// out (E0209): a peering would not help, a block of its own would. The VPC
/// named is the one E0209 asks to move (the second of the first peering or
/// attachment that joins them).
fn overlap_help(model: &CheckedModel, connections: &Connections, f: &Flow) -> Option<String> {
    let a = model.get(f.from.value)?.vpc?;
    let b = model.get(f.to.value)?.vpc?;
    if a == b || !connections.connected(a, b) {
        return None;
    }
    overlap(model, a, b)?;
    let moved = moved_vpc(model, a, b);
    let other = if moved == a { b } else { a };
    let name = |id: NodeId| model.get(id).map_or("?", |n| n.name.as_str());
    let (m, o) = (name(moved), name(other));
    Some(format!(
        "`{m}` and `{o}` overlap (E0209), and no route can tell their addresses apart: give `{m}` a block of its \
         own (E0209's help names a free one)"
    ))
}

/// The VPC of `a` and `b` that E0209's help asks to move.
fn moved_vpc(model: &CheckedModel, a: NodeId, b: NodeId) -> NodeId {
    if let Some(p) = model
        .peerings()
        .iter()
        .find(|p| (p.left.value, p.right.value) == (a, b) || (p.left.value, p.right.value) == (b, a))
    {
        return p.right.value;
    }
    for (g, _) in model.of_kind(Kind::Tgw) {
        let vpcs = attached_vpcs(model, g);
        let at = |v: NodeId| vpcs.iter().position(|(x, _)| *x == v);
        if let (Some(i), Some(j)) = (at(a), at(b)) {
            return if i < j { b } else { a };
        }
    }
    a.max(b)
}
