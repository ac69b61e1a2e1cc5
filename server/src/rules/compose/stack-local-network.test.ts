/** `stack-local-network`: a swarm stack that joins the host's `nat` network. */
import { describeRule, yaml, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: "a stack's default network is the existing `nat`: a warning on the name",
    rule: 'stack-local-network',
    path: 'docker-stack.yml',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      networks:
        default:
          name: nat
          external: true
    `,
    expect: [
      {
        rule: 'stack-local-network',
        severity: 'warning',
        range: '5:10-5:13',
        message: ['`nat` network (`default`)', 'could not find the corresponding predefined swarm network: network nat not found', 'overlay network'],
      },
    ],
  },
  {
    name: 'the deprecated `external.name` form, and a network keyed `nat`, in a file with swarm-only deploy keys',
    rule: 'stack-local-network',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [host-nat, nat]
          deploy:
            placement:
              constraints: [node.platform.os == windows]
      networks:
        host-nat:
          external:
            name: nat
        nat:
          external: true
    `,
    expect: [
      { rule: 'stack-local-network', severity: 'warning', range: '10:12-10:15', message: ['(`host-nat`)'] },
      { rule: 'stack-local-network', severity: 'warning', range: '11:2-11:5', message: ['(`nat`)'] },
    ],
  },
  {
    name: 'near miss: the same in a compose file for `docker compose up`',
    rule: 'stack-local-network',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      networks:
        default:
          name: nat
          external: true
    `,
    expect: [],
  },
  {
    name: 'near misses in a stack: an existing overlay network, a variable name, a network the stack creates',
    rule: 'stack-local-network',
    path: 'docker-stack.yml',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [shared, other, own]
      networks:
        shared:
          external: true
          name: corp-overlay
        other:
          external: true
          name: \${NET}
        own: {}
    `,
    expect: [],
  },
];

describeRule('stack-local-network', cases, []);
