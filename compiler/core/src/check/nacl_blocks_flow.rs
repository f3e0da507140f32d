//! E0405: a network ACL that denies a flow or its replies.

use archc_syntax::{Applicability, Edit, Fix, Span};

use super::flows::{blocked, diagnostic, flow_text};
use super::{rule, Context, Report, Rule};
use crate::reach::{Cause, Proof};

rule! {
    /// # E0405: a network ACL blocks the flow
    ///
    /// Network ACLs are stateless: a flow needs a rule that allows it out of the source's
    /// subnet and into the target's, and its replies need their own rules, out of the
    /// target's subnet and into the source's, on the ephemeral ports 1024-65535 (the whole
    /// range: the client picks any of them). Rules are evaluated lowest number first; the
    /// first that matches a port decides it, and the final `*` rule denies the rest. archc
    /// evaluates every rule over the whole port range and reports every rule that denies,
    /// both ways (`SUBNET_ACL_RESTRICTION`).
    ///
    /// The help gives the rule line to add, with a free number before the rule that
    /// denies; `archc check --fix` inserts it (a safe fix: it only allows the flow's own
    /// traffic between the two subnets). A rule that would open the port of a database or
    /// cache engine (5432, 3306, 6379, 11211, 27017, 1433, 1521, 2049) from or to
    /// `0.0.0.0/0` is never a fix: the help says to admit only the addresses that need it.
    /// See [Network ACLs](https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html)
    /// and [Ephemeral ports](https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html).
    ///
    /// ## Example
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.1.0/24 {
    ///         ec2 app { instance: t3.micro }
    ///       }
    ///       isolated subnet data_a 10.0.2.0/24 {
    ///         ec2 db { instance: t3.micro; port: 5432 }
    ///       }
    ///     }
    ///     nacl data_acl in data_a {
    ///       allow in 100 5432 from 10.0.1.0/24
    ///     }
    ///   }
    /// }
    ///
    /// app -> db
    /// ```
    ///
    /// ```text
    /// error[E0405]: a network ACL blocks `app -> db`
    /// ```
    ///
    /// ## Fix
    ///
    /// ```arch
    /// region us-east-1 {
    ///   vpc shop 10.0.0.0/16 {
    ///     az a {
    ///       private subnet app_a 10.0.1.0/24 {
    ///         ec2 app { instance: t3.micro }
    ///       }
    ///       isolated subnet data_a 10.0.2.0/24 {
    ///         ec2 db { instance: t3.micro; port: 5432 }
    ///       }
    ///     }
    ///     nacl data_acl in data_a {
    ///       allow in 100 5432 from 10.0.1.0/24
    ///       allow out 110 1024-65535 to 10.0.1.0/24
    ///     }
    ///   }
    /// }
    ///
    /// app -> db
    /// ```
    pub struct NaclBlocksFlow;
}

impl Rule for NaclBlocksFlow {
    fn check(&self, cx: &Context<'_>, report: &mut Report<'_>) {
        const CAUSES: &[Cause] = &[Cause::Acl];
        for (f, proof) in blocked(cx, CAUSES) {
            let flow = flow_text(cx, f);
            let mut d = diagnostic(report, f, proof, CAUSES, format!("a network ACL blocks `{flow}`"));
            if let Some(fix) = fix(proof) {
                // One place, several rules: the help names them all.
                if let ([edit], Some(first)) =
                    (fix.edits.as_slice(), proof.blockers.iter().find_map(|b| b.acl_fix.as_ref()))
                {
                    let all = edit.replacement.trim_matches(|c: char| c == ';' || c.is_whitespace());
                    if let Some(help) = d.help.take() {
                        d = d.with_help(help.replace(&first.line, all));
                    }
                }
                d = d.with_fix(fix);
            }
            report.push(d);
        }
    }
}

/// The rules to insert, one edit per place, when every blocker of the flow
/// is a network ACL rule archc knows how to open: then the fixed file
/// proves the flow, so the fix is safe.
fn fix(proof: &Proof) -> Option<Fix> {
    let mut places: Vec<(Span, bool, Vec<String>)> = Vec::new();
    for b in &proof.blockers {
        let f = b.acl_fix.as_ref()?;
        match places.iter_mut().find(|(at, after, _)| *at == f.at && *after == f.after) {
            Some((_, _, lines)) => {
                if !lines.contains(&f.line) {
                    lines.push(f.line.clone());
                }
            }
            None => places.push((f.at, f.after, vec![f.line.clone()])),
        }
    }
    if places.is_empty() {
        return None;
    }
    // Rules inserted together must not share a direction and number
    // (`allow in 110 …` twice): then no fix, the help still says what to add.
    let mut numbered: Vec<(String, Span)> = Vec::new();
    for (at, _, lines) in &places {
        for l in lines {
            let key: String = l.split(' ').take(3).collect::<Vec<_>>().join(" ");
            if numbered.iter().any(|(k, s)| *k == key && s.file == at.file) {
                return None;
            }
            numbered.push((key, *at));
        }
    }
    let edits = places
        .into_iter()
        .map(|(at, after, lines)| {
            if after {
                let text: String = lines.iter().map(|l| format!("; {l}")).collect();
                Edit { span: Span { file: at.file, start: at.end, end: at.end }, replacement: text }
            } else {
                let text: String = lines.iter().map(|l| format!("{l}; ")).collect();
                Edit { span: Span { file: at.file, start: at.start, end: at.start }, replacement: text }
            }
        })
        .collect();
    Some(Fix::new(Applicability::Safe, edits))
}
