import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover, Location } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lsp-client';

// A base file with a Windows image and a nat network, an override that turns on IPv6 (an error only in the
// merged model: the override alone has no Windows evidence), and a template the base extends.
const BASE =
  'services:\n  web:\n    extends:\n      file: shared/templates.yml\n      service: iis\n    networks:\n      - app\nnetworks:\n  app:\n    driver: nat\n';
const OVERRIDE = 'networks:\n  app:\n    enable_ipv6: true\n';
const TEMPLATES = 'services:\n  iis:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    dns_opt: [ndots:2]\n';

/** The base and its template on disk (and the override, when `withOverride`), in a fresh folder, with their URIs. */
function project(prefix: string, withOverride: boolean) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'shared'));
  writeFileSync(join(dir, 'docker-compose.yml'), BASE);
  if (withOverride) writeFileSync(join(dir, 'docker-compose.override.yml'), OVERRIDE);
  writeFileSync(join(dir, 'shared', 'templates.yml'), TEMPLATES);
  const uri = (...parts: string[]) => pathToFileURL(join(dir, ...parts)).href;
  return { dir, base: uri('docker-compose.yml'), override: uri('docker-compose.override.yml'), templates: uri('shared', 'templates.yml') };
}

describe('compose file sets in the language server', () => {
  const { base, override, templates } = project('winnet-sets-', true);
  const client = new LspClient();
  before(() => client.initialize());
  after(() => client.shutdown());

  it('opening the base file reports the override and the template findings in their own files', async () => {
    client.open(base, BASE);
    const inOverride = await client.diagnosticsFor(override, (d) => d.diagnostics.length > 0);
    assert.deepEqual(
      inOverride.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['enable-ipv6', 2, 4]],
    );
    const related = inOverride[0].relatedInformation ?? [];
    assert.ok(
      related.some((r) => r.location.uri === base && /network `app` is also defined in docker-compose\.yml/.test(r.message)),
      JSON.stringify(related),
    );
    const inTemplates = await client.diagnosticsFor(templates, (d) => d.diagnostics.length > 0);
    assert.deepEqual(
      inTemplates.map((d) => d.code),
      ['dns-opt'],
    );
  });

  it('an edit in the open override changes the diagnostics of the set', async () => {
    client.open(override, OVERRIDE);
    await client.diagnosticsFor(override, (d) => d.diagnostics.some((x) => x.code === 'enable-ipv6'));
    client.change(override, 2, [{ text: 'networks:\n  app:\n    enable_ipv6: false\n' }]);
    await client.diagnosticsFor(override, (d) => d.diagnostics.length === 0);
    client.change(override, 3, [{ text: 'networks:\n  app:\n    driver: bridge\n' }]);
    const ds = await client.diagnosticsFor(override, (d) => d.diagnostics.length > 0);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['linux-driver'],
    );
  });

  it('goes from an extends service to its definition in the other file', async () => {
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: base }, position: { line: 4, character: 17 } });
    assert.deepEqual(
      locations.map((l) => [l.uri, l.range.start.line, l.range.start.character]),
      [[templates, 1, 2]],
    );
  });

  it('goes from a network reference to the network definitions in every file of the set', async () => {
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: base }, position: { line: 6, character: 9 } });
    assert.deepEqual(
      locations.map((l) => [l.uri, l.range.start.line]).sort(),
      [
        [base, 8],
        [override, 1],
      ].sort(),
    );
  });

  it('hovers on a network reference with the merged network and where each part came from', async () => {
    client.change(override, 4, [{ text: 'networks:\n  app:\n    internal: true\n' }]);
    await client.diagnosticsFor(override, (d) => d.diagnostics.some((x) => x.code === 'internal-network'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: base }, position: { line: 6, character: 9 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /uses driver `nat`/);
    assert.match(value, /- `driver`: `nat` \(docker-compose\.yml:10\)/);
    assert.match(value, /- `internal`: `true` \(docker-compose\.override\.yml:3\)/);
  });
});

describe('set members changed on disk (workspace/didChangeWatchedFiles)', () => {
  const { dir, base, override, templates } = project('winnet-watched-', false);
  const client = new LspClient();
  before(() => client.initialize());
  after(() => client.shutdown());

  it("a template edited on disk, not open: the open base file is checked again and the template's findings follow", async () => {
    client.open(base, BASE);
    assert.deepEqual(
      (await client.diagnosticsFor(templates, (d) => d.diagnostics.length > 0)).map((d) => d.code),
      ['dns-opt'],
    );
    writeFileSync(join(dir, 'shared', 'templates.yml'), TEMPLATES.replace('    dns_opt: [ndots:2]\n', '    extra_hosts: ["db:10.0.0.5"]\n'));
    client.watchedFilesChanged([{ uri: templates, type: 2 }]);
    assert.deepEqual(
      (await client.diagnosticsFor(templates, (d) => d.diagnostics.some((x) => x.code === 'extra-hosts'))).map((d) => d.code),
      ['extra-hosts'],
    );
  });

  it('an override created on disk joins the set; deleted, its findings are cleared', async () => {
    writeFileSync(join(dir, 'docker-compose.override.yml'), OVERRIDE);
    client.watchedFilesChanged([{ uri: override, type: 1 }]);
    assert.deepEqual(
      (await client.diagnosticsFor(override, (d) => d.diagnostics.length > 0)).map((d) => d.code),
      ['enable-ipv6'],
    );
    rmSync(join(dir, 'docker-compose.override.yml'));
    client.watchedFilesChanged([{ uri: override, type: 3 }]);
    assert.deepEqual(await client.diagnosticsFor(override, (d) => d.diagnostics.length === 0), []);
  });

  it('with no include, extends or partner left, the base is checked alone and its former members are cleared', async () => {
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    network_mode: host\n');
    client.change(base, 2, [{ text: 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    network_mode: host\n' }]);
    assert.deepEqual(
      (await client.diagnosticsFor(base, (d) => d.diagnostics.some((x) => x.code === 'network-mode-host'))).map((d) => d.code),
      ['network-mode-host'],
    );
    assert.deepEqual(await client.diagnosticsFor(templates, (d) => d.diagnostics.length === 0), []);
  });
});
