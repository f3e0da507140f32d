//! Each measure on small layouts made by hand.
use super::*;
use crate::{Container, Edge, Node, Rect, TextBox};

fn container(id: &str, parent: Option<&str>, r: Rect) -> Container {
    Container { id: id.into(), kind: "vpc".into(), parent: parent.map(Into::into), rect: r, ..Container::default() }
}

fn node(id: &str, parent: Option<&str>, r: Rect) -> Node {
    Node {
        id: id.into(),
        kind: "ec2".into(),
        shape: "icon".into(),
        parent: parent.map(Into::into),
        rect: r,
        ..Node::default()
    }
}

fn edge(from: &str, to: &str, points: &[[i32; 2]]) -> Edge {
    Edge { from: from.into(), to: to.into(), kind: "flow".into(), points: points.to_vec(), ..Edge::default() }
}

fn text(r: Rect) -> TextBox {
    TextBox { rect: r, lines: vec!["x".into()], size: 12, ..TextBox::default() }
}

fn canvas(containers: Vec<Container>, nodes: Vec<Node>, edges: Vec<Edge>) -> Layout {
    Layout { width: 1000, height: 500, containers, nodes, edges, ..Layout::default() }
}

/// Two nodes `a` (10,10)–(50,50) and `b` (200,10)–(240,50) at top level,
/// and `n` in between at (100,10)–(140,50).
fn three_nodes() -> Vec<Node> {
    vec![
        node("a", None, Rect::new(10, 10, 40, 40)),
        node("n", None, Rect::new(100, 10, 40, 40)),
        node("b", None, Rect::new(200, 10, 40, 40)),
    ]
}

fn defects(q: &Quality) -> Vec<(&'static str, usize)> {
    q.defects().into_iter().filter(|d| d.1 != 0).collect()
}

#[test]
fn a_clean_layout_has_no_defects() {
    let l = canvas(vec![], three_nodes(), vec![edge("a", "b", &[[30, 50], [30, 80], [220, 80], [220, 50]])]);
    let q = measure(&l);
    assert_eq!(defects(&q), vec![], "{:?}", q.findings);
    assert_eq!((q.nodes, q.edges, q.containers), (3, 1, 0));
    assert_eq!(q.bends, 2);
    assert_eq!(q.bends_per_edge, 2.0);
    assert_eq!(q.aspect, 2.0);
    assert_eq!(q.area_per_node, 1000.0 * 500.0 / 3.0);
    assert!(q.findings.is_empty());
}

#[test]
fn a_segment_through_a_node_counts_touching_its_border_does_not() {
    let through = edge("a", "b", &[[50, 30], [200, 30]]);
    let q = measure(&canvas(vec![], three_nodes(), vec![through]));
    assert_eq!(q.edges_through_nodes, 1);
    assert_eq!(q.findings, vec!["edges_through_nodes: a -> b through n"]);
    // Along n's top border (y = 10) and back down: touches, never enters.
    let along = edge("a", "b", &[[50, 20], [70, 20], [70, 10], [170, 10], [170, 20], [200, 20]]);
    assert_eq!(measure(&canvas(vec![], three_nodes(), vec![along])).edges_through_nodes, 0);
    // Its own ends are not obstacles (a segment along inside them still is an
    // end problem, not a trespass).
    let into_ends = edge("a", "b", &[[30, 30], [220, 30]]);
    let q = measure(&canvas(vec![], three_nodes(), vec![into_ends]));
    assert_eq!(q.edges_through_nodes, 1, "only n");
    assert_eq!(q.edge_ends_off_border, 1, "(30,30) is inside a, not on its border");
}

#[test]
fn ends_must_be_on_the_border_within_one_unit() {
    let ok = edge("a", "b", &[[51, 30], [199, 30]]);
    let q = measure(&canvas(
        vec![],
        vec![node("a", None, Rect::new(10, 10, 40, 40)), node("b", None, Rect::new(200, 10, 40, 40))],
        vec![ok],
    ));
    assert_eq!(q.edge_ends_off_border, 0);
    let short = edge("a", "b", &[[50, 30], [197, 30]]);
    let q = measure(&canvas(
        vec![],
        vec![node("a", None, Rect::new(10, 10, 40, 40)), node("b", None, Rect::new(200, 10, 40, 40))],
        vec![short],
    ));
    assert_eq!(q.edge_ends_off_border, 1);
    assert!(q.findings[0].contains("last point off to"), "{:?}", q.findings);
    let unknown = edge("a", "nowhere", &[[50, 30], [197, 30]]);
    assert_eq!(measure(&canvas(vec![], three_nodes(), vec![unknown])).edge_ends_off_border, 1);
}

