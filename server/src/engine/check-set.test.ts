/**
 * The severity of a `compose-reference` finding: an error where compose itself would refuse the project (a
 * missing file), information where winnet cannot follow what compose may (a variable in the path), and a
 * configured severity over both.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckOptions } from './check';
import { checkComposeSet } from './check-set';

const files = new Map([
  ['/p/compose.yaml', 'include:\n  - missing.yaml\n  - ${COMMON}/net.yaml\nservices:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n'],
]);

function severities(options: CheckOptions): [string, string][] {
  const { results } = checkComposeSet(['/p/compose.yaml'], { read: (p) => files.get(p) }, options);
  return results
    .get('/p/compose.yaml')!
    .findings.filter((f) => f.rule === 'compose-reference')
    .map((f) => [/`([^`]*)`/.exec(f.message)![1], f.severity]);
}

describe('compose-reference severities', () => {
  const cases: { name: string; options: CheckOptions; expected: [string, string][] }[] = [
    {
      name: 'by default',
      options: {},
      expected: [
        ['missing.yaml', 'error'],
        ['include', 'information'],
      ],
    },
    {
      name: 'configured as a warning',
      options: { rules: { 'compose-reference': 'warning' } },
      expected: [
        ['missing.yaml', 'warning'],
        ['include', 'warning'],
      ],
    },
    { name: 'turned off', options: { rules: { 'compose-reference': 'off' } }, expected: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(severities(c.options), c.expected));
});
