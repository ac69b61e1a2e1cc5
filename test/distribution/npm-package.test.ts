/**
 * The npm package, as a user gets it: `npm pack` of the repository (dist/ as scripts/run-tests.mjs keeps it fresh;
 * `--ignore-scripts`, because the `prepack` build would rewrite dist/ under the tests running beside this one),
 * installed into an empty folder with `npm install --offline` (so the package must need nothing from the
 * registry), then run: `npx winnet` (--version, check, explain) and the `winnet-language-server` bin over stdio
 * through an LSP `initialize` handshake and a first diagnostic. The tarball holds only runtime files.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ALL_RULE_META } from '../../server/src/rules/registry';
import { BAD_COMPOSE, CLEAN_COMPOSE, childEnv, REPO, run, runOk, tempDir } from './support';

const VERSION: string = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version;

/** What may be in the package: the bundles, the docs pages, the config schema and the files npm always adds. */
const ALLOWED = [
  /^package\/(package\.json|README\.md|LICENSE|CHANGELOG\.md)$/,
  /^package\/dist\/(cli|server|engine)\.js$/,
  /^package\/dist\/validators\/(compose|hns-v1|hcn-v2)-validators\.js$/,
  /^package\/docs\/[\w./-]+\.md$/,
  /^package\/schemas\/winnetrc\.schema\.json$/,
];

const built = ['cli.js', 'server.js', 'engine.js', 'validators/compose-validators.js'].every((f) => existsSync(join(REPO, 'dist', f)));

