/**
 * Helpers for in-host mocha tests (they run inside the extension host, against the real `vscode` API).
 * Import them from a suite file: `import { openFixture, waitForDiagnostics } from '../host/helpers';`.
 */
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
