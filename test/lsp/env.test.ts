/**
 * Compose variables in the language server: a compose file is checked with its project's `.env` (the open buffer, else
 * the disk) or the `winnet.envFiles` instead, and the process environment only when `winnet.readProcessEnvironment`
 * allows it in a trusted workspace. Findings name the values; hovers, go to definition and inlay hints show them; an
 * edit of the `.env`, open or on disk, re-checks the compose files that read it; the `.env` itself gets diagnostics,
 * with the variables no compose file of its project uses.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Hover, InlayHint, Location, Position } from 'vscode-languageserver-protocol';
import { LspClient } from '../support/lsp-client';

const IMAGE = 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022';
const COMPOSE = `services:\n  web:\n    image: ${IMAGE}\n    isolation: \${ISOLATION}\n    networks: [app]\nnetworks:\n  app:\n    driver: \${DRIVER:-nat}\n`;
const DOTENV = '# the project\nISOLATION=hyper-v\nUNUSED=1\n';

const uriOf = (path: string) => pathToFileURL(path).href;
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const messageOf = (d: Diagnostic | undefined) => (d === undefined ? undefined : typeof d.message === 'string' ? d.message : d.message.value);
const isolationValue = (ds: Diagnostic[]) => ds.find((d) => d.code === 'isolation-value');

/** The position of `marker` in `text`, `delta` characters in. */
function positionOf(text: string, marker: string, delta = 0): Position {
  const offset = text.indexOf(marker) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** A fresh project folder with the given files; paths and URIs of the compose file and its `.env`. */
function project(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'winnet-env-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return { dir, compose: uriOf(join(dir, 'compose.yaml')), env: uriOf(join(dir, '.env')) };
}

/**
 * Initializes as VS Code does for what these tests need: pulled settings, and inlay hint refreshes; `nextRefresh`
 * resolves at the server's next `workspace/inlayHint/refresh` (and rejects after 30 s: a hang guard, not a measurement).
 */
async function initialize(client: LspClient, rootUri: string, initializationOptions?: unknown): Promise<{ nextRefresh: () => Promise<void> }> {
  const waiting: (() => void)[] = [];
  client.connection.onRequest('workspace/inlayHint/refresh', () => {
    for (const wake of waiting.splice(0)) wake();
    return null;
  });
  const nextRefresh = () =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no workspace/inlayHint/refresh')), 30000);
      timer.unref();
      waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    capabilities: {
      workspace: { configuration: true, inlayHint: { refreshSupport: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, inlayHint: {} },
    },
    ...(initializationOptions === undefined ? {} : { initializationOptions }),
  });
  await client.connection.sendNotification('initialized', {});
  return { nextRefresh };
}

