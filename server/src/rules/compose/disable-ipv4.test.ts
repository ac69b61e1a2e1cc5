/** `disable-ipv4`: `enable_ipv4: false` on Windows. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: '`enable_ipv4: false`: key and value',
    rule: 'disable-ipv4',
    yaml: net('  app:\n    enable_ipv4: false\n'),
    expect: [
      { rule: 'disable-ipv4', severity: 'error', range: '5:4-5:22', message: ['`enable_ipv4: false`', 'IPv4 cannot be disabled on Windows', 'Remove it'] },
    ],
  },
  {
    name: 'near miss: `enable_ipv4: true`',
    rule: 'disable-ipv4',
    yaml: net('  app:\n    enable_ipv4: true\n'),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes the `enable_ipv4: false` line',
    rule: 'disable-ipv4',
    preferred: true,
    yaml: net('  app:\n    enable_ipv4: false\n    driver: nat\n'),
    expected: net('  app:\n    driver: nat\n'),
  },
];

describeRule('disable-ipv4', cases, fixes);
