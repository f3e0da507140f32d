//! Hand-made layouts and a PNG renderer for the writer's tests.
#![allow(dead_code)]

use archc_layout::text::{self, line_height};
use archc_layout::{Anchor, Badge, Container, Edge, Layout, Node, Rect, TextBox};

pub fn text_box(x: i32, y: i32, text: &str, size: i32, anchor: Anchor, bold: bool) -> TextBox {
    let w = text::width(text, size, bold);
    let x = if anchor == Anchor::Middle { x - w / 2 } else { x };
    TextBox { rect: Rect::new(x, y, w, line_height(size)), lines: vec![text.to_string()], size, anchor, bold }
}

pub fn container(id: &str, kind: &str, label: &str, tier: Option<&str>, parent: Option<&str>, r: Rect) -> Container {
    Container {
        id: id.into(),
        kind: kind.into(),
        label: label.into(),
        tier: tier.map(Into::into),
        parent: parent.map(Into::into),
        rect: r,
        label_box: text_box(r.x + 8, r.y + 6, label, text::CONTAINER_SIZE, Anchor::Start, true),
        badges: vec![],
        description: None,
    }
}

/// An icon node: a 48×48 glyph at (x, y), its label centred under it.
pub fn icon(id: &str, kind: &str, category: &str, label: &str, x: i32, y: i32) -> Node {
    Node {
        id: id.into(),
        kind: kind.into(),
        label: label.into(),
        parent: None,
        placed_in: vec![],
        shape: "icon".into(),
        category: category.into(),
        rect: Rect::new(x, y, 48, 48),
        label_box: text_box(x + 24, y + 52, label, text::NODE_SIZE, Anchor::Middle, false),
        description: None,
    }
}

pub fn band(id: &str, kind: &str, category: &str, label: &str, r: Rect) -> Node {
    Node {
        shape: "band".into(),
        rect: r,
        label_box: text_box(
            r.x + 48,
            r.y + (r.h - line_height(text::NODE_SIZE)) / 2,
            label,
            text::NODE_SIZE,
            Anchor::Start,
            false,
        ),
        ..icon(id, kind, category, label, r.x, r.y)
    }
}

pub fn edge(from: &str, to: &str, kind: &str, points: &[[i32; 2]], label: Option<&str>) -> Edge {
    let label_box = label.and_then(|l| {
        let (a, b) = (points.first()?, points.get(1)?);
        let (mx, my) = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
        let mut t = text_box(mx, my - 7, l, text::EDGE_SIZE, Anchor::Middle, false);
        t.rect.y = my - t.rect.h / 2;
        Some(t)
    });
    Edge {
        from: from.into(),
        to: to.into(),
        kind: kind.into(),
        label: label.map(Into::into),
        ports: None,
        points: points.to_vec(),
        label_box,
        refused: vec![],
        refused_messages: vec![],
        description: None,
    }
}

/// The kinds' categories as the layout gives them.
pub fn category(kind: &str) -> &'static str {
    match kind {
        "ec2" | "asg" | "lambda" => "compute",
        "ecs" | "eks" => "containers",
        "rds" | "aurora" | "elasticache" | "dynamodb" => "database",
        "s3" | "efs" => "storage",
        "alb" | "nlb" | "igw" | "nat" | "endpoint" | "cloudfront" | "route53" | "tgw" | "vpn" | "dx" | "apigw" => {
            "networking"
        }
        "sqs" | "sns" | "kinesis" | "stepfn" | "eventbridge" => "integration",
        "waf" | "nacl" => "security",
        _ => "external",
    }
}

