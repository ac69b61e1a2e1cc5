/**
 * One LSP measurement: start a server as its own process, initialize it, open one generated compose file, edit
 * it, hover, complete, read its peak RSS, shut it down. Every server gets the same document, the same edits and
 * the same positions.
 *
 * - spawn → initialize response: from just before spawn() to the arrival of the initialize result.
 * - didOpen → first diagnostics: from sending didOpen (the whole text) to the first publishDiagnostics for the URI.
 * - didChange → updated diagnostics: one incremental single-character change (a host-port digit of a different
 *   service each time), then the diagnostics for it: the ones with the new version when the server sends
 *   versions (winnet), otherwise the next publishDiagnostics for the URI (yaml-language-server sends no version;
 *   edits are strictly sequential, so the next publication is the one for this edit).
 * - hover / completion: request → response at fixed positions (a network driver value, a driver option key, a
 *   service's attachment, `ports`, `isolation`; completion after a driver value, an isolation value, at a driver
 *   option key and at a service key), on the settled document.
 * - peak RSS: VmHWM of the server process after all of the above.
 */
import { performance } from 'node:perf_hooks';
import type { GeneratedCompose } from './generate';
import { sleep } from './lsp-client';
import type { ServerSpec } from './servers';

export interface LspRunOptions {
  edits: number;
  hovers: number;
  completions: number;
  /** Stop sampling a phase after this long (at least `minSamples` are still taken). */
  phaseBudgetMs: number;
  minSamples: number;
  /** Per-wait timeout. */
  timeoutMs: number;
  nodeArgs?: string[];
  script?: string;
  /** false: winnet starts without its V8 code cache. */
  codeCache?: boolean;
}

export interface LspRunResult {
  server: string;
  services: number;
  initializeMs: number;
  openMs: number;
  openDiagnostics: number;
  /** True when the first diagnostics contain the deliberate finding this server must report. */
  validated: boolean;
  validationNote: string;
  /** Publications after the first one for the unchanged document (a server re-validating on its own). */
  extraOpenPublications: number;
  editMs: number[];
  hoverMs: number[];
  hoverNonEmpty: number;
  completionMs: number[];
  completionNonEmpty: number;
  peakRssBytes?: number;
  /**
   * VmHWM after the first diagnostics (index 0) and after each edit's diagnostics (index i + 1): the peak after the
   * same work, for comparing servers that got through different numbers of edits in a phase's time budget.
   */
  peakRssAfterEdits: (number | undefined)[];
  stderrTail: string;
}

export function positionAt(lineStarts: number[], offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - lineStarts[lo] };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** What each server must report on the generated file before its timings count. */
function validation(spec: ServerSpec, diagnostics: any[]): { ok: boolean; note: string } {
  if (spec.id !== 'yls') {
    const codes = new Set(diagnostics.map((d) => d.code));
    const ok = codes.has('port-host-ip') && codes.has('isolation-value');
    return { ok, note: `${diagnostics.length} findings (${codes.size} rules)` };
  }
  const schema = diagnostics.filter((d) => /Incorrect type/.test(d.message ?? ''));
  return { ok: schema.length > 0, note: `${diagnostics.length} diagnostics, ${schema.length} schema type error(s)` };
}

