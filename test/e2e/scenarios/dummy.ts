/**
 * The proof scenario: the harness's own dummy extension (test/e2e/dummy-extension), packaged at test time.
 * Every harness helper has a known answer here: `badKey` is an error with code DUMMY001, a hover and a fix.
 */
import { join } from 'node:path';
import { bundleNode, packageExtension } from '../harness/build';
import { E2E } from '../harness/paths';
import type { Scenario } from '../harness/scenario';
import { BAD_KEY, DUMMY_CODE, DUMMY_SOURCE, FIX_TITLE, GOOD_KEY, HOVER_TEXT, MESSAGE } from '../dummy-extension/src/logic';

const DIR = join(E2E, 'dummy-extension');

/** The dummy's language server as one file, like winnet's dist/server.js. */
function bundleServer(outDir: string): Promise<string> {
  return bundleNode(join(DIR, 'src/server.ts'), join(outDir, 'server.js'));
}

export const dummy: Scenario = {
  name: 'dummy',
  extensionId: 'winnet-e2e.dummy',
  vsix: ({ vsce, outDir }) =>
    packageExtension({ dir: DIR, entries: { extension: join(DIR, 'src/extension.ts'), server: join(DIR, 'src/server.ts') }, outDir, vsce }),
  workspace: join(DIR, 'fixtures'),
  suite: [join(DIR, 'suite/dummy.e2e.ts')],
  findings: [
    {
      file: 'compose.yaml',
      key: BAD_KEY,
      message: MESSAGE,
      code: DUMMY_CODE,
      hover: HOVER_TEXT,
      fix: { title: FIX_TITLE, expectText: `    ${GOOD_KEY}: true` },
    },
    { file: 'network.hns.json', key: BAD_KEY, message: MESSAGE, code: DUMMY_CODE, hover: HOVER_TEXT },
  ],
  // The same server the extension runs, started the way Neovim starts winnet's: `node dist/server.js --stdio`.
  neovim: async ({ workspace, outDir }) => ({
    cmd: [process.execPath, await bundleServer(join(outDir, 'neovim')), '--stdio'],
    root: workspace,
    files: [
      {
        path: 'compose.yaml',
        filetype: 'yaml',
        languageId: 'dockercompose',
        diagnostics: [{ code: DUMMY_CODE, at: BAD_KEY, message: MESSAGE, severity: 1, source: DUMMY_SOURCE }],
        hover: { at: BAD_KEY, contains: HOVER_TEXT },
      },
      {
        path: 'network.hns.json',
        filetype: 'json',
        diagnostics: [{ code: DUMMY_CODE, at: BAD_KEY, severity: 1 }],
        hover: { at: BAD_KEY, contains: HOVER_TEXT },
      },
      { path: 'host/clean.yaml', filetype: 'yaml', diagnostics: [] },
    ],
  }),
};
