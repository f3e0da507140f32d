//! E0403: a flow that would use a peer VPC's internet gateway, NAT or VPN.

use super::flows::report_blocked;
use super::{rule, Context, Report, Rule};
use crate::reach::Cause;

rule! {
    /// # E0403: peering never carries edge-to-edge traffic
    ///
    /// A VPC without its own way out cannot borrow its peer's: AWS drops traffic that
    /// arrives over a peering and would leave through the peer's internet gateway, NAT
    /// gateway, VPN or Direct Connect (edge-to-edge routing). A flow to the internet or to
    /// an on-premises network from such a VPC has no route, even though the peer has one.
    /// Give the VPC its own `igw` and NAT, or its own VPN, or route through a transit
    /// gateway with a central egress VPC.
    /// See [Unsupported VPC peering configurations](https://docs.aws.amazon.com/vpc/latest/peering/invalid-peering-configurations.html#edge-to-edge-vgw).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc hub 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet hub_pub 10.0.0.0/24 {
    ///         nat hub_nat
    ///       }
    ///     }
    ///   }
    ///   vpc spoke 10.1.0.0/16 {
    ///     az a {
    ///       private subnet spoke_a 10.1.1.0/24 {
    ///         ec2 worker { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// peering hub_spoke hub <-> spoke
    /// worker -> internet : https
    /// ```
    ///
    /// ```text
    /// error[E0403]: `worker -> internet` would use a peer's internet gateway: peering never carries edge-to-edge traffic
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc hub 10.0.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet hub_pub 10.0.0.0/24 {
    ///         nat hub_nat
    ///       }
    ///     }
    ///   }
    ///   vpc spoke 10.1.0.0/16 {
    ///     igw
    ///     az a {
    ///       public subnet spoke_pub 10.1.0.0/24 {
    ///         nat spoke_nat
    ///       }
    ///       private subnet spoke_a 10.1.1.0/24 {
    ///         ec2 worker { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// peering hub_spoke hub <-> spoke
    /// worker -> internet : https
    /// ```
    pub struct EdgeToEdge;
}

impl Rule for EdgeToEdge {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        const CAUSES: &[Cause] = &[Cause::EdgeToEdge];
        report_blocked(cx, report, CAUSES, |flow| {
            format!("`{flow}` would use a peer's internet gateway: peering never carries edge-to-edge traffic")
        });
    }
}
