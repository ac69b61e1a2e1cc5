/**
 * winnet itself: the .vsix that `npm run package` builds, in code-server and in Neovim. A starting point
 * written against winnet 0.1.0's port-host-ip rule; extend `findings`, the suite and the Neovim files as
 * rules land (an HNS finding with a hover belongs in `neovim.files` once the HNS rules report one).
 *
 *   npm run package && npx tsx test/e2e/run.ts --scenario winnet
 *
 * Stand-ins for Red Hat YAML and Docker DX are installed beside it (test/e2e/stand-ins): their ids, Red Hat YAML's
 * version and Docker DX's compose server setting are what `winnet.schemaValidation: auto` reads.
 */
import { join } from 'node:path';
import { packageExtension } from '../harness/build';
import { E2E, REPO } from '../harness/paths';
import { prebuilt, type Scenario } from '../harness/scenario';
import { languageStatusChecks, walkthroughChecks } from './editor-ui-checks';

const DIR = join(E2E, 'winnet');

export const winnet: Scenario = {
  name: 'winnet',
  extensionId: 'winnet.winnet',
  vsix: prebuilt(join(REPO, 'winnet.vsix')),
  extensions: ({ vsce, outDir }) =>
    Promise.all(
      ['redhat-yaml', 'docker-dx'].map((name) =>
        packageExtension({ dir: join(E2E, 'stand-ins', name), entries: { extension: join(E2E, 'stand-ins', name, 'src', 'extension.ts') }, outDir, vsce }),
      ),
    ),
  workspace: join(DIR, 'fixtures'),
  // lazy-start first: it proves that no server runs before the first compose file is opened.
  suite: ['lazy-start', 'winnet', 'scripts', 'status', 'links', 'walkthrough', 'coexistence', 'explain', 'restart'].map((name) => join(DIR, `${name}.e2e.ts`)),
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
  ui: async (ctx) => {
    await languageStatusChecks(ctx);
    await walkthroughChecks(ctx);
  },
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
