//! Colours: the AWS architecture-diagram conventions (group outlines, the
//! 2023 category palette of the service icons), in a light and a dark
//! variant. Everything the writer paints comes from here.

/// The colour scheme of the drawing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// `light` or `dark` (the model's `theme`); None for anything else.
    pub fn from_name(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// How one kind of container box is drawn.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BoxStyle {
    pub stroke: &'static str,
    pub fill: Option<&'static str>,
    pub dash: Option<&'static str>,
    pub width: &'static str,
    /// The label's colour: the outline's, darkened where it must read on the fill.
    pub label: &'static str,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Palette {
    /// `light` or `dark`: names the document's marker ids, which differ in
    /// colour between the themes.
    pub name: &'static str,
    pub background: &'static str,
    pub text: &'static str,
    /// Secondary lines: flows, the AWS Cloud outline.
    pub line: &'static str,
    /// Alias and protects: thin, dotted.
    pub faint: &'static str,
    pub refused: &'static str,
    pub cloud: BoxStyle,
    pub region: BoxStyle,
    pub vpc: BoxStyle,
    pub az: BoxStyle,
    pub public: BoxStyle,
    pub private: BoxStyle,
    pub isolated: BoxStyle,
    /// Any container kind this writer does not know.
    pub other: BoxStyle,
    /// The network ACL badge.
    pub badge_stroke: &'static str,
    pub badge_fill: &'static str,
    /// How strongly a band's bar is tinted with its category colour.
    pub band_tint: &'static str,
    /// The tile of the AWS Cloud's corner mark: AWS's squid ink, lifted a
    /// little on the dark page so the tile still shows.
    pub cloud_mark: &'static str,
}

const fn solid(stroke: &'static str, width: &'static str, label: &'static str) -> BoxStyle {
    BoxStyle { stroke, fill: None, dash: None, width, label }
}

const fn dashed(stroke: &'static str, label: &'static str) -> BoxStyle {
    BoxStyle { stroke, fill: None, dash: Some("6 4"), width: "1.5", label }
}

const fn subnet(stroke: &'static str, fill: &'static str, label: &'static str) -> BoxStyle {
    BoxStyle { stroke, fill: Some(fill), dash: None, width: "1.5", label }
}

const LIGHT: Palette = Palette {
    name: "light",
    background: "#FFFFFF",
    text: "#232F3E",
    line: "#545B64",
    faint: "#879196",
    refused: "#D13212",
    cloud: solid("#232F3E", "1.5", "#232F3E"),
    region: dashed("#00A4A6", "#007A7C"),
    vpc: solid("#8C4FFF", "2", "#7D3FEF"),
    az: dashed("#147EBA", "#0F6A9E"),
    public: subnet("#7AA116", "#F2F6E8", "#3F6B0B"),
    private: subnet("#00A4A6", "#E6F6F7", "#006F71"),
    isolated: subnet("#7D8998", "#F2F3F3", "#545B64"),
    other: solid("#7D8998", "1.5", "#545B64"),
    badge_stroke: "#DD344C",
    badge_fill: "#FFFFFF",
    band_tint: "0.14",
    cloud_mark: "#232F3E",
};

const DARK: Palette = Palette {
    name: "dark",
    background: "#0F1B2A",
    text: "#E6EDF3",
    line: "#AEB8C4",
    faint: "#8A96A3",
    refused: "#FF5C4D",
    cloud: solid("#C8D1DA", "1.5", "#E6EDF3"),
    region: dashed("#2BC4C6", "#5FD6D8"),
    vpc: solid("#A47BFF", "2", "#BFA2FF"),
    az: dashed("#4BA3E0", "#7CBDEA"),
    public: subnet("#8FBF2A", "#18291A", "#B4DC5A"),
    private: subnet("#2BC4C6", "#0F2B36", "#6ADADC"),
    isolated: subnet("#8A96A3", "#1C2633", "#B8C2CD"),
    other: solid("#8A96A3", "1.5", "#B8C2CD"),
    badge_stroke: "#FF6B7D",
    badge_fill: "#0F1B2A",
    band_tint: "0.22",
    cloud_mark: "#3A4A5F",
};

impl Palette {
    pub(crate) fn of(theme: Theme) -> &'static Palette {
        match theme {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }

    /// The style of a container of `kind` (and subnet `tier`).
    pub(crate) fn container(&self, kind: &str, tier: Option<&str>) -> BoxStyle {
        match (kind, tier) {
            ("cloud", _) => self.cloud,
            ("region", _) => self.region,
            ("vpc", _) => self.vpc,
            ("az", _) => self.az,
            ("subnet", Some("public")) => self.public,
            ("subnet", Some("isolated")) => self.isolated,
            ("subnet", _) => self.private,
            _ => self.other,
        }
    }
}

/// The AWS 2023 icon palette: the tile colour of a resource's category.
pub(crate) fn category_colour(category: &str) -> &'static str {
    match category {
        "compute" | "containers" => "#ED7100",
        "database" => "#C925D1",
        "storage" => "#7AA116",
        "networking" | "analytics" => "#8C4FFF",
        "integration" | "management" => "#E7157B",
        "security" => "#DD344C",
        _ => "#7D8998",
    }
}
