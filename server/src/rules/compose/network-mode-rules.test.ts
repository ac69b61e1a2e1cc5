/**
 * `network_mode` on Windows (shared/windows-networking.md §2.2, §5.2, §7 #3, #4, #24): there is no `host`
 * network and no network called `bridge`; sharing another container's network stack needs process isolation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, describeTheme, rangeText, WIN, type FixCase, type RuleCase } from './test-helpers';

const IMAGE = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';

/** `web` and `sidecar` sharing its network; the `network_mode` line is 7, less one per isolation left out. */
const shared = (web: string, sidecar: string, mode = 'service:web') =>
  `services:\n  web:\n    image: ${IMAGE}\n${web ? `    isolation: ${web}\n` : ''}  sidecar:\n    image: ${IMAGE}\n${sidecar ? `    isolation: ${sidecar}\n` : ''}    network_mode: ${mode}\n`;

const cases: RuleCase[] = [
  // network-mode-host
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
  // network-mode-bridge
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
  // network-mode-hyperv-shared
  {
    name: 'the sharing service uses Hyper-V isolation: error on the mode',
    rule: 'network-mode-hyperv-shared',
    yaml: shared('process', 'hyperv'),
    expect: [{ rule: 'network-mode-hyperv-shared', severity: 'error', range: '7:18-7:29', message: ['`network_mode: service:web`', '`sidecar` uses Hyper-V isolation', 'isolation: process'] }],
  },
  {
    name: 'the shared service uses Hyper-V isolation (written `HyperV`: compared case-insensitively)',
    rule: 'network-mode-hyperv-shared',
    yaml: shared('HyperV', 'process'),
    expect: [{ rule: 'network-mode-hyperv-shared', severity: 'error', range: '7:18-7:29', message: ['`web` uses Hyper-V isolation'] }],
  },
  {
    name: 'no isolation written on the target: a warning that names it, since Windows 10/11 defaults to Hyper-V (moby container_operations_windows.go checks the target)',
    rule: 'network-mode-hyperv-shared',
    yaml: shared('', ''),
    expect: [{ rule: 'network-mode-hyperv-shared', severity: 'warning', range: '5:18-5:29', message: ['Windows 10/11', 'if service `web` runs Hyper-V isolated', '`isolation: process` on service `web`'] }],
  },
  {
    name: '`container:` with `isolation: default`: a warning',
    rule: 'network-mode-hyperv-shared',
    yaml: shared('', 'default', 'container:proxy'),
    expect: [{ rule: 'network-mode-hyperv-shared', severity: 'warning', range: '6:18-6:33' }],
  },
  {
    name: 'near misses: process isolation on both; a named network; a process-isolated target (the sharer\'s own default is not checked)',
    rule: 'network-mode-hyperv-shared',
    yaml: shared('process', 'process') + `  other:\n    image: ${IMAGE}\n    isolation: hyperv\n    network_mode: nat\n  third:\n    image: ${IMAGE}\n    network_mode: service:web\n`,
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
  {
    name: '`bridge` becomes `nat`, quotes kept',
    rule: 'network-mode-bridge',
    preferred: true,
    yaml: `${WIN}    network_mode: 'bridge'  # legacy\n`,
    expected: `${WIN}    network_mode: 'nat'  # legacy\n`,
  },
];

describeTheme('network-mode', cases, fixes);

describe('network-mode-hyperv-shared: related information', () => {
  it('points at the Hyper-V isolation that makes it fail, in either service', () => {
    for (const [text, at] of [[shared('process', 'hyperv'), '6:15-6:21'], [shared('HyperV', 'process'), '3:15-3:21']]) {
      const [finding] = check(text).filter((f) => f.rule === 'network-mode-hyperv-shared');
      const related = finding.related.filter((r) => r.message === 'Hyper-V isolation set here');
      assert.deepEqual(related.map((r) => r.range && rangeText(r.range)), [at]);
    }
  });
});
