/**
 * Tree helpers: aliases resolve to their anchor, merge keys (`<<: *a`, `<<: [*a, *b]`) bring pairs in with YAML
 * 1.1 precedence (own keys first, then earlier sources), and every merged pair still points at its own text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJson } from './json';
import { asMap, asScalar, asSeq, effectivePairs, get, getPair, getPath, isNullish, items, pairs, resolve, scalarText, type Node, type Pair } from './tree';
import { parseYaml } from './yaml';

const parse = (text: string): Node => {
  const { root, errors } = parseYaml(text);
  assert.deepEqual(errors, []);
  assert.ok(root);
  return root;
};

const plainPairs = (text: string, node: Node | undefined) =>
  pairs(node).map((p) => `${String(p.key.value)}=${text.slice(p.value.start, p.value.end)}@${p.value.start}`);

describe('tree helpers', () => {
  it('resolve follows aliases (also alias to alias) to the anchored node', () => {
    const text = 'a: &a {x: 1}\nb: *a\nc: [*a]\n';
    const root = parse(text);
    assert.equal(resolve(get(root, 'b')), get(root, 'a'));
    assert.equal(resolve(items(get(root, 'c'))[0]), get(root, 'a'));
    assert.equal(resolve(undefined), undefined);
  });

  it('asMap, asSeq, asScalar look through aliases and say undefined for the other kinds', () => {
    const root = parse('m: &m {x: 1}\ns: &s [1]\nv: &v 5\nam: *m\nas: *s\nav: *v\n');
    assert.ok(asMap(get(root, 'am')));
    assert.ok(asSeq(get(root, 'as')));
    assert.equal(asScalar(get(root, 'av'))?.value, 5);
    assert.equal(asMap(get(root, 'as')), undefined);
    assert.equal(asSeq(get(root, 'av')), undefined);
    assert.equal(asScalar(get(root, 'am')), undefined);
  });

  it('scalarText stringifies numbers and booleans as compose reads them; null and collections give undefined', () => {
    const root = parse('n: 8080\nb: true\ns: text\nz: ~\ne:\nm: {}\n');
    assert.deepEqual(
      ['n', 'b', 's', 'z', 'e', 'm', 'missing'].map((k) => scalarText(get(root, k))),
      ['8080', 'true', 'text', undefined, undefined, undefined, undefined],
    );
  });

  it('merge key `<<: *x`: own keys win, merged pairs point at the anchor text', () => {
    const text = 'x-base: &base\n  driver: nat\n  internal: true\nnetworks:\n  app:\n    <<: *base\n    internal: false\n';
    const root = parse(text);
    assert.deepEqual(plainPairs(text, getPath(root, ['networks', 'app'])), ['internal=false@90', 'driver=nat@24']);
  });

  it('merge key list `<<: [*a, *b]`: an earlier source wins over a later one', () => {
    const text = 'a: &a {p: 1, q: 1}\nb: &b {q: 2, r: 2}\nc:\n  <<: [*a, *b]\n';
    assert.deepEqual(plainPairs(text, get(parse(text), 'c')), ['p=1@10', 'q=1@16', 'r=2@35']);
  });

  it('several merge keys and nested merges', () => {
    const text = 'a: &a {p: 1}\nb: &b\n  <<: *a\n  q: 2\nc:\n  <<: *b\n  r: 3\n';
    assert.deepEqual(
      pairs(get(parse(text), 'c')).map((p) => String(p.key.value)),
      ['r', 'q', 'p'],
    );
  });

  it('a quoted "<<" is an ordinary key, not a merge key', () => {
    const text = 'a: &a {p: 1}\nc:\n  "<<": *a\n';
    assert.deepEqual(
      pairs(get(parse(text), 'c')).map((p) => String(p.key.value)),
      ['<<'],
    );
  });

  it('a merge of something that is not a mapping, or of itself, is ignored', () => {
    const text = 's: &s [1]\nc:\n  <<: *s\n  x: 1\nd: &d\n  y: 1\n';
    assert.deepEqual(
      pairs(get(parse(text), 'c')).map((p) => String(p.key.value)),
      ['x'],
    );
    const root = parse(text);
    const d = asMap(get(root, 'd'))!;
    assert.deepEqual(
      effectivePairs(d).map((p) => String(p.key.value)),
      ['y'],
    );
  });

  it('getPath walks keys and indexes, through aliases and merges', () => {
    const text = 'x-ports: &p ["127.0.0.1:80:80"]\nx-svc: &svc\n  ports: *p\nservices:\n  web:\n    <<: *svc\n';
    const root = parse(text);
    const port = getPath(root, ['services', 'web', 'ports', 0]);
    assert.equal(asScalar(port)?.value, '127.0.0.1:80:80');
    assert.equal(port?.start, 13);
    assert.equal(getPath(root, ['services', 'web', 'ports', 5]), undefined);
    assert.equal(getPath(root, ['services', 'nope', 'ports']), undefined);
    assert.equal(getPath(root, ['services', 0]), undefined);
  });

  it('getPair gives the pair with its key node', () => {
    const text = 'networks:\n  app:\n    driver: nat\n';
    const pair = getPair(getPath(parse(text), ['networks', 'app']), 'driver')!;
    assert.equal(text.slice(pair.key.start, pair.key.end), 'driver');
    assert.equal(text.slice(pair.value.start, pair.value.end), 'nat');
  });

  it('items and pairs of the wrong kind are empty; isNullish', () => {
    const root = parse('s: [1]\nm: {a: 1}\nz: ~\ne:\nv: 0\n');
    assert.deepEqual(items(get(root, 'm')), []);
    assert.deepEqual(pairs(get(root, 's')), []);
    assert.deepEqual(items(undefined), []);
    assert.deepEqual(
      ['z', 'e', 'missing', 'v', 's'].map((k) => isNullish(get(root, k))),
      [true, true, true, false, false],
    );
  });
  /** What getPair must give, whatever the mapping's size: the last effective pair whose key reads as `key`. */
  const scanned = (node: Node | undefined, key: string): Pair | undefined =>
    pairs(node)
      .filter((p) => String(p.key.value) === key)
      .pop();
  const mapping = (size: number, extra = '') => `{${[...Array(size).keys()].map((i) => `k${i}: ${i}`).join(', ')}${extra}}`;

  // Mappings of 8 pairs and more are looked up through an index (documents/tree.ts), smaller ones by a scan.
  const lookups: { title: string; yaml?: string; json?: string; keys: string[] }[] = [
    {
      title: 'small and large mappings',
      yaml: `small: ${mapping(3)}\nedge: ${mapping(7)}\nindexed: ${mapping(8)}\nlarge: ${mapping(40)}`,
      keys: ['k0', 'k2', 'k7', 'k39', 'k40', 'missing', ''],
    },
    {
      title: 'keys that are numbers, booleans and null read as their text',
      yaml: `m: ${mapping(8, ', 1: one, 2.5: half, true: yes, null: nothing, 0x10: hex')}`,
      keys: ['1', '2.5', 'true', 'null', '16', '0x10'],
    },
    {
      title: 'names an object has built in are ordinary keys',
      yaml: `m: ${mapping(8, ', constructor: c, __proto__: p, toString: t')}`,
      keys: ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'],
    },
    {
      title: 'a duplicate key in JSON: the last one wins',
      json: `{"m": {"a": 1, "b": 2, "c": 3, "d": 4, "a": 5, "e": 6, "f": 7, "g": 8, "a": 9}}`,
      keys: ['a', 'b', 'g', 'h'],
    },
    {
      title: 'merged pairs count, and own keys win over merged ones',
      yaml: `x: &x ${mapping(6)}\nm:\n  <<: *x\n  k1: own\n  p: 1\n  q: 2\n`,
      keys: ['k0', 'k1', 'k5', 'p', 'q', '<<'],
    },
  ];
  for (const { title, yaml, json, keys } of lookups) {
    it(`getPair through the index gives what a scan gives: ${title}`, () => {
      const parsed = json !== undefined ? parseJson(json) : parseYaml(yaml!);
      assert.deepEqual(parsed.errors, []);
      for (const map of pairs(parsed.root).map((p) => p.value)) {
        for (const key of keys) {
          assert.equal(getPair(map, key), scanned(map, key), `${key} in a mapping of ${pairs(map).length}`);
          assert.equal(getPair(map, key), scanned(map, key), `${key} again, from the index built by the first lookup`);
        }
      }
    });
  }
});
