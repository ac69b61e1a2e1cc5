/**
 * What activating the VS Code extension costs the extension host, measured without VS Code: dist/client.js is
 * loaded in a child Node process with a stand-in `vscode` module (a recursive Proxy that answers every API call
 * with a no-op disposable), and `activate()` is timed. VS Code does not wait for an extension's activation to show
 * a file; what the host feels is the module load plus the synchronous part of activate() (until its first await).
 * The rest (starting the server process, initialize) is asynchronous and runs in another process.
 *
 * The stand-in cannot carry the language client all the way (it has no real workspace), so only the module load
 * and the synchronous part are trusted; whether activate() then resolved is reported as a note.
 */
import { spawn } from 'node:child_process';
import { REPO } from './servers';

export interface ActivationResult {
  requireMs: number;
  /** Synchronous part of activate(): until it returned its promise. */
  activateMs: number;
  /** Time until activate()'s promise settled, if it did within the timeout (stand-in environment). */
  settledMs?: number;
  /** Not decidable without VS Code: the editor does not wait for activation; the numbers say what the host pays. */
  met: boolean | undefined;
  note: string;
}

const CHILD = String.raw`
const Module = require('node:module');
const { performance } = require('node:perf_hooks');
const path = require('node:path');
const noop = () => undefined;
function stub(name) {
  const fn = function () { return stub(name + '()'); };
  return new Proxy(fn, {
    get(target, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'dispose') return noop;
      if (prop === 'length') return 0;
      return stub(name + '.' + String(prop));
    },
    construct() { return stub('new ' + name); },
    apply() { return stub(name + '()'); },
  });
}
// The real API's top-level names (from @types/vscode), so the bundle's namespace import sees them.
const dts = require('node:fs').readFileSync(path.join(process.argv[process.argv.length - 1], 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
const names = [...new Set([...dts.matchAll(/^\s+export (?:namespace|class|enum|const|let|function) (\w+)/gm)].map((m) => m[1]))];
const vscode = new Proxy({}, {
  get(target, prop) { return prop === 'then' ? undefined : prop === '__esModule' ? false : stub('vscode.' + String(prop)); },
  ownKeys() { return names; },
  getOwnPropertyDescriptor(target, prop) { return names.includes(prop) ? { configurable: true, enumerable: true, writable: false, value: stub('vscode.' + String(prop)) } : undefined; },
  has(target, prop) { return names.includes(prop); },
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest); };
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };
const root = process.argv[process.argv.length - 1];
const t0 = performance.now();
const ext = require(path.join(root, 'dist', 'client.js'));
const requireMs = performance.now() - t0;
const context = { subscriptions: [], asAbsolutePath: (p) => path.join(root, p), extensionPath: root, extensionUri: stub('uri'), globalState: stub('state'), workspaceState: stub('state'), environmentVariableCollection: stub('env'), logUri: stub('uri'), storageUri: undefined, globalStorageUri: stub('uri') };
const t1 = performance.now();
let settled;
let error;
const p = Promise.resolve().then(() => ext.activate(context));
const activateMs = performance.now() - t1;
p.then(() => { settled = performance.now() - t1; }, (e) => { settled = performance.now() - t1; error = String(e && e.message || e).slice(0, 200); });
setTimeout(() => {
  process.stdout.write(JSON.stringify({ requireMs, activateMs, settled, error }) + '\n');
  process.exit(0);
}, 3000);
`;

export function measureActivation(): Promise<ActivationResult> {
  return new Promise((resolve, reject) => {
    // activate() is called synchronously inside the child's timing window via ext.activate below.
    const script = CHILD.replace(
      'const p = Promise.resolve().then(() => ext.activate(context));',
      'let p; try { p = Promise.resolve(ext.activate(context)); } catch (e) { p = Promise.reject(e); }',
    );
    const child = spawn(process.execPath, ['-e', script, REPO], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', () => {
      try {
        const r = JSON.parse(out) as { requireMs: number; activateMs: number; settled?: number; error?: string };
        const met = undefined;
        const note =
          r.settled === undefined
            ? 'activate() then waits for the language client (server start-up in its own process); the stand-in host never completes that handshake'
            : r.error
              ? `the stand-in host ended activate() with "${r.error}" after ${r.settled.toFixed(0)} ms (expected without VS Code)`
              : `activate() resolved after ${r.settled.toFixed(0)} ms`;
        resolve({
          requireMs: r.requireMs,
          activateMs: r.activateMs,
          settledMs: r.settled,
          met,
          note: `${note}; the extension host is busy ${(r.requireMs + r.activateMs).toFixed(0)} ms in total`,
        });
      } catch {
        reject(new Error(`activation child failed: ${err.slice(-500)}`));
      }
    });
  });
}
