/**
 * The located YAML tree: every node kind has the span of its content (`start`–`end`) and of its content with
 * anchor and tag (from `fullStart` to `end`), in UTF-16 offsets of the text as given (BOM and CRLF included). Parse problems come
 * back as `{message, offset}`, never as exceptions.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectivePairs, type MapNode, type Node } from './tree';
import { parseYaml, YAML_MAX_DEPTH } from './yaml';

/** Walks own pairs (no aliases, no merge keys): a string is the value of that key, a number a sequence item. */
function at(root: Node | undefined, path: readonly (string | number)[], key = false): Node {
  let node = root;
  let keyNode: Node | undefined;
  for (const step of path) {
    assert.ok(node, `no node before ${String(step)}`);
    if (typeof step === 'number') {
      assert.equal(node.kind, 'seq', `a sequence at ${String(step)}`);
      node = node.items[step];
    } else {
      assert.equal(node.kind, 'map', `a mapping at ${step}`);
      const pair = [...node.pairs].reverse().find((p) => String(p.key.value) === step);
      assert.ok(pair, `key ${step}`);
      keyNode = pair.key;
      node = pair.value;
    }
  }
  const found = key ? keyNode : node;
  assert.ok(found, `node at ${path.join('.')}`);
  return found;
}

interface SpanCase {
  name: string;
  yaml: string;
  path: (string | number)[];
  /** The key of the last step instead of its value. */
  key?: boolean;
  kind: Node['kind'];
  /** `block`/`flow` for collections, the scalar style for scalars. */
  style?: string;
  /** text.slice(start, end) */
  text: string;
  /** text.slice(fullStart, end), when it differs from `text`. */
  full?: string;
  /** Exact start offset (for empty spans, and to pin offsets after a BOM). */
  offset?: number;
  value?: unknown;
  anchor?: string;
  tag?: string;
}

