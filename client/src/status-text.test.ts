import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentStatus } from '../../server/src/service/document-status';
import { statusText, type StatusText } from './status-text';

const IMAGE = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019';
const fileName = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

describe('the language status item', () => {
  const cases: { name: string; status: DocumentStatus | null | undefined; serverRunning?: boolean; expect: StatusText }[] = [
    {
      name: 'a Windows compose file, its version from an image',
      status: {
        kind: 'compose',
        target: 'windows',
        targetForced: false,
        targetReason: `service \`web\` uses the Windows image \`${IMAGE}\``,
        windowsVersion: 'ltsc2019',
        release: 'Windows Server 2019 (1809) (build 17763)',
        versionOrigin: 'image',
        versionReason: `service \`web\` runs \`${IMAGE}\` process-isolated (the Windows Server default)`,
      },
      expect: {
        text: 'winnet: compose · Windows · ltsc2019',
        detail: `Windows: service web uses the Windows image ${IMAGE}. Windows Server 2019 (1809) (build 17763): service web runs ${IMAGE} process-isolated (the Windows Server default).`,
        configurable: true,
      },
    },
    {
      name: 'a member of a set, both set by the settings',
      status: {
        kind: 'compose',
        target: 'windows',
        targetForced: true,
        targetReason: '`winnet.target` is `windows`',
        windowsVersion: 'ltsc2022',
        release: 'Windows Server 2022 (build 20348)',
        versionOrigin: 'setting',
        versionReason: '`winnet.windowsVersion` is `ltsc2022`',
        setFiles: ['file:///p/compose.yaml', 'file:///p/compose.override.yaml'],
      },
      expect: {
        text: 'winnet: compose · Windows · ltsc2022',
        detail:
          'Windows: winnet.target is windows. Windows Server 2022 (build 20348): winnet.windowsVersion is ltsc2022. Checked with compose.yaml, compose.override.yaml.',
        configurable: true,
      },
    },
    {
      name: 'a Linux compose file',
      status: { kind: 'compose', target: 'linux', targetForced: false, targetReason: 'nothing in the file says Windows' },
      expect: { text: 'winnet: compose · Linux', detail: 'Linux, so no Windows findings: nothing in the file says Windows.', configurable: true },
    },
    {
      name: 'a compose file that does not parse',
      status: { kind: 'compose' },
      expect: { text: 'winnet: compose', detail: 'Not checked further until it parses.', configurable: false },
    },
    {
      name: 'an HCN document',
      status: {
        kind: 'hcn-v2',
        windowsVersion: 'ltsc2025',
        release: 'Windows Server 2025 (build 26100)',
        versionOrigin: 'default',
        versionReason: 'nothing pins a release.',
      },
      expect: { text: 'winnet: HCN v2 · ltsc2025', detail: 'Windows Server 2025 (build 26100): nothing pins a release.', configurable: true },
    },
    {
      name: 'a Windows CNI config',
      status: { kind: 'cni', windowsVersion: 'ltsc2022', release: 'Windows Server 2022 (build 20348)', versionOrigin: 'setting', versionReason: 'set' },
      expect: { text: 'winnet: Windows CNI · ltsc2022', detail: 'Windows Server 2022 (build 20348): set.', configurable: true },
    },
    {
      name: 'an env file',
      status: { kind: 'dotenv' },
      expect: { text: 'winnet: env file', detail: 'Compose variables, checked for the compose files that read them.', configurable: false },
    },
    {
      name: 'a file that is not ours',
      status: { kind: 'none' },
      expect: { text: 'winnet: not checked', detail: 'Not a compose file, env file, HNS or HCN JSON, or Windows CNI config.', configurable: false },
    },
    { name: 'no answer yet', status: null, serverRunning: true, expect: { text: 'winnet: checking…', detail: '', configurable: false } },
    {
      name: 'no server: nothing was ours',
      status: undefined,
      serverRunning: false,
      expect: { text: 'winnet: not checked', detail: 'Not a compose file, env file, HNS or HCN JSON, or Windows CNI config.', configurable: false },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(statusText(c.status, { serverRunning: c.serverRunning ?? true, fileName }), c.expect);
    });
  }
});
