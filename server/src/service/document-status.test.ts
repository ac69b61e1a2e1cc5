import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { checkDocument, type CheckOptions } from '../engine/check';
import { documentStatus, type DocumentStatus } from './document-status';

const IIS_2019 = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019';

const statusOf = (path: string, text: string, options: CheckOptions = {}, setFiles?: string[]) =>
  documentStatus(checkDocument(parseDocument(path, text), options), setFiles);

describe('the status of a document, from its last check', () => {
  const cases: { name: string; path: string; text: string; options?: CheckOptions; setFiles?: string[]; expect: DocumentStatus }[] = [
    {
      name: 'a Windows compose file: the image decides the platform and the version',
      path: 'compose.yaml',
      text: `services:\n  web:\n    image: ${IIS_2019}\n`,
      expect: {
        kind: 'compose',
        target: 'windows',
        targetForced: false,
        targetReason: `service \`web\` uses the Windows image \`${IIS_2019}\``,
        windowsVersion: 'ltsc2019',
        release: 'Windows Server 2019 (1809) (build 17763)',
        versionOrigin: 'image',
        versionReason: `service \`web\` runs \`${IIS_2019}\` process-isolated (the Windows Server default)`,
      },
    },
    {
      name: 'a Linux compose file: no Windows version',
      path: 'compose.yaml',
      text: 'services:\n  web:\n    image: nginx\n',
      expect: {
        kind: 'compose',
        target: 'linux',
        targetForced: false,
        targetReason: 'nothing in the file says Windows: no Windows image, platform, isolation, driver or option',
      },
    },
    {
      name: 'Linux evidence outweighs a weak Windows hint',
      path: 'windows/compose.yaml',
      text: 'services:\n  web:\n    image: nginx\n    volumes:\n      - C:\\data:/data\n',
      expect: {
        kind: 'compose',
        target: 'linux',
        targetForced: false,
        targetReason: 'service `web` mounts a volume at `/data`, a Linux path; that is Linux-only, so the weak Windows hints do not count',
      },
    },
    {
      name: 'the settings decide both',
      path: 'compose.yaml',
      text: 'services:\n  web:\n    image: nginx\n',
      options: { target: 'windows', windowsVersion: 'ltsc2016' },
      expect: {
        kind: 'compose',
        target: 'windows',
        targetForced: true,
        targetReason: '`winnet.target` is `windows`',
        windowsVersion: 'ltsc2016',
        release: 'Windows Server 2016 (build 14393)',
        versionOrigin: 'setting',
        versionReason: '`winnet.windowsVersion` is `ltsc2016`',
      },
    },
    {
      name: 'a Windows file without a pinned release: the newest, and how to change it',
      path: 'compose.yaml',
      text: 'services:\n  web:\n    image: app\n    isolation: hyperv\n',
      expect: {
        kind: 'compose',
        target: 'windows',
        targetForced: false,
        targetReason: 'service `web` sets `isolation`, a Windows container option',
        windowsVersion: 'ltsc2025',
        release: 'Windows Server 2025 (build 26100)',
        versionOrigin: 'default',
        versionReason: 'nothing in the file pins a release, so winnet assumes the newest (set `winnet.windowsVersion` to the version your hosts run)',
      },
    },
    {
      name: 'a member of a compose file set lists the files of its set',
      path: '/p/compose.yaml',
      text: `services:\n  web:\n    image: ${IIS_2019}\n`,
      options: { windowsVersion: 'ltsc2022' },
      setFiles: ['file:///p/compose.yaml', 'file:///p/compose.override.yaml'],
      expect: {
        kind: 'compose',
        target: 'windows',
        targetForced: false,
        targetReason: `service \`web\` uses the Windows image \`${IIS_2019}\``,
        windowsVersion: 'ltsc2022',
        release: 'Windows Server 2022 (build 20348)',
        versionOrigin: 'setting',
        versionReason: '`winnet.windowsVersion` is `ltsc2022`',
        setFiles: ['file:///p/compose.yaml', 'file:///p/compose.override.yaml'],
      },
    },
    {
      name: 'an HNS network: Windows by nature, so a version and no target',
      path: 'network.json',
      text: '{"Name": "nat", "Type": "NAT", "Subnets": [{"AddressPrefix": "172.20.0.0/16"}]}',
      expect: {
        kind: 'hns-v1',
        windowsVersion: 'ltsc2025',
        release: 'Windows Server 2025 (build 26100)',
        versionOrigin: 'default',
        versionReason: 'nothing in the file pins a release, so winnet assumes the newest (set `winnet.windowsVersion` to the version your hosts run)',
      },
    },
    {
      name: 'an env file: only its kind',
      path: '.env',
      text: 'A=1\n',
      expect: { kind: 'dotenv' },
    },
    {
      name: 'a file that is not ours',
      path: 'deployment.yaml',
      text: 'apiVersion: apps/v1\nkind: Deployment\n',
      setFiles: ['a', 'b'],
      expect: { kind: 'none' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(statusOf(c.path, c.text, c.options, c.setFiles), c.expect);
    });
  }

  it('a compose file that does not parse has its kind and no decision', () => {
    assert.deepEqual(statusOf('compose.yaml', 'services:\n  web: [\n'), { kind: 'compose' });
  });
});
