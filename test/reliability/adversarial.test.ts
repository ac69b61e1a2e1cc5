/**
 * Adversarial inputs, each with a clear outcome: a finding, or a documented limit. Outcomes only (findings,
 * no throw, bounded sizes, positions inside the document); the time each case takes is measured and reported
 * by `npm run fuzz` (scripts/fuzz.ts), never asserted here. Inputs are sized to finish quickly on two cores,
 * except where the size is the point (100,000-deep nesting, a 1 MB line, a 50 MB file for the CLI).
 */
import assert from 'node:assert/strict';
import fs, { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli } from '../../server/src/cli/main';
import { MAX_FILE_BYTES } from '../../server/src/cli/files';
import { checkComposeSet } from '../../server/src/engine/check-set';
import { parseDocument } from '../../server/src/documents/document';
import type { Node } from '../../server/src/documents/tree';
import type { CheckResult } from '../../server/src/engine/check';
import { checkInvariants } from './support/invariants';
import { knownViolation } from './support/known-issues';
import { ADVERSARIAL } from './support/adversarial-inputs';
import { fileUri, LspClient } from '../support/lsp-client';

function check(path: string, text: string, targets: ('auto' | 'windows')[] = ['auto', 'windows']): CheckResult {
  const inv = checkInvariants(path, text, { targets });
  assert.deepEqual(
    inv.violations.filter((v) => !knownViolation(v, text)),
    [],
  );
  return inv.results[0];
}

const rules = (r: CheckResult) => r.findings.map((f) => f.rule);

/** Nodes of the located tree, each once, aliases not followed: what the tree costs in memory. */
function nodeCount(root: Node | undefined): number {
  let n = 0;
  const stack: Node[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    n++;
    if (node.kind === 'map') for (const p of node.pairs) stack.push(p.key, p.value);
    else if (node.kind === 'seq') stack.push(...node.items);
  }
  return n;
}

function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {} });
  return { code, stdout, stderr };
}

