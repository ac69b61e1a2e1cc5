/**
 * Every compose rule in the registry belongs to exactly one theme, and every theme has its test file; each theme
 * file proves (in its "covers every rule of the theme" test) that its rules fire, have near misses and fix cases.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMPOSE_RULES } from '../registry';
import { THEMES } from './test-helpers';

describe('rule test coverage', () => {
  it('the themes hold every registered compose rule exactly once', () => {
    const themed = Object.values(THEMES).flat();
    assert.equal(new Set(themed).size, themed.length, 'no rule in two themes');
    assert.deepEqual([...themed].sort(), COMPOSE_RULES.map((r) => r.meta.id).sort());
  });
  it('each theme has its test file', () => {
    for (const theme of Object.keys(THEMES)) assert.ok(existsSync(join(__dirname, `${theme}-rules.test.ts`)), `${theme}-rules.test.ts`);
  });
  it('each rule has its own source file named after its id', () => {
    for (const { meta } of COMPOSE_RULES) assert.ok(existsSync(join(__dirname, `${meta.id}.ts`)), `${meta.id}.ts`);
  });
});
