//! Which box each declared thing is drawn in: the nesting of the picture
//! (regions → VPCs → zone columns → subnets) and, for every resource, where
//! it goes by its `Node::layout()`: in a subnet, as a band of its VPC, on its
//! VPC's border, in its region's services grid, in the global column or the
//! outside column. A thing whose natural place is missing (a resource whose
//! VPC could not be resolved) falls back to the next box out, so every
//! drawn node has exactly one place.

use archc_core::model::kinds::{Kind, Layout};
use archc_core::model::{Model, NodeId};

/// Where a container node stands in the tree: indexes into `Tree`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Loc {
    None,
    Region(usize),
    Vpc(usize, usize),
    Zone(usize, usize, usize),
    Subnet(usize, usize, usize, usize),
}

#[derive(Debug, Default)]
pub(super) struct Tree {
    /// users and the internet, then on-premises networks.
    pub outside: Vec<NodeId>,
    /// CloudFront, Route 53, global WAF (and anything regional without a
    /// region).
    pub global: Vec<NodeId>,
    pub regions: Vec<RegionT>,
    /// Per model node, where it stands if it is a container.
    pub loc: Vec<Loc>,
}

#[derive(Debug)]
pub(super) struct RegionT {
    pub id: NodeId,
    pub vpcs: Vec<VpcT>,
    pub services: Vec<NodeId>,
    /// Index of its box in the layout's containers.
    pub c: usize,
}

#[derive(Debug)]
pub(super) struct VpcT {
    pub id: NodeId,
    pub zones: Vec<ZoneT>,
    pub bands: Vec<NodeId>,
    /// Border nodes on the side facing the outside column (IGW, regional
    /// NAT), and on the opposite side (endpoints).
    pub near: Vec<NodeId>,
    pub far: Vec<NodeId>,
    pub c: usize,
}

#[derive(Debug)]
pub(super) struct ZoneT {
    pub id: NodeId,
    pub subnets: Vec<SubnetT>,
    pub c: usize,
}

#[derive(Debug)]
pub(super) struct SubnetT {
    pub id: NodeId,
    /// ec2 and zonal NAT gateways declared in it.
    pub nodes: Vec<NodeId>,
    /// The network ACLs that guard it: badges.
    pub nacls: Vec<NodeId>,
    pub c: usize,
}

impl Tree {
    /// The tree of `model`; `internet` is drawn only when `with_internet`.
    pub(super) fn build(model: &Model, with_internet: bool) -> Tree {
        let nodes = model.nodes();
        let mut t = Tree { loc: vec![Loc::None; nodes.len()], ..Tree::default() };
        // Containers by depth, so a parent is always placed before its
        // children whatever the declaration order.
        for (i, n) in nodes.iter().enumerate() {
            if n.kind() == Kind::Region {
                t.set(i, Loc::Region(t.regions.len()));
                t.regions.push(RegionT { id: NodeId(i), vpcs: Vec::new(), services: Vec::new(), c: 0 });
            }
        }
        for (i, n) in nodes.iter().enumerate() {
            if n.kind() != Kind::Vpc {
                continue;
            }
            let region = n.parent.or(n.region).map(|p| t.at(p));
            if let Some(Loc::Region(r)) = region {
                if let Some(reg) = t.regions.get_mut(r) {
                    let v = reg.vpcs.len();
                    reg.vpcs.push(VpcT {
                        id: NodeId(i),
                        zones: Vec::new(),
                        bands: Vec::new(),
                        near: Vec::new(),
                        far: Vec::new(),
                        c: 0,
                    });
                    t.set(i, Loc::Vpc(r, v));
                }
            }
        }
        for (i, n) in nodes.iter().enumerate() {
            if n.kind() != Kind::Az {
                continue;
            }
            if let Some(Loc::Vpc(r, v)) = n.parent.map(|p| t.at(p)) {
                if let Some(vpc) = t.vpc_mut(r, v) {
                    let z = vpc.zones.len();
                    vpc.zones.push(ZoneT { id: NodeId(i), subnets: Vec::new(), c: 0 });
                    t.set(i, Loc::Zone(r, v, z));
                }
            }
        }
        for (i, n) in nodes.iter().enumerate() {
            if n.kind() != Kind::Subnet {
                continue;
            }
            if let Some(Loc::Zone(r, v, z)) = n.parent.map(|p| t.at(p)) {
                if let Some(zone) = t.vpc_mut(r, v).and_then(|vpc| vpc.zones.get_mut(z)) {
                    let s = zone.subnets.len();
                    zone.subnets.push(SubnetT { id: NodeId(i), nodes: Vec::new(), nacls: Vec::new(), c: 0 });
                    t.set(i, Loc::Subnet(r, v, z, s));
                }
            }
        }
        let mut onprem = Vec::new();
        let mut internet = Vec::new();
        for (i, n) in nodes.iter().enumerate() {
            let id = NodeId(i);
            match n.kind() {
                Kind::Region | Kind::Vpc | Kind::Az | Kind::Subnet => continue,
                Kind::Internet => {
                    if with_internet {
                        internet.push(id);
                    }
                    continue;
                }
                Kind::Nacl => {
                    for s in &n.placement {
                        if let Some(sub) = t.subnet_mut(*s) {
                            sub.nacls.push(id);
                        }
                    }
                    continue;
                }
                Kind::Onprem => {
                    onprem.push(id);
                    continue;
                }
                _ => {}
            }
            t.put(model, id, n.layout());
        }
        // Users first, then the internet, then on-premises networks.
        t.outside.extend(internet);
        t.outside.extend(onprem);
        t
    }

