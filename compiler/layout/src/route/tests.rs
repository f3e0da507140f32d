//! Routing checked by geometry: a private checker counts every violation of
//! the router's hard rules on hand-made and random layouts.

use super::{route, RouteStats};
use crate::types::{Container, Edge, Layout, Node, Rect, TextBox};

fn tb(x: i32, y: i32, w: i32, h: i32, text: &str) -> TextBox {
    TextBox { rect: Rect::new(x, y, w, h), lines: vec![text.to_string()], size: 12, ..TextBox::default() }
}

fn container(id: &str, kind: &str, parent: Option<&str>, r: Rect) -> Container {
    Container {
        id: id.to_string(),
        kind: kind.to_string(),
        label: id.to_string(),
        parent: parent.map(str::to_string),
        rect: r,
        label_box: tb(r.x + 6, r.y + 4, 90.min(r.w - 12), 16, id),
        ..Container::default()
    }
}

fn icon(id: &str, parent: Option<&str>, x: i32, y: i32) -> Node {
    Node {
        id: id.to_string(),
        kind: "ec2".to_string(),
        label: id.to_string(),
        parent: parent.map(str::to_string),
        shape: "icon".to_string(),
        rect: Rect::new(x, y, 48, 48),
        label_box: tb(x - 12, y + 52, 72, 15, id),
        ..Node::default()
    }
}

fn band(id: &str, parent: &str, subnets: &[&str], r: Rect) -> Node {
    Node {
        id: id.to_string(),
        kind: "alb".to_string(),
        label: id.to_string(),
        parent: Some(parent.to_string()),
        placed_in: subnets.iter().map(|s| s.to_string()).collect(),
        shape: "band".to_string(),
        rect: r,
        label_box: tb(r.x + 40, r.y + 12, 80, 15, id),
        ..Node::default()
    }
}

fn edge(from: &str, to: &str, label: Option<&str>) -> Edge {
    Edge {
        from: from.to_string(),
        to: to.to_string(),
        kind: "flow".to_string(),
        label: label.map(str::to_string),
        ..Edge::default()
    }
}

/// Users outside; AWS › region › VPC with two zone columns of three subnet
/// rows, a band across the public row and one across the isolated row, a
/// border node, instances, and a grid of regional services.
fn vpc_layout() -> Layout {
    let mut containers = vec![
        container("aws", "cloud", None, Rect::new(110, 20, 1270, 860)),
        container("r", "region", Some("aws"), Rect::new(130, 50, 1240, 820)),
        container("v", "vpc", Some("r"), Rect::new(160, 100, 780, 700)),
        container("za", "az", Some("v"), Rect::new(200, 140, 340, 640)),
        container("zb", "az", Some("v"), Rect::new(580, 140, 340, 640)),
    ];
    for (zone, x) in [("za", 216), ("zb", 596)] {
        for (k, y) in [176, 380, 584].into_iter().enumerate() {
            let id = format!("{}{}", &zone[1..], k + 1);
            containers.push(container(&id, "subnet", Some(zone), Rect::new(x, y, 308, 180)));
        }
    }
    let mut igw = icon("igw", Some("v"), 136, 300);
    igw.label_box = tb(134, 352, 52, 15, "igw");
    let nodes = vec![
        icon("users", None, 30, 320),
        icon("internet", None, 30, 500),
        igw,
        band("alb", "v", &["a1", "b1"], Rect::new(226, 206, 668, 40)),
        band("rds", "v", &["a3", "b3"], Rect::new(226, 614, 668, 40)),
        icon("web1", Some("a2"), 250, 420),
        icon("web2", Some("b2"), 630, 420),
        icon("worker", Some("b2"), 780, 420),
        icon("cache", Some("a3"), 250, 680),
        icon("s3", Some("r"), 990, 130),
        icon("sqs", Some("r"), 1110, 130),
        icon("lambda", Some("r"), 1230, 130),
        icon("sns", Some("r"), 990, 270),
        icon("ddb", Some("r"), 1110, 270),
        icon("kinesis", Some("r"), 1230, 270),
        icon("tgw", Some("r"), 1110, 700),
    ];
    let edges = vec![
        edge("users", "alb", Some("443")),
        edge("internet", "igw", None),
        edge("igw", "alb", Some("HTTPS")),
        edge("alb", "web1", Some("8080")),
        edge("alb", "web2", Some("8080")),
        edge("web1", "rds", Some("5432")),
        edge("web2", "rds", Some("5432")),
        edge("worker", "rds", Some("5432")),
        edge("web1", "s3", Some("logs")),
        edge("s3", "lambda", Some("object created")),
        edge("lambda", "ddb", None),
        edge("worker", "sqs", Some("jobs")),
        edge("cache", "web2", None),
        edge("web1", "worker", Some("rpc")),
        edge("tgw", "v", Some("attach")),
        edge("users", "s3", Some("upload")),
        edge("web1", "b3", Some("to a subnet")),
        edge("lambda", "a3", None),
        edge("sns", "za", Some("zone")),
        edge("kinesis", "tgw", None),
        edge("web2", "web1", Some("back")),
        edge("alb", "rds", None),
    ];
    Layout { width: 1400, height: 900, direction: "right".to_string(), containers, nodes, edges, ..Layout::default() }
}

