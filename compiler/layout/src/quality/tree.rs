//! The nesting of a layout, read from its `parent` fields: which containers
//! hold a node or an edge's end, and the walk that finds a container an
//! edge (or a node) trespasses on.

use std::collections::BTreeMap;

use crate::{Layout, Rect};

pub(crate) struct Tree<'a> {
    containers: BTreeMap<&'a str, usize>,
    nodes: BTreeMap<&'a str, usize>,
    /// Each container's parent container, when it names one that exists.
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    /// Containers with no (known) parent.
    roots: Vec<usize>,
    rects: Vec<Rect>,
}

impl<'a> Tree<'a> {
    pub(crate) fn new(layout: &'a Layout) -> Tree<'a> {
        let containers: BTreeMap<&str, usize> =
            layout.containers.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let nodes = layout.nodes.iter().enumerate().map(|(i, n)| (n.id.as_str(), i)).collect();
        let parent: Vec<Option<usize>> =
            layout.containers.iter().map(|c| c.parent.as_deref().and_then(|p| containers.get(p).copied())).collect();
        let mut children = vec![Vec::new(); layout.containers.len()];
        let mut roots = Vec::new();
        for (i, p) in parent.iter().enumerate() {
            match p.and_then(|p| children.get_mut(p)) {
                Some(list) => list.push(i),
                None => roots.push(i),
            }
        }
        let rects = layout.containers.iter().map(|c| c.rect).collect();
        Tree { containers, nodes, parent, children, roots, rects }
    }

    pub(crate) fn container(&self, id: &str) -> Option<usize> {
        self.containers.get(id).copied()
    }

    pub(crate) fn node(&self, id: &str) -> Option<usize> {
        self.nodes.get(id).copied()
    }

    /// `c` and its ancestors, appended to `out`. Bounded by the number of
    /// containers, so a cycle of parents cannot loop.
    fn chain(&self, c: Option<usize>, out: &mut Vec<usize>) {
        let mut at = c;
        for _ in 0..=self.parent.len() {
            let Some(i) = at else { break };
            if out.contains(&i) {
                break;
            }
            out.push(i);
            at = self.parent.get(i).copied().flatten();
        }
    }

    /// The containers that hold the node or container `id`, as the router
    /// reads it: a container holds itself and its ancestors do; a node is
    /// held by its parent and its ancestors, and by each subnet it is placed
    /// `in` and theirs.
    pub(crate) fn holders(&self, layout: &Layout, id: &str, out: &mut Vec<usize>) {
        if let Some(c) = self.container(id) {
            self.chain(Some(c), out);
        } else if let Some(n) = self.node(id).and_then(|n| layout.nodes.get(n)) {
            self.chain(n.parent.as_deref().and_then(|p| self.container(p)), out);
            for s in &n.placed_in {
                self.chain(self.container(s), out);
            }
        }
    }

    /// The first container, top down, that `hits` and that is not one of
    /// `holders`. The walk enters only holders that `hits`: a container that
    /// holds neither end stops it (its own children cannot hold one either),
    /// and one that is not hit is not entered (its children lie inside it;
    /// when they do not, `nodes_outside_container` says so).
    pub(crate) fn foreign(&self, holders: &[usize], mut hits: impl FnMut(&Rect) -> bool) -> Option<usize> {
        let mut stack: Vec<usize> = self.roots.iter().rev().copied().collect();
        // Each container is pushed at most once (by its one parent).
        while let Some(c) = stack.pop() {
            let Some(rect) = self.rects.get(c) else { continue };
            if !hits(rect) {
                continue;
            }
            if !holders.contains(&c) {
                return Some(c);
            }
            if let Some(kids) = self.children.get(c) {
                stack.extend(kids.iter().rev());
            }
        }
        None
    }

    /// Each group of sibling containers (the roots, then each container's
    /// children), for the pairwise overlap test.
    pub(crate) fn sibling_groups(&self) -> impl Iterator<Item = &[usize]> {
        std::iter::once(self.roots.as_slice()).chain(self.children.iter().map(Vec::as_slice))
    }
}
