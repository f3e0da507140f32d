//! Orthogonal routing in the channels between boxes (stub; being written).
use crate::Layout;

pub(crate) fn route(_layout: &mut Layout) {}
