#!/usr/bin/env node
// The GitHub Action's step (action.yml): runs winnet from the action's own checkout over the workflow's files,
// prints the findings (GitHub annotations by default, which show on the pull request's diff), writes SARIF for
// code scanning and a job summary, and exits as the inputs say. Its inputs come as environment variables, as
// GitHub names them for an action's inputs: INPUT_PATHS, INPUT_TARGET, INPUT_WINDOWS-VERSION (or
// INPUT_WINDOWS_VERSION), INPUT_FORMAT, INPUT_SARIF-FILE, INPUT_FAIL-ON, INPUT_MAX-WARNINGS, INPUT_CONFIG.
// test/distribution/action.test.ts runs it as GitHub would.
//
// winnet comes from the action's checkout: dist/cli.js when the ref carries the bundles (a release tag may commit
// them), else it is built there first (`npm ci --ignore-scripts`, `npm run build`).
//
// Exit codes: those of `winnet check` (0 clean, 1 errors or too many warnings, 2 usage or internal error), except
// that `fail-on: never` turns 1 into 0; a bad input is 2.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FORMATS = ['github', 'stylish', 'json', 'sarif'];
const FAIL_ON = ['error', 'warning', 'never'];

/** An input as GitHub passes it to an action (`INPUT_<NAME>`, upper case, `-` kept; `_` accepted too). */
function input(name, fallback = '') {
  const upper = name.toUpperCase();
  const value = process.env[`INPUT_${upper}`] ?? process.env[`INPUT_${upper.replace(/-/g, '_')}`];
  return value === undefined ? fallback : value.trim();
}

