/**
 * Which parts of a compose value are variables compose substitutes (Docker Compose reference, "Interpolation"):
 * `$NAME` and `${...}` with every operator and nesting are; `$$` (a literal `$`), `$1`, `$-` and a lone `$` are not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInterpolated, maskVariables, variableSpans } from './interpolation';

/** Each case: the value, and the text of every variable expression in it (empty: none). */
const cases: [value: string, variables: string[]][] = [
  ['nat', []],
  ['${ISOLATION}', ['${ISOLATION}']],
  ['$ISOLATION', ['$ISOLATION']],
  ['$_under_score9/x', ['$_under_score9']],
  ['${DRIVER:-transparent}', ['${DRIVER:-transparent}']],
  ['${A-default} ${B:?required} ${C?required} ${D:+alt} ${E+alt}', ['${A-default}', '${B:?required}', '${C?required}', '${D:+alt}', '${E+alt}']],
  ['${A:-${B:-${C}}}:80', ['${A:-${B:-${C}}}']],
  ['${BIND_IP:-127.0.0.1}:${PORT}:80/${PROTO}', ['${BIND_IP:-127.0.0.1}', '${PORT}', '${PROTO}']],
  ['$$', []],
  ['$${NOT_A_VARIABLE}', []],
  ['$$NOT_A_VARIABLE', []],
  ['$$$REAL', ['$REAL']],
  ['$$${REAL}', ['${REAL}']],
  ['cost: $5', []],
  ['$-x', []],
  ['trailing $', []],
  ['${UNCLOSED', ['${UNCLOSED']],
  ['a$B.c', ['$B']],
];

describe('compose variables', () => {
  for (const [value, variables] of cases) {
    it(`${JSON.stringify(value)}: ${variables.length ? variables.join(', ') : 'no variable'}`, () => {
      assert.deepEqual(
        variableSpans(value).map((s) => value.slice(s.start, s.end)),
        variables,
      );
      assert.equal(isInterpolated(value), variables.length > 0);
    });
  }

  it('only strings interpolate', () => {
    for (const value of [null, undefined, 8080, true, { $ref: '${X}' }]) assert.equal(isInterpolated(value), false);
  });

  it('masking keeps the length and every character outside a variable', () => {
    for (const [value] of cases) {
      const masked = maskVariables(value);
      assert.equal(masked.length, value.length);
      const spans = variableSpans(value);
      for (let i = 0; i < value.length; i++) {
        const inside = spans.some((s) => i >= s.start && i < s.end);
        assert.equal(masked[i], inside ? '\0' : value[i], `${JSON.stringify(value)} at ${i}`);
      }
    }
  });
});
