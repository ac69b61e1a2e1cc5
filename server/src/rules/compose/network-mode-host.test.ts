/** `network-mode-host`: `network_mode: host` on Windows. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const IMAGE = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';

const cases: RuleCase[] = [
  {
    name: '`network_mode: host`: the value',
    rule: 'network-mode-host',
    yaml: `${WIN}    network_mode: host\n`,
    expect: [{ rule: 'network-mode-host', severity: 'error', range: '3:18-3:22', message: ['network host not found', '`ports:`'] }],
  },
  {
    name: 'quoted, with CRLF line endings',
    rule: 'network-mode-host',
    yaml: `${WIN}    network_mode: "host"\n`.replace(/\n/g, '\r\n'),
    expect: [{ rule: 'network-mode-host', severity: 'error', range: '3:18-3:24' }],
  },
  {
    name: 'a file written as one flow mapping: line 0',
    rule: 'network-mode-host',
    yaml: `{services: {web: {image: ${IMAGE}, network_mode: host}}}\n`,
    expect: [{ rule: 'network-mode-host', severity: 'error', range: '0:86-0:90' }],
  },
  {
    name: 'near misses: nat, none, a named network, `hostnet`',
    rule: 'network-mode-host',
    yaml: `${WIN}    network_mode: nat\n  b:\n    image: ${IMAGE}\n    network_mode: none\n  c:\n    image: ${IMAGE}\n    network_mode: hostnet\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes the `network_mode: host` line (offered, not preferred: the ports must be published by hand)',
    rule: 'network-mode-host',
    preferred: false,
    yaml: `# worker\n${WIN}    network_mode: host\n    restart: always # keep running\n`,
    expected: `# worker\n${WIN}    restart: always # keep running\n`,
  },
];

describeRule('network-mode-host', cases, fixes);
