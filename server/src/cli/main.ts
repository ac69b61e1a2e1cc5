/**
 * `winnet`: the command-line adapter. It translates arguments and files into engine calls and findings into
 * output and an exit code; it decides nothing about Windows networking itself.
 */
import { createTwoFilesPatch } from 'diff';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { version } from '../../../package.json';
import type { CheckOptions } from '../engine/check';
import { ALL_RULE_META } from '../rules/registry';
import { parseCliArgs, USAGE, type CliOptions } from './args';
import { findConfig, loadConfig, type Config } from './config';
import { runExplain, textWidth } from './explain';
import { discover, globToRegExp } from './files';
import { formatGithub } from './format/github';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatStylish } from './format/stylish';
import { summarize } from './format/summary';
import { defaultBaseOf, defaultOverrideOf } from '../compose/paths';
import { isComposeName } from '../documents/kind';
import { checkFile, type FileResult } from './run';
import { checkSetFiles } from './run-set';
import { composeSetsInScripts } from './script-sets';
import { ProjectEnvironments } from './environment';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** Standard input, for `winnet explain` (absent: there is none to read). */
  stdin?: { isTTY: boolean; read: () => string };
}

/** The folder holding package.json and docs/ (the bundle lives in dist/, the sources in server/src/cli/). */
function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'docs', 'rules')) && existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return resolve(__dirname, '..');
}

export function docsBaseUrl(): string {
  return `${pathToFileURL(join(packageRoot(), 'docs', 'rules')).href}/`;
}