export async function runLsp(spec: ServerSpec, doc: GeneratedCompose, uri: string, services: number, o: LspRunOptions): Promise<LspRunResult> {
  const p = spec.start(o.nodeArgs ?? [], o.script, { codeCache: o.codeCache });
  try {
    const { initializeMs } = await spec.initialize(p);
    const lineStarts = lineStartsOf(doc.text);
    const textChars = doc.text.split('');

    // Diagnostics arrive as notifications; a waiter takes the first one that matches.
    let waiter: { test: (d: any) => boolean; resolve: (v: { d: any; at: number }) => void } | undefined;
    let publications = 0;
    p.onNotification('textDocument/publishDiagnostics', (d, at) => {
      if (d.uri !== uri) return;
      publications++;
      if (waiter?.test(d)) {
        const w = waiter;
        waiter = undefined;
        w.resolve({ d, at });
      }
    });
    const next = (test: (d: any) => boolean, what: string) =>
      new Promise<{ d: any; at: number }>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${spec.label}: no diagnostics for ${what} within ${o.timeoutMs} ms; stderr: ${p.stderr.slice(-1000)}`)),
          o.timeoutMs,
        );
        waiter = {
          test,
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v);
          },
        };
      });

    // didOpen
    const opened = next((d) => !spec.versionedDiagnostics || d.version === 1, 'didOpen');
    const t0 = performance.now();
    p.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: doc.text } });
    const first = await opened;
    const openMs = first.at - t0;
    const peakRssAfterEdits = [p.peakRss()];
    const check = validation(spec, first.d.diagnostics);
    // Let a server that validates twice on open do so now, not during the first edit.
    const before = publications;
    await sleep(spec.fixedDelayMs + 150);
    const extraOpenPublications = publications - before;

    // Edits: one digit of a different service's host port each time.
    const editMs: number[] = [];
    const phase = (count: number, i: number, started: number) => i < count && (i < o.minSamples || performance.now() - started < o.phaseBudgetMs);
    let version = 1;
    for (let i = 0, started = performance.now(); phase(o.edits, i, started); i++) {
      const service = (i * 7919 + 13) % doc.editDigits.length;
      const offset = doc.editDigits[service];
      const old = textChars[offset];
      const replacement = old === '9' ? '0' : String(Number(old) + 1);
      textChars[offset] = replacement;
      const start = positionAt(lineStarts, offset);
      version++;
      const v = version;
      const updated = next((d) => !spec.versionedDiagnostics || d.version === v, `edit ${i + 1}`);
      const e0 = performance.now();
      p.notify('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start, end: { line: start.line, character: start.character + 1 } }, text: replacement }],
      });
      const got = await updated;
      editMs.push(got.at - e0);
      peakRssAfterEdits.push(p.peakRss());
    }

    const hoverMs: number[] = [];
    let hoverNonEmpty = 0;
    for (let i = 0, started = performance.now(); doc.hovers.length && phase(o.hovers, i, started); i++) {
      const target = doc.hovers[i % doc.hovers.length];
      const r = await p.timed('textDocument/hover', { textDocument: { uri }, position: positionAt(lineStarts, target.offset) });
      hoverMs.push(r.ms);
      if (r.result) hoverNonEmpty++;
    }
    const completionMs: number[] = [];
    let completionNonEmpty = 0;
    for (let i = 0, started = performance.now(); doc.completions.length && phase(o.completions, i, started); i++) {
      const target = doc.completions[i % doc.completions.length];
      const r = await p.timed('textDocument/completion', { textDocument: { uri }, position: positionAt(lineStarts, target.offset) });
      completionMs.push(r.ms);
      const items = Array.isArray(r.result) ? r.result : r.result?.items;
      if (items?.length) completionNonEmpty++;
    }
    const peakRssBytes = p.peakRss();
    return {
      server: spec.id,
      services,
      initializeMs,
      openMs,
      openDiagnostics: first.d.diagnostics.length,
      validated: check.ok,
      validationNote: check.note,
      extraOpenPublications,
      editMs,
      hoverMs,
      hoverNonEmpty,
      completionMs,
      completionNonEmpty,
      peakRssBytes,
      peakRssAfterEdits,
      stderrTail: p.stderr.slice(-500),
    };
  } finally {
    await p.shutdown();
  }
}

/** Spawn → initialize response only (a fresh process each time), for the startup target. */
export async function measureStartup(spec: ServerSpec): Promise<number> {
  const p = spec.start();
  try {
    return (await spec.initialize(p)).initializeMs;
  } finally {
    await p.shutdown();
  }
}

/**
 * didOpen → the first diagnostics, whatever they are. Used for a file that is not ours (a large JSON document the
 * extension's `json` selector sends to winnet: empty diagnostics) and for the LSP floor server (bench/lsp-floor-server.ts).
 */
export async function measureForeignOpen(
  spec: Pick<ServerSpec, 'start' | 'initialize'>,
  text: string,
  uri: string,
  timeoutMs: number,
  languageId = 'json',
): Promise<{ ms: number; diagnostics: number }> {
  const p = spec.start();
  try {
    await spec.initialize(p);
    const got = new Promise<{ at: number; n: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no diagnostics for the foreign file')), timeoutMs);
      p.onNotification('textDocument/publishDiagnostics', (d, at) => {
        if (d.uri === uri) {
          clearTimeout(timer);
          resolve({ at, n: d.diagnostics.length });
        }
      });
    });
    const t0 = performance.now();
    p.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const r = await got;
    return { ms: r.at - t0, diagnostics: r.n };
  } finally {
    await p.shutdown();
  }
}
