/// <reference types="mocha" />
/**
 * winnet's language status item: for the active compose or HNS file, what the last check decided (Windows or Linux,
 * the Windows version) and why, from the server's `winnet/documentStatus`; it follows the settings.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, waitForLanguageStatus, winnet } from '../host/helpers';

describe('the language status item', function () {
  this.timeout(60_000);

  it('shows the target and Windows version of a compose file, and why', async () => {
    const api = await winnet();
    const document = await openFixture('compose.yaml');
    const status = await waitForLanguageStatus(api, document, (s) => s.text.startsWith('winnet: compose'));
    assert.equal(status.text, 'winnet: compose · Windows · ltsc2022');
    assert.match(status.detail, /^Windows: service web uses the Windows image mcr\.microsoft\.com\/windows\/servercore\/iis:windowsservercore-ltsc2022\. /);
    assert.match(status.detail, /Windows Server 2022 \(build 20348\) or newer: service web runs .* process-isolated/);
  });

  it('shows an HNS document with the version it is checked against', async () => {
    const api = await winnet();
    const document = await openFixture('network.hns.json');
    const status = await waitForLanguageStatus(api, document, (s) => s.text.startsWith('winnet: HNS'));
    assert.equal(status.text, 'winnet: HNS v1 · ltsc2025');
  });

  it('follows winnet.windowsVersion set for the folder', async () => {
    const api = await winnet();
    const document = await openFixture('compose.yaml');
    const folder = vscode.workspace.getWorkspaceFolder(document.uri)!;
    const config = vscode.workspace.getConfiguration('winnet', folder.uri);
    await config.update('windowsVersion', 'ltsc2019', vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      const status = await waitForLanguageStatus(api, document, (s) => s.text.endsWith('ltsc2019'));
      assert.equal(status.text, 'winnet: compose · Windows · ltsc2019');
      assert.match(status.detail, /winnet\.windowsVersion is ltsc2019/);
    } finally {
      await config.update('windowsVersion', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await waitForLanguageStatus(api, document, (s) => s.text.endsWith('ltsc2022'));
  });
});