#[test]
fn a_foreign_container_counts_one_that_holds_an_end_does_not() {
    // vpc (0,0)-(600,300) holds zone x (20,20)-(280,280) with a, and zone y
    // (320,20)-(580,280) with b; zone z (20,320)-(580,480) is outside the VPC.
    let containers = vec![
        container("vpc", None, Rect::new(0, 0, 600, 300)),
        container("x", Some("vpc"), Rect::new(20, 20, 260, 260)),
        container("y", Some("vpc"), Rect::new(320, 20, 260, 260)),
        container("z", None, Rect::new(20, 320, 560, 160)),
    ];
    let nodes =
        vec![node("a", Some("x"), Rect::new(100, 100, 40, 40)), node("b", Some("y"), Rect::new(400, 100, 40, 40))];
    // a → b in the VPC through the gap between the zones: fine.
    let direct = edge("a", "b", &[[140, 120], [400, 120]]);
    let q = measure(&canvas(containers.clone(), nodes.clone(), vec![direct]));
    assert_eq!(defects(&q), vec![], "{:?}", q.findings);
    // Down through z, which holds neither: counted once though two segments cross it.
    let detour = edge("a", "b", &[[120, 140], [120, 400], [420, 400], [420, 140]]);
    let q = measure(&canvas(containers.clone(), nodes.clone(), vec![detour]));
    assert_eq!(q.edges_through_foreign_containers, 1);
    assert_eq!(q.findings, vec!["edges_through_foreign_containers: a -> b through z"]);
    // A third zone w inside the VPC, between x and y, holding neither end.
    let mut with_w = containers.clone();
    with_w[1].rect.w = 200; // x: 20..220
    with_w.push(container("w", Some("vpc"), Rect::new(240, 20, 60, 260)));
    let q = measure(&canvas(with_w, nodes.clone(), vec![edge("a", "b", &[[140, 120], [400, 120]])]));
    assert_eq!(q.edges_through_foreign_containers, 1);
    assert!(q.findings[0].ends_with("through w"), "{:?}", q.findings);
    // Along z's top border: not inside.
    let along = edge("a", "b", &[[120, 140], [120, 320], [420, 320], [420, 140]]);
    assert_eq!(measure(&canvas(containers, nodes, vec![along])).edges_through_foreign_containers, 0);
}

#[test]
fn a_container_that_is_an_end_holds_its_edge() {
    let containers =
        vec![container("left", None, Rect::new(0, 0, 100, 100)), container("right", None, Rect::new(300, 0, 100, 100))];
    let peering = edge("left", "right", &[[100, 50], [300, 50]]);
    let q = measure(&canvas(containers.clone(), vec![], vec![peering]));
    assert_eq!(defects(&q), vec![], "{:?}", q.findings);
    // Into `right` before ending on its far border: counted; along its top
    // border: not.
    let into = edge("left", "right", &[[100, 50], [350, 50], [350, 0]]);
    let q = measure(&canvas(containers.clone(), vec![], vec![into]));
    assert_eq!(q.edges_into_end_container, 1);
    assert_eq!(q.findings, vec!["edges_into_end_container: left -> right into right"]);
    let along = edge("left", "right", &[[50, 0], [350, 0]]);
    assert_eq!(measure(&canvas(containers.clone(), vec![], vec![along])).edges_into_end_container, 0);
    // From a node inside `right` to `right` itself: it has to be inside.
    let inner = node("inner", Some("right"), Rect::new(320, 20, 20, 20));
    let up = edge("inner", "right", &[[330, 20], [330, 0]]);
    assert_eq!(measure(&canvas(containers.clone(), vec![inner], vec![up])).edges_into_end_container, 0);
    // The same line from a node beyond `left`: left is foreign to it.
    let n = node("n", None, Rect::new(0, 200, 20, 20));
    let from_n = edge("n", "right", &[[10, 200], [10, 50], [300, 50]]);
    assert_eq!(measure(&canvas(containers, vec![n], vec![from_n])).edges_through_foreign_containers, 1);
}

