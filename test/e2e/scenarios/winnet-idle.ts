/**
 * winnet in a workspace that has nothing for it: a package.json and a Kubernetes manifest. The in-host test
 * measures the extension host's and any winnet server's resident memory and requires that no server started.
 *
 *   npm run package && npx tsx test/e2e/run.ts --scenario winnet-idle --no-neovim
 *   npx tsx test/e2e/run.ts --scenario winnet-idle --no-neovim --vsix path/to/older/winnet.vsix   # to compare
 *
 * The numbers are in test-output/e2e/winnet-idle/memory.json and printed at the end.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E, OUTPUT_ROOT, REPO } from '../harness/paths';
import { prebuilt, type Scenario } from '../harness/scenario';

const NAME = 'winnet-idle';

export const winnetIdle: Scenario = {
  name: NAME,
  extensionId: 'winnet.winnet',
  vsix: prebuilt(join(REPO, 'winnet.vsix')),
  workspace: join(E2E, 'winnet', 'idle-fixtures'),
  suite: [join(E2E, 'winnet', 'idle-memory.e2e.ts')],
  findings: [],
  ui: async ({ checks }) => {
    await checks.check('the in-host test wrote the memory report', () => {
      const file = join(OUTPUT_ROOT, NAME, 'memory.json');
      if (!existsSync(file)) throw new Error(`no ${file}`);
      console.log(readFileSync(file, 'utf8').replace(/^/gm, '      '));
    });
  },
};
