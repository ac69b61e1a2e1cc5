/** `l2bridge-outboundnat`: an l2bridge network without outbound NAT. Its cases and near misses (no fix: no edit builder adds a key). */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const ID = 'l2bridge-outboundnat';
const W = 'com.docker.network.windowsshim.';

/** Network `app` with the given driver (line 5) and, when given, driver options from line 7 on (keys at column 6). */
const net = (driver: string, ...lines: string[]) =>
  `${WIN}networks:\n  app:\n    driver: ${driver}\n${lines.length ? `    driver_opts:\n${lines.map((l) => `      ${l}\n`).join('')}` : ''}`;

const cases: RuleCase[] = [
  {
    name: '`driver: l2bridge` without `enable_outboundnat`: information on the driver value (MSD-ADV "Specify OutboundNAT Policy")',
    rule: ID,
    yaml: net('l2bridge'),
    expect: [
      {
        rule: ID,
        severity: 'information',
        range: '5:12-5:20',
        message: ['l2bridge network `app`', 'no outbound NAT', `\`${W}enable_outboundnat: "true"\``, 'not the internet'],
      },
    ],
  },
  {
    name: "other driver options do not count; the options of a service endpoint are not the network's",
    rule: ID,
    yaml: `${WIN}    networks:\n      app:\n        driver_opts:\n          ${W}enable_outboundnat: "true"\n${net('l2bridge', `${W}networkname: "cbr0"`, `${W}vlanid: "7"`).slice(WIN.length)}`,
    expect: [{ rule: ID, severity: 'information', range: '9:12-9:20' }],
  },
  {
    name: 'near misses: the option set ("true", a variable, "false" on purpose, a value the daemon refuses, YAML `true`); exceptions without it (outboundnat-exceptions-without-enable speaks)',
    rule: ID,
    yaml: `${WIN}networks:\n${[
      `${W}enable_outboundnat: "true"`,
      `${W}enable_outboundnat: \${OUTBOUND_NAT}`,
      `${W}enable_outboundnat: "false"`,
      `${W}enable_outboundnat: "yes"`,
      `${W}enable_outboundnat: true`,
      `${W}outboundnat_exceptions: "10.244.0.0/16"`,
    ]
      .map((line, i) => `  n${i}:\n    driver: l2bridge\n    driver_opts:\n      ${line}\n`)
      .join('')}`,
    expect: [],
  },
  {
    name: 'near misses: other drivers (overlay does its own NAT; transparent and nat need none), a driver from a variable, an external network',
    rule: ID,
    yaml: `${WIN}networks:\n  a:\n    driver: overlay\n  b:\n    driver: nat\n  c:\n    driver: \${DRIVER:-l2bridge}\n  d:\n    external: true\n    name: cbr0\n  e:\n    driver: l2tunnel\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule(ID, cases, fixes);