describe('adversarial inputs', () => {
  it('a billion-laughs alias bomb costs a tree linear in the text and a bounded number of findings', () => {
    const text = ADVERSARIAL.aliasBomb();
    const result = check('compose.yaml', text);
    assert.ok(nodeCount(parseDocument('compose.yaml', text).root) < text.length);
    assert.ok(rules(result).includes('extra-hosts'), 'the aliased extra_hosts is still reported');
    assert.ok(result.findings.length < 50, `${result.findings.length} findings`);
  });

  it('a merge-key bomb (each anchor merging the previous one nine times, twelve deep) is checked', () => {
    const result = check('compose.yaml', ADVERSARIAL.mergeBomb(12));
    assert.ok(result.findings.length < 50);
    assert.ok(rules(result).includes('network-mode-host'), 'the merged network_mode is still reported');
  });

  for (const [name, make] of Object.entries({
    'flow sequences': ADVERSARIAL.deepYamlFlowSeq,
    'flow mappings': ADVERSARIAL.deepYamlFlowMap,
    'compact block sequences': ADVERSARIAL.deepYamlBlockSeq,
  })) {
    it(`100,000-deep YAML ${name}: a nesting-limit finding, no stack overflow`, () => {
      const result = check('compose.yaml', make(100_000));
      assert.deepEqual(rules(result), ['syntax']);
      assert.match(result.findings[0].message, /nested deeper than 200 levels/);
    });
  }

  it('1,000-deep indented YAML mappings: a nesting-limit finding', () => {
    const result = check('compose.yaml', ADVERSARIAL.deepYamlIndented(1000));
    assert.deepEqual(rules(result), ['syntax']);
    assert.match(result.findings[0].message, /nested deeper than 200 levels/);
  });

  it('100,000-deep JSON arrays and objects: no stack overflow, the parser stops at the limit', () => {
    for (const text of [ADVERSARIAL.deepJsonArray(100_000), ADVERSARIAL.deepJsonObject(100_000)]) {
      const doc = parseDocument('network.json', text);
      assert.equal(doc.root, undefined);
      assert.match(doc.errors[0].message, /nested deeper than 200 levels/);
      check('network.json', text);
    }
  });

  it('a 1 MB single-line compose file is checked, positions on line 0 up to the line end', () => {
    const text = ADVERSARIAL.longLineCompose(1 << 20);
    const result = check('compose.yaml', text, ['windows']);
    assert.ok(rules(result).includes('port-host-ip'));
    const last = result.findings.reduce((a, f) => Math.max(a, f.range.end.character), 0);
    assert.ok(text.length > 1_000_000);
    assert.ok(result.findings.every((f) => f.range.start.line === 0 && f.range.end.line === 0));
    assert.ok(last > text.length - 100, 'the finding near the end of the line');
  });

  it('a 1 MB single-line HNS JSON document and a 1 MB plain scalar are read', () => {
    const json = ADVERSARIAL.longLineJson(1 << 20);
    assert.equal(parseDocument('hns.json', json).kind, 'hns-v1');
    check('hns.json', json, ['auto']);
    const scalar = `services:\n  web:\n    image: ${'a'.repeat(1 << 20)}\n`;
    assert.deepEqual(parseDocument('compose.yaml', scalar).errors, []);
    check('compose.yaml', scalar);
  });

  it('a port of 100,000 compose variables is read in one pass and not judged', () => {
    const result = check('compose.yaml', ADVERSARIAL.variablePort(100_000), ['windows']);
    assert.ok(!rules(result).some((r) => r.startsWith('port-')), rules(result).join(', '));
  });

  it('a line of 1,000,000 no-break spaces: one syntax finding when a key follows them, none of ours when nothing does', () => {
    const keyed = check('compose.yaml', ADVERSARIAL.noBreakSpaceLine(1_000_000, true));
    const irregular = keyed.findings.filter((f) => f.rule === 'syntax' && f.message.startsWith('Indentation with `U+00A0`'));
    assert.equal(irregular.length, 1);
    assert.deepEqual([irregular[0].span.end - irregular[0].span.start, irregular[0].fixes[0].edits.length], [1_000_000, 1]);
    const bare = check('compose.yaml', ADVERSARIAL.noBreakSpaceLine(1_000_000, false));
    assert.ok(!bare.findings.some((f) => f.message.startsWith('Indentation with')));
  });

  it('NUL bytes: a syntax finding at the NUL, in YAML and in JSON', () => {
    const yaml = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\u0000\n';
    const r = check('compose.yaml', yaml);
    assert.deepEqual(rules(r), ['syntax']);
    assert.equal(r.findings[0].span.start, yaml.indexOf('\u0000'));
    for (const json of ['{"Name": "a\u0000b", "Type": "NAT"}', '{"Name": "a", \u0000 "Type": "NAT"}']) {
      const j = check('hns.json', json);
      assert.deepEqual(rules(j), ['syntax']);
    }
  });

  it('mixed CRLF, LF and lone CR: every range equals the LSP position of its offset', () => {
    const text = ADVERSARIAL.mixedLineEndings();
    const result = check('compose.yaml', text);
    assert.ok(rules(result).includes('port-host-ip') && rules(result).includes('network-mode-bridge'), rules(result).join());
    const lsp = TextDocument.create('file:///x/compose.yaml', 'yaml', 1, text);
    for (const f of result.findings) {
      assert.deepEqual(f.range.start, lsp.positionAt(f.span.start), f.rule);
      assert.deepEqual(f.range.end, lsp.positionAt(f.span.end), f.rule);
    }
  });

  it('duplicate keys: a YAML syntax finding at the second key; JSON keeps the last value', () => {
    const yaml = 'services:\n  web:\n    image: a\n  web:\n    image: b\n';
    const r = check('compose.yaml', yaml);
    assert.deepEqual(rules(r), ['syntax']);
    assert.match(r.findings[0].message, /duplicated mapping key/);
    assert.equal(r.findings[0].range.start.line, 3);
    const doc = parseDocument('hns.json', '{"Name": "a", "Type": "NAT", "Type": "Transparent"}');
    assert.equal(doc.kind, 'hns-v1');
    check('hns.json', doc.text);
  });

  it('huge numbers are values, not crashes: out-of-range windowsshim values are reported', () => {
    const result = check('compose.yaml', ADVERSARIAL.hugeNumbers());
    const invalid = result.findings.filter((f) => f.rule === 'windowsshim-invalid-value');
    assert.equal(invalid.length, 2, result.findings.map((f) => f.message).join('\n'));
    check('hns.json', '{"Name": "x", "Type": "NAT", "Policies": [{"Type": "VLAN", "VLAN": 1e400}, {"Type": "VSID", "VSID": -99999999999999999999999}]}');
  });

  it('a self-referencing anchor and an undefined alias end without a loop', () => {
    check('compose.yaml', 'x-a: &a [*a]\nservices:\n  web:\n    networks: *a\n');
    const r = check('compose.yaml', 'services:\n  web:\n    <<: *nowhere\n');
    assert.deepEqual(rules(r), ['syntax']);
  });

  it('2,000 services with a finding each: every finding reported once', () => {
    const text = ADVERSARIAL.manyServices(2000);
    const result = check('compose.yaml', text);
    assert.equal(result.findings.filter((f) => f.rule === 'port-host-ip').length, 2000);
  });

  it('an include chain longer than the member limit stops reading and checks what it read', () => {
    const files = new Map<string, string>();
    for (let i = 0; i < 200; i++)
      files.set(
        `/p/f${i}.yaml`,
        `include:\n  - f${i + 1}.yaml\nservices:\n  s${i}:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    ports: ["127.0.0.1:80:80"]\n`,
      );
    const reads: string[] = [];
    const { set, results } = checkComposeSet(['/p/f0.yaml'], {
      read: (p) => {
        reads.push(p);
        return files.get(p);
      },
    });
    assert.ok(set.members.length <= 64, `${set.members.length} members`);
    assert.ok(reads.length <= 65);
    assert.ok([...results.values()].some((r) => r.findings.some((f) => f.rule === 'port-host-ip')));
  });

  it('an include that loops back and an extends that loops are findings, not hangs', () => {
    const files = new Map([
      ['/p/a.yaml', 'include:\n  - b.yaml\nservices:\n  web:\n    extends: {service: api}\n  api:\n    extends: {service: web}\n'],
      ['/p/b.yaml', 'include:\n  - a.yaml\n'],
    ]);
    const { results } = checkComposeSet(['/p/a.yaml'], { read: (p) => files.get(p) });
    const messages = [...results.values()].flatMap((r) => r.findings.map((f) => f.message));
    assert.ok(
      messages.some((m) => /loops/.test(m)),
      messages.join('\n'),
    );
  });

  describe('files beyond the size limit', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'winnet-big-'));
    });
    after(() => {
      mock.restoreAll();
      rmSync(dir, { recursive: true, force: true });
    });

    it(`the CLI does not read a 50 MB file: "larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: not checked", exit 2`, () => {
      const file = join(dir, 'compose.yaml');
      const line = `x-pad: "${'a'.repeat(1000)}"\n`;
      writeFileSync(file, Buffer.from(line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))));
      const reads: string[] = [];
      const realRead = fs.readFileSync;
      mock.method(fs, 'readFileSync', (...args: Parameters<typeof fs.readFileSync>) => {
        reads.push(String(args[0]));
        return realRead(...args);
      });
      const run = cli(['check', file, '--format', 'json'], dir);
      mock.restoreAll();
      assert.equal(run.code, 2);
      const out = JSON.parse(run.stdout) as { files: { error?: string }[] };
      assert.match(out.files[0].error ?? '', /larger than 10 MB \(50\.\d MB\): not checked/);
      assert.ok(!reads.includes(file), 'the big file was never read into memory');
    });

    it('the language server answers a document over its limit with one notice', async () => {
      const server = new LspClient();
      try {
        await server.initialize();
        const uri = fileUri(join(dir, 'big', 'compose.yaml'));
        server.open(uri, ADVERSARIAL.overServerLimit());
        const ds = await server.diagnosticsFor(uri);
        assert.equal(ds.length, 1);
        assert.equal(ds[0].code, 'too-large');
        assert.match(String(ds[0].message), /larger than 10 MB/);
        const hover = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
        assert.equal(hover, null);
      } finally {
        await server.shutdown();
      }
    });
  });

  describe('undecodable bytes', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'winnet-bytes-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('invalid UTF-8 is checked with replacement characters and never rewritten', () => {
      const file = join(dir, 'compose.yaml');
      const bytes = Buffer.concat([
        Buffer.from('# caf'),
        Buffer.from([0xe9, 0xc3, 0x28, 0xff]),
        Buffer.from('\nservices:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    network_mode: bridge\n'),
      ]);
      writeFileSync(file, bytes);
      const checked = JSON.parse(cli(['check', file, '--format', 'json'], dir).stdout) as { files: { findings: { rule: string }[] }[] };
      assert.ok(checked.files[0].findings.some((f) => f.rule === 'network-mode-bridge'));
      const fixed = JSON.parse(cli(['check', file, '--format', 'json', '--fix'], dir).stdout) as { files: { fixNote?: string }[] };
      assert.match(fixed.files[0].fixNote ?? '', /not valid text/);
      assert.deepEqual(fs.readFileSync(file), bytes);
    });

    it('invalid UTF-16 (odd length, lone surrogates) is checked, never rewritten', () => {
      const file = join(dir, 'docker-compose.yml');
      // A lone surrogate in a comment, and an odd trailing byte (decoded as U+FFFD inside the last comment).
      const text = '\uFEFFservices:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022 # \uD800 lone\n    network_mode: bridge\n# end';
      const bytes = Buffer.concat([Buffer.from(text, 'utf16le'), Buffer.from([0x41])]);
      writeFileSync(file, bytes);
      const run = cli(['check', file, '--format', 'json'], dir);
      const out = JSON.parse(run.stdout) as { files: { findings: { rule: string }[] }[] };
      assert.ok(
        out.files[0].findings.some((f) => f.rule === 'network-mode-bridge'),
        run.stdout,
      );
      const fixed = JSON.parse(cli(['check', file, '--format', 'json', '--fix'], dir).stdout) as { files: { fixNote?: string }[] };
      assert.match(fixed.files[0].fixNote ?? '', /not valid text/);
      assert.deepEqual(fs.readFileSync(file), bytes);
    });

    it('UTF-16BE with a BOM is read', () => {
      const file = join(dir, 'be', 'compose.yaml');
      fs.mkdirSync(join(dir, 'be'));
      const le = Buffer.from('\uFEFFservices:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    network_mode: bridge\n', 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      writeFileSync(file, le);
      const run = cli(['check', file, '--format', 'json'], dir);
      assert.match(run.stdout, /network-mode-bridge/);
    });
  });
});
