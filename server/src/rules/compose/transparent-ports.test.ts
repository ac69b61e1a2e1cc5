/** `transparent-ports`: Published ports on a transparent network. Its cases, near misses and fixes. */
import { describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'ports on a service whose only network is transparent: information on the `ports` key (moby#27529: forwarding is nat only)',
    rule: 'transparent-ports',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [lan]
          ports:
            - "80:80"
      networks:
        lan:
          driver: transparent
    `,
    expect: [
      {
        rule: 'transparent-ports',
        severity: 'information',
        range: '4:4-4:9',
        message: ['`web`', 'transparent (`lan`)', 'nat networks only', 'Windows firewall'],
      },
    ],
  },
  {
    name: 'the default network joined to an existing network named `transparent` (the Dynamics NAV pattern)',
    rule: 'transparent-ports',
    yaml: yaml`
      services:
        sql:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports:
            - "1433"
      networks:
        default:
          external:
            name: transparent
    `,
    expect: [{ rule: 'transparent-ports', severity: 'information', range: '3:4-3:9', message: ['`default` (the existing network `transparent`)'] }],
  },
  {
    name: 'near misses: a nat network beside the transparent one; expose only; nat alone',
    rule: 'transparent-ports',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [lan, app]
          ports: ["80:80"]
        api:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [lan]
          expose: ["80"]
        db:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [app]
          ports: ["1433:1433"]
      networks:
        lan:
          driver: transparent
        app:
          driver: nat
    `,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('transparent-ports', cases, fixes);
