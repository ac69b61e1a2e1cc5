/**
 * The compose variables the CLI checks a project with, read as `docker compose` reads them: the environment winnet
 * runs in (unless --no-process-env), and the project's `.env` (beside the first compose file, or in
 * --project-directory) or, instead, the --env-file files. One environment per project directory, read once.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { composeEnvironment, composeFilesFrom, defaultEnvFile, type Environment } from '../compose/environment';
import { interpolate } from '../compose/interpolation';
import { parseDocument } from '../documents/document';
import { checkDocument, type CheckOptions } from '../engine/check';
import { readSource } from './files';
import type { FileResult } from './run';

export interface EnvironmentSettings {
  /** The process environment, or undefined when it is not to be read. */
  process?: Readonly<Record<string, string | undefined>>;
  /** --env-file paths, absolute. */
  envFiles: string[];
  /** --project-directory, absolute. */
  projectDirectory?: string;
}

export class ProjectEnvironments {
  private readonly byDirectory = new Map<string, Environment>();
  /** The variable names the checked compose files of each environment use. */
  private readonly used = new Map<Environment, Set<string>>();
  /** Env files that could not be read, for a message on stderr. */
  readonly errors: string[] = [];

  constructor(private readonly settings: EnvironmentSettings) {}

  /** The environment of the project whose first compose file is `composeFile`. */
  of(composeFile: string): Environment {
    return this.ofDirectory(dirname(composeFile));
  }

  /** The environment of the project in `folder` (or in --project-directory, when given). */
  ofDirectory(folder: string): Environment {
    const directory = this.settings.projectDirectory ?? folder;
    let env = this.byDirectory.get(directory);
    if (!env) {
      env = this.read(directory);
      this.byDirectory.set(directory, env);
    }
    return env;
  }

  /** The files `COMPOSE_FILE` names for the project in `directory` (existing ones), or undefined when unset. */
  composeFiles(directory: string): string[] | undefined {
    const env = this.ofDirectory(directory);
    return composeFilesFrom(env, this.settings.projectDirectory ?? directory)?.filter((f) => existsSync(f));
  }

  /** Records that compose files read `env`, and which variables they use (every `${NAME}` and `$NAME` in them). */
  noteUse(env: Environment, composeFiles: readonly string[]): void {
    let names = this.used.get(env);
    if (!names) this.used.set(env, (names = new Set()));
    for (const file of composeFiles) {
      const source = readSource(file);
      if ('error' in source) continue;
      interpolate(source.text, (name) => {
        names.add(name);
        return undefined;
      });
    }
  }

  /**
   * The env files the checked compose files read, each checked as compose reads it (the `env-file` rule), with the
   * variables those compose files use, so one nothing uses is a hint. A file shared by several projects (an
   * `--env-file`) is checked once, with the variables of all of them.
   */
  envFileResults(options: CheckOptions, display: (path: string) => string): FileResult[] {
    const byPath = new Map<string, { env: Environment; text: string; names: Set<string> }>();
    for (const [env, names] of this.used) {
      for (const file of env.files) {
        const seen = byPath.get(file.path);
        if (seen) for (const name of names) seen.names.add(name);
        else byPath.set(file.path, { env, text: file.text, names: new Set(names) });
      }
    }
    return [...byPath].map(([path, { env, text, names }]) => {
      const result = checkDocument(parseDocument(path, text), { ...options, env, usedVariables: names });
      return { path: display(path), kind: result.kind, findings: result.findings };
    });
  }

  private read(directory: string): Environment {
    const paths = this.settings.envFiles.length ? this.settings.envFiles : [defaultEnvFile(resolve(directory, 'compose.yaml'), this.settings.projectDirectory)];
    const files: { path: string; text: string }[] = [];
    for (const path of paths) {
      // The default .env is optional; a file named with --env-file must be there, as compose says.
      if (!this.settings.envFiles.length && !existsSync(path)) continue;
      const source = readSource(path);
      if ('error' in source) {
        if (!this.errors.some((e) => e.startsWith(path))) this.errors.push(`${path}: ${source.error}`);
        continue;
      }
      files.push({ path, text: source.text });
    }
    return composeEnvironment({ process: this.settings.process, files });
  }
}
