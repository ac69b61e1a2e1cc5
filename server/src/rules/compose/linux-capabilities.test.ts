/** `linux-capabilities`: `cap_add` / `cap_drop` on a Windows service. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

const ID = 'linux-capabilities';

const cases: RuleCase[] = [
  {
    name: "`cap_add: [NET_ADMIN]`: error on the key, with the daemon's words and why NET_ADMIN does not help (moby container.go validateCapabilities)",
    rule: ID,
    yaml: `${WIN}    cap_add:\n      - NET_ADMIN\n`,
    expect: [
      {
        rule: ID,
        severity: 'error',
        range: '3:4-3:11',
        message: [
          '`cap_add` on service `web`',
          'no Linux capabilities',
          '`invalid CapAdd: unknown capability: "CAP_NET_ADMIN"`',
          'Engine 23',
          "`NET_ADMIN` cannot change a Windows container's network",
          'HNS',
          'Remove `cap_add`',
        ],
      },
    ],
  },
  {
    name: 'NET_RAW with a CAP_ prefix in lower case, after `ALL`: the daemon names the first it refuses; both network capabilities named',
    rule: ID,
    yaml: `${WIN}    cap_add: [ALL, cap_net_raw, NET_ADMIN]\n`,
    expect: [{ rule: ID, severity: 'error', range: '3:4-3:11', message: ['unknown capability: "CAP_NET_RAW"', '`NET_RAW` and `NET_ADMIN`'] }],
  },
  {
    name: '`cap_drop` with names: error; no network note for other capabilities',
    rule: ID,
    yaml: `${WIN}    cap_drop:\n      - SYS_ADMIN\n      - MKNOD\n`,
    expect: [{ rule: ID, severity: 'error', range: '3:4-3:12', message: ['`invalid CapDrop: unknown capability: "CAP_SYS_ADMIN"`', 'Remove `cap_drop`'] }],
  },
  {
    name: '`cap_drop: [ALL]` (hardening habit) passes the daemon and does nothing: a warning',
    rule: ID,
    yaml: `${WIN}    cap_drop: [all]\n    cap_add: [ALL]\n`,
    expect: [
      { rule: ID, severity: 'warning', range: '3:4-3:12', message: ['`cap_drop: [ALL]`', 'does nothing', 'accepts `ALL` and ignores it'] },
      { rule: ID, severity: 'warning', range: '4:4-4:11' },
    ],
  },
  {
    name: 'one list shared through a merge key: reported once where it is written',
    rule: ID,
    yaml: yaml`
      x-caps: &caps
        cap_add: [NET_ADMIN]
      services:
        a:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          <<: *caps
        b:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          <<: *caps
    `,
    expect: [{ rule: ID, severity: 'error', range: '1:2-1:9', message: ['services `a`, `b`'] }],
  },
  {
    name: 'near misses: empty lists, capabilities from variables only, a Linux service in the same file',
    rule: ID,
    yaml: yaml`
      services:
        a:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          cap_add: []
          cap_drop: ["\${DROP}"]
        b:
          image: alpine:3.20
          platform: linux/amd64
          cap_add: [NET_ADMIN]
    `,
    expect: [],
  },
  {
    name: 'a variable beside a written name: the name is judged',
    rule: ID,
    yaml: `${WIN}    cap_add: ["\${EXTRA_CAP}", NET_BIND_SERVICE]\n`,
    expect: [{ rule: ID, severity: 'error', range: '3:4-3:11', message: ['"CAP_NET_BIND_SERVICE"'] }],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes `cap_add` with its items, keeps the comment',
    rule: ID,
    preferred: true,
    yaml: `${WIN}    cap_add:\n      - NET_ADMIN\n      - NET_RAW\n    dns: [10.0.0.10] # corp DNS\n`,
    expected: `${WIN}    dns: [10.0.0.10] # corp DNS\n`,
  },
  {
    name: 'removes `cap_drop: [ALL]`',
    rule: ID,
    yaml: `${WIN}    cap_drop: [ALL]\n    isolation: process\n`,
    expected: `${WIN}    isolation: process\n`,
  },
];

describeRule(ID, cases, fixes);

describe('linux-capabilities: fixes it does not offer', () => {
  it('a list shared through a merge key is not removed', () => {
    const text = 'x-caps: &caps\n  cap_add: [NET_ADMIN]\nservices:\n  a:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    <<: *caps\n';
    assert.deepEqual(check(text).find((f) => f.rule === ID)?.fixes, []);
  });
});
