/// <reference types="mocha" />
/**
 * winnet's language server starts only when it has work: activating the extension, and opening YAML and JSON files
 * that are not compose, HNS or CNI files (a Kubernetes manifest, a package.json), start no server process; the first
 * compose file does. This suite runs first, before any other suite opens a compose file.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, sleep, waitForDiagnostics, waitForLanguageStatus, waitUntil, winnet, winnetServerPids } from '../host/helpers';

describe('winnet starts its language server on the first file that is ours', function () {
  this.timeout(60_000);

  it('starts no server for a Kubernetes manifest and a package.json', async () => {
    const api = await winnet();
    assert.equal(api.serverStarted(), false, 'activation alone starts no server');
    for (const file of ['k8s/deployment.yaml', 'package.json']) {
      const document = await openFixture(file);
      assert.ok(['yaml', 'json'].includes(document.languageId), `${file} is ${document.languageId}`);
    }
    // What a start would take: the client decides on open, the process appears within a second.
    await sleep(2_000);
    assert.deepEqual(winnetServerPids(), []);
    assert.equal(api.serverStarted(), false);
  });

  it('says on the language status item that the file is not checked', async () => {
    const api = await winnet();
    const document = await openFixture('k8s/deployment.yaml');
    const status = await waitForLanguageStatus(api, document, (s) => s.text !== '');
    assert.equal(status.text, 'winnet: not checked');
  });

  it('starts the server on the first compose file, which then gets its findings', async () => {
    const api = await winnet();
    const document = await openFixture('compose.yaml');
    await waitUntil('a winnet server process', () => (winnetServerPids().length === 1 ? true : undefined));
    assert.equal(api.serverStarted(), true);
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'port-host-ip'));
    assert.ok(diagnostics.length > 0);
    // The files opened before the start were sent to it too: the manifest is known, and not ours.
    const manifest = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(document.uri, '..', 'k8s', 'deployment.yaml'));
    const status = await waitUntil('the status of the manifest', async () => (await api.documentStatus(manifest.uri)) ?? undefined);
    assert.deepEqual(status, { kind: 'none' });
  });
});
