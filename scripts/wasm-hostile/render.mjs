// Draws designs with archc built for wasm32 (src/lib.rs `render`), as the
// playground will, writing OUTDIR/NAME.svg and OUTDIR/NAME.json for each.
// scripts/wasm-render.sh compares them with the native CLI's, byte for byte.
// Usage: node render.mjs MODULE.wasm OUTDIR FILE.arch...
import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";

const [wasmPath, outDir, ...files] = process.argv.slice(2);
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {});
const { memory, input, render, output } = instance.exports;

for (const file of files) {
  const bytes = readFileSync(file);
  const at = input(bytes.length);
  new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
  const stem = basename(file, ".arch");
  for (const [format, ext] of [[0, "svg"], [1, "json"]]) {
    const n = render(bytes.length, format);
    if (n === 0) {
      console.error(`${file}: the wasm build drew nothing (errors?)`);
      process.exit(1);
    }
    writeFileSync(`${outDir}/${stem}.${ext}`, new Uint8Array(memory.buffer, output(), n));
  }
}