/// Every container holding `id` (by parent, and by `in` for a node).
fn holders(l: &Layout, id: &str) -> Vec<String> {
    let parent_of =
        |id: &str| -> Option<String> { l.containers.iter().find(|c| c.id == id).and_then(|c| c.parent.clone()) };
    let mut out = Vec::new();
    let mut starts: Vec<Option<String>> = Vec::new();
    if let Some(n) = l.nodes.iter().find(|n| n.id == id) {
        starts.push(n.parent.clone());
        starts.extend(n.placed_in.iter().cloned().map(Some));
    } else {
        starts.push(parent_of(id));
    }
    for mut at in starts {
        while let Some(c) = at {
            at = parent_of(&c);
            out.push(c);
        }
    }
    out
}

fn interior_hit(a: [i32; 2], b: [i32; 2], r: Rect) -> bool {
    super::nudge::crosses((a, b), r)
}

fn on_border(p: [i32; 2], r: Rect) -> bool {
    let in_x = p[0] >= r.x && p[0] <= r.right();
    let in_y = p[1] >= r.y && p[1] <= r.bottom();
    ((p[0] == r.x || p[0] == r.right()) && in_y) || ((p[1] == r.y || p[1] == r.bottom()) && in_x)
}

/// The hard rules, each broken instance described.
fn violations(l: &Layout) -> Vec<String> {
    let mut out = Vec::new();
    let rect_of = |id: &str| {
        l.nodes
            .iter()
            .find(|n| n.id == id)
            .map(|n| n.rect)
            .or_else(|| l.containers.iter().find(|c| c.id == id).map(|c| c.rect))
    };
    for (i, e) in l.edges.iter().enumerate() {
        let name = format!("edge {i} {}->{}", e.from, e.to);
        if e.points.len() < 2 {
            out.push(format!("{name}: no points"));
            continue;
        }
        let (Some(fr), Some(tr)) = (rect_of(&e.from), rect_of(&e.to)) else { continue };
        if !on_border(e.points[0], fr) {
            out.push(format!("{name}: starts off border {:?}", e.points[0]));
        }
        if !on_border(*e.points.last().unwrap(), tr) {
            out.push(format!("{name}: ends off border {:?}", e.points.last()));
        }
        let mut held = holders(l, &e.from);
        held.extend(holders(l, &e.to));
        for w in e.points.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a[0] != b[0] && a[1] != b[1] {
                out.push(format!("{name}: diagonal {a:?} {b:?}"));
            }
            for n in &l.nodes {
                if interior_hit(a, b, n.rect) {
                    out.push(format!("{name}: through node {} at {a:?}-{b:?}", n.id));
                }
            }
            for c in &l.containers {
                let foreign = !held.contains(&c.id);
                if foreign && interior_hit(a, b, c.rect) {
                    out.push(format!("{name}: through container {} at {a:?}-{b:?}", c.id));
                }
            }
        }
    }
    let mut labels: Vec<(String, Rect)> = Vec::new();
    for n in &l.nodes {
        labels.push((format!("label of {}", n.id), n.label_box.rect));
    }
    for c in &l.containers {
        labels.push((format!("label of {}", c.id), c.label_box.rect));
    }
    for (i, e) in l.edges.iter().enumerate() {
        let Some(lb) = &e.label_box else { continue };
        let r = lb.rect;
        for n in &l.nodes {
            if n.rect.overlaps(&r) {
                out.push(format!("label of edge {i} over node {}", n.id));
            }
        }
        for (what, o) in &labels {
            if o.overlaps(&r) {
                out.push(format!("label of edge {i} over {what}"));
            }
        }
        labels.push((format!("label of edge {i}"), r));
    }
    out
}

