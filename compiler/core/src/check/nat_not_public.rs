//! E0301: a zonal public NAT gateway in a private or isolated subnet.

use archc_syntax::{Applicability, Edit, Fix, Span};

use super::net::{indent, subnet, tier, top_of_body, written_directly};
use super::{rule, Context, Report, Rule};
use crate::model::kinds::Kind;
use crate::model::{CheckedModel, Connectivity, NatMode, Node, NodeId, NodeKind, Tier};

rule! {
    /// # E0301: NAT gateway not in a public subnet
    ///
    /// A zonal public NAT gateway (`nat NAME` in a subnet, the default
    /// `type: public`) stands in a private or isolated subnet. A public NAT
    /// gateway sends what it translates to the internet gateway, so AWS requires
    /// it in a public subnet, one whose route table sends `0.0.0.0/0` to the
    /// internet gateway; in a private subnet its own default route would lead
    /// back to itself, and nothing gets out. See
    /// [NAT gateways](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html).
    ///
    /// The help names the public subnet of the same zone to move it to; when
    /// there is one, the fix moves the line there (`archc check --fix` applies
    /// it). A regional NAT gateway (`mode: regional`, declared in the vpc) needs
    /// no public subnet at all.
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
    ///         nat nat_a
    ///       }
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ```text
    /// error[E0301]: the NAT gateway `nat_a` is in private subnet `app_a`
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
    ///       private subnet app_a 10.0.1.0/24
    ///     }
    ///   }
    /// }
    /// ```
    pub struct NatNotPublic;
}

impl Rule for NatNotPublic {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        let m = cx.model;
        for (nat_id, node) in m.of_kind(Kind::Nat) {
            let NodeKind::Nat(nat) = &node.kind else { continue };
            if nat.mode.value != NatMode::Zonal || nat.connectivity.value != Connectivity::Public {
                continue;
            }
            let Some(sid) = nat.subnet else { continue };
            let Some((snode, s)) = subnet(m, sid) else { continue };
            let Some(t @ (Tier::Private | Tier::Isolated)) = tier(s) else { continue };
            let target = public_subnet_in_zone(m, snode, s.zone);
            let mut d = report
                .diagnostic(
                    node.name_span,
                    format!("the NAT gateway `{}` is in {} subnet `{}`", node.name, t.as_str(), snode.name),
                )
                .with_span_label("a public NAT gateway sends its traffic to the internet gateway")
                .with_label(
                    snode.name_span,
                    format!("`{}` is {}: its route table has no route to the internet gateway", snode.name, t.as_str()),
                );
            let regional =
                "or declare it in the vpc with `mode: regional` (a regional NAT gateway needs no public subnet)";
            match target {
                Some((tid, tnode)) => {
                    d = d
                        .with_label(tnode.name_span, "the public subnet of the same zone")
                        .with_help(format!("move `nat {}` into public subnet `{}`, {regional}", node.name, tnode.name));
                    if let Some(fix) = move_fix(m, nat_id, node, tid, tnode) {
                        d = d.with_fix(fix);
                    }
                }
                None => {
                    d = d.with_help(format!(
                        "add a public subnet to this zone and move `nat {}` into it, {regional}",
                        node.name
                    ));
                }
            }
            report.push(d);
        }
    }
}

/// The first public subnet of the zone, in the same VPC.
fn public_subnet_in_zone<'m>(m: &'m CheckedModel, from: &Node, zone: Option<NodeId>) -> Option<(NodeId, &'m Node)> {
    let zone = zone?;
    m.of_kind(Kind::Subnet).find(|(_, n)| {
        n.vpc == from.vpc
            && matches!(&n.kind, NodeKind::Subnet(s) if s.zone == Some(zone) && tier(s) == Some(Tier::Public))
    })
}

/// Deletes `nat NAME` and writes it into the public subnet: only when the
/// declaration is exactly `nat NAME` (its span says so) and both are written
/// directly in one file.
fn move_fix(m: &CheckedModel, nat_id: NodeId, nat: &Node, subnet_id: NodeId, subnet: &Node) -> Option<Fix> {
    let bare = nat.name_span.end == nat.span.end
        && nat.name_span.start == nat.span.start + 4
        && nat.label.is_none()
        && nat.description.is_none();
    if !bare || !written_directly(nat) || !written_directly(subnet) || nat.span.file != subnet.span.file {
        return None;
    }
    let line = format!("nat {}", nat.name);
    let insert = match top_of_body(m, subnet_id) {
        Some((at, after)) => Edit { span: at, replacement: format!("{line}{after}") },
        None => {
            // A subnet without a body ends at its name or block.
            let NodeKind::Subnet(s) = &subnet.kind else { return None };
            let header_end =
                super::net::written(s).map_or(subnet.name_span.end, |(_, sp)| sp.end.max(subnet.name_span.end));
            if subnet.span.end != header_end {
                return None;
            }
            let at = Span { file: subnet.span.file, start: subnet.span.end, end: subnet.span.end };
            Edit { span: at, replacement: format!(" {{\n{}{line}\n{}}}", indent(m, nat_id), indent(m, subnet_id)) }
        }
    };
    let delete = Edit { span: nat.span, replacement: String::new() };
    Some(Fix::new(Applicability::Safe, vec![delete, insert]))
}

#[cfg(test)]
mod tests {
    fn fixed(src: &str) -> String {
        let (db, c) = crate::compile_str("n.arch", src);
        let fixes = crate::diag::fix::apply(&db, &c.diagnostics, false);
        fixes.files.first().map_or_else(|| src.to_string(), |f| f.text.clone())
    }

    /// The line moves into the public subnet's body, or gives it one, with
    /// the indentation `archc fmt` writes; the line it leaves goes too.
    #[test]
    fn the_fix_moves_the_line() {
        let with_body = "region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    igw\n    az a {\n      public subnet p 10.0.0.0/24 {\n        ec2 b\n      }\n      private subnet q 10.0.1.0/24 {\n        nat n\n        ec2 w\n      }\n    }\n  }\n}\n";
        assert_eq!(
            fixed(with_body),
            "region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    igw\n    az a {\n      public subnet p 10.0.0.0/24 {\n        nat n\n        ec2 b\n      }\n      private subnet q 10.0.1.0/24 {\n        ec2 w\n      }\n    }\n  }\n}\n"
        );
        let bare = "region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    igw\n    az a {\n      public subnet p 10.0.0.0/24\n      private subnet q 10.0.1.0/24 {\n        ec2 w\n        nat n\n      }\n    }\n  }\n}\n";
        assert_eq!(
            fixed(bare),
            "region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    igw\n    az a {\n      public subnet p 10.0.0.0/24 {\n        nat n\n      }\n      private subnet q 10.0.1.0/24 {\n        ec2 w\n      }\n    }\n  }\n}\n"
        );
        // A NAT with a body is not moved: archc does not rewrite its text.
        let body = "region us-east-1 {\n  vpc v 10.0.0.0/16 {\n    igw\n    az a {\n      public subnet p 10.0.0.0/24\n      private subnet q 10.0.1.0/24 {\n        nat n { label: \"out\" }\n      }\n    }\n  }\n}\n";
        assert_eq!(fixed(body), body);
    }
}