/// A three-tier picture with every container kind, shape and edge kind.
pub fn three_tier() -> Layout {
    let mut containers = vec![
        container("aws", "cloud", "AWS Cloud", None, None, Rect::new(170, 50, 900, 640)),
        container("eu-west-1", "region", "eu-west-1", None, Some("aws"), Rect::new(190, 80, 860, 590)),
        container("eu-west-1.shop", "vpc", "shop 10.0.0.0/16", None, Some("eu-west-1"), Rect::new(230, 110, 560, 520)),
        container(
            "eu-west-1.shop.a",
            "az",
            "Availability Zone a",
            None,
            Some("eu-west-1.shop"),
            Rect::new(260, 150, 240, 450),
        ),
        container(
            "eu-west-1.shop.b",
            "az",
            "Availability Zone b",
            None,
            Some("eu-west-1.shop"),
            Rect::new(520, 150, 240, 450),
        ),
    ];
    for (zone, x) in [("a", 276), ("b", 536)] {
        for (i, (tier, name, block)) in
            [("public", "web", 0), ("private", "app", 10), ("isolated", "data", 20)].into_iter().enumerate()
        {
            let y = 180 + i as i32 * 138;
            let id = format!("eu-west-1.shop.{name}_{zone}");
            let label = format!("{name}_{zone} 10.0.{}.0/24", block + if zone == "a" { 1 } else { 2 });
            let mut c = container(
                &id,
                "subnet",
                &label,
                Some(tier),
                Some(&format!("eu-west-1.shop.{zone}")),
                Rect::new(x, y, 208, 122),
            );
            if tier == "isolated" {
                c.badges.push(Badge {
                    id: "eu-west-1.shop.data_acl".into(),
                    kind: "nacl".into(),
                    label: "data_acl".into(),
                    rect: Rect::new(x + 148, y - 8, 52, 16),
                });
            }
            containers.push(c);
        }
    }
    let mut nodes = vec![
        icon("users", "users", "external", "Customers", 50, 200),
        icon("internet", "internet", "external", "Internet", 50, 400),
        Node {
            shape: "border".into(),
            parent: Some("eu-west-1.shop".into()),
            ..icon("eu-west-1.shop.igw", "igw", "networking", "igw", 206, 240)
        },
        band("eu-west-1.shop.web", "alb", "networking", "web (alb)", Rect::new(284, 214, 468, 40)),
        icon("eu-west-1.shop.app_1", "ec2", "compute", "app 1", 320, 360),
        icon("eu-west-1.shop.app_2", "ec2", "compute", "app 2", 580, 360),
        band("eu-west-1.shop.db", "rds", "database", "orders database (postgres)", Rect::new(284, 490, 468, 40)),
        icon("eu-west-1.assets", "s3", "storage", "assets", 880, 160),
        icon("eu-west-1.thumbs", "lambda", "compute", "thumbnails", 880, 300),
        icon("eu-west-1.vpn", "vpn", "networking", "office vpn", 880, 440),
        icon("office", "onprem", "external", "Office", 50, 580),
    ];
    nodes[4].description = Some("The app servers".into());
    let mut refused =
        edge("eu-west-1.shop.app_1", "eu-west-1.shop.db", "flow", &[[344, 408], [344, 490]], Some("5432"));
    refused.refused = vec!["E0401".into()];
    refused.refused_messages = vec!["flow app_1 -> db is blocked: the data subnets' ACL denies 5432".into()];
    let edges = vec![
        edge("users", "eu-west-1.shop.web", "flow", &[[98, 224], [240, 224], [240, 234], [284, 234]], Some("443")),
        edge("eu-west-1.shop.web", "eu-west-1.shop.app_2", "flow", &[[604, 254], [604, 360]], Some("8080")),
        refused,
        edge("eu-west-1.assets", "eu-west-1.thumbs", "integration", &[[904, 208], [904, 300]], Some("object created")),
        edge("eu-west-1.vpn", "office", "vpn", &[[904, 488], [904, 640], [98, 640], [98, 604]], None),
        edge("eu-west-1.vpn", "eu-west-1.shop", "attachment", &[[880, 464], [790, 464]], None),
        edge("internet", "eu-west-1.shop.igw", "alias", &[[74, 400], [74, 300], [230, 300], [230, 288]], None),
    ];
    Layout {
        width: 1100,
        height: 720,
        title: Some(text_box(20, 14, "Three-tier shop", text::TITLE_SIZE, Anchor::Start, true)),
        direction: "right".into(),
        theme: "light".into(),
        containers,
        nodes,
        edges,
    }
}

/// Rasterises `svg` with resvg (system fonts), `scale` times its size, into
/// `path`; panics when the SVG does not parse.
pub fn png(svg: &str, scale: f32, path: &str) {
    let mut opt = resvg::usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    let tree = resvg::usvg::Tree::from_str(svg, &opt).expect("the SVG parses");
    let size = tree.size();
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new((size.width() * scale).ceil() as u32, (size.height() * scale).ceil() as u32)
            .expect("a pixmap");
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.save_png(path).expect("the PNG is written");
}

/// Rasterises the part of `svg` in `r`, `scale` times, into `path`: a
/// closer look for review.
pub fn png_region(svg: &str, r: Rect, scale: f32, path: &str) {
    let mut opt = resvg::usvg::Options::default();
    opt.fontdb_mut().load_system_fonts();
    let tree = resvg::usvg::Tree::from_str(svg, &opt).expect("the SVG parses");
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new((r.w as f32 * scale) as u32, (r.h as f32 * scale) as u32).expect("a pixmap");
    let transform = resvg::tiny_skia::Transform::from_scale(scale, scale).pre_translate(-r.x as f32, -r.y as f32);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap.save_png(path).expect("the PNG is written");
}

pub fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("the SVG is XML: {e}\n{svg}"))
}

pub fn groups<'a>(doc: &'a roxmltree::Document<'a>, class: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants().filter(|n| n.has_tag_name("g") && n.attribute("class") == Some(class)).collect()
}

pub fn title_of(node: roxmltree::Node) -> String {
    node.children().find(|c| c.has_tag_name("title")).and_then(|t| t.text()).unwrap_or_default().to_string()
}