fn bends(l: &Layout) -> usize {
    l.edges.iter().map(|e| e.points.len().saturating_sub(2)).sum()
}

#[test]
fn vpc_routes_without_violations() {
    let mut l = vpc_layout();
    let stats = route(&mut l);
    let v = violations(&l);
    assert!(v.is_empty(), "{v:#?}\n{stats:?}");
    assert_eq!(stats, RouteStats::default());
    for e in &l.edges {
        assert_eq!(e.label_box.is_some(), e.label.is_some(), "{}->{}", e.from, e.to);
    }
    // Few bends: nothing here needs more than four per edge.
    assert!(l.edges.iter().all(|e| e.points.len() <= 6), "{:?}", l.edges.iter().map(|e| &e.points).collect::<Vec<_>>());
    assert!(bends(&l) <= 2 * l.edges.len(), "{}", bends(&l));
}

#[test]
fn edges_stay_inside_the_lowest_common_holder() {
    let mut l = vpc_layout();
    route(&mut l);
    let inside = |id: &str, e: &Edge| {
        let r = l.containers.iter().find(|c| c.id == id).unwrap().rect;
        e.points.iter().all(|p| p[0] >= r.x && p[0] <= r.right() && p[1] >= r.y && p[1] <= r.bottom())
    };
    let find = |f: &str, t: &str| l.edges.iter().find(|e| e.from == f && e.to == t).unwrap();
    assert!(inside("v", find("alb", "web1")));
    assert!(inside("zb", find("web2", "rds")) || inside("v", find("web2", "rds")));
    assert!(inside("r", find("s3", "lambda")));
    assert!(inside("zb", find("web1", "worker")) || inside("v", find("web1", "worker")));
    assert!(inside("v", find("web2", "web1")));
}

#[test]
fn a_container_end_is_touched_not_entered() {
    let mut l = vpc_layout();
    route(&mut l);
    let e = l.edges.iter().find(|e| e.from == "tgw" && e.to == "v").unwrap();
    let v = l.containers.iter().find(|c| c.id == "v").unwrap().rect;
    let last = *e.points.last().unwrap();
    assert!(on_border(last, v), "{:?}", e.points);
    for w in e.points.windows(2) {
        assert!(!interior_hit(w[0], w[1], v), "{:?}", e.points);
    }
}

#[test]
fn edges_leaving_one_side_get_distinct_ports() {
    let mut l = vpc_layout();
    route(&mut l);
    // web1, web2 and worker all go up into rds? No: rds is below; take the
    // three edges into the rds band and check their last points differ.
    let mut ends: Vec<[i32; 2]> = l.edges.iter().filter(|e| e.to == "rds").map(|e| *e.points.last().unwrap()).collect();
    let n = ends.len();
    ends.sort();
    ends.dedup();
    assert_eq!(ends.len(), n, "{ends:?}");
    // Two edges leaving alb for web1/web2 do not share their first segment.
    let firsts: Vec<_> = l.edges.iter().filter(|e| e.from == "alb").map(|e| (e.points[0], e.points[1])).collect();
    for (i, a) in firsts.iter().enumerate() {
        for b in &firsts[i + 1..] {
            assert_ne!(a, b, "{firsts:?}");
        }
    }
}

