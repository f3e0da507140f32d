//! PNG output: the SVG archc wrote, rasterised by resvg with the system's
//! fonts (the layout measured DejaVu Sans; Debian's fonts-dejavu-core has
//! it). Only the CLI rasterises: the playground shows the SVG itself.

/// The largest picture written, in pixels (about 16,000 × 16,000 at most);
/// a larger request is scaled down to fit rather than exhausting memory.
const MAX_PIXELS: f32 = 256_000_000.0;

pub fn rasterise(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    let mut options = resvg::usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    let tree =
        resvg::usvg::Tree::from_str(svg, &options).map_err(|e| format!("cannot read the SVG archc wrote: {e}"))?;
    let size = tree.size();
    let area = size.width() * size.height();
    let mut scale = if scale.is_finite() && scale > 0.0 { scale } else { 1.0 };
    if area * scale * scale > MAX_PIXELS {
        scale = (MAX_PIXELS / area).sqrt();
    }
    let width = (size.width() * scale).ceil().max(1.0) as u32;
    let height = (size.height() * scale).ceil().max(1.0) as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot make a {width}×{height} picture"))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| format!("cannot encode the PNG: {e}"))
}
