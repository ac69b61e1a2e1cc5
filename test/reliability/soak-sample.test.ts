/**
 * A small soak (the full one is `npm run soak`, scripts/soak.ts): a few hundred rapid edits across a handful
 * of open documents, configuration changes and cancelled requests; every document's final diagnostics must
 * equal a fresh CLI run on its final text, and the server must log no error.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runSoak } from './support/soak';
import { SEED } from './support/seed';

describe('soak sample', () => {
  it('after rapid edits, settings changes and cancellations, every document matches a fresh CLI run', async () => {
    const result = await runSoak({ documents: 8, edits: 300, seed: SEED, configEvery: 60, requestEvery: 5 });
    assert.equal(result.edits, 300);
    assert.ok(result.configChanges >= 5);
    assert.deepEqual(result.mismatches, []);
    assert.deepEqual(result.serverErrors, []);
    assert.ok(result.requests.answered + result.requests.cancelled > 0);
  });
});
