//! The layout: what `archc render --format layout-json` prints and what the
//! SVG is drawn from (INTERFACES.md, "Layout as JSON"). Every coordinate is a
//! whole number of SVG user units, origin top-left, so the native and WASM
//! builds agree to the byte without depending on float formatting.
//!
//! Fields beyond INTERFACES.md's are additions (never renames): `kind`,
//! `tier`, `in`, `category`, `label_box`, `badges`, `refused`…

use serde::{Deserialize, Serialize};

/// An axis-aligned box: `x`, `y` of the top-left corner, width, height.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl Rect {
    pub const fn new(x: i32, y: i32, w: i32, h: i32) -> Rect {
        Rect { x, y, w, h }
    }
    pub const fn right(&self) -> i32 {
        self.x + self.w
    }
    pub const fn bottom(&self) -> i32 {
        self.y + self.h
    }
    /// True when the interiors overlap (touching edges do not).
    pub const fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
    /// True when `o` lies inside this box (edges may touch).
    pub const fn contains(&self, o: &Rect) -> bool {
        o.x >= self.x && o.y >= self.y && o.right() <= self.right() && o.bottom() <= self.bottom()
    }
    pub const fn grow(&self, by: i32) -> Rect {
        Rect { x: self.x - by, y: self.y - by, w: self.w + 2 * by, h: self.h + 2 * by }
    }
}

/// Text placed by the layout: the SVG draws `lines` inside `rect`, one line
/// per `line_height`, with the font size and anchor given here, so it never
/// measures text itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextBox {
    #[serde(flatten)]
    pub rect: Rect,
    pub lines: Vec<String>,
    /// Font size in user units (`text::NODE_SIZE`…).
    pub size: i32,
    /// `start` (left aligned at `x`) or `middle` (centred in the box).
    pub anchor: Anchor,
    pub bold: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    #[default]
    Start,
    Middle,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    pub width: i32,
    pub height: i32,
    /// The design's `title`, drawn above the diagram when set.
    pub title: Option<TextBox>,
    /// `right` or `down`: the model's `direction`.
    pub direction: String,
    /// `light` or `dark`: the model's `theme` (the CLI's `--theme` overrides
    /// it when drawing).
    pub theme: String,
    /// Outermost first: a container's parent comes before it.
    pub containers: Vec<Container>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Container {
    /// The model's qualified id (`ap-northeast-2.shop`); `aws` for the AWS
    /// Cloud box, which is not in the model.
    pub id: String,
    /// `cloud`, `region`, `vpc`, `az`, `subnet`.
    pub kind: String,
    /// Name and block, as INTERFACES.md shows: `shop 10.0.0.0/16`.
    pub label: String,
    /// `public`, `private`, `isolated` for a subnet; None otherwise.
    pub tier: Option<String>,
    pub parent: Option<String>,
    #[serde(flatten)]
    pub rect: Rect,
    /// Where the label is drawn (top left, inside the box).
    pub label_box: TextBox,
    /// Small marks on the box's top edge: the network ACL that guards a
    /// subnet.
    pub badges: Vec<Badge>,
    /// The declaration's `description`, for the `<desc>`/tooltip.
    pub description: Option<String>,
}

impl Container {
    /// The box's heading: its label with the corner before it, where the
    /// SVG draws the AWS group mark. Edges and edge labels keep off it.
    pub fn heading(&self) -> Rect {
        let l = self.label_box.rect;
        if l.w <= 0 || l.h <= 0 {
            return l;
        }
        let x = self.rect.x.min(l.x);
        let y = self.rect.y.min(l.y);
        Rect::new(x, y, l.right() - x, l.bottom() - y)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Badge {
    /// The model id of what the badge stands for (`…data_acl`).
    pub id: String,
    /// The kind keyword (`nacl`).
    pub kind: String,
    pub label: String,
    #[serde(flatten)]
    pub rect: Rect,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Node {
    pub id: String,
    /// The kind keyword: `alb`, `ec2`, `s3`, `users`, `internet`…
    pub kind: String,
    pub label: String,
    /// The innermost container holding it (for a band, the one holding all
    /// its subnets); None at top level.
    pub parent: Option<String>,
    /// The subnets it is placed `in`; empty for most kinds. A subnet listed
    /// here (and its zone) holds the node as its parent does: an edge of the
    /// node may cross it.
    #[serde(rename = "in")]
    pub placed_in: Vec<String>,
    /// `icon` (a glyph with its label under it), `band` (a bar across zone
    /// columns, label inside), or `border` (a glyph on its VPC's edge).
    pub shape: String,
    /// The AWS category that colours its glyph: `compute`, `containers`,
    /// `database`, `storage`, `networking`, `integration`, `security`,
    /// `management`, `external`.
    pub category: String,
    #[serde(flatten)]
    pub rect: Rect,
    /// The label's box: under the icon, or inside a band.
    pub label_box: TextBox,
    pub description: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// `flow` (network traffic), `integration` (a managed service invoking or
    /// delivering, LANGUAGE.md §5), `peering`, `attachment` (TGW to VPC),
    /// `tgw-peering`, `vpn`, `dx`, `alias` (Route 53 to its target),
    /// `protects` (WAF to what it guards).
    pub kind: String,
    /// The text drawn on the edge: the flow's label when written, else its
    /// ports as written, else None.
    pub label: Option<String>,
    /// The ports, `443` or `8000-8010, 9000`, for a flow; None otherwise.
    pub ports: Option<String>,
    /// From the border of `from` to the border of `to`; the last segment
    /// ends at `to` (the arrow head).
    pub points: Vec<[i32; 2]>,
    pub label_box: Option<TextBox>,
    /// The codes of the errors that refuse this flow (`E0401`…); empty when
    /// the checker proved it or it is not a flow. A refused flow is drawn
    /// red and dashed.
    pub refused: Vec<String>,
    /// What the checker said, for the edge's `<title>`.
    pub refused_messages: Vec<String>,
    pub description: Option<String>,
}
