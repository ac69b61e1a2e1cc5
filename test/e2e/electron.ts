/**
 * `npm run test:electron`: the same in-host mocha suite as test/e2e/run.ts, in desktop VS Code through
 * @vscode/test-electron, for machines that can download VS Code (and have a display, or run under xvfb-run).
 *
 *   tsx test/e2e/electron.ts [--scenario dummy] [--vsix path] [--vscode /path/to/code] [--suite file.ts]...
 *
 * The .vsix under test is installed with VS Code's CLI into a fresh extensions folder; the companion runner
 * extension is the development extension and host/electron-index.js the extensionTestsPath. Where VS Code
 * cannot be downloaded this fails at once with a message saying so (exit 1); it never passes without running.
 * VS Code is cached in $WINNET_E2E_CACHE/vscode-test; WINNET_E2E_VSCODE_VERSION picks a version (default stable).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { bundleNode, bundleSuite, packageExtension, stagingFolderOf } from './harness/build';
import { Checks } from './harness/checks';
import { reportResults, writeJob } from './harness/in-host';
import { E2E, MOCHA, OUTPUT_ROOT, REPO, VSCE } from './harness/paths';
import type { MochaJob, MochaResults } from './host/mocha-job';
import { SCENARIOS } from './scenarios';

function parseArgs(argv: string[]): { scenario: string; vsix?: string; vscode?: string; suite: string[] } {
  const options: { scenario: string; vsix?: string; vscode?: string; suite: string[] } = { scenario: 'dummy', suite: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    if (arg === '--scenario') options.scenario = value;
    else if (arg === '--vsix') options.vsix = resolve(value);
    else if (arg === '--vscode') options.vscode = resolve(value);
    else if (arg === '--suite') options.suite.push(resolve(value));
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const scenario = SCENARIOS[options.scenario];
  if (!scenario) throw new Error(`unknown scenario ${options.scenario}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  const cache = process.env.WINNET_E2E_CACHE ?? join(REPO, '.cache', 'e2e');
  const version = process.env.WINNET_E2E_VSCODE_VERSION ?? 'stable';

  // 1. VS Code itself: the step that needs the network, so it goes first and fails loudly.
  let vscodeExecutablePath = options.vscode;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(cache, 'vscode-test'), timeout: 30_000 });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      console.error(
        [
          `test:electron FAILED: could not download VS Code ${version} with @vscode/test-electron: ${reason}`,
          'This command runs the in-host suite in desktop VS Code and needs to download it (network access to',
          "VS Code's update service), or an installed VS Code passed as --vscode /path/to/code.",
          'On machines without that, run the same suite in code-server instead: npm run test:e2e.',
        ].join('\n'),
      );
      console.log('test:electron: 0 passed, 1 failed');
      return 1;
    }
  }
  if (!existsSync(vscodeExecutablePath)) throw new Error(`no VS Code at ${vscodeExecutablePath}`);

  // 2. The same builds as the code-server run.
  const out = join(OUTPUT_ROOT, `${scenario.name}-electron`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), `winnet-e2e-electron-${scenario.name}-`));
  try {
    const build = join(tmp, 'build');
    const runnerDir = join(E2E, 'runner-extension');
    const runnerVsix = await packageExtension({ dir: runnerDir, entries: { extension: join(runnerDir, 'src/extension.ts') }, outDir: build, vsce: VSCE });
    const vsix = options.vsix ?? (await scenario.vsix({ vsce: VSCE, outDir: build }));
    const suite = await bundleSuite(options.suite.length ? options.suite : scenario.suite, join(tmp, 'suite'));
    const index = await bundleNode(join(E2E, 'host', 'electron-index.ts'), join(tmp, 'electron-index.js'), ['vscode', 'mocha']);
    const workspace = join(tmp, 'workspace');
    cpSync(scenario.workspace, workspace, { recursive: true });
    const job: MochaJob = { files: suite, mocha: MOCHA, results: join(out, 'in-host-results.json'), timeout: 30_000 };
    const jobPath = join(tmp, 'mocha-job.json');
    writeJob(jobPath, job);

    // 3. Install the .vsix under test with VS Code's own CLI, into folders of this run.
    const extensionsDir = join(tmp, 'extensions');
    const userDataDir = join(tmp, 'user-data');
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const install = spawnSync(cli, [...cliArgs, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'], {
      encoding: 'utf8',
    });
    if (install.status !== 0) throw new Error(`VS Code CLI --install-extension ${vsix} failed:\n${install.stdout}${install.stderr}`);

    // 4. Run: the runner extension (unpacked) is the development extension, electron-index.js runs the job.
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: stagingFolderOf(runnerVsix),
      extensionTestsPath: index,
      extensionTestsEnv: { WINNET_E2E_ELECTRON_JOB: jobPath },
      launchArgs: [
        workspace,
        '--extensions-dir',
        extensionsDir,
        '--user-data-dir',
        userDataDir,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
      ],
    }).catch(() => undefined); // the results file tells what happened; a missing one is reported below

    const checks = new Checks();
    if (!existsSync(job.results)) {
      checks.record('in-host: the suite ran in desktop VS Code', false, 0, `no results at ${job.results}`);
    } else {
      const results = JSON.parse(readFileSync(job.results, 'utf8')) as MochaResults;
      console.log(`== in-host mocha: ${results.stats.passes} passing, ${results.stats.failures} failing in ${results.host.appName} ${results.host.vscode}`);
      reportResults(results, checks);
    }
    console.log(checks.summary('test:electron'));
    return checks.failed === 0 && checks.passed > 0 ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test:electron FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.log('test:electron: 0 passed, 1 failed');
    process.exit(1);
  },
);
