/**
 * The real-editor test run: `tsx test/e2e/run.ts [--scenario dummy] [--vsix path/to/ext.vsix] [options]`.
 *
 *  1. scripts/e2e/setup.sh installs (first run) or checks (cached) chromium, neovim, Node 24 and code-server;
 *  2. builds the companion mocha-runner extension, the scenario's .vsix (unless --vsix) and its in-host suite;
 *  3. installs both into a fresh code-server (own user-data and extensions folders) and starts it on a free
 *     127.0.0.1 port, opening a temp copy of the scenario's workspace;
 *  4. opens the workbench in headless chromium (playwright-core); the extension host starts, the runner
 *     extension runs the mocha suite there and writes its results, which are reported test by test;
 *  5. checks what a person sees: squiggle, Problems panel row with the code, hover text, quick fix via Ctrl+.;
 *  6. runs the Neovim LSP check.
 * Screenshots, results and logs go to test-output/e2e/<scenario>/. Ends with "e2e: N passed, N failed" and
 * exits 1 on any failure.
 *
 * Options: --skip-setup, --no-neovim, --neovim-only, --no-editor, --grep <regexp> (in-host tests), --suite
 * <file.ts> (repeatable: in-host test files instead of the scenario's), --keep (keep the temp folder),
 * --scenario <name | file.ts> (a name from scenarios/index.ts, or a file exporting `scenario`).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleSuite, packageExtension } from './harness/build';
import { Checks } from './harness/checks';
import { CodeServer } from './harness/code-server';
import { reportResults, waitForResults, writeJob } from './harness/in-host';
import { E2E, OUTPUT_ROOT, runSetup, tools as findTools, type Tools } from './harness/paths';
import { findingChecks, type Scenario } from './harness/scenario';
import { Workbench } from './harness/workbench';
import type { MochaJob, MochaResults } from './host/mocha-job';
import { neovimChecks } from './neovim/neovim';
import { SCENARIOS } from './scenarios';

interface Options {
  scenario: string;
  vsix?: string;
  setup: boolean;
  editor: boolean;
  neovim: boolean;
  keep: boolean;
  grep?: string;
  /** In-host test files to run instead of the scenario's. */
  suite: string[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { scenario: 'dummy', setup: true, editor: true, neovim: true, keep: false, suite: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--scenario') options.scenario = value();
    else if (arg === '--vsix') options.vsix = resolve(value());
    else if (arg === '--grep') options.grep = value();
    else if (arg === '--suite') options.suite.push(resolve(value()));
    else if (arg === '--skip-setup') options.setup = false;
    else if (arg === '--no-neovim') options.neovim = false;
    else if (arg === '--no-editor') options.editor = false;
    else if (arg === '--neovim-only') options.editor = false;
    else if (arg === '--keep') options.keep = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

/** Run on exit and on Ctrl+C / SIGTERM: stop what this run started (code-server's process group, chromium). */
const cleanups: (() => Promise<void>)[] = [];

/** A scenario by name (scenarios/index.ts), or from a .ts file that exports `scenario`. */
function loadScenario(nameOrFile: string): Scenario {
  if (nameOrFile.endsWith('.ts')) {
    const loaded = (require(resolve(nameOrFile)) as { scenario?: Scenario }).scenario;
    if (!loaded) throw new Error(`${nameOrFile} exports no \`scenario\``);
    return loaded;
  }
  const scenario = SCENARIOS[nameOrFile];
  if (!scenario) throw new Error(`unknown scenario ${nameOrFile}; known: ${Object.keys(SCENARIOS).join(', ')}, or a path to a .ts file exporting \`scenario\``);
  return scenario;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function editorRun(scenario: Scenario, options: Options, tools: Tools, tmp: string, out: string, checks: Checks): Promise<void> {
  let t = Date.now();
  console.log('== build: runner extension, extension under test, in-host suite');
  const runnerDir = join(E2E, 'runner-extension');
  const runnerVsix = await packageExtension({
    dir: runnerDir,
    entries: { extension: join(runnerDir, 'src/extension.ts') },
    outDir: join(tmp, 'build'),
    vsce: tools.vsce,
  });
  const vsix = options.vsix ?? (await scenario.vsix({ vsce: tools.vsce, outDir: join(tmp, 'build') }));
  if (!existsSync(vsix)) throw new Error(`the .vsix under test does not exist: ${vsix}`);
  const others = (await scenario.extensions?.({ vsce: tools.vsce, outDir: join(tmp, 'build') })) ?? [];
  const suite = await bundleSuite(options.suite.length ? options.suite : scenario.suite, join(tmp, 'suite'));
  console.log(`   ${vsix}\n   built in ${seconds(Date.now() - t)}`);

  const workspace = join(tmp, 'workspace');
  cpSync(scenario.workspace, workspace, { recursive: true });
  const job: MochaJob = { files: suite, mocha: tools.mocha, results: join(out, 'in-host-results.json'), timeout: 30_000, grep: options.grep };
  const jobPath = join(tmp, 'mocha-job.json');
  writeJob(jobPath, job);

  const server = new CodeServer({ tools, home: join(tmp, 'code-server'), env: { WINNET_E2E_JOB: jobPath }, settings: scenario.settings });
  let wb: Workbench | undefined;
  const blocked = new Set<string>();
  cleanups.push(async () => {
    await wb?.close();
    await server.stop();
  });
  try {
    t = Date.now();
    const installed = server.install(runnerVsix, vsix, ...others);
    console.log(`== code-server --install-extension: ${installed.join(', ')} (${seconds(Date.now() - t)})`);
    await checks.check(`code-server has ${scenario.extensionId} installed from the .vsix`, () => {
      if (!installed.some((id) => id.toLowerCase().startsWith(`${scenario.extensionId.toLowerCase()}@`))) {
        throw new Error(`expected ${scenario.extensionId} among the installed extensions, found ${installed.join(', ') || 'none'}`);
      }
    });

    t = Date.now();
    const url = await server.start(workspace);
    console.log(`== code-server listening: ${url} (${seconds(Date.now() - t)})`);
    wb = await Workbench.launch({
      chromium: tools.chromium,
      profileDir: join(tmp, 'chromium-profile'),
      shotsDir: join(out, 'screenshots'),
      onBlockedRequest: (u) => blocked.add(new URL(u).origin),
    });
    const page = wb;
    checks.onFailureShot = (name) => page.screenshot(`FAILED-${name}`);

    const opened = await checks.check('chromium opens the workbench on the workspace', async () => {
      await page.open(url);
      await page.screenshot('workbench');
    });
    if (!opened) return;

    t = Date.now();
    let results: MochaResults | undefined;
    try {
      results = await waitForResults(job, 90_000, 300_000);
    } catch (error) {
      checks.record(
        'in-host: the runner extension runs the mocha suite in the extension host',
        false,
        Date.now() - t,
        String(error instanceof Error ? error.message : error),
      );
    }
    if (results) {
      console.log(
        `== in-host mocha: ${results.stats.passes} passing, ${results.stats.failures} failing in ${results.host.appName} ${results.host.vscode}, Node ${results.host.node} (${seconds(Date.now() - t)})`,
      );
      const shot = results.stats.failures > 0 ? await page.screenshot('in-host-failed') : undefined;
      reportResults(results, checks, 'in-host: ', shot);
    }

    console.log('== on screen');
    for (const finding of scenario.findings) await findingChecks(finding, { wb, checks, workspace });
    if (scenario.ui) await scenario.ui({ wb, checks, workspace });
  } finally {
    if (blocked.size) console.log(`   (blocked requests from the page to: ${[...blocked].join(', ')})`);
    await wb?.close();
    await server.stop();
    server.saveLogs(join(out, 'logs'));
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const scenario = loadScenario(options.scenario);
  const started = Date.now();
  if (options.setup) runSetup();
  const tools = findTools();

  const out = join(OUTPUT_ROOT, scenario.name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), `winnet-e2e-${scenario.name}-`));
  const checks = new Checks();
  console.log(`== e2e scenario ${scenario.name}: output ${out}, temp ${tmp}`);

  const stop = async (signal: string): Promise<void> => {
    console.error(`e2e: ${signal}, stopping code-server and chromium`);
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    process.exit(130);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    if (options.editor) {
      try {
        await editorRun(scenario, options, tools, tmp, out, checks);
      } catch (error) {
        checks.record('editor run', false, 0, error instanceof Error ? (error.stack ?? error.message) : String(error));
      }
    }
    if (options.neovim && scenario.neovim) {
      console.log('== neovim');
      const workspace = join(tmp, 'neovim-workspace');
      cpSync(scenario.workspace, workspace, { recursive: true });
      try {
        const check = await scenario.neovim({ vsce: tools.vsce, outDir: join(tmp, 'build'), workspace });
        checks.onFailureShot = async () => join(out, 'neovim', 'neovim-results.json');
        await neovimChecks(check, checks, { nvim: tools.nvim, outDir: join(out, 'neovim') });
      } catch (error) {
        checks.record('neovim run', false, 0, error instanceof Error ? (error.stack ?? error.message) : String(error));
      }
    }
  } finally {
    if (!options.keep) rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(
    join(out, 'summary.json'),
    JSON.stringify({ passed: checks.passed, failed: checks.failed, outcomes: checks.outcomes.map(({ name, ok, ms }) => ({ name, ok, ms })) }, null, 2),
  );
  console.log(`== done in ${seconds(Date.now() - started)}; screenshots and logs in ${out}`);
  console.log(checks.summary());
  return checks.failed === 0 && checks.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`e2e FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
