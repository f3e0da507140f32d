//! `archc render FILE [-o OUT] [--format svg|png|layout-json] [--theme …]`:
//! the diagram of a design (INTERFACES.md).
//!
//! Compiles like `check`. With errors it prints them as `check` does, exits 1
//! and writes nothing, unless `--draw-refused` asks for the picture of a
//! design that lowered but that the checker refuses: then each refused flow
//! is drawn red and dashed with its code in the edge's `<title>`, and the
//! exit code is still 1 (the output is written: the reader asked for it).
//! Layout and drawing are the pure `archc-layout` and `archc-svg`; this file
//! only reads, writes and rasterises.

use std::path::{Path, PathBuf};

use archc_layout::{layout, refusals};
use archc_svg::{Options, Theme};

use crate::entry::compile_file;
use crate::{icons, output, ModelFormat, Outcome, RenderFormat, ThemeArg};

pub struct RenderArgs<'a> {
    pub file: &'a Path,
    pub out: Option<&'a Path>,
    pub format: Option<RenderFormat>,
    pub theme: Option<ThemeArg>,
    pub icons: Option<&'a Path>,
    pub scale: f32,
    pub draw_refused: bool,
}

pub fn run(args: &RenderArgs) -> Outcome {
    let format = args.format.unwrap_or_else(|| format_of(args.out));
    let c = match compile_file(args.file) {
        Ok(c) => c,
        Err(outcome) => return outcome,
    };
    let comp = &c.compilation;
    let Some(model) = comp.checked() else { return c.refuse(ModelFormat::Human) };
    if comp.has_errors() && !args.draw_refused {
        return c.refuse(ModelFormat::Human);
    }
    c.warn();
    let user_icons = match args.icons.map(icons::load).transpose() {
        Ok(found) => found.unwrap_or_default(),
        Err(message) => {
            output::error(&message);
            return Outcome::Failure;
        }
    };
    let refused = refusals(model, comp.proofs().unwrap_or_default(), &comp.diagnostics);
    let diagram = layout(model, &refused);
    let bytes = match format {
        RenderFormat::LayoutJson => output::json_text(&diagram).into_bytes(),
        RenderFormat::Svg | RenderFormat::Png => {
            let theme = match args.theme {
                Some(ThemeArg::Dark) => Theme::Dark,
                Some(ThemeArg::Light) => Theme::Light,
                None if diagram.theme == "dark" => Theme::Dark,
                None => Theme::Light,
            };
            let svg = archc_svg::render(&diagram, &Options { theme, icons: user_icons });
            if format == RenderFormat::Svg {
                svg.into_bytes()
            } else {
                match crate::png::rasterise(&svg, args.scale) {
                    Ok(png) => png,
                    Err(message) => {
                        output::error(&message);
                        return Outcome::Failure;
                    }
                }
            }
        }
    };
    let written = write(args.file, args.out, format, &bytes);
    match (written, comp.has_errors()) {
        (Outcome::Success, true) => Outcome::Errors,
        (outcome, _) => outcome,
    }
}

/// The format an output path asks for by its extension (`.png`, `.json`),
/// else SVG.
fn format_of(out: Option<&Path>) -> RenderFormat {
    match out.and_then(Path::extension).and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("png") => RenderFormat::Png,
        Some(e) if e.eq_ignore_ascii_case("json") => RenderFormat::LayoutJson,
        _ => RenderFormat::Svg,
    }
}

fn extension(format: RenderFormat) -> &'static str {
    match format {
        RenderFormat::Svg => "svg",
        RenderFormat::Png => "png",
        RenderFormat::LayoutJson => "json",
    }
}

/// Standard output for no `-o` or `-o -`; `DIR/NAME.EXT` for an existing
/// directory; the path itself otherwise. A file whose bytes would not change
/// is left untouched, so a docs build does not bump its modification time.
fn write(source: &Path, out: Option<&Path>, format: RenderFormat, bytes: &[u8]) -> Outcome {
    let target: PathBuf = match out {
        None => return output::stdout_bytes(bytes),
        Some(p) if p == Path::new("-") => return output::stdout_bytes(bytes),
        Some(dir) if dir.is_dir() => {
            let stem = source.file_stem().and_then(|s| s.to_str()).filter(|s| *s != "-").unwrap_or("stdin");
            dir.join(format!("{stem}.{}", extension(format)))
        }
        Some(p) => p.to_path_buf(),
    };
    if std::fs::read(&target).is_ok_and(|old| old == bytes) {
        return Outcome::Success;
    }
    match std::fs::write(&target, bytes) {
        Ok(()) => Outcome::Success,
        Err(e) => {
            output::error(&format!("cannot write {}: {e}", target.display()));
            Outcome::Failure
        }
    }
}
