/** `ipv6-address`: `ipv6_address` on Windows. Its cases, near misses and fixes. */
import { WIN, describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: '`ipv6_address` on a service network: key and value',
    rule: 'ipv6-address',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks:
            app:
              ipv6_address: fd00::10
      networks:
        app:
    `,
    expect: [{ rule: 'ipv6-address', severity: 'error', range: '5:8-5:30', message: ['`ipv6_address`', '`web`', 'no configured subnet contains IP address'] }],
  },
  {
    name: 'near misses: an IPv4 address, an empty `ipv6_address:`',
    rule: 'ipv6-address',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks:
            app:
              ipv4_address: 172.30.0.10
              ipv6_address:
      networks:
        app:
          ipam:
            config:
              - subnet: 172.30.0.0/24
    `,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes the `ipv6_address` line',
    rule: 'ipv6-address',
    preferred: true,
    yaml: `${WIN}    networks:\n      app:\n        ipv4_address: 172.30.0.10\n        ipv6_address: fd00::10\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 172.30.0.0/24\n`,
    expected: `${WIN}    networks:\n      app:\n        ipv4_address: 172.30.0.10\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 172.30.0.0/24\n`,
  },
];

describeRule('ipv6-address', cases, fixes);