describe('the npm package', { skip: !built && 'dist/ not built (scripts/run-tests.mjs builds it; or npm run build)' }, () => {
  const work = tempDir('npm-package');
  const app = join(work.path, 'app');
  const cacheDir = join(work.path, 'v8-cache');
  let tarball = '';
  let names: string[] = [];
  // `--offline`: nothing may come from the registry, neither here nor when npx resolves the bin.
  const env = childEnv({ npm_config_offline: 'true', npm_config_update_notifier: 'false', WINNET_CODE_CACHE: cacheDir });
  const npx = (args: string[], cwd = app) => run('npx', ['--no', '--', 'winnet', ...args], { cwd, env });

  before(() => {
    const packed = runOk('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work.path], { cwd: REPO, env });
    tarball = join(work.path, JSON.parse(packed.stdout)[0].filename);
    names = runOk('tar', ['-tzf', tarball])
      .stdout.split('\n')
      .filter((n) => n && !n.endsWith('/'));
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "private": true }\n');
    writeFileSync(join(app, 'docker-compose.yml'), BAD_COMPOSE);
    writeFileSync(join(app, 'compose.yaml'), CLEAN_COMPOSE);
    runOk('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, env });
  });
  after(() => work.remove());

  it('holds the bundles, the docs pages, the config schema, README, LICENSE and CHANGELOG, and no sources or tests', () => {
    for (const file of ['dist/cli.js', 'dist/server.js', 'dist/engine.js', 'README.md', 'LICENSE', 'package.json', 'docs/rules/README.md']) {
      assert.ok(names.includes(`package/${file}`), `${file} missing from ${names.join(', ')}`);
    }
    for (const name of ['compose', 'hns-v1', 'hcn-v2']) assert.ok(names.includes(`package/dist/validators/${name}-validators.js`), name);
    // Every rule's page: SARIF's helpUri, the LSP diagnostics' links and `winnet explain` point at them.
    for (const meta of ALL_RULE_META) assert.ok(names.includes(`package/docs/rules/${meta.id}.md`), `docs/rules/${meta.id}.md`);
    assert.deepEqual(
      names.filter((n) => !ALLOWED.some((re) => re.test(n))),
      [],
    );
    assert.deepEqual(
      names.filter((n) => /\.(ts|map|mjs|cjs|vsix|tgz)$|node_modules|\/(test|server|client|scripts|bench|examples|src)\//.test(n)),
      [],
    );
  });

  it('declares the two bins and needs no dependencies at install time', () => {
    const manifest = JSON.parse(readFileSync(join(app, 'node_modules', 'winnet', 'package.json'), 'utf8'));
    assert.deepEqual(manifest.bin, { winnet: 'dist/cli.js', 'winnet-language-server': 'dist/server.js' });
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'the bundles carry their dependencies');
    // Nothing but winnet itself was installed (the offline install would have failed otherwise, too).
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8'));
    assert.deepEqual(
      Object.keys(lock.packages).filter((p) => p),
      ['node_modules/winnet'],
    );
  });

  it('npx winnet --version prints the package version', () => {
    const ran = npx(['--version']);
    assert.equal(ran.status, 0, ran.stderr);
    assert.equal(ran.stdout.trim(), VERSION);
  });

  it('npx winnet check reports a bad compose file with exit code 1, and a clean one with 0', () => {
    const bad = npx(['check', 'docker-compose.yml']);
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /network-mode-host/);
    const clean = npx(['check', 'compose.yaml']);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  });

  it('links SARIF rules to the docs pages installed with the package', () => {
    const ran = npx(['check', 'docker-compose.yml', '--format', 'sarif']);
    assert.equal(ran.status, 1, ran.stderr);
    const rules: { id: string; helpUri: string }[] = JSON.parse(ran.stdout).runs[0].tool.driver.rules;
    const helpUri = rules.find((r) => r.id === 'network-mode-host')!.helpUri;
    const page = fileURLToPath(helpUri);
    assert.equal(page, join(app, 'node_modules', 'winnet', 'docs', 'rules', 'network-mode-host.md'));
    assert.ok(existsSync(page), page);
  });

  it('npx winnet explain prints a rule page and explains an error with links to the installed docs', () => {
    const page = npx(['explain', 'network-mode-host']);
    assert.equal(page.status, 0, page.stderr);
    assert.match(page.stdout, /network_mode: host/);
    const error = npx(['explain', 'Error response from daemon: network host not found']);
    assert.equal(error.status, 0, error.stderr);
    const links = [...error.stdout.matchAll(/<(file:[^>]+)>/g)].map((m) => fileURLToPath(m[1]));
    assert.ok(links.length > 0, error.stdout);
    for (const link of links) {
      assert.ok(link.startsWith(join(app, 'node_modules', 'winnet', 'docs')), link);
      assert.ok(existsSync(link), link);
    }
  });

  it('winnet-language-server --stdio answers initialize and publishes diagnostics', async () => {
    // The bin as an editor runs it: the link npm made in node_modules/.bin, executed through its shebang.
    const bin = join(app, 'node_modules', '.bin', 'winnet-language-server');
    const child = spawn(bin, ['--stdio'], { cwd: app, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const uri = pathToFileURL(join(app, 'docker-compose.yml')).href;
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        if (params.uri === uri && params.diagnostics.length) resolve(params);
      }),
    );
    connection.listen();
    try {
      const init = (await withTimeout(
        connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(app).href, capabilities: {}, workspaceFolders: null }),
        () => `no answer to initialize; stderr: ${stderr}`,
      )) as { capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } };
      assert.deepEqual(init.serverInfo, { name: 'winnet', version: VERSION });
      assert.ok(init.capabilities.textDocumentSync, JSON.stringify(init.capabilities));
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockercompose', version: 1, text: BAD_COMPOSE } });
      const { diagnostics } = await withTimeout(published, () => `no diagnostics; stderr: ${stderr}`);
      const hostMode = diagnostics.find((d) => d.code === 'network-mode-host');
      assert.ok(hostMode, JSON.stringify(diagnostics));
      const docs = fileURLToPath(hostMode.codeDescription!.href);
      assert.equal(docs, join(app, 'node_modules', 'winnet', 'docs', 'rules', 'network-mode-host.md'));
      await withTimeout(connection.sendRequest('shutdown'), () => 'no answer to shutdown');
      await connection.sendNotification('exit');
      assert.equal(await withTimeout(exited, () => 'the server did not exit'), 0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

/** A hang guard, not a measurement. */
function withTimeout<T>(promise: Promise<T>, message: () => string, ms = 30000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
