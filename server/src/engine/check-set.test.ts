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

describe('rules that compare files of a set', () => {
  it('a host port published in the base file and again in the override: the finding is in the override, the first publication related in the base', () => {
    const set = new Map([
      ['/p/compose.yaml', 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    ports:\n      - "8080:80"\n'],
      ['/p/compose.override.yaml', 'services:\n  api:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    ports:\n      - "8080:8080"\n'],
    ]);
    const { results } = checkComposeSet(['/p/compose.yaml', '/p/compose.override.yaml'], { read: (p) => set.get(p) });
    const inBase = results.get('/p/compose.yaml')!.findings.filter((f) => f.rule === 'duplicate-host-port');
    const inOverride = results.get('/p/compose.override.yaml')!.findings.filter((f) => f.rule === 'duplicate-host-port');
    assert.deepEqual(inBase, []);
    assert.equal(inOverride.length, 1);
    assert.deepEqual(inOverride[0].range, { start: { line: 4, character: 9 }, end: { line: 4, character: 13 } });
    const related = inOverride[0].related.find((r) => r.message.includes('first published by `web`'));
    assert.equal(related?.path, '/p/compose.yaml');
  });
});
