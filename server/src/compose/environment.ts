/**
 * The variables compose substitutes, from where compose reads them: the process environment (the shell that runs
 * `docker compose`), then the project's `.env` file, or the files given with `--env-file` instead of it. Values
 * the shell sets win over the files; a later `--env-file` wins over an earlier one (compose-go `cli/options.go`
 * WithDotEnv and GetEnvFromFile: the OS environment is applied over the files' values). Each value remembers where
 * it came from, so a finding on a substituted value can say "`ISOLATION` is `process` here, from .env line 3".
 *
 * `COMPOSE_FILE` (split by `COMPOSE_PATH_SEPARATOR`) and `COMPOSE_PROFILES` are read from the same environment, as
 * `docker compose` reads them, so the CLI and the editor check the set and profiles compose would run.
 */
import { LineIndex } from '../documents/text';
import { type EnvEntry, type EnvFile, parseEnvFile } from './dotenv';
import { basename, dirname, resolvePath } from './paths';

export type EnvSource = { kind: 'process' } | { kind: 'file'; path: string; entry: EnvEntry; lines: LineIndex };

export interface Binding {
  value: string;
  source: EnvSource;
}

export interface EnvFileRead {
  path: string;
  text: string;
  parsed: EnvFile;
  lines: LineIndex;
}

export interface Environment {
  /** The value compose would substitute for `name`, and where it comes from; undefined when compose has none. */
  get(name: string): Binding | undefined;
  /** The env files read, in order. */
  readonly files: readonly EnvFileRead[];
  /** Whether the process environment was read (the CLI does; the editor only when a setting allows it). */
  readonly processRead: boolean;
}

export interface EnvironmentOptions {
  /** The process environment, when it is to be read. */
  process?: Readonly<Record<string, string | undefined>>;
  /** The env files, in the order compose reads them (`.env`, or each `--env-file`). */
  files?: readonly { path: string; text: string }[];
}

/** An environment with no variables (nothing read): values with variables stay as written. */
export const NO_ENVIRONMENT: Environment = Object.freeze({ get: () => undefined, files: [], processRead: false });

export function composeEnvironment(options: EnvironmentOptions): Environment {
  const processEnv = options.process;
  const fromProcess = (name: string) => (processEnv && Object.hasOwn(processEnv, name) ? processEnv[name] : undefined);
  const fileValues = new Map<string, Binding>();
  const files: EnvFileRead[] = [];
  for (const { path, text } of options.files ?? []) {
    const lines = new LineIndex(text);
    // A file's `${X}` sees the environment first, then what earlier files defined (compose-go env.go).
    const parsed = parseEnvFile(text, fromProcess, { previous: (name) => fileValues.get(name)?.value });
    for (const entry of parsed.entries) fileValues.set(entry.name, { value: entry.value, source: { kind: 'file', path, entry, lines } });
    files.push({ path, text, parsed, lines });
  }
  return {
    files,
    processRead: processEnv !== undefined,
    get(name) {
      const value = fromProcess(name);
      if (value !== undefined) return { value, source: { kind: 'process' } };
      return fileValues.get(name);
    },
  };
}

/** Where the project's `.env` is: beside the first compose file, unless a project directory is given. */
export function defaultEnvFile(composeFile: string, projectDirectory?: string): string {
  return resolvePath(projectDirectory ?? dirname(composeFile), '.env');
}

/**
 * The compose files `COMPOSE_FILE` names, relative to `base` (the project directory), or undefined when it is not
 * set. The separator is `COMPOSE_PATH_SEPARATOR` when set; otherwise `;` when the value holds one (Windows' list
 * separator, which compose uses on Windows), else `:` (compose's default elsewhere).
 */
export function composeFilesFrom(env: Environment, base: string): string[] | undefined {
  const value = env.get('COMPOSE_FILE')?.value;
  if (!value) return undefined;
  const separator = env.get('COMPOSE_PATH_SEPARATOR')?.value || (value.includes(';') ? ';' : ':');
  return value
    .split(separator)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => resolvePath(base, p));
}

/** The profiles `COMPOSE_PROFILES` turns on, or undefined when it is not set. */
export function activeProfiles(env: Environment): string[] | undefined {
  const value = env.get('COMPOSE_PROFILES')?.value;
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
}

/** How a binding's source reads in a message: ".env line 3" or "the environment". */
export function describeSource(source: EnvSource): string {
  return source.kind === 'process' ? 'the environment' : `${basename(source.path)} line ${source.entry.line + 1}`;
}
