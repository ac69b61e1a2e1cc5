/// <reference types="mocha" />
/**
 * The memory winnet costs in a workspace that has nothing for it (a package.json and a Kubernetes manifest): the
 * resident memory of the extension host and of any winnet language server process, once the files are open and a
 * server that would start has loaded its engine. Writes `memory.json` beside the in-host results (the scenario
 * prints it) and then requires that no server runs. Run with `--vsix` on an older package to compare.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { openFixture, rssOf, sleep, waitUntil, winnetServerPids } from '../host/helpers';

/** How long a server that starts takes to load its engine and check what is open, with room to spare. */
const SETTLE_MS = 8_000;

describe('winnet in a workspace with no compose, HNS or CNI file', function () {
  this.timeout(90_000);

  it('starts no language server', async () => {
    // Activation comes as it would for a user: opening a YAML file (`onLanguage:yaml`).
    for (const file of ['package.json', 'k8s/deployment.yaml']) await openFixture(file);
    const extension = await waitUntil('winnet to activate', () => {
      const e = vscode.extensions.getExtension('winnet.winnet');
      return e?.isActive ? e : undefined;
    });
    await sleep(SETTLE_MS);
    const servers = winnetServerPids().map((pid) => ({ pid, rss: rssOf(pid) ?? 0 }));
    const extensionHost = rssOf(process.pid) ?? process.memoryUsage().rss;
    const report = {
      version: (extension.packageJSON as { version: string }).version,
      extensionHostRss: extensionHost,
      serverRss: servers.reduce((sum, s) => sum + s.rss, 0),
      servers,
      total: extensionHost + servers.reduce((sum, s) => sum + s.rss, 0),
      at: new Date().toISOString(),
    };
    const job = process.env.WINNET_E2E_JOB;
    if (job) {
      const results = (JSON.parse(readFileSync(job, 'utf8')) as { results: string }).results;
      writeFileSync(join(dirname(results), 'memory.json'), `${JSON.stringify(report, null, 2)}\n`);
    }
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(`      extension host ${mb(report.extensionHostRss)}, winnet servers ${servers.length} (${mb(report.serverRss)}), total ${mb(report.total)}`);
    assert.deepEqual(servers, [], 'no winnet language server process');
  });
});