const cases: SpanCase[] = [
  {
    name: 'block mapping (the root): up to the last value, not the final line break',
    yaml: 'a: 1\nb: two\n',
    path: [],
    kind: 'map',
    style: 'block',
    text: 'a: 1\nb: two',
    offset: 0,
  },
  { name: 'plain scalar value', yaml: 'a: 1\nb: two\n', path: ['b'], kind: 'scalar', style: 'plain', text: 'two', value: 'two', offset: 8 },
  { name: 'plain scalar key', yaml: 'a: 1\nb: two\n', path: ['b'], key: true, kind: 'scalar', style: 'plain', text: 'b', value: 'b', offset: 5 },
  { name: 'numbers and booleans are typed (YAML 1.2 core schema)', yaml: 'a: 1\nb: true\nc: yes\n', path: ['a'], kind: 'scalar', text: '1', value: 1 },
  { name: '`yes` stays a string (no YAML 1.1 booleans)', yaml: 'a: 1\nb: true\nc: yes\n', path: ['c'], kind: 'scalar', text: 'yes', value: 'yes' },
  { name: 'flow mapping', yaml: 'x: {a: 1, b: [2, 3]}\n', path: ['x'], kind: 'map', style: 'flow', text: '{a: 1, b: [2, 3]}' },
  { name: 'flow sequence inside a flow mapping', yaml: 'x: {a: 1, b: [2, 3]}\n', path: ['x', 'b'], kind: 'seq', style: 'flow', text: '[2, 3]' },
  { name: 'flow sequence item', yaml: 'x: {a: 1, b: [2, 3]}\n', path: ['x', 'b', 1], kind: 'scalar', style: 'plain', text: '3', value: 3, offset: 17 },
  {
    name: 'block sequence: from its first `-` to the end of its last item',
    yaml: 's:\n  - a\n  - b\n',
    path: ['s'],
    kind: 'seq',
    style: 'block',
    text: '- a\n  - b',
  },
  { name: 'block sequence item', yaml: 's:\n  - a\n  - b\n', path: ['s', 1], kind: 'scalar', text: 'b', offset: 13 },
  { name: 'compact mapping entry `- a: 1`', yaml: 's:\n  - a: 1\n    b: 2\n  - c: 3\n', path: ['s', 0], kind: 'map', style: 'block', text: 'a: 1\n    b: 2' },
  { name: 'second key of a compact entry', yaml: 's:\n  - a: 1\n    b: 2\n  - c: 3\n', path: ['s', 0, 'b'], kind: 'scalar', text: '2', offset: 19 },
  { name: 'next compact entry', yaml: 's:\n  - a: 1\n    b: 2\n  - c: 3\n', path: ['s', 1, 'c'], kind: 'scalar', text: '3', offset: 28 },
  { name: 'compact nested sequence `- - x`', yaml: '- - x\n  - y\n- z\n', path: [0], kind: 'seq', style: 'block', text: '- x\n  - y' },
  {
    name: 'flow key without a value `{a, b: c}`: an empty value right after the key',
    yaml: 'm: {a, b: c}\n',
    path: ['m', 'a'],
    kind: 'scalar',
    style: 'empty',
    text: '',
    offset: 5,
    value: null,
  },
  { name: 'flow key with a value beside one without', yaml: 'm: {a, b: c}\n', path: ['m', 'b'], kind: 'scalar', text: 'c', offset: 10 },
  {
    name: 'empty value `key:`: an empty span right after the colon, on the key line',
    yaml: 'e:\nf: 1\n',
    path: ['e'],
    kind: 'scalar',
    style: 'empty',
    text: '',
    offset: 2,
    value: null,
  },
  { name: 'empty value followed by a comment', yaml: 'e:   # none\nf: 1\n', path: ['e'], kind: 'scalar', style: 'empty', text: '', offset: 2 },
  { name: 'empty value at the end of a file without a line break', yaml: 'a: 1\ne:', path: ['e'], kind: 'scalar', style: 'empty', text: '', offset: 7 },
  { name: 'empty value in a flow mapping `{a: , b}`', yaml: '{a: , b}', path: ['a'], kind: 'scalar', style: 'empty', text: '', offset: 4 },
  {
    name: 'empty block sequence entry `- `: kept, right after its `-`',
    yaml: 's:\n  - \n  - x\n',
    path: ['s', 0],
    kind: 'scalar',
    style: 'empty',
    text: '',
    offset: 6,
    value: null,
  },
  { name: 'the entry after an empty one keeps its index', yaml: 's:\n  - \n  - x\n', path: ['s', 1], kind: 'scalar', text: 'x', offset: 12 },
  { name: 'a last empty entry belongs to the sequence span', yaml: 's:\n- x\n-\n', path: ['s'], kind: 'seq', text: '- x\n-' },
  {
    name: 'anchored flow mapping: content and full span',
    yaml: 'x: &base {p: 1}\ny: *base\n',
    path: ['x'],
    kind: 'map',
    style: 'flow',
    text: '{p: 1}',
    full: '&base {p: 1}',
    anchor: 'base',
  },
  { name: 'alias', yaml: 'x: &base {p: 1}\ny: *base\n', path: ['y'], kind: 'alias', text: '*base', offset: 19 },
  {
    name: 'anchored block mapping on the next line',
    yaml: 'x: &svc\n  image: a\n  ports: []\n',
    path: ['x'],
    kind: 'map',
    style: 'block',
    text: 'image: a\n  ports: []',
    full: '&svc\n  image: a\n  ports: []',
    anchor: 'svc',
  },
  { name: 'anchored empty value', yaml: 'x: &a\ny: *a\n', path: ['x'], kind: 'scalar', style: 'empty', text: '', full: '&a', offset: 5, anchor: 'a' },
  {
    name: 'merge key `<<: *x` is a plain key',
    yaml: 'x: &b {p: 1}\ny:\n  <<: *b\n  q: 2\n',
    path: ['y', '<<'],
    key: true,
    kind: 'scalar',
    style: 'plain',
    text: '<<',
    value: '<<',
  },
  {
    name: 'merge key list `<<: [*a, *b]`',
    yaml: 'a: &a {p: 1}\nb: &b {q: 2}\nc:\n  <<: [*a, *b]\n',
    path: ['c', '<<'],
    kind: 'seq',
    style: 'flow',
    text: '[*a, *b]',
  },
  {
    name: '`!reset` with no value: an empty scalar after the tag',
    yaml: 'ports: !reset\nimage: x\n',
    path: ['ports'],
    kind: 'scalar',
    style: 'empty',
    text: '',
    full: '!reset',
    offset: 13,
    tag: '!reset',
    value: null,
  },
  { name: '`!reset []`', yaml: 'ports: !reset []\n', path: ['ports'], kind: 'seq', style: 'flow', text: '[]', full: '!reset []', tag: '!reset' },
  {
    name: '`!override` on a block sequence',
    yaml: 'ports: !override\n  - "80:80"\n',
    path: ['ports'],
    kind: 'seq',
    style: 'block',
    text: '- "80:80"',
    full: '!override\n  - "80:80"',
    tag: '!override',
  },
  {
    name: '`!!str` makes a number a string',
    yaml: 'v: !!str 5\n',
    path: ['v'],
    kind: 'scalar',
    style: 'plain',
    text: '5',
    full: '!!str 5',
    value: '5',
    tag: '!!str',
  },
  {
    name: 'an unknown local tag is kept as data',
    yaml: 'v: !vault {id: 1}\n',
    path: ['v'],
    kind: 'map',
    style: 'flow',
    text: '{id: 1}',
    full: '!vault {id: 1}',
    tag: '!vault',
  },
  { name: 'tag and anchor together', yaml: 'v: &a !!str 5\nw: *a\n', path: ['v'], kind: 'scalar', text: '5', full: '&a !!str 5', anchor: 'a', tag: '!!str' },
  {
    name: 'double-quoted scalar: the span includes the quotes',
    yaml: 'q: "say \\"hi\\""\n',
    path: ['q'],
    kind: 'scalar',
    style: 'double',
    text: '"say \\"hi\\""',
    value: 'say "hi"',
  },
  { name: 'single-quoted scalar', yaml: "q: 'it''s'\n", path: ['q'], kind: 'scalar', style: 'single', text: "'it''s'", value: "it's" },
  { name: 'quoted key', yaml: '"a b": 1\n', path: ['a b'], key: true, kind: 'scalar', style: 'double', text: '"a b"' },
  {
    name: 'literal block scalar: indicator to last content line',
    yaml: 's: |\n  line1\n  line2\nt: 1\n',
    path: ['s'],
    kind: 'scalar',
    style: 'block',
    text: '|\n  line1\n  line2',
    value: 'line1\nline2\n',
  },
  {
    name: 'folded block scalar with chomping, then a blank line',
    yaml: 's: >-\n  one\n  two\n\nt: 1\n',
    path: ['s'],
    kind: 'scalar',
    style: 'block',
    text: '>-\n  one\n  two',
    value: 'one two',
  },
  { name: 'block scalar at the end of a file without a line break', yaml: 's: |\n  x', path: ['s'], kind: 'scalar', style: 'block', text: '|\n  x' },
  {
    name: 'plain scalar before ` # comment`: the comment is not part of it',
    yaml: 'a: value # note\n',
    path: ['a'],
    kind: 'scalar',
    style: 'plain',
    text: 'value',
    value: 'value',
  },
  { name: 'a `#` without a space before it is content', yaml: 'a: va#lue\n', path: ['a'], kind: 'scalar', text: 'va#lue', value: 'va#lue' },
  {
    name: 'multi-line plain scalar, ending before a comment',
    yaml: 'a: one\n  two\n  three # c\nb: 1\n',
    path: ['a'],
    kind: 'scalar',
    style: 'plain',
    text: 'one\n  two\n  three',
    value: 'one two three',
  },
  { name: 'CRLF: item offsets count both characters', yaml: 'a: 1\r\nb:\r\n  - x # c\r\n  - y\r\n', path: ['b', 1], kind: 'scalar', text: 'y', offset: 25 },
  {
    name: 'CRLF: the mapping ends before the last line break',
    yaml: 'a: 1\r\nb:\r\n  - x # c\r\n  - y\r\n',
    path: [],
    kind: 'map',
    text: 'a: 1\r\nb:\r\n  - x # c\r\n  - y',
  },
  { name: 'BOM: offsets are those of the text with its BOM', yaml: '\ufeffa: 1\nb: [x]\n', path: ['a'], kind: 'scalar', text: '1', offset: 4 },
  { name: 'BOM: the root starts after it', yaml: '\ufeffa: 1\nb: [x]\n', path: [], kind: 'map', text: 'a: 1\nb: [x]', offset: 1 },
  {
    name: 'two BOMs: js-yaml strips one, the second is part of the key, offsets stay exact',
    yaml: '\ufeff\ufeffa: 1\n',
    path: ['\ufeffa'],
    kind: 'scalar',
    text: '1',
    offset: 5,
  },
  { name: 'BOM: flow items', yaml: '\ufeffa: 1\nb: [x]\n', path: ['b', 0], kind: 'scalar', text: 'x', offset: 10 },
  { name: 'a tab after the colon', yaml: 'a:\tx\nb: 1\n', path: ['a'], kind: 'scalar', text: 'x', offset: 3 },
  { name: 'a tab inside a quoted value', yaml: 'a: "t\tq"\n', path: ['a'], kind: 'scalar', style: 'double', text: '"t\tq"', value: 't\tq' },
  { name: 'explicit key `? k`', yaml: '? k\n: v\n? j\n', path: ['k'], kind: 'scalar', text: 'v', offset: 6 },
  { name: 'explicit key without a value', yaml: '? k\n: v\n? j\n', path: ['j'], kind: 'scalar', style: 'empty', text: '', offset: 11 },
  { name: 'a `k: v` entry of a flow sequence is a one-pair mapping', yaml: 'l: [a: 1, b]\n', path: ['l', 0], kind: 'map', style: 'flow', text: 'a: 1' },
  { name: 'and the entry after it stays an item', yaml: 'l: [a: 1, b]\n', path: ['l', 1], kind: 'scalar', text: 'b' },
  { name: 'astral characters count as two UTF-16 units', yaml: 'e: "😀"\nf: x\n', path: ['f'], kind: 'scalar', text: 'x', offset: 11 },
];

