//! Permissions: one per integration flow (LANGUAGE.md §5): the resource
//! policy or role that lets the acting service principal call the target
//! (the table is data: `integrations.rs`).

use super::derive::Facts;
use super::integrations::integration;
use super::Permission;

pub(crate) fn derive(facts: &Facts<'_>) -> Vec<Permission> {
    let model = facts.model;
    let mut out = Vec::new();
    for (i, f) in model.flows().iter().enumerate() {
        let (source, target) = (f.from.value, f.to.value);
        let (Some(from), Some(to)) = (facts.kind(source), facts.kind(target)) else { continue };
        if let Some(row) = integration(from, to) {
            out.push(Permission {
                flow: i,
                source,
                target,
                integration: row.integration,
                principal: row.principal,
                actions: row.actions,
            });
        }
    }
    out
}
