/// <reference types="mocha" />
/**
 * Document links to the docs pages the extension ships: a Windows driver, a windowsshim option and a rule id in a
 * suppression comment lead to files inside the installed extension, at the line of their section.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, openFixture, sleep } from '../host/helpers';

describe('document links to the packaged docs', function () {
  this.timeout(60_000);

  it('links the driver, the option and the rule id to pages inside the extension', async () => {
    const extension = await activateExtension('winnet.winnet');
    const document = await openFixture('links/networks.yaml');
    let links: vscode.DocumentLink[] = [];
    for (const deadline = Date.now() + 20_000; Date.now() < deadline && links.length < 3; await sleep(200))
      links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri)) ?? [];
    const seen = links.map((l) => `${document.getText(l.range)} → ${l.target?.path.slice(extension.extensionUri.path.length)}#${l.target?.fragment}`);
    assert.equal(seen.length, 3, JSON.stringify(seen));
    assert.equal(seen[0], 'nat-network-per-project → /docs/rules/nat-network-per-project.md#');
    assert.match(seen[1], /^transparent → \/docs\/drivers\.md#L\d+$/);
    assert.match(seen[2], /^com\.docker\.network\.windowsshim\.vlanid → \/docs\/knowledge\/driver-options\.md#L\d+$/);
    for (const link of links) assert.ok(existsSync(link.target!.fsPath), `${link.target} exists`);
  });

  it("opens the driver's section at its line, as a click on the link does", async () => {
    const document = await openFixture('links/networks.yaml');
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri)) ?? [];
    const driver = links.find((l) => document.getText(l.range) === 'transparent');
    assert.ok(driver?.target, 'a link on the driver');
    const line = Number(/^L(\d+)$/.exec(driver.target.fragment)?.[1]);
    await vscode.commands.executeCommand('vscode.open', driver.target);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, driver.target.fsPath);
    assert.equal(editor?.selection.active.line, line - 1);
    assert.match(editor?.document.lineAt(line - 1).text ?? '', /^### `transparent`/);
  });
});
