//! Which containers hold an edge's ends, and so what the edge must avoid.
//!
//! An edge may cross the interior of a container only when that container
//! holds one of its ends (an ancestor via `parent`, or for a node placed `in`
//! subnets, those subnets and their ancestors). Everything else is opaque: a
//! container that holds neither end is one obstacle, whatever is inside it.
//! So the obstacles of an edge are the children of the holders on the way
//! down from the lowest common holder, which stays small even when the
//! diagram is huge.

use std::collections::HashMap;

use crate::types::{Container, Node, Rect};

/// A box of the layout by its position in `Layout::containers` or `nodes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Item {
    Node(usize),
    Container(usize),
}

/// The parent tree of a layout, built once for all edges.
pub(crate) struct Index<'a> {
    containers: &'a [Container],
    nodes: &'a [Node],
    by_id: HashMap<&'a str, Item>,
    container_parent: Vec<Option<usize>>,
    node_parent: Vec<Option<usize>>,
    node_in: Vec<Vec<usize>>,
    /// Per container, then the canvas last: the boxes whose parent it is.
    children: Vec<Vec<Item>>,
    /// Per container, then the canvas last: nodes drawn over it that are not
    /// its descendants by `parent` (a band over its subnets, a border node
    /// sticking out of its VPC).
    overlays: Vec<Vec<usize>>,
    canvas: Rect,
}

/// What the edges of one plan must avoid, in the area they are routed in.
#[derive(Clone, Debug, Default)]
pub(crate) struct Obstacles {
    /// The lowest container holding both ends (or the canvas).
    pub region: Rect,
    /// An end is the region itself: its border is where the edge starts.
    pub with_bounds: bool,
    /// Every node in the region, the ends included: never crossed.
    pub nodes: Vec<Rect>,
    /// Containers holding neither end: never crossed.
    pub boxes: Vec<Rect>,
    /// Container ends: touched, never crossed.
    pub ends: Vec<Rect>,
    /// Avoided when possible: labels and badges.
    pub soft: Vec<Rect>,
    /// Containers entered: their borders only place lines, so that a path
    /// keeps off them.
    pub frames: Vec<Rect>,
}

/// Reused marks so that collecting obstacles allocates nothing per edge.
#[derive(Default)]
pub(crate) struct Marks {
    container: Vec<u32>,
    node: Vec<u32>,
    generation: u32,
}

impl Marks {
    fn next(&mut self, containers: usize, nodes: usize) -> u32 {
        if self.container.len() != containers + 1 || self.node.len() != nodes || self.generation == u32::MAX {
            self.container = vec![0; containers + 1];
            self.node = vec![0; nodes];
            self.generation = 0;
        }
        self.generation += 1;
        self.generation
    }
}

fn set_mark(marks: &mut [u32], i: usize, generation: u32) -> bool {
    match marks.get_mut(i) {
        Some(m) if *m != generation => {
            *m = generation;
            true
        }
        _ => false,
    }
}

