/** `nat-network-per-project`: Each compose project creates its own NAT network. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const PORTS = `${WIN}    ports:\n      - "8080:80"\n`;

const JOIN_NAT = 'networks:\n  default:\n    name: nat\n    external: true\n';

const cases: RuleCase[] = [
  {
    name: 'published ports on the implicit default network: the `ports` key',
    rule: 'nat-network-per-project',
    yaml: PORTS,
    expect: [
      {
        rule: 'nat-network-per-project',
        severity: 'information',
        range: '3:4-3:9',
        message: ['`web`', '`default`', 'hang HNS', 'reboots', '`name: nat`', '`external: true`'],
      },
    ],
  },
  {
    name: 'published ports on an explicit nat network of the project',
    rule: 'nat-network-per-project',
    yaml: `${WIN}    networks: [app]\n    ports:\n      - "8080:80"\nnetworks:\n  app:\n    driver: nat\n`,
    expect: [{ rule: 'nat-network-per-project', severity: 'information', range: '4:4-4:9', message: ['`app`'] }],
  },
  {
    name: 'near misses: the built-in nat network joined as external; no published ports; network_mode nat; l2bridge',
    rule: 'nat-network-per-project',
    yaml: `${WIN}    ports:\n      - "8080:80"\n  b:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    network_mode: nat\n    ports: ["81:81"]\n  c:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    networks: [k8s]\n    ports: ["82:82"]\n  d:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n${JOIN_NAT}  k8s:\n    driver: l2bridge\n`,
    expect: [],
  },
  {
    name: 'near miss: a swarm stack, whose networks without a driver are overlay networks (docker stack deploy)',
    rule: 'nat-network-per-project',
    yaml: `${WIN}    deploy:\n      placement:\n        constraints: [node.platform.os == windows]\n    networks: [app]\n    ports:\n      - "8080:80"\nnetworks:\n  app:\n`,
    expect: [],
  },
  {
    name: 'near miss: a file named like a stack (docker-stack.yml), the implicit default network',
    rule: 'nat-network-per-project',
    path: 'docker-stack.yml',
    yaml: PORTS,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'appends a `networks:` section joining the built-in nat network (offered, not preferred)',
    rule: 'nat-network-per-project',
    preferred: false,
    yaml: `# IIS\n${PORTS}`,
    expected: `# IIS\n${PORTS}${JOIN_NAT}`,
  },
  {
    name: 'appends after a last line without a line break, in CRLF',
    rule: 'nat-network-per-project',
    yaml: PORTS.replace(/\n/g, '\r\n').replace(/\r\n$/, ''),
    expected: PORTS.replace(/\n/g, '\r\n') + JOIN_NAT.replace(/\n/g, '\r\n'),
  },
];

describeRule('nat-network-per-project', cases, fixes);

describe('nat-network-per-project: more', () => {
  it('no appended section when the file already has `networks:` (the project network is explicit)', () => {
    const [finding] = check(`${WIN}    networks: [app]\n    ports: ["80:80"]\nnetworks:\n  app:\n`).filter((f) => f.rule === 'nat-network-per-project');
    assert.deepEqual(finding.fixes, []);
  });
});
