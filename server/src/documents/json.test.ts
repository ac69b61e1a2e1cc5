/**
 * JSON (with comments) → the same located tree as YAML: objects are flow mappings with double-quoted keys,
 * arrays flow sequences; offsets stay those of the text (BOM included); errors are {message, offset}; nesting
 * past the limit is reported and nothing is checked, though the kind is still told from what was read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJson, JSON_MAX_DEPTH } from './json';
import { checkDocument } from '../engine/check';
import { parseDocument } from './document';
import type { MapNode, Node } from './tree';

function at(root: Node | undefined, path: (string | number)[]): Node {
  let node = root;
  for (const step of path) {
    assert.ok(node);
    if (typeof step === 'number') node = node.kind === 'seq' ? node.items[step] : undefined;
    else node = node.kind === 'map' ? node.pairs.find((p) => p.key.value === step)?.value : undefined;
  }
  assert.ok(node, path.join('.'));
  return node;
}

const TEXT =
  '\ufeff{\n  // an HNS network\n  "Name": "nat", /* inline */ "Flags": 8,\n  "IPv6": false, "X": null,\n  "Subnets": [{"AddressPrefix": "172.16.0.0/20"}],\n}\n';

describe('JSON located tree', () => {
  const cases: { path: (string | number)[]; kind: Node['kind']; text: string; value?: unknown; style?: string }[] = [
    { path: [], kind: 'map', text: TEXT.slice(1, TEXT.length - 1) },
    { path: ['Name'], kind: 'scalar', text: '"nat"', value: 'nat', style: 'double' },
    { path: ['Flags'], kind: 'scalar', text: '8', value: 8, style: 'plain' },
    { path: ['IPv6'], kind: 'scalar', text: 'false', value: false },
    { path: ['X'], kind: 'scalar', text: 'null', value: null },
    { path: ['Subnets'], kind: 'seq', text: '[{"AddressPrefix": "172.16.0.0/20"}]' },
    { path: ['Subnets', 0, 'AddressPrefix'], kind: 'scalar', text: '"172.16.0.0/20"', value: '172.16.0.0/20' },
  ];
  for (const c of cases) {
    it(`${c.path.join('.') || 'root'}: ${c.kind} ${JSON.stringify(c.text).slice(0, 40)}`, () => {
      const { root, errors } = parseJson(TEXT);
      assert.deepEqual(errors, [], 'comments and a trailing comma are accepted');
      const node = at(root, c.path);
      assert.equal(node.kind, c.kind);
      assert.equal(TEXT.slice(node.start, node.end), c.text);
      assert.equal(node.fullStart, node.start);
      if ('value' in c) assert.equal(node.kind === 'scalar' && node.value, c.value);
      if (c.style) assert.equal(node.kind === 'scalar' && node.style, c.style);
      if (node.kind === 'map' || node.kind === 'seq') assert.equal(node.flow, true);
    });
  }

  it('keys are double-quoted scalars at their text, after the BOM', () => {
    const root = parseJson(TEXT).root as MapNode;
    const key = root.pairs[0].key;
    assert.equal(key.style, 'double');
    assert.equal(key.value, 'Name');
    assert.equal(key.start, TEXT.indexOf('"Name"'));
    assert.equal(TEXT.slice(key.start, key.end), '"Name"');
  });
});