impl<'a> Index<'a> {
    pub(crate) fn new(containers: &'a [Container], nodes: &'a [Node], width: i32, height: i32) -> Index<'a> {
        // An edge names a node before a container of the same id (a zone
        // `a` and an ASG `a` in one VPC share `region.vpc.a`): flows join
        // resources. Parents are looked up among containers only.
        let mut by_id: HashMap<&'a str, Item> = HashMap::new();
        let mut container_ids: HashMap<&'a str, usize> = HashMap::new();
        for (i, n) in nodes.iter().enumerate() {
            by_id.entry(n.id.as_str()).or_insert(Item::Node(i));
        }
        for (i, c) in containers.iter().enumerate() {
            by_id.entry(c.id.as_str()).or_insert(Item::Container(i));
            container_ids.entry(c.id.as_str()).or_insert(i);
        }
        let container_of = |id: Option<&str>| id.and_then(|id| container_ids.get(id)).copied();
        let container_parent: Vec<Option<usize>> =
            containers.iter().enumerate().map(|(i, c)| container_of(c.parent.as_deref()).filter(|p| *p != i)).collect();
        let node_parent: Vec<Option<usize>> = nodes.iter().map(|n| container_of(n.parent.as_deref())).collect();
        let node_in: Vec<Vec<usize>> =
            nodes.iter().map(|n| n.placed_in.iter().filter_map(|s| container_of(Some(s))).collect()).collect();
        let canvas_slot = containers.len();
        let mut children: Vec<Vec<Item>> = vec![Vec::new(); canvas_slot + 1];
        for (i, p) in container_parent.iter().enumerate() {
            if let Some(list) = children.get_mut(p.unwrap_or(canvas_slot)) {
                list.push(Item::Container(i));
            }
        }
        for (i, p) in node_parent.iter().enumerate() {
            if let Some(list) = children.get_mut(p.unwrap_or(canvas_slot)) {
                list.push(Item::Node(i));
            }
        }
        let mut canvas = Rect::new(0, 0, width.max(0), height.max(0));
        for item in children.get(canvas_slot).map(Vec::as_slice).unwrap_or(&[]) {
            let r = match item {
                Item::Node(n) => nodes.get(*n).map(|n| n.rect),
                Item::Container(c) => containers.get(*c).map(|c| c.rect),
            };
            if let Some(r) = r {
                canvas = union(canvas, r);
            }
        }
        let mut index = Index {
            containers,
            nodes,
            by_id,
            container_parent,
            node_parent,
            node_in,
            children,
            overlays: vec![Vec::new(); canvas_slot + 1],
            canvas,
        };
        index.build_overlays();
        index
    }

    /// A band is a child of the container holding all its subnets but is
    /// drawn over them; a border node is a child of its VPC but half outside.
    /// Either must still be seen by an edge routed inside those subnets or
    /// around that VPC.
    fn build_overlays(&mut self) {
        let canvas_slot = self.containers.len();
        let bound = self.containers.len() + 1;
        for (n, node) in self.nodes.iter().enumerate() {
            let parent = self.node_parent.get(n).copied().flatten();
            for &s in self.node_in.get(n).map(Vec::as_slice).unwrap_or(&[]) {
                let mut at = Some(s);
                for _ in 0..bound {
                    let Some(c) = at else { break };
                    if Some(c) == parent {
                        break;
                    }
                    if let Some(list) = self.overlays.get_mut(c) {
                        list.push(n);
                    }
                    at = self.container_parent.get(c).copied().flatten();
                }
            }
            let mut at = parent;
            for _ in 0..bound {
                let Some(c) = at else { break };
                let inside = self.containers.get(c).is_some_and(|c| c.rect.contains(&node.rect));
                if inside {
                    break;
                }
                let up = self.container_parent.get(c).copied().flatten();
                if let Some(list) = self.overlays.get_mut(up.unwrap_or(canvas_slot)) {
                    list.push(n);
                }
                at = up;
            }
        }
        for list in &mut self.overlays {
            list.sort_unstable();
            list.dedup();
        }
    }

    pub(crate) fn item(&self, id: &str) -> Option<Item> {
        self.by_id.get(id).copied()
    }

    pub(crate) fn rect(&self, item: Item) -> Option<Rect> {
        match item {
            Item::Node(n) => self.nodes.get(n).map(|n| n.rect),
            Item::Container(c) => self.containers.get(c).map(|c| c.rect),
        }
    }

    /// Ancestors by `parent`, innermost first (a container's own chain
    /// starts at its parent).
    fn chain(&self, item: Item) -> Vec<usize> {
        let mut at = match item {
            Item::Node(n) => self.node_parent.get(n).copied().flatten(),
            Item::Container(c) => self.container_parent.get(c).copied().flatten(),
        };
        let mut out = Vec::new();
        for _ in 0..=self.containers.len() {
            let Some(c) = at else { break };
            if out.contains(&c) {
                break;
            }
            out.push(c);
            at = self.container_parent.get(c).copied().flatten();
        }
        out
    }

    /// Every container holding `item`, sorted.
    fn holders(&self, item: Item) -> Vec<usize> {
        let mut out = self.chain(item);
        if let Item::Node(n) = item {
            for &s in self.node_in.get(n).map(Vec::as_slice).unwrap_or(&[]) {
                out.extend(self.chain(Item::Container(s)));
                out.push(s);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// How an edge from `a` to `b` is routed; edges with equal plans share
    /// their grid.
    pub(crate) fn plan(&self, a: Item, b: Item) -> Plan {
        let held_a = self.holders(a);
        let held_b = self.holders(b);
        let encloses = |end: Item, other: &[usize]| match end {
            Item::Container(c) => other.binary_search(&c).is_ok().then_some(c),
            Item::Node(_) => None,
        };
        let enclosing = encloses(a, &held_b).or_else(|| encloses(b, &held_a));
        let chain_b = self.chain(b);
        let common = enclosing.or_else(|| self.chain(a).into_iter().find(|c| chain_b.contains(c)));
        let mut descended: Vec<usize> =
            held_a.iter().chain(held_b.iter()).copied().filter(|&c| self.is_below(c, common)).collect();
        descended.sort_unstable();
        descended.dedup();
        let mut container_ends: Vec<usize> = [a, b]
            .into_iter()
            .filter_map(|e| match e {
                Item::Container(c) if Some(c) != enclosing => Some(c),
                _ => None,
            })
            .collect();
        container_ends.sort_unstable();
        Plan { common, descended, container_ends, enclosing }
    }

    /// True when `c` lies strictly inside `top` (anywhere when `top` is the
    /// canvas).
    fn is_below(&self, c: usize, top: Option<usize>) -> bool {
        match top {
            None => true,
            Some(t) => self.chain(Item::Container(c)).contains(&t),
        }
    }

    /// What the edges of `plan` must avoid. Node ends are obstacles like any
    /// node (the path starts on their border and never enters them), so the
    /// result does not depend on which nodes the ends are.
    pub(crate) fn obstacles(&self, plan: &Plan, marks: &mut Marks) -> Obstacles {
        let canvas_slot = self.containers.len();
        let region = plan.common.and_then(|c| self.containers.get(c)).map_or(self.canvas, |c| c.rect);
        let mut out = Obstacles { region, with_bounds: plan.enclosing.is_some(), ..Obstacles::default() };
        let generation = marks.next(self.containers.len(), self.nodes.len());
        let mut stack = vec![plan.common.unwrap_or(canvas_slot)];
        if let Some(c) = plan.common.and_then(|c| self.containers.get(c)) {
            push_labels(&mut out.soft, c);
        }
        // Each container is entered once (marks), so this ends.
        while let Some(slot) = stack.pop() {
            if !set_mark(&mut marks.container, slot, generation) {
                continue;
            }
            let children = self.children.get(slot).map(Vec::as_slice).unwrap_or(&[]);
            let overlays = self.overlays.get(slot).map(Vec::as_slice).unwrap_or(&[]);
            for item in children.iter().copied().chain(overlays.iter().map(|&n| Item::Node(n))) {
                match item {
                    Item::Node(n) => {
                        if !set_mark(&mut marks.node, n, generation) {
                            continue;
                        }
                        let Some(node) = self.nodes.get(n) else { continue };
                        out.nodes.push(node.rect);
                        if node.label_box.rect.w > 0 && node.label_box.rect.h > 0 {
                            out.soft.push(node.label_box.rect);
                        }
                    }
                    Item::Container(k) => {
                        let Some(c) = self.containers.get(k) else { continue };
                        if plan.container_ends.binary_search(&k).is_ok() {
                            out.ends.push(c.rect);
                        } else if plan.descended.binary_search(&k).is_ok() {
                            push_labels(&mut out.soft, c);
                            out.frames.push(c.rect);
                            stack.push(k);
                        } else {
                            out.boxes.push(c.rect);
                            out.soft.extend(c.badges.iter().map(|b| b.rect));
                        }
                    }
                }
            }
        }
        out
    }
}

/// The way an edge is routed: the container it stays in (None: the canvas),
/// the containers holding an end below it (entered), the container ends
/// (touched, not entered), and the end that encloses the other, if any.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Plan {
    pub common: Option<usize>,
    pub descended: Vec<usize>,
    pub container_ends: Vec<usize>,
    pub enclosing: Option<usize>,
}

fn push_labels(soft: &mut Vec<Rect>, c: &Container) {
    if c.label_box.rect.w > 0 && c.label_box.rect.h > 0 {
        soft.push(c.heading());
    }
    soft.extend(c.badges.iter().map(|b| b.rect));
}

pub(crate) fn union(a: Rect, b: Rect) -> Rect {
    let x = a.x.min(b.x);
    let y = a.y.min(b.y);
    Rect::new(x, y, a.right().max(b.right()) - x, a.bottom().max(b.bottom()) - y)
}
