/**
 * The LSP client every protocol test uses (test/lsp, test/reliability, the soak script): spawns a server process
 * (the bundle `node dist/server.js --stdio` by default, or the sources through tsx, with extra node flags such as
 * the no-network hook) and speaks JSON-RPC to it over stdio, answering `workspace/configuration` with settings
 * the test controls. It keeps the server's log messages, can cancel requests, measure the server's memory, and
 * kill the process to test crash recovery.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const REPO = join(__dirname, '..', '..');
export const SERVER_BUNDLE = join(REPO, 'dist', 'server.js');
export const CLI_BUNDLE = join(REPO, 'dist', 'cli.js');
export const NO_IO_HOOK = join(REPO, 'test', 'reliability', 'support', 'no-io-hook.cjs');

export interface ServerOptions {
  /** Node flags before the script (e.g. ['--require', NO_IO_HOOK]). */
  nodeArgs?: string[];
  /** The server script; default the bundle. */
  script?: string;
  env?: NodeJS.ProcessEnv;
}

export interface LogMessage {
  type: number;
  message: string;
}

export class LspClient {
  readonly process: ChildProcess;
  readonly connection: ProtocolConnection;
  settings: Record<string, unknown> = {};
  /** Who waits for the next configuration pull. */
  private readonly pullWaiters: (() => void)[] = [];
  readonly logs: LogMessage[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; test: (d: PublishDiagnosticsParams) => boolean; resolve: (d: PublishDiagnosticsParams) => void }[] = [];
  publishCount = 0;

  constructor(options: ServerOptions = {}) {
    this.process = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script ?? SERVER_BUNDLE, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      cwd: REPO,
    });
    this.exited = new Promise((resolve) => this.process.on('exit', (code, signal) => resolve({ code, signal })));
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    // A killed server closes its pipes; writes after that must not crash the test process.
    this.process.stdin!.on('error', () => undefined);
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publishCount++;
      this.latest.set(params.uri, params);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri === params.uri && w.test(params)) {
          w.resolve(params);
          return false;
        }
        return true;
      });
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      for (const wake of this.pullWaiters.splice(0)) wake();
      return params.items.map(() => this.settings);
    });
    this.connection.onNotification('window/logMessage', (params: LogMessage) => {
      this.logs.push(params);
    });
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  /** `rootUri` defaults to the repository; `initializationOptions` as winnet's VS Code client sends them. */
  async initialize(options: { rootUri?: string | null; initializationOptions?: unknown } = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.rootUri === undefined ? pathToFileURL(REPO).href : options.rootUri,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
      ...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions }),
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** What an editor's file watcher reports: 1 created, 2 changed, 3 deleted (LSP FileChangeType). */
  watchedFilesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): void {
    void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  /**
   * Changes the settings and waits until the server has pulled them: what it publishes after that was checked
   * with them (without the wait, a check already due could publish a document's last version with the old ones).
   */
  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    const pulled = new Promise<void>((resolve) => this.pullWaiters.push(resolve));
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await Promise.race([pulled, delay(5000)]);
  }

  latestFor(uri: string): PublishDiagnosticsParams | undefined {
    return this.latest.get(uri);
  }

  /** The next (or current) diagnostics for `uri` that satisfy `test`; rejects after `timeoutMs` (a hang guard, not a measurement). */
  diagnosticsFor(uri: string, test: (d: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 30000): Promise<Diagnostic[]> {
    const current = this.latest.get(uri);
    if (current && test(current)) return Promise.resolve(current.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching diagnostics for ${uri}; last version ${this.latest.get(uri)?.version}; stderr: ${this.stderr.slice(-2000)}`)),
        timeoutMs,
      );
      timer.unref();
      this.waiters.push({
        uri,
        test,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d.diagnostics);
        },
      });
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** Sends a request and cancels it at once (`$/cancelRequest`); resolves with its outcome either way. */
  async requestCancelled(method: string, params: unknown): Promise<'answered' | 'cancelled' | 'failed'> {
    const source = new CancellationTokenSource();
    const pending = this.connection.sendRequest(method, params, source.token);
    source.cancel();
    try {
      await pending;
      return 'answered';
    } catch (error) {
      return /cancel/i.test(String((error as Error).message)) ? 'cancelled' : 'failed';
    } finally {
      source.dispose();
    }
  }

  /** Resident memory of the server process in bytes (Linux /proc), or undefined elsewhere. */
  rss(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      return kb ? Number(kb[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** Ends the server abruptly, as a crash would. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    this.process.kill(signal);
    await this.exited;
    this.connection.dispose();
  }

  async shutdown(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), delay(5000)]);
        await this.connection.sendNotification('exit');
      } catch {
        // already gone
      }
    }
    this.connection.dispose();
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
    await Promise.race([this.exited, delay(5000)]);
  }
}

export const fileUri = (path: string) => pathToFileURL(path).href;

/** A delay that does not keep the test process alive. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
