/** `windowsshim-unknown-option`: Unknown `com.docker.network.windowsshim.*` option. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const W = 'com.docker.network.windowsshim.';

/** Network `app` with the given driver (line 5) and driver options from line 7 on (keys at column 6). */
const opts = (driver: string, ...lines: string[]) =>
  `${WIN}networks:\n  app:\n${driver ? `    driver: ${driver}\n` : '    attachable: true\n'}    driver_opts:\n${lines.map((l) => `      ${l}\n`).join('')}`;

const cases: RuleCase[] = [
  {
    name: 'a misspelt option (names are case-sensitive): the key, with the closest name',
    rule: 'windowsshim-unknown-option',
    yaml: opts('l2bridge', `${W}vlanId: "7"`),
    expect: [
      {
        rule: 'windowsshim-unknown-option',
        severity: 'warning',
        range: '7:6-7:43',
        message: ['not an option the Windows driver reads', 'silently ignored', `Did you mean \`${W}vlanid\`?`],
      },
    ],
  },
  {
    name: 'a name far from every known one: no suggestion',
    rule: 'windowsshim-unknown-option',
    yaml: opts('nat', `${W}frobnicate: "1"`),
    expect: [{ rule: 'windowsshim-unknown-option', severity: 'warning', range: '7:6-7:47', message: [/^(?!.*Did you mean)/] }],
  },
  {
    name: 'near misses: every option the driver reads; options outside the windowsshim namespace',
    rule: 'windowsshim-unknown-option',
    yaml: opts('l2bridge', `${W}networkname: "cbr0"`, `${W}vlanid: "7"`, `${W}dnssuffix: corp.example`, 'com.docker.network.driver.mtu: "1400"', 'foo: bar'),
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'renames to the closest known option',
    rule: 'windowsshim-unknown-option',
    preferred: true,
    yaml: opts('l2bridge', `${W}vlanId: "7"`),
    expected: opts('l2bridge', `${W}vlanid: "7"`),
  },
];

describeRule('windowsshim-unknown-option', cases, fixes);

describe('windowsshim-unknown-option: more', () => {
  it('no rename onto an option that is already set (it would be a duplicate key)', () => {
    const text = opts('l2bridge', `${W}vlanid: "7"`, `${W}vlanId: "8"`);
    const [finding] = check(text).filter((f) => f.rule === 'windowsshim-unknown-option');
    assert.match(finding.message, /already set/);
    assert.deepEqual(finding.fixes, []);
  });
});
