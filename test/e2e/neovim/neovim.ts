/**
 * Neovim (Debian's package) as a second, independent LSP client: runs `nvim --headless` with lsp-check.lua
 * against a server command and some files, and checks the diagnostics Neovim received and a hover.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Mismatch, type Checks } from '../harness/checks';

export const LUA_SCRIPT = join(__dirname, 'lsp-check.lua');

export interface ExpectedDiagnostic {
  code: string;
  /** Text whose first occurrence in the file is where the diagnostic starts (e.g. the offending key). */
  at?: string;
  /** A part of the message. */
  message?: string;
  /** LSP severity: 1 error, 2 warning, 3 information, 4 hint. */
  severity?: 1 | 2 | 3 | 4;
  source?: string;
}

export interface NeovimFileCheck {
  /** Absolute, or relative to the check's root. */
  path: string;
  /** Neovim filetype to set (also the LSP languageId unless `languageId` is given). */
  filetype?: string;
  languageId?: string;
  /** Each must be among the diagnostics Neovim received. */
  diagnostics: ExpectedDiagnostic[];
  /** Also require that nothing else was reported (default true). */
  exact?: boolean;
  /** Ask for a hover inside the first occurrence of `at` and require `contains` in its text. */
  hover?: { at: string; contains: string };
}

export interface NeovimCheck {
  /** The server command, e.g. ['node', 'dist/server.js', '--stdio']. */
  cmd: string[];
  /** The workspace root the client reports and the server runs in. */
  root: string;
  files: NeovimFileCheck[];
  /** Answers to workspace/configuration (e.g. { winnet: { target: 'windows' } }). */
  settings?: Record<string, unknown>;
  timeoutMs?: number;
}

interface SeenDiagnostic {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: number;
  message: string;
  source?: string;
  code?: string | number;
}

interface SeenFile {
  path: string;
  filetype: string;
  diagnostics: SeenDiagnostic[];
  hovers: { line: number; character: number; text?: string; error?: string }[];
  diagnosticsWaitMs: number;
}

export interface NeovimResults {
  nvim: string;
  files: SeenFile[];
  fatal?: string;
  serverExit?: { code: number; signal: number };
}

function positionOf(text: string, needle: string): { line: number; character: number } | undefined {
  const index = text.indexOf(needle);
  if (index < 0) return undefined;
  const before = text.slice(0, index).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Runs Neovim once over all the files; returns what it saw. Throws if Neovim itself fails or hangs. */
export async function runNeovim(check: NeovimCheck, options: { nvim: string; outDir: string }): Promise<NeovimResults> {
  mkdirSync(options.outDir, { recursive: true });
  const specPath = join(options.outDir, 'neovim-spec.json');
  const resultsPath = join(options.outDir, 'neovim-results.json');
  const timeoutMs = check.timeoutMs ?? 20_000;
  const files = check.files.map((f) => {
    const path = isAbsolute(f.path) ? f.path : join(check.root, f.path);
    const text = readFileSync(path, 'utf8');
    const hovers = [];
    if (f.hover) {
      const at = positionOf(text, f.hover.at);
      if (!at) throw new Error(`neovim check: "${f.hover.at}" is not in ${path}`);
      hovers.push({ line: at.line, character: at.character + 1 });
    }
    return { path, filetype: f.filetype, languageId: f.languageId, waitForDiagnostics: f.diagnostics.length, hovers };
  });
  writeFileSync(specPath, JSON.stringify({ cmd: check.cmd, root: check.root, settings: check.settings, timeoutMs, results: resultsPath, files }, null, 2));
  if (existsSync(resultsPath)) writeFileSync(resultsPath, '');

  const child = spawn(options.nvim, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${LUA_SCRIPT}`], {
    cwd: check.root,
    env: { ...process.env, NVIM_LSP_CHECK_SPEC: specPath },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const limit = timeoutMs * (2 * files.length + 1) + 10_000;
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, limit);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  if (code === null) throw new Error(`nvim did not finish within ${limit} ms (killed pid ${child.pid}); output:\n${output}`);
  const raw = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '';
  if (!raw.trim()) throw new Error(`nvim exited with ${code} and wrote no results to ${resultsPath}; output:\n${output}`);
  const results = JSON.parse(raw) as NeovimResults;
  if (results.fatal) throw new Error(`lsp-check.lua failed in nvim ${results.nvim}: ${results.fatal}\n${output}`);
  return results;
}

function show(d: SeenDiagnostic): string {
  return `${d.line + 1}:${d.character + 1} ${['', 'error', 'warning', 'info', 'hint'][d.severity] ?? d.severity} ${d.source ?? ''}(${d.code ?? ''}) ${d.message}`;
}

/** Runs Neovim and records one check per file for diagnostics and one per hover; returns the raw results. */
export async function neovimChecks(check: NeovimCheck, checks: Checks, options: { nvim: string; outDir: string }): Promise<NeovimResults | undefined> {
  let results: NeovimResults | undefined;
  const ran = await checks.check(`neovim: attaches \`${check.cmd.join(' ')}\` and gets answers`, async () => {
    results = await runNeovim(check, options);
  });
  if (!ran || !results) return undefined;
  const seenFiles = results.files;
  for (const [index, file] of check.files.entries()) {
    const seen = seenFiles[index];
    const path = isAbsolute(file.path) ? file.path : join(check.root, file.path);
    const text = readFileSync(path, 'utf8');
    await checks.check(`neovim ${results!.nvim}: diagnostics on ${file.path} (${seen?.filetype})`, () => {
      const got = seen?.diagnostics ?? [];
      const expected = file.diagnostics.map((d) => {
        const at = d.at === undefined ? undefined : positionOf(text, d.at);
        if (d.at !== undefined && !at) throw new Error(`"${d.at}" is not in ${path}`);
        return { ...d, position: at };
      });
      const missing = expected.filter(
        (e) =>
          !got.some(
            (g) =>
              String(g.code) === e.code &&
              (!e.position || (g.line === e.position.line && g.character === e.position.character)) &&
              (!e.message || g.message.includes(e.message)) &&
              (!e.severity || g.severity === e.severity) &&
              (!e.source || g.source === e.source),
          ),
      );
      const describeExpected = expected.map(
        (e) => `${e.position ? `${e.position.line + 1}:${e.position.character + 1} ` : ''}(${e.code})${e.message ? ` …${e.message}…` : ''}`,
      );
      if (missing.length > 0 || ((file.exact ?? true) && got.length !== expected.length)) {
        throw new Mismatch(`Neovim's diagnostics for ${path}`, describeExpected, got.map(show));
      }
    });
    if (file.hover) {
      const hover = file.hover;
      await checks.check(`neovim ${results!.nvim}: hover on "${hover.at}" in ${file.path}`, () => {
        const got = seen?.hovers[0];
        if (!got?.text?.includes(hover.contains)) {
          throw new Mismatch(
            `Neovim's hover inside "${hover.at}" in ${path}`,
            `text containing ${JSON.stringify(hover.contains)}`,
            got?.error ? `(error) ${got.error}` : (got?.text ?? '(no hover)'),
          );
        }
      });
    }
  }
  return results;
}
