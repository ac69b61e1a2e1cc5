/**
 * Profile before optimising: `npx tsx bench/profile.ts [--services 5000] [--edits 10] [--src <dir>]`.
 *
 * Bundles the server and the CLI unminified with names kept (same esbuild settings as esbuild.js otherwise) into
 * .cache/bench/prof-dist/, then
 *   1. runs the language server under `node --cpu-prof` through the LSP driver (open, edits, hovers, completions
 *      on a generated compose file of N services) and
 *   2. runs `winnet check` on the same file under `node --cpu-prof`,
 * and prints the top functions by self and by total time for each (the .cpuprofile files stay in
 * .cache/bench/profiles/ for Chrome DevTools or speedscope).
 *
 * `--build-only` stops after bundling (with `--minify`, the bundles are built like esbuild.js builds dist/).
 * `--src <dir>` bundles another copy of the sources (a directory holding server/src and package.json), which
 * is how an engine change is tried out without touching the checkout: copy, edit, profile, and run
 * `bench/run.ts --winnet-server <dir>/dist/server.js --winnet-cli <dir>/dist/cli.js`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { formatTop, summarize } from './cpuprofile';
import { generateCompose } from './generate';
import { runLsp } from './lsp-bench';
import { CACHE, REPO, SERVERS } from './servers';
import { median, ms, percentile } from './stats';
import { NODE_BUNDLE } from './node-bundle';

const { values: args } = parseArgs({
  options: {
    services: { type: 'string', default: '5000' },
    edits: { type: 'string', default: '10' },
    src: { type: 'string' },
    out: { type: 'string' },
    minify: { type: 'boolean', default: false },
    top: { type: 'string', default: '25' },
    'build-only': { type: 'boolean', default: false },
  },
});

/** Bundles server and CLI from `root` (default: this checkout) into `outdir`. */
export async function bundle(root: string, outdir: string, minify: boolean): Promise<{ server: string; cli: string }> {
  await build({
    ...NODE_BUNDLE,
    minify,
    keepNames: false,
    nodePaths: [join(REPO, 'node_modules')],
    entryPoints: { server: join(root, 'server/src/lsp/server.ts'), cli: join(root, 'server/src/cli/main.ts') },
    outdir,
  });
  return { server: join(outdir, 'server.js'), cli: join(outdir, 'cli.js') };
}

async function main(): Promise<void> {
  const services = Number(args.services);
  const root = resolve(args.src ?? REPO);
  const outdir = args.src ? join(root, 'dist') : join(CACHE, 'prof-dist');
  const { server, cli } = await bundle(root, outdir, args.minify!);
  if (args['build-only']) {
    process.stderr.write(`built ${server} and ${cli}\n`);
    return;
  }
  const profiles = join(CACHE, 'profiles', `${args.src ? 'src-' : ''}${services}`);
  rmSync(profiles, { recursive: true, force: true });
  mkdirSync(profiles, { recursive: true });
  const g = generateCompose({ services });
  const file = join(CACHE, 'lsp', `compose-${services}`, 'docker-compose.yml');
  mkdirSync(join(CACHE, 'lsp', `compose-${services}`), { recursive: true });
  writeFileSync(file, g.text);
  const out: string[] = [];
  const say = (s: string) => {
    out.push(s);
    process.stderr.write(`${s}\n`);
  };

  // 1. The language server.
  const lspDir = join(profiles, 'lsp');
  mkdirSync(lspDir);
  const r = await runLsp(SERVERS.winnet, g, `file:///tmp/winnet-bench/compose-${services}/docker-compose.yml`, services, {
    edits: Number(args.edits),
    hovers: 20,
    completions: 20,
    phaseBudgetMs: 60_000,
    minSamples: 3,
    timeoutMs: 120_000,
    nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${lspDir}`],
    script: server,
  });
  say(`## Language server, N=${services} (${g.lines} lines), under --cpu-prof\n`);
  say(
    `open ${ms(r.openMs)} ms; edits ${r.editMs.map((e) => ms(e)).join(', ')} ms (median ${ms(median(r.editMs))}); hover p95 ${ms(percentile(r.hoverMs, 95))} ms; completion p95 ${ms(percentile(r.completionMs, 95))} ms; ${r.validationNote}\n`,
  );
  const lspProfile = readdirSync(lspDir).find((f) => f.endsWith('.cpuprofile'));
  if (lspProfile) {
    const s = summarize(join(lspDir, lspProfile));
    say(`busy ${ms(s.sampledMs - s.idleMs)} ms of ${ms(s.wallMs)} ms wall, GC ${ms(s.gcMs)} ms\n`);
    say(`By self time:\n\n${formatTop(s, Number(args.top), 'selfMs')}\n`);
    say(`By total time:\n\n${formatTop(s, Number(args.top), 'totalMs')}\n`);
  }

  // 2. The CLI on the same file.
  const cliDir = join(profiles, 'cli');
  mkdirSync(cliDir);
  const t0 = Date.now();
  spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${cliDir}`, cli, 'check', '--format', 'json', file], { stdio: 'ignore' });
  say(`## CLI \`winnet check\`, N=${services}, under --cpu-prof (${Date.now() - t0} ms wall)\n`);
  const cliProfile = readdirSync(cliDir).find((f) => f.endsWith('.cpuprofile'));
  if (cliProfile) {
    const s = summarize(join(cliDir, cliProfile));
    say(`busy ${ms(s.sampledMs - s.idleMs)} ms, GC ${ms(s.gcMs)} ms\n`);
    say(`By self time:\n\n${formatTop(s, Number(args.top), 'selfMs')}\n`);
    say(`By total time:\n\n${formatTop(s, Number(args.top), 'totalMs')}\n`);
  }
  const summaryFile = args.out ?? join(profiles, 'summary.md');
  writeFileSync(summaryFile, out.join('\n'));
  process.stderr.write(`\nprofiles in ${profiles}; summary in ${summaryFile}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
