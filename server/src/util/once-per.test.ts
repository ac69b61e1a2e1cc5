/** The two memo helpers: per key object (dropped with the object) and per string (bounded). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { oncePer, oncePerText } from './once-per';

describe('oncePer', () => {
  it('computes once per key object, also when the value is undefined', () => {
    const calls: object[] = [];
    const f = oncePer((key: object) => {
      calls.push(key);
      return undefined;
    });
    const a = {};
    const b = {};
    for (const key of [a, a, b, b]) f(key);
    assert.deepEqual(calls, [a, b]);
  });
});

describe('oncePerText', () => {
  it('computes once per distinct string, also when the value is undefined', () => {
    const calls: string[] = [];
    const f = oncePerText((text) => {
      calls.push(text);
      return text === 'x' ? undefined : text.length;
    });
    assert.deepEqual([f('x'), f('abc'), f('x'), f('abc')], [undefined, 3, undefined, 3]);
    assert.deepEqual(calls, ['x', 'abc']);
  });

  it('is emptied at its limit, and still answers right', () => {
    const calls: string[] = [];
    const f = oncePerText((text) => {
      calls.push(text);
      return text.toUpperCase();
    }, 2);
    assert.deepEqual([f('a'), f('b'), f('c'), f('a')], ['A', 'B', 'C', 'A']);
    assert.deepEqual(calls, ['a', 'b', 'c', 'a'], 'the third value emptied the cache, so `a` was computed again');
  });
});
