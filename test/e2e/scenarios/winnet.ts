/**
 * winnet itself: the .vsix that `npm run package` builds, in code-server and in Neovim. A starting point
 * written against winnet 0.1.0's port-host-ip rule; extend `findings`, the suite and the Neovim files as
 * rules land (an HNS finding with a hover belongs in `neovim.files` once the HNS rules report one).
 *
 *   npm run package && npx tsx test/e2e/run.ts --scenario winnet
 */
import { join } from 'node:path';
import { E2E, REPO } from '../harness/paths';
import { prebuilt, type Scenario } from '../harness/scenario';

const DIR = join(E2E, 'winnet');

export const winnet: Scenario = {
  name: 'winnet',
  extensionId: 'winnet.winnet',
  vsix: prebuilt(join(REPO, 'winnet.vsix')),
  workspace: join(DIR, 'fixtures'),
  suite: [join(DIR, 'winnet.e2e.ts'), join(DIR, 'explain.e2e.ts'), join(DIR, 'restart.e2e.ts')],
  findings: [
    {
      file: 'compose.yaml',
      key: '127.0.0.1',
      message: 'Host IP `127.0.0.1` fails on Windows',
      code: 'port-host-ip',
      // winnet's own hover (the knowledge text), on the key above the finding.
      hoverAt: 'ports',
      hover: 'Published ports on Windows',
      fix: { title: 'Drop the host IP', expectText: '- "8080:80"' },
    },
  ],
  neovim: ({ workspace }) => ({
    cmd: [process.execPath, join(REPO, 'dist', 'server.js'), '--stdio'],
    root: workspace,
    files: [
      {
        path: 'compose.yaml',
        filetype: 'yaml',
        languageId: 'dockercompose',
        diagnostics: [{ code: 'port-host-ip', at: '127.0.0.1', severity: 1, source: 'winnet' }],
        hover: { at: 'ports', contains: 'Published ports on Windows' },
      },
      // A clean HNS network: winnet must report nothing on it.
      { path: 'network.hns.json', filetype: 'json', diagnostics: [] },
    ],
  }),
};
