/**
 * Security properties of the server and the CLI:
 * - no network access and no child processes: statically (none of our sources imports net, http, https, http2,
 *   tls, dgram, dns or child_process; the server bundle gets `net` and `child_process` only from
 *   vscode-languageserver/vscode-jsonrpc, which keep transports and npm-path helpers we never call) and at run
 *   time (the bundles run under a hook that throws on any use, see support/no-io-hook.cjs);
 * - no eval / new Function: the bundles run under `--disallow-code-generation-from-strings`, and contain neither;
 *   the one use of `vm` is server/src/lsp/code-cache.ts, which compiles the server's own bundles (dist/engine.js and
 *   its validators, read from the install folder) with V8's code cache from a directory private to the user;
 * - schemas resolve no remote `$ref`;
 * - hostile keys (`__proto__`, `constructor`, `prototype`) in documents, settings and config files pollute no
 *   prototype;
 * - YAML tags construct nothing: a `!!js/function` or `!!python/object` is a syntax finding, a local tag is data.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../server/src/cli/config';
import { checkComposeSet } from '../../server/src/engine/check-set';
import { parseDocument } from '../../server/src/documents/document';
import { checkDocument } from '../../server/src/engine/check';
import { createLanguageService } from '../../server/src/service/language-service';
import { settingsFrom } from '../../server/src/service/settings';
import { CORPUS, hasCorpus } from './support/corpus';
import { CLI_BUNDLE, fileUri, NO_IO_HOOK, REPO, SERVER_BUNDLE, LspClient } from '../support/lsp-client';

const FORBIDDEN = ['net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'child_process', 'worker_threads', 'cluster', 'inspector', 'vm'];
const bare = (p: string) => p.replace(/^node:/, '');
const GUARDED_NODE = ['--disallow-code-generation-from-strings', '--require', NO_IO_HOOK];
/** The only forbidden module our own code may import, and where: see the header. */
const ALLOWED_OWN = [{ importer: 'server/src/lsp/code-cache.ts', module: 'vm' }];
const allowedOwn = (i: { importer: string; module: string }) => ALLOWED_OWN.some((a) => a.importer === i.importer && a.module === i.module);

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}

async function metafileOf(entry: string): Promise<Metafile> {
  // The same options as esbuild.js, without writing: which input file imports which built-in module.
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(REPO, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: REPO,
  });
  return result.metafile as Metafile;
}

function forbiddenImports(meta: Metafile): { importer: string; module: string }[] {
  const out: { importer: string; module: string }[] = [];
  for (const [importer, input] of Object.entries(meta.inputs)) {
    for (const imp of input.imports) if (imp.external && FORBIDDEN.includes(bare(imp.path))) out.push({ importer, module: bare(imp.path) });
  }
  return out;
}

