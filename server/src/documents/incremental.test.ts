/**
 * Incremental re-parse: whenever it takes an edit, the document it returns is the document a full parse of the
 * new text gives (same tree, spans, values, styles, errors and kind); edits it cannot prove local are refused.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument, type ParsedDocument } from './document';
import { changedRange, reparseIncrementally } from './incremental';
import { treePicture as picture } from '../testing/tree-picture';

const PATH = '/w/docker-compose.yml';

function assertSameAsFullParse(doc: ParsedDocument, text: string): void {
  const full = parseDocument(PATH, text);
  assert.equal(doc.text, text);
  assert.deepEqual(doc.errors, full.errors);
  assert.equal(doc.kind, full.kind);
  assert.deepEqual(doc.lines, full.lines);
  assert.deepEqual(picture(doc.root), picture(full.root));
}

const BASE = [
  'name: shop',
  'services:',
  '  web:',
  '    image: mcr.microsoft.com/windows/servercore/iis:ltsc2022',
  '    ports:',
  '      - "8080:80"',
  '    networks:',
  '      - frontend',
  '  # the database',
  '  db:',
  '    image: mcr.microsoft.com/mssql/server:2022-latest',
  '    environment:',
  '      SA_PASSWORD: example',
  'networks:',
  '  frontend:',
  '    driver: nat',
  '    ipam:',
  '      config:',
  '        - subnet: 172.24.0.0/16',
  '',
].join('\n');

/** Replaces the first occurrence of `find` in BASE by `replace`. */
function edit(find: string, replace: string, text = BASE): string {
  const at = text.indexOf(find);
  assert.ok(at >= 0, `${JSON.stringify(find)} is in the text`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

describe('changedRange', () => {
  it('finds the one range two texts differ in, by common prefix and suffix', () => {
    assert.deepEqual(changedRange('abcdef', 'abXYef'), { start: 2, oldEnd: 4, newEnd: 4 });
    assert.deepEqual(changedRange('abc', 'abcd'), { start: 3, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(changedRange('abcd', 'ad'), { start: 1, oldEnd: 3, newEnd: 1 });
    const long = 'x'.repeat(10_000);
    assert.deepEqual(changedRange(`${long}a${long}`, `${long}bb${long}`), { start: 10_000, oldEnd: 10_001, newEnd: 10_002 });
  });
});

describe('an edit inside one entry of a section is re-parsed alone and equals a full parse', () => {
  const taken: [string, string, string][] = [
    ['a character typed in an image name', 'iis:ltsc2022', 'iis:ltsc2025'],
    ['a port digit changed', '"8080:80"', '"8081:80"'],
    ['a key and value added to a service', '    networks:\n      - frontend', '    isolation: hyperv\n    networks:\n      - frontend'],
    ['a line deleted from a service', '    ports:\n      - "8080:80"\n', ''],
    ['an edit in the last entry of the last section', '172.24.0.0/16', '172.25.0.0/16'],
    ['a value emptied', 'driver: nat', 'driver:'],
    ['a service renamed to a free name', '  db:', '  dbs:'],
    ['a comment added inside a service', '    ports:', '    # published\n    ports:'],
  ];
  for (const [title, find, replace] of taken) {
    it(title, () => {
      const previous = parseDocument(PATH, BASE);
      const text = edit(find, replace);
      const doc = reparseIncrementally(previous, text);
      assert.ok(doc, 'the edit is taken');
      assertSameAsFullParse(doc, text);
    });
  }
});

describe('an edit that may reach past its entry is refused (the caller parses everything)', () => {
  /** Title, text to find, its replacement, and the text before the edit when it is not BASE. */
  const refused: [string, string, string, string?][] = [
    ['a top-level key', 'name: shop', 'name: shops'],
    ['an anchor added', '    image: mcr.microsoft.com/mssql', '    image: &img mcr.microsoft.com/mssql'],
    ['an alias added', 'SA_PASSWORD: example', 'SA_PASSWORD: *pw'],
    ['a merge key added', '    environment:', '    <<: {}\n    environment:'],
    ['a tag added', 'SA_PASSWORD: example', 'SA_PASSWORD: !reset example'],
    ['a tab typed', 'SA_PASSWORD: example', 'SA_PASSWORD:\texample'],
    ['a line dedented to the entry key column', '    networks:\n      - frontend', '  networks:\n      - frontend'],
    ['a second entry typed into one', '    networks:\n      - frontend', '  api:\n    image: api'],
    ['an edit across two services', '      - frontend\n  # the database\n  db:', '  db:'],
    ['an unterminated quote', '"8080:80"', '"8080:80'],
    ['a service renamed to the name of another', '  wex:', '  web:', edit('  db:', '  wex:')],
    ['an edit in the comment between services', '# the database', '# the databases'],
  ];
  for (const [title, find, replace, from = BASE] of refused) {
    it(title, () => {
      assert.equal(reparseIncrementally(parseDocument(PATH, from), edit(find, replace, from)), undefined);
    });
  }

  it('a document that had errors, JSON, or a text with a byte order mark', () => {
    const broken = parseDocument(PATH, edit('"8080:80"', '"8080:80'));
    assert.ok(broken.errors.length);
    assert.equal(reparseIncrementally(broken, edit('"8080:80"', '"8080:81')), undefined);
    const json = parseDocument('/w/hns.json', '{"Name": "nat", "Type": "NAT"}');
    assert.equal(reparseIncrementally(json, '{"Name": "nat2", "Type": "NAT"}'), undefined);
    const bom = parseDocument(PATH, `\ufeff${BASE}`);
    assert.equal(reparseIncrementally(bom, `\ufeff${edit('8080', '8081')}`), undefined);
  });
});

const EXAMPLES = join(__dirname, '../../../examples');

function exampleTexts(): string[] {
  const texts: string[] = [BASE, BASE.replace(/\n/g, '\r\n')];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (/\.ya?ml$/.test(e.name)) texts.push(readFileSync(join(dir, e.name), 'utf8'));
    }
  };
  walk(EXAMPLES);
  return texts;
}

describe('random edit chains', () => {
  // Mostly what typing inserts (letters, digits, a space, a new line at some indentation), and now and then a
  // character that matters to YAML structure; edits are spread over the whole text.
  const typed = fc.constantFrom('a', 'b', 'z', '1', '0', '.', ' ', '\n', '\n    ', '\n      - x', '\n    k: v');
  const structural = fc.constantFrom(':', '#', '-', '"', "'", '{', '}', '[', ']', '|', '>', '&', '*', '!', ',', '?', '\r\n', '  ', '\t');
  const piece = fc.oneof({ arbitrary: typed, weight: 6 }, { arbitrary: structural, weight: 1 });
  const editArb = fc.record({
    at: fc.noBias(fc.integer({ min: 0, max: 1 << 20 })).map((n) => n / (1 << 20)),
    remove: fc.nat({ max: 2 }),
    insert: fc.array(piece, { maxLength: 2 }).map((a) => a.join('')),
  });
  const texts = exampleTexts();

  // SEED and RUNS run it longer: 18,000 chains (about 113,000 edits, 16,000 taken) passed with seeds 1-3.
  it('every edit the re-parse takes gives the full parse of the new text', () => {
    let takenCount = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 12 }), (which, edits) => {
        let text = texts[which];
        let doc = parseDocument(PATH, text);
        for (const e of edits) {
          const at = Math.floor(e.at * text.length);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const next = reparseIncrementally(doc, text);
          total++;
          if (next) {
            takenCount++;
            assertSameAsFullParse(next, text);
            doc = next;
          } else doc = parseDocument(PATH, text);
        }
      }),
      { seed: Number(process.env.SEED ?? 20261128), numRuns: Number(process.env.RUNS ?? 400) },
    );
    // Not a vacuous pass: a good share of random edits lands inside one entry and is taken.
    assert.ok(takenCount > total / 10, `${takenCount} of ${total} edits taken`);
  });
});
