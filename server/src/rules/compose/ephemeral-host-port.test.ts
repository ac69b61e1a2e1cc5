/** `ephemeral-host-port`: a hint, off by default, for host ports in the Windows dynamic port range. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { check, describeRule, yaml, type RuleCase } from '../../testing/rule-tests';

const ON = { rules: { 'ephemeral-host-port': 'hint' as const } };

const file = yaml`
  services:
    web:
      image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      ports:
        - "50080:80"
`;

const cases: RuleCase[] = [
  {
    name: 'turned on: a hint on the host port, with the error it may meet and how to list reserved blocks',
    rule: 'ephemeral-host-port',
    options: ON,
    yaml: file,
    expect: [
      {
        rule: 'ephemeral-host-port',
        severity: 'hint',
        range: '4:9-4:14',
        message: ['Host port 50080', '49152–65535', 'forbidden by its access permissions', 'excludedportrange'],
      },
    ],
  },
  {
    name: 'a range onto a range in the dynamic range: one hint per mapping',
    rule: 'ephemeral-host-port',
    options: ON,
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: ["60000-60002:60000-60002", "8080:80"]
    `,
    expect: [{ rule: 'ephemeral-host-port', severity: 'hint', range: '3:13-3:24', message: ['Host port 60000'] }],
  },
  {
    name: 'near misses: ports below 49152, no host port, a variable',
    rule: 'ephemeral-host-port',
    options: ON,
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: ["49151:80", "50000", "\${PORT:-50080}:80"]
    `,
    expect: [],
  },
];

describeRule('ephemeral-host-port', cases, []);

it('ephemeral-host-port is off unless a setting names it', () => {
  assert.deepEqual(
    check(file).filter((f) => f.rule === 'ephemeral-host-port'),
    [],
  );
});
