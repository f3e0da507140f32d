//! The layout of every example, as `archc render --format layout-json`
//! prints it, snapshotted: a change in placement or routing shows here, box
//! by box, and must be looked at (render the PNGs: scripts/render-examples.sh).

mod common;

#[test]
fn every_example_lays_out_as_snapshotted() {
    for path in common::examples() {
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("stem").to_string();
        let c = common::compile_file(&path);
        assert!(!c.has_errors(), "{stem}: {:#?}", c.diagnostics);
        let layout = common::lay_out(&stem, &c);
        // Deterministic: a second run gives the same layout.
        assert_eq!(layout, common::lay_out(&stem, &c), "{stem}");
        assert!(!layout.nodes.is_empty(), "{stem}");
        insta::assert_json_snapshot!(format!("layout__{stem}"), layout);
    }
}
