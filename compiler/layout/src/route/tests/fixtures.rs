//! Layouts to route: hand-made, random, structured, and the examples.

use crate::types::{Container, Edge, Layout, Node, Rect, TextBox};

pub(super) fn tb(x: i32, y: i32, w: i32, h: i32, text: &str) -> TextBox {
    TextBox { rect: Rect::new(x, y, w, h), lines: vec![text.to_string()], size: 12, ..TextBox::default() }
}

pub(super) fn container(id: &str, kind: &str, parent: Option<&str>, r: Rect) -> Container {
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

pub(super) fn icon(id: &str, parent: Option<&str>, x: i32, y: i32) -> Node {
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

pub(super) fn band(id: &str, parent: &str, subnets: &[&str], r: Rect) -> Node {
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

pub(super) fn edge(from: &str, to: &str, label: Option<&str>) -> Edge {
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
pub(super) fn vpc_layout() -> Layout {
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

/// A small deterministic generator (no dependency, same numbers everywhere).
pub(super) struct Lcg(pub(super) u64);
impl Lcg {
    pub(super) fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// A grid of cells, each a lone node or a container holding 2×2 nodes,
/// with random gaps; `edges` random edges between nodes and containers.
pub(super) fn random_layout(seed: u64, cols: usize, rows: usize, edges: usize) -> Layout {
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

/// A structured layout of about `n` nodes: containers of 10×10 nodes in a
/// grid, edges mostly inside a container, some across.
pub(super) fn structured(containers_per_row: usize, rows: usize) -> Layout {
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

/// The design at `path` compiled and laid out (placement, then this
/// router), with the time the layout took.
pub(super) fn lay_out_file(path: &std::path::Path) -> Option<(Layout, std::time::Duration)> {
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
pub(super) fn example_layouts() -> Vec<(String, Layout)> {
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