describe('JSON errors and the depth guard', () => {
  const cases: { name: string; text: string; message: RegExp; offset: number; root: boolean }[] = [
    { name: 'a missing value', text: '{"a": }', message: /^JSON syntax error: value expected$/, offset: 6, root: true },
    { name: 'an unclosed array', text: '[1, 2', message: /^JSON syntax error: close bracket expected$/, offset: 5, root: true },
    { name: 'a missing colon', text: '{"a" 1}', message: /^JSON syntax error: colon expected$/, offset: 5, root: true },
    { name: 'after a BOM, offsets count it', text: '\ufeff{"a": }', message: /value expected/, offset: 7, root: true },
    {
      name: `nesting past ${JSON_MAX_DEPTH} levels: at the first bracket too deep`,
      text: '['.repeat(JSON_MAX_DEPTH + 1) + ']'.repeat(JSON_MAX_DEPTH + 1),
      message: new RegExp(`^JSON nested deeper than ${JSON_MAX_DEPTH} levels`),
      offset: JSON_MAX_DEPTH,
      root: false,
    },
    {
      name: 'the depth guard after a BOM',
      text: `\ufeff${'{"a":'.repeat(JSON_MAX_DEPTH + 1)}1${'}'.repeat(JSON_MAX_DEPTH + 1)}`,
      message: /nested deeper/,
      offset: 1 + 5 * JSON_MAX_DEPTH,
      root: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = parseJson(c.text);
      assert.equal(result.errors.length, 1);
      assert.match(result.errors[0].message, c.message);
      assert.equal(result.errors[0].offset, c.offset);
      assert.equal(result.root !== undefined, c.root);
    });
  }

  it('past the limit nothing is checked (no root), but the tree down to the limit tells the kind', () => {
    const text = `{"Name": "x", "Type": "NAT", "Policies": ${'['.repeat(100_000)}"a", "]", // ]\n${']'.repeat(100_000)}, "Flags": 8}`;
    const result = parseJson(text);
    assert.deepEqual(
      result.errors.map((e) => [e.message.slice(0, 24), e.offset]),
      [['JSON nested deeper than ', 41 + JSON_MAX_DEPTH - 1]],
    );
    assert.equal(result.root, undefined);
    const root = result.shallow as MapNode;
    assert.deepEqual(
      root.pairs.map((p) => p.key.value),
      ['Name', 'Type', 'Policies', 'Flags'],
    );
    const flags = root.pairs[3].value;
    assert.equal(text.slice(flags.start, flags.end), '8');
    let node: Node = root.pairs[2].value;
    let depth = 1;
    while (node.kind === 'seq' && node.items.length) {
      node = node.items[0];
      depth++;
    }
    assert.equal(depth, JSON_MAX_DEPTH, 'read down to the limit, then an empty array');
    assert.equal(node.kind === 'seq' && node.items.length, 0);
    const doc = parseDocument('hns.json', text);
    assert.equal(doc.kind, 'hns-v1');
    const findings = checkDocument(doc).findings;
    assert.deepEqual(
      findings.map((f) => [f.rule, f.span.start]),
      [['syntax', 41 + JSON_MAX_DEPTH - 1]],
    );
  });

  it('an unclosed too-deep bracket: the depth finding', () => {
    const result = parseJson(`{"a": ${'['.repeat(JSON_MAX_DEPTH + 10)}`);
    assert.deepEqual(
      result.errors.map((e) => e.offset),
      [6 + JSON_MAX_DEPTH - 1],
    );
    assert.match(result.errors[0].message, /nested deeper/);
  });

  it(`exactly ${JSON_MAX_DEPTH} levels are read; brackets in strings and comments do not count`, () => {
    const deep = '['.repeat(JSON_MAX_DEPTH) + ']'.repeat(JSON_MAX_DEPTH);
    assert.deepEqual(parseJson(deep).errors, []);
    const padded = `{"s": "${'['.repeat(300)}", // ${'{'.repeat(300)}\n /* ${'['.repeat(300)} */ "a": ${'['.repeat(JSON_MAX_DEPTH - 1)}${']'.repeat(JSON_MAX_DEPTH - 1)}}`;
    const result = parseJson(padded);
    assert.deepEqual(result.errors, []);
    assert.ok(result.root);
  });

  it('a text ending inside an unterminated `/*` keeps every node inside it', () => {
    for (const text of ['[1 /*', '{"Name": "x", "Type": "NAT", "Policies": [{"Type": "VLAN"} /*']) {
      const { root, errors } = parseJson(text);
      assert.ok(errors.length > 0);
      const stack: Node[] = root ? [root] : [];
      while (stack.length) {
        const n = stack.pop()!;
        assert.ok(n.start <= n.end && n.end <= text.length && n.fullStart >= 0, `${JSON.stringify(text)}: ${n.kind} ${n.start}-${n.end}`);
        if (n.kind === 'map') for (const p of n.pairs) stack.push(p.key, p.value);
        if (n.kind === 'seq') stack.push(...n.items);
      }
      for (const e of errors) assert.ok(e.offset <= text.length);
    }
  });

  it('odd inputs return a result instead of throwing', () => {
    for (const text of ['', '{', '}', '[', '"', '/*', '//', '\ufeff', 'nul', '{"a":1}}', '[,]', '{,}']) {
      const result = parseJson(text);
      for (const e of result.errors) assert.ok(e.offset >= 0 && e.offset <= text.length, JSON.stringify(text));
    }
  });
});
