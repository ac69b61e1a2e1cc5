/// <reference types="mocha" />
/**
 * winnet's in-host suite (runs inside code-server's extension host with winnet installed from winnet.vsix,
 * or in desktop VS Code via test:electron). Add files next to this one (`*.e2e.ts`) and list them in
 * scenarios/winnet.ts. Fixtures: test/e2e/winnet/fixtures, opened as the workspace folder.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, fixtureUri, openFixture, quickFixes, waitForDiagnostics } from '../host/helpers';

describe('winnet in the extension host', () => {
  before(() => activateExtension('winnet.winnet'));

  it('reports port-host-ip on the host IP of a Windows service', async () => {
    const document = await openFixture('compose.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'port-host-ip'));
    const finding = diagnostics.find((d) => codeOf(d) === 'port-host-ip')!;
    assert.equal(finding.source, 'winnet');
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(finding.range), '127.0.0.1');
  });

  it('offers the fix that drops the host IP', async () => {
    const uri = fixtureUri('compose.yaml');
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'port-host-ip'));
    const finding = diagnostics.find((d) => codeOf(d) === 'port-host-ip')!;
    const titles = (await quickFixes(uri, finding.range)).map((f) => f.title);
    assert.ok(
      titles.some((t) => t.startsWith('Drop the host IP')),
      `quick fixes: ${JSON.stringify(titles)}`,
    );
  });
});
