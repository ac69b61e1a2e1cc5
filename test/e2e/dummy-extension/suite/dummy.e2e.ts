/// <reference types="mocha" />
/**
 * The dummy extension's in-host suite: runs inside code-server's extension host (or desktop VS Code's, via
 * test:electron) with mocha's BDD globals and the real `vscode` API.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, fixtureUri, hoverText, openFixture, quickFixes, waitForDiagnostics } from '../../host/helpers';
import { BAD_KEY, DUMMY_CODE, DUMMY_SOURCE, FIX_TITLE, GOOD_KEY, HOVER_TEXT, MESSAGE } from '../src/logic';

const EXTENSION_ID = 'winnet-e2e.dummy';

describe('dummy extension in the extension host', () => {
  before(async () => {
    await activateExtension(EXTENSION_ID);
  });

  it('runs in a real VS Code extension host', () => {
    assert.ok(vscode.version.length > 0);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  it(`reports ${DUMMY_CODE} on the ${BAD_KEY} key of compose.yaml`, async () => {
    const document = await openFixture('compose.yaml');
    const [diagnostic] = await waitForDiagnostics(document.uri);
    assert.equal(diagnostic.message, MESSAGE);
    assert.equal(diagnostic.source, DUMMY_SOURCE);
    assert.equal(codeOf(diagnostic), DUMMY_CODE);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(diagnostic.range), BAD_KEY);
  });

  it(`reports ${DUMMY_CODE} in JSON too`, async () => {
    const document = await openFixture('network.hns.json');
    const diagnostics = await waitForDiagnostics(document.uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, document.getText(d.range), codeOf(d)]),
      [[3, BAD_KEY, DUMMY_CODE]],
    );
  });

  it('reports nothing on a clean file', async () => {
    const document = await openFixture('host/clean.yaml');
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri), []);
  });

  it('shows the hover on the key', async () => {
    const document = await openFixture('compose.yaml');
    const [diagnostic] = await waitForDiagnostics(document.uri);
    const text = await hoverText(document.uri, diagnostic.range.start.translate(0, 2));
    assert.ok(text.includes(HOVER_TEXT), `hover text was ${JSON.stringify(text)}`);
  });

  it('offers the quick fix, and applying it clears the finding', async () => {
    const uri = fixtureUri('host/fix-me.yaml');
    const document = await openFixture('host/fix-me.yaml');
    const [diagnostic] = await waitForDiagnostics(uri);
    const fixes = await quickFixes(uri, diagnostic.range);
    assert.deepEqual(
      fixes.map((f) => f.title),
      [FIX_TITLE],
    );
    assert.ok(fixes[0].edit, 'the quick fix has an edit');
    assert.equal(await vscode.workspace.applyEdit(fixes[0].edit), true);
    assert.equal(document.lineAt(1).text, `  ${GOOD_KEY}: 1`);
    await waitForDiagnostics(uri, (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
