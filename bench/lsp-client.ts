/**
 * A small JSON-RPC/LSP client over stdio for the benchmark. Deliberately hand-written (no vscode-jsonrpc) so the
 * client's own overhead is a Buffer concat and a JSON.parse per message, the same for every server measured, and
 * every timestamp is taken at the moment a whole message has arrived.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string };
}

type RequestHandler = (params: any) => unknown;
type NotificationHandler = (params: any, at: number) => void;

export class LspProcess {
  readonly child: ChildProcess;
  /** performance.now() just before spawn(). */
  readonly spawnedAt: number;
  stderr = '';
  exited = false;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private nextId = 1;
  private pending = new Map<number, { resolve: (m: { result: any; at: number }) => void; reject: (e: Error) => void; method: string }>();
  private requestHandlers = new Map<string, RequestHandler>();
  private notificationHandlers = new Map<string, NotificationHandler[]>();
  /** Server→client requests seen, by method (to tell whether a server asked for its settings). */
  readonly requestsSeen = new Map<string, number>();

  constructor(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
    this.spawnedAt = performance.now();
    this.child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (d: Buffer) => this.onData(d));
    this.child.stderr!.on('data', (d: Buffer) => {
      if (this.stderr.length < 64 * 1024) this.stderr += d.toString();
    });
    this.child.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`server exited during ${p.method}; stderr: ${this.stderr.slice(-2000)}`));
      this.pending.clear();
    });
    this.child.stdin!.on('error', () => undefined);
  }

  get pid(): number {
    return this.child.pid!;
  }

  onRequest(method: string, handler: RequestHandler): void {
    this.requestHandlers.set(method, handler);
  }

  onNotification(method: string, handler: NotificationHandler): () => void {
    const list = this.notificationHandlers.get(method) ?? [];
    list.push(handler);
    this.notificationHandlers.set(method, list);
    return () => {
      const i = list.indexOf(handler);
      if (i !== -1) list.splice(i, 1);
    };
  }

  /** Sends a request; resolves with the result and the time the response arrived. */
  request(method: string, params: unknown): Promise<{ result: any; at: number }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(new Error(`server has exited; cannot send ${method}; stderr: ${this.stderr.slice(-2000)}`));
      this.pending.set(id, { resolve, reject, method });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** Sends a request and measures request→response in milliseconds. */
  async timed(method: string, params: unknown): Promise<{ result: any; ms: number }> {
    const t0 = performance.now();
    const { result, at } = await this.request(method, params);
    return { result, ms: at - t0 };
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Peak resident set size of the server process (Linux `VmHWM`), in bytes; undefined elsewhere. */
  peakRss(): number | undefined {
    return readStatusKb(this.pid, 'VmHWM');
  }

  rss(): number | undefined {
    return readStatusKb(this.pid, 'VmRSS');
  }

  async shutdown(timeoutMs = 5000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.request('shutdown', null), sleep(timeoutMs)]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    await Promise.race([exited, sleep(timeoutMs)]);
    if (!this.exited) {
      this.child.kill('SIGKILL');
      await Promise.race([exited, sleep(1000)]);
    }
  }

  private write(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin!.write(body);
  }

  private onData(data: Buffer): void {
    this.chunks.push(data);
    this.buffered += data.length;
    for (;;) {
      const buffer = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.buffered);
      this.chunks = [buffer];
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const header = buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length:\s*(\d+)/i.exec(header);
      if (!match) throw new Error(`bad LSP header: ${header}`);
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (buffer.length < start + length) return;
      const body = buffer.subarray(start, start + length).toString('utf8');
      const rest = buffer.subarray(start + length);
      this.chunks = rest.length ? [rest] : [];
      this.buffered = rest.length;
      const at = performance.now();
      this.dispatch(JSON.parse(body) as Message, at);
      if (!rest.length) return;
    }
  }

  private dispatch(message: Message, at: number): void {
    if (message.method !== undefined && message.id !== undefined) {
      this.requestsSeen.set(message.method, (this.requestsSeen.get(message.method) ?? 0) + 1);
      const handler = this.requestHandlers.get(message.method);
      Promise.resolve(handler ? handler(message.params) : null).then(
        (result) => this.write({ jsonrpc: '2.0', id: message.id, result: result ?? null }),
        (error) => this.write({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } }),
      );
      return;
    }
    if (message.method !== undefined) {
      for (const handler of [...(this.notificationHandlers.get(message.method) ?? [])]) handler(message.params, at);
      return;
    }
    const pending = this.pending.get(message.id as number);
    if (!pending) return;
    this.pending.delete(message.id as number);
    if (message.error) pending.reject(new Error(`${pending.method}: ${message.error.message}`));
    else pending.resolve({ result: message.result, at });
  }
}

function readStatusKb(pid: number, field: string): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
