//! Which flows out of a managed service are valid: the integration table of
//! the plan (`plan::integrations`, LANGUAGE.md §5), read, never copied.

use crate::model::kinds::Kind;
use crate::plan::integrations;

/// Every valid target kind of a flow out of `source` (integrations, then
/// network pairs into a VPC): what E0406's help lists.
pub fn valid_targets(source: Kind) -> Vec<Kind> {
    integrations::valid_targets(source)
}

/// Whether `source -> target` is an integration (a permission, not a route).
pub(crate) fn is_integration(source: Kind, target: Kind) -> bool {
    integrations::integration(source, target).is_some()
}

/// Whether `source -> target` is network traffic from a managed service
/// into a VPC (CloudFront origin, API Gateway VPC link).
pub(crate) fn is_network_pair(source: Kind, target: Kind) -> bool {
    integrations::network_pair(source, target).is_some()
}
