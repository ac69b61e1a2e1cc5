/**
 * Every compose rule's documented examples do what its docs page says, pasted as written into a file with the
 * settings the page states: the "Reported" example gives this rule's findings and no other rule's, the "Fine"
 * one gives no finding at all. The pages (docs/rules/<id>.md) are generated from these examples.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../documents/document';
import { composeEnvironment } from '../../compose/environment';
import { checkDocument } from '../../engine/check';
import { COMPOSE_RULES } from '../registry';
import type { Rule } from '../types';

function rulesReported(rule: Rule, text: string): string[] {
  const { path = 'compose.yaml', windowsVersion, target, env } = rule.meta.examples;
  const doc = parseDocument(path, text);
  assert.equal(doc.kind, 'compose');
  assert.deepEqual(doc.errors, [], 'the example parses');
  // A rule that is off by default is shown as it reports once turned on.
  const rules = rule.meta.offByDefault ? { [rule.meta.id]: rule.meta.defaultSeverity } : undefined;
  const environment = env === undefined ? undefined : composeEnvironment({ files: [{ path: '.env', text: env }] });
  const result = checkDocument(doc, { windowsVersion, target, rules, env: environment });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.map((f) => f.rule);
}

describe('compose rule examples', () => {
  for (const rule of COMPOSE_RULES) {
    const { id, examples } = rule.meta;
    it(`${id}: the bad example gives ${id} findings and nothing else`, () => {
      const reported = rulesReported(rule, examples.bad);
      assert.ok(reported.length > 0, `${id} reports its bad example`);
      assert.deepEqual([...new Set(reported)], [id]);
    });
    it(`${id}: the example is a whole file`, () => assert.match(examples.bad, /^(services|networks):/m));
    it(`${id}: the good example gives no finding`, () => {
      assert.ok(examples.good, 'every compose rule shows what to write instead');
      assert.deepEqual(rulesReported(rule, examples.good), []);
    });
  }
});
