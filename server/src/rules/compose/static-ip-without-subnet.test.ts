/** `static-ip-without-subnet`: Static IPv4 address without an explicit subnet. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

/** Service `web` with `ipv4_address` (line 5, value from column 22) on network `name`, defined by `definition`. */
const staticIp = (address: string, name: string, definition: string) =>
  `${WIN}    networks:\n      ${name}:\n        ipv4_address: ${address}\n${definition ? `networks:\n  ${name}:\n${definition}` : ''}`;

const cases: RuleCase[] = [
  {
    name: 'an address on the default network: its nat subnet is chosen per host',
    rule: 'static-ip-without-subnet',
    yaml: staticIp('172.16.0.10', 'default', ''),
    expect: [
      {
        rule: 'static-ip-without-subnet',
        severity: 'warning',
        range: '5:22-5:33',
        message: ['`172.16.0.10`', '172.16.0.0/12', 'not the documented 172.16.0.0/16', '`ipam.config[].subnet`'],
      },
    ],
  },
  {
    name: 'an address on the external `nat` network',
    rule: 'static-ip-without-subnet',
    yaml: staticIp('172.16.0.10', 'default', '    name: nat\n    external: true\n'),
    expect: [{ rule: 'static-ip-without-subnet', severity: 'warning', range: '5:22-5:33' }],
  },
  {
    name: 'transparent without a subnet, and transparent with a subnet but no gateway',
    rule: 'static-ip-without-subnet',
    yaml: `${WIN}    networks:\n      lan:\n        ipv4_address: 10.10.0.5\n      lan2:\n        ipv4_address: 10.20.0.5\nnetworks:\n  lan:\n    driver: transparent\n  lan2:\n    driver: transparent\n    ipam:\n      config:\n        - subnet: 10.20.0.0/24\n`,
    expect: [
      { rule: 'static-ip-without-subnet', severity: 'warning', range: '5:22-5:31', message: ['`lan`', '`transparent`', 'no subnet'] },
      { rule: 'static-ip-without-subnet', severity: 'warning', range: '7:22-7:31', message: ['`lan2`', '`gateway`'] },
    ],
  },
  {
    name: 'near misses: a nat network with a subnet; overlay and external networks of unknown driver',
    rule: 'static-ip-without-subnet',
    yaml: `${WIN}    networks:\n      app:\n        ipv4_address: 172.30.0.10\n      swarm:\n        ipv4_address: 10.0.9.5\n      ext:\n        ipv4_address: 10.1.0.5\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 172.30.0.0/24\n  swarm:\n    driver: overlay\n  ext:\n    external: true\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('static-ip-without-subnet', cases, fixes);
