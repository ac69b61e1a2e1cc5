/**
 * The soak run, shared by scripts/soak.ts (thousands of edits) and soak-sample.test.ts (a few hundred): one
 * language server, many open documents, rapid incremental edits (typing, deleting, pasting, whole-document
 * replacements), configuration changes, requests cancelled as soon as sent, documents closed and re-opened.
 * At the end every document's last published diagnostics must equal a fresh CLI run (`dist/cli.js check
 * --format json`, with the same settings as flags) on its final text; the server's resident memory is sampled
 * along the way.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exampleSamples } from './corpus';
import { ADVERSARIAL } from './adversarial-inputs';
import { composeDocument, hnsDocument, prng, type Rng } from './generators';
import { CLI_BUNDLE, delay, fileUri, LspClient, type ServerOptions } from '../../support/lsp-client';

export interface SoakOptions {
  documents: number;
  edits: number;
  seed: number;
  /** A configuration change every this many edits. */
  configEvery?: number;
  /** A request sent and cancelled (or answered) every this many edits. */
  requestEvery?: number;
  /** Edits sent before yielding to the event loop (bigger: more rapid). */
  burst?: number;
  server?: ServerOptions;
  /** Start the server with --expose-gc and support/heap-probe.cjs to sample its live heap after full GCs. */
  heapProbe?: boolean;
  /** Also keep one large document (this many services, ~75 bytes each) open and edited. */
  largeDocumentServices?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  documents: number;
  edits: number;
  configChanges: number;
  requests: { answered: number; cancelled: number; failed: number };
  reopened: number;
  publishes: number;
  elapsedMs: number;
  /** Server RSS samples in bytes, one per `sampleEvery` edits, after a warm-up. */
  rss: number[];
  /** Live heap after a full GC, sampled twice a second by the heap probe (empty without it). */
  heap: number[];
  mismatches: string[];
  /** Documents whose final diagnostics equal the CLI's, and how many findings those were. */
  matched: { documents: number; findings: number };
  /** Mismatches explained by a recorded bug (known-issues.ts), by issue id. */
  knownMismatches: Record<string, number>;
  serverErrors: string[];
  finalSettings: Record<string, unknown>;
}

interface OpenDoc {
  uri: string;
  name: string;
  languageId: string;
  doc: TextDocument;
  open: boolean;
}

const TOKENS = [
  'network_mode: bridge',
  'driver: transparent',
  'ports:\n  - "127.0.0.1:80:80"',
  '  ',
  '\n',
  '#',
  ':',
  '- ',
  '{',
  '}',
  '[',
  ']',
  '"',
  'nat',
  'l2bridge',
  'com.docker.network.windowsshim.vlanid: "x"',
  '&a ',
  '*a',
  '<<: *a',
  '\r\n',
  '"Type": "VLAN", ',
];

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

/** One incremental edit of `text`: [start, end) replaced by the new text. */
function randomEdit(text: string, rng: Rng): { start: number; end: number; text: string }[] {
  const at = Math.floor(rng() * (text.length + 1));
  const r = rng();
  if (r < 0.35) {
    // Typing: a few characters one edit each.
    const word = pick(rng, TOKENS);
    return [...word].map((ch, i) => ({ start: at + i, end: at + i, text: ch }));
  }
  if (r < 0.55) return [{ start: at, end: Math.min(text.length, at + 1 + Math.floor(rng() * 12)), text: '' }];
  if (r < 0.7) return [{ start: at, end: at, text: pick(rng, TOKENS) }];
  if (r < 0.85) {
    // Undo-like: delete what was just typed somewhere else, or duplicate a line.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at);
    const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd + 1);
    return [{ start: lineStart, end: lineStart, text: line }];
  }
  return [{ start: at, end: Math.min(text.length, at + Math.floor(rng() * 40)), text: pick(rng, TOKENS) }];
}

const RULE_IDS = ['links', 'port-host-ip', 'network-mode-bridge', 'extra-hosts', 'nat-network-per-project', 'windowsshim-invalid-value', 'syntax'];

function randomSettings(rng: Rng): Record<string, unknown> {
  const rules: Record<string, string> = {};
  for (const id of RULE_IDS) if (rng() < 0.2) rules[id] = pick(rng, ['off', 'error', 'warning', 'information', 'hint']);
  return {
    target: pick(rng, ['auto', 'auto', 'windows', 'linux']),
    windowsVersion: pick(rng, ['ltsc2016', 'ltsc2019', 'ltsc2022', 'ltsc2025']),
    rules,
    debounceMs: pick(rng, [0, 20, 50, 200]),
  };
}

function cliArgs(settings: Record<string, unknown>): string[] {
  const args = ['--target', String(settings.target ?? 'auto')];
  if (settings.windowsVersion) args.push('--windows-version', String(settings.windowsVersion));
  for (const [id, severity] of Object.entries((settings.rules as Record<string, string>) ?? {})) args.push('--rule', `${id}=${severity}`);
  return args;
}

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

