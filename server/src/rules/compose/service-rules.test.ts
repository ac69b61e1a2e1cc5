/**
 * Service settings Windows ignores or refuses (shared/windows-networking.md §2.4, §4, §5.2, §7 #12, #13, #25,
 * #26): `dns_opt`, `extra_hosts` and links have no effect, `host.docker.internal` is unreliable, `isolation` is
 * `default`/`process`/`hyperv` (any case), and Hyper-V containers could not join several networks on WS2016.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, describeTheme, WIN, type FixCase, type RuleCase } from './test-helpers';

const cases: RuleCase[] = [
  // dns-opt
  {
    name: '`dns_opt` as a list: the key',
    rule: 'dns-opt',
    yaml: `${WIN}    dns_opt:\n      - ndots:2\n`,
    expect: [{ rule: 'dns-opt', severity: 'warning', range: '3:4-3:11', message: ['`dns_opt` has no effect on Windows', '`web`', 'resolv.conf'] }],
  },
  {
    name: '`dns_opt` as a scalar: key and value',
    rule: 'dns-opt',
    yaml: `${WIN}    dns_opt: ndots:2\n`,
    expect: [{ rule: 'dns-opt', severity: 'warning', range: '3:4-3:20' }],
  },
  {
    name: 'near misses: `dns` and `dns_search` work on Windows',
    rule: 'dns-opt',
    yaml: `${WIN}    dns: [10.0.0.10]\n    dns_search: corp.example\n`,
    expect: [],
  },
  // extra-hosts
  {
    name: '`extra_hosts` as a list: the key',
    rule: 'extra-hosts',
    yaml: `${WIN}    extra_hosts:\n      - "db.local:10.0.0.5"\n`,
    expect: [{ rule: 'extra-hosts', severity: 'warning', range: '3:4-3:15', message: ['`extra_hosts` is ignored', '`web`', 'hosts file', 'DNS'] }],
  },
  {
    name: '`extra_hosts` as a mapping',
    rule: 'extra-hosts',
    yaml: `${WIN}    extra_hosts:\n      db.local: 10.0.0.5\n`,
    expect: [{ rule: 'extra-hosts', severity: 'warning', range: '3:4-3:15' }],
  },
  {
    name: 'near miss: `hostname` and `domainname`',
    rule: 'extra-hosts',
    yaml: `${WIN}    hostname: web\n    domainname: corp.example\n`,
    expect: [],
  },
  // host-docker-internal
  {
    name: 'in an environment mapping: the value',
    rule: 'host-docker-internal',
    yaml: `${WIN}    environment:\n      API_URL: http://host.docker.internal:5000\n`,
    expect: [{ rule: 'host-docker-internal', severity: 'information', range: '4:15-4:47', message: ['`host.docker.internal`', '`web`', 'host address'] }],
  },
  {
    name: 'in an environment list: the item',
    rule: 'host-docker-internal',
    yaml: `${WIN}    environment:\n      - "DB=host.docker.internal"\n`,
    expect: [{ rule: 'host-docker-internal', severity: 'information', range: '4:8-4:33' }],
  },
  {
    name: 'near misses: other hosts; the name outside `environment`',
    rule: 'host-docker-internal',
    yaml: `${WIN}    environment:\n      API_URL: http://localhost:5000\n      HOST: docker.internal\n    labels:\n      target: host.docker.internal\n`,
    expect: [],
  },
  // links
  {
    name: '`links` and `external_links`: each key',
    rule: 'links',
    yaml: `${WIN}    links:\n      - "db:database"\n    external_links:\n      - redis\n`,
    expect: [
      { rule: 'links', severity: 'information', range: '3:4-3:9', message: ['`links` is not supported on Windows', '`web`', 'aliases'] },
      { rule: 'links', severity: 'information', range: '5:4-5:18', message: ['`external_links`'] },
    ],
  },
  {
    name: 'near miss: `depends_on`',
    rule: 'links',
    yaml: `${WIN}    depends_on:\n      - db\n`,
    expect: [],
  },
  // isolation-value
  {
    name: '`hyper-v`: the value, suggesting `hyperv`',
    rule: 'isolation-value',
    yaml: `${WIN}    isolation: hyper-v\n`,
    expect: [{ rule: 'isolation-value', severity: 'error', range: '3:15-3:22', message: ['`isolation: hyper-v`', '`default`, `process` or `hyperv`', 'Did you mean `hyperv`?'] }],
  },
  {
    name: 'a value with no close match: no suggestion',
    rule: 'isolation-value',
    yaml: `services:\n  web:\n    isolation: "vm"\n`,
    expect: [{ rule: 'isolation-value', severity: 'error', range: '2:15-2:19', message: [/^(?!.*Did you mean)/] }],
  },
  {
    name: 'near misses: the valid values, compared case-insensitively (`HyperV`, `Process`, `DEFAULT`)',
    rule: 'isolation-value',
    yaml: `${WIN}    isolation: HyperV\n  b:\n    isolation: Process\n  c:\n    isolation: DEFAULT\n  d:\n    isolation: hyperv\n`,
    expect: [],
  },
  // hyperv-hot-add
  {
    name: 'on Windows Server 2016, a Hyper-V service on two networks: the second network',
    rule: 'hyperv-hot-add',
    options: { windowsVersion: 'ltsc2016' },
    yaml: `${WIN}    isolation: hyperv\n    networks: [frontend, backend]\n`,
    expect: [{ rule: 'hyperv-hot-add', severity: 'information', range: '4:25-4:32', message: ['`web`', '2 networks', 'Windows Server 2016'] }],
  },
  {
    name: 'near miss: the same service on Windows Server 2019 (the version gate)',
    rule: 'hyperv-hot-add',
    options: { windowsVersion: 'ltsc2019' },
    yaml: `${WIN}    isolation: hyperv\n    networks: [frontend, backend]\n`,
    expect: [],
  },
  {
    name: 'near misses on Windows Server 2016: process isolation; one network',
    rule: 'hyperv-hot-add',
    options: { windowsVersion: 'ltsc2016' },
    yaml: `${WIN}    isolation: process\n    networks: [frontend, backend]\n  b:\n    isolation: hyperv\n    networks: [frontend]\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'removes `dns_opt` with its items',
    rule: 'dns-opt',
    preferred: true,
    yaml: `${WIN}    dns_opt:\n      - ndots:2\n      - timeout:1\n    dns: [10.0.0.10] # corp DNS\n`,
    expected: `${WIN}    dns: [10.0.0.10] # corp DNS\n`,
  },
  {
    name: 'removes `extra_hosts` (offered, not preferred)',
    rule: 'extra-hosts',
    preferred: false,
    yaml: `${WIN}    extra_hosts:\n      - "db.local:10.0.0.5"\n`,
    expected: WIN,
  },
  {
    name: '`hyper-v` becomes `hyperv`',
    rule: 'isolation-value',
    preferred: true,
    yaml: `${WIN}    isolation: "hyper-v"  # Windows 11\n`,
    expected: `${WIN}    isolation: "hyperv"  # Windows 11\n`,
  },
];

describeTheme('service', cases, fixes);

describe('service rules: fixes that are not offered', () => {
  it('no removal of a key whose value declares an anchor another key still uses', () => {
    const text = `${WIN}    extra_hosts: &hosts\n      db: 10.0.0.2\n    dns_opt: &opts [ndots:2]\nx-reuse:\n  hosts: *hosts\n  opts: *opts\n`;
    const findings = check(text).filter((f) => f.rule === 'extra-hosts' || f.rule === 'dns-opt');
    assert.deepEqual(findings.map((f) => [f.rule, f.fixes.length]), [['extra-hosts', 0], ['dns-opt', 0]]);
  });
  it('no suggestion, no fix for an isolation value far from every valid one', () => {
    const [finding] = check(`${WIN}    isolation: vm\n`).filter((f) => f.rule === 'isolation-value');
    assert.deepEqual(finding.fixes, []);
  });
});
