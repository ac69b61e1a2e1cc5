/** `ports-on-several-networks`: a service that publishes ports while on several networks. */
import { describeRule, yaml, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'ports on a service on a nat network and an existing one: information on the `ports` key, naming the networks',
    rule: 'ports-on-several-networks',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [front, back]
          ports:
            - "8080:80"
      networks:
        front: {}
        back:
          external: true
          name: corp
    `,
    expect: [
      {
        rule: 'ports-on-several-networks',
        severity: 'information',
        range: '4:4-4:9',
        message: [
          '`web` publishes ports and joins 2 networks',
          '`front` (nat), `back` (driver unknown)',
          'only one',
          'default route of equal metric',
          'one network',
        ],
      },
    ],
  },
  {
    name: 'the long form of `networks`, a nat network beside a transparent one',
    rule: 'ports-on-several-networks',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: ["80"]
          networks:
            app:
              aliases: [site]
            lan: {}
      networks:
        app: {}
        lan:
          driver: transparent
    `,
    expect: [{ rule: 'ports-on-several-networks', severity: 'information', range: '3:4-3:9', message: ['`app` (nat), `lan` (transparent)'] }],
  },
  {
    name: 'near misses: one network; the default network; an internal second network; two nat networks; no ports; network_mode; empty ports',
    rule: 'ports-on-several-networks',
    yaml: yaml`
      services:
        a:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [front]
          ports: ["8080:80"]
        b:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: ["8081:80"]
        c:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [front, back]
          ports: ["8082:80"]
        d:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [front, other]
        e:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          network_mode: nat
          ports: ["8083:80"]
        f:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [front, other]
          ports: []
        g:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [front, other]
          ports: ["8084:80"]
      networks:
        front: {}
        other: {}
        back:
          internal: true
    `,
    expect: [],
  },
  {
    name: 'near miss: a swarm stack publishes through the ingress network',
    rule: 'ports-on-several-networks',
    path: 'docker-stack.yml',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [front, back]
          ports: ["8080:80"]
      networks:
        front: {}
        back: {}
    `,
    expect: [],
  },
];

describeRule('ports-on-several-networks', cases, []);