describe('security: no network, no processes, no code from strings', () => {
  it('none of our server or CLI sources imports a network or process module', async () => {
    for (const entry of ['server/src/lsp/server.ts', 'server/src/cli/main.ts']) {
      const imports = forbiddenImports(await metafileOf(entry));
      const ours = imports.filter((i) => !/(^|\/)node_modules\//.test(i.importer) && !allowedOwn(i));
      assert.deepEqual(ours, [], `${entry}: our own code imports ${JSON.stringify(ours)}`);
    }
  });

  it('the CLI bundle imports no network or process module at all', async () => {
    assert.deepEqual(forbiddenImports(await metafileOf('server/src/cli/main.ts')), []);
    const text = readFileSync(CLI_BUNDLE, 'utf8');
    for (const m of FORBIDDEN) assert.ok(!new RegExp(`require\\("(node:)?${m}"\\)`).test(text), `dist/cli.js requires ${m}`);
  });

  it('the server bundle gets net and child_process only from the LSP libraries', async () => {
    const imports = forbiddenImports(await metafileOf('server/src/lsp/server.ts'));
    for (const i of imports.filter((i) => !allowedOwn(i))) {
      assert.match(i.importer, /(^|\/)node_modules\/(vscode-languageserver|vscode-jsonrpc)\//, `${i.importer} imports ${i.module}`);
      assert.ok(['net', 'child_process'].includes(i.module), `${i.importer} imports ${i.module}`);
    }
  });

  it('the bundles contain no eval and no Function constructor', () => {
    // The server's engine and the schema validators are bundles of their own, loaded after start-up.
    const apart = [join(REPO, 'dist', 'engine.js'), ...readdirSync(join(REPO, 'dist', 'validators')).map((name) => join(REPO, 'dist', 'validators', name))];
    for (const bundle of [CLI_BUNDLE, SERVER_BUNDLE, ...apart]) {
      const text = readFileSync(bundle, 'utf8');
      assert.ok(!/(^|[^.\w$])eval\s*\(/.test(text), `${relative(REPO, bundle)} calls eval`);
      assert.ok(!/new\s+Function\s*\(/.test(text), `${relative(REPO, bundle)} uses new Function`);
      assert.ok(!/(^|[^.\w$])Function\s*\(\s*["'`]/.test(text), `${relative(REPO, bundle)} calls Function(...)`);
    }
  });

  it('the guards themselves catch a process, a connection, a fetch and code from strings', () => {
    for (const code of [
      "require('child_process').spawnSync('true')",
      "require('node:net').connect(1, '127.0.0.1')",
      "require('https').get('https://example.com')",
      "fetch('https://example.com')",
      "new Function('return 1')()",
      "eval('1')",
    ]) {
      const run = spawnSync(process.execPath, [...GUARDED_NODE, '-e', code], { encoding: 'utf8' });
      assert.notEqual(run.status, 0, code);
      assert.match(run.stderr, /WINNET-IO-VIOLATION|EvalError/, code);
    }
  });

  it('the CLI checks and fixes the examples and the corpus under the no-I/O hook without code generation', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'winnet-sec-'));
    try {
      cpSync(join(REPO, 'examples'), join(scratch, 'examples'), { recursive: true });
      const targets = [join(scratch, 'examples'), ...(hasCorpus() ? [CORPUS] : [])];
      for (const args of [
        ['check', ...targets, '--format', 'json'],
        ['check', join(scratch, 'examples'), '--fix'],
        ['check', ...targets, '--format', 'sarif'],
      ]) {
        const run = spawnSync(process.execPath, [...GUARDED_NODE, CLI_BUNDLE, ...args], { encoding: 'utf8', cwd: scratch, maxBuffer: 64 * 1024 * 1024 });
        assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr.slice(0, 2000)}`);
        assert.doesNotMatch(run.stderr, /WINNET-IO-(VIOLATION|LOAD)/);
        assert.doesNotMatch(run.stderr, /EvalError|Code generation from strings disallowed/);
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  describe('the server under the no-I/O hook without code generation', () => {
    let server: LspClient;
    const dir = mkdtempSync(join(tmpdir(), 'winnet-sec-lsp-'));
    before(async () => {
      server = new LspClient({ nodeArgs: GUARDED_NODE });
      await server.initialize();
    });
    after(async () => {
      await server.shutdown();
      rmSync(dir, { recursive: true, force: true });
    });

    it('serves diagnostics, hovers, completions, code actions, definitions and sets', async () => {
      writeFileSync(join(dir, 'compose.override.yaml'), 'services:\n  web:\n    ports: ["127.0.0.1:81:81"]\n');
      const uri = fileUri(join(dir, 'compose.yaml'));
      const text =
        readFileSync(join(REPO, 'examples', 'iis-sql', 'docker-compose.yml'), 'utf8') +
        'include:\n  - https://example.com/remote/compose.yaml\n  - missing.yaml\n';
      server.open(uri, text);
      const ds = await server.diagnosticsFor(uri, (d) => d.diagnostics.length > 0);
      assert.ok(ds.length > 0);
      const position = { line: 3, character: 6 };
      await server.request('textDocument/hover', { textDocument: { uri }, position });
      await server.request('textDocument/completion', { textDocument: { uri }, position });
      await server.request('textDocument/definition', { textDocument: { uri }, position });
      await server.request('textDocument/codeAction', { textDocument: { uri }, range: ds[0].range, context: { diagnostics: ds } });
      await server.configure({ target: 'windows', rules: { links: 'off', __proto__: 'off', constructor: 'error' } });
      const json = fileUri(join(dir, 'hns.json'));
      server.open(json, '{"Name": "nat", "Type": "NAT", "Policies": [{"Type": "OutBoundNAT"}], "$ref": "https://example.com/x.json"}', 'json');
      await server.diagnosticsFor(json);
      assert.doesNotMatch(server.stderr, /WINNET-IO-VIOLATION/);
      assert.doesNotMatch(server.stderr, /EvalError|Code generation from strings disallowed/);
      assert.deepEqual(
        server.logs.filter((l) => l.type === 1),
        [],
        'no errors logged',
      );
    });
  });

  it('schemas resolve no remote $ref', () => {
    const refs: string[] = [];
    const visit = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' && typeof x === 'string') refs.push(x);
          visit(x);
        }
      }
    };
    // The schemas we ship, and the compose-spec schema compiled into the bundle (generated at build time).
    for (const dir of ['schemas', join('server', 'src', 'generated')]) {
      if (!existsSync(join(REPO, dir))) continue;
      for (const file of readdirSync(join(REPO, dir)).filter((f) => f.endsWith('.json'))) visit(JSON.parse(readFileSync(join(REPO, dir, file), 'utf8')));
    }
    assert.ok(refs.length > 0, 'the schemas were read');
    for (const ref of refs) assert.match(ref, /^(#|[\w./-]+\.json(#.*)?$)/, `remote or unexpected $ref ${ref}`);
    assert.ok(!refs.some((r) => /^[a-z]+:/i.test(r)), 'no $ref with a URL scheme');
  });
});

describe('security: hostile keys and tags', () => {
  const HOSTILE = [
    'services:',
    '  __proto__:',
    '    image: mcr.microsoft.com/windows/nanoserver:ltsc2022',
    '    networks: [constructor, __proto__, prototype]',
    '    __proto__: {polluted: yes}',
    '    constructor: {prototype: {polluted: yes}}',
    '  constructor:',
    '    image: mcr.microsoft.com/windows/nanoserver:ltsc2022',
    '    ports: ["127.0.0.1:80:80"]',
    'networks:',
    '  __proto__: {driver: transparent, driver_opts: {__proto__: x, com.docker.network.windowsshim.__proto__: y}}',
    '  constructor: {driver: constructor, ipam: {driver: __proto__, config: [{subnet: __proto__}]}}',
    '  prototype: {driver: toString, driver_opts: {com.docker.network.windowsshim.constructor: 1, valueOf: 2}}',
    'x-a: &a {__proto__: {polluted: yes}}',
    'x-b:',
    '  <<: *a',
    '',
  ].join('\n');

  const clean = () => {
    const probe = {} as Record<string, unknown>;
    assert.equal(probe.polluted, undefined, 'Object.prototype.polluted');
    assert.equal(Object.keys(Object.prototype).length, 0);
    assert.equal(typeof ({} as { constructor: unknown }).constructor, 'function');
  };

  it('documents with __proto__, constructor and prototype keys are plain data', () => {
    for (const target of ['auto', 'windows', 'linux'] as const) {
      const result = checkDocument(parseDocument('compose.yaml', HOSTILE), { target });
      assert.deepEqual(result.ruleErrors, []);
      assert.ok(result.findings.length > 0);
    }
    const json =
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "Name": "x", "Type": "NAT", "Policies": [{"__proto__": {"polluted": true}, "Type": "OutBoundNAT"}]}';
    checkDocument(parseDocument('hns.json', json));
    clean();
  });

  it('the language service, settings and config files take hostile keys as data', () => {
    const service = createLanguageService();
    service.configure(settingsFrom(JSON.parse('{"rules": {"__proto__": "off", "constructor": "off", "prototype": "error"}, "target": "__proto__"}')).settings);
    const input = { uri: 'file:///w/compose.yaml', version: 1, text: HOSTILE };
    service.diagnose(input);
    for (let offset = 0; offset < HOSTILE.length; offset += 7) {
      service.hover(input, offset);
      service.complete(input, offset);
      service.codeActions(input, { start: offset, end: offset });
    }
    const dir = mkdtempSync(join(tmpdir(), 'winnet-sec-cfg-'));
    try {
      const path = join(dir, '.winnetrc.json');
      writeFileSync(path, '{"__proto__": {"polluted": true}, "rules": {"__proto__": "off"}, "constructor": {"prototype": {"polluted": true}}}');
      loadConfig(path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    clean();
  });

  it('compose file sets merge files with hostile keys as data', () => {
    const files: Record<string, string> = {
      '/p/compose.yaml': HOSTILE,
      '/p/compose.override.yaml':
        'services:\n  __proto__:\n    ports: ["8080:80"]\n  constructor:\n    extends: {service: __proto__}\nnetworks:\n  __proto__: {driver: nat}\n',
    };
    checkComposeSet(['/p/compose.yaml', '/p/compose.override.yaml'], { read: (p) => (Object.hasOwn(files, p) ? files[p] : undefined) });
    clean();
  });

  it('YAML tags construct nothing: language tags are syntax findings, local tags are data', () => {
    for (const tag of [
      '!!js/function "function(){ globalThis.pwned = 1 }"',
      '!!js/undefined ""',
      '!!js/regexp /x/',
      '!!python/object:os.system {a: 1}',
      '!!binary aGVsbG8=',
      '!!timestamp 2001-12-14',
      '!<tag:yaml.org,2002:js/function> "function(){}"',
    ]) {
      const text = `services:\n  web: ${tag}\n`;
      const result = checkDocument(parseDocument('compose.yaml', text));
      assert.deepEqual(
        result.findings.map((f) => f.rule),
        ['syntax'],
        tag,
      );
    }
    const local = parseDocument('compose.yaml', 'services:\n  web: !custom {image: !reset x, ports: !override ["80:80"]}\n');
    assert.deepEqual(local.errors, []);
    assert.equal((globalThis as { pwned?: unknown }).pwned, undefined);
  });
});