#[test]
fn parallel_edges_are_separated() {
    // Three edges between the same two columns of nodes run through one
    // channel; none may lie on top of another.
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for k in 0..3 {
        nodes.push(icon(&format!("l{k}"), None, 20, 20 + 100 * k));
        nodes.push(icon(&format!("r{k}"), None, 400, 20 + 100 * (2 - k)));
        edges.push(edge(&format!("l{k}"), &format!("r{k}"), None));
    }
    nodes.push(icon("mid", None, 200, 120));
    let mut l = Layout { width: 500, height: 340, nodes, edges, ..Layout::default() };
    let stats = route(&mut l);
    assert!(violations(&l).is_empty(), "{:?}", violations(&l));
    assert_eq!(stats.fallbacks, 0);
    let mut segs = Vec::new();
    for (i, e) in l.edges.iter().enumerate() {
        for w in e.points.windows(2) {
            segs.push((i, w[0], w[1]));
        }
    }
    for (i, a, b) in &segs {
        for (j, c, d) in &segs {
            if i >= j {
                continue;
            }
            let vertical = a[0] == b[0] && c[0] == d[0] && a[0] == c[0];
            let horizontal = a[1] == b[1] && c[1] == d[1] && a[1] == c[1];
            let overlap = |p: i32, q: i32, r: i32, s: i32| p.min(q).max(r.min(s)) < p.max(q).min(r.max(s));
            if vertical {
                assert!(!overlap(a[1], b[1], c[1], d[1]), "edges {i} {j} overlap: {:?}", l.edges);
            }
            if horizontal {
                assert!(!overlap(a[0], b[0], c[0], d[0]), "edges {i} {j} overlap: {:?}", l.edges);
            }
        }
    }
}

#[test]
fn a_walled_in_edge_falls_back_and_is_counted() {
    // `b` sits inside a ring of nodes with no gap: no path reaches it.
    let mut nodes = vec![icon("a", None, 10, 10), icon("b", None, 200, 200)];
    for (k, (x, y)) in [(152, 152), (200, 152), (248, 152), (152, 200), (248, 200), (152, 248), (200, 248), (248, 248)]
        .into_iter()
        .enumerate()
    {
        let mut n = icon(&format!("w{k}"), None, x, y);
        n.label_box = TextBox::default();
        nodes.push(n);
    }
    nodes[1].label_box = TextBox::default();
    let mut l = Layout { width: 400, height: 400, nodes, edges: vec![edge("a", "b", Some("x"))], ..Layout::default() };
    let stats = route(&mut l);
    assert_eq!(stats.fallbacks, 1);
    let p = &l.edges[0].points;
    assert!(p.len() >= 2 && p.windows(2).all(|w| w[0][0] == w[1][0] || w[0][1] == w[1][1]), "{p:?}");
}

#[test]
fn unknown_or_self_edges_do_not_panic() {
    let mut l = vpc_layout();
    l.edges = vec![edge("nope", "web1", None), edge("web1", "web1", Some("x")), edge("web1", "web2", None)];
    let stats = route(&mut l);
    assert_eq!(stats.unresolved, 2);
    assert!(l.edges[0].points.is_empty() && l.edges[1].points.is_empty());
    assert!(l.edges[2].points.len() >= 2);
}

/// A small deterministic generator (no dependency, same numbers everywhere).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// A grid of cells, each a lone node or a container holding 2×2 nodes,
/// with random gaps; `edges` random edges between nodes and containers.
fn random_layout(seed: u64, cols: usize, rows: usize, edges: usize) -> Layout {
    let mut rng = Lcg(seed);
    let mut nodes = Vec::new();
    let mut containers = Vec::new();
    let mut ids = Vec::new();
    let mut y = 20;
    for r in 0..rows {
        let mut x = 20;
        for c in 0..cols {
            if rng.next(3) == 0 {
                let id = format!("c{r}_{c}");
                let rect = Rect::new(x, y, 260, 280);
                containers.push(container(&id, "vpc", None, rect));
                ids.push(id.clone());
                for (k, (dx, dy)) in [(40, 50), (160, 50), (40, 170), (160, 170)].into_iter().enumerate() {
                    let nid = format!("{id}n{k}");
                    nodes.push(icon(&nid, Some(&id), x + dx, y + dy));
                    ids.push(nid);
                }
            } else {
                let nid = format!("n{r}_{c}");
                nodes.push(icon(&nid, None, x + 100, y + 100));
                ids.push(nid);
            }
            x += 260 + 24 + 8 * i32::try_from(rng.next(6)).unwrap();
        }
        y += 280 + 24 + 8 * i32::try_from(rng.next(6)).unwrap();
    }
    let width = 20 + i32::try_from(cols).unwrap() * 340;
    let height = y + 20;
    let mut list = Vec::new();
    for _ in 0..edges {
        let a = rng.next(ids.len());
        let b = rng.next(ids.len());
        if a != b {
            list.push(edge(&ids[a], &ids[b], Some(if rng.next(2) == 0 { "443" } else { "tcp 8080" })));
        }
    }
    Layout { width, height, containers, nodes, edges: list, ..Layout::default() }
}