describe('YAML located tree', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { root, errors } = parseYaml(c.yaml);
      assert.deepEqual(errors, []);
      const node = at(root, c.path, c.key);
      assert.equal(node.kind, c.kind);
      if (c.style !== undefined) {
        const style = node.kind === 'scalar' ? node.style : node.kind === 'map' || node.kind === 'seq' ? (node.flow ? 'flow' : 'block') : undefined;
        assert.equal(style, c.style);
      }
      assert.equal(c.yaml.slice(node.start, node.end), c.text);
      assert.equal(c.yaml.slice(node.fullStart, node.end), c.full ?? c.text);
      assert.ok(node.fullStart <= node.start && node.start <= node.end, 'full contains the content');
      if (c.offset !== undefined) assert.equal(node.start, c.offset);
      if ('value' in c) assert.equal(node.kind === 'scalar' ? node.value : undefined, c.value);
      assert.equal(node.anchor, c.anchor);
      assert.equal(node.tag, c.tag);
    });
  }

  it('an alias points at its anchored node', () => {
    const { root } = parseYaml('x: &base {p: 1}\ny: *base\n');
    const alias = at(root, ['y']);
    assert.equal(alias.kind === 'alias' && alias.target, at(root, ['x']));
    assert.equal(alias.kind === 'alias' && alias.name, 'base');
  });

  it('empty entries and `{a: , b}` give the right number of items and pairs', () => {
    assert.equal((at(parseYaml('s:\n  - \n  - x\n  -\n').root, ['s']) as { items: Node[] }).items.length, 3);
    assert.equal((at(parseYaml('{a: , b}').root, []) as MapNode).pairs.length, 2);
    assert.equal((at(parseYaml('- - \n  - y\n').root, [0]) as { items: Node[] }).items.length, 2);
  });

  it('a `- ` inside a multi-line quoted item is not an entry', () => {
    const seq = at(parseYaml('- "abc\n- def"\n- x\n').root, []) as { items: Node[] };
    assert.equal(seq.items.length, 2);
  });

  it('merge keys bring the anchor pairs in, pointing at the anchor text', () => {
    const text = 'a: &a {p: 1, q: 1}\nb: &b {q: 2, r: 2}\nc:\n  <<: [*a, *b]\n  r: 3\n';
    const c = at(parseYaml(text).root, ['c']) as MapNode;
    const pairs = effectivePairs(c).map((p) => [String(p.key.value), text.slice(p.value.start, p.value.end), p.value.start]);
    assert.deepEqual(pairs, [
      ['r', '3', 61],
      ['p', '1', 10],
      ['q', '1', 16],
    ]);
  });

  it('every node lies inside the text, also at the end of a file without a line break', () => {
    for (const text of ['a: |\n  x', 'a: [1]', 'a: {b: 1}', 'a: &b', 'e:', '- "x"', 'a: >\n  folded', 's:\n- x\n-']) {
      const { root, errors } = parseYaml(text);
      assert.deepEqual(errors, [], text);
      const stack: Node[] = root ? [root] : [];
      while (stack.length) {
        const n = stack.pop()!;
        assert.ok(n.fullStart >= 0 && n.fullStart <= n.start && n.end <= text.length, `${JSON.stringify(text)}: ${n.kind} ${n.fullStart}-${n.end}`);
        if (n.kind === 'map') for (const p of n.pairs) stack.push(p.key, p.value);
        if (n.kind === 'seq') stack.push(...n.items);
      }
    }
  });

  it('a document with only comments is a null document; an empty text has no root', () => {
    const { root, errors } = parseYaml('# nothing here\n');
    assert.deepEqual(errors, []);
    assert.equal(root?.kind === 'scalar' && root.value, null);
    assert.ok(root && root.start <= 15 && root.end <= 15);
    assert.deepEqual(parseYaml(''), { root: undefined, errors: [] });
  });
});

