/** Command-line arguments → options, with usage errors as values (exit code 2), never exceptions. */
import { parseArgs } from 'node:util';
import type { TargetSetting } from '../compose/target';
import { isWindowsVersionSetting, WINDOWS_VERSION_SETTINGS, type WindowsVersionSetting } from '../knowledge/versions';
import { ruleMeta } from '../rules/registry';
import type { SeveritySetting } from '../rules/types';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
const SEVERITIES: SeveritySetting[] = ['off', 'error', 'warning', 'information', 'hint'];

export interface CliOptions {
  command: 'check' | 'rules' | 'explain' | 'help' | 'version';
  /** The paths or globs to check; for `explain`, the words of the error text (`-`: read it from stdin). */
  paths: string[];
  /** Files given with -f/--file, checked in order (as `docker compose -f`). */
  files: string[];
  format: Format;
  target?: TargetSetting;
  windowsVersion?: WindowsVersionSetting;
  maxWarnings?: number;
  rules: Record<string, SeveritySetting>;
  config?: string;
  fix: boolean;
  fixDryRun: boolean;
  color?: boolean;
  /** `--env-file` files, in order: they replace the project's `.env`, as with `docker compose --env-file`. */
  envFiles: string[];
  /** Where the project's `.env` is (and relative `COMPOSE_FILE` paths), instead of each compose file's folder. */
  projectDirectory?: string;
  /** Read the variables of the shell winnet runs in (default), as compose does. */
  processEnv: boolean;
}

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string };

export const USAGE = `Usage: winnet check [paths or globs...] [options]
       winnet rules
       winnet explain "<error text>" | <rule-id> | - [--format json]

Checks compose files and HNS/HCN JSON for what Windows container networking rejects or ignores.
Directories are searched for compose files (compose.yaml, docker-compose*.yml, ...) and HNS/CNI JSON.

winnet explain tells what a Docker, compose or HNS error means: its likely causes, the rules that catch them
before \`docker compose up\`, and what to do. Paste the error (or a whole log) as the argument, or pipe it in
(\`docker compose up 2>&1 | winnet explain\`, or \`-\` to read stdin); a rule id prints that rule's page.

Options:
  -f, --file <path>            check this file (repeatable)
      --format <name>          stylish (default), json, sarif or github; explain: stylish or json
      --target <t>             windows, linux or auto (default auto: decided by each file's content)
      --windows-version <v>    ${WINDOWS_VERSION_SETTINGS.join(', ')} (default auto: from the images, else ltsc2025)
      --max-warnings <n>       exit 1 when there are more warnings than n
      --rule <id>=<severity>   off, error, warning, information or hint (repeatable)
  -c, --config <path>          config file (default: .winnetrc.json in the current folder or above)
      --env-file <path>        read compose variables from this file instead of the project's .env (repeatable)
      --project-directory <d>  the compose project directory: where .env is (default: each compose file's folder)
      --no-process-env         do not read variables from winnet's own environment (default: read, as compose does)
      --fix                    apply the safe fixes and write the files
      --fix-dry-run            print the safe fixes as a diff; write nothing
      --no-color               no colours in stylish output
  -h, --help                   show this help
  -v, --version                show the version

Compose variables (\`\${VAR}\`) are substituted as compose does: from the environment, then the project's .env (beside
the first compose file, or in --project-directory) or the --env-file files; COMPOSE_FILE there names the files of a
folder's project. A value with a variable that is set nowhere is left unjudged.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings, 2 usage error, unreadable file or internal error.
winnet explain: 0 explained (or a rule's page), 1 nothing known matches, 2 usage error (no text) or internal error.`;

/** The formats of `winnet explain`: text for people, JSON for tools. */
const EXPLAIN_FORMATS: readonly string[] = ['stylish', 'json'];

/** Options that mean something to `winnet check` only, with their spelling for the error. */
const CHECK_ONLY = [
  ['file', '-f/--file'],
  ['target', '--target'],
  ['windows-version', '--windows-version'],
  ['max-warnings', '--max-warnings'],
  ['rule', '--rule'],
  ['config', '--config'],
  ['fix', '--fix'],
  ['fix-dry-run', '--fix-dry-run'],
  ['env-file', '--env-file'],
  ['project-directory', '--project-directory'],
  ['no-process-env', '--no-process-env'],
] as const;

