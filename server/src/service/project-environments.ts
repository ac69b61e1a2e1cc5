/**
 * The compose variables each project is checked with in the editor, read as `docker compose` reads them
 * (compose/environment.ts): the project's `.env` (in the project directory, the folder of the first compose file of
 * a set), or the `winnet.envFiles` files instead of it (as `--env-file` replaces `.env`), and the process environment
 * only when the server is told to read it. One environment per project directory, read once and kept until one of
 * its files changes, so every keystroke in a compose file reuses it (and the checks cached for it).
 *
 * Pure: the files come through `read`, which applies the editor's policy (an open buffer wins over the disk; an
 * untrusted workspace reads nothing outside its folders).
 */
import { composeEnvironment, defaultEnvFile, type Environment } from '../compose/environment';
import { basename, resolvePath } from '../compose/paths';

export interface EnvironmentSources {
  /** Env files that replace each project's `.env` (`winnet.envFiles`, absolute), in the order compose reads them. */
  envFiles: readonly string[];
  /** The process environment, when it may be read (`winnet.readProcessEnvironment` in a trusted workspace). */
  process?: Readonly<Record<string, string | undefined>>;
}

/** An env file's text, or undefined when it does not exist or may not be read. */
export type EnvFileRead = (path: string) => string | undefined;

interface Cached {
  env: Environment;
  /** Every file this environment reads or would read once it exists (a `.env` created later changes it). */
  paths: readonly string[];
}

export class ProjectEnvironments {
  private sources: EnvironmentSources = { envFiles: [] };
  private readonly byDirectory = new Map<string, Cached>();

  constructor(private readonly read: EnvFileRead) {}

  /** New sources (the settings or the workspace trust changed): every environment is read again. */
  configure(sources: EnvironmentSources): void {
    this.sources = { envFiles: [...sources.envFiles], process: sources.process };
    this.byDirectory.clear();
  }

  /** The environment of the project whose directory is `directory`. */
  of(directory: string): Environment {
    let cached = this.byDirectory.get(directory);
    if (!cached) {
      const paths = this.filesOf(directory);
      const files = paths.flatMap((path) => {
        const text = this.read(path);
        return text === undefined ? [] : [{ path, text }];
      });
      cached = { env: composeEnvironment({ process: this.sources.process, files }), paths };
      this.byDirectory.set(directory, cached);
    }
    return cached.env;
  }

  /** The env files the project in `directory` reads (those that exist) or would read (those that do not yet). */
  filesOf(directory: string): readonly string[] {
    return this.sources.envFiles.length ? this.sources.envFiles : [defaultEnvFile(resolvePath(directory, 'compose.yaml'), directory)];
  }

  /** Whether the project in `directory` reads `path` for its variables. */
  reads(directory: string, path: string): boolean {
    return this.filesOf(directory).includes(path);
  }

  /**
   * `path` changed (edited, saved, created, deleted): the environments that read it are forgotten, to be read again
   * on next use. True when `path` is a file some project reads, so the documents of those projects need a new check.
   */
  changed(path: string): boolean {
    if (!this.isEnvFile(path)) return false;
    for (const [directory, cached] of this.byDirectory) if (cached.paths.includes(path)) this.byDirectory.delete(directory);
    return true;
  }

  /** Whether a project reads `path`: a `.env` (of its folder's project), or one of the configured env files. */
  isEnvFile(path: string): boolean {
    return this.sources.envFiles.length ? this.sources.envFiles.includes(path) : basename(path) === '.env';
  }
}
