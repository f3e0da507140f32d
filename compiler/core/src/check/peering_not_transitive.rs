//! E0402: a flow that would cross two peerings.

use super::flows::report_blocked;
use super::{rule, Context, Report, Rule};
use crate::reach::Cause;

rule! {
    /// # E0402: peering is not transitive
    ///
    /// VPC peering connects exactly two VPCs. When `dev` peers with `shared` and `shared`
    /// peers with `prod`, `dev` still has no route to `prod`: AWS never forwards traffic
    /// that arrives over one peering into another (Reachability Analyzer:
    /// `PCX_REQUIRES_ADDRESS_IN_VPC_CIDR`). A flow from `dev` to `prod` needs a direct
    /// peering, or a transit gateway that both attach to. The help gives the peering line.
    /// See [VPC peering limitations](https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-limitations).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc dev 10.10.0.0/16 {
    ///     az a {
    ///       private subnet dev_a 10.10.1.0/24 {
    ///         ec2 app { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    ///   vpc shared 10.0.0.0/16 {
    ///     az a {
    ///       private subnet shared_a 10.0.1.0/24 {
    ///         ec2 dir { instance: t3.micro; port: 636 }
    ///       }
    ///     }
    ///   }
    ///   vpc prod 10.30.0.0/16 {
    ///     az a {
    ///       private subnet prod_a 10.30.1.0/24 {
    ///         ec2 db { instance: t3.micro; port: 5432 }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// peering dev_shared dev <-> shared
    /// peering shared_prod shared <-> prod
    /// app -> dir
    /// app -> db
    /// ```
    ///
    /// ```text
    /// error[E0402]: `app -> db` would cross two peerings: peering is not transitive
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc dev 10.10.0.0/16 {
    ///     az a {
    ///       private subnet dev_a 10.10.1.0/24 {
    ///         ec2 app { instance: t3.micro }
    ///       }
    ///     }
    ///   }
    ///   vpc shared 10.0.0.0/16 {
    ///     az a {
    ///       private subnet shared_a 10.0.1.0/24 {
    ///         ec2 dir { instance: t3.micro; port: 636 }
    ///       }
    ///     }
    ///   }
    ///   vpc prod 10.30.0.0/16 {
    ///     az a {
    ///       private subnet prod_a 10.30.1.0/24 {
    ///         ec2 db { instance: t3.micro; port: 5432 }
    ///       }
    ///     }
    ///   }
    /// }
    ///
    /// peering dev_shared dev <-> shared
    /// peering shared_prod shared <-> prod
    /// peering dev_prod dev <-> prod
    /// app -> dir
    /// app -> db
    /// ```
    pub struct PeeringNotTransitive;
}

impl Rule for PeeringNotTransitive {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        const CAUSES: &[Cause] = &[Cause::NotTransitive];
        report_blocked(cx, report, CAUSES, |flow| {
            format!("`{flow}` would cross two peerings: peering is not transitive")
        });
    }
}