#[test]
fn a_band_is_held_by_the_subnets_it_is_placed_in() {
    // vpc holds zones a and b, each one subnet; the band lies across both
    // subnets with parent = vpc; an ec2 in subnet sb below it.
    let containers = vec![
        container("vpc", None, Rect::new(0, 0, 600, 300)),
        container("za", Some("vpc"), Rect::new(20, 20, 260, 260)),
        container("sa", Some("za"), Rect::new(40, 40, 220, 220)),
        container("zb", Some("vpc"), Rect::new(320, 20, 260, 260)),
        container("sb", Some("zb"), Rect::new(340, 40, 220, 220)),
    ];
    let mut band = node("alb", Some("vpc"), Rect::new(60, 60, 480, 40));
    band.shape = "band".into();
    band.placed_in = vec!["sa".into(), "sb".into()];
    let vm = node("vm", Some("sb"), Rect::new(430, 180, 40, 40));
    let e = edge("alb", "vm", &[[450, 100], [450, 180]]);
    let q = measure(&canvas(containers.clone(), vec![band.clone(), vm.clone()], vec![e.clone()]));
    assert_eq!(defects(&q), vec![], "{:?}", q.findings);
    // Without `in`, the band trespasses on the zones and subnets it spans,
    // and its edge into sb is through a container that holds only `vm`...
    // which holds an end: still fine; but the band itself overlaps za.
    band.placed_in.clear();
    let q = measure(&canvas(containers, vec![band, vm], vec![e]));
    assert_eq!(q.node_container_overlaps, 1, "{:?}", q.findings);
    assert_eq!(q.edges_through_foreign_containers, 0);
}

#[test]
fn crossings_are_counted_once_each() {
    let nodes = vec![
        node("w", None, Rect::new(0, 100, 10, 10)),
        node("e", None, Rect::new(200, 100, 10, 10)),
        node("n", None, Rect::new(100, 0, 10, 10)),
        node("s", None, Rect::new(100, 200, 10, 10)),
    ];
    let h = edge("w", "e", &[[10, 105], [200, 105]]);
    let v = edge("n", "s", &[[105, 10], [105, 200]]);
    let q = measure(&canvas(vec![], nodes.clone(), vec![h.clone(), v]));
    assert_eq!(q.crossings, 1);
    // The vertical with a bend exactly on the horizontal: still one crossing.
    let bent = edge("n", "s", &[[105, 10], [105, 105], [104, 200]]);
    assert_eq!(measure(&canvas(vec![], nodes.clone(), vec![h.clone(), bent])).crossings, 1);
    // Split into two collinear pieces at the crossing point: one crossing.
    let split = edge("n", "s", &[[105, 10], [105, 105], [105, 200]]);
    let q = measure(&canvas(vec![], nodes.clone(), vec![h.clone(), split]));
    assert_eq!((q.crossings, q.bends), (1, 0));
    // Touching and turning back is no crossing.
    let touch = edge("n", "e", &[[105, 10], [105, 105], [200, 105]]);
    let q = measure(&canvas(vec![], nodes.clone(), vec![h.clone(), touch]));
    assert_eq!(q.crossings, 0);
    assert_eq!(q.segment_overlaps, 1, "the shared run to e");
    // A T (ending on it) is no crossing.
    let t = edge("n", "w", &[[105, 10], [105, 105]]);
    assert_eq!(measure(&canvas(vec![], nodes.clone(), vec![h.clone(), t])).crossings, 0);
    // Crossing twice counts twice; an edge crossing itself does not count.
    let twice = edge("n", "s", &[[105, 10], [105, 150], [150, 150], [150, 50], [105, 50], [105, 200]]);
    let q = measure(&canvas(vec![], nodes.clone(), vec![h, twice]));
    assert_eq!(q.crossings, 3, "h is crossed at x = 105 going down, x = 150 going up, x = 105 going down again");
}

