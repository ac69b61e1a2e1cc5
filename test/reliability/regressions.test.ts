/**
 * Regression tests for the bugs the reliability work found. Each asserts the correct behaviour; those still
 * open are marked `todo` with the file and the one-line fix they need, until that fix lands in server/src
 * (owned elsewhere); then the `todo` comes off (and its entry in support/known-issues.ts goes, so the fuzz
 * sample guards it too). Tests without `todo` guard bugs that are fixed.
 * Inputs are the smallest the fuzzing shrank them to.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { readSource } from '../../server/src/cli/files';
import { checkComposeSet } from '../../server/src/engine/check-set';
import { parseDocument } from '../../server/src/documents/document';
import { parseYaml } from '../../server/src/documents/yaml';
import { checkDocument } from '../../server/src/engine/check';
import { applyEdits } from '../../server/src/engine/fix';
import { fixText } from '../../server/src/cli/run';
import { ALL_RULES } from '../../server/src/rules/registry';
import type { Rule } from '../../server/src/rules/types';
import { treeToValue, treeViolations } from './support/invariants';
import { fileUri, LspClient } from '../support/lsp-client';

const WIN = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';

function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {} });
  return { code, stdout, stderr };
}

/** Applies each fix of each finding; returns the parse errors and texts of the results. */
function applyEachFix(path: string, text: string) {
  const doc = parseDocument(path, text);
  return checkDocument(doc, { target: 'windows' }).findings.flatMap((f) =>
    f.fixes.map((fix) => {
      const after = applyEdits(text, fix.edits);
      return { rule: f.rule, after, errors: parseDocument(path, after).errors.map((e) => e.message) };
    }),
  );
}

describe('regressions: the located YAML tree', () => {
  it('nodes at the end of a file without a final newline end inside the text', () => {
    for (const text of ['x: |\n  abc', 'services', '# only a comment', 'a: b\r# c\rd']) {
      assert.deepEqual(treeViolations(parseYaml(text).root, text.length), [], JSON.stringify(text));
    }
  });

  it('an empty block sequence item is a null item, as js-yaml reads it', () => {
    assert.deepEqual(treeToValue(parseYaml('networks:\n  - a\n  -\n  - b\n').root), { networks: ['a', null, 'b'] });
  });

  it('a single-pair mapping inside a flow sequence stays a mapping', () => {
    assert.deepEqual(treeToValue(parseYaml('extra_hosts: [gw=10.0.0.1, db: 10.0.0.2]\n').root), { extra_hosts: ['gw=10.0.0.1', { db: '10.0.0.2' }] });
  });
});

describe('regressions: the located JSON tree', () => {
  it('a document ending in an unterminated block comment keeps its nodes inside the text', () => {
    for (const text of ['[1 /*', '{"Name": "x", "Type": "NAT", "Policies": [{"Type": "VLAN"} /*']) {
      assert.deepEqual(treeViolations(parseDocument('hns.json', text).root, text.length), [], JSON.stringify(text));
    }
  });
});

