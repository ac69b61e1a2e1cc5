/** `driver-opts-type`: Driver option value that is not a string or number. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../engine/fix';
import { WIN, check, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const W = 'com.docker.network.windowsshim.';

/** Network `app` with the given driver (line 5) and driver options from line 7 on (keys at column 6). */
const opts = (driver: string, ...lines: string[]) =>
  `${WIN}networks:\n  app:\n${driver ? `    driver: ${driver}\n` : '    attachable: true\n'}    driver_opts:\n${lines.map((l) => `      ${l}\n`).join('')}`;

/** Service `web` joins `app` with endpoint driver options from line 6 on (keys at column 10). */
const endpoint = (...lines: string[]) =>
  `${WIN}    networks:\n      app:\n        driver_opts:\n${lines.map((l) => `          ${l}\n`).join('')}networks:\n  app:\n`;

const cases: RuleCase[] = [
  {
    name: 'an unquoted boolean: the value, with the quoted form',
    rule: 'driver-opts-type',
    yaml: opts('l2bridge', `${W}enable_outboundnat: true`),
    expect: [
      {
        rule: 'driver-opts-type',
        severity: 'error',
        range: '7:57-7:61',
        message: [`\`${W}enable_outboundnat\``, 'must be a string or a number', '`true` is a boolean', 'Quote it: `"true"`'],
      },
    ],
  },
  {
    name: 'a mapping, a list and an empty value: the key',
    rule: 'driver-opts-type',
    yaml: opts('nat', 'foo: {a: 1}', 'bar: [1, 2]', 'baz:'),
    expect: [
      { rule: 'driver-opts-type', severity: 'error', range: '7:6-7:9', message: ['`foo`', 'a mapping'] },
      { rule: 'driver-opts-type', severity: 'error', range: '8:6-8:9', message: ['`bar`', 'a list'] },
      { rule: 'driver-opts-type', severity: 'error', range: '9:6-9:9', message: ['`baz`', 'no value (null)'] },
    ],
  },
  {
    name: 'endpoint driver options too',
    rule: 'driver-opts-type',
    yaml: endpoint('foo: false'),
    expect: [{ rule: 'driver-opts-type', severity: 'error', range: '6:15-6:20', message: ['`false` is a boolean'] }],
  },
  {
    name: 'Linux files too: the compose schema, not Windows, refuses it',
    rule: 'driver-opts-type',
    yaml: 'services:\n  app:\n    image: nginx\nnetworks:\n  app:\n    driver_opts:\n      com.docker.network.bridge.enable_icc: false\n',
    expect: [{ rule: 'driver-opts-type', severity: 'error', range: '6:44-6:49' }],
  },
  {
    name: '`encrypted:` with no value is null, which compose refuses (compose-spec schema: string or number; compose-go converts no null before validating)',
    rule: 'driver-opts-type',
    yaml: opts('overlay', 'encrypted:'),
    expect: [{ rule: 'driver-opts-type', severity: 'error', range: '7:6-7:15', message: ['no value (null)', 'compose refuses the file', '`""`'] }],
  },
  {
    name: 'near misses: strings, numbers, and `encrypted` with an empty string',
    rule: 'driver-opts-type',
    yaml: opts('overlay', `${W}networkname: "cbr0"`, `${W}vlanid: 11`, `${W}enable_outboundnat: "true"`, 'encrypted: ""'),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'quotes an unquoted boolean',
    rule: 'driver-opts-type',
    preferred: true,
    yaml: opts('l2bridge', `${W}enable_outboundnat: true # outbound`),
    expected: opts('l2bridge', `${W}enable_outboundnat: "true" # outbound`),
  },
  {
    name: 'gives `encrypted:` an empty string, keeping a comment',
    rule: 'driver-opts-type',
    preferred: true,
    yaml: opts('overlay', 'encrypted: # IPsec'),
    expected: opts('overlay', 'encrypted: "" # IPsec'),
  },
];

describeRule('driver-opts-type', cases, fixes);

describe('driver-opts-type: more', () => {
  it('no quoting fix for a mapping or list value', () => {
    const findings = check(opts('nat', 'foo: {a: 1}', 'bar: [x]')).filter((f) => f.rule === 'driver-opts-type');
    assert.equal(findings.length, 2);
    assert.deepEqual(
      findings.flatMap((f) => f.fixes),
      [],
    );
  });
  it('the empty-string fix works in a flow mapping too', () => {
    const text = `${WIN}networks:\n  app:\n    driver: overlay\n    driver_opts: {encrypted: }\n`;
    const [finding] = check(text).filter((f) => f.rule === 'driver-opts-type');
    assert.equal(applyEdits(text, finding.fixes[0].edits), `${WIN}networks:\n  app:\n    driver: overlay\n    driver_opts: {encrypted: "" }\n`);
  });
});
