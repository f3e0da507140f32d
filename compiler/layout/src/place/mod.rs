//! Placement: the nesting laid out directly (stub; being written).
use crate::{Layout, Refusal};
use archc_core::CheckedModel;

pub(crate) fn place(_model: &CheckedModel, _refusals: &[Refusal]) -> Layout {
    Layout::default()
}
