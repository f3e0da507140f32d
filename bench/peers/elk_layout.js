// Lays out an ELK JSON graph with elkjs (layered, hierarchy included,
// orthogonal edges), for bench/layout.py. Times only elk.layout, in process,
// RUNS times; prints {"ms": [..]} and writes the last result to OUT.
//
//     node elk_layout.js GRAPH.json OUT.json [RUNS]
'use strict';
const fs = require('fs');
const ELK = require('elkjs/lib/elk.bundled.js');

async function main() {
  const [input, output, runsArg] = process.argv.slice(2);
  if (!input || !output) {
    console.error('usage: node elk_layout.js GRAPH.json OUT.json [RUNS]');
    process.exit(2);
  }
  const text = fs.readFileSync(input, 'utf8');
  const runs = Math.max(1, Number(runsArg || 1));
  const elk = new ELK();
  const ms = [];
  let result = null;
  for (let i = 0; i < runs; i++) {
    const graph = JSON.parse(text); // elk.layout writes into its input
    const t0 = process.hrtime.bigint();
    result = await elk.layout(graph);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  fs.writeFileSync(output, JSON.stringify(result));
  console.log(JSON.stringify({ ms }));
}

main().catch((e) => {
  console.error(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
