//! archc SVG writer (stub while the real one is written on its branch).
use std::collections::BTreeMap;

use archc_layout::Layout;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Icon {
    pub svg: String,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub theme: Theme,
    pub icons: BTreeMap<String, Icon>,
}

pub fn render(layout: &Layout, _options: &Options) -> String {
    format!("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\"/>", layout.width, layout.height)
}
