/** `internal-network`: `internal: true` does not isolate a Windows network. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: '`internal: true`: key and value',
    rule: 'internal-network',
    yaml: net('  backend:\n    internal: true\n'),
    expect: [
      {
        rule: 'internal-network',
        severity: 'warning',
        range: '5:4-5:18',
        message: ['does not isolate network `backend`', 'stop `ports:` being published', 'drops its `dns:` servers'],
      },
    ],
  },
  {
    name: 'a service whose only networks are internal loses its published ports, and the message names it (moby daemon/network.go buildPortsRelatedCreateEndpointOptions)',
    rule: 'internal-network',
    yaml: yaml`
      services:
        db:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [backend]
          ports: ["1433:1433"]
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [backend, front]
          ports: ["80:80"]
      networks:
        backend:
          internal: true
        front: {}
    `,
    expect: [{ rule: 'internal-network', severity: 'warning', range: '11:4-11:18', message: ['`db` publishes ports that are therefore not published'] }],
  },
  {
    name: 'near miss: `internal: false`; the `internal` driver is another thing',
    rule: 'internal-network',
    yaml: net('  backend:\n    internal: false\n  other:\n    driver: internal\n'),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes `internal: true`, never by --fix: it publishes the ports again',
    rule: 'internal-network',
    preferred: false,
    yaml: net('  backend:\n    internal: true\n'),
    expected: net('  backend:\n'),
  },
];

describeRule('internal-network', cases, fixes);

describe('internal-network: more', () => {
  it('no removal when the lines to remove hold a comment', () => {
    const [finding] = check(net('  backend:\n    internal: true # keep out\n')).filter((f) => f.rule === 'internal-network');
    assert.deepEqual(finding.fixes, []);
  });
  it('no removal inside a flow mapping', () => {
    const [finding] = check(net('  backend: {internal: true}\n')).filter((f) => f.rule === 'internal-network');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.fixes, []);
  });
});
