import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generatedDocs } from '../server/src/docs/generate';
import { ALL_RULE_META } from '../server/src/rules/registry';

const root = join(__dirname, '..');

describe('rule docs', () => {
  it('are generated from the metadata and committed up to date (run `npm run docs`)', () => {
    for (const [path, content] of generatedDocs()) {
      assert.ok(existsSync(join(root, path)), `${path} is missing`);
      assert.equal(readFileSync(join(root, path), 'utf8'), content, `${path} is out of date`);
    }
  });

  it('have a page for every rule and no page for a rule that is gone', () => {
    const pages = readdirSync(join(root, 'docs/rules')).filter((f) => f !== 'README.md').map((f) => f.replace(/\.md$/, '')).sort();
    assert.deepEqual(pages, ALL_RULE_META.map((m) => m.id).sort());
  });

  it('every rule cites at least one source and says what to do', () => {
    for (const meta of ALL_RULE_META) {
      assert.ok(meta.sources.length > 0, `${meta.id} cites no source`);
      assert.ok(meta.remedy.length > 10, `${meta.id} has no remedy`);
      assert.match(meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('rule ids are unique', () => {
    const ids = ALL_RULE_META.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length);
  });
});