describe('regressions: finding ranges', () => {
  it('a syntax finding at a CRLF line end does not end between the CR and the LF', () => {
    const text = 'services: !!str {}\r\nnetworks: {}\r\n';
    const [finding] = checkDocument(parseDocument('compose.yaml', text)).findings;
    assert.equal(finding.rule, 'syntax');
    assert.ok(!(text[finding.span.end - 1] === '\r' && text[finding.span.end] === '\n'), `span ${finding.span.start}-${finding.span.end}`);
  });

  it('a syntax finding at a surrogate pair covers the whole character', () => {
    const text = '{"Name": "x", "Type": "NAT", 😀}';
    const [finding] = checkDocument(parseDocument('hns.json', text)).findings;
    const end = text.charCodeAt(finding.span.end);
    assert.ok(!(end >= 0xdc00 && end <= 0xdfff), `span ${finding.span.start}-${finding.span.end} splits 😀`);
  });

  it('an HNS document nested past the limit still gets its nesting finding', () => {
    const text = `{"Name": "x", "Type": "NAT", "Policies": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const result = checkDocument(parseDocument('hns.json', text));
    assert.match(result.findings.map((f) => f.message).join('\n'), /nested deeper than 200 levels/);
  });
});

describe('regressions: suppression comments', () => {
  it('a directive inside a string value is not a comment and silences nothing', () => {
    const yaml = `services:\n  web:\n    image: ${WIN}\n    command: "echo # winnet-disable-file"\n    network_mode: bridge\n`;
    assert.deepEqual(
      checkDocument(parseDocument('compose.yaml', yaml)).findings.map((f) => f.rule),
      ['network-mode-bridge'],
    );
    const json = '{"Name": "x # winnet-disable-file", "Type": "NAT", ';
    assert.ok(checkDocument(parseDocument('hns.json', json)).findings.some((f) => f.rule === 'syntax'));
  });
});

describe('regressions: safe fixes', () => {
  it('no fix is offered that would delete an anchor an alias still uses', () => {
    const lines = [
      'services:',
      '  web:',
      `    image: ${WIN}`,
      '    extra_hosts: &hosts',
      '      db: 10.0.0.2',
      'networks:',
      '  lan:',
      '    driver: nat',
      '    ipam:',
      '      options: &opts',
      '        foo: bar',
      '    external: &ext',
      '      name: nat',
    ];
    const anchored = [...lines, 'x-reuse:', '  hosts: *hosts', '  opts: *opts', '  <<: *ext', ''].join('\n');
    const fixesByRule = (text: string) =>
      new Map(checkDocument(parseDocument('compose.yaml', text), { target: 'windows' }).findings.map((f) => [f.rule, f.fixes]));
    const RULES = ['extra-hosts', 'ipam-options', 'external-name-deprecated'];
    // The same pairs without anchors get fixes that rewrite or remove them: these are the fixes at stake.
    const plain = fixesByRule(`${lines.map((l) => l.replace(/ &\w+$/, '')).join('\n')}\n`);
    for (const rule of RULES) assert.ok(plain.get(rule)?.length, `${rule} has a fix when nothing is anchored`);
    // With the anchors, the findings are still reported, and no fix of any finding loses an anchor or breaks the file.
    const withAnchors = fixesByRule(anchored);
    assert.deepEqual(
      RULES.filter((r) => withAnchors.has(r)),
      RULES,
      'the findings are still reported',
    );
    for (const r of applyEachFix('compose.yaml', anchored)) {
      for (const anchor of ['&hosts', '&opts', '&ext']) assert.ok(r.after.includes(anchor), `${r.rule} deleted ${anchor}:\n${r.after}`);
      assert.deepEqual(r.errors, [], `${r.rule} broke the document:\n${r.after}`);
    }
  });

  it('dropping a host IP keeps a flow sequence and its brackets intact', () => {
    for (const ports of ['[10.0.0.1::80, 8080:80]', '["10.0.0.1:8080:80", 81]', '[127.0.0.1:8080:80]']) {
      const results = applyEachFix('compose.yaml', `services:\n  web:\n    image: ${WIN}\n    ports: ${ports}\n`).filter((r) => r.rule === 'port-host-ip');
      assert.ok(results.length > 0, ports);
      for (const r of results) assert.deepEqual(r.errors, [], `${ports} became:\n${r.after}`);
    }
  });

  it('a windowsshim option is not renamed onto an option already set', () => {
    const text = `services:\n  web:\n    image: ${WIN}\nnetworks:\n  lan:\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.vlanid: "11"\n      com.docker.network.windowsshim.vlanId: "12"\n`;
    for (const r of applyEachFix('compose.yaml', text)) assert.deepEqual(r.errors, [], `${r.rule}:\n${r.after}`);
  });

  it('the external.name fix keeps CRLF line endings and works in flow mappings', () => {
    const crlf = `services:\r\n  web:\r\n    image: ${WIN}\r\nnetworks:\r\n  default:\r\n    external:\r\n      name: nat\r\n`;
    const fixed = fixText('compose.yaml', crlf, {});
    assert.notEqual(fixed, crlf);
    assert.ok(!/[^\r]\n/.test(fixed), JSON.stringify(fixed));
    const flow = `services:\n  web:\n    image: ${WIN}\nnetworks:\n  default: {\n    external: {name: nat}\n  }\n`;
    for (const r of applyEachFix('compose.yaml', flow)) assert.deepEqual(r.errors, [], `${r.rule}:\n${r.after}`);
  });
});

describe('regressions: compose file sets', () => {
  it('top-level keys named like Object.prototype members merge as data', () => {
    for (const key of ['valueOf', 'hasOwnProperty', '__proto__', 'toString', 'constructor']) {
      const files = new Map([
        ['/p/compose.yaml', `services:\n  web:\n    image: ${WIN}\n${key}: [a]\n`],
        ['/p/compose.override.yaml', `${key}: [b]\n`],
      ]);
      assert.doesNotThrow(() => checkComposeSet(['/p/compose.yaml', '/p/compose.override.yaml'], { read: (p) => files.get(p) }), key);
    }
  });

  it('the CLI reports an internal error as exit code 2, not as findings (exit 1), and throws nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnet-reg-'));
    // A broken rule registration (its metadata throws) fails outside the per-rule isolation: an internal error.
    const registry = ALL_RULES as Rule[];
    const broken = {
      get meta(): never {
        throw new Error('broken rule');
      },
      check() {},
    } as unknown as Rule;
    try {
      writeFileSync(join(dir, 'compose.yaml'), `services:\n  web:\n    image: ${WIN}\n`);
      writeFileSync(join(dir, 'hns.json'), '{"Name": "nat", "Type": "NAT"}');
      registry.push(broken);
      let run: ReturnType<typeof cli> | undefined;
      assert.doesNotThrow(() => (run = cli(['check', dir, '--format', 'json'], dir)));
      assert.equal(run!.code, 2);
      assert.match(run!.stdout, /broken rule/);
    } finally {
      registry.splice(registry.indexOf(broken), 1);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an internal error in one file is reported against that file; the other files are still checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnet-reg-'));
    // A rule registration that breaks only for HNS documents: the compose file is unaffected.
    const registry = ALL_RULES as Rule[];
    const kinds = {
      includes: (kind: string) => {
        if (kind === 'hns-v1') throw new Error('broken for HNS');
        return false;
      },
    };
    const broken = { meta: { id: 'broken', kinds, target: 'any', defaultSeverity: 'error' }, check() {} } as unknown as Rule;
    try {
      writeFileSync(join(dir, 'compose.yaml'), `services:\n  web:\n    image: ${WIN}\n    network_mode: bridge\n`);
      writeFileSync(join(dir, 'hns.json'), '{"Name": "nat", "Type": "NAT"}');
      registry.push(broken);
      const json = cli(['check', dir, '--format', 'json'], dir);
      assert.equal(json.code, 2);
      assert.match(json.stderr, /^winnet: internal error while checking hns\.json: broken for HNS$/m);
      const files = (JSON.parse(json.stdout) as { files: { path: string; error?: string; findings: { rule: string }[] }[] }).files;
      assert.deepEqual(
        files.map((f) => [f.path, f.error, f.findings.map((x) => x.rule)]),
        [
          ['compose.yaml', undefined, ['network-mode-bridge']],
          ['hns.json', 'internal error while checking this file: broken for HNS', []],
        ],
      );
      const stylish = cli(['check', dir], dir);
      assert.equal(stylish.code, 2);
      assert.match(stylish.stdout, /1 not checked/);
    } finally {
      registry.splice(registry.indexOf(broken), 1);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI reports a syntax error of a compose file once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnet-reg-'));
    try {
      writeFileSync(join(dir, 'compose.yaml'), 'services:\n  web:\n    image: a\n  web:\n    image: b\n');
      const out = JSON.parse(cli(['check', join(dir, 'compose.yaml'), '--format', 'json'], dir).stdout) as { files: { findings: { rule: string }[] }[] };
      assert.deepEqual(
        out.files[0].findings.map((f) => f.rule),
        ['syntax'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file included along many paths is expanded once', () => {
    const depth = 16;
    const files = new Map<string, string>();
    for (let i = 0; i < depth; i++) files.set(`/p/f${i}.yaml`, `include:\n  - f${i + 1}.yaml\n  - f${i + 2}.yaml\nservices:\n  s${i}:\n    image: ${WIN}\n`);
    files.set(`/p/f${depth}.yaml`, 'include:\n  - missing.yaml\nservices: {}\n');
    const { results } = checkComposeSet(['/p/f0.yaml'], { read: (p) => files.get(p) });
    const findings = [...results.values()].reduce((n, r) => n + r.findings.length, 0);
    assert.ok(findings <= 2, `${findings} findings for one missing include (one per path through the include graph)`);
  });
});

describe('regressions: reading files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'winnet-reg-read-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the CLI reads only regular files (a symlink to /dev/zero or a FIFO would hang it)', () => {
    const source = readSource('/dev/null');
    assert.ok('error' in source, 'a character device is refused');
  });

  it('an include of a device is reported, not read', () => {
    const file = join(dir, 'compose.yaml');
    writeFileSync(file, `services:\n  web:\n    image: ${WIN}\ninclude:\n  - /dev/null\n`);
    const run = cli(['check', file, '--format', 'json'], dir);
    assert.match(run.stdout, /cannot be read/);
  });

  it('the language server does not read an included device', async () => {
    const server = new LspClient();
    try {
      await server.initialize();
      const file = join(dir, 'srv', 'compose.yaml');
      const uri = fileUri(file);
      server.open(uri, `services:\n  web:\n    image: ${WIN}\ninclude:\n  - /dev/null\n`);
      const ds = await server.diagnosticsFor(uri);
      assert.ok(
        ds.some((d) => /cannot be read/.test(String(d.message))),
        JSON.stringify(ds.map((d) => d.message)),
      );
    } finally {
      await server.shutdown();
    }
  });

  it('--fix that cannot write a file still reports its findings and fails', () => {
    const file = join(dir, 'compose.yaml');
    const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\nservices:\n  web:\n    image: ${WIN}\n    network_mode: bridge\n`)]);
    writeFileSync(file, bytes);
    const run = cli(['check', file, '--fix', '--format', 'json'], dir);
    assert.match(run.stdout, /network-mode-bridge/);
    assert.equal(run.code, 1);
  });
});

describe('regressions: the language server and unusual URIs', () => {
  const TEXT = `services:\n  web:\n    image: ${WIN}\n    network_mode: bridge\n`;

  it('a file URI Node cannot turn into a path (a host, an encoded slash) still gets diagnostics', async () => {
    const server = new LspClient();
    try {
      await server.initialize();
      for (const uri of ['file://remote-host/share/compose.yaml', 'file:///tmp/a%2Fb/compose.yaml']) {
        server.open(uri, TEXT);
        const ds = await server.diagnosticsFor(uri, () => true, 5000);
        assert.deepEqual(
          ds.map((d) => d.code),
          ['network-mode-bridge'],
          uri,
        );
      }
    } finally {
      await server.shutdown();
    }
  });

  it('initialize accepts a workspace folder whose file URI has a host', async () => {
    const server = new LspClient();
    try {
      const result = await server.connection.sendRequest('initialize', {
        processId: null,
        rootUri: null,
        workspaceFolders: [{ uri: 'file://wsl.localhost/Ubuntu/home/me/app', name: 'app' }],
        capabilities: {},
      });
      assert.ok((result as { capabilities?: unknown }).capabilities);
    } finally {
      await server.shutdown();
    }
  });
});
