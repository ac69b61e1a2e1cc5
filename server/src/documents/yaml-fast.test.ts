/**
 * The fast YAML path (yaml-fast.ts) reads a subset of YAML, and must read it exactly as the general path
 * (js-yaml with the located-tree listener) does: the same tree, node for node and span for span, and never a tree
 * where the general path reports an error. Anything else it must refuse, so the general path reads it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertAgreesUnderEdits, yamlFastPathDisagreement } from '../testing/fast-path-spec';
import { treePicture } from '../testing/tree-picture';
import { parseYaml, parseYamlGeneral } from './yaml';
import { parseYamlFast } from './yaml-fast';

/** Undefined when the fast path refuses; otherwise why it disagrees with the general path ('' when it agrees). */
const disagreement = yamlFastPathDisagreement;

describe('fast YAML path', () => {
  const accepted: [name: string, text: string][] = [
    ['a compose service', 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    ports:\n      - "8080:80"\n      - 443\n'],
    ['nested mappings and a trailing comment', 'a:\n  b:\n    c: 1 # one\n  d: two\n'],
    ["a sequence at its key's indentation", 'ports:\n- "80:80"\n- 81\nimage: x\n'],
    ['compact mappings in a sequence', 'config:\n  - subnet: 10.0.0.0/24\n    gateway: 10.0.0.1\n  - subnet: 10.1.0.0/24\n'],
    ['a compact mapping with a nested value', 'a:\n  - b:\n      c: 1\n    d:\n    - x\n'],
    ['an entry alone on its line, then a nested block', 'a:\n  -\n    b: 1\n  -\n  - c\n'],
    ['empty values, with and without a comment', 'a:\nb:   # nothing\nc: 1\nd:'],
    ['empty sequence entries', 'a:\n  -\n  - # c\n  - x\n  -'],
    ['flow collections', 'a: [x, "y", \'z\', 1, [n], {}]\nb: {k: v, n: 1, q: "s", e: []}\nc: []\nd: {}\n'],
    ['flow collections with spaces inside', 'a: [ x , y ]\nb: {  k: v  }\n'],
    [
      'typed plain scalars',
      'a: 1\nb: -2\nc: 0x1F\nd: 1.5\ne: .inf\nf: true\ng: False\nh: null\ni: ~\nj: 0o17\nk: +3\nl: .5\nm: 1e3\nn: NULL\no: yes\np: 012\n',
    ],
    ['typed keys', '1: a\ntrue: b\nnull: c\n1.5: d\n'],
    ['strings that look almost typed', 'a: 1.2.3\nb: 10.0.0.1\nc: truex\nd: -foo\ne: .hidden\nf: 1_000\ng: 0b101\n'],
    ['quoted scalars and the single-quote escape', 'a: "x y"\nb: \'it\'\'s\'\nc: ""\nd: \'\'\ne: "#not a comment"\n'],
    ['plain scalars with colons, hashes and brackets inside', 'a: C:\\data\\x:C:\\app\nb: http://h:80/p#frag\nc: x[0]\nd: a#b\ne: "1:2"\n'],
    ['a flow item with a colon inside', 'a: [C:\\x, a:b]\n'],
    ['CRLF line breaks', 'a:\r\n  b: 1\r\n  c:\r\n    - x\r\n\r\n# c\r\nd: [1]\r\n'],
    ['no line break at the end', 'a: 1\nb: x'],
    ['comments and blank lines everywhere', '# head\n\na: # c\n  # inside\n\n  b: 1\n# between\nc: 2\n  # indented comment\n'],
    ['an indented root', '  a: 1\n  b:\n    - x\n'],
    ['a sequence root', '- a\n- b: 1\n  c: 2\n-\n'],
    ['keys with spaces and dots', 'com.docker.network.windowsshim.networkname: x\nmy key: y\n'],
    ['non-ASCII text', 'a: héllo 😀\nb: "ü"\n'],
    ['a byte order mark', '\ufeffa: 1\nb:\n  - c: 2\n    d: 3\n'],
    ['a byte order mark before a sequence with a compact mapping', '\ufeff- a: 1\n  b: 2\n'],
  ];
  for (const [name, text] of accepted) {
    it(`reads ${name}, as the general path does`, () => {
      assert.ok(parseYamlFast(text), 'the fast path should take this');
      assert.equal(disagreement(text), '');
      assert.equal(disagreement(text, 1000), '', 'with an offset (an entry re-parsed on its own)');
    });
  }

  const refused: [name: string, text: string][] = [
    ['an anchor', 'a: &x 1\n'],
    ['an alias', 'a: 1\nb: *a\n'],
    ['a tag', 'a: !reset []\n'],
    ['a merge key', 'a:\n  <<: {b: 1}\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a folded block scalar', 'a: >-\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line flow collection', 'a: [1,\n  2]\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['an escape in a double-quoted scalar', 'a: "C:\\\\data"\n'],
    ['a quoted key', '"a": 1\n'],
    ['a complex key', '? a\n: 1\n'],
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n'],
    ['a duplicate key in a long mapping', `${Array.from({ length: 20 }, (_, i) => `k${i}: ${i}\n`).join('')}k3: again\n`],
    ['a duplicate key in a flow mapping', 'a: {k: 1, k: 2}\n'],
    ['keys that are the same once typed', '1: a\n1.0: b\n'],
    ['a tab', 'a:\n\tb: 1\n'],
    ['two byte order marks', '\ufeff\ufeffa: 1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a document marker with no blank after it', '---:services: {}\n'],
    ['a document marker before a block scalar indicator', '\ufeff--->x: {}\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a mapping in a mapping value', 'a: b: c\n'],
    ['a sequence in a sequence entry', '- - a\n'],
    ['a key with a space before the colon', 'a : 1\n'],
    ['a key without a value in a flow mapping', 'a: {k, l: 1}\n'],
    ['an empty value in a flow mapping', 'a: {k: , l: 1}\n'],
    ['a pair in a flow sequence', 'a: [k: v]\n'],
    ['a trailing comma', 'a: [1, 2, ]\n'],
    ['a lone CR', 'a: 1\rb: 2\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a scalar document', 'just text\n'],
    ['an empty document', '# only a comment\n'],
    ['text after a flow collection', 'a: [1] x\n'],
    ['a comment glued to a value', 'a: "x"# c\n'],
    ['non-printable characters', 'a: \u0001\n'],
    // js-yaml takes the `- c` into the inner sequence (found by the edit property below, after 638,745 runs)
    ['an empty entry, then a less indented entry', '-\n  -\n- c\n'],
    ['an empty entry with a comment, then a less indented entry', "a:\n- b\n-\n  -\r\n-  c: [1, {d: e}]\n #    f: 'g'\n"],
  ];
  for (const [name, text] of refused) {
    it(`leaves ${name} to the general path`, () => {
      assert.equal(parseYamlFast(text), undefined);
      // …which parseYaml then takes, so the result is the general path's either way.
      assert.deepEqual(treePicture(parseYaml(text).root), treePicture(parseYamlGeneral(text).root));
    });
  }

  // Documents that use every construct of the subset and a few just outside it; the property mutates them.
  const seeds = [
    accepted.map(([, text]) => text).join(''),
    'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n    isolation: process\n    networks:\n      lan:\n        ipv4_address: 10.0.0.5\n    ports: ["80:80", 443]\n    labels: {a: b}\nnetworks:\n  lan:\n    driver: transparent\n    ipam:\n      config:\n        - subnet: 10.0.0.0/24\n',
    "a:\n- b\n-\n  - c: [1, {d: e}]\n    f: 'g'\n",
    '\ufeff- a: 1\n  b: [x]\n- c\n',
  ];
  const alphabet = fc.constantFrom(
    ' ',
    '  ',
    '\n',
    '\r\n',
    '\r',
    ':',
    ': ',
    '-',
    '- ',
    '#',
    ' #',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ',',
    'a',
    'b',
    '1',
    '0x',
    '.',
    '~',
    '\t',
    '&a',
    '*a',
    '!',
    '|',
    '>',
    '?',
    '<<',
    '\\',
    'null',
    'true',
    '\ufeff',
    '---',
    '...',
    '%',
  );

  it('reads any edit of those documents as the general path does, or refuses it (property)', () => {
    assertAgreesUnderEdits(seeds, alphabet, disagreement, Number(process.env.FAST_YAML_RUNS ?? 3000));
  });
});

describe('fast YAML path on large input', () => {
  it('reads a flow mapping of 100,000 keys, and a mapping of 100,000 entries, in linear time', () => {
    // Duplicate keys are looked for in a set once a mapping is long: a pairwise scan would take minutes here.
    const flow = `a: {${Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}`).join(', ')}}\n`;
    const block = Array.from({ length: 100_000 }, (_, i) => `k${i}: ${i}\n`).join('');
    for (const text of [flow, block]) {
      const root = parseYamlFast(text);
      assert.ok(root, 'taken by the fast path');
    }
  });
});
