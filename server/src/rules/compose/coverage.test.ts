/**
 * Every compose rule has its source file and its test file, both named after its id: `rules/compose/<id>.ts`
 * and `<id>.test.ts`, whose describeRule() (testing/rule-tests.ts) proves the rule fires, has near misses,
 * states its facts and has fix cases. `npm run new-rule <id>` writes both.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMPOSE_RULES } from '../registry';

describe('rule files', () => {
  const ids = COMPOSE_RULES.map((r) => r.meta.id);
  it('each compose rule has its own source file named after its id', () => {
    for (const id of ids) assert.ok(existsSync(join(__dirname, `${id}.ts`)), `${id}.ts`);
  });
  it('each compose rule has its own test file named after its id', () => {
    for (const id of ids) assert.ok(existsSync(join(__dirname, `${id}.test.ts`)), `${id}.test.ts`);
  });
  it('this folder holds only rules, their tests and the cross-rule tests: helpers live in support/', () => {
    const crossRule = new Set(['coverage.test.ts', 'examples.test.ts', 'linux-silence.test.ts', 'substituted-values.test.ts', 'variables.test.ts']);
    const stray = readdirSync(__dirname, { withFileTypes: true })
      .filter((e) => e.isFile() && !crossRule.has(e.name))
      .map((e) => e.name.replace(/(\.test)?\.ts$/, ''))
      .filter((name) => !ids.includes(name));
    assert.deepEqual(stray, []);
  });
});
