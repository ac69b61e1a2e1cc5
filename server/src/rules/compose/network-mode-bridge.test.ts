/** `network-mode-bridge`: `network_mode: bridge` on Windows. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const IMAGE = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';

const cases: RuleCase[] = [
  {
    name: '`network_mode: bridge`: the value, pointing at `nat`',
    rule: 'network-mode-bridge',
    yaml: `${WIN}    network_mode: bridge\n`,
    expect: [{ rule: 'network-mode-bridge', severity: 'error', range: '3:18-3:24', message: ['network bridge not found', '`nat`'] }],
  },
  {
    name: 'near misses: `nat`, `host` (its own rule), a network named `bridged`',
    rule: 'network-mode-bridge',
    yaml: `${WIN}    network_mode: nat\n  b:\n    image: ${IMAGE}\n    network_mode: host\n  c:\n    image: ${IMAGE}\n    network_mode: bridged\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: '`bridge` becomes `nat`, quotes kept',
    rule: 'network-mode-bridge',
    preferred: true,
    yaml: `${WIN}    network_mode: 'bridge'  # legacy\n`,
    expected: `${WIN}    network_mode: 'nat'  # legacy\n`,
  },
];

describeRule('network-mode-bridge', cases, fixes);
