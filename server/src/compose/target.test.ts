/**
 * Does a compose file target Windows? Only with evidence (shared/windows-networking.md §7 "Targets Windows"):
 * a Windows image, `platform: windows/...`, an `isolation` key, a Windows-only driver, a windowsshim option, a
 * placement on Windows nodes. Each piece of evidence says why and where; no evidence means Linux; a setting wins.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { checkDocument } from '../engine/check';
import { buildComposeModel } from './model';
import { collectEvidence, decideTarget, isWindowsImage, type TargetSetting } from './target';

function evidence(text: string, setting: TargetSetting = 'auto') {
  const doc = parseDocument('compose.yaml', text);
  assert.deepEqual(doc.errors, []);
  const model = buildComposeModel(doc.root);
  const info = decideTarget(model, setting);
  const found = collectEvidence(model).map((e) => [e.reason, text.slice(e.span.start, e.span.end)]);
  assert.deepEqual(info.evidence, collectEvidence(model)[0], 'the target cites the first piece of evidence');
  return { ...info, found };
}

describe('Windows evidence', () => {
  const cases: { name: string; text: string; found: [reason: string | RegExp, spanText: string][] }[] = [
    { name: 'a Windows base image', text: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n', found: [[/service `web` uses the Windows image `mcr.microsoft.com\/windows\/servercore:ltsc2022`/, 'mcr.microsoft.com/windows/servercore:ltsc2022']] },
    { name: '`platform: windows/amd64` (any case)', text: 'services:\n  web:\n    image: myapp\n    platform: Windows/amd64\n', found: [['service `web` sets `platform: Windows/amd64`', 'Windows/amd64']] },
    { name: 'an `isolation` key', text: 'services:\n  web:\n    image: myapp\n    isolation: process\n', found: [['service `web` sets `isolation`, a Windows container option', 'process']] },
    { name: 'a swarm placement on Windows nodes', text: 'services:\n  web:\n    image: myapp\n    deploy:\n      placement:\n        constraints: ["node.platform.os==windows"]\n', found: [['service `web` is placed on Windows nodes', '"node.platform.os==windows"']] },
    { name: 'a Windows-only driver', text: 'networks:\n  lan:\n    driver: transparent\n', found: [['network `lan` uses the Windows driver `transparent`', 'transparent']] },
    { name: 'a windowsshim network option', text: 'networks:\n  app:\n    driver_opts:\n      com.docker.network.windowsshim.networkname: x\n', found: [['network `app` sets the Windows option `com.docker.network.windowsshim.networkname`', 'com.docker.network.windowsshim.networkname']] },
    { name: 'a windowsshim endpoint option', text: 'services:\n  web:\n    image: myapp\n    networks:\n      app:\n        driver_opts:\n          com.docker.network.windowsshim.disable_dns: "true"\n', found: [['service `web` sets the Windows option `com.docker.network.windowsshim.disable_dns`', 'com.docker.network.windowsshim.disable_dns']] },
    {
      name: 'evidence through a merge-key anchor points at the anchor text',
      text: 'x-win: &win\n  platform: windows/amd64\n  isolation: hyperv\nservices:\n  web:\n    <<: *win\n    image: myapp\n',
      found: [['service `web` sets `platform: windows/amd64`', 'windows/amd64'], ['service `web` sets `isolation`, a Windows container option', 'hyperv']],
    },
    { name: 'every piece is kept, in order', text: 'services:\n  a:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    isolation: hyperv\nnetworks:\n  n:\n    driver: nat\n', found: [[/Windows image/, 'mcr.microsoft.com/windows/nanoserver:ltsc2022'], [/isolation/, 'hyperv'], [/Windows driver `nat`/, 'nat']] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = evidence(c.text);
      assert.equal(result.target, 'windows');
      assert.equal(result.forced, false);
      assert.equal(result.found.length, c.found.length);
      c.found.forEach(([reason, span], i) => {
        if (typeof reason === 'string') assert.equal(result.found[i][0], reason);
        else assert.match(result.found[i][0], reason);
        assert.equal(result.found[i][1], span);
      });
    });
  }

  it('no evidence: Linux', () => {
    const linux = [
      'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n',
      'services:\n  web:\n    image: mcr.microsoft.com/dotnet/aspnet:8.0\n    platform: linux/amd64\n',
      'services:\n  db:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n    isolation:\n',
      'networks:\n  a:\n    driver: bridge\n  b:\n    driver: overlay\n  c:\n    driver: macvlan\n    driver_opts:\n      parent: eth0\n',
      'services:\n  web:\n    image: app\n    deploy:\n      placement:\n        constraints: [node.platform.os == linux]\n',
      'services: {}\n',
    ];
    for (const text of linux) {
      const result = evidence(text);
      assert.deepEqual([result.target, result.forced, result.found], ['linux', false, []], text);
    }
  });

  it('a setting forces the target and keeps the evidence', () => {
    const win = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n';
    assert.deepEqual([evidence(win, 'linux').target, evidence(win, 'linux').forced, evidence(win, 'linux').found.length], ['linux', true, 1]);
    const lin = 'services:\n  web:\n    image: nginx\n';
    assert.deepEqual([evidence(lin, 'windows').target, evidence(lin, 'windows').forced, evidence(lin, 'windows').found], ['windows', true, []]);
  });

  it('Windows findings carry the first evidence as related information ("checks this file as Windows")', () => {
    const text = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    network_mode: host\n';
    const doc = parseDocument('compose.yaml', text);
    const [finding] = checkDocument(doc).findings;
    assert.deepEqual(
      finding.related.map((r) => [r.message, r.range && `${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character}`]),
      [['winnet checks this file as Windows: service `web` uses the Windows image `mcr.microsoft.com/windows/nanoserver:ltsc2022`', '2:11-2:56']],
    );
    assert.deepEqual(checkDocument(doc, { target: 'windows' }).findings[0].related, [], 'no note when a setting chose the target');
  });
});

describe('Windows images', () => {
  const windows = [
    'mcr.microsoft.com/windows/servercore:ltsc2022',
    'mcr.microsoft.com/windows/nanoserver:ltsc2025',
    'mcr.microsoft.com/windows:ltsc2019',
    'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
    'mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022',
    'mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022',
    'mcr.microsoft.com/mssql/server:2022-latest-windows-ltsc2022',
    'mcr.microsoft.com/powershell:lts-nanoserver-1809',
    'golang:1.23-windowsservercore-ltsc2022',
    'python:3.12-windowsservercore',
    'myregistry.example:5000/team/app:1.0-ltsc2019',
    'MCR.Microsoft.com/Windows/ServerCore:LTSC2022',
    'example.azurecr.io/agent:windows1809-amd64',
    'acme/tools:1.0-windows2022',
    'acme/tools:windowsltsc2022',
    'acme/tools:windows20h2',
  ];
  const linux = [
    'nginx:1.27',
    'mcr.microsoft.com/dotnet/aspnet:8.0',
    'mcr.microsoft.com/mssql/server:2022-latest',
    'mcr.microsoft.com/azure-cli',
    'ghcr.io/acme/windows-tools-builder:1.0',
    'localhost:5000/app:latest',
    'prom/prometheus',
    'acme/windowsupdate-exporter:1.0',
    'acme/app:windowsx',
  ];
  for (const image of windows) it(`${image} is Windows`, () => assert.equal(isWindowsImage(image), true));
  for (const image of linux) it(`${image} is not`, () => assert.equal(isWindowsImage(image), false));
});
