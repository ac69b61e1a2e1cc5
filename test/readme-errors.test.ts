/**
 * README's table of the errors users see is true to `winnet explain`: for each row, the message (the first cell,
 * without backticks and parenthesised notes) is explained with the rule the row names among the first answers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleMeta } from '../server/src/rules/registry';
import { explainError, TIE } from '../server/src/service/explain';

const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const table = README.slice(README.indexOf('<!-- errors-table:begin'), README.indexOf('<!-- errors-table:end'));
const rows = table
  .split('\n')
  .filter((l) => l.startsWith('|') && !/^\|\s*What you see/.test(l) && !/^\|\s*-/.test(l))
  .map((l) =>
    l
      .replace(/^\|/, '')
      .replace(/\|\s*$/, '')
      .split(' | ')
      .map((c) => c.trim()),
  );

describe('README: the errors users see, and the rules that catch them', () => {
  it('has its rows', () => assert.ok(rows.length >= 15, `${rows.length} rows`));
  for (const [seen, caught] of rows) {
    const message = seen.replace(/\s*\([^)]*\)$/, '').replace(/`/g, '');
    const rule = /\[([a-z0-9-]+)\]\(docs\/rules\/\1\.md\)/.exec(caught)?.[1];
    it(`${message} → ${rule}`, () => {
      assert.ok(rule && ruleMeta(rule), `the row names a rule: ${caught}`);
      const { matches } = explainError(message);
      const first = matches.filter((m) => m.score >= (matches[0]?.score ?? 0) - TIE).map((m) => m.id);
      assert.ok(first.includes(rule), `${rule} among the first answers; got ${JSON.stringify(matches.map((m) => [m.id, m.score]))}`);
    });
  }
});
