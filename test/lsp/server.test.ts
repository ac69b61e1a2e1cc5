import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { goldenRules } from '../../server/src/testing/golden';
import { REPO, LspClient } from '../support/lsp-client';

const example = (path: string) => readFileSync(join(REPO, 'examples', path), 'utf8');
const uriOf = (name: string) => pathToFileURL(join(REPO, 'test-output', name)).href;
const at = (d: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code).sort();

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('x', 'yaml', 1, text), edits);
}

describe('winnet language server over stdio', () => {
  const client = new LspClient();
  let capabilities: Record<string, unknown>;
  before(async () => {
    capabilities = (await client.initialize()).capabilities;
  });
  after(() => client.shutdown());

  it('announces incremental sync, hover, completion and code actions', () => {
    assert.equal(capabilities.textDocumentSync, 2);
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.completionProvider);
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.winnet']);
  });

  it('publishes findings with source, rule code, docs link, tags and exact ranges', async () => {
    const uri = uriOf('iis/docker-compose.yml');
    client.open(uri, example('iis-sql/docker-compose.yml'));
    const ds = await client.diagnosticsFor(uri, (d) => d.diagnostics.length > 0);
    assert.deepEqual(codes(ds), goldenRules('iis-sql/docker-compose.yml').sort());
    const hostIp = ds.find((d) => d.code === 'port-host-ip')!;
    assert.equal(hostIp.source, 'winnet');
    assert.equal(hostIp.severity, 1);
    assert.equal(at(hostIp), '7:9-7:18');
    assert.match(hostIp.codeDescription!.href, /docs\/rules\/port-host-ip\.md$/);
    assert.deepEqual(ds.find((d) => d.code === 'dns-opt')!.tags, [1]); // Unnecessary
    assert.ok(ds.find((d) => d.code === 'links')!.tags?.includes(2)); // Deprecated
    const related = hostIp.relatedInformation ?? [];
    assert.ok(
      related.some((r) => /Windows image/.test(r.message)),
      'says why the file is Windows',
    );
  });

  it('re-checks after an incremental edit', async () => {
    const uri = uriOf('iis/docker-compose.yml');
    // Delete "127.0.0.1:" on line 8 (0-based 7), characters 9..19.
    client.change(uri, 2, [{ range: { start: { line: 7, character: 9 }, end: { line: 7, character: 19 } }, text: '' }]);
    const ds = await client.diagnosticsFor(uri, (d) => d.version === 2);
    assert.ok(!codes(ds).includes('port-host-ip'));
    assert.ok(codes(ds).includes('port-range'));
  });

  it('hovers on a driver with its Windows capabilities', async () => {
    const uri = uriOf('lan/docker-compose.yml');
    const text = example('transparent-lan/docker-compose.yml');
    client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.includes('driver: transparent'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 14 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*`transparent`\*\*: Windows network driver/);
    assert.match(value, /On Azure VMs \| ✘ no/);
    assert.equal(at(hover as Required<Hover>), `${line}:12-${line}:23`);
  });

  it('hovers on a windowsshim option with its value format', async () => {
    const uri = uriOf('lan/docker-compose.yml');
    const text = example('transparent-lan/docker-compose.yml');
    const line = text.split('\n').findIndex((l) => l.includes('windowsshim.vlanid'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } });
    assert.match((hover.contents as { value: string }).value, /VLAN ID[\s\S]*Value: decimal VLAN ID/);
  });

  it('completes Windows drivers after `driver:`', async () => {
    const uri = uriOf('new/compose.yaml');
    const text = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\nnetworks:\n  app:\n    driver: \n';
    client.open(uri, text);
    await client.diagnosticsFor(uri);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 12 } });
    const labels = items.map((i) => i.label);
    assert.deepEqual(labels.slice(0, 4), ['nat', 'transparent', 'l2bridge', 'overlay']);
    assert.ok(!labels.includes('bridge'));
  });

  it('offers quick fixes whose edits give the expected text, and disable comments', async () => {
    const uri = uriOf('nat/compose.yaml');
    const text = example('shared-nat/compose.yaml');
    client.open(uri, text);
    const ds = await client.diagnosticsFor(uri, (d) => d.diagnostics.length > 0);
    const bridge = ds.find((d) => d.code === 'network-mode-bridge')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: bridge.range,
      context: { diagnostics: [bridge], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, "Use the default Windows network 'nat'");
    const fixed = applyEdits(text, fix.edit!.changes![uri]);
    assert.ok(fixed.includes('network_mode: nat') && !fixed.includes('network_mode: bridge'));
    const disable = actions.find((a) => a.title === 'Disable network-mode-bridge for this line')!;
    assert.match(applyEdits(text, disable.edit!.changes![uri]), /\n {4}# winnet-disable-next-line network-mode-bridge\n {4}network_mode: bridge\n/);
  });

  it('fixes everything with the source action', async () => {
    const uri = uriOf('nat/compose.yaml');
    const text = example('shared-nat/compose.yaml');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    const fixed = applyEdits(text, actions[0].edit!.changes![uri]);
    assert.ok(fixed.includes('network_mode: nat'));
    assert.match(fixed, / {4}name: nat\n {4}external: true\n/);
  });

  it('re-validates open documents when settings change', async () => {
    const uri = uriOf('nat/compose.yaml');
    client.settings = { target: 'linux' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    // Only the compose deprecation (not a Windows rule) is left for a Linux target.
    await client.diagnosticsFor(uri, (d) => d.diagnostics.map((x) => x.code).join() === 'external-name-deprecated');
    client.settings = { rules: { 'network-mode-host': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const ds = await client.diagnosticsFor(uri, (d) => d.diagnostics.length > 1);
    assert.ok(!codes(ds).includes('network-mode-host'));
    assert.ok(codes(ds).includes('network-mode-bridge'));
    client.settings = {};
  });

  it('reports a syntax error in a malformed document and keeps answering', async () => {
    const uri = uriOf('broken/compose.yaml');
    client.open(uri, 'services:\n  web:\n    ports: [80\n    image: x\n');
    const ds = await client.diagnosticsFor(uri, (d) => d.diagnostics.length > 0);
    assert.deepEqual(codes(ds), ['syntax']);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.equal(hover, null);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 5 } });
    assert.ok(Array.isArray(items));
  });

  it('stays silent on YAML and JSON that are not ours', async () => {
    const uri = uriOf('other/settings.yaml');
    client.open(uri, 'name: app\nreplicas: 3\n');
    assert.deepEqual(await client.diagnosticsFor(uri), []);
    const json = uriOf('other/package.json');
    client.open(json, '{"name": "x", "version": "1.0.0"}', 'json');
    assert.deepEqual(await client.diagnosticsFor(json), []);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = uriOf('iis/docker-compose.yml');
    client.close(uri);
    await client.diagnosticsFor(uri, (d) => d.diagnostics.length === 0);
  });
});
