/**
 * Whole HNS dumps and CNI configs through every HNS rule (test/fixtures/hns-dumps, written for winnet in the shapes
 * of real `Get-HnsEndpoint | ConvertTo-Json -Depth 10` / `Get-HnsPolicyList` output and rendered CNI configs): the
 * healthy ones give nothing, the broken one exactly the findings that name what networkhealth.ps1 would report.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from '../../documents/document';
import { checkDocument } from '../../engine/check';
import { HNS_RULES } from './index';

const DIR = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'hns-dumps');

function findings(file: string): string[] {
  const text = readFileSync(join(DIR, file), 'utf8');
  const result = checkDocument(parseDocument(file, text), { ruleSet: HNS_RULES });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule} ${f.severity}`);
}

const EXPECTED: Record<string, string[]> = {
  // A Degraded endpoint, a Detached one whose address a live endpoint now holds, an Overlay remote endpoint without
  // a PA, an ELB policy list without References, and one that still names a deleted endpoint.
  'bad-v1-endpoints-and-policylists.json': [
    '7:19 hns-endpoint-state warning',
    '17:19 hns-endpoint-state information',
    '24:23 hns-duplicate-ip warning',
    '38:9 hns-remote-endpoint-provider-address warning',
    '58:9 hns-load-balancer-endpoints warning',
    '79:28 hns-load-balancer-endpoints information',
  ],
};

describe('HNS dumps and CNI configs through every HNS rule', () => {
  const files = readdirSync(DIR).sort();
  it('holds healthy and broken files', () => assert.ok(files.length >= 4 && files.some((f) => EXPECTED[f])));
  for (const file of files) {
    it(file, () => {
      const kind = parseDocument(file, readFileSync(join(DIR, file), 'utf8')).kind;
      assert.notEqual(kind, 'none', 'recognised');
      assert.deepEqual(findings(file), EXPECTED[file] ?? []);
    });
  }
});