#[test]
fn bends_are_direction_changes() {
    use super::edges::bends;
    assert_eq!(bends(&[[0, 0], [10, 0]]), 0);
    assert_eq!(bends(&[[0, 0], [10, 0], [20, 0]]), 0, "collinear, same way");
    assert_eq!(bends(&[[0, 0], [10, 0], [10, 10]]), 1);
    assert_eq!(bends(&[[0, 0], [10, 0], [5, 0]]), 1, "turning back");
    assert_eq!(bends(&[[0, 0], [10, 0], [10, 10], [20, 10], [20, 20]]), 3);
    assert_eq!(bends(&[[0, 0], [10, 10], [20, 20], [30, 25]]), 1, "a slight turn is a turn");
}

#[test]
fn non_orthogonal_and_unrouted_edges() {
    let q = measure(&canvas(vec![], three_nodes(), vec![edge("a", "n", &[[50, 30], [100, 40]])]));
    assert_eq!(q.edge_not_orthogonal, 1);
    let q = measure(&canvas(vec![], three_nodes(), vec![edge("a", "n", &[]), edge("a", "b", &[[50, 30], [50, 30]])]));
    assert_eq!(q.edges_unrouted, 2);
    assert_eq!(q.edge_ends_off_border, 0, "not routed is said once, as unrouted");
}

#[test]
fn node_overlaps_are_pairs_of_interiors() {
    let nodes = vec![
        node("a", None, Rect::new(0, 0, 40, 40)),
        node("b", None, Rect::new(39, 0, 40, 40)),  // overlaps a by 1
        node("c", None, Rect::new(79, 0, 40, 40)),  // touches b
        node("d", None, Rect::new(10, 10, 10, 10)), // inside a
    ];
    let q = measure(&canvas(vec![], nodes, vec![]));
    assert_eq!(q.node_overlaps, 2, "{:?}", q.findings);
}

#[test]
fn labels_overlap_labels_and_other_nodes_not_their_own() {
    let mut a = node("a", None, Rect::new(0, 0, 40, 40));
    a.label_box = text(Rect::new(10, 10, 20, 20)); // on its own node: fine
    let mut b = node("b", None, Rect::new(100, 0, 40, 40));
    b.label_box = text(Rect::new(80, 40, 40, 20));
    let mut c = node("c", None, Rect::new(200, 0, 40, 40));
    c.label_box = text(Rect::new(110, 50, 40, 20)); // overlaps b's label
    let mut d = node("d", None, Rect::new(300, 0, 40, 40));
    d.label_box = text(Rect::new(230, 10, 20, 10)); // over node c
    let mut e = edge("a", "b", &[[40, 20], [100, 20]]);
    e.label = Some("https".into());
    e.label_box = Some(text(Rect::new(45, 15, 50, 10))); // on its edge: fine
    let mut vpc = container("vpc", None, Rect::new(0, 100, 500, 300));
    vpc.label_box = text(Rect::new(10, 110, 100, 20));
    let q = measure(&canvas(vec![vpc], vec![a, b, c, d], vec![e]));
    assert_eq!(q.label_overlaps, 2, "{:?}", q.findings);
    // An empty label box is not drawn and overlaps nothing.
    let mut e = node("e", None, Rect::new(400, 0, 40, 40));
    e.label_box = TextBox { rect: Rect::new(0, 0, 500, 500), ..TextBox::default() };
    assert_eq!(measure(&canvas(vec![], vec![e], vec![])).label_overlaps, 0);
}

#[test]
fn an_edge_label_the_router_could_not_place_is_counted() {
    let mut e = edge("a", "b", &[[50, 30], [50, 60], [220, 60], [220, 50]]);
    e.label = Some("https".into());
    let q = measure(&canvas(vec![], three_nodes(), vec![e]));
    assert_eq!(q.edge_labels_omitted, 1);
    assert_eq!(q.findings, vec!["edge_labels_omitted: a -> b \"https\""]);
}

