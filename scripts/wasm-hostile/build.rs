// `ARCHC_WASM_STACK` (bytes) links the module with a smaller stack than
// wasm's default 1 MiB, to measure how much of it the deepest input uses.
// Only the final link changes: the dependencies are not rebuilt.
fn main() {
    println!("cargo:rerun-if-env-changed=ARCHC_WASM_STACK");
    if let Ok(bytes) = std::env::var("ARCHC_WASM_STACK") {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size={bytes}");
    }
}
