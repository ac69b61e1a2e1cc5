/** `windowsshim-ignored-option`: Windows option the driver never applies. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const W = 'com.docker.network.windowsshim.';

/** Network `app` with the given driver (line 5) and driver options from line 7 on (keys at column 6). */
const opts = (driver: string, ...lines: string[]) =>
  `${WIN}networks:\n  app:\n${driver ? `    driver: ${driver}\n` : '    attachable: true\n'}    driver_opts:\n${lines.map((l) => `      ${l}\n`).join('')}`;

const cases: RuleCase[] = [
  {
    name: '`sourcemac` and `routingdomain`: the keys',
    rule: 'windowsshim-ignored-option',
    yaml: opts('transparent', `${W}sourcemac: "00-15-5D-AA-BB-CC"`, `${W}routingdomain: "5"`),
    expect: [
      {
        rule: 'windowsshim-ignored-option',
        severity: 'warning',
        range: '7:6-7:46',
        message: [`\`${W}sourcemac\` is ignored by the Windows driver`, 'never parsed'],
      },
      { rule: 'windowsshim-ignored-option', severity: 'warning', range: '8:6-8:50', message: ['never sent to HNS'] },
    ],
  },
  {
    name: 'near miss: `networkname` is applied',
    rule: 'windowsshim-ignored-option',
    yaml: opts('transparent', `${W}networkname: "lan"`),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes `sourcemac`',
    rule: 'windowsshim-ignored-option',
    preferred: true,
    yaml: opts('transparent', `${W}interface: "Ethernet 2"`, `${W}sourcemac: "00-15-5D-AA-BB-CC"`),
    expected: opts('transparent', `${W}interface: "Ethernet 2"`),
  },
];

describeRule('windowsshim-ignored-option', cases, fixes);
