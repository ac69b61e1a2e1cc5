/**
 * Loads the server's own CommonJS bundles (dist/engine.js and the schema validators it requires) through V8's
 * code cache, so that a server start after the first one skips compiling them.
 *
 * Why: V8 compiles a function to bytecode the first time it runs. On the first open of a compose file that is a
 * share of the first check (the engine and 0.9 MB of generated validators), and loading the engine bundle itself
 * costs about 40 ms (bench/RESULTS.md: 42 → 16 ms with the cache). A cache made after the first check holds the
 * bytecode of every function that check ran, so the next start runs them without compiling. Node 22 has
 * `module.enableCompileCache`, but the oldest VS Code winnet supports runs its servers on Node 20, and the server
 * wants to choose when the cache is written (after the first check, before it changes a V8 flag), so it uses
 * `vm.Script`'s `cachedData` itself.
 *
 * Safety: a cache file is named by the SHA-256 of the exact source, the Node version and the architecture, so a
 * rebuilt bundle never meets an old cache; V8 checks its own version and flags and rejects anything else
 * (`cachedDataRejected`), and a rejected or unreadable cache only means compiling as without one. The directory is
 * per user (the editor's storage folder, or the user's cache folder, created private) because a cache file is
 * code: a directory other users can write to would let them run code in this process.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Script } from 'node:vm';

/**
 * What happened to a file's cache: `accepted` (V8 used it), `rejected` (V8 refused it: another V8 or other flags),
 * `missing` (first start, or a new build), `off` (no cache directory).
 */
export type CacheState = 'accepted' | 'rejected' | 'missing' | 'off';

interface Loaded {
  script: Script;
  cacheFile: string | undefined;
  state: CacheState;
}

type CommonJsWrapper = (exports: unknown, require: NodeRequire, module: { exports: unknown }, filename: string, dirname: string) => void;

export class CodeCache {
  private readonly loaded = new Map<string, Loaded>();
  private readonly modules = new Map<string, unknown>();
  private saved = false;

  /** `dir` undefined: no cache, files are compiled as plain `require` would. */
  constructor(private readonly dir: string | undefined) {}

  /**
   * Runs a CommonJS file and returns its exports, once per file like `require`. Relative requires inside it
   * (`./validators/...`) load through this cache too; anything else goes to Node's `require`.
   */
  require(file: string): unknown {
    const path = resolve(file);
    if (this.modules.has(path)) return this.modules.get(path);
    const source = readFileSync(path, 'utf8');
    const cacheFile = this.dir ? join(this.dir, `${cachePrefix(path)}${sourceHash(source)}.v8cache`) : undefined;
    const cachedData = cacheFile ? readOrUndefined(cacheFile) : undefined;
    const script = new Script(wrap(source), { filename: path, cachedData });
    const state: CacheState = !cacheFile ? 'off' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
    this.loaded.set(path, { script, cacheFile, state });

    const module = { exports: {} as unknown };
    this.modules.set(path, module.exports);
    const nodeRequire = createRequire(path);
    const requireHere = ((id: string) =>
      id.startsWith('./') || id.startsWith('../') ? this.require(join(dirname(path), id)) : nodeRequire(id)) as NodeRequire;
    (script.runInThisContext() as CommonJsWrapper).call(module.exports, module.exports, requireHere, module, path, dirname(path));
    this.modules.set(path, module.exports);
    return module.exports;
  }

  /** Per file this cache loaded: whether V8 used its cache (for tests). */
  states(): Map<string, CacheState> {
    return new Map([...this.loaded].map(([path, { state }]) => [path, state]));
  }

  /**
   * Writes the cache of every file whose cache was missing or rejected, once. Call it when the work the cache
   * should cover has run (the server: after its first check), and before changing any V8 flag: V8 keys a cache by
   * the flags it was made under. Failures are silent: a cache is an optimisation, and the next start tries again.
   */
  save(): void {
    if (this.saved) return;
    this.saved = true;
    for (const { script, cacheFile, state } of this.loaded.values()) {
      if (!cacheFile || state === 'accepted') continue;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
        removeOtherBuilds(cacheFile);
        // Written aside and renamed: two servers starting at once never read half a file.
        const partial = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        renameSync(partial, cacheFile);
      } catch {
        // Read-only or full disk: run without a cache.
      }
    }
  }
}

/**
 * One cache per file, Node version and architecture: servers run by two Node versions (say, an editor's own and the
 * system's) can share the user's cache folder without evicting each other.
 */
function cachePrefix(path: string): string {
  return `${basename(path)}-${process.version}-${process.arch}-`;
}

function sourceHash(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 32);
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Caches of earlier builds of the same file are dead weight: each update of the extension would leave one. */
function removeOtherBuilds(cacheFile: string): void {
  const prefix = basename(cacheFile).replace(/[0-9a-f]{32}\.v8cache$/, '');
  for (const name of readdirSync(dirname(cacheFile))) {
    if (name.startsWith(prefix) && name.endsWith('.v8cache') && name !== basename(cacheFile)) {
      try {
        unlinkSync(join(dirname(cacheFile), name));
      } catch {
        // Another server may have removed it first.
      }
    }
  }
}

/**
 * Where the server keeps its code cache: `WINNET_CODE_CACHE` when set (a directory, or `off`), else the directory
 * the editor gives (winnet's VS Code client passes its global storage folder), else the user's cache folder.
 * Undefined means no cache: `off`, no home directory, or a directory that is not private to this user.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv, fromEditor: unknown, platform: NodeJS.Platform = process.platform): string | undefined {
  const chosen = env.WINNET_CODE_CACHE?.trim();
  if (chosen && /^(off|0|false|no)$/i.test(chosen)) return undefined;
  const dir = chosen || (typeof fromEditor === 'string' && fromEditor ? fromEditor : userCacheDir(env, platform));
  return dir && privateDir(dir, platform) ? dir : undefined;
}

function userCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const home = env.HOME || env.USERPROFILE || safeHomedir();
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'winnet', 'Cache', 'v8') : undefined;
  if (platform === 'darwin') return home ? join(home, 'Library', 'Caches', 'winnet', 'v8') : undefined;
  const xdg = env.XDG_CACHE_HOME || (home ? join(home, '.cache') : undefined);
  return xdg ? join(xdg, 'winnet', 'v8') : undefined;
}

function safeHomedir(): string | undefined {
  try {
    return homedir() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates the directory private (0700) if it is missing. An existing one must belong to this user and be closed
 * to other users' writes: anyone who can put a file there can make this process run their code. (Windows has no
 * POSIX modes; there the user's local app data folder is private already.)
 */
function privateDir(dir: string, platform: NodeJS.Platform): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (platform === 'win32' || typeof process.getuid !== 'function') return true;
    const stat = statSync(dir);
    return stat.isDirectory() && stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}
