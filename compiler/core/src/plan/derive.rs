//! Derives the [`Plan`] from a checked model (docs/plan.md).

use super::Plan;
use crate::model::CheckedModel;

/// The network AWS would build for `model`.
pub fn derive(model: &CheckedModel) -> Plan {
    let _ = model;
    Plan::default()
}
