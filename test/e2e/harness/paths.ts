/** Where things are: the repo, the test output folder, and the tools scripts/e2e/setup.sh installed. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(__dirname, '..', '..', '..');
export const E2E = join(REPO, 'test', 'e2e');
export const SETUP_SCRIPT = join(REPO, 'scripts', 'e2e', 'setup.sh');
/** Screenshots, results and logs: test-output/e2e/<scenario>/ (test-output/ is gitignored). */
export const OUTPUT_ROOT = join(REPO, 'test-output', 'e2e');

export interface Tools {
  cache: string;
  node24: string;
  codeServer: string;
  chromium: string;
  nvim: string;
  mocha: string;
  vsce: string;
}

/** The tools that come with the repo's node_modules (no setup needed). */
export const MOCHA = join(REPO, 'node_modules', 'mocha');
export const VSCE = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Runs the setup script (installs on the first run, only checks afterwards). Throws with its output on failure. */
export function runSetup(): void {
  execFileSync('bash', [SETUP_SCRIPT], { stdio: 'inherit' });
}

/** The tool paths, as setup.sh resolves them (honours WINNET_E2E_CACHE); checks each one exists. */
export function tools(): Tools {
  const text = execFileSync('bash', [SETUP_SCRIPT, '--print-env'], { encoding: 'utf8' });
  const env = Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const found: Tools = {
    cache: env.WINNET_E2E_CACHE,
    node24: env.WINNET_E2E_NODE24,
    codeServer: env.WINNET_E2E_CODE_SERVER,
    chromium: env.WINNET_E2E_CHROMIUM,
    nvim: env.WINNET_E2E_NVIM,
    mocha: MOCHA,
    vsce: VSCE,
  };
  for (const [name, path] of Object.entries(found)) {
    if (name !== 'cache' && !existsSync(path)) throw new Error(`e2e: ${name} is missing at ${path}; run scripts/e2e/setup.sh first`);
  }
  return found;
}
