/**
 * What winnet's VS Code client shows besides findings, over stdio: the `winnet/documentStatus` request (the language
 * status item: kind, target and Windows version of the last check and why, the files of its set), document links to
 * the packaged docs pages, and settings that differ between the folders of a multi-root workspace.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver-protocol';
import type { DocumentStatus } from '../../server/src/service/document-status';
import { LspClient, REPO } from '../support/lsp-client';

const IIS_2019 = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019';
const WINDOWS = `services:\n  web:\n    image: ${IIS_2019}\n    ports:\n      - "127.0.0.1:80:80"\n`;
const LINUX = 'services:\n  web:\n    image: app\n    ports:\n      - "127.0.0.1:80:80"\n';

function folder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `winnet-${prefix}-`));
}

describe('winnet/documentStatus over stdio', () => {
  const client = new LspClient();
  const root = folder('status');
  const uriOf = (name: string) => pathToFileURL(join(root, name)).href;
  const status = (uri: unknown) => client.request<DocumentStatus | null>('winnet/documentStatus', { uri });
  before(() => client.initialize({ rootUri: pathToFileURL(root).href }));
  after(() => client.shutdown());

  it('says what a Windows compose file was checked as, and why', async () => {
    const uri = uriOf('compose.yaml');
    client.open(uri, WINDOWS);
    await client.diagnosticsFor(uri);
    assert.deepEqual(await status(uri), {
      kind: 'compose',
      target: 'windows',
      targetForced: false,
      targetReason: `service \`web\` uses the Windows image \`${IIS_2019}\``,
      windowsVersion: 'ltsc2019',
      release: 'Windows Server 2019 (1809) (build 17763)',
      versionOrigin: 'image',
      versionReason: `service \`web\` runs \`${IIS_2019}\` process-isolated (the Windows Server default)`,
    });
  });

  it('follows the settings', async () => {
    const uri = uriOf('linux/compose.yaml');
    client.open(uri, LINUX);
    await client.diagnosticsFor(uri);
    assert.equal((await status(uri))?.target, 'linux');
    await client.configure({ target: 'windows', windowsVersion: 'ltsc2022' });
    await client.diagnosticsFor(uri, (d) => d.diagnostics.some((x) => x.code === 'port-host-ip'));
    const after = await status(uri);
    assert.deepEqual(
      [after?.target, after?.targetReason, after?.windowsVersion, after?.versionReason],
      ['windows', '`winnet.target` is `windows`', 'ltsc2022', '`winnet.windowsVersion` is `ltsc2022`'],
    );
    await client.configure({});
  });

  it('lists the files of a compose file set, to every open member', async () => {
    const dir = join(root, 'set');
    mkdirSync(dir);
    writeFileSync(join(dir, 'compose.yaml'), WINDOWS);
    writeFileSync(join(dir, 'compose.override.yaml'), 'services:\n  web:\n    dns_opt: [a]\n');
    const base = pathToFileURL(join(dir, 'compose.yaml')).href;
    const override = pathToFileURL(join(dir, 'compose.override.yaml')).href;
    client.open(base, WINDOWS);
    client.open(override, 'services:\n  web:\n    dns_opt: [a]\n');
    await client.diagnosticsFor(override, (d) => d.diagnostics.some((x) => x.code === 'dns-opt'));
    for (const uri of [base, override]) {
      const s = await status(uri);
      assert.deepEqual(s?.setFiles, [base, override], uri);
      assert.equal(s?.target, 'windows');
    }
  });

  it('an HNS document: a version and no target; a file that is not ours: its kind alone', async () => {
    const hns = uriOf('network.json');
    client.open(hns, '{"Name": "nat", "Type": "NAT", "Subnets": [{"AddressPrefix": "172.20.0.0/16"}]}', 'json');
    const other = uriOf('deployment.yaml');
    client.open(other, 'apiVersion: apps/v1\nkind: Deployment\n');
    await client.diagnosticsFor(hns);
    await client.diagnosticsFor(other);
    const h = await status(hns);
    assert.deepEqual([h?.kind, h?.target, h?.windowsVersion, h?.versionOrigin], ['hns-v1', undefined, 'ltsc2025', 'default']);
    assert.deepEqual(await status(other), { kind: 'none' });
  });

  it('null for a document the server does not have, and for a malformed request', async () => {
    assert.equal(await status(uriOf('never-opened.yaml')), null);
    assert.equal(await status(42), null);
    assert.equal(await client.request('winnet/documentStatus', null), null);
    const closed = uriOf('closed/compose.yaml');
    client.open(closed, WINDOWS);
    await client.diagnosticsFor(closed);
    client.close(closed);
    assert.equal(await status(closed), null);
  });
});

describe('document links to the packaged docs', () => {
  const text = [
    '# winnet-disable-file dns-opt -- reviewed',
    'services:',
    '  web:',
    `    image: ${IIS_2019}`,
    'networks:',
    '  lan:',
    '    driver: transparent',
    '    driver_opts:',
    '      com.docker.network.windowsshim.vlanid: "11"',
    '',
  ].join('\n');

  async function linksFrom(initializationOptions: unknown): Promise<DocumentLink[]> {
    const client = new LspClient();
    try {
      const { capabilities } = await client.initialize({ initializationOptions });
      assert.deepEqual(capabilities.documentLinkProvider, { resolveProvider: false });
      const uri = pathToFileURL(join(folder('links'), 'compose.yaml')).href;
      client.open(uri, text);
      await client.diagnosticsFor(uri);
      return await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    } finally {
      await client.shutdown();
    }
  }

  const summary = (links: DocumentLink[]) =>
    links.map((l) => {
      const line = text.split('\n')[l.range.start.line];
      return `${line.slice(l.range.start.character, l.range.end.character)} → ${l.target?.slice(pathToFileURL(join(REPO, 'docs')).href.length)}`;
    });

  it('opens each page at its line for a client that asks for line fragments (winnet for VS Code)', async () => {
    const links = await linksFrom({ linkLineFragments: true });
    const seen = summary(links);
    assert.equal(seen.length, 3, JSON.stringify(seen));
    assert.equal(seen[0], 'dns-opt → /rules/dns-opt.md');
    assert.match(seen[1], /^transparent → \/drivers\.md#L\d+$/);
    assert.match(seen[2], /^com\.docker\.network\.windowsshim\.vlanid → \/knowledge\/driver-options\.md#L\d+$/);
    for (const link of links) assert.ok(existsSync(fileURLToPath(link.target!.replace(/#.*/, ''))), link.target);
    assert.match(links[0].tooltip ?? '', /^Rule `dns-opt`: /);
  });

  it('gives plain file URLs to other clients', async () => {
    assert.deepEqual(summary(await linksFrom(undefined)), [
      'dns-opt → /rules/dns-opt.md',
      'transparent → /drivers.md',
      'com.docker.network.windowsshim.vlanid → /knowledge/driver-options.md',
    ]);
  });
});

