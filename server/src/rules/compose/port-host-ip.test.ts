/** `port-host-ip`: Published port bound to a host IP on Windows. Its cases, near misses and fixes. */
import { WIN, describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'a quoted short port with an IPv4 host IP: the IP is underlined',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "127.0.0.1:8080:80"\n`,
    expect: [
      {
        rule: 'port-host-ip',
        severity: 'error',
        range: '4:9-4:18',
        message: ['`127.0.0.1`', 'Windows does not support host IP addresses in NAT settings', '`web`'],
      },
    ],
  },
  {
    name: 'a bracketed IPv6 host IP: the address without its brackets',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "[::1]:80:80"\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '4:10-4:13', message: ['`::1`'] }],
  },
  {
    name: 'an unbracketed IPv6 host IP, as compose reads it (everything before the host port)',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "fe80::1:80:80"\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '4:9-4:16', message: ['`fe80::1`'] }],
  },
  {
    name: 'a plain `IP::port` (host port left to Docker)',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - 127.0.0.1::80\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '4:8-4:17' }],
  },
  {
    name: 'a flow sequence of ports',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports: ["127.0.0.1:80:80", 8080:80]\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '3:13-3:22' }],
  },
  {
    name: 'long syntax `host_ip`: the value',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '6:17-6:26', message: ['`127.0.0.1`'] }],
  },
  {
    name: 'CRLF line endings do not move the range',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "127.0.0.1:8080:80"\n`.replace(/\n/g, '\r\n'),
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '4:9-4:18' }],
  },
  {
    name: 'a BOM counts on line 0 only',
    rule: 'port-host-ip',
    yaml: `\ufeff${WIN}    ports: ["10.0.0.1:80:80"]\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '3:13-3:21' }],
  },
  {
    name: 'ports shared through an anchor are reported at the anchor, once per service',
    rule: 'port-host-ip',
    yaml: yaml`
      x-ports: &ports
        - "127.0.0.1:80:80"
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: *ports
        api:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: *ports
    `,
    expect: [
      { rule: 'port-host-ip', severity: 'error', range: '1:5-1:14', message: ['`web`'] },
      { rule: 'port-host-ip', severity: 'error', range: '1:5-1:14', message: ['`api`'] },
    ],
  },
  {
    name: 'near misses: all-address host IPs (0.0.0.0, [::], ::, empty) and no host IP',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "0.0.0.0:80:80"\n      - "[::]:81:81"\n      - ":::82:82"\n      - ":83:83"\n      - "8080:80"\n      - 9000\n      - target: 90\n        host_ip: 0.0.0.0\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'drops the IPv4 host IP and its colon, keeping the quotes and the comment',
    rule: 'port-host-ip',
    yaml: `# web front end\n${WIN}    ports:\n      - "127.0.0.1:8080:80"   # local only\n`,
    preferred: true,
    expected: `# web front end\n${WIN}    ports:\n      - "8080:80"   # local only\n`,
  },
  {
    name: 'drops a bracketed IPv6 host IP with its brackets',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "[::1]:80:80"\n`,
    expected: `${WIN}    ports:\n      - "80:80"\n`,
  },
  {
    name: '`IP::port` becomes the bare container port, not `:port`',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - 127.0.0.1::80\n`,
    expected: `${WIN}    ports:\n      - 80\n`,
  },
  {
    name: 'in a flow sequence the `[` of the sequence is kept',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports: [127.0.0.1:80:80, "8080:80"]\n`,
    expected: `${WIN}    ports: [80:80, "8080:80"]\n`,
  },
  {
    name: 'drops an unbracketed IPv6 host IP',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "::1:80:80"\n`,
    expected: `${WIN}    ports:\n      - "80:80"\n`,
  },
  {
    name: 'long syntax: removes the `host_ip` line',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - target: 80\n        host_ip: 127.0.0.1\n        published: 8080\n`,
    expected: `${WIN}    ports:\n      - target: 80\n        published: 8080\n`,
  },
  {
    name: 'CRLF: the line endings stay CRLF',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\r\n      - "127.0.0.1:8080:80"\r\n`.replace(/(?<!\r)\n/g, '\r\n'),
    expected: `${WIN}    ports:\r\n      - "8080:80"\r\n`.replace(/(?<!\r)\n/g, '\r\n'),
  },
];

describeRule('port-host-ip', cases, fixes);
