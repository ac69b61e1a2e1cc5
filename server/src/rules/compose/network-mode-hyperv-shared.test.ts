/** `network-mode-hyperv-shared`: Shared network namespace with Hyper-V isolation. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, describeRule, rangeText, type FixCase, type RuleCase } from '../../testing/rule-tests';

const IMAGE = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';

/** `web` and `sidecar` sharing its network; the `network_mode` line is 7, less one per isolation left out. */
const shared = (web: string, sidecar: string, mode = 'service:web') =>
  `services:\n  web:\n    image: ${IMAGE}\n${web ? `    isolation: ${web}\n` : ''}  sidecar:\n    image: ${IMAGE}\n${sidecar ? `    isolation: ${sidecar}\n` : ''}    network_mode: ${mode}\n`;

const cases: RuleCase[] = [
  {
    name: 'the sharing service uses Hyper-V isolation: error on the mode',
    rule: 'network-mode-hyperv-shared',
    yaml: shared('process', 'hyperv'),
    expect: [
      {
        rule: 'network-mode-hyperv-shared',
        severity: 'error',
        range: '7:18-7:29',
        message: ['`network_mode: service:web`', '`sidecar` uses Hyper-V isolation', 'isolation: process'],
      },
    ],
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
    expect: [
      {
        rule: 'network-mode-hyperv-shared',
        severity: 'warning',
        range: '5:18-5:29',
        message: ['Windows 10/11', 'if service `web` runs Hyper-V isolated', '`isolation: process` on service `web`'],
      },
    ],
  },
  {
    name: '`container:` with `isolation: default`: a warning',
    rule: 'network-mode-hyperv-shared',
    yaml: shared('', 'default', 'container:proxy'),
    expect: [{ rule: 'network-mode-hyperv-shared', severity: 'warning', range: '6:18-6:33' }],
  },
  {
    name: "near misses: process isolation on both; a named network; a process-isolated target (the sharer's own default is not checked)",
    rule: 'network-mode-hyperv-shared',
    yaml:
      shared('process', 'process') +
      `  other:\n    image: ${IMAGE}\n    isolation: hyperv\n    network_mode: nat\n  third:\n    image: ${IMAGE}\n    network_mode: service:web\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('network-mode-hyperv-shared', cases, fixes);

describe('network-mode-hyperv-shared: more', () => {
  it('points at the Hyper-V isolation that makes it fail, in either service', () => {
    for (const [text, at] of [
      [shared('process', 'hyperv'), '6:15-6:21'],
      [shared('HyperV', 'process'), '3:15-3:21'],
    ]) {
      const [finding] = check(text).filter((f) => f.rule === 'network-mode-hyperv-shared');
      const related = finding.related.filter((r) => r.message === 'Hyper-V isolation set here');
      assert.deepEqual(
        related.map((r) => r.range && rangeText(r.range)),
        [at],
      );
    }
  });
});
