//! Measures of a layout: what is wrong in it (each of those counts is zero in
//! a good layout) and how readable it is (crossings, bends, shape, density).
//! Everything is read from the [`Layout`] alone, as its JSON gives it, so the
//! same measure applies to the layouts of other tools converted into this
//! shape (bench/layout.py compares with Graphviz `dot` and elkjs).
//!
//! Geometry is exact: integer coordinates, predicates in 128-bit integers,
//! no tolerance except where stated (an edge's end may be one unit off its
//! box's border). "Inside" means the open interior: touching or running
//! along a border is not a trespass.

mod boxes;
mod edges;
mod geom;
mod grid;
#[cfg(test)]
mod tests;
mod tree;

use serde::{Deserialize, Serialize};

use crate::Layout;

/// At most this many findings (ids of what is wrong) are kept per measure.
const FINDINGS_PER_MEASURE: usize = 5;

/// The measures of one layout. Counts of defects first (see
/// [`Quality::defects`]), then readability.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quality {
    pub nodes: usize,
    pub edges: usize,
    pub containers: usize,
    /// Pairs of nodes whose boxes overlap.
    pub node_overlaps: usize,
    /// Pairs of label boxes (the title, containers' labels and badges,
    /// nodes' and edges' labels) that overlap, plus pairs of a label and a
    /// node that is not the label's own.
    pub label_overlaps: usize,
    /// Nodes and containers not inside their parent's box (the canvas when
    /// they have none). A `border` node must straddle its parent's border
    /// instead, within half its size.
    pub nodes_outside_container: usize,
    /// Nodes whose box overlaps a container that does not hold them.
    pub node_container_overlaps: usize,
    /// Pairs of sibling containers whose boxes overlap.
    pub container_overlaps: usize,
    /// Edges with a segment through the interior of a node other than its
    /// two ends.
    pub edges_through_nodes: usize,
    /// Edges with a segment through the interior of a container that holds
    /// neither end (holds: the container is an end or an ancestor of one,
    /// or a subnet a node end is placed `in`, or an ancestor of that).
    pub edges_through_foreign_containers: usize,
    /// Edges that enter the interior of a container that is one of their
    /// ends (they attach at its border), unless the other end is inside it.
    pub edges_into_end_container: usize,
    /// Edges with a segment that is neither horizontal nor vertical.
    pub edge_not_orthogonal: usize,
    /// Edges whose first point is not on the border of `from` or whose last
    /// point is not on the border of `to` (give or take one unit), or whose
    /// end names no box.
    pub edge_ends_off_border: usize,
    /// Edges with fewer than two distinct points.
    pub edges_unrouted: usize,
    /// Edges with a label but no `label_box` (the router found no room).
    pub edge_labels_omitted: usize,
    /// Points where segments of two different edges cross: a proper
    /// crossing of two segments, or one edge passing through another's
    /// bend point from one side to the other. Touching and running on top of
    /// each other are not crossings.
    pub crossings: usize,
    /// Pairs of segments of different edges drawn on top of each other for
    /// a positive length.
    pub segment_overlaps: usize,
    /// Direction changes along the edges, summed.
    pub bends: usize,
    pub bends_per_edge: f64,
    /// Width / height of the canvas (reporting only).
    pub aspect: f64,
    /// Canvas area per node, in square units.
    pub area_per_node: f64,
    /// Up to five examples per defect, `measure: what`, to read why a count
    /// is not zero.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
}

impl Quality {
    /// The counts that are zero in a correct layout, by name.
    pub fn defects(&self) -> [(&'static str, usize); 12] {
        [
            ("node_overlaps", self.node_overlaps),
            ("label_overlaps", self.label_overlaps),
            ("nodes_outside_container", self.nodes_outside_container),
            ("node_container_overlaps", self.node_container_overlaps),
            ("container_overlaps", self.container_overlaps),
            ("edges_through_nodes", self.edges_through_nodes),
            ("edges_through_foreign_containers", self.edges_through_foreign_containers),
            ("edges_into_end_container", self.edges_into_end_container),
            ("edge_not_orthogonal", self.edge_not_orthogonal),
            ("edge_ends_off_border", self.edge_ends_off_border),
            ("edges_unrouted", self.edges_unrouted),
            ("edge_labels_omitted", self.edge_labels_omitted),
        ]
    }
}

/// Counts one defect and keeps its first few examples.
pub(crate) struct Tally<'a> {
    findings: &'a mut Vec<String>,
    measure: &'static str,
    count: usize,
}

impl<'a> Tally<'a> {
    pub(crate) fn new(findings: &'a mut Vec<String>, measure: &'static str) -> Tally<'a> {
        Tally { findings, measure, count: 0 }
    }
    /// One more; `what` is only formatted while examples are still kept.
    pub(crate) fn add(&mut self, what: impl FnOnce() -> String) {
        if self.count < FINDINGS_PER_MEASURE {
            self.findings.push(format!("{}: {}", self.measure, what()));
        }
        self.count += 1;
    }
    pub(crate) fn count(&self) -> usize {
        self.count
    }
}

/// Measures `layout`. Near-linear in its size: the pairwise measures look
/// only at things that share a cell of a grid, and an edge's path is tested
/// against the nesting top down, entering only containers that hold an end.
pub fn measure(layout: &Layout) -> Quality {
    let tree = tree::Tree::new(layout);
    let mut q = Quality {
        nodes: layout.nodes.len(),
        edges: layout.edges.len(),
        containers: layout.containers.len(),
        ..Quality::default()
    };
    let mut findings = Vec::new();
    q.node_overlaps = boxes::node_overlaps(layout, &mut findings);
    q.label_overlaps = boxes::label_overlaps(layout, &mut findings);
    q.nodes_outside_container = boxes::outside_parent(layout, &tree, &mut findings);
    q.node_container_overlaps = boxes::node_container_overlaps(layout, &tree, &mut findings);
    q.container_overlaps = boxes::container_overlaps(layout, &tree, &mut findings);
    edges::measure(layout, &tree, &mut q, &mut findings);
    q.bends_per_edge = if q.edges == 0 { 0.0 } else { q.bends as f64 / q.edges as f64 };
    q.aspect = if layout.height > 0 { f64::from(layout.width) / f64::from(layout.height) } else { 0.0 };
    let area = f64::from(layout.width.max(0)) * f64::from(layout.height.max(0));
    q.area_per_node = if q.nodes == 0 { 0.0 } else { area / q.nodes as f64 };
    q.findings = findings;
    q
}
