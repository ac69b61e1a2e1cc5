/** The text a tokenizer reads: a region of the file, skipped spans absent, every index mapped back to the file. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Source } from './source';

describe('Source', () => {
  it('a region without skips is a slice, offsets shifted', () => {
    const source = new Source('0123456789', 2, 6);
    assert.equal(source.text, '2345');
    assert.equal(source.offset(0), 2);
    assert.equal(source.end(4), 6);
  });

  it('skipped spans are absent; offsets jump over them', () => {
    const source = new Source('ab__cd__ef', 0, 10, [
      { start: 6, end: 8 },
      { start: 2, end: 4 },
    ]);
    assert.equal(source.text, 'abcdef');
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((i) => source.offset(i)),
      [0, 1, 4, 5, 8, 9],
    );
    assert.equal(source.end(2), 2, 'a run ending before a skip ends at the skip');
    assert.equal(source.end(6), 10);
  });

  it('overlapping, out-of-range and empty skips are clamped', () => {
    const source = new Source('abcdef', 1, 5, [
      { start: -3, end: 2 },
      { start: 3, end: 3 },
      { start: 2, end: 4 },
      { start: 3, end: 9 },
    ]);
    assert.equal(source.text, '');
    assert.equal(source.end(0), 1);
  });
});
