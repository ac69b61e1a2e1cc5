// The CLI's work without process start-up: `runCli(['check', '--format', 'json', ...files])` from the bundled
// dist/cli.js, against the bare js-yaml load (JSON.parse for .json) of the same files read from disk, alternating
// in one process after a warm-up round.
//
//   node bench/inprocess.mjs <repeats> <cli.js> <files...>   → JSON {winnetMs[], floorMs[], findings}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import jsyaml from 'js-yaml';

const [repeatsArg, cliPath, ...files] = process.argv.slice(2);
const repeats = Number(repeatsArg);
const require = createRequire(import.meta.url);
const { runCli } = require(cliPath);

let findings = 0;
const winnet = () => {
  let out = '';
  runCli(['check', '--format', 'json', ...files], { cwd: process.cwd(), stdout: (t) => (out += t), stderr: () => undefined, isTTY: false, env: {} });
  findings = JSON.parse(out).files.reduce((n, f) => n + f.findings.length, 0);
};
const floor = () => {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (/\.json$/i.test(file)) JSON.parse(text);
    else jsyaml.load(text);
  }
};

winnet();
floor();
const winnetMs = [];
const floorMs = [];
for (let i = 0; i < repeats; i++) {
  for (const [fn, out] of i % 2
    ? [
        [floor, floorMs],
        [winnet, winnetMs],
      ]
    : [
        [winnet, winnetMs],
        [floor, floorMs],
      ]) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
}
process.stdout.write(`${JSON.stringify({ winnetMs, floorMs, findings })}\n`);
