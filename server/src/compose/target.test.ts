/**
 * Does a compose file target Windows? Only with evidence:
 * a Windows image, `platform: windows/...`, an `isolation` key, a Windows-only driver, a windowsshim option, a
 * placement on Windows nodes. Each piece of evidence says why and where; no evidence means Linux; a setting wins.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { checkDocument } from '../engine/check';
import { createLanguageService } from '../service/language-service';
import { isLinuxImage } from '../knowledge/images';
import { buildComposeModel } from './model';
import { collectEvidence, decideTarget, isWindowsImage, windowsServices, type TargetSetting } from './target';

function evidence(text: string, setting: TargetSetting = 'auto') {
  const doc = parseDocument('compose.yaml', text);
  assert.deepEqual(doc.errors, []);
  const model = buildComposeModel(doc.root);
  const info = decideTarget(model, setting);
  const found = collectEvidence(model).map((e) => [e.reason, text.slice(e.span.start, e.span.end)]);
  if (info.target === 'windows' && !info.forced)
    assert.deepEqual(info.evidence?.span, collectEvidence(model)[0]?.span, 'the target cites the first piece of evidence');
  return { ...info, found };
}

describe('Windows evidence', () => {
  const cases: { name: string; text: string; found: [reason: string | RegExp, spanText: string][] }[] = [
    {
      name: 'a Windows base image',
      text: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n',
      found: [[/service `web` uses the Windows image `mcr.microsoft.com\/windows\/servercore:ltsc2022`/, 'mcr.microsoft.com/windows/servercore:ltsc2022']],
    },
    {
      name: '`platform: windows/amd64` (any case)',
      text: 'services:\n  web:\n    image: myapp\n    platform: Windows/amd64\n',
      found: [['service `web` sets `platform: Windows/amd64`', 'Windows/amd64']],
    },
    {
      name: 'an `isolation` key',
      text: 'services:\n  web:\n    image: myapp\n    isolation: process\n',
      found: [['service `web` sets `isolation`, a Windows container option', 'process']],
    },
    {
      name: 'a swarm placement on Windows nodes',
      text: 'services:\n  web:\n    image: myapp\n    deploy:\n      placement:\n        constraints: ["node.platform.os==windows"]\n',
      found: [['service `web` is placed on Windows nodes', '"node.platform.os==windows"']],
    },
    {
      name: 'a Windows-only driver',
      text: 'networks:\n  lan:\n    driver: transparent\n',
      found: [['network `lan` uses the Windows driver `transparent`', 'transparent']],
    },
    {
      name: 'a Windows-only driver spelled in another case (Docker refuses the spelling, driver-name-case says so; the intent is Windows)',
      text: 'networks:\n  app:\n    driver: NAT\n',
      found: [['network `app` uses the Windows driver `NAT`', 'NAT']],
    },
    {
      name: 'a windowsshim network option',
      text: 'networks:\n  app:\n    driver_opts:\n      com.docker.network.windowsshim.networkname: x\n',
      found: [['network `app` sets the Windows option `com.docker.network.windowsshim.networkname`', 'com.docker.network.windowsshim.networkname']],
    },
    {
      name: 'a windowsshim endpoint option',
      text: 'services:\n  web:\n    image: myapp\n    networks:\n      app:\n        driver_opts:\n          com.docker.network.windowsshim.disable_dns: "true"\n',
      found: [['service `web` sets the Windows option `com.docker.network.windowsshim.disable_dns`', 'com.docker.network.windowsshim.disable_dns']],
    },
    {
      name: 'evidence through a merge-key anchor points at the anchor text',
      text: 'x-win: &win\n  platform: windows/amd64\n  isolation: hyperv\nservices:\n  web:\n    <<: *win\n    image: myapp\n',
      found: [
        ['service `web` sets `platform: windows/amd64`', 'windows/amd64'],
        ['service `web` sets `isolation`, a Windows container option', 'hyperv'],
      ],
    },
    {
      name: 'every piece is kept, in order',
      text: 'services:\n  a:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    isolation: hyperv\nnetworks:\n  n:\n    driver: nat\n',
      found: [
        [/Windows image/, 'mcr.microsoft.com/windows/nanoserver:ltsc2022'],
        [/isolation/, 'hyperv'],
        [/Windows driver `nat`/, 'nat'],
      ],
    },
    // What real Windows files carry (shared/corpus/real-world/compose-windows): the predefined nat network, named
    // pipes, Windows paths inside the container, gMSA, Windows shells, the images Microsoft published before MCR.
    {
      name: 'the predefined `nat` network, external by `name:`',
      text: 'services:\n  web:\n    image: app\nnetworks:\n  default:\n    external: true\n    name: nat\n',
      found: [["network `default` is the Windows host's predefined `nat` network", 'nat']],
    },
    {
      name: 'the predefined `nat` network, in the old `external: {name:}` form',
      text: 'networks:\n  app-net:\n    external:\n      name: "nat"\n',
      found: [["network `app-net` is the Windows host's predefined `nat` network", '"nat"']],
    },
    {
      name: 'an external network named like a Windows driver',
      text: 'networks:\n  default:\n    external:\n      name: transparent\n',
      found: [['network `default` is the existing network `transparent`, named like the Windows driver', 'transparent']],
    },
    {
      name: 'a named pipe mounted (short syntax)',
      text: 'services:\n  proxy:\n    image: traefik\n    volumes:\n      - \\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine\n',
      found: [['service `proxy` mounts a Windows named pipe', '\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine']],
    },
    {
      name: 'a named pipe mounted (long syntax `type: npipe`)',
      text: 'services:\n  proxy:\n    image: traefik\n    volumes:\n      - type: npipe\n        source: //./pipe/docker_engine\n        target: //./pipe/docker_engine\n',
      found: [['service `proxy` mounts a Windows named pipe', '//./pipe/docker_engine']],
    },
    {
      name: 'a named pipe in a command',
      text: 'services:\n  proxy:\n    image: traefik\n    command: --docker --docker.endpoint=npipe:////./pipe/docker_engine\n',
      found: [
        [
          'service `proxy` points at the Docker engine through a Windows named pipe in its `command`',
          '--docker --docker.endpoint=npipe:////./pipe/docker_engine',
        ],
      ],
    },
    {
      name: 'a Windows path inside the container (the host side may be anything)',
      text: 'services:\n  sql:\n    image: app\n    volumes:\n      - .\\storage\\Databases:C:\\Data\n',
      found: [
        ['service `sql` mounts a volume at `C:\\Data`, a Windows path', '.\\storage\\Databases:C:\\Data'],
        ['service `sql` mounts `.\\storage\\Databases`, a host path written the Windows way', '.\\storage\\Databases:C:\\Data'],
      ],
    },
    {
      name: 'a secret put at a Windows path',
      text: 'services:\n  web:\n    image: app\n    secrets:\n      - source: conn\n        target: C:\\app\\config\\\n',
      found: [['service `web` puts a secret at `C:\\app\\config\\`, a Windows path', 'C:\\app\\config\\']],
    },
    {
      name: 'a Windows working directory',
      text: 'services:\n  web:\n    image: app\n    working_dir: c:\\app\n',
      found: [['service `web` works in `c:\\app`, a Windows path', 'c:\\app']],
    },
    {
      name: 'a gMSA credential spec',
      text: 'services:\n  sql:\n    image: app\n    security_opt:\n      - "credentialspec=file://demo_sql.json"\n',
      found: [['service `sql` uses a gMSA credential spec, a Windows container feature', '"credentialspec=file://demo_sql.json"']],
    },
    {
      name: 'Windows PowerShell in a health check',
      text: 'services:\n  web:\n    image: app\n    healthcheck:\n      test: ["CMD", "powershell", "-command", "exit 0"]\n',
      found: [['service `web` runs Windows PowerShell in its health check', '"powershell"']],
    },
    {
      name: '`cmd /S /C` as the entrypoint',
      text: 'services:\n  web:\n    image: app\n    entrypoint: cmd /S /C start.bat\n',
      found: [['service `web` runs `cmd /S` in its `entrypoint`', 'cmd /S /C start.bat']],
    },
    {
      name: 'a Dockerfile named for Windows',
      text: 'services:\n  api:\n    image: eshop/api\n    build:\n      context: ./api\n      dockerfile: Dockerfile.nanowin\n',
      found: [['service `api` builds from `Dockerfile.nanowin`, a Dockerfile named for Windows', 'Dockerfile.nanowin']],
    },
    {
      name: 'a Windows image named by a variable default',
      text: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:${TAG:-ltsc2019}\n',
      found: [[/Windows image/, 'mcr.microsoft.com/windows/servercore:${TAG:-ltsc2019}']],
    },
    {
      name: 'the images Microsoft published on Docker Hub before MCR',
      text: 'services:\n  db:\n    image: microsoft/mssql-server-windows-developer\n  web:\n    image: microsoft/iis\n',
      found: [
        [/`db` uses the Windows image/, 'microsoft/mssql-server-windows-developer'],
        [/`web` uses the Windows image/, 'microsoft/iis'],
      ],
    },
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

  it('weak evidence with something Linux-only: Linux, and the Linux evidence is kept (Docker Desktop on a Windows host)', () => {
    const cases: [text: string, counter: string][] = [
      ['services:\n  web:\n    image: app\n    volumes:\n      - C:\\data:/data\n', 'service `web` mounts a volume at `/data`, a Linux path'],
      ['services:\n  web:\n    build: ..\\app\\\n    image: python:3.12-slim\n', 'service `web` uses the Linux image `python:3.12-slim`'],
      ['services:\n  web:\n    image: app\n    isolation: default\nnetworks:\n  n:\n    driver: bridge\n', 'network `n` uses the Linux driver `bridge`'],
    ];
    for (const [text, counter] of cases) {
      const result = evidence(text);
      assert.equal(result.target, 'linux', text);
      assert.equal(result.found.length > 0, true, 'the weak evidence is still found');
      assert.equal(result.counter?.reason, counter);
    }
  });

  it('weak evidence alone: Windows, and the reason says nothing is Linux-only', () => {
    const cases: [text: string, reason: string][] = [
      [
        'services:\n  web:\n    image: app\n    isolation: default\n',
        'service `web` sets `isolation: default`, which Linux accepts too, and nothing in it is Linux-only',
      ],
      [
        'services:\n  web:\n    build: ..\\python-rest-service\\\n',
        'service `web` builds from `..\\python-rest-service\\`, a path written the Windows way, and nothing in it is Linux-only',
      ],
    ];
    for (const [text, reason] of cases) {
      const result = evidence(text);
      assert.equal(result.target, 'windows', text);
      assert.equal(result.evidence?.reason, reason);
      assert.equal(result.evidence?.strength, 'weak');
    }
  });

  it('a path that names Windows is weak evidence: Windows without Linux evidence, Linux with it', () => {
    const decide = (path: string, text: string) => decideTarget(buildComposeModel(parseDocument(path, text).root, path), 'auto');
    const plain = 'services:\n  web:\n    image: acme/app\n';
    assert.equal(decide('/src/todo-list-configured-windows/docker-compose-test.yml', plain).target, 'windows');
    assert.equal(
      decide('/src/app/docker-compose.windows.yml', plain).evidence?.reason,
      'its path names Windows (`docker-compose.windows.yml`), and nothing in it is Linux-only',
    );
    assert.equal(
      decide('/src/app/docker-compose-windows.yml', 'services:\n  web:\n    image: nginx\n    volumes:\n      - ./conf:/etc/nginx/conf.d\n').target,
      'linux',
    );
    assert.equal(decide('/home/me/windows/projects/app/compose.yaml', plain).target, 'linux', 'only the file and its two nearest folders are read');
    assert.equal(decide('/src/darwin/compose.yaml', plain).target, 'linux', '`win` inside a word is not Windows');
  });

  it('services pinned to Linux bring no Windows evidence and are left out of what Windows rules read', () => {
    const text =
      'services:\n  agent:\n    image: agent\n    isolation: process\n    deploy:\n      placement:\n        constraints: [node.platform.os == linux]\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n';
    const model = buildComposeModel(parseDocument('stack.yml', text).root, 'stack.yml');
    assert.deepEqual(
      collectEvidence(model).map((e) => e.reason),
      ['service `web` uses the Windows image `mcr.microsoft.com/windows/nanoserver:ltsc2022`'],
    );
    assert.deepEqual(
      windowsServices(model).services.map((s) => s.name),
      ['web'],
    );
    assert.equal(windowsServices(model), windowsServices(model), 'built once per model');
    const plain = buildComposeModel(parseDocument('c.yml', 'services:\n  a:\n    image: x\n').root, 'c.yml');
    assert.equal(windowsServices(plain), plain, 'a file with no Linux service is read as it is');
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
      [
        [
          'winnet checks this file as Windows, Windows Server 2022 (build 20348) or newer: service `web` uses the Windows image `mcr.microsoft.com/windows/nanoserver:ltsc2022`, process-isolated (the Windows Server default)',
          '2:11-2:56',
        ],
      ],
    );
    assert.deepEqual(
      checkDocument(doc, { target: 'windows', windowsVersion: 'ltsc2022' }).findings[0].related,
      [],
      'no note when settings chose the target and the version',
    );
    assert.deepEqual(
      checkDocument(doc, { target: 'windows' }).findings[0].related.map((r) => r.message),
      [
        'winnet checks this file against Windows Server 2022 (build 20348) or newer: service `web` runs `mcr.microsoft.com/windows/nanoserver:ltsc2022` process-isolated (the Windows Server default)',
      ],
      'the version the images pin, when only the target was set',
    );
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
    'microsoft/iis',
    'microsoft/iis:windowsservercore',
    'microsoft/mssql-server-windows-developer',
    'microsoft/mssql-server-windows-express:2017-latest',
    'microsoft/windowsservercore:1803',
    'microsoft/aspnet:4.7.2',
    'microsoft/dotnet-framework:4.7.2-sdk',
    'nats:nanoserver',
    'stefanscherer/node-windows:10-nano',
    'acme/app:10.0.17763.5458',
    'sixeyed/redis:nanoserver1809',
    'mcr.microsoft.com/businesscentral:ltsc2022',
    'scr.sitecore.com/sxp/sitecore-xp0-cm:10.3-ltsc2019',
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
    'microsoft/azure-cli',
    'microsoft/dotnet:2.1-sdk',
    'acme/nanotools:1.0',
    'acme/app:1.0-nanoid',
  ];
  for (const image of windows) it(`${image} is Windows`, () => assert.equal(isWindowsImage(image), true));
  for (const image of linux) it(`${image} is not`, () => assert.equal(isWindowsImage(image), false));
});

describe('Linux distribution images', () => {
  const linux = [
    'alpine',
    'alpine:3.20',
    'tutum/curl:alpine',
    'redis:7-alpine',
    'python:3.12-slim',
    'postgres:16-bookworm',
    'ubuntu:24.04',
    'docker.io/library/debian',
    'busybox',
  ];
  const other = [
    'nginx',
    'mcr.microsoft.com/powershell:lts-7.4-nanoserver-ltsc2022',
    'diamol/postgres:11.5',
    'stefanscherer/whoami',
    'acme/alpine-tools-windows:ltsc2022x',
    'localhost:5000/app',
  ];
  for (const image of linux) it(`${image} is a Linux image`, () => assert.equal(isLinuxImage(image), true));
  for (const image of other) it(`${image} is not known to be`, () => assert.equal(isLinuxImage(image), false));
});

describe('evidence kept across incremental edits', () => {
  it('points at the evidence where it is now, after an edit above it moved it', () => {
    const service = createLanguageService({});
    const uri = 'file:///p/compose.yaml';
    const text = 'services:\n  api:\n    image: acme/api\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    network_mode: host\n';
    const relatedAt = (t: string, version: number) => {
      const { result } = service.diagnose({ uri, version, text: t });
      const finding = result.findings.find((f) => f.rule === 'network-mode-host')!;
      return finding.related.map((r) => t.slice(r.span.start, r.span.end));
    };
    assert.deepEqual(relatedAt(text, 1), ['mcr.microsoft.com/windows/nanoserver:ltsc2022']);
    // An edit inside `api` re-parses that entry only; `web` keeps its nodes, moved four characters on.
    const edited = text.replace('acme/api', 'acme/api-v2x');
    assert.deepEqual(relatedAt(edited, 2), ['mcr.microsoft.com/windows/nanoserver:ltsc2022']);
  });
});
