/**
 * Test support for the tokenizer tests (no tests of its own: the fuzz test checks the checker). What every tokenizer
 * answer must satisfy, whatever the input: spans inside the text with start <= end, a command's span from its first
 * word's start to its last word's end, and `offsets` that map each value character to a source character inside the
 * word's span, in order, which is either that very character or the escape that produced it; and the runner of the
 * per-shell grammar tables. (A `*.test.ts` file so it is never bundled; its place is testing/ once that is open to it.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Span } from '../../documents/text';
import type { CommandLine } from '../words';

const ESCAPES = new Set(['\\', '`', '^', "'", '"', '\u2018', '\u2019', '\u201a', '\u201b', '\u201c', '\u201d', '\u201e']);

/** The invariants `lines` break for `text` (empty when none). */
export function invariantProblems(text: string, lines: CommandLine[], from = 0, to = text.length): string[] {
  const problems: string[] = [];
  for (const line of lines) {
    if (line.words.length === 0) problems.push('a command without words');
    const { span } = line;
    if (!(span.start >= from && span.start <= span.end && span.end <= to)) problems.push(`command span ${span.start}-${span.end} outside ${from}-${to}`);
    if (line.words.length > 0 && (span.start !== line.words[0].span.start || span.end !== line.words[line.words.length - 1].span.end)) {
      problems.push('command span is not first word start to last word end');
    }
    for (const word of line.words) {
      const where = `word ${JSON.stringify(word.value)}`;
      if (!(word.span.start >= from && word.span.start <= word.span.end && word.span.end <= to)) problems.push(`${where}: span outside the region`);
      if (word.offsets.length !== word.value.length + 1) {
        problems.push(`${where}: ${word.offsets.length} offsets for ${word.value.length} characters`);
        continue;
      }
      for (let i = 0; i < word.value.length; i++) {
        const at = word.offsets[i];
        if (at < word.span.start || at >= word.span.end) problems.push(`${where}: offset ${i} (${at}) outside the span`);
        else if (i > 0 && at < word.offsets[i - 1]) problems.push(`${where}: offset ${i} goes back`);
        else if (text[at] !== word.value[i] && !ESCAPES.has(text[at])) problems.push(`${where}: character ${i} maps to ${JSON.stringify(text[at])}`);
      }
      const end = word.offsets[word.value.length];
      if (end > word.span.end || end < word.span.start || (word.value.length > 0 && end <= word.offsets[word.value.length - 1])) {
        problems.push(`${where}: end offset ${end} out of place`);
      }
    }
  }
  return problems;
}

/** One row of a grammar table. */
export interface TokenCase {
  name: string;
  text: string;
  /** The commands expected, as the values of their words. */
  commands: string[][];
  /** Values of the words expected to be non-literal; every other word must be literal. */
  nonLiteral?: string[];
  /** [value, raw]: the word with this value is written as `raw` (text.slice of its span). */
  raw?: [value: string, raw: string][];
  /** [value, index, offset]: character `index` of the word with this value comes from file offset `offset`. */
  offsets?: [value: string, index: number, offset: number][];
  from?: number;
  to?: number;
  skip?: Span[];
}

type Reader = (text: string, from?: number, to?: number, skip?: readonly Span[]) => CommandLine[];

/** Runs a grammar table against a tokenizer: values, literal flags, raw spans, offsets and the invariants. */
export function runTable(title: string, read: Reader, cases: TokenCase[]): void {
  describe(title, () => {
    for (const c of cases) {
      it(c.name, () => {
        const lines = read(c.text, c.from, c.to, c.skip);
        assert.deepEqual(
          lines.map((line) => line.words.map((w) => w.value)),
          c.commands,
        );
        const words = lines.flatMap((line) => line.words);
        const nonLiteral = new Set(c.nonLiteral ?? []);
        assert.deepEqual(
          words.filter((w) => !w.literal).map((w) => w.value),
          words.filter((w) => nonLiteral.has(w.value)).map((w) => w.value),
          'non-literal words',
        );
        for (const [value, raw] of c.raw ?? []) {
          const word = words.find((w) => w.value === value);
          assert.ok(word, `no word ${JSON.stringify(value)}`);
          assert.equal(c.text.slice(word.span.start, word.span.end), raw);
        }
        for (const [value, index, offset] of c.offsets ?? []) {
          const word = words.find((w) => w.value === value);
          assert.ok(word, `no word ${JSON.stringify(value)}`);
          assert.equal(word.offsets[index], offset, `offset ${index} of ${JSON.stringify(value)}`);
        }
        assert.deepEqual(invariantProblems(c.text, lines, c.from, c.to), []);
      });
    }
  });
}