interface CliFinding {
  rule: string;
  severity: string;
  message: string;
  range: Diagnostic['range'];
}

const key = (x: { code: string; severity: number; message: string; range: Diagnostic['range'] }) =>
  `${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${x.code} ${x.severity} ${x.message}`;

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const rng = prng(options.seed);
  const log = options.log ?? (() => undefined);
  const configEvery = options.configEvery ?? 250;
  const requestEvery = options.requestEvery ?? 7;
  const burst = options.burst ?? 25;
  const sampleEvery = Math.max(50, Math.floor(options.edits / 40));
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'winnet-soak-'));
  const serverOptions: ServerOptions = { ...options.server };
  if (options.heapProbe) serverOptions.nodeArgs = ['--expose-gc', '--require', join(__dirname, 'heap-probe.cjs'), ...(serverOptions.nodeArgs ?? [])];
  const server = new LspClient(serverOptions);
  const result: SoakResult = {
    documents: options.documents,
    edits: 0,
    configChanges: 0,
    requests: { answered: 0, cancelled: 0, failed: 0 },
    reopened: 0,
    publishes: 0,
    elapsedMs: 0,
    rss: [],
    heap: [],
    mismatches: [],
    matched: { documents: 0, findings: 0 },
    knownMismatches: {},
    serverErrors: [],
    finalSettings: {},
  };

  // Seeds: the examples, generated compose files and generated HNS JSON, each in its own folder (so no two
  // form a compose file set) under a folder that does not exist while the server runs.
  const examples = exampleSamples().filter((s) => /\.ya?ml$/.test(s.path));
  const generatedYaml = fc.sample(composeDocument, { seed: options.seed, numRuns: options.documents });
  const generatedJson = fc.sample(hnsDocument, { seed: options.seed + 1, numRuns: options.documents });
  const docs: OpenDoc[] = [];
  for (let i = 0; i < options.documents; i++) {
    const kind = i % 3;
    const text = kind === 0 ? examples[i % examples.length].text : kind === 1 ? generatedYaml[i].text : generatedJson[i].text;
    const name = kind === 2 ? `d${i}/network.json` : kind === 0 ? `d${i}/docker-compose.yml` : `d${i}/compose.yaml`;
    const languageId = kind === 2 ? 'json' : kind === 0 ? 'dockercompose' : 'yaml';
    docs.push({
      uri: fileUri(join(root, 'live', name)),
      name,
      languageId,
      doc: TextDocument.create(fileUri(join(root, 'live', name)), languageId, 1, text),
      open: true,
    });
  }
  if (options.largeDocumentServices) {
    const name = 'large/compose.yaml';
    docs.push({
      uri: fileUri(join(root, 'live', name)),
      name,
      languageId: 'yaml',
      doc: TextDocument.create(fileUri(join(root, 'live', name)), 'yaml', 1, ADVERSARIAL.manyServices(options.largeDocumentServices)),
      open: true,
    });
  }

  try {
    await server.initialize();
    let settings = randomSettings(rng);
    await server.configure(settings);
    result.configChanges++;
    for (const d of docs) server.open(d.uri, d.doc.getText(), d.languageId, d.doc.version);

    for (let i = 0; i < options.edits; i++) {
      const d = pick(rng, docs);
      if (!d.open) {
        d.open = true;
        server.open(d.uri, d.doc.getText(), d.languageId, d.doc.version);
        result.reopened++;
      }
      const text = d.doc.getText();
      let changes: { range?: Diagnostic['range']; text: string }[];
      if (!d.name.startsWith('large/') && (text.length > 30_000 || rng() < 0.02)) {
        // Paste a whole new document (full-text change).
        const fresh =
          d.languageId === 'json'
            ? fc.sample(hnsDocument, { seed: options.seed + i, numRuns: 1 })[0].text
            : fc.sample(composeDocument, { seed: options.seed + i, numRuns: 1 })[0].text;
        changes = [{ text: fresh }];
      } else {
        // Each typed character is its own change event, sent back to back, as an editor does while typing.
        // TextDocument.update changes a document in place: positions are computed on a scratch copy.
        changes = [];
        let current = TextDocument.create(d.uri, d.languageId, 0, text);
        for (const e of randomEdit(text, rng)) {
          const change = { range: { start: current.positionAt(e.start), end: current.positionAt(e.end) }, text: e.text };
          current = TextDocument.update(current, [change], current.version);
          changes.push(change);
        }
      }
      for (const change of changes) {
        d.doc = TextDocument.update(d.doc, [change], d.doc.version + 1);
        server.change(d.uri, d.doc.version, [change]);
      }
      result.edits++;

      if (i % requestEvery === 0) {
        const target = pick(
          rng,
          docs.filter((x) => x.open),
        );
        const position = target.doc.positionAt(Math.floor(rng() * (target.doc.getText().length + 1)));
        const method = pick(rng, ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/definition']);
        const params =
          method === 'textDocument/codeAction'
            ? { textDocument: { uri: target.uri }, range: { start: position, end: position }, context: { diagnostics: [] } }
            : { textDocument: { uri: target.uri }, position };
        const outcome =
          rng() < 0.7
            ? server.requestCancelled(method, params)
            : server.request(method, params).then(
                () => 'answered' as const,
                () => 'failed' as const,
              );
        void outcome.then((o) => result.requests[o]++);
      }
      if (i > 0 && i % configEvery === 0) {
        settings = randomSettings(rng);
        await server.configure(settings);
        result.configChanges++;
      }
      if (rng() < 0.005) {
        const c = pick(rng, docs);
        if (c.open) {
          server.close(c.uri);
          c.open = false;
        }
      }
      if (i % burst === 0) await delay(1);
      if (i % sampleEvery === 0) {
        const rss = server.rss();
        if (rss !== undefined && i >= sampleEvery * 2) result.rss.push(rss);
        if (i % (sampleEvery * 10) === 0) log(`${i} edits, rss ${rss ? Math.round(rss / 1048576) : '?'} MB, ${server.publishCount} publishes`);
      }
    }

    // Half the documents end on a fresh valid document (a last paste), so the comparison with the CLI covers
    // rule findings and fixes, not only the syntax errors random typing leaves.
    for (const [n, d] of docs.entries()) {
      if (n % 2 === 1 || d.name.startsWith('large/')) continue;
      const fresh =
        d.languageId === 'json'
          ? fc.sample(hnsDocument, { seed: options.seed - n - 1, numRuns: 1 })[0].text
          : fc.sample(composeDocument, { seed: options.seed - n - 1, numRuns: 1 })[0].text;
      d.doc = TextDocument.update(d.doc, [{ text: fresh }], d.doc.version + 1);
      if (d.open) server.change(d.uri, d.doc.version, [{ text: fresh }]);
    }

    // Every document open at the end, then wait for each one's diagnostics of its final version.
    for (const d of docs) {
      if (!d.open) {
        server.open(d.uri, d.doc.getText(), d.languageId, d.doc.version);
        d.open = true;
        result.reopened++;
      }
    }
    result.finalSettings = settings;
    const published = new Map<string, Diagnostic[]>();
    for (const d of docs) published.set(d.uri, await server.diagnosticsFor(d.uri, (p) => p.version === d.doc.version, 60_000));
    const rss = server.rss();
    if (rss !== undefined) result.rss.push(rss);
    result.publishes = server.publishCount;
    result.heap = [...server.stderr.matchAll(/WINNET-HEAP (\d+)/g)].map((m) => Number(m[1]));
    result.serverErrors = server.logs.filter((l) => l.type === 1).map((l) => l.message);

    // A fresh CLI run over the final texts, with the same settings.
    const finalDir = join(root, 'final');
    for (const d of docs) {
      mkdirSync(join(finalDir, d.name, '..'), { recursive: true });
      writeFileSync(join(finalDir, d.name), d.doc.getText());
    }
    const run = spawnSync(process.execPath, [CLI_BUNDLE, 'check', ...docs.map((d) => d.name), '--format', 'json', ...cliArgs(settings)], {
      cwd: finalDir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`CLI failed (${run.status}): ${run.stderr}`);
    const report = JSON.parse(run.stdout) as { files: { path: string; findings: CliFinding[] }[] };
    const byPath = new Map(report.files.map((f) => [f.path.split('\\').join('/'), f.findings]));
    for (const d of docs) {
      const cliFindings = (byPath.get(d.name) ?? [])
        .map((f) => key({ code: f.rule, severity: SEVERITY[f.severity], message: f.message, range: f.range }))
        .sort();
      const serverFindings = (published.get(d.uri) ?? [])
        .map((x) => key({ code: String(x.code), severity: x.severity ?? 0, message: String(x.message), range: x.range }))
        .sort();
      if (JSON.stringify(cliFindings) === JSON.stringify(serverFindings)) {
        result.matched.documents++;
        result.matched.findings += serverFindings.length;
        continue;
      }
      result.mismatches.push(
        `${d.name} (version ${d.doc.version}):\n  server: ${serverFindings.join('\n          ')}\n  cli:    ${cliFindings.join('\n          ')}\n  text: ${JSON.stringify(readFileSync(join(finalDir, d.name), 'utf8')).slice(0, 800)}`,
      );
    }
  } finally {
    await server.shutdown();
    rmSync(root, { recursive: true, force: true });
    result.elapsedMs = Date.now() - started;
  }
  return result;
}
