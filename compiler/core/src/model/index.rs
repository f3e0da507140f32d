//! The model's indexes, built once when lowering completes. The model is
//! immutable after that, so they stay consistent with it.

use std::collections::BTreeMap;

use super::kinds::Kind;
use super::{Expansion, Flow, Node, NodeId};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    /// The nodes sorted by id (the first of equal ids only), searched by
    /// bisection: no copy of the ids.
    pub(crate) by_id: Vec<NodeId>,
    /// Per node, its children in declaration order.
    pub(crate) children: Vec<Vec<NodeId>>,
    pub(crate) roots: Vec<NodeId>,
    /// Per subnet, the resources in it.
    pub(crate) in_subnet: Vec<Vec<NodeId>>,
    /// Per node, the indexes of the flows that start (end) there.
    pub(crate) flows_from: Vec<Vec<usize>>,
    pub(crate) flows_to: Vec<Vec<usize>>,
    pub(crate) instances: Vec<(Expansion, Vec<NodeId>)>,
}

impl Index {
    pub(crate) fn build(nodes: &[Node], flows: &[Flow]) -> Index {
        let n = nodes.len();
        let mut ix = Index {
            children: vec![Vec::new(); n],
            in_subnet: vec![Vec::new(); n],
            flows_from: vec![Vec::new(); n],
            flows_to: vec![Vec::new(); n],
            ..Index::default()
        };
        let mut instance_at: BTreeMap<String, usize> = BTreeMap::new();
        for (i, node) in nodes.iter().enumerate() {
            let id = NodeId(i);
            match node.parent.filter(|p| p.0 < n) {
                Some(p) => ix.children[p.0].push(id),
                None => ix.roots.push(id),
            }
            let declared_in_subnet =
                node.parent.and_then(|p| nodes.get(p.0)).filter(|p| p.kind() == Kind::Subnet).map(|_| node.parent);
            for s in node.placement.iter().copied().chain(declared_in_subnet.flatten()) {
                if let Some(list) = ix.in_subnet.get_mut(s.0) {
                    if !list.contains(&id) {
                        list.push(id);
                    }
                }
            }
            for e in &node.expansion {
                let at = *instance_at.entry(e.instance.clone()).or_insert_with(|| {
                    ix.instances.push((e.clone(), Vec::new()));
                    ix.instances.len() - 1
                });
                ix.instances[at].1.push(id);
            }
        }
        ix.by_id = (0..n).map(NodeId).collect();
        // Stable: among equal ids the first declared comes first, and is kept.
        ix.by_id.sort_by(|a, b| nodes[a.0].id.cmp(&nodes[b.0].id));
        ix.by_id.dedup_by(|b, a| nodes[a.0].id == nodes[b.0].id);
        for (f, flow) in flows.iter().enumerate() {
            if let Some(list) = ix.flows_from.get_mut(flow.from.value.0) {
                list.push(f);
            }
            if let Some(list) = ix.flows_to.get_mut(flow.to.value.0) {
                list.push(f);
            }
        }
        ix
    }
}
