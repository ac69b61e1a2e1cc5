/** `subnet-overlap`: networks of one project whose subnets overlap, and project nat subnets where the default nat network lives. */
import { describeRule, yaml, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'two nat networks, one subnet inside the other: an error on the second, related to the first',
    rule: 'subnet-overlap',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [front, back]
      networks:
        front:
          ipam:
            config:
              - subnet: 10.20.0.0/16
        back:
          driver: nat
          ipam:
            config:
              - subnet: 10.20.5.0/24
    `,
    expect: [
      {
        rule: 'subnet-overlap',
        severity: 'error',
        range: '13:18-13:30',
        message: ['10.20.5.0/24 of network `back` overlaps 10.20.0.0/16 of `front`', 'The object already exists', 'a subnet of its own'],
        related: ['8:18-8:30'],
      },
    ],
  },
  {
    name: 'two overlay networks of a stack: refused by the swarm IPAM',
    rule: 'subnet-overlap',
    path: 'docker-stack.yml',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [a, b]
      networks:
        a:
          ipam:
            config:
              - subnet: 10.30.0.0/24
        b:
          ipam:
            config:
              - subnet: 10.30.0.0/24
    `,
    expect: [{ rule: 'subnet-overlap', severity: 'error', range: '12:18-12:30', message: ['Pool overlaps with other one on this address space'] }],
  },
  {
    name: 'a transparent network beside a nat network: a warning (no source says what HNS does)',
    rule: 'subnet-overlap',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [app, lan]
      networks:
        app:
          ipam:
            config:
              - subnet: 192.168.1.0/24
        lan:
          driver: transparent
          ipam:
            config:
              - subnet: 192.168.0.0/16
                gateway: 192.168.0.1
    `,
    expect: [{ rule: 'subnet-overlap', severity: 'warning', range: '13:18-13:32', message: ['may refuse or route to the wrong network'] }],
  },
  {
    name: 'a project nat subnet in 172.16.0.0/12: information that the default nat network may be there',
    rule: 'subnet-overlap',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [app]
      networks:
        app:
          ipam:
            config:
              - subnet: 172.20.0.0/16
    `,
    expect: [
      {
        rule: 'subnet-overlap',
        severity: 'information',
        range: '8:18-8:31',
        message: ['172.16.0.0/12', 'default `nat` network', 'The object already exists', '10.0.0.0/8'],
      },
    ],
  },
  {
    name: 'near misses: disjoint subnets, other families, an external network, a subnet from a variable, one network with two subnets, transparent in 172.16/12',
    rule: 'subnet-overlap',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [a, b, c, d, e]
      networks:
        a:
          ipam:
            config:
              - subnet: 10.1.0.0/24
              - subnet: 10.1.0.0/16
        b:
          ipam:
            config:
              - subnet: 10.2.0.0/24
              - subnet: fd00:1::/64
        c:
          external: true
          name: corp
        d:
          ipam:
            config:
              - subnet: \${SUBNET:-10.1.0.0/24}
        e:
          driver: transparent
          ipam:
            config:
              - subnet: 172.18.0.0/16
                gateway: 172.18.0.1
    `,
    expect: [],
  },
];

describeRule('subnet-overlap', cases, []);
