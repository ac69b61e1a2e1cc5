/**
 * The two language servers the benchmark drives, each started the way an editor starts it (a separate Node
 * process over stdio) and configured the way an editor configures it (`workspace/configuration` answers).
 *
 * - winnet: `node dist/server.js --stdio`, with `winnet.debounceMs: 0`, so nothing has to be subtracted from
 *   its latencies (its didOpen check is scheduled at 0 ms regardless).
 * - yaml-language-server 2.x: `node node_modules/yaml-language-server/bin/yaml-language-server --stdio`, with the
 *   compose-spec schema from a local file (dclint's copy, copied to the cache folder) mapped to `*.yml` and
 *   `*.yaml`; schema store and CRD store off, so it never tries the network. Its validation delay is a fixed
 *   200 ms (`validationDelayMs` in its SettingsState, not a setting), applied on open and on every change; the
 *   driver reports its times raw and with those 200 ms subtracted, and the ratios use the subtracted ones.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspProcess, sleep } from './lsp-client';

export const REPO = resolve(__dirname, '..');
export const CACHE = join(REPO, '.cache', 'bench');

/** `winnet-b`: a second winnet build in the same run (`--also-winnet`), e.g. with a proposed engine change. */
export type ServerId = 'winnet' | 'winnet-b' | 'yls';

export interface ServerSpec {
  id: ServerId;
  label: string;
  /** A fixed delay the server adds before every check (its debounce), subtracted for the comparisons. */
  fixedDelayMs: number;
  /** True when publishDiagnostics carries the document version. */
  versionedDiagnostics: boolean;
  /**
   * Starts the server; `script` replaces the server's entry file (the profiler passes an unminified bundle).
   * `codeCache: false` starts winnet without its V8 code cache, as the first start after an install.
   */
  start(extraNodeArgs?: string[], script?: string, options?: { codeCache?: boolean }): LspProcess;
  /** initialize + initialized + settings; resolves when the server has its settings. */
  initialize(p: LspProcess): Promise<{ initializeMs: number; capabilities: any }>;
}

const clientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: false },
  textDocument: {
    synchronization: { didSave: false, dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
  },
};

async function initializeWith(p: LspProcess, initializationOptions: unknown): Promise<{ initializeMs: number; capabilities: any }> {
  const { result, at } = await p.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(CACHE).href,
    workspaceFolders: null,
    capabilities: clientCapabilities,
    initializationOptions,
  });
  p.notify('initialized', {});
  return { initializeMs: at - p.spawnedAt, capabilities: result.capabilities };
}

/** Resolves once the server has asked for `workspace/configuration` at least `count` times (or after timeoutMs). */
function configurationPulled(p: LspProcess, count: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolveDone) => {
    const started = Date.now();
    const tick = () => {
      if ((p.requestsSeen.get('workspace/configuration') ?? 0) >= count) return resolveDone(true);
      if (Date.now() - started > timeoutMs) return resolveDone(false);
      setTimeout(tick, 2);
    };
    tick();
  });
}

/**
 * The V8 code cache of each winnet build in this benchmark run (server/src/code-cache.ts): a directory per
 * server script, so two builds compared in one run do not replace each other's cache, and emptied when the run
 * starts (`resetCodeCaches`), so no earlier build's cache is measured.
 */
const CODE_CACHES = join(CACHE, 'v8-cache');

export function resetCodeCaches(): void {
  rmSync(CODE_CACHES, { recursive: true, force: true });
}

function codeCacheDirFor(script: string): string {
  return join(CODE_CACHES, createHash('sha256').update(script).digest('hex').slice(0, 12));
}

export const winnet: ServerSpec = {
  id: 'winnet',
  label: 'winnet',
  fixedDelayMs: 0,
  versionedDiagnostics: true,
  start(extraNodeArgs = [], script = join(REPO, 'dist', 'server.js'), options = {}) {
    const env = { ...process.env, WINNET_CODE_CACHE: options.codeCache === false ? 'off' : codeCacheDirFor(script) };
    const p = new LspProcess(process.execPath, [...extraNodeArgs, script, '--stdio'], { env });
    const settings = { target: 'auto', windowsVersion: 'ltsc2022', debounceMs: 0, rules: {} };
    p.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => (i.section === 'winnet' ? settings : {})));
    return p;
  },
  async initialize(p) {
    const r = await initializeWith(p, undefined);
    if (!(await configurationPulled(p, 1, 5000))) throw new Error('winnet never asked for its settings');
    // The answer is on its way; give the server a moment to apply it before anything is measured.
    await sleep(20);
    return r;
  },
};

export function composeSchemaCopy(): string {
  const dir = join(CACHE, 'schemas');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'compose.schema.json');
  copyFileSync(join(REPO, 'node_modules', 'dclint', 'schemas', 'compose.schema.json'), file);
  return file;
}

export const yls: ServerSpec = {
  id: 'yls',
  label: 'yaml-language-server',
  fixedDelayMs: 200,
  versionedDiagnostics: false,
  start(extraNodeArgs = [], script) {
    const bin = script ?? join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
    const p = new LspProcess(process.execPath, [...extraNodeArgs, bin, '--stdio']);
    const schemaUri = pathToFileURL(composeSchemaCopy()).href;
    const yaml = {
      schemas: { [schemaUri]: ['*.yml', '*.yaml'] },
      validate: true,
      hover: true,
      completion: true,
      format: { enable: false },
      schemaStore: { enable: false },
      kubernetesCRDStore: { enable: false },
    };
    p.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((i) => (i.section === 'yaml' ? yaml : i.section === 'http' ? { proxy: '', proxyStrictSSL: false } : {})),
    );
    p.onRequest('client/registerCapability', () => null);
    p.onRequest('window/workDoneProgress/create', () => null);
    return p;
  },
  async initialize(p) {
    const r = await initializeWith(p, {});
    // yaml-language-server pulls its settings when told they changed.
    p.notify('workspace/didChangeConfiguration', { settings: null });
    if (!(await configurationPulled(p, 1, 5000))) throw new Error('yaml-language-server never asked for its settings');
    await sleep(100);
    return r;
  },
};

export const SERVERS: Record<'winnet' | 'yls', ServerSpec> = { winnet, yls };