/** A workflow command's data, escaped as GitHub's toolkit does. */
function escapeData(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function fail(message) {
  process.stdout.write(`::error title=winnet action::${escapeData(message)}\n`);
  process.exit(2);
}

/** Appends `name=value` to a file GitHub reads (GITHUB_OUTPUT), when it is set. */
function setOutput(name, value) {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

function run(command, args, options = {}) {
  // npm is npm.cmd on Windows runners, which only a shell runs.
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** The checkout carries no bundles (dist/ is not committed on branches): build them where the action lives. */
function ensureBuilt() {
  if (existsSync(CLI) && existsSync(join(ROOT, 'dist', 'validators', 'compose-validators.js'))) return;
  process.stdout.write('::group::Building winnet (npm ci, npm run build)\n');
  try {
    if (!existsSync(join(ROOT, 'node_modules', 'esbuild'))) {
      // No install scripts: the build needs none (esbuild finds its binary in its platform package), and none of
      // the dependencies' scripts has to run in the user's workflow. --force off Linux: the one platform-bound
      // devDependency, @microsoft/sarif-multitool-linux (a test tool), would otherwise stop `npm ci` there.
      const args = ['ci', '--ignore-scripts', '--no-audit', '--no-fund', ...(process.platform === 'linux' ? [] : ['--force'])];
      if (run('npm', args) !== 0) fail('npm ci failed in the action checkout; see the log above');
    }
    if (run('npm', ['run', 'build']) !== 0) fail('npm run build failed in the action checkout; see the log above');
  } finally {
    process.stdout.write('::endgroup::\n');
  }
}

/**
 * Where the SARIF rule pages point. winnet links its docs as files beside the bundle, which mean nothing in code
 * scanning: they become the action repository's pages at the action's ref when those are known, from
 * WINNET_DOCS_BASE_URL, the action's repository and ref, or the action's path (`.../_actions/<owner>/<repo>/<ref>`).
 */
function docsBaseUrl() {
  if (process.env.WINNET_DOCS_BASE_URL) return process.env.WINNET_DOCS_BASE_URL.replace(/\/?$/, '/');
  const server = (process.env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  let repository = process.env.WINNET_ACTION_REPOSITORY || process.env.GITHUB_ACTION_REPOSITORY;
  let ref = process.env.WINNET_ACTION_REF || process.env.GITHUB_ACTION_REF;
  if (!repository || !ref) {
    const match = /[\\/]_actions[\\/]([^\\/]+)[\\/]([^\\/]+)[\\/]([^\\/]+)$/.exec(ROOT);
    if (match) {
      repository = `${match[1]}/${match[2]}`;
      ref = match[3];
    }
  }
  return repository && ref ? `${server}/${repository}/blob/${ref}/docs/rules/` : undefined;
}

/** Splits `paths` (whitespace or newlines between paths or globs; `#` starts a comment line). */
function paths() {
  const list = input('paths', '.')
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.trim().split(/\s+/))
    .filter(Boolean);
  return list.length ? list : ['.'];
}

function checkArgs() {
  const args = ['check', ...paths(), '--no-color'];
  const target = input('target');
  if (target) args.push('--target', target);
  const windowsVersion = input('windows-version');
  if (windowsVersion) args.push('--windows-version', windowsVersion);
  const config = input('config');
  if (config) args.push('--config', config);
  const failOn = input('fail-on', 'error') || 'error';
  if (!FAIL_ON.includes(failOn)) fail(`fail-on must be ${FAIL_ON.join(', ')}, not "${failOn}"`);
  const maxWarnings = input('max-warnings');
  if (maxWarnings && !/^\d+$/.test(maxWarnings)) fail(`max-warnings must be a whole number, not "${maxWarnings}"`);
  // `fail-on: warning` is `--max-warnings 0`; an explicit max-warnings says how many are too many instead.
  if (maxWarnings) args.push('--max-warnings', maxWarnings);
  else if (failOn === 'warning') args.push('--max-warnings', '0');
  return { args, failOn };
}

function winnet(args, options = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
}

/** The SARIF log with the rule pages at `base` (see docsBaseUrl) instead of files in the action's checkout. */
function relinkDocs(sarif, base) {
  if (!base) return sarif;
  const local = `${pathToFileURL(join(ROOT, 'docs', 'rules')).href}/`;
  return sarif.split(JSON.stringify(local).slice(1, -1)).join(base);
}

/** A markdown summary of the run for the job's page (GITHUB_STEP_SUMMARY), from the SARIF log. */
function summary(sarif, code) {
  let log;
  try {
    log = JSON.parse(sarif);
  } catch {
    return '';
  }
  const results = log.runs?.[0]?.results ?? [];
  const count = (level) => results.filter((r) => r.level === level).length;
  const head = `### winnet: ${results.length ? `${count('error')} errors, ${count('warning')} warnings, ${count('note')} notes` : 'no problems'}\n\n`;
  const shown = results.slice(0, 100).map((r) => {
    const loc = r.locations?.[0]?.physicalLocation;
    const where = `${decodeURIComponent(loc?.artifactLocation?.uri ?? '?')}:${loc?.region?.startLine ?? '?'}`;
    const text = r.message.text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    return `| ${r.level} | \`${where}\` | ${text} | \`${r.ruleId}\` |`;
  });
  const table = shown.length ? `| Level | Where | Finding | Rule |\n| --- | --- | --- | --- |\n${shown.join('\n')}\n` : '';
  const more = results.length > shown.length ? `\n…and ${results.length - shown.length} more (see the SARIF file or the annotations).\n` : '';
  const status = code === 2 ? '\nwinnet could not check everything (exit code 2): see the step log.\n' : '';
  return `${head}${table}${more}${status}\n`;
}

function main() {
  const format = input('format', 'github') || 'github';
  if (!FORMATS.includes(format)) fail(`format must be ${FORMATS.join(', ')}, not "${format}"`);
  const sarifFile = input('sarif-file', 'winnet.sarif');
  const { args, failOn } = checkArgs();
  ensureBuilt();

  // The findings as the user asked to see them, in the log (annotations: on the pull request too).
  const shown = winnet([...args, '--format', format], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (shown.error) fail(`could not run winnet: ${shown.error.message}`);
  const code = shown.status ?? 2;

  // SARIF for code scanning and the job summary, from a second run (winnet prints one format per run).
  if (sarifFile || process.env.GITHUB_STEP_SUMMARY) {
    const sarifRun = winnet([...args, '--format', 'sarif']);
    const sarif = relinkDocs(sarifRun.stdout ?? '', docsBaseUrl());
    if (sarifFile && sarif.trim()) {
      const file = resolve(sarifFile);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, sarif.endsWith('\n') ? sarif : `${sarif}\n`);
      setOutput('sarif-file', file);
      process.stderr.write(`winnet: SARIF written to ${sarifFile}\n`);
    }
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summary(sarif, code));
  }

  setOutput('exit-code', code);
  process.exit(failOn === 'never' && code === 1 ? 0 : code);
}

main();
