/**
 * Project-wide notes (shared/windows-networking.md §2.2, §5.2, §7 #18, #19, #27): every project gets its own
 * NAT network unless it joins the built-in `nat` one, and Microsoft's `external: {name: nat}` form is deprecated.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, describeTheme, WIN, type FixCase, type RuleCase } from './test-helpers';

const PORTS = `${WIN}    ports:\n      - "8080:80"\n`;
const JOIN_NAT = 'networks:\n  default:\n    name: nat\n    external: true\n';

const cases: RuleCase[] = [
  // nat-network-per-project
  {
    name: 'published ports on the implicit default network: the `ports` key',
    rule: 'nat-network-per-project',
    yaml: PORTS,
    expect: [{ rule: 'nat-network-per-project', severity: 'information', range: '3:4-3:9', message: ['`web`', '`default`', 'hang HNS', 'reboots', '`name: nat`', '`external: true`'] }],
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
  // external-name-deprecated
  {
    name: '`external: {name: nat}` (block form): the `external` key',
    rule: 'external-name-deprecated',
    yaml: `${WIN}networks:\n  default:\n    external:\n      name: nat\n`,
    expect: [{ rule: 'external-name-deprecated', severity: 'information', range: '5:4-5:12', message: ['`external: {name: nat}` is deprecated', '`name: nat`', '`external: true`'] }],
  },
  {
    name: 'in a Linux file too (a compose-spec deprecation, not a Windows one)',
    rule: 'external-name-deprecated',
    yaml: 'services:\n  app:\n    image: nginx\nnetworks:\n  shared:\n    external: {name: proxy}\n',
    expect: [{ rule: 'external-name-deprecated', severity: 'information', range: '5:4-5:12', message: ['`name: proxy`'] }],
  },
  {
    name: 'near misses: the current form; `external: true` alone',
    rule: 'external-name-deprecated',
    yaml: `${WIN}${JOIN_NAT}  other:\n    external: true\n`,
    expect: [],
  },
  // undefined-network
  {
    name: 'a network no file declares: compose refuses the project, in its own words (compose-go loader/validate.go checkConsistency)',
    rule: 'undefined-network',
    yaml: `${WIN}    networks: [backend]\n`,
    expect: [{ rule: 'undefined-network', severity: 'error', range: '3:15-3:22', message: ['service "web" refers to undefined network backend: invalid compose project', 'external: true'] }],
  },
  {
    name: 'a typo of a declared network: the closest name is suggested',
    rule: 'undefined-network',
    yaml: `${WIN}    networks:\n      frontnd:\n        aliases: [web]\nnetworks:\n  frontend:\n    driver: nat\n`,
    expect: [{ rule: 'undefined-network', severity: 'error', range: '4:6-4:13', message: ['Did you mean `frontend`?'] }],
  },
  {
    name: 'the built-in nat network must be declared too (external)',
    rule: 'undefined-network',
    yaml: `${WIN}    networks: [nat]\n`,
    expect: [{ rule: 'undefined-network', severity: 'error', range: '3:15-3:18' }],
  },
  {
    name: 'a file alone with partner files beside it: information, naming them',
    rule: 'undefined-network',
    options: { fileSet: { files: ['/p/docker-compose.yml'], partners: ['/p/docker-compose.prod.yml'] } },
    yaml: `${WIN}    networks: [backend]\n`,
    expect: [{ rule: 'undefined-network', severity: 'information', range: '3:15-3:22', message: ['`docker-compose.prod.yml`', 'Alone, compose refuses it'] }],
  },
  {
    name: 'an override-shaped file alone (a service with no image or build): information',
    rule: 'undefined-network',
    yaml: 'services:\n  web:\n    ports: ["80:80"]\n    networks: [backend]\n',
    expect: [{ rule: 'undefined-network', severity: 'information', range: '3:15-3:22' }],
  },
  {
    name: 'in a set of several files: an error, since no file declares it',
    rule: 'undefined-network',
    options: { fileSet: { files: ['/p/docker-compose.yml', '/p/docker-compose.prod.yml'], partners: [] } },
    yaml: 'services:\n  web:\n    ports: ["80:80"]\n    networks: [backend]\n',
    expect: [{ rule: 'undefined-network', severity: 'error', range: '3:15-3:22' }],
  },
  {
    name: 'near misses: the implicit default network, listed or not; a declared external network; a service with profiles; a network by variable',
    rule: 'undefined-network',
    yaml: `services:\n  a:\n    image: x\n  b:\n    image: x\n    networks: [default, lan]\n  c:\n    image: x\n    profiles: [debug]\n    networks: [debugnet]\n  d:\n    image: x\n    networks: [\${NET}]\nnetworks:\n  lan:\n    external: true\n    name: nat\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'renames a misspelt network reference to the declared one (offered, not preferred)',
    rule: 'undefined-network',
    preferred: false,
    yaml: `${WIN}    networks: [frontnd]\nnetworks:\n  frontend:\n    driver: nat\n`,
    expected: `${WIN}    networks: [frontend]\nnetworks:\n  frontend:\n    driver: nat\n`,
  },
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
  {
    name: 'rewrites the block form to `name:` + `external: true`',
    rule: 'external-name-deprecated',
    preferred: true,
    yaml: `${WIN}networks:\n  default:  # Microsoft's example\n    external:\n      name: nat\n`,
    expected: `${WIN}networks:\n  default:  # Microsoft's example\n    name: nat\n    external: true\n`,
  },
  {
    name: 'a comment after the name stays, at the end of the rewritten lines',
    rule: 'external-name-deprecated',
    yaml: `${WIN}networks:\n  default:\n    external:\n      name: nat # the built-in one\n`,
    expected: `${WIN}networks:\n  default:\n    name: nat\n    external: true # the built-in one\n`,
  },
  {
    name: 'in a flow mapping the two keys go on one line, with a comma',
    rule: 'external-name-deprecated',
    yaml: `${WIN}networks:\n  default: {external: {name: nat}}\n`,
    expected: `${WIN}networks:\n  default: {name: nat, external: true}\n`,
  },
  {
    name: 'in a flow mapping written over several lines too',
    rule: 'external-name-deprecated',
    yaml: `${WIN}networks:\n  default: {\n    external: {name: nat}\n  }\n`,
    expected: `${WIN}networks:\n  default: {\n    name: nat, external: true\n  }\n`,
  },
  {
    name: 'rewrites the flow form, keeping CRLF line endings',
    rule: 'external-name-deprecated',
    yaml: `${WIN}networks:\n  default:\n    external: {name: "nat"}\n`.replace(/\n/g, '\r\n'),
    expected: `${WIN}networks:\n  default:\n    name: "nat"\n    external: true\n`.replace(/\n/g, '\r\n'),
  },
];

describeTheme('project', cases, fixes);

describe('project rules: fixes that are not offered', () => {
  it('no appended section when the file already has `networks:` (the project network is explicit)', () => {
    const [finding] = check(`${WIN}    networks: [app]\n    ports: ["80:80"]\nnetworks:\n  app:\n`).filter((f) => f.rule === 'nat-network-per-project');
    assert.deepEqual(finding.fixes, []);
  });
  it('no rewrite of an `external` merged in from an anchor (other networks share that text)', () => {
    const text = `x-ext: &ext\n  external:\n    name: nat\n${WIN}networks:\n  default:\n    <<: *ext\n`;
    const [finding] = check(text).filter((f) => f.rule === 'external-name-deprecated');
    assert.equal(finding.range.start.line, 1);
    assert.deepEqual(finding.fixes, []);
  });
  it('no rewrite of an `external` that declares an anchor', () => {
    const text = `${WIN}networks:\n  default:\n    external: &ext\n      name: nat\nx-reuse:\n  <<: *ext\n`;
    const [finding] = check(text).filter((f) => f.rule === 'external-name-deprecated');
    assert.deepEqual(finding.fixes, []);
  });
  it('no rewrite when `external` holds more than the name, or a comment inside it', () => {
    const text = `${WIN}networks:\n  a:\n    external:\n      name: nat\n      x-note: 1\n  b:\n    external: # old form\n      name: nat\n`;
    const findings = check(text).filter((f) => f.rule === 'external-name-deprecated');
    assert.equal(findings.length, 2);
    assert.deepEqual(findings.flatMap((f) => f.fixes), []);
  });
});