#[test]
fn random_grids_route_cleanly_and_deterministically() {
    for seed in 1..=12 {
        let mut l = random_layout(seed, 5, 4, 40);
        let stats = route(&mut l);
        let v = violations(&l);
        assert!(v.is_empty(), "seed {seed}: {v:#?}");
        assert_eq!(stats.fallbacks, 0, "seed {seed}");
        let mut again = random_layout(seed, 5, 4, 40);
        route(&mut again);
        assert_eq!(l, again, "seed {seed}");
    }
}

/// A structured layout of about `n` nodes: containers of 10×10 nodes in a
/// grid, edges mostly inside a container, some across.
fn structured(containers_per_row: usize, rows: usize) -> Layout {
    let mut rng = Lcg(7);
    let mut containers = Vec::new();
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    let (cw, ch) = (10 * 100 + 40, 10 * 100 + 60);
    for r in 0..rows {
        for c in 0..containers_per_row {
            let id = format!("c{r}_{c}");
            let (x, y) = (20 + i32::try_from(c).unwrap() * (cw + 40), 20 + i32::try_from(r).unwrap() * (ch + 40));
            containers.push(container(&id, "vpc", None, Rect::new(x, y, cw, ch)));
            for k in 0..100 {
                let (i, j) = (k % 10, k / 10);
                nodes.push(icon(&format!("{id}n{k}"), Some(&id), x + 40 + 100 * i, y + 50 + 100 * j));
            }
            for k in 0..100 {
                if rng.next(10) == 0 {
                    continue;
                }
                let other = if rng.next(10) == 0 {
                    format!("c{}_{}n{}", rng.next(rows), rng.next(containers_per_row), rng.next(100))
                } else {
                    format!("{id}n{}", rng.next(100))
                };
                if other != format!("{id}n{k}") {
                    edges.push(edge(&format!("{id}n{k}"), &other, Some("443")));
                }
            }
        }
    }
    let width = 40 + i32::try_from(containers_per_row).unwrap() * (cw + 40);
    let height = 40 + i32::try_from(rows).unwrap() * (ch + 40);
    Layout { width, height, containers, nodes, edges, ..Layout::default() }
}

#[test]
fn a_structured_layout_routes_cleanly() {
    let mut l = structured(2, 2);
    let stats = route(&mut l);
    let v = violations(&l);
    assert!(v.is_empty(), "{:#?}", &v[..v.len().min(20)]);
    assert_eq!(stats.fallbacks, 0);
}

#[test]
#[ignore = "timing: cargo test --release -p archc-layout scale -- --ignored --nocapture"]
fn scale_2000_nodes() {
    let mut l = structured(5, 4);
    let mut took = std::time::Duration::MAX;
    let mut stats = RouteStats::default();
    for _ in 0..5 {
        let t = std::time::Instant::now();
        stats = route(&mut l);
        took = took.min(t.elapsed());
    }
    println!("{} nodes, {} edges: {took:?}, {stats:?}, bends {}", l.nodes.len(), l.edges.len(), bends(&l));
}

