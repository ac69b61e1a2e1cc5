/** `outboundnat-exceptions-without-enable`: `outboundnat_exceptions` without `enable_outboundnat`. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const W = 'com.docker.network.windowsshim.';

/** Network `app` with the given driver (line 5) and driver options from line 7 on (keys at column 6). */
const opts = (driver: string, ...lines: string[]) =>
  `${WIN}networks:\n  app:\n${driver ? `    driver: ${driver}\n` : '    attachable: true\n'}    driver_opts:\n${lines.map((l) => `      ${l}\n`).join('')}`;

const cases: RuleCase[] = [
  {
    name: 'exceptions without `enable_outboundnat`: the key',
    rule: 'outboundnat-exceptions-without-enable',
    yaml: opts('l2bridge', `${W}outboundnat_exceptions: "10.244.0.0/16"`),
    expect: [
      {
        rule: 'outboundnat-exceptions-without-enable',
        severity: 'warning',
        range: '7:6-7:59',
        message: ['`outboundnat_exceptions` does nothing', '`app`', '`enable_outboundnat: "true"`'],
      },
    ],
  },
  {
    name: 'exceptions with `enable_outboundnat: "false"`',
    rule: 'outboundnat-exceptions-without-enable',
    yaml: opts('l2bridge', `${W}enable_outboundnat: "false"`, `${W}outboundnat_exceptions: "10.244.0.0/16"`),
    expect: [{ rule: 'outboundnat-exceptions-without-enable', severity: 'warning', range: '8:6-8:59' }],
  },
  {
    name: 'near misses: exceptions with `enable_outboundnat` "true" or "1"',
    rule: 'outboundnat-exceptions-without-enable',
    yaml: `${opts('l2bridge', `${W}enable_outboundnat: "1"`, `${W}outboundnat_exceptions: "10.244.0.0/16"`)}  b:\n    driver: l2bridge\n    driver_opts:\n      ${W}outboundnat_exceptions: "10.96.0.0/12"\n      ${W}enable_outboundnat: "true"\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('outboundnat-exceptions-without-enable', cases, fixes);
