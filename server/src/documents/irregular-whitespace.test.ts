/**
 * Spaces that are not spaces: a pasted U+00A0 in JSON between values, or in YAML indentation, is one `syntax`
 * finding per file that names the character, and its fix replaces every one of them with a space. Inside a JSON
 * string or comment, or inside YAML content, they are content and are left alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDocument } from '../engine/check';
import { applyEdits } from '../engine/fix';
import { parseDocument } from './document';
import { jsonIrregularWhitespace, yamlIrregularIndentation } from './irregular-whitespace';
import { parseJsonFast } from './json-fast';

const NBSP = '\u00a0';
const IDEO = '\u3000';

/** The text of each run found, with NBSP written as `~` and U+3000 as `#` so the table can be read. */
const shown = (text: string, runs: { start: number; end: number }[] | undefined) =>
  (runs ?? []).map((r) =>
    text
      .slice(r.start, r.end)
      .replace(/\u00a0/g, '~')
      .replace(/\u3000/g, '#')
      .replace(/\ufeff/g, 'B'),
  );

describe('irregular spaces in JSON', () => {
  const cases: [name: string, text: string, runs: string[]][] = [
    ['none', '{\n  "Type": "NAT"\n}', []],
    ['indentation', `{\n${NBSP}${NBSP}"Type": "NAT",\n${NBSP}${NBSP}"Name": "n"\n}`, ['~~', '~~']],
    ['mixed with spaces: each run of them', `{\n ${NBSP} ${NBSP}"Type": "NAT"\n}`, ['~', '~']],
    ['between a colon and a value', `{"Type":${NBSP}"NAT"}`, ['~']],
    ['inside a string: content', `{"Name": "my${NBSP}net"}`, []],
    ['inside a string with an escaped quote', `{"Name": "a\\"${NBSP}b"}`, []],
    ['inside comments (JSONC)', `{\n  // a${NBSP}comment\n  /* ${NBSP} */ "Type": "NAT"\n}`, []],
    ['a BOM at the start is not content', '\ufeff{"Type": "NAT"}', []],
    ['a BOM in the middle is', '{"Type":\ufeff"NAT"}', ['B']],
    ['an ideographic space', `{${IDEO}"Type": "NAT"}`, ['#']],
  ];
  for (const [name, text, runs] of cases) it(name, () => assert.deepEqual(shown(text, jsonIrregularWhitespace(text)?.runs), runs));

  it('one syntax finding for the file, with a fix that leaves strict JSON and every other finding as it was', () => {
    const clean = '{\n    "Name": "lan",\n    "Type": "Transparent",\n    "Subnets": [{"AddressPrefix": "10.0.0.0/33"}]\n}\n';
    const pasted = clean.replace(/^ {4}/gm, `${NBSP}${NBSP}  `);
    const findings = checkDocument(parseDocument('hns.json', pasted)).findings;
    const syntax = findings.filter((f) => f.rule === 'syntax');
    assert.equal(syntax.length, 1, 'one finding, not one per line');
    assert.match(syntax[0].message, /^`U\+00A0` \(no-break space\) is not whitespace in JSON, here and in 2 more places:/);
    assert.deepEqual(
      [syntax[0].range.start, syntax[0].range.end],
      [
        { line: 1, character: 0 },
        { line: 1, character: 2 },
      ],
    );
    // The document is still read: the same findings as the clean text, besides the syntax one.
    const others = (text: string, path: string) =>
      checkDocument(parseDocument(path, text))
        .findings.filter((f) => f.rule !== 'syntax')
        .map((f) => [f.rule, f.span.start, f.message]);
    assert.deepEqual(others(pasted, 'hns.json'), others(clean, 'hns.json'));
    assert.ok(others(clean, 'hns.json').length > 0, 'the example has a finding of its own');
    const [fix] = syntax[0].fixes;
    assert.equal(fix.preferred, true);
    const fixed = applyEdits(pasted, fix.edits);
    assert.equal(fixed, clean.replace(/^ {4}/gm, '    '));
    assert.ok(parseJsonFast(fixed, 200), 'the fixed text is strict JSON');
  });
});

describe('irregular spaces in YAML indentation', () => {
  const cases: [name: string, text: string, runs: string[]][] = [
    ['none', 'services:\n  web:\n    image: x\n', []],
    ['a key indented with them', `services:\n${NBSP}${NBSP}web:\n    image: x\n`, ['~~']],
    ['mixed with spaces', `services:\n  web:\n  ${NBSP}${NBSP}image: x\n`, ['~~']],
    ['a list item', `services:\n  web:\n    ports:\n${NBSP}${NBSP}${NBSP}${NBSP}  - "80:80"\n`, ['~~~~']],
    ['ideographic spaces', `services:\n${IDEO}web:\n`, ['#']],
    ['on several lines', `a:\n${NBSP}b: 1\n${NBSP}c: 2\n`, ['~', '~']],
    ['in a value: content, not indentation', `services:\n  web:\n    image: my${NBSP}image\n`, []],
    ['a comment line', `services:\n${NBSP}${NBSP}# a comment\n  web: {}\n`, []],
    ['a continuation line of text that is not a key', `services:\n  web:\n    command: first\n${NBSP}${NBSP}   second part\n`, []],
  ];
  for (const [name, text, runs] of cases) it(name, () => assert.deepEqual(shown(text, yamlIrregularIndentation(text)?.runs), runs));

  it('lines are counted, not runs: a line that mixes them with spaces is one line', () => {
    const text = `services:\n  web:\n ${NBSP} ${NBSP}image: x\n ${NBSP} ${NBSP}isolation: process\n`;
    const [syntax] = checkDocument(parseDocument('compose.yaml', text)).findings.filter((f) => f.rule === 'syntax');
    assert.match(syntax.message, /^Indentation with `U\+00A0` \(no-break space\), here and on 1 more line:/);
    assert.equal(syntax.fixes[0].edits.length, 4);
  });

  it('a compose key indented with them: one finding with a fix that gives back the file as meant', () => {
    const meant = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    isolation: hyperv\n';
    const pasted = meant.replace('    isolation', `${NBSP}${NBSP}${NBSP}${NBSP}isolation`);
    const syntax = checkDocument(parseDocument('compose.yaml', pasted)).findings.filter((f) => f.rule === 'syntax');
    assert.equal(syntax.length, 1);
    assert.match(syntax[0].message, /^Indentation with `U\+00A0` \(no-break space\): YAML indents with spaces only/);
    assert.deepEqual(
      [syntax[0].range.start, syntax[0].range.end],
      [
        { line: 3, character: 0 },
        { line: 3, character: 4 },
      ],
    );
    const fixed = applyEdits(pasted, syntax[0].fixes[0].edits);
    assert.equal(fixed, meant);
    assert.deepEqual(checkDocument(parseDocument('compose.yaml', fixed)).findings, []);
  });
});