export function runCli(argv: string[], io: Io): number {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr(`winnet: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  const options = parsed.options;
  if (options.command === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options.command === 'version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (options.command === 'explain') {
    const color = options.color ?? (io.isTTY && !io.env.NO_COLOR);
    const format = options.format === 'json' ? 'json' : 'stylish';
    return runExplain(options.paths, format, { ...io, color, width: textWidth(io.env) }, docsBaseUrl(), version);
  }
  if (options.command === 'rules') {
    const width = Math.max(...ALL_RULE_META.map((m) => m.id.length));
    io.stdout(
      `${ALL_RULE_META.map(
        (m) =>
          `${m.id.padEnd(width)}  ${(m.offByDefault ? `off (${m.defaultSeverity})` : m.defaultSeverity).padEnd(11)}  ${m.fixable ? 'fix' : '   '}  ${m.title.replace(/`/g, '')}`,
      ).join('\n')}\n`,
    );
    return 0;
  }

  const loaded = loadConfig(options.config ? resolve(io.cwd, options.config) : findConfig(io.cwd));
  if (!loaded.ok) {
    io.stderr(`winnet: ${loaded.error}\n`);
    return 2;
  }
  const config = loaded.config;
  const checkOptions = mergeOptions(options, config);
  const inputs = [...options.paths, ...options.files];
  const explicit = new Set(inputs.filter((p) => !/[*?[]/.test(p)).map((p) => resolve(io.cwd, p)));
  const { files, errors } = discover(inputs.length ? inputs : ['.'], io.cwd);
  const ignored = ignoreMatcher(config);
  const mode = options.fix ? 'fix' : options.fixDryRun ? 'dry-run' : 'check';

  const display = (file: string) => relative(io.cwd, file) || file;
  // Compose variables come from where `docker compose` reads them: the shell, then each project's .env or --env-file.
  const environments = new ProjectEnvironments({
    process: options.processEnv ? io.env : undefined,
    envFiles: options.envFiles.map((f) => resolve(io.cwd, f)),
    projectDirectory: options.projectDirectory === undefined ? undefined : resolve(io.cwd, options.projectDirectory),
  });
  const results: FileResult[] = [];
  const add = (result: FileResult, file: string) => {
    // Files found by walking a folder that turn out not to be ours are not listed; files named explicitly are.
    if (result.kind === 'none' && !result.error && !result.findings.length && !explicit.has(file)) return;
    results.push(result);
  };
  /**
   * A bug in winnet while checking some files (an exception, not a finding) is reported against those files,
   * which then count as not checked (exit code 2), and the other files are still checked.
   */
  let ruleFailures = 0;
  const guarded = (group: FileGroup, check: (options: CheckOptions) => FileResult[]): FileResult[] => {
    /**
     * A rule that throws in its own check is isolated by the engine: the other rules' findings still come, but
     * that rule's may be missing, so it is reported (once per rule and file, though --fix checks a file again
     * after each pass) and the run exits 2, never 0 or 1 on a check that was not complete.
     */
    const failures: { rule: string; message: string }[] = [];
    const ruleFailed = (rule: string, error: unknown) => {
      if (failures.some((f) => f.rule === rule)) return;
      const { message, frames } = describeError(error);
      failures.push({ rule, message });
      ruleFailures++;
      io.stderr(`winnet: internal error in rule ${rule} while checking ${group.map(display).join(', ')}: ${message}\n${frames}`);
    };
    try {
      const env = group.project ? environments.ofDirectory(group.project) : environments.of(group[0]);
      const results = check({ ...checkOptions, env, onRuleError: ruleFailed });
      if (results.some((r) => r.kind === 'compose')) environments.noteUse(env, group);
      // Kept with the results too, for the JSON and SARIF reports (stderr is not all CI keeps).
      return failures.length ? results.map((r) => ({ ...r, ruleErrors: failures })) : results;
    } catch (error) {
      const { message, frames } = describeError(error);
      io.stderr(`winnet: internal error while checking ${group.map(display).join(', ')}: ${message}\n${frames}`);
      return group.map((file) => ({ path: display(file), kind: 'none', findings: [], error: `internal error while checking this file: ${message}` }));
    }
  };
  // `-f a.yml -f b.yml` is one compose project, merged in that order (as `docker compose -f` does).
  const setFiles = options.files.map((f) => resolve(io.cwd, f));
  const inSet = new Set(setFiles);
  if (setFiles.length) results.push(...guarded(setFiles, (o) => checkSetFiles(setFiles, display, o, mode)));
  const candidates = files.filter((f) => !inSet.has(f) && !ignored(f));
  for (const group of composeGroups(candidates, explicit, (dir) => (setFiles.length ? undefined : environments.composeFiles(dir)))) {
    if (group.length === 1 && !isComposeName(group[0])) {
      for (const result of guarded(group, (o) => [checkFile(group[0], display(group[0]), o, mode)])) add(result, group[0]);
    } else for (const result of guarded(group, (o) => checkSetFiles(group, display, o, mode))) add(result, resolve(io.cwd, result.path));
  }
  // The projects scripts run with `docker compose -f ... -f ...`: each checked as the set it names.
  for (const set of composeSetsInScripts(candidates, io.cwd)) {
    const group: FileGroup = Object.assign([...set.files], { project: set.project });
    for (const result of guarded(group, (o) => checkSetFiles(group, display, o, mode))) add(result, resolve(io.cwd, result.path));
  }
  // The env files those projects read: compose stops on a line it cannot parse before it reads any compose file.
  results.push(...environments.envFileResults(checkOptions, display).filter((r) => !ignored(resolve(io.cwd, r.path))));
  mergeDuplicates(results);
  for (const error of errors) io.stderr(`winnet: ${error}\n`);
  for (const error of environments.errors) io.stderr(`winnet: cannot read env file ${error}\n`);

  if (mode === 'dry-run') {
    for (const r of results) {
      if (r.fix) io.stdout(createTwoFilesPatch(r.path, r.path, r.fix.before, r.fix.after, 'before', 'after (winnet --fix)'));
    }
  }
  const color = options.color ?? (io.isTTY && !io.env.NO_COLOR);
  switch (options.format) {
    case 'json':
      io.stdout(`${formatJson(results, version)}\n`);
      break;
    case 'sarif':
      io.stdout(`${formatSarif(results, version, io.cwd, docsBaseUrl())}\n`);
      break;
    case 'github':
      io.stdout(formatGithub(results));
      break;
    default:
      if (mode !== 'dry-run' || results.some((r) => r.findings.length)) io.stdout(formatStylish(results, color));
  }

  const summary = summarize(results);
  if (errors.length || summary.ioErrors || ruleFailures || environments.errors.length) return 2;
  const maxWarnings = options.maxWarnings ?? config.maxWarnings;
  if (summary.errors > 0) return 1;
  if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
    if (options.format === 'stylish') io.stderr(`winnet: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** An exception's message, and its stack's frames (not the first line, which repeats the message) for the bug report. */
function describeError(error: unknown): { message: string; frames: string } {
  const message = error instanceof Error ? error.message : String(error);
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)) : [];
  return { message, frames: frames.map((f) => `${f}\n`).join('') };
}

/** Files checked together; `project` is the folder whose environment named them (`COMPOSE_FILE`). */
type FileGroup = string[] & { project?: string };

/**
 * Groups the files to check: a compose base file found in a folder goes with its default override file
 * (`compose.yaml` + `compose.override.yaml`), as `docker compose` reads them; the override is then not checked
 * on its own. Where `COMPOSE_FILE` (in the environment or the folder's .env) names the files, as `docker compose`
 * in that folder would read them, those are the folder's set instead. Every other file is a group of one.
 */
function composeGroups(files: string[], explicit: Set<string>, composeFileOf: (dir: string) => string[] | undefined): FileGroup[] {
  const present = new Set(files);
  const groups: FileGroup[] = [];
  const named = new Set<string>();
  for (const dir of new Set(files.filter((f) => isComposeName(f) && !explicit.has(f)).map((f) => dirname(f)))) {
    const set = composeFileOf(dir);
    if (!set?.length) continue;
    groups.push(Object.assign(set, { project: dir }));
    for (const f of set) named.add(f);
    // The folder's default files are not what compose reads there: they are checked only as part of the set.
    for (const f of files) if (dirname(f) === dir && isComposeName(f)) named.add(f);
  }
  for (const file of files) {
    if (named.has(file)) continue;
    const base = defaultBaseOf(file).find((b) => present.has(b));
    if (base && !explicit.has(file)) continue; // checked with its base
    const overrides = explicit.has(file) ? [] : defaultOverrideOf(file).filter((o) => present.has(o));
    groups.push([file, ...overrides]);
  }
  return groups;
}

/** A file in several sets (a shared template) is listed once, with each finding once. */
function mergeDuplicates(results: FileResult[]): void {
  const byPath = new Map<string, FileResult>();
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    const first = byPath.get(r.path);
    if (!first) {
      byPath.set(r.path, r);
      continue;
    }
    const keys = new Set(first.findings.map((f) => `${f.rule}@${f.span.start}-${f.span.end}`));
    first.findings.push(...r.findings.filter((f) => !keys.has(`${f.rule}@${f.span.start}-${f.span.end}`)));
    first.findings.sort((a, b) => a.span.start - b.span.start);
    results.splice(i--, 1);
  }
}

function mergeOptions(options: CliOptions, config: Config): CheckOptions {
  return {
    target: options.target ?? config.target ?? 'auto',
    windowsVersion: options.windowsVersion ?? config.windowsVersion,
    rules: { ...config.rules, ...options.rules },
    docsBaseUrl: docsBaseUrl(),
  };
}

function ignoreMatcher(config: Config): (file: string) => boolean {
  if (!config.path || !config.ignore.length) return () => false;
  const base = dirname(config.path);
  const patterns = config.ignore.map(globToRegExp);
  return (file) => {
    const rel = relative(base, file).split(/[\\/]/).join('/');
    return patterns.some((p) => p.test(rel));
  };
}

if (require.main === module) {
  // `winnet explain ... | head` closes the pipe early: that is the reader's choice, not an error of winnet's.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  let code: number;
  try {
    code = runCli(process.argv.slice(2), {
      cwd: process.cwd(),
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      isTTY: !!process.stdout.isTTY,
      env: process.env,
      stdin: { isTTY: !!process.stdin.isTTY, read: () => readFileSync(0, 'utf8') },
    });
  } catch (error) {
    // Anything that escapes the per-file guard is still winnet's failure (2), never "problems found" (1), which
    // is what node would exit with for an uncaught exception.
    process.stderr.write(`winnet: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    code = 2;
  }
  process.exitCode = code;
}
