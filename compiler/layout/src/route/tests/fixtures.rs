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

/// `text` compiled and laid out (placement, then this router); None when
/// it does not lower.
pub(super) fn lay_out_source(name: &str, text: &str) -> Option<Layout> {
    use archc_core::{compile, LoadError, Loader, SourceDb};
    /// No files: the designs here import only the standard library.
    struct NoFiles;
    impl Loader for NoFiles {
        fn load(&self, _path: &str) -> Result<String, LoadError> {
            Err(LoadError::NotFound)
        }
    }
    let mut db = SourceDb::new();
    let entry = db.add(name, text.to_string());
    let c = compile(&mut db, entry, &NoFiles);
    let model = c.checked()?;
    let refused = crate::refusals(model, c.proofs().unwrap_or_default(), &c.diagnostics);
    Some(crate::layout(model, &refused))
}

/// Every design in examples/, compiled in (no file is read at run time).
pub(super) const EXAMPLES: [(&str, &str); 12] = [
    ("blue_green", include_str!("../../../../../examples/blue_green.arch")),
    ("components", include_str!("../../../../../examples/components.arch")),
    ("direct_upload", include_str!("../../../../../examples/direct_upload.arch")),
    ("environments_peered", include_str!("../../../../../examples/environments_peered.arch")),
    ("fargate_microservices", include_str!("../../../../../examples/fargate_microservices.arch")),
    ("hub_and_spoke", include_str!("../../../../../examples/hub_and_spoke.arch")),
    ("image_pipeline", include_str!("../../../../../examples/image_pipeline.arch")),
    ("log_lake", include_str!("../../../../../examples/log_lake.arch")),
    ("multi_region_failover", include_str!("../../../../../examples/multi_region_failover.arch")),
    ("serverless_api", include_str!("../../../../../examples/serverless_api.arch")),
    ("static_site", include_str!("../../../../../examples/static_site.arch")),
    ("three_tier_shop", include_str!("../../../../../examples/three_tier_shop.arch")),
];

/// A design of about `n` resources shaped like bench/gen_design.py's
/// `--layout` one: per VPC three zones of public, private and isolated
/// subnets, bands in each row, endpoints, regional services, flows along
/// the tiers, to the services, across peerings, to the internet; a CDN and
/// users outside.
pub(super) fn generated_design(n: usize) -> String {
    let regions = ["us-east-1", "eu-west-1"];
    let vpcs = (n / 20).max(1);
    let webs: Vec<String> = (0..vpcs).map(|v| format!("v{v}_web")).collect();
    let mut out =
        vec!["users clients".to_string(), format!("cloudfront cdn {{ origins: v0_assets, {} }}", webs.join(", "))];
    let mut flows = vec!["clients -> cdn : https".to_string(), "cdn -> v0_assets".to_string()];
    let mut peerings = Vec::new();
    for (r, region) in regions.iter().enumerate() {
        let mine: Vec<usize> = (0..vpcs).filter(|v| v % regions.len() == r).collect();
        if mine.is_empty() {
            continue;
        }
        out.push(format!("region {region} {{"));
        for pair in mine.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            peerings.push(format!("peering v{a}_v{b} v{a} <-> v{b}"));
            flows.push(format!("v{a}_app -> v{b}_web : https \"partner api\""));
        }
        for &v in &mine {
            let (a, b) = (v / 256, v % 256);
            out.push(format!("  vpc v{v} 10.{}.{}.0/20 {{", a * 16 + b / 16, (b % 16) * 16));
            out.push("    igw".to_string());
            for z in ["a", "b", "c"] {
                out.push(format!("    az {z} {{"));
                out.push(format!("      public subnet v{v}_pub_{z} {{ size: /26; nat v{v}_nat_{z} }}"));
                out.push(format!(
                    "      private subnet v{v}_app_{z} {{ size: /24; ec2 v{v}_vm_{z} {{ instance: t3.micro; port: 22 }} }}"
                ));
                out.push(format!("      isolated subnet v{v}_db_{z} {{ size: /26 }}"));
                out.push("    }".to_string());
            }
            out.push(format!("    alb v{v}_web in v{v}_pub_a, v{v}_pub_b, v{v}_pub_c {{ listen: 443 }}"));
            out.push(format!(
                "    asg v{v}_app in v{v}_app_a, v{v}_app_b, v{v}_app_c {{ port: 8080; min: 2; max: 6 }}"
            ));
            out.push(format!("    rds v{v}_db in v{v}_db_a, v{v}_db_b, v{v}_db_c {{ engine: postgres; multi_az }}"));
            out.push(format!("    gateway endpoint v{v}_s3 s3"));
            out.push("  }".to_string());
            out.push(format!("  s3 v{v}_assets"));
            out.push(format!("  sqs v{v}_jobs {{ visibility_timeout: 5m }}"));
            out.push(format!("  lambda v{v}_worker {{ runtime: python3.12 }}"));
            flows.extend([
                format!("cdn -> v{v}_web : https"),
                format!("v{v}_web -> v{v}_app -> v{v}_db"),
                format!("v{v}_app -> v{v}_assets"),
                format!("v{v}_app -> v{v}_jobs \"enqueue\""),
                format!("v{v}_jobs -> v{v}_worker"),
                format!("v{v}_vm_a -> v{v}_app : ssh"),
                format!("v{v}_app -> internet : https \"updates\""),
            ]);
        }
        out.push("}".to_string());
    }
    out.extend(peerings);
    out.extend(flows);
    out.join("\n")
}
