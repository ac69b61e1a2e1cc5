// The floor: the bare js-yaml load of the same texts, in a fresh Node process, nothing else.
//
//   node bench/floor.mjs time <file> <repeats>   → JSON {coldMs, warmMs[]}: the first load in the process (cold
//                                                   JIT, like a server's first didOpen) and `repeats` loads after it
//   node bench/floor.mjs load <files...>          → reads and loads every file (YAML with js-yaml, JSON with
//                                                   JSON.parse) and exits: the CLI floor, timed from outside
//
// Plain JavaScript on purpose: no TypeScript loader in the process being timed.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import jsyaml from 'js-yaml';

const [mode, ...args] = process.argv.slice(2);

if (mode === 'time') {
  const text = readFileSync(args[0], 'utf8');
  const repeats = Number(args[1] ?? 5);
  let t = performance.now();
  jsyaml.load(text);
  const coldMs = performance.now() - t;
  const warmMs = [];
  for (let i = 0; i < repeats; i++) {
    t = performance.now();
    jsyaml.load(text);
    warmMs.push(performance.now() - t);
  }
  process.stdout.write(`${JSON.stringify({ coldMs, warmMs })}\n`);
} else if (mode === 'load') {
  let documents = 0;
  for (const file of args) {
    const text = readFileSync(file, 'utf8');
    if (/\.json$/i.test(file)) JSON.parse(text);
    else jsyaml.load(text);
    documents++;
  }
  process.stdout.write(`${documents}\n`);
} else {
  process.stderr.write('usage: node bench/floor.mjs time <file> <repeats> | load <files...>\n');
  process.exit(2);
}
