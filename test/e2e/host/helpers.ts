/**
 * Helpers for in-host mocha tests (they run inside the extension host, against the real `vscode` API).
 * Import them from a suite file: `import { openFixture, waitForDiagnostics } from '../host/helpers';`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';

/** The opened workspace folder (the harness opens a fresh copy of the scenario's fixtures). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a workspace file in an editor and returns its document. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `test` holds for the document's diagnostics; throws with the last ones seen on timeout. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  test: (diagnostics: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = 20_000,
): Promise<readonly vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    if (test(diagnostics)) return diagnostics;
    if (Date.now() > deadline) {
      const seen = diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.source ?? ''}(${codeOf(d) ?? ''}) ${d.message}`);
      throw new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.fsPath}; last seen: ${JSON.stringify(seen)}`);
    }
    await sleep(100);
  }
}

/** A diagnostic's code as a string, whether it is a plain value or `{ value, target }`. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The text of every hover at a position, as the hover providers return it (markdown as written). */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))
    .join('\n');
}

/** The quick fixes offered for a range. */
export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return actions.filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);
}

/** Activates an extension by id and fails clearly if it is not installed. */
export async function activateExtension(id: string): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) {
    const installed = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    throw new Error(`extension ${id} is not installed; installed (non-builtin): ${installed.join(', ')}`);
  }
  await extension.activate();
  return extension;
}

/** Polls `probe` until it returns a value other than undefined; throws naming `what` on timeout. */
export async function waitUntil<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** Resident memory of a process in bytes (Linux /proc), or undefined when it is gone. */
export function rssOf(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * winnet's language server processes: children of this extension host started from winnet's dist/server.js
 * (Linux /proc).
 */
export function winnetServerPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // `pid (comm) state ppid ...`: the command name may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (/winnet[^ ]*[\\/]dist[\\/]server\.js/.test(cmdline)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** What winnet's `activate` returns (client/src/extension.ts `WinnetApi`), as the tests use it. */
export interface WinnetApi {
  serverStarted(): boolean;
  schemaValidation(): { value: 'on' | 'off'; reason: string };
  languageStatus(): { text: string; detail: string; busy: boolean; uri?: string };
  documentStatus(uri: vscode.Uri): Promise<Record<string, unknown> | null | undefined>;
}

/** Activates winnet and returns its API. */
export async function winnet(): Promise<WinnetApi> {
  const extension = await activateExtension('winnet.winnet');
  return extension.exports as WinnetApi;
}

/** Waits until winnet's language status item shows a text for `document` that satisfies `test`. */
export async function waitForLanguageStatus(
  api: WinnetApi,
  document: vscode.TextDocument,
  test: (status: { text: string; detail: string }) => boolean,
  timeoutMs = 20_000,
): Promise<{ text: string; detail: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = api.languageStatus();
    if (status.uri === document.uri.toString() && !status.busy && test(status)) return status;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for the language status of ${document.uri.fsPath}; last seen: ${JSON.stringify(status)}`);
    await sleep(100);
  }
}
