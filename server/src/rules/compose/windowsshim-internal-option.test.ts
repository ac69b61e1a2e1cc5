/** `windowsshim-internal-option`: Option Docker sets for itself. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const W = 'com.docker.network.windowsshim.';

/** Network `app` with the given driver (line 5) and driver options from line 7 on (keys at column 6). */
const opts = (driver: string, ...lines: string[]) =>
  `${WIN}networks:\n  app:\n${driver ? `    driver: ${driver}\n` : '    attachable: true\n'}    driver_opts:\n${lines.map((l) => `      ${l}\n`).join('')}`;

/** Service `web` joins `app` with endpoint driver options from line 6 on (keys at column 10). */
const endpoint = (...lines: string[]) =>
  `${WIN}    networks:\n      app:\n        driver_opts:\n${lines.map((l) => `          ${l}\n`).join('')}networks:\n  app:\n`;

const cases: RuleCase[] = [
  {
    name: 'an endpoint option the driver type-asserts: the container fails, an error (moby windows.go parseEndpointOptions, daemon/network.go string driver_opts)',
    rule: 'windowsshim-internal-option',
    yaml: endpoint(`${W}disableicc: "true"`),
    expect: [
      {
        rule: 'windowsshim-internal-option',
        severity: 'error',
        range: '6:10-6:51',
        message: ['internal endpoint option', 'Invalid endpoint configuration', 'does not start'],
      },
    ],
  },
  {
    name: 'endpoint MAC address and DNS servers as driver options: errors (moby windows.go parseEndpointOptions, ParseDNSServers)',
    rule: 'windowsshim-internal-option',
    yaml: endpoint('com.docker.network.endpoint.macaddress: "00-15-5D-01-02-03"', 'com.docker.network.endpoint.dnsservers: "10.0.0.10"'),
    expect: [
      { rule: 'windowsshim-internal-option', severity: 'error', range: '6:10-6:48', message: ['`mac_address`'] },
      { rule: 'windowsshim-internal-option', severity: 'error', range: '7:10-7:48', message: ['`dns:`'] },
    ],
  },
  {
    name: "an endpoint option in a network's driver_opts: nothing reads it, a warning",
    rule: 'windowsshim-internal-option',
    yaml: opts('nat', `${W}disable_dns: "true"`),
    expect: [{ rule: 'windowsshim-internal-option', severity: 'warning', range: '7:6-7:48', message: ['endpoint option', 'nothing reads it'] }],
  },
  {
    name: '`hnsid` on a network: a warning that Docker deletes the endpoints and, on compose down, the HNS network (moby windows.go CreateNetwork, DeleteNetwork)',
    rule: 'windowsshim-internal-option',
    yaml: opts('nat', `${W}hnsid: "7c6a1f5e-0000-4000-8000-000000000000"`),
    expect: [
      {
        rule: 'windowsshim-internal-option',
        severity: 'warning',
        range: '7:6-7:42',
        message: ['deletes the endpoints already on it', 'deletes the HNS network', 'external: true'],
      },
    ],
  },
  {
    name: '`hnsid` on overlay: ignored, the overlay driver creates a new HNS network (moby ov_network_windows.go)',
    rule: 'windowsshim-internal-option',
    yaml: opts('overlay', `${W}hnsid: "7c6a1f5e-0000-4000-8000-000000000000"`),
    expect: [{ rule: 'windowsshim-internal-option', severity: 'warning', range: '7:6-7:42', message: ['ignored on overlay', 'creates a new HNS network'] }],
  },
  {
    name: '`hnsowned`: information',
    rule: 'windowsshim-internal-option',
    yaml: opts('nat', `${W}hnsowned: "true"`),
    expect: [{ rule: 'windowsshim-internal-option', severity: 'information', range: '7:6-7:45', message: ['set by Docker itself', 'prune'] }],
  },
  {
    name: 'near miss: user options',
    rule: 'windowsshim-internal-option',
    yaml: opts('nat', `${W}networkname: "app"`, `${W}dnssuffix: "corp.example"`),
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('windowsshim-internal-option', cases, fixes);