describe('compose variables from the project .env', () => {
  const p = project({ 'compose.yaml': COMPOSE, '.env': DOTENV });
  const client = new LspClient();
  let nextRefresh: () => Promise<void>;
  const hints = () =>
    client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: p.compose },
      range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } },
    });
  before(async () => {
    ({ nextRefresh } = await initialize(client, uriOf(p.dir)));
  });
  after(() => client.shutdown());

  it('a finding on a substituted value names the value and the .env line, with the line as related information', async () => {
    client.open(p.compose, COMPOSE);
    const ds = await client.diagnosticsFor(p.compose, (d) => isolationValue(d.diagnostics) !== undefined);
    const finding = isolationValue(ds)!;
    assert.match(messageOf(finding)!, /`isolation: hyper-v` fails on Windows/);
    assert.match(messageOf(finding)!, /\[`\$\{ISOLATION\}` is `hyper-v` here \(\.env line 2\)\]/);
    assert.deepEqual(
      finding.relatedInformation?.filter((r) => r.location.uri === p.env).map((r) => [r.location.range.start.line, r.message]),
      [[1, 'ISOLATION=hyper-v: the value compose substitutes for `${ISOLATION}`']],
    );
  });

  it('hovers on `${ISOLATION}` with its value and source, then the isolation facts of that value', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: p.compose }, position: positionOf(COMPOSE, '${ISOLATION}', 3) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /^\*\*`\$\{ISOLATION\}`\*\* is `hyper-v`\n\n`ISOLATION` is set in \.env line 2 \(`ISOLATION=hyper-v`\)\./);
    assert.match(value, /`hyper-v` is not one of them: the daemon refuses it/);
    assert.deepEqual(hover.range, { start: positionOf(COMPOSE, '${ISOLATION}'), end: positionOf(COMPOSE, '${ISOLATION}', 12) });
  });

  it('goes from `${ISOLATION}` to its name in .env', async () => {
    const locations = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: p.compose },
      position: positionOf(COMPOSE, '${ISOLATION}', 4),
    });
    assert.deepEqual(locations, [{ uri: p.env, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } } }]);
  });

  it('shows ` = value` after each substituted expression', async () => {
    assert.deepEqual(
      (await hints()).map((h) => [h.position, h.label, h.paddingLeft]),
      [
        [positionOf(COMPOSE, '${ISOLATION}', 12), '= hyper-v', true],
        [positionOf(COMPOSE, '${DRIVER:-nat}', 14), '= nat', true],
      ],
    );
  });

  it('the open .env gets its diagnostics: a variable no compose file uses is a hint', async () => {
    client.open(p.env, DOTENV, 'dotenv');
    const ds = await client.diagnosticsFor(p.env, (d) => d.diagnostics.length > 0);
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['env-file', 4, 2, 0, 6]],
    );
    assert.match(messageOf(ds[0])!, /`UNUSED` is not used by the compose files that read \.env/);
  });

  it('editing the open .env re-checks the compose file, its hovers and inlay hints, and asks for the hints again', async () => {
    const refreshed = nextRefresh();
    client.change(p.env, 2, [{ text: '# the project\nISOLATION=process\nUNUSED=1\n' }]);
    const ds = await client.diagnosticsFor(p.compose, (d) => isolationValue(d.diagnostics) === undefined);
    assert.deepEqual(codes(ds), []);
    assert.deepEqual(
      (await hints()).map((h) => h.label),
      ['= process', '= nat'],
    );
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: p.compose }, position: positionOf(COMPOSE, '${ISOLATION}', 3) });
    assert.match((hover.contents as { value: string }).value, /is `process`/);
    await refreshed;
  });

  it('a compose edit that starts using a variable takes its hint away in .env', async () => {
    const text = COMPOSE.replace('    networks: [app]\n', '    networks: [app]\n    hostname: ${UNUSED}\n');
    client.change(p.compose, 2, [{ text }]);
    assert.deepEqual(await client.diagnosticsFor(p.env, (d) => d.diagnostics.length === 0), []);
    client.change(p.compose, 3, [{ text: COMPOSE }]);
    await client.diagnosticsFor(p.env, (d) => d.diagnostics.length === 1);
  });

  it('a malformed .env gives diagnostics, and the compose file is still checked with what could be read', async () => {
    client.change(p.env, 3, [{ text: 'ISOLATION=hyper-v\nBAD LINE=1\n"unclosed\n\u0000\n' }]);
    const ds = await client.diagnosticsFor(p.env, (d) => d.diagnostics.some((x) => x.severity === 1));
    assert.ok(ds.every((d) => d.code === 'env-file'));
    assert.match(messageOf(ds.find((d) => d.severity === 1))!, /compose stops here/);
    await client.diagnosticsFor(p.compose, (d) => isolationValue(d.diagnostics) !== undefined);
  });

  it('closing the .env reads it from disk again; a change on disk re-checks the compose file', async () => {
    client.change(p.env, 4, [{ text: 'ISOLATION=process\n' }]);
    await client.diagnosticsFor(p.compose, (d) => isolationValue(d.diagnostics) === undefined);
    client.close(p.env);
    await client.diagnosticsFor(p.compose, (d) => isolationValue(d.diagnostics) !== undefined);
    writeFileSync(join(p.dir, '.env'), 'ISOLATION=hyperv\n');
    client.watchedFilesChanged([{ uri: p.env, type: 2 }]);
    await client.diagnosticsFor(p.compose, (d) => isolationValue(d.diagnostics) === undefined);
  });

  it('`winnet.envFiles` replaces .env; `winnet.inlayHints.variables: false` hides the hints', async () => {
    writeFileSync(join(p.dir, 'deploy.env'), 'ISOLATION=Hyper-V\n');
    await client.configure({ envFiles: ['deploy.env'] });
    const ds = await client.diagnosticsFor(p.compose, (d) => /deploy\.env line 1/.test(messageOf(isolationValue(d.diagnostics)) ?? ''));
    assert.match(messageOf(isolationValue(ds))!, /`\$\{ISOLATION\}` is `Hyper-V` here/);
    await client.configure({ inlayHints: { variables: false } });
    assert.deepEqual(await hints(), []);
    await client.configure({});
  });

  it('logged no error on the way', () => {
    assert.deepEqual(
      client.logs.filter((l) => l.type === 1),
      [],
    );
  });
});

