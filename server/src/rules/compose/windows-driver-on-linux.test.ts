/** `windows-driver-on-linux`: Windows-only network driver in a Linux compose file. Its cases, near misses and fixes. */
import { describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: '`driver: nat` in a file checked as Linux',
    rule: 'windows-driver-on-linux',
    options: { target: 'linux' },
    yaml: 'networks:\n  app:\n    driver: nat\n  lan:\n    driver: transparent\n',
    expect: [
      { rule: 'windows-driver-on-linux', severity: 'error', range: '2:12-2:15', message: ['`app`', '`nat`', 'plugin "nat" not found', '`bridge`'] },
      { rule: 'windows-driver-on-linux', severity: 'error', range: '4:12-4:23', message: ['`transparent`'] },
    ],
  },
  {
    name: 'a Windows driver in another case (`NAT`, `L2Bridge`) fails on Linux too: reported here (driver-name-case is for Windows files)',
    rule: ['windows-driver-on-linux', 'driver-name-case'],
    options: { target: 'linux' },
    yaml: 'networks:\n  app:\n    driver: NAT\n  k8s:\n    driver: L2Bridge\n',
    expect: [
      { rule: 'windows-driver-on-linux', severity: 'error', range: '2:12-2:15', message: ['`NAT`', 'plugin "NAT" not found'] },
      { rule: 'windows-driver-on-linux', severity: 'error', range: '4:12-4:20', message: ['`L2Bridge`'] },
    ],
  },
  {
    name: 'near miss: with the target left to the file, a Windows driver makes it a Windows file',
    rule: 'windows-driver-on-linux',
    yaml: 'networks:\n  app:\n    driver: nat\n',
    expect: [],
  },
  {
    name: 'near miss: Linux drivers in a Linux file',
    rule: 'windows-driver-on-linux',
    options: { target: 'linux' },
    yaml: 'networks:\n  app:\n    driver: bridge\n  o:\n    driver: overlay\n',
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: '`nat` becomes `bridge` in a Linux file',
    rule: 'windows-driver-on-linux',
    options: { target: 'linux' },
    preferred: true,
    yaml: '# linux\nnetworks:\n  app:\n    driver: nat\n',
    expected: '# linux\nnetworks:\n  app:\n    driver: bridge\n',
  },
  {
    name: '`NAT` becomes `bridge` in a Linux file (preferred, as for `nat`)',
    rule: 'windows-driver-on-linux',
    options: { target: 'linux' },
    preferred: true,
    yaml: 'networks:\n  app:\n    driver: NAT\n',
    expected: 'networks:\n  app:\n    driver: bridge\n',
  },
];

describeRule('windows-driver-on-linux', cases, fixes);
