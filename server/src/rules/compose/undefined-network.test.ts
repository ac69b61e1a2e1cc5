/** `undefined-network`: Service joins a network no file of the project defines. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'a network no file declares: compose refuses the project, in its own words (compose-go loader/validate.go checkConsistency)',
    rule: 'undefined-network',
    yaml: `${WIN}    networks: [backend]\n`,
    expect: [
      {
        rule: 'undefined-network',
        severity: 'error',
        range: '3:15-3:22',
        message: ['service "web" refers to undefined network backend: invalid compose project', 'external: true'],
      },
    ],
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
];

describeRule('undefined-network', cases, fixes);
