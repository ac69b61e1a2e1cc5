/**
 * `npm run new-rule <id>` (scripts/new-rule.ts): what it writes. The whole flow (files written, registry edited,
 * the new rule's own tests failing until its check reports) was tried in a scratch checkout; this holds the parts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { registerRule, ruleConst, ruleSource, testSource, validId } from '../../scripts/new-rule';

const REGISTRY = readFileSync(join(__dirname, '..', '..', 'server', 'src', 'rules', 'registry.ts'), 'utf8');

describe('new-rule', () => {
  it('names the rule constant after the id', () => {
    assert.equal(ruleConst('transparent-ports'), 'transparentPortsRule');
    assert.equal(ruleConst('ipv6-subnet'), 'ipv6SubnetRule');
  });

  it('takes kebab-case ids, and leaves HNS rules to rules/hns/', () => {
    assert.equal(validId('driver-name-case'), undefined);
    assert.match(validId('DriverNameCase')!, /lower-case/);
    assert.match(validId('hns-thing')!, /rules\/hns/);
    assert.match(validId('')!, /lower-case/);
  });

  it('imports the rule in order and appends it to COMPOSE_RULES', () => {
    const next = registerRule(REGISTRY, 'gateway-priority');
    const lines = next.split('\n');
    const at = lines.indexOf("import { gatewayPriorityRule } from './compose/gateway-priority';");
    assert.ok(at > 0);
    assert.ok(lines[at - 1] < lines[at] && lines[at] < lines[at + 1], 'between its neighbours');
    const list = next.slice(next.indexOf('export const COMPOSE_RULES'), next.indexOf('];', next.indexOf('export const COMPOSE_RULES')));
    assert.ok(list.trimEnd().endsWith('gatewayPriorityRule,'));
  });

  it('writes a rule and a test that name the id', () => {
    assert.match(ruleSource('driver-name-case'), /export const driverNameCaseRule: Rule = \{[\s\S]*id: 'driver-name-case'/);
    assert.match(testSource('driver-name-case'), /describeRule\('driver-name-case', cases, fixes\)/);
  });
});
