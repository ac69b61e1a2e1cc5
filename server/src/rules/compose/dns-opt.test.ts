/** `dns-opt`: `dns_opt` has no effect on Windows. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: '`dns_opt` as a list: the key',
    rule: 'dns-opt',
    yaml: `${WIN}    dns_opt:\n      - ndots:2\n`,
    expect: [{ rule: 'dns-opt', severity: 'warning', range: '3:4-3:11', message: ['`dns_opt` has no effect on Windows', '`web`', 'resolv.conf'] }],
  },
  {
    name: '`dns_opt` as a scalar: key and value',
    rule: 'dns-opt',
    yaml: `${WIN}    dns_opt: ndots:2\n`,
    expect: [{ rule: 'dns-opt', severity: 'warning', range: '3:4-3:20' }],
  },
  {
    name: 'near misses: `dns` and `dns_search` work on Windows',
    rule: 'dns-opt',
    yaml: `${WIN}    dns: [10.0.0.10]\n    dns_search: corp.example\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes `dns_opt` with its items',
    rule: 'dns-opt',
    preferred: true,
    yaml: `${WIN}    dns_opt:\n      - ndots:2\n      - timeout:1\n    dns: [10.0.0.10] # corp DNS\n`,
    expected: `${WIN}    dns: [10.0.0.10] # corp DNS\n`,
  },
];

describeRule('dns-opt', cases, fixes);
