//! What the browser will run, as a C ABI for the test: `input(len)` gives a
//! buffer for the source, `check(len)` runs the whole front end on it
//! (compile, the checker, every renderer) and the formatter, and returns the
//! number of diagnostics. A stack overflow or a panic traps, and run.mjs
//! fails.

use std::cell::RefCell;

thread_local! {
    static INPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static OUTPUT: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// A buffer of `len` bytes for the source, at the returned address.
#[no_mangle]
pub extern "C" fn input(len: u32) -> *mut u8 {
    INPUT.with(|b| {
        let mut b = b.borrow_mut();
        *b = vec![0; len as usize];
        b.as_mut_ptr()
    })
}

/// Checks and formats the source written into the buffer; the number of
/// diagnostics.
#[no_mangle]
pub extern "C" fn check(len: u32) -> u32 {
    let text = INPUT.with(|b| String::from_utf8_lossy(&b.borrow()[..len as usize]).into_owned());
    let (db, c) = archc_core::compile_str("hostile.arch", &text);
    let human = archc_core::diag::render_human(&db, &c.diagnostics, false);
    let json = archc_core::diag::to_json(&db, &c.diagnostics);
    let sarif = archc_core::diag::to_sarif(&db, &c.diagnostics, "wasm");
    let formatted = archc_syntax::fmt::format(&text);
    // Keep the work from being optimised away.
    std::hint::black_box((human.len(), json.to_string().len(), sarif.to_string().len(), formatted.is_ok()));
    c.diagnostics.len() as u32
}

/// Lays out and draws the source in the buffer as `archc render` does:
/// `format` 0 is the SVG, 1 the layout JSON (printed as the CLI prints it).
/// Returns the output's length (0 when the design has errors); its bytes are
/// at `output()`.
#[no_mangle]
pub extern "C" fn render(len: u32, format: u32) -> u32 {
    let text = INPUT.with(|b| String::from_utf8_lossy(&b.borrow()[..len as usize]).into_owned());
    let (_, c) = archc_core::compile_str("design.arch", &text);
    let out = match c.checked() {
        Some(model) if !c.has_errors() => {
            let refused = archc_layout::refusals(model, c.proofs().unwrap_or_default(), &c.diagnostics);
            let layout = archc_layout::layout(model, &refused);
            if format == 0 {
                let theme = if layout.theme == "dark" { archc_svg::Theme::Dark } else { archc_svg::Theme::Light };
                archc_svg::render(&layout, &archc_svg::Options { theme, ..Default::default() })
            } else {
                let mut json = serde_json::to_string_pretty(&layout).unwrap_or_default();
                json.push('\n');
                json
            }
        }
        _ => String::new(),
    };
    let n = out.len() as u32;
    OUTPUT.with(|o| *o.borrow_mut() = out.into_bytes());
    n
}

/// Where the last `render`'s output is.
#[no_mangle]
pub extern "C" fn output() -> *const u8 {
    OUTPUT.with(|o| o.borrow().as_ptr())
}
