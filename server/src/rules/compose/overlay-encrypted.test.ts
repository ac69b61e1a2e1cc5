/** `overlay-encrypted`: Encrypted overlay with Windows services runs unencrypted. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

/** A Windows service plus a `networks:` section starting on line 3. */
const net = (body: string) => `${WIN}networks:\n${body}`;

const cases: RuleCase[] = [
  {
    name: '`encrypted` on an overlay network: the option key',
    rule: 'overlay-encrypted',
    yaml: net('  app:\n    driver: overlay\n    driver_opts:\n      encrypted: ""\n'),
    expect: [{ rule: 'overlay-encrypted', severity: 'warning', range: '7:6-7:15', message: ['unencrypted', '`app`', 'TLS'] }],
  },
  {
    name: '`encrypted` with no value (how the flag is often written)',
    rule: 'overlay-encrypted',
    yaml: net('  app:\n    driver: overlay\n    driver_opts:\n      encrypted:\n'),
    expect: [{ rule: 'overlay-encrypted', severity: 'warning', range: '7:6-7:15' }],
  },
  {
    name: 'near misses: an overlay without encryption; `encrypted` on a nat network',
    rule: 'overlay-encrypted',
    yaml: net('  app:\n    driver: overlay\n    attachable: true\n  local:\n    driver: nat\n    driver_opts:\n      encrypted: ""\n'),
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('overlay-encrypted', cases, fixes);
