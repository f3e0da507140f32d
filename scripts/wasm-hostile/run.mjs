// Runs hostile inputs through the core built for wasm32 (src/lib.rs), where
// the stack is wasm's 1 MiB and a stack overflow or a panic traps: every
// input must come back as at least one diagnostic. Usage:
//   node run.mjs MODULE.wasm
import { readFileSync } from "node:fs";

const MAX = 128; // archc_syntax::MAX_NESTING
const wasm = readFileSync(process.argv[2]);
const { instance } = await WebAssembly.instantiate(wasm, {});
const { memory, input, check } = instance.exports;

const deep = [
  ["blocks", (n) => "a {\n".repeat(n)],
  ["closed blocks", (n) => "region us-east-1 {\n".repeat(n) + "}\n".repeat(n)],
  ["lists", (n) => "x: " + "[".repeat(n)],
  ["list in a property", (n) => `region us-east-1 {\n  s3 m {\n    tags: ${"[".repeat(n)}${"]".repeat(n)}\n  }\n}\n`],
  ["lists and blocks", (n) => "a [{".repeat(n)],
  ["a component's body", (n) => "component c() {\n" + "vpc v 10.0.0.0/16 {\n".repeat(n) + "}\n".repeat(n) + "}\nregion us-east-1 {\n  c()\n}\n"],
  ["a parameter's default", (n) => `component c(a = ${"[".repeat(n)}${"]".repeat(n)}) {\n}\n`],
  ["`${` in an unterminated string (the issue's input)", (n) => 'title "$' + "{".repeat(n)],
  ["`${` in a string", (n) => 'title "${' + "{".repeat(n) + '"\n'],
  ["`${` in a word", (n) => "x ${" + "{".repeat(n)],
  ["a string in a bad line", (n) => 'x y z w "' + "{".repeat(n) + '"\n'],
  ["a raw string after `}`", (n) => '}r#"a"# ' + "{".repeat(n)],
];

// A few of the other hostile classes of issue 10, at sizes this branch
// takes in well under a second natively.
const others = [
  ["a long name", "region us-east-1 {\n  s3 " + "a".repeat(2000) + "\n}\n" + "x".repeat(1999) + "b -> " + "a".repeat(1999) + "c\n"],
  ["many errors", "region us-east-1 {\n" + "  ec2 ??? bad line\n".repeat(2000) + "}\n"],
  ["one long line of errors", "x ".repeat(5000) + "\n"],
  ["many strings on a line", "x y z w " + '"\\"\\}'.repeat(50000) + "\n"],
  ["control characters", "title \"\u001b[2J\u0007\"\nregion us-east-1 {\n  s3 \u001b\n}\n"],
  ["a nested for", "region us-east-1 {\n" + "for a in x, y {\n".repeat(6) + "s3 b\n" + "}\n".repeat(6) + "}\n"],
];

const cases = [];
// Each class just under, at and past the limit, and far past it. Within the
// limit an input may be valid: a stray top-level `s3` (a lowering error, so
// the fast path and lowering still take the deep part) makes sure of a
// diagnostic.
for (const [name, make] of deep) {
  for (const n of [MAX - 1, MAX, MAX + 1, 50000]) {
    cases.push([`${name}, ${n} deep`, (n <= MAX ? "s3 stray\n" : "") + make(n)]);
  }
}
cases.push(...others);

let failed = 0;
const encoder = new TextEncoder();
for (const [name, text] of cases) {
  const bytes = encoder.encode(text);
  const started = performance.now();
  let result;
  try {
    const at = input(bytes.length);
    new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
    result = check(bytes.length);
  } catch (e) {
    result = e;
  }
  const ms = (performance.now() - started).toFixed(0);
  if (typeof result !== "number" || result < 1) {
    failed++;
    console.log(`FAIL ${name}: ${result instanceof Error ? result.message : `${result} diagnostics`} (${ms} ms)`);
    // A trap leaves the instance's stack pointer where it was: start again.
    process.exitCode = 1;
    break;
  }
  console.log(`ok   ${name}: ${result} diagnostics, ${ms} ms`);
}
console.log(failed ? "wasm-hostile: FAILED" : `wasm-hostile: all ${cases.length} inputs gave diagnostics`);