/** Node's argument parser with winnet's options. */
function parseWinnetArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      file: { type: 'string', short: 'f', multiple: true },
      format: { type: 'string' },
      target: { type: 'string' },
      'windows-version': { type: 'string' },
      'max-warnings': { type: 'string' },
      rule: { type: 'string', multiple: true },
      config: { type: 'string', short: 'c' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      'env-file': { type: 'string', multiple: true },
      'project-directory': { type: 'string' },
      'no-process-env': { type: 'boolean' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseWinnetArgs>;
  try {
    parsed = parseWinnetArgs(argv);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, options: base('help') };
  if (values.version) return { ok: true, options: base('version') };
  let command: CliOptions['command'] = 'check';
  let paths = positionals;
  if (paths[0] === 'check' || paths[0] === 'rules' || paths[0] === 'explain' || paths[0] === 'help') {
    command = paths[0] as CliOptions['command'];
    paths = paths.slice(1);
  }
  const options = base(command);
  if (command === 'explain') {
    const checkOnly = CHECK_ONLY.find(([key]) => values[key] !== undefined);
    if (checkOnly) return { ok: false, error: `${checkOnly[1]} applies to winnet check, not to winnet explain` };
    if (values.format !== undefined && !EXPLAIN_FORMATS.includes(values.format))
      return { ok: false, error: `--format of winnet explain must be ${EXPLAIN_FORMATS.join(' or ')}; got '${values.format}'` };
  }
  options.paths = paths;
  options.files = values.file ?? [];
  if (values.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(values.format))
      return { ok: false, error: `--format must be one of ${FORMATS.join(', ')}; got '${values.format}'` };
    options.format = values.format as Format;
  }
  if (values.target !== undefined) {
    if (!['windows', 'linux', 'auto'].includes(values.target)) return { ok: false, error: `--target must be windows, linux or auto; got '${values.target}'` };
    options.target = values.target as TargetSetting;
  }
  if (values['windows-version'] !== undefined) {
    const v = values['windows-version'];
    if (!isWindowsVersionSetting(v)) return { ok: false, error: `--windows-version must be one of ${WINDOWS_VERSION_SETTINGS.join(', ')}; got '${v}'` };
    options.windowsVersion = v;
  }
  if (values['max-warnings'] !== undefined) {
    const n = Number(values['max-warnings']);
    if (!Number.isInteger(n) || n < 0) return { ok: false, error: `--max-warnings takes a whole number of 0 or more; got '${values['max-warnings']}'` };
    options.maxWarnings = n;
  }
  for (const rule of values.rule ?? []) {
    const m = /^([a-z0-9-]+)=([a-z]+)$/.exec(rule);
    if (!m) return { ok: false, error: `--rule takes <id>=<severity>, e.g. --rule dns-opt=off; got '${rule}'` };
    if (!ruleMeta(m[1])) return { ok: false, error: `--rule: unknown rule '${m[1]}' (run 'winnet rules' for the list)` };
    if (!SEVERITIES.includes(m[2] as SeveritySetting))
      return { ok: false, error: `--rule ${m[1]}: severity must be one of ${SEVERITIES.join(', ')}; got '${m[2]}'` };
    options.rules[m[1]] = m[2] as SeveritySetting;
  }
  options.config = values.config;
  options.fix = values.fix ?? false;
  options.fixDryRun = values['fix-dry-run'] ?? false;
  if (options.fix && options.fixDryRun) return { ok: false, error: '--fix and --fix-dry-run cannot be used together' };
  options.envFiles = values['env-file'] ?? [];
  options.projectDirectory = values['project-directory'];
  options.processEnv = !values['no-process-env'];
  if (values['no-color']) options.color = false;
  else if (values.color) options.color = true;
  return { ok: true, options };
}

function base(command: CliOptions['command']): CliOptions {
  return { command, paths: [], files: [], format: 'stylish', rules: {}, fix: false, fixDryRun: false, envFiles: [], processEnv: true };
}