/// A plain drawing of a routed layout, to look at while tuning.
fn svg(l: &Layout) -> String {
    let mut s = format!(
        "<svg xmlns='http://www.w3.org/2000/svg' width='{}' height='{}' font-family='DejaVu Sans' font-size='11'>\n<rect width='100%' height='100%' fill='white'/>\n",
        l.width, l.height
    );
    for c in &l.containers {
        let r = c.rect;
        s += &format!("<rect x='{}' y='{}' width='{}' height='{}' fill='none' stroke='#888'/>\n", r.x, r.y, r.w, r.h);
        let b = c.label_box.rect;
        s += &format!("<text x='{}' y='{}' fill='#555'>{}</text>\n", b.x, b.y + b.h - 3, c.label);
    }
    for n in &l.nodes {
        let r = n.rect;
        s += &format!("<rect x='{}' y='{}' width='{}' height='{}' fill='#fda' stroke='#a60'/>\n", r.x, r.y, r.w, r.h);
        let b = n.label_box.rect;
        s += &format!("<text x='{}' y='{}'>{}</text>\n", b.x, b.y + b.h - 3, n.label);
    }
    for e in &l.edges {
        let pts: Vec<String> = e.points.iter().map(|p| format!("{},{}", p[0], p[1])).collect();
        s += &format!("<polyline points='{}' fill='none' stroke='#06c' stroke-width='1.5'/>\n", pts.join(" "));
        if let Some(p) = e.points.last() {
            s += &format!("<circle cx='{}' cy='{}' r='3' fill='#06c'/>\n", p[0], p[1]);
        }
        if let Some(lb) = &e.label_box {
            let r = lb.rect;
            s += &format!(
                "<rect x='{}' y='{}' width='{}' height='{}' fill='#eef' stroke='#99c' stroke-width='0.5'/><text x='{}' y='{}' text-anchor='middle' fill='#036'>{}</text>\n",
                r.x, r.y, r.w, r.h, r.x + r.w / 2, r.y + r.h - 3, lb.lines.join(" ")
            );
        }
    }
    s + "</svg>\n"
}

#[test]
#[ignore = "prints an SVG: cargo test -p archc-layout draw_vpc -- --ignored --nocapture"]
fn draw_vpc() {
    let mut l = vpc_layout();
    route(&mut l);
    println!("{}", svg(&l));
}

/// The design at `path` compiled and laid out (placement, then this
/// router), with the time the layout took.
fn lay_out_file(path: &std::path::Path) -> Option<(Layout, std::time::Duration)> {
    use archc_core::{compile, LoadError, Loader, SourceDb};
    use std::path::PathBuf;
    struct DirLoader(PathBuf);
    impl Loader for DirLoader {
        fn load(&self, path: &str) -> Result<String, LoadError> {
            std::fs::read_to_string(self.0.join(path)).map_err(|e| LoadError::Unreadable(e.kind().to_string()))
        }
    }
    let mut db = SourceDb::new();
    let entry = db.add(path.file_name()?.to_str()?, std::fs::read_to_string(path).ok()?);
    let c = compile(&mut db, entry, &DirLoader(path.parent()?.to_path_buf()));
    let model = c.checked()?;
    let refused = crate::refusals(model, c.proofs().unwrap_or_default(), &c.diagnostics);
    let t = std::time::Instant::now();
    let l = crate::layout(model, &refused);
    Some((l, t.elapsed()))
}

/// Every design in examples/, laid out.
fn example_layouts() -> Vec<(String, Layout)> {
    use std::path::{Path, PathBuf};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "arch"))
        .collect();
    files.sort();
    files.iter().filter_map(|p| Some((p.file_stem()?.to_string_lossy().to_string(), lay_out_file(p)?.0))).collect()
}

