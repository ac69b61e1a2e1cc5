/** `hyperv-hot-add`: Several networks on a Hyper-V container on Windows Server 2016. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'on Windows Server 2016, a Hyper-V service on two networks: the second network',
    rule: 'hyperv-hot-add',
    options: { windowsVersion: 'ltsc2016' },
    yaml: `${WIN}    isolation: hyperv\n    networks: [frontend, backend]\n`,
    expect: [{ rule: 'hyperv-hot-add', severity: 'information', range: '4:25-4:32', message: ['`web`', '2 networks', 'Windows Server 2016'] }],
  },
  {
    name: 'near miss: the same service on Windows Server 2019 (the version gate)',
    rule: 'hyperv-hot-add',
    options: { windowsVersion: 'ltsc2019' },
    yaml: `${WIN}    isolation: hyperv\n    networks: [frontend, backend]\n`,
    expect: [],
  },
  {
    name: 'near misses on Windows Server 2016: process isolation; one network',
    rule: 'hyperv-hot-add',
    options: { windowsVersion: 'ltsc2016' },
    yaml: `${WIN}    isolation: process\n    networks: [frontend, backend]\n  b:\n    isolation: hyperv\n    networks: [frontend]\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('hyperv-hot-add', cases, fixes);