describe('COMPOSE_FILE in .env', () => {
  const WINDOWS = 'networks:\n  app:\n    enable_ipv6: true\n';
  const p = project({ 'compose.yaml': COMPOSE, 'windows.yml': WINDOWS, '.env': 'ISOLATION=process\nCOMPOSE_FILE=compose.yaml:windows.yml\n' });
  const client = new LspClient();
  before(() => initialize(client, uriOf(p.dir)));
  after(() => client.shutdown());

  it('names the files checked together, as `docker compose` reads them there', async () => {
    client.open(p.compose, COMPOSE);
    const windows = uriOf(join(p.dir, 'windows.yml'));
    assert.deepEqual(codes(await client.diagnosticsFor(windows, (d) => d.diagnostics.length > 0)), ['enable-ipv6']);
  });
});

describe('an env file with no compose file known', () => {
  const p = project({ 'lonely/.env': 'A=1\n' });
  const client = new LspClient();
  before(() => initialize(client, uriOf(p.dir)));
  after(() => client.shutdown());

  it('calls no variable unused', async () => {
    const uri = uriOf(join(p.dir, 'lonely', '.env'));
    client.open(uri, 'A=1\n', 'plaintext');
    assert.deepEqual(await client.diagnosticsFor(uri), []);
  });
});

/**
 * Trust and the process environment: the server reads its own environment only when `winnet.readProcessEnvironment`
 * is on and the workspace is trusted, and in an untrusted workspace no `.env` outside the workspace folders. Each
 * check is awaited by a marker the settings make (network-mode-host as a hint), so a check made before the settings
 * arrived is never taken for the answer.
 */
describe('trust and the process environment', () => {
  const SHELL_VARIABLE = 'WINNET_TEST_ISOLATION';
  const text = `services:\n  web:\n    image: ${IMAGE}\n    isolation: \${${SHELL_VARIABLE}:-process}\n    hostname: \${FROM_DOTENV:-none}\n    network_mode: host\n`;

  /**
   * The isolation finding (there is one only when the shell's `hyper-v` was read) and the hover on the hostname's
   * variable (set only in `.env`), for a compose file inside the workspace folder or outside it.
   */
  async function checkedWith(trusted: boolean, inside: boolean, readProcessEnvironment = true): Promise<{ isolation?: string; hover: string }> {
    const root = mkdtempSync(join(tmpdir(), 'winnet-env-trust-'));
    const workspace = join(root, 'workspace');
    const dir = inside ? join(workspace, 'app') : join(root, 'elsewhere');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'compose.yaml'), text);
    writeFileSync(join(dir, '.env'), 'FROM_DOTENV=web-from-dotenv\n');
    const client = new LspClient({ env: { ...process.env, [SHELL_VARIABLE]: 'hyper-v' } });
    try {
      client.settings = { readProcessEnvironment, rules: { 'network-mode-host': 'hint' } };
      await initialize(client, uriOf(workspace), { workspaceTrusted: trusted });
      const uri = uriOf(join(dir, 'compose.yaml'));
      client.open(uri, text);
      const ds = await client.diagnosticsFor(uri, (d) => d.diagnostics.some((x) => x.code === 'network-mode-host' && x.severity === 4));
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '${FROM_DOTENV', 3) });
      return { isolation: messageOf(isolationValue(ds)), hover: (hover?.contents as { value: string } | undefined)?.value ?? '' };
    } finally {
      await client.shutdown();
    }
  }

  it('trusted, with the setting on: the environment wins, and the .env is read', async () => {
    const { isolation, hover } = await checkedWith(true, true);
    assert.match(isolation ?? '', /is `hyper-v` here \(the environment\)/);
    assert.match(hover, /is `web-from-dotenv`/);
  });

  it('trusted, with the setting off (the default): no process environment', async () => {
    const { isolation, hover } = await checkedWith(true, true, false);
    assert.equal(isolation, undefined);
    assert.match(hover, /is `web-from-dotenv`/);
  });

  it('untrusted: no process environment whatever the setting; a .env inside the workspace is read', async () => {
    const { isolation, hover } = await checkedWith(false, true);
    assert.equal(isolation, undefined);
    assert.match(hover, /is `web-from-dotenv`/);
  });

  it('untrusted: a .env outside the workspace folders is not read', async () => {
    const { isolation, hover } = await checkedWith(false, false);
    assert.equal(isolation, undefined);
    assert.match(hover, /is `none`/);
    assert.match(hover, /winnet read no `\.env` for this project/);
  });

  it('trusted, outside the workspace folders: the .env is read', async () => {
    const { hover } = await checkedWith(true, false);
    assert.match(hover, /is `web-from-dotenv`/);
  });
});
