/**
 * The CLI comparison: winnet's bundled CLI, dclint and the bare js-yaml floor over the same sets of files, each
 * one process per set, timed from spawn to exit (start-up included, as a user or a CI job sees it), alternating
 * the order between runs. Files per second = files in the set / wall time.
 *
 * The compose files of the CLI corpus carry winnet's deliberate findings but no compose-schema error: dclint
 * stops at a schema error and skips its own rules, which would flatter it. Every file has its own seed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCompose, generateHnsEndpoints } from './generate';
import { CACHE, REPO } from './servers';

export interface FileSet {
  label: string;
  kind: 'compose' | 'hns';
  services: number;
  files: string[];
  bytes: number;
}

export function buildCorpus(plan: { kind: 'compose' | 'hns'; services: number; count: number }[]): FileSet[] {
  const root = join(CACHE, 'cli');
  return plan.map(({ kind, services, count }) => {
    const dir = join(root, `${kind}-${services}`);
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const text =
        kind === 'compose'
          ? generateCompose({ services, seed: 1000 + i, anchors: i % 2 === 1, schemaError: false }).text
          : generateHnsEndpoints(services, 2000 + i).text;
      const file = join(dir, kind === 'compose' ? `docker-compose.${String(i).padStart(3, '0')}.yml` : `endpoints-${String(i).padStart(3, '0')}.hns.json`);
      writeFileSync(file, text);
      files.push(file);
      bytes += Buffer.byteLength(text);
    }
    return { label: `${count} × ${kind} ${services}`, kind, services, files, bytes };
  });
}

export type CliTool = 'winnet' | 'dclint' | 'floor';

const DCLINT_OUT = join(CACHE, 'cli', 'dclint-report.json');

export function toolCommand(tool: CliTool, files: string[], winnetCli = join(REPO, 'dist', 'cli.js')): string[] {
  switch (tool) {
    case 'winnet':
      return [winnetCli, 'check', '--format', 'json', ...files];
    case 'dclint':
      // To a file: dclint calls process.exit() right after printing, which cuts piped output at 128 KiB.
      return [join(REPO, 'node_modules', 'dclint', 'bin', 'dclint.cjs'), '-f', 'json', '-o', DCLINT_OUT, ...files];
    case 'floor':
      return [join(REPO, 'bench', 'floor.mjs'), 'load', ...files];
  }
}

export interface ToolRun {
  tool: CliTool;
  wallMs: number;
  exitCode: number | null;
  /** Files the tool reported on (from its JSON output), to check it really read them all. */
  filesReported: number;
  findings: number;
  timedOut: boolean;
}

export function runTool(tool: CliTool, files: string[], timeoutMs: number, winnetCli?: string): Promise<ToolRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, toolCommand(tool, files, winnetCli), {
      cwd: join(CACHE, 'cli'),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', () => undefined);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      clearTimeout(timer);
      let text = Buffer.concat(out).toString('utf8');
      if (tool === 'dclint') {
        try {
          text = readFileSync(DCLINT_OUT, 'utf8');
          rmSync(DCLINT_OUT);
        } catch {
          text = '';
        }
      }
      let filesReported = 0;
      let findings = 0;
      try {
        if (tool === 'winnet') {
          const json = JSON.parse(text) as { files: { findings: unknown[] }[] };
          filesReported = json.files.length;
          findings = json.files.reduce((n, f) => n + f.findings.length, 0);
        } else if (tool === 'dclint') {
          const json = JSON.parse(text) as { messages: unknown[] }[];
          filesReported = json.length;
          findings = json.reduce((n, f) => n + f.messages.length, 0);
        } else filesReported = Number(text.trim());
      } catch {
        // unparsable output: reported as 0 files
      }
      resolve({ tool, wallMs, exitCode: code, filesReported, findings, timedOut });
    });
  });
}

export interface InProcessResult {
  winnetMs: number[];
  floorMs: number[];
  findings: number;
}

export function runInProcess(files: string[], repeats: number, winnetCli = join(REPO, 'dist', 'cli.js')): Promise<InProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bench', 'inprocess.mjs'), String(repeats), winnetCli, ...files], {
      cwd: join(CACHE, 'cli'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`inprocess.mjs exited ${code}: ${err.slice(-1000)}`));
      resolve(JSON.parse(out) as InProcessResult);
    });
  });
}