#[test]
fn boxes_outside_their_parent() {
    let containers = vec![
        container("vpc", None, Rect::new(0, 0, 300, 300)),
        container("zone", Some("vpc"), Rect::new(20, 20, 300, 100)), // pokes out
        container("lost", Some("nowhere"), Rect::new(0, 0, 10, 10)),
    ];
    let mut igw = node("igw", Some("vpc"), Rect::new(-24, 150, 48, 48));
    igw.shape = "border".into();
    let mut on_right = node("right", Some("vpc"), Rect::new(276, 150, 48, 48));
    on_right.shape = "border".into(); // centred on the right border: fine
    let mut stray = node("stray", Some("vpc"), Rect::new(281, 250, 48, 48));
    stray.shape = "border".into(); // its centre 5 units beyond the border
    let mut deep = node("deep", Some("vpc"), Rect::new(100, 150, 48, 48));
    deep.shape = "border".into(); // inside, not on the border
    let in_vpc = node("ec2", Some("vpc"), Rect::new(200, 150, 48, 48));
    let off_canvas = node("far", None, Rect::new(990, 10, 48, 48));
    let q = measure(&canvas(containers, vec![igw, on_right, stray, deep, in_vpc, off_canvas], vec![]));
    assert_eq!(q.nodes_outside_container, 5, "{:?}", q.findings);
    let names: Vec<&str> = q.findings.iter().filter(|f| f.starts_with("nodes_outside")).map(String::as_str).collect();
    assert_eq!(
        names,
        vec![
            "nodes_outside_container: container zone in vpc",
            "nodes_outside_container: container lost in nowhere",
            "nodes_outside_container: node stray in vpc",
            "nodes_outside_container: node deep in vpc",
            "nodes_outside_container: node far in the canvas",
        ]
    );
}

#[test]
fn siblings_and_foreign_boxes_must_not_overlap() {
    let containers = vec![
        container("region", None, Rect::new(0, 0, 900, 400)),
        container("v1", Some("region"), Rect::new(20, 20, 300, 300)),
        container("v2", Some("region"), Rect::new(310, 20, 300, 300)), // overlaps v1
        container("v3", Some("region"), Rect::new(620, 20, 200, 300)),
    ];
    let s3 = node("s3", Some("region"), Rect::new(600, 340, 48, 48)); // below v3: fine
    let sqs = node("sqs", Some("region"), Rect::new(800, 100, 48, 48)); // over v3's border
    let mut igw = node("igw", Some("v3"), Rect::new(596, 100, 48, 48));
    igw.shape = "border".into(); // straddles v3 (its parent): fine; but touches v2 (ends at 610)... 596 < 610: over v2
    let q = measure(&canvas(containers, vec![s3, sqs, igw], vec![]));
    assert_eq!(q.container_overlaps, 1, "{:?}", q.findings);
    assert_eq!(q.node_container_overlaps, 2, "{:?}", q.findings);
    assert!(q.findings.contains(&"node_container_overlaps: node sqs over v3".to_string()), "{:?}", q.findings);
    assert!(q.findings.contains(&"node_container_overlaps: node igw over v2".to_string()), "{:?}", q.findings);
}

#[test]
fn the_same_layout_measures_the_same() {
    let l = canvas(vec![], three_nodes(), vec![edge("a", "b", &[[50, 30], [200, 30]])]);
    let a = serde_json::to_string(&measure(&l)).unwrap_or_default();
    assert!(!a.is_empty());
    assert_eq!(a, serde_json::to_string(&measure(&l)).unwrap_or_default());
}

#[test]
fn extreme_coordinates_measure_without_overflow() {
    let nodes = vec![
        node("a", None, Rect::new(i32::MIN, i32::MIN, 10, 10)),
        node("b", None, Rect::new(i32::MAX - 10, i32::MAX - 10, 10, 10)),
    ];
    let e = edge(
        "a",
        "b",
        &[[i32::MIN + 10, i32::MIN + 5], [i32::MAX, i32::MIN + 5], [i32::MAX, i32::MAX], [i32::MIN, i32::MAX]],
    );
    let l = Layout { width: i32::MAX, height: 1, nodes, edges: vec![e], ..Layout::default() };
    let q = measure(&l);
    assert_eq!(q.bends, 2);
    assert_eq!(q.nodes_outside_container, 2);
}
