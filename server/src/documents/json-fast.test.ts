/**
 * The fast JSON path (json-fast.ts) reads strict JSON, and must read it exactly as the general path (jsonc-parser,
 * converted) does: the same tree, node for node and span for span, and never a tree where the general path reports
 * an error. Anything else it must refuse, so the general path reads and reports it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JSON_MAX_DEPTH, parseJson, parseJsonGeneral } from './json';
import { parseJsonFast } from './json-fast';
import { assertAgreesUnderEdits, jsonFastPathDisagreement } from '../testing/fast-path-spec';
import { treePicture } from '../testing/tree-picture';

/** Undefined when the fast path refuses; otherwise why it disagrees with the general path ('' when it agrees). */
const disagreement = jsonFastPathDisagreement;

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('fast JSON path', () => {
  const accepted: [name: string, text: string][] = [
    [
      'an HNS endpoint',
      '{"ID": "16FED6C6-0BF3-FBD9-D881-970487EE814F", "IPAddress": "10.16.0.10", "Policies": [{"Type": "ELB", "VIPs": ["10.0.0.1"]}], "IsRemoteEndpoint": false}',
    ],
    [
      'a PowerShell ConvertTo-Json layout',
      '[\r\n    {\r\n        "Name":   "nat",\r\n        "Subnets":   [\r\n                        {\r\n                            "AddressPrefix":  "172.16.0.0/12"\r\n                        }\r\n                    ]\r\n    }\r\n]\r\n',
    ],
    ['scalars of every type', '{"s": "x", "i": 42, "n": -1, "z": 0, "mz": -0, "f": 1.5, "e": 1e3, "E": 2E-2, "p": 1e+2, "t": true, "fa": false, "nu": null}'],
    ['a large integer', '{"LastUpdateTime": 133000000000000000, "big": 123456789012345678901234567890}'],
    ['escapes', '{"a": "quote \\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t", "u": "\\u00e9\\u2028\\ud83d\\ude00", "lone": "\\ud800"}'],
    ['an escaped key', '{"a\\"b": 1, "\\u0041": 2}'],
    ['raw non-ASCII, DEL and line separators in strings', '{"a": "é € 😀 \u007f \u2028 \u2029"}'],
    ['empty containers', '{"a": {}, "b": [], "c": [{}, []], "d": ""}'],
    ['duplicate keys, kept in order', '{"a": 1, "a": 2, "b": {"c": 1, "c": [2]}}'],
    ['a "<<" key, which is no merge key in JSON', '{"<<": {"a": 1}, "b": 2}'],
    ['a scalar root', '"just a string"'],
    ['a number root with whitespace around', ' \n\t 42 \r\n'],
    ['a leading BOM', '\ufeff{"a": [1, 2]}'],
    ['no whitespace at all', '{"a":[1,{"b":null}],"c":"d"}'],
    [`nesting at the limit (${JSON_MAX_DEPTH})`, nested(JSON_MAX_DEPTH)],
  ];
  for (const [name, text] of accepted) {
    it(`reads ${name}, as the general path does`, () => {
      assert.ok(parseJsonFast(text, JSON_MAX_DEPTH), 'the fast path should take this');
      assert.equal(disagreement(text), '');
    });
  }

  const refused: [name: string, text: string][] = [
    ['a line comment', '{"a": 1 // one\n}'],
    ['a block comment', '/* c */ {"a": 1}'],
    ['a trailing comma in an object', '{"a": 1,}'],
    ['a trailing comma in an array', '[1, 2,]'],
    ['a missing comma', '{"a": 1 "b": 2}'],
    ['a missing colon', '{"a" 1}'],
    ['an unquoted key', '{a: 1}'],
    ['single quotes', "{'a': 1}"],
    ['a raw line break in a string', '{"a": "x\ny"}'],
    ['a raw tab in a string', '{"a": "x\ty"}'],
    ['an invalid escape', '{"a": "\\x41"}'],
    ['a short unicode escape', '{"a": "\\u12"}'],
    ['an unterminated string', '{"a": "x'],
    ['a backslash at the end of the text', '{"a": "x\\'],
    ['an unclosed object', '{"a": 1'],
    ['an unclosed array', '[1, 2'],
    ['a stray closing bracket', '{"a": 1}]'],
    ['two roots', '{} {}'],
    ['a leading zero', '{"a": 01}'],
    ['a bare minus', '{"a": -}'],
    ['a trailing dot', '{"a": 1.}'],
    ['a leading dot', '{"a": .5}'],
    ['an empty exponent', '{"a": 1e}'],
    ['a plus sign', '{"a": +1}'],
    ['NaN and Infinity', '[NaN, Infinity]'],
    ['a misspelt literal', '[tru]'],
    ['a literal with letters after it', '[truex]'],
    ['a non-breaking space between tokens', '{"a":\u00a01}'],
    ['a vertical tab between tokens', '{"a":\u000b1}'],
    ['a BOM that is not at the start', ' \ufeff{}'],
    ['an empty text', ''],
    ['only whitespace', ' \n '],
    [`nesting past the limit (${JSON_MAX_DEPTH + 1})`, nested(JSON_MAX_DEPTH + 1)],
  ];
  for (const [name, text] of refused) {
    it(`leaves ${name} to the general path`, () => {
      assert.equal(parseJsonFast(text, JSON_MAX_DEPTH), undefined);
      // …which parseJson then takes, so the result is the general path's either way.
      const [viaParse, general] = [parseJson(text), parseJsonGeneral(text)];
      assert.deepEqual(treePicture(viaParse.root), treePicture(general.root));
      assert.deepEqual(viaParse.errors, general.errors);
    });
  }

  it('reads random JSON documents, in any layout, as the general path does (property)', () => {
    const layout = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  ', ' \n    ');
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.array(layout, { minLength: 1, maxLength: 8 }), fc.boolean(), (value, spaces, bom) => {
        const text = (bom ? '\ufeff' : '') + laidOut(JSON.stringify(value), spaces);
        assert.ok(parseJsonFast(text, JSON_MAX_DEPTH), `${JSON.stringify(text)}: strict JSON should take the fast path`);
        assert.equal(disagreement(text), '', JSON.stringify(text));
      }),
      { numRuns: Number(process.env.FAST_JSON_RUNS ?? 2000) },
    );
  });

  // Documents that use every construct; the property edits them into almost-JSON of every kind.
  const seeds = [
    accepted
      .map(([, text]) => text)
      .filter((t) => !t.startsWith('[['))
      .join(',')
      .replace(/^/, '[')
      .replace(/$/, ']'),
    '{"Name": "l2bridge", "Type": "L2Bridge", "Subnets": [{"AddressPrefix": "10.0.0.0/24", "GatewayAddress": "10.0.0.1", "Policies": []}], "MacPools": [{"StartMacAddress": "00-15-5D-52-C0-00"}]}',
    '\ufeff[1, -2.5e-3, "a\\"b", {"k": [true, false, null]}]',
  ];
  const alphabet = fc.constantFrom(
    ' ',
    '\n',
    '\r',
    '\t',
    '\u00a0',
    '"',
    "'",
    '\\',
    '\\u',
    '\\x',
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '/',
    '//',
    '/*',
    '*/',
    '-',
    '+',
    '.',
    'e',
    '0',
    '1',
    'true',
    'nul',
    'a',
    '\u0001',
    '\ufeff',
  );
  it('reads any edit of those documents as the general path does, or refuses it (property)', () => {
    assertAgreesUnderEdits(seeds, alphabet, disagreement, Number(process.env.FAST_JSON_RUNS ?? 3000));
  });

  it("reads every JSON file in this repository's examples, fixtures and schemas, and the real-world corpus, as the general path does", () => {
    const root = join(__dirname, '..', '..', '..');
    // The third-party corpus is read where it lives, beside the checkout, when it is there (test/reliability/support/corpus.ts).
    const corpus = process.env.WINNET_CORPUS ?? join(root, '..', 'shared', 'corpus', 'real-world');
    const files = [join(root, 'examples'), join(root, 'test'), join(root, 'schemas'), corpus].flatMap((dir) => jsonFiles(dir));
    assert.ok(files.length > 10, `found ${files.length} JSON files`);
    let fast = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const problem = disagreement(text);
      assert.ok(problem === undefined || problem === '', `${file}: ${problem}`);
      if (problem === '') fast++;
      // Only JSON with comments, trailing commas or errors may miss the fast path.
      else if (!parseJsonGeneral(text).errors.length) assert.match(text, /\/\/|\/\*|,\s*[}\]]/, `${file} is strict JSON and should take the fast path`);
    }
    assert.ok(fast > files.length / 2, `${fast} of ${files.length} on the fast path`);
  });
});

/** Compact JSON with whitespace from `spaces` after every structural character outside strings. */
function laidOut(json: string, spaces: readonly string[]): string {
  let out = '';
  let inString = false;
  let k = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    out += c;
    if (inString) {
      if (c === '\\') out += json[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if ('{}[]:,'.includes(c)) out += spaces[k++ % spaces.length];
  }
  return out;
}

function jsonFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name === 'node_modules') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return /\.(json|conflist|conf)$/i.test(name) ? [path] : [];
  });
}

describe('fast JSON path on large input', () => {
  it('reads an array of 100,000 objects and an object of 100,000 keys', () => {
    const array = `[${Array.from({ length: 100_000 }, (_, i) => `{"k": ${i}}`).join(',')}]`;
    const object = `{${Array.from({ length: 100_000 }, (_, i) => `"k${i}": ${i}`).join(',')}}`;
    for (const text of [array, object]) assert.ok(parseJsonFast(text, JSON_MAX_DEPTH), 'taken by the fast path');
  });
});
