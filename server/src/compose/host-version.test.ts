/**
 * The host's Windows release under `auto`: the release a process-isolated image pins (written, or the Windows
 * Server default when `isolation` is unset), else the newest. Hyper-V isolation and isolation from a variable
 * pin nothing; a setting wins; services pinned to Linux are not read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { checkDocument } from '../engine/check';
import { decideHostVersion, hostName, type WindowsVersionSetting } from './host-version';
import { buildComposeModel } from './model';
import { windowsServices } from './target';

function host(text: string, setting: WindowsVersionSetting = 'auto') {
  const doc = parseDocument('compose.yaml', text);
  return decideHostVersion(windowsServices(buildComposeModel(doc.root, doc.path)), setting);
}

const service = (image: string, extra = '') => `services:\n  web:\n    image: ${image}\n${extra}`;

describe('the Windows version of the host', () => {
  const cases: { name: string; text: string; setting?: WindowsVersionSetting; release: string; facts: string; origin: string; reason?: string }[] = [
    { name: 'no image pins a release: the newest', text: service('acme/app'), release: 'ltsc2025', facts: 'ltsc2025', origin: 'default' },
    {
      name: 'an ltsc2019 image with isolation unset (the Server default, process)',
      text: service('mcr.microsoft.com/windows/servercore:ltsc2019'),
      release: 'ltsc2019',
      facts: 'ltsc2019',
      origin: 'image',
      reason: 'service `web` runs `mcr.microsoft.com/windows/servercore:ltsc2019` process-isolated (the Windows Server default)',
    },
    {
      name: 'explicit process isolation',
      text: service('mcr.microsoft.com/windows/nanoserver:1809', '    isolation: process\n'),
      release: 'ltsc2019',
      facts: 'ltsc2019',
      origin: 'image',
      reason: 'service `web` runs `mcr.microsoft.com/windows/nanoserver:1809` process-isolated',
    },
    {
      name: '`isolation: default` is process on Windows Server',
      text: service('mcr.microsoft.com/windows/servercore:ltsc2016', '    isolation: default\n'),
      release: 'ltsc2016',
      facts: 'ltsc2016',
      origin: 'image',
    },
    {
      name: 'a semi-annual release keeps its own build and takes the facts of the release before it',
      text: service('sixeyed/redis:nanoserver-1803'),
      release: '1803',
      facts: 'ltsc2016',
      origin: 'image',
    },
    {
      name: '1909 takes the facts of 2019',
      text: service('mcr.microsoft.com/powershell:lts-nanoserver-1909'),
      release: '1909',
      facts: 'ltsc2019',
      origin: 'image',
    },
    {
      name: 'a build number tag',
      text: service('mcr.microsoft.com/windows/servercore:10.0.17763.5458'),
      release: 'ltsc2019',
      facts: 'ltsc2019',
      origin: 'image',
    },
    {
      name: 'a release in a variable default',
      text: service('mcr.microsoft.com/windows/servercore:${TAG:-ltsc2016}'),
      release: 'ltsc2016',
      facts: 'ltsc2016',
      origin: 'image',
    },
    {
      name: 'Hyper-V isolation: the host may be newer, so the image decides nothing',
      text: service('mcr.microsoft.com/windows/servercore:ltsc2019', '    isolation: hyperv\n'),
      release: 'ltsc2025',
      facts: 'ltsc2025',
      origin: 'default',
    },
    {
      name: 'isolation from a variable: unknown, so the image decides nothing',
      text: service('mcr.microsoft.com/windows/servercore:ltsc2019', '    isolation: ${ISOLATION}\n'),
      release: 'ltsc2025',
      facts: 'ltsc2025',
      origin: 'default',
    },
    {
      name: 'a bare number in a tag of an image not known to be Windows is not a release',
      text: service('acme/app:1809', '    platform: windows/amd64\n'),
      release: 'ltsc2025',
      facts: 'ltsc2025',
      origin: 'default',
    },
    {
      name: 'a setting wins over the images',
      text: service('mcr.microsoft.com/windows/servercore:ltsc2019'),
      setting: 'ltsc2022',
      release: 'ltsc2022',
      facts: 'ltsc2022',
      origin: 'setting',
    },
    {
      name: 'services pinning different releases: the newest, and the note says they cannot all match',
      text: 'services:\n  a:\n    image: mcr.microsoft.com/windows/servercore:ltsc2019\n  b:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n',
      release: 'ltsc2022',
      facts: 'ltsc2022',
      origin: 'image',
      reason:
        'service `b` runs `mcr.microsoft.com/windows/servercore:ltsc2022` process-isolated (the Windows Server default); other services pin other releases, which cannot all match one host under process isolation',
    },
    {
      name: 'a service pinned to Linux nodes is not read',
      text: 'services:\n  a:\n    image: mcr.microsoft.com/windows/servercore:ltsc2019\n    deploy:\n      placement:\n        constraints: [node.platform.os == linux]\n',
      release: 'ltsc2025',
      facts: 'ltsc2025',
      origin: 'default',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = host(c.text, c.setting);
      assert.deepEqual([result.release.id, result.version, result.origin], [c.release, c.facts, c.origin]);
      if (c.reason) assert.equal(result.reason, c.reason);
    });
  }

  it('names the release with its build, and says "or newer" where a process-isolated image runs on newer hosts', () => {
    assert.equal(hostName(host(service('sixeyed/redis:nanoserver-1803'))), 'Windows Server, version 1803 (build 17134)');
    assert.equal(hostName(host(service('mcr.microsoft.com/windows/servercore:ltsc2022'))), 'Windows Server 2022 (build 20348) or newer');
    assert.equal(hostName(host(service('acme/app'), 'ltsc2022')), 'Windows Server 2022 (build 20348)');
  });

  it('version-gated rules follow the images: a 2016 image gets the 2016 facts without a setting', () => {
    const text =
      'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2016\n    deploy:\n      placement:\n        constraints: [node.platform.os == windows]\n    ports:\n      - "80:80"\n';
    const result = checkDocument(parseDocument('docker-stack.yml', text));
    assert.equal(result.host?.version, 'ltsc2016');
    assert.ok(result.findings.some((f) => f.rule === 'routing-mesh-ltsc2016'));
    assert.ok(!checkDocument(parseDocument('docker-stack.yml', text), { windowsVersion: 'ltsc2022' }).findings.some((f) => f.rule === 'routing-mesh-ltsc2016'));
  });

  it('HNS and CNI documents, which name no image, are judged against the setting or the newest', () => {
    const doc = parseDocument('network.json', '{ "Type": "NAT", "Name": "nat" }');
    assert.equal(checkDocument(doc).host?.version, 'ltsc2025');
    assert.equal(checkDocument(doc, { windowsVersion: 'ltsc2019' }).host?.version, 'ltsc2019');
  });

  it('a Linux file has no Windows version', () => assert.equal(checkDocument(parseDocument('compose.yaml', service('nginx'))).host, undefined));
});
