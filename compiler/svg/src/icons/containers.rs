//! Containers: ECS and EKS.

use super::Part::{self, Line};

pub(super) fn glyph(kind: &str) -> Option<&'static [Part]> {
    match kind {
        "ecs" => Some(ECS),
        "eks" => Some(EKS),
        _ => None,
    }
}

/// Containers on a cluster: three stacked cubes.
const ECS: &[Part] = &[
    Line("M24 9L30.5 12.75V20.25L24 24L17.5 20.25V12.75Z M17.5 12.75L24 16.5L30.5 12.75M24 16.5V24"),
    Line("M16.5 23L23 26.75V34.25L16.5 38L10 34.25V26.75Z M10 26.75L16.5 30.5L23 26.75M16.5 30.5V38"),
    Line("M31.5 23L38 26.75V34.25L31.5 38L25 34.25V26.75Z M25 26.75L31.5 30.5L38 26.75M31.5 30.5V38"),
];

/// Kubernetes: a hexagon holding a K.
const EKS: &[Part] = &[Line("M24 9L37 16.5V31.5L24 39L11 31.5V16.5Z"), Line("M20 17V31M29 17L20.5 24L29 31")];
