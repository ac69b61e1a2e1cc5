/**
 * Faults: a rule that throws is isolated (logged once, every other finding still reported) in the engine, the
 * language service and the running server; the server survives protocol misuse; and a killed server can be
 * replaced by a new process that, given the open documents again, publishes the same diagnostics (what the
 * VS Code client does after a crash; the client's own restart needs VS Code and belongs to the e2e suite).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { parseDocument } from '../../server/src/documents/document';
import { checkDocument } from '../../server/src/engine/check';
import { ALL_RULES } from '../../server/src/rules/registry';
import { goldenRules } from '../../server/src/testing/golden';
import type { Rule } from '../../server/src/rules/types';
import { createLanguageService } from '../../server/src/service/language-service';
import { REPO } from './support/corpus';
import { fileUri, LspClient } from '../support/lsp-client';

const example = (p: string) => readFileSync(join(REPO, 'examples', p), 'utf8');
const IIS = example('iis-sql/docker-compose.yml');
const codes = (ds: readonly { code?: unknown }[]) => ds.map((d) => String(d.code)).sort();

const throwing: Rule = {
  meta: { ...ALL_RULES[0].meta, id: 'always-throws', kinds: ['compose'], target: 'any' },
  check() {
    throw new TypeError('injected failure');
  },
};

describe('a rule that throws is isolated', () => {
  it('in the engine: one error, every other finding unchanged', () => {
    const doc = parseDocument('compose.yaml', IIS);
    const normal = checkDocument(doc);
    const errors: string[] = [];
    const faulty = checkDocument(doc, { ruleSet: [throwing, ...ALL_RULES], onRuleError: (rule) => errors.push(rule) });
    assert.deepEqual(errors, ['always-throws']);
    assert.deepEqual(
      faulty.ruleErrors.map((e) => e.rule),
      ['always-throws'],
    );
    assert.deepEqual(faulty.findings, normal.findings);
  });

  it('in the language service: logged once per check, other findings kept, cached afterwards', () => {
    const links = ALL_RULES.find((r) => r.meta.id === 'links') as Rule;
    const original = links.check;
    const errors: string[] = [];
    try {
      links.check = () => {
        throw new Error('injected failure');
      };
      const service = createLanguageService({ onRuleError: (rule) => errors.push(rule) });
      const input = { uri: 'file:///w/docker-compose.yml', version: 1, text: IIS };
      const { result } = service.diagnose(input);
      service.hover(input, 10);
      service.codeActions(input, { start: 0, end: IIS.length });
      assert.deepEqual(errors, ['links'], 'one check, one error, whatever the features asked');
      assert.ok(!codes(result.findings.map((f) => ({ code: f.rule }))).includes('links'));
      assert.ok(result.findings.some((f) => f.rule === 'port-host-ip'));
    } finally {
      links.check = original;
    }
  });

  it('in the running server: one logged error per check, the other diagnostics published', async () => {
    const server = new LspClient({ nodeArgs: ['--import', 'tsx'], script: join(__dirname, 'support', 'server-with-throwing-rule.ts') });
    try {
      await server.initialize();
      const uri = fileUri(join(REPO, 'test-output', 'faults', 'docker-compose.yml'));
      server.open(uri, IIS);
      const ds = await server.diagnosticsFor(uri, (d) => d.diagnostics.length > 0);
      assert.deepEqual(
        codes(ds),
        goldenRules('iis-sql/docker-compose.yml')
          .filter((rule) => rule !== 'links')
          .sort(),
        "every finding but the throwing rule's",
      );
      const errors = () => server.logs.filter((l) => l.type === 1);
      assert.equal(errors().length, 1, JSON.stringify(server.logs));
      assert.match(errors()[0].message, /rule links failed: Error: injected failure/);
      // It keeps serving: an edit is checked again (and logged again), hovers still answer.
      server.change(uri, 2, [{ text: IIS.replace('127.0.0.1:', '') }]);
      const next = await server.diagnosticsFor(uri, (d) => d.version === 2);
      assert.ok(!codes(next).includes('port-host-ip'));
      assert.equal(errors().length, 2);
      await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 6 } });
    } finally {
      await server.shutdown();
    }
  });
});

describe('the server survives protocol misuse', () => {
  it('edits out of range, unknown documents, bad positions and garbage settings', async () => {
    const server = new LspClient();
    try {
      await server.initialize();
      const uri = fileUri(join(REPO, 'test-output', 'misuse', 'compose.yaml'));
      const unknown = fileUri(join(REPO, 'test-output', 'misuse', 'never-opened.yaml'));
      server.open(uri, IIS);
      await server.diagnosticsFor(uri, (d) => d.diagnostics.length > 0);
      server.change(uri, 2, [{ range: { start: { line: 900, character: 5 }, end: { line: 1000, character: 0 } }, text: '# appended past the end\n' }]);
      server.change(uri, 3, [{ range: { start: { line: 2, character: 80 }, end: { line: 1, character: 0 } }, text: '' }]);
      server.change(unknown, 7, [{ text: 'services: {}' }]);
      server.close(unknown);
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition']) {
        await server.request(method, { textDocument: { uri: unknown }, position: { line: 0, character: 0 } });
        await server.request(method, { textDocument: { uri }, position: { line: -1, character: -5 } });
        await server.request(method, { textDocument: { uri }, position: { line: 99999, character: 99999 } });
      }
      await server.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 50, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      });
      await server.configure({ target: 42, windowsVersion: {}, rules: 'all', debounceMs: -1, composeFileSets: [[1, 2], 'x'] });
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      server.change(uri, 4, [{ text: IIS }]);
      const ds = await server.diagnosticsFor(uri, (d) => d.version === 4 && d.diagnostics.length > 0);
      assert.ok(codes(ds).includes('port-host-ip'));
      assert.equal(server.process.exitCode, null, 'still running');
      assert.deepEqual(
        server.logs.filter((l) => l.type === 1 && /unexpected error/.test(l.message)),
        [],
      );
    } finally {
      await server.shutdown();
    }
  });
});

describe('a killed server is replaced', () => {
  it('after SIGKILL a new server, given the open documents again, publishes the same diagnostics', async () => {
    const docs = [
      { uri: fileUri(join(REPO, 'test-output', 'restart', 'iis', 'docker-compose.yml')), text: IIS, languageId: 'yaml' },
      {
        uri: fileUri(join(REPO, 'test-output', 'restart', 'lan', 'docker-compose.yml')),
        text: example('transparent-lan/docker-compose.yml'),
        languageId: 'yaml',
      },
      { uri: fileUri(join(REPO, 'test-output', 'restart', 'nat', 'compose.yaml')), text: example('shared-nat/compose.yaml'), languageId: 'dockercompose' },
      {
        uri: fileUri(join(REPO, 'test-output', 'restart', 'hns', 'network.json')),
        text: '{"Name": "ext", "Type": "Transparent", "Policies": [{"Type": "VLAN", "VLAN": 11}]}',
        languageId: 'json',
      },
    ];
    const first = new LspClient();
    const before = new Map<string, Diagnostic[]>();
    try {
      await first.initialize();
      for (const d of docs) first.open(d.uri, d.text, d.languageId);
      // The user keeps typing: version 2 of the first document.
      const edited = IIS.replace('network_mode: bridge', 'network_mode: nat');
      docs[0] = { ...docs[0], text: edited };
      first.change(docs[0].uri, 2, [{ text: edited }]);
      for (const d of docs) before.set(d.uri, await first.diagnosticsFor(d.uri, (p) => d !== docs[0] || p.version === 2));
      // Its outcome is taken at once: the request can fail (EPIPE) before the kill below has been awaited.
      const pending = first.request('textDocument/hover', { textDocument: { uri: docs[0].uri }, position: { line: 0, character: 0 } }).then(
        () => 'answered',
        () => 'failed',
      );
      await first.kill('SIGKILL');
      const exit = await first.exited;
      assert.equal(exit.signal, 'SIGKILL');
      assert.equal(await Promise.race([pending, first.exited.then(() => 'failed')]), 'failed');
    } finally {
      await first.shutdown();
    }

    const second = new LspClient();
    try {
      await second.initialize();
      for (const [i, d] of docs.entries()) second.open(d.uri, d.text, d.languageId, i === 0 ? 2 : 1);
      for (const d of docs) {
        const after = await second.diagnosticsFor(d.uri);
        assert.deepEqual(after, before.get(d.uri), d.uri);
      }
    } finally {
      await second.shutdown();
    }
  });
});
