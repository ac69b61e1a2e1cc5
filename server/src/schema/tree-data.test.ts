import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { treeToData } from './tree-data';

const data = (text: string, path = 'compose.yaml', budget?: number) => treeToData(parseDocument(path, text).root, budget);

describe('tree → data', () => {
  const cases: { name: string; text: string; path?: string; expect: unknown }[] = [
    { name: 'scalars keep their YAML 1.2 types', text: 'a: 1\nb: "1"\nc: true\nd: yes\ne:\n', expect: { a: 1, b: '1', c: true, d: 'yes', e: null } },
    { name: 'merge keys apply, own keys win', text: 'x: &x {a: 1, b: 2}\ny:\n  <<: *x\n  b: 3\n', expect: { x: { a: 1, b: 2 }, y: { b: 3, a: 1 } } },
    { name: '!reset drops the key', text: 'a: !reset []\nb: 1\n', expect: { b: 1 } },
    { name: '!override keeps the value', text: 'a: !override [1]\n', expect: { a: [1] } },
    { name: 'a key named __proto__ is data', text: '__proto__: 1\n', expect: JSON.parse('{"__proto__": 1}') },
    {
      name: 'keys that are numbers, booleans or null become their text',
      text: '1: a\ntrue: b\nnull: c\n2.5: d\n',
      expect: { '1': 'a', true: 'b', null: 'c', '2.5': 'd' },
    },
    {
      name: 'an anchored mapping and sequence, and their aliases',
      text: 'a: &a {x: [1]}\nb: *a\nc: &c [*a, 2]\nd: *c\n',
      expect: { a: { x: [1] }, b: { x: [1] }, c: [{ x: [1] }, 2], d: [{ x: [1] }, 2] },
    },
    { name: 'JSON', text: '{"a": [1, {"b": null}]}', path: 'x.json', expect: { a: [1, { b: null }] } },
    { name: 'an alias inside its own anchor is cut, not followed forever', text: 'a: &a [*a, *a]\n', expect: { a: [null, null] } },
    { name: 'a mapping merging itself', text: 'a: &a\n  <<: *a\n  b: 1\n', expect: { a: { b: 1 } } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = data(c.text, c.path);
      assert.ok(r.ok);
      assert.deepEqual(r.data, c.expect);
    });
  }

  it('measures the size a validator walks, aliases expanded', () => {
    // root, a, its 4 items; b and its 4 aliases of a (5 each)
    assert.deepEqual(data('a: &a [1, 1, 1, 1]\nb: [*a, *a, *a, *a]\n'), {
      ok: true,
      data: {
        a: [1, 1, 1, 1],
        b: [
          [1, 1, 1, 1],
          [1, 1, 1, 1],
          [1, 1, 1, 1],
          [1, 1, 1, 1],
        ],
      },
      expandedSize: 27,
    });
  });

  it('aliases share one object instead of copying it', () => {
    const r = data('x: &x {a: 1}\ny: *x\nz: *x\n');
    assert.ok(r.ok);
    const d = r.data as Record<string, unknown>;
    assert.equal(d.y, d.z);
  });

  it('stops at the expansion budget', () => {
    const r = data('a: &a [1, 1, 1, 1]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n', 'compose.yaml', 50);
    assert.deepEqual(r, { ok: false, expandedSize: 51 });
  });
});
