/** `port-protocol`: Port protocol other than TCP or UDP on Windows. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'sctp in the short syntax: the protocol',
    rule: 'port-protocol',
    yaml: `${WIN}    ports:\n      - "3868:3868/sctp"\n`,
    expect: [{ rule: 'port-protocol', severity: 'error', range: '4:19-4:23', message: ['`sctp`', 'invalid protocol sctp', 'tcp and udp'] }],
  },
  {
    name: 'sctp in the long syntax',
    rule: 'port-protocol',
    yaml: `${WIN}    ports:\n      - target: 3868\n        protocol: sctp\n`,
    expect: [{ rule: 'port-protocol', severity: 'error', range: '5:18-5:22' }],
  },
  {
    name: 'near misses: tcp, udp (any case) and no protocol',
    rule: 'port-protocol',
    yaml: `${WIN}    ports:\n      - "53:53/udp"\n      - "80:80/tcp"\n      - "81:81/UDP"\n      - target: 82\n        protocol: tcp\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('port-protocol', cases, fixes);
