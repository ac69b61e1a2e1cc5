/** `sysctls`: sysctls have no effect on Windows (and interface sysctls fail). Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

const ID = 'sysctls';

const cases: RuleCase[] = [
  {
    name: '`net.*` sysctls as a mapping: a warning on the key (moby oci_windows.go never reads HostConfig.Sysctls)',
    rule: ID,
    yaml: `${WIN}    sysctls:\n      net.core.somaxconn: 1024\n      net.ipv4.tcp_syncookies: 0\n`,
    expect: [
      {
        rule: ID,
        severity: 'warning',
        range: '3:4-3:11',
        message: ['`sysctls` have no effect on Windows', 'service `web`', 'accepts and ignores them', '`net.*` settings', 'HNS', 'Remove `sysctls`'],
      },
    ],
  },
  {
    name: 'a list of other kernel parameters: a warning without the network note',
    rule: ID,
    yaml: `${WIN}    sysctls:\n      - kernel.shm_rlimit=1\n`,
    expect: [{ rule: ID, severity: 'warning', range: '3:4-3:11', message: ['Windows has no sysctls'] }],
  },
  {
    name: 'a sysctl naming an interface: an error (Engine 27+ handleSysctlBC refuses it before any Windows code)',
    rule: ID,
    yaml: `${WIN}    sysctls:\n      - net.ipv4.conf.eth0.forwarding=1\n      - net.ipv6.conf.all.disable_ipv6=1\n`,
    expect: [
      {
        rule: ID,
        severity: 'error',
        range: '3:4-3:11',
        message: [
          '`net.ipv4.conf.eth0.forwarding` names a Linux interface',
          'Engine 27',
          "must be supplied using driver option 'com.docker.network.endpoint.sysctls'",
        ],
      },
    ],
  },
  {
    name: 'sysctls written with variables are still ignored; a merged key is reported where it is written, an overriding one on its own',
    rule: ID,
    yaml: yaml`
      x-tuning: &tuning
        sysctls:
          net.core.somaxconn: \${SOMAXCONN:-1024}
      services:
        a:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          <<: *tuning
        b:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          <<: *tuning
          sysctls:
            - "\${SYSCTL}"
    `,
    expect: [
      { rule: ID, severity: 'warning', range: '1:2-1:9', message: ['(service `a`)'] },
      { rule: ID, severity: 'warning', range: '10:4-10:11', message: ['service `b`'] },
    ],
  },
  {
    name: 'near misses: empty sysctls, a Linux service in the same file',
    rule: ID,
    yaml: yaml`
      services:
        a:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          sysctls: {}
        b:
          image: alpine:3.20
          platform: linux/amd64
          sysctls:
            net.ipv4.ip_forward: 1
    `,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes `sysctls` with its entries, keeps the comment',
    rule: ID,
    preferred: true,
    yaml: `${WIN}    sysctls:\n      net.core.somaxconn: 1024\n    # DNS of the domain\n    dns: [10.0.0.10]\n`,
    expected: `${WIN}    # DNS of the domain\n    dns: [10.0.0.10]\n`,
  },
];

describeRule(ID, cases, fixes);

describe('sysctls: fixes it does not offer', () => {
  it('sysctls shared through a merge key are not removed', () => {
    const text = 'x-t: &t\n  sysctls:\n    net.core.somaxconn: 1024\nservices:\n  a:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    <<: *t\n';
    assert.deepEqual(check(text).find((f) => f.rule === ID)?.fixes, []);
  });
});
