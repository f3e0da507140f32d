//! archc SVG writer (in progress).