describe('settings per workspace folder', () => {
  const root = folder('folders');
  const windowsFolder = join(root, 'apps');
  const plainFolder = join(root, 'tools');
  mkdirSync(windowsFolder);
  mkdirSync(plainFolder);
  const client = new LspClient();
  const asked: (string | undefined)[] = [];
  before(async () => {
    // Each folder answers for itself, as VS Code does with `scopeUri`: `apps` is set to Windows in its folder settings.
    client.connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) =>
      params.items.map((item) => {
        asked.push(item.scopeUri);
        return item.scopeUri === pathToFileURL(windowsFolder).href ? { target: 'windows' } : {};
      }),
    );
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [windowsFolder, plainFolder].map((f) => ({ uri: pathToFileURL(f).href, name: f })),
      capabilities: { workspace: { configuration: true, workspaceFolders: true } },
    });
    await client.connection.sendNotification('initialized', {});
  });
  after(() => client.shutdown());

  it("asks for each folder's settings, and checks each document with its folder's", async () => {
    const inWindows = pathToFileURL(join(windowsFolder, 'compose.yaml')).href;
    const inPlain = pathToFileURL(join(plainFolder, 'compose.yaml')).href;
    client.open(inWindows, LINUX);
    client.open(inPlain, LINUX);
    const windowsFindings = await client.diagnosticsFor(inWindows, (d) => d.diagnostics.some((x) => x.code === 'port-host-ip'));
    assert.ok(windowsFindings.length > 0);
    assert.deepEqual(await client.diagnosticsFor(inPlain), []);
    assert.deepEqual(asked.slice(0, 3), [undefined, pathToFileURL(windowsFolder).href, pathToFileURL(plainFolder).href]);
    const status = await client.request<DocumentStatus>('winnet/documentStatus', { uri: inWindows });
    assert.equal(status.targetReason, '`winnet.target` is `windows`');
  });
});
