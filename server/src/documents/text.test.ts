/**
 * LineIndex: offsets are UTF-16 code units of the JS string (what LSP positions count); a line ends at LF, CRLF
 * or a lone CR; out-of-range input is clamped, never thrown on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { changedRange } from './incremental';
import { LineIndex } from './text';

const pos = (line: number, character: number) => ({ line, character });

interface LineCase {
  name: string;
  text: string;
  lineCount: number;
  /** offset → [line, character], also checked back with offsetAt */
  positions: [offset: number, line: number, character: number][];
  /** [line, lineStart, lineEnd] */
  lines?: [line: number, start: number, end: number][];
}

const cases: LineCase[] = [
  { name: 'empty text', text: '', lineCount: 1, positions: [[0, 0, 0]], lines: [[0, 0, 0]] },
  {
    name: 'LF',
    text: 'ab\ncd\n',
    lineCount: 3,
    positions: [
      [0, 0, 0],
      [2, 0, 2],
      [3, 1, 0],
      [5, 1, 2],
      [6, 2, 0],
    ],
    lines: [
      [0, 0, 2],
      [1, 3, 5],
      [2, 6, 6],
    ],
  },
  {
    name: 'CRLF: the pair is one line break',
    text: 'ab\r\ncd',
    lineCount: 2,
    positions: [
      [0, 0, 0],
      [2, 0, 2],
      [4, 1, 0],
      [6, 1, 2],
    ],
    lines: [
      [0, 0, 2],
      [1, 4, 6],
    ],
  },
  {
    name: 'lone CR (classic Mac)',
    text: 'a\rb\rc',
    lineCount: 3,
    positions: [
      [2, 1, 0],
      [4, 2, 0],
      [5, 2, 1],
    ],
    lines: [
      [1, 2, 3],
      [2, 4, 5],
    ],
  },
  {
    name: 'mixed line breaks',
    text: 'a\r\nb\nc\rd',
    lineCount: 4,
    positions: [
      [3, 1, 0],
      [5, 2, 0],
      [7, 3, 0],
    ],
    lines: [
      [0, 0, 1],
      [1, 3, 4],
      [2, 5, 6],
      [3, 7, 8],
    ],
  },
  {
    name: 'CR CR LF is two line breaks',
    text: 'a\r\r\nb',
    lineCount: 3,
    positions: [
      [2, 1, 0],
      [4, 2, 0],
    ],
    lines: [[1, 2, 2]],
  },
  {
    name: 'an astral character counts as two',
    text: '😀x\ny😀z',
    lineCount: 2,
    positions: [
      [2, 0, 2],
      [3, 0, 3],
      [4, 1, 0],
      [5, 1, 1],
      [7, 1, 3],
    ],
    lines: [[1, 4, 8]],
  },
  {
    name: 'a BOM is a character of line 0',
    text: '\ufeffa: 1\nb',
    lineCount: 2,
    positions: [
      [1, 0, 1],
      [6, 1, 0],
    ],
  },
  { name: 'tabs count as one', text: '\ta:\tb\n', lineCount: 2, positions: [[4, 0, 4]] },
];

describe('LineIndex', () => {
  for (const c of cases) {
    it(c.name, () => {
      const index = new LineIndex(c.text);
      assert.equal(index.lineCount, c.lineCount);
      for (const [offset, line, character] of c.positions) {
        assert.deepEqual(index.positionAt(offset), pos(line, character), `positionAt(${offset})`);
        assert.equal(index.offsetAt(pos(line, character)), offset, `offsetAt(${line}:${character})`);
      }
      for (const [line, start, end] of c.lines ?? []) {
        assert.equal(index.lineStart(line), start, `lineStart(${line})`);
        assert.equal(index.lineEnd(line), end, `lineEnd(${line})`);
      }
    });
  }

  it('clamps out-of-range offsets and positions', () => {
    const index = new LineIndex('ab\r\ncd');
    assert.deepEqual(index.positionAt(-5), pos(0, 0));
    assert.deepEqual(index.positionAt(99), pos(1, 2));
    assert.equal(index.offsetAt(pos(-1, 5)), 0);
    assert.equal(index.offsetAt(pos(9, 0)), 6);
    assert.equal(index.offsetAt(pos(0, 99)), 2, 'a character past the end of a line stops before its line break');
    assert.equal(index.offsetAt(pos(1, -3)), 4);
  });

  it('rangeOf converts a span', () => {
    const index = new LineIndex('services:\r\n  web:\r\n    image: x\r\n');
    assert.deepEqual(index.rangeOf({ start: 13, end: 16 }), { start: pos(1, 2), end: pos(1, 5) });
    assert.deepEqual(index.rangeOf({ start: 23, end: 31 }), { start: pos(2, 4), end: pos(2, 12) });
  });

  describe('afterEdit: the index of an edited text, from the index before the edit', () => {
    /** Every offset's position and every line's bounds, which is all an index answers. */
    const answers = (index: LineIndex, text: string) => ({
      lineCount: index.lineCount,
      positions: Array.from({ length: text.length + 1 }, (_, offset) => index.positionAt(offset)),
      lines: Array.from({ length: index.lineCount }, (_, line) => [index.lineStart(line), index.lineEnd(line)]),
    });
    const editCases: [name: string, before: string, after: string][] = [
      ['a digit changed (same length)', 'a: 1\nb: 2\nc: 3\n', 'a: 1\nb: 7\nc: 3\n'],
      ['a character typed', 'a: 1\nb: 2\nc: 3\n', 'a: 1\nb: 22\nc: 3\n'],
      ['a character deleted', 'a: 1\nb: 22\nc: 3\n', 'a: 1\nb: 2\nc: 3\n'],
      ['a line break typed', 'a: 1\nb: 2\n', 'a: 1\nb:\n 2\n'],
      ['a line joined', 'a: 1\nb:\n 2\n', 'a: 1\nb: 2\n'],
      ['text put between CR and LF', 'a\r\nb\r\nc', 'a\rx\nb\r\nc'],
      ['the LF after a CR deleted', 'a\r\nb', 'a\rb'],
      ['typed at the start of a line', 'a\nb\nc', 'a\nxb\nc'],
      ['typed at the end of the text', 'a\nb', 'a\nbc'],
    ];
    for (const [name, before, after] of editCases) {
      it(name, () => {
        const index = LineIndex.afterEdit(new LineIndex(before), after, changedRange(before, after));
        assert.deepEqual(answers(index, after), answers(new LineIndex(after), after));
      });
    }

    it('answers as a fresh index for any edit of any text (property)', () => {
      const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r'), maxLength: 40 });
      fc.assert(
        fc.property(text, fc.nat(), fc.nat(), text, (before, from, length, inserted) => {
          const start = from % (before.length + 1);
          const after = before.slice(0, start) + inserted + before.slice(Math.min(before.length, start + (length % 4)));
          const index = LineIndex.afterEdit(new LineIndex(before), after, changedRange(before, after));
          assert.deepEqual(answers(index, after), answers(new LineIndex(after), after));
        }),
        { numRuns: 2000 },
      );
    });
  });
});
