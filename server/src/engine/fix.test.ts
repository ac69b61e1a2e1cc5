/**
 * Applying fixes: `applyEdits` applies non-overlapping edits whatever their order (insertions at one offset in
 * the order given, as LSP does) and skips an edit that overlaps one already applied; `preferredEdits` takes the
 * preferred fix of each finding and drops a fix that overlaps an earlier one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { parseYaml } from '../documents/yaml';
import { checkDocument, type Edit, type Finding, type Fix } from './check';
import { applyEdits, preferredEdits } from './fix';

const e = (start: number, end: number, newText: string) => ({ span: { start, end }, newText });

describe('applyEdits', () => {
  const cases: { name: string; text: string; edits: ReturnType<typeof e>[]; expected: string }[] = [
    { name: 'no edits', text: 'abc', edits: [], expected: 'abc' },
    { name: 'one replacement', text: 'driver: bridge', edits: [e(8, 14, 'nat')], expected: 'driver: nat' },
    { name: 'a deletion', text: 'a\nb\nc\n', edits: [e(2, 4, '')], expected: 'a\nc\n' },
    { name: 'an insertion at the end', text: 'a: 1', edits: [e(4, 4, '\nb: 2')], expected: 'a: 1\nb: 2' },
    { name: 'several edits given front to back', text: 'one two three', edits: [e(0, 3, '1'), e(4, 7, '2'), e(8, 13, '3')], expected: '1 2 3' },
    { name: 'the same edits given back to front', text: 'one two three', edits: [e(8, 13, '3'), e(0, 3, '1'), e(4, 7, '2')], expected: '1 2 3' },
    { name: 'adjacent edits both apply', text: 'abcd', edits: [e(0, 2, 'X'), e(2, 4, 'Y')], expected: 'XY' },
    { name: 'insertions at one offset keep the order given', text: 'ac', edits: [e(1, 1, 'b1'), e(1, 1, 'b2')], expected: 'ab1b2c' },
    { name: 'an insertion where a replacement starts goes before it', text: 'abc', edits: [e(1, 2, 'B'), e(1, 1, '+')], expected: 'a+Bc' },
    {
      name: 'overlapping edits: the one starting later wins, the other is left for another pass',
      text: 'abcdef',
      edits: [e(1, 4, 'X'), e(3, 5, 'Y')],
      expected: 'abcYf',
    },
    { name: 'an edit inside another: the inner one (it starts later) wins', text: 'abcdef', edits: [e(0, 6, 'ALL'), e(2, 3, 'c!')], expected: 'abc!def' },
    {
      name: 'CRLF and astral characters are plain UTF-16 offsets',
      text: 'a: 😀\r\nb: 1\r\n',
      edits: [e(3, 5, 'x'), e(10, 11, '2')],
      expected: 'a: x\r\nb: 2\r\n',
    },
  ];
  for (const c of cases) it(c.name, () => assert.equal(applyEdits(c.text, c.edits), c.expected));

  it('does not modify the edits array it is given', () => {
    const edits = [e(0, 1, 'x'), e(2, 3, 'y')];
    const copy = JSON.parse(JSON.stringify(edits));
    applyEdits('abc', edits);
    assert.deepEqual(edits, copy);
  });
});

function finding(rule: string, fixes: Partial<Fix>[]): Finding {
  return {
    rule,
    severity: 'error',
    message: rule,
    span: { start: 0, end: 0 },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    fixes: fixes.map((f) => ({ title: f.title ?? 'fix', preferred: f.preferred ?? false, edits: f.edits ?? [] })),
    related: [],
    tags: [],
  };
}

const edit = (start: number, end: number, newText: string): Edit => ({
  span: { start, end },
  newText,
  range: { start: { line: 0, character: start }, end: { line: 0, character: end } },
});

describe('preferredEdits', () => {
  it('takes the preferred fix of each finding, and nothing from findings without one', () => {
    const findings = [
      finding('a', [
        { title: 'other', edits: [edit(0, 1, 'no')] },
        { title: 'best', preferred: true, edits: [edit(0, 1, 'A')] },
      ]),
      finding('b', [{ title: 'not preferred', edits: [edit(5, 6, 'no')] }]),
      finding('c', [{ preferred: true, edits: [edit(8, 9, 'C'), edit(10, 11, 'D')] }]),
    ];
    assert.deepEqual(
      preferredEdits(findings).map((x) => x.newText),
      ['A', 'C', 'D'],
    );
  });

  it('drops a whole fix when one of its edits overlaps an edit already chosen', () => {
    const findings = [
      finding('a', [{ preferred: true, edits: [edit(2, 6, 'A')] }]),
      finding('b', [{ preferred: true, edits: [edit(10, 12, 'B1'), edit(5, 8, 'B2')] }]),
      finding('c', [{ preferred: true, edits: [edit(6, 9, 'C')] }]),
    ];
    assert.deepEqual(
      preferredEdits(findings).map((x) => x.newText),
      ['A', 'C'],
    );
  });

  it('two insertions at the same offset: only the first', () => {
    const findings = [finding('a', [{ preferred: true, edits: [edit(4, 4, 'x')] }]), finding('b', [{ preferred: true, edits: [edit(4, 4, 'y')] }])];
    assert.deepEqual(
      preferredEdits(findings).map((x) => x.newText),
      ['x'],
    );
  });

  it('an insertion at the end of a replaced span does not overlap it', () => {
    const findings = [finding('a', [{ preferred: true, edits: [edit(0, 4, 'x')] }]), finding('b', [{ preferred: true, edits: [edit(4, 4, 'y')] }])];
    assert.deepEqual(
      preferredEdits(findings).map((x) => x.newText),
      ['x', 'y'],
    );
  });

  it('on a real file: every preferred fix applied at once parses, keeps the comment and leaves those findings fixed', () => {
    const text = [
      '# a Windows stack',
      'services:',
      '  web:',
      '    image: mcr.microsoft.com/windows/nanoserver:ltsc2022',
      '    isolation: hyper-v',
      '    network_mode: bridge',
      '    ports:',
      '      - "127.0.0.1:8080:80"',
      '    dns_opt:',
      '      - ndots:2',
      'networks:',
      '  app:',
      '    driver: bridge',
      '    enable_ipv6: true',
      '',
    ].join('\n');
    const before = checkDocument(parseDocument('compose.yaml', text)).findings;
    const fixed = applyEdits(text, preferredEdits(before));
    assert.deepEqual(parseYaml(fixed).errors, []);
    assert.ok(fixed.startsWith('# a Windows stack\n'));
    const after = checkDocument(parseDocument('compose.yaml', fixed)).findings;
    assert.deepEqual(
      after.filter((f) => f.fixes.some((x) => x.preferred)).map((f) => f.rule),
      [],
    );
    assert.deepEqual(
      fixed,
      [
        '# a Windows stack',
        'services:',
        '  web:',
        '    image: mcr.microsoft.com/windows/nanoserver:ltsc2022',
        '    isolation: hyperv',
        '    network_mode: nat',
        '    ports:',
        '      - "8080:80"',
        'networks:',
        '  app:',
        '    driver: nat',
        '',
      ].join('\n'),
    );
  });
});
