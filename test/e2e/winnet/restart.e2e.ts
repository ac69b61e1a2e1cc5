/// <reference types="mocha" />
/**
 * A crashed language server is replaced: the suite kills winnet's server process (SIGKILL, as a crash would end
 * it), and the client, which VS Code's language client library gives a restart policy, starts a new one and
 * sends it the open documents again: the document opened before the crash is known to the new server (its
 * quick fix comes back) and a document opened after it gets diagnostics.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, quickFixes, sleep, waitForDiagnostics, waitUntil, winnetServerPids } from '../host/helpers';

const COMPOSE = [
  'services:',
  '  web:',
  '    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
  '    ports:',
  '      - "127.0.0.1:8080:80"',
  '',
].join('\n');

const hasHostIpFinding = (ds: readonly vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'port-host-ip');

describe('winnet after its language server crashes', function () {
  this.timeout(60_000);
  before(() => activateExtension('winnet.winnet'));

  it('starts a new server that has the open documents and checks new ones', async () => {
    // Opened, not shown: the language client syncs every open document, and no editor tab is left behind for
    // the workbench tests that follow this suite.
    const before = await vscode.workspace.openTextDocument({ language: 'yaml', content: COMPOSE });
    await waitForDiagnostics(before.uri, hasHostIpFinding);

    const [crashed] = await waitUntil('the winnet server process', () => {
      const pids = winnetServerPids();
      return pids.length === 1 ? pids : undefined;
    });
    process.kill(crashed, 'SIGKILL');

    const replacement = await waitUntil('a new winnet server process', () => winnetServerPids().find((pid) => pid !== crashed));
    assert.notEqual(replacement, crashed);

    // The document opened before the crash was sent to the new server: it answers for it.
    const finding = (await waitForDiagnostics(before.uri, hasHostIpFinding)).find((d) => codeOf(d) === 'port-host-ip')!;
    let titles: string[] = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(200)) {
      titles = (await quickFixes(before.uri, finding.range)).map((f) => f.title);
      if (titles.some((t) => t.startsWith('Drop the host IP'))) break;
    }
    assert.ok(
      titles.some((t) => t.startsWith('Drop the host IP')),
      `quick fixes after the restart: ${JSON.stringify(titles)}`,
    );

    // A document opened after the crash is checked by the new server.
    const after = await vscode.workspace.openTextDocument({ language: 'yaml', content: COMPOSE.replace('127.0.0.1', '127.0.0.2') });
    const diagnostics = await waitForDiagnostics(after.uri, hasHostIpFinding);
    assert.equal(after.getText(diagnostics.find((d) => codeOf(d) === 'port-host-ip')!.range), '127.0.0.2');
  });
});