#[test]
#[ignore = "a generated design: ROUTE_DESIGN=/tmp/gen.arch cargo test --release -p archc-layout design_timing -- --ignored --nocapture"]
fn design_timing() {
    let Ok(path) = std::env::var("ROUTE_DESIGN") else { return };
    let path = std::path::Path::new(&path);
    let mut best = std::time::Duration::MAX;
    for _ in 0..3 {
        let (_, took) = lay_out_file(path).unwrap();
        best = best.min(took);
    }
    let (mut l, _) = lay_out_file(path).unwrap();
    let t = std::time::Instant::now();
    let stats = route(&mut l);
    let routing = t.elapsed();
    let v = violations(&l);
    println!(
        "{}: {} nodes, {} containers, {} edges: layout {best:?} (routing alone {routing:?}), {stats:?}, bends {}, {} violations",
        path.display(),
        l.nodes.len(),
        l.containers.len(),
        l.edges.len(),
        bends(&l),
        v.len()
    );
    for line in v.iter().take(20) {
        println!("    {line}");
    }
    {
        let ix = super::holders::Index::new(&l.containers, &l.nodes, l.width, l.height);
        let mut plans = std::collections::BTreeMap::new();
        for e in &l.edges {
            if let (Some(a), Some(b)) = (ix.item(&e.from), ix.item(&e.to)) {
                *plans.entry(ix.plan(a, b)).or_insert(0) += 1;
            }
        }
        let mut marks = super::holders::Marks::default();
        let (mut cells, mut rects) = (0usize, 0usize);
        for p in plans.keys() {
            let o = ix.obstacles(p, &mut marks);
            rects += o.nodes.len() + o.boxes.len() + o.soft.len();
            if let Some(g) = super::grid::Grid::build(&o, &[], o.region) {
                cells += g.nx() * g.ny();
            }
        }
        println!("    {} plans, {} cells, {} rects", plans.len(), cells, rects);
    }
    for c in l.containers.iter().filter(|c| c.kind == "region" || c.kind == "cloud") {
        println!("    {} {:?}", c.id, c.rect);
    }
    if let Ok(dir) = std::env::var("ROUTE_SVG_DIR") {
        std::fs::write(format!("{dir}/design.svg"), svg(&l)).unwrap();
    }
}

#[test]
#[ignore = "real examples: cargo test -p archc-layout examples_route -- --ignored --nocapture"]
fn examples_route_cleanly() {
    let mut total = 0;
    for (name, mut l) in example_layouts() {
        let stats = route(&mut l);
        let v = violations(&l);
        println!("{name}: {} edges, {} bends, {stats:?}, {} violations", l.edges.len(), bends(&l), v.len());
        for line in &v {
            println!("    {line}");
        }
        if let Ok(dir) = std::env::var("ROUTE_SVG_DIR") {
            std::fs::write(format!("{dir}/{name}.svg"), svg(&l)).unwrap();
        }
        total += v.len();
    }
    assert_eq!(total, 0);
}

#[test]
fn malformed_layouts_do_not_panic() {
    // Overlapping and zero-sized boxes, a parent cycle, a missing parent, a
    // node outside its container, a container end holding the other end, a
    // band whose subnets do not exist.
    let mut rng = Lcg(99);
    for round in 0..30 {
        let mut containers = vec![
            container("p", "vpc", Some("q"), Rect::new(0, 0, 400, 400)),
            container("q", "region", Some("p"), Rect::new(10, 10, 300, 300)),
            container("s", "subnet", Some("missing"), Rect::new(50, 50, 0, 0)),
            container("t", "subnet", Some("p"), Rect::new(100, 100, 120, 120)),
        ];
        let mut nodes = vec![band("b", "t", &["nope", "t"], Rect::new(90, 130, 200, 40))];
        for k in 0..12 {
            let (x, y) = (rng.next(500) as i32 - 50, rng.next(500) as i32 - 50);
            let parent = ["p", "q", "s", "t", "none"][rng.next(5)];
            let mut n = icon(&format!("n{k}"), Some(parent), x, y);
            if rng.next(4) == 0 {
                n.rect.w = rng.next(3) as i32;
            }
            nodes.push(n);
        }
        containers[round % 4].rect.h = 0;
        let ids: Vec<String> =
            nodes.iter().map(|n| n.id.clone()).chain(containers.iter().map(|c| c.id.clone())).collect();
        let edges = (0..25).map(|_| edge(&ids[rng.next(ids.len())], &ids[rng.next(ids.len())], Some("x y"))).collect();
        let mut l = Layout { width: 450, height: 450, containers, nodes, edges, ..Layout::default() };
        route(&mut l);
        for e in &l.edges {
            assert!(e.points.windows(2).all(|w| w[0][0] == w[1][0] || w[0][1] == w[1][1]), "{:?}", e.points);
        }
    }
}