    fn set(&mut self, i: usize, loc: Loc) {
        if let Some(l) = self.loc.get_mut(i) {
            *l = loc;
        }
    }

    fn at(&self, id: NodeId) -> Loc {
        self.loc.get(id.0).copied().unwrap_or(Loc::None)
    }

    fn vpc_mut(&mut self, r: usize, v: usize) -> Option<&mut VpcT> {
        self.regions.get_mut(r).and_then(|reg| reg.vpcs.get_mut(v))
    }

    fn subnet_mut(&mut self, s: NodeId) -> Option<&mut SubnetT> {
        let Loc::Subnet(r, v, z, i) = self.at(s) else { return None };
        self.vpc_mut(r, v).and_then(|vpc| vpc.zones.get_mut(z)).and_then(|zone| zone.subnets.get_mut(i))
    }

    /// The VPC a resource belongs to: its own, or its subnets'.
    fn vpc_of(&self, model: &Model, id: NodeId) -> Option<(usize, usize)> {
        let n = model.get(id)?;
        let own = n.vpc.map(|v| self.at(v));
        if let Some(Loc::Vpc(r, v)) = own {
            return Some((r, v));
        }
        n.placement.iter().find_map(|s| match self.at(*s) {
            Loc::Subnet(r, v, _, _) => Some((r, v)),
            _ => None,
        })
    }

    fn region_of(&self, model: &Model, id: NodeId) -> Option<usize> {
        let n = model.get(id)?;
        match n.region.map(|r| self.at(r)) {
            Some(Loc::Region(r)) => Some(r),
            _ => self.vpc_of(model, id).map(|(r, _)| r),
        }
    }

    /// Puts a resource where its layout says, or in the next box out.
    fn put(&mut self, model: &Model, id: NodeId, layout: Layout) {
        let Some(n) = model.get(id) else { return };
        match layout {
            Layout::Outside => {
                self.outside.push(id);
                return;
            }
            Layout::Global => {
                self.global.push(id);
                return;
            }
            Layout::InSubnet => {
                if let Some(sub) = n.parent.and_then(|p| self.subnet_mut(p)) {
                    sub.nodes.push(id);
                    return;
                }
            }
            Layout::Band => {
                if let Some((r, v)) = self.vpc_of(model, id) {
                    let in_vpc = n
                        .placement
                        .iter()
                        .any(|s| matches!(self.at(*s), Loc::Subnet(r2, v2, _, _) if (r2, v2) == (r, v)));
                    if in_vpc {
                        if let Some(vpc) = self.vpc_mut(r, v) {
                            vpc.bands.push(id);
                            return;
                        }
                    }
                }
            }
            Layout::Container | Layout::Border | Layout::Regional => {}
        }
        if matches!(layout, Layout::InSubnet | Layout::Band | Layout::Border) {
            if let Some((r, v)) = self.vpc_of(model, id) {
                let near = n.kind() == Kind::Igw || n.kind() == Kind::Nat;
                if let Some(vpc) = self.vpc_mut(r, v) {
                    if near {
                        vpc.near.push(id);
                    } else {
                        vpc.far.push(id);
                    }
                    return;
                }
            }
        }
        match self.region_of(model, id).and_then(|r| self.regions.get_mut(r)) {
            Some(reg) => reg.services.push(id),
            None => self.global.push(id),
        }
    }
}
