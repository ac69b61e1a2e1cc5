/**
 * Every HNS rule's documented examples do what the docs say: the "Reported" example is reported by that rule,
 * the "Fine" one is not. The docs pages are generated from these examples.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../documents/document';
import { checkDocument } from '../../engine/check';
import type { WindowsVersion } from '../../knowledge/versions';
import { composeSchemaRule } from '../compose-schema';
import type { Rule } from '../types';
import { HNS_RULES } from './index';

/** Version-dependent examples are written for an older host. */
const VERSION: Record<string, WindowsVersion> = { 'hns-version-gate': 'ltsc2019', 'hns-schema-version': 'ltsc2019' };

function findings(rule: Rule, text: string): string[] {
  const path = rule.meta.kinds.includes('compose')
    ? 'compose.yaml'
    : rule.meta.kinds.length === 1 && rule.meta.kinds[0] === 'cni'
      ? 'example.conf'
      : 'example.json';
  const doc = parseDocument(path, text);
  assert.ok(rule.meta.kinds.includes(doc.kind), `the example is read as ${doc.kind}`);
  const rules = rule.meta.offByDefault ? { [rule.meta.id]: rule.meta.defaultSeverity } : undefined;
  const result = checkDocument(doc, { ruleSet: [rule], windowsVersion: VERSION[rule.meta.id], rules });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.filter((f) => f.rule === rule.meta.id).map((f) => f.message);
}

describe('rule examples', () => {
  for (const rule of [composeSchemaRule, ...HNS_RULES]) {
    it(`${rule.meta.id}: the bad example is reported`, () => assert.notDeepEqual(findings(rule, rule.meta.examples.bad), []));
    if (rule.meta.examples.good) it(`${rule.meta.id}: the good example is not`, () => assert.deepEqual(findings(rule, rule.meta.examples.good!), []));
  }
});
