/** `routing-mesh-ltsc2016`: Swarm routing mesh on Windows Server 2016. Its cases, near misses and fixes. */
import { WIN, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'a swarm service on Windows Server 2016 with the default endpoint mode and an ingress port',
    rule: 'routing-mesh-ltsc2016',
    options: { windowsVersion: 'ltsc2016' },
    yaml: `${WIN}    deploy:\n      replicas: 2\n      placement:\n        constraints: [node.platform.os == windows]\n    ports:\n      - "80:80"\n`,
    expect: [
      { rule: 'routing-mesh-ltsc2016', severity: 'warning', range: '1:2-1:5', message: ['VIP', '`endpoint_mode: dnsrr`', 'Windows Server 2016'] },
      { rule: 'routing-mesh-ltsc2016', severity: 'warning', range: '8:8-8:15', message: ['Ingress', '`mode: host`'] },
    ],
  },
  {
    name: 'a `deploy` that `docker compose up` reads too (replicas only): information, saying it matters for a swarm stack',
    rule: 'routing-mesh-ltsc2016',
    options: { windowsVersion: 'ltsc2016' },
    yaml: `${WIN}    deploy:\n      replicas: 2\n    ports:\n      - "80:80"\n`,
    expect: [
      { rule: 'routing-mesh-ltsc2016', severity: 'information', range: '1:2-1:5', message: ['VIP', 'if this file is deployed as a swarm stack'] },
      { rule: 'routing-mesh-ltsc2016', severity: 'information', range: '6:8-6:15', message: ['Ingress', 'if this file is deployed as a swarm stack'] },
    ],
  },
  {
    name: 'an overlay network makes the file a swarm stack',
    rule: 'routing-mesh-ltsc2016',
    options: { windowsVersion: 'ltsc2016' },
    yaml: `${WIN}    deploy:\n      replicas: 2\n    networks: [mesh]\nnetworks:\n  mesh:\n    driver: overlay\n`,
    expect: [{ rule: 'routing-mesh-ltsc2016', severity: 'warning', range: '1:2-1:5', message: ['VIP'] }],
  },
  {
    name: '`endpoint_mode: vip` is underlined, and `mode: ingress` in the long syntax',
    rule: 'routing-mesh-ltsc2016',
    options: { windowsVersion: 'ltsc2016' },
    yaml: `${WIN}    deploy:\n      endpoint_mode: vip\n    ports:\n      - target: 80\n        mode: ingress\n`,
    expect: [
      { rule: 'routing-mesh-ltsc2016', severity: 'warning', range: '4:21-4:24' },
      { rule: 'routing-mesh-ltsc2016', severity: 'warning', range: '7:14-7:21' },
    ],
  },
  {
    name: 'near miss: the same service on Windows Server 2019',
    rule: 'routing-mesh-ltsc2016',
    options: { windowsVersion: 'ltsc2019' },
    yaml: `${WIN}    deploy:\n      replicas: 2\n    ports:\n      - "80:80"\n`,
    expect: [],
  },
  {
    name: 'near miss: dnsrr and host-mode ports on Windows Server 2016; a service without deploy',
    rule: 'routing-mesh-ltsc2016',
    options: { windowsVersion: 'ltsc2016' },
    yaml: `${WIN}    deploy:\n      endpoint_mode: dnsrr\n    ports:\n      - target: 80\n        published: 80\n        mode: host\n  db:\n    image: mcr.microsoft.com/windows/servercore:ltsc2016\n    ports:\n      - "1433:1433"\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('routing-mesh-ltsc2016', cases, fixes);