describe('YAML errors are {message, offset}, never exceptions', () => {
  const deep = `a: ${'['.repeat(YAML_MAX_DEPTH + 5)}${']'.repeat(YAML_MAX_DEPTH + 5)}\n`;
  const cases: { name: string; yaml: string; message: RegExp; offset: number }[] = [
    { name: 'unclosed flow sequence', yaml: 'a: [1, 2\n', message: /^YAML syntax error: .*flow collection/, offset: 9 },
    { name: 'a flow sequence that runs into the next key', yaml: 'a: [1, 2\nb: 3\n', message: /^YAML syntax error: missed comma/, offset: 9 },
    { name: 'unclosed flow mapping', yaml: 'a: {b: 1\n', message: /^YAML syntax error:/, offset: 9 },
    { name: 'duplicate keys: at the second one', yaml: 'a: 1\na: 2\n', message: /^YAML syntax error: duplicated mapping key/, offset: 5 },
    { name: 'bad indentation: at the misplaced key', yaml: 'a:\n  b: 1\n c: 2\n', message: /^YAML syntax error: bad indentation/, offset: 11 },
    { name: 'a NUL byte', yaml: 'a: \u0000\n', message: /^YAML syntax error: null byte/, offset: 3 },
    { name: 'an alias to no anchor', yaml: 'a: &x 1\nb: *nope\n', message: /^YAML syntax error: unidentified alias "nope"/, offset: 16 },
    { name: 'a tab used as indentation', yaml: 'a:\n\tb: 1\n', message: /^YAML syntax error:/, offset: 3 },
    { name: 'more than one document: at the second one', yaml: 'a: 1\n---\nb: 2\n', message: /^YAML syntax error: expected a single document/, offset: 5 },
    { name: 'more than one document, the first with its own marker', yaml: '# c\n---\na: 1\n---\nb: 2\n', message: /single document/, offset: 13 },
    { name: 'a language tag constructs nothing', yaml: 'a: !!js/function "x"\n', message: /^YAML syntax error: unknown tag/, offset: 20 },
    {
      name: 'nesting deeper than the limit: reported where reading stops',
      yaml: deep,
      message: new RegExp(`^YAML nested deeper than ${YAML_MAX_DEPTH} levels`),
      offset: 3 + YAML_MAX_DEPTH - 1,
    },
    { name: 'BOM: the error offset counts it', yaml: '\ufeffa: 1\na: 2\n', message: /duplicated mapping key/, offset: 6 },
    { name: 'CRLF: the error offset counts both characters', yaml: 'a: 1\r\na: 2\r\n', message: /duplicated mapping key/, offset: 6 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = parseYaml(c.yaml);
      assert.equal(result.root, undefined);
      assert.equal(result.errors.length, 1);
      assert.match(result.errors[0].message, c.message);
      assert.equal(result.errors[0].offset, c.offset);
      assert.ok(result.errors[0].offset <= c.yaml.length);
    });
  }

  it('odd inputs return a result instead of throwing', () => {
    const inputs = [
      '{',
      '[',
      ']',
      '}',
      ':',
      '- - -',
      '? ',
      '&',
      '*',
      '!',
      '"',
      "'",
      '|',
      '>',
      '%YAML 1.2\n---\na: 1',
      'a: b: c',
      '\ufeff',
      '\r',
      '\t',
      '- [\n- {',
      'a: *',
      'a: &',
      '<<: *x',
      '<<: 5',
    ];
    for (const text of inputs) {
      const result = parseYaml(text);
      assert.ok(Array.isArray(result.errors), JSON.stringify(text));
      for (const e of result.errors) assert.ok(typeof e.message === 'string' && e.offset >= 0 && e.offset <= text.length, JSON.stringify(text));
    }
  });
});
