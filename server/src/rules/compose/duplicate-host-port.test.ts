/** `duplicate-host-port`: one host port published twice in a project. Its cases and near misses. */
import { composeEnvironment } from '../../compose/environment';
import { describeRule, yaml, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'two services on one host port: an error on the second, the first as related information, the 0x20 message explained',
    rule: 'duplicate-host-port',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports:
            - "8080:80"
        api:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports:
            - "8080:8080"
    `,
    expect: [
      {
        rule: 'duplicate-host-port',
        severity: 'error',
        range: '8:9-8:13',
        message: ['Host port 8080/tcp', '`web` and `api`', 'being used by another process (0x20)', 'this port conflict', 'its own host port'],
        related: ['4:9-4:13'],
      },
    ],
  },
  {
    name: 'three services: each one after the first is reported; long syntax counts like short',
    rule: 'duplicate-host-port',
    yaml: yaml`
      services:
        a:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: ["9000:80"]
        b:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports:
            - target: 81
              published: 9000
        c:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: ["0.0.0.0:9000:82/tcp"]
    `,
    expect: [
      { rule: 'duplicate-host-port', severity: 'error', range: '8:19-8:23', message: ['`a` and `b`'] },
      { rule: 'duplicate-host-port', severity: 'error', range: '11:21-11:25', message: ['`a` and `c`'] },
    ],
  },
  {
    name: 'one service publishing one host port to two container ports',
    rule: 'duplicate-host-port',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports:
            - "8080:80"
            - "8080:81"
    `,
    expect: [{ rule: 'duplicate-host-port', severity: 'error', range: '5:9-5:13', message: ['twice by `web` (to container ports 80 and 81)'] }],
  },
  {
    name: 'a range onto a range expands to ports that collide with a single one',
    rule: 'duplicate-host-port',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: ["8000-8002:8000-8002"]
        api:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: ["8001:80"]
    `,
    expect: [{ rule: 'duplicate-host-port', severity: 'error', range: '6:13-6:17', message: ['Host port 8001/tcp'] }],
  },
  {
    name: 'services in different profiles may never run together: a warning',
    rule: 'duplicate-host-port',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          profiles: [blue]
          ports: ["8080:80"]
        web-green:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          profiles: [green]
          ports: ["8080:80"]
    `,
    expect: [{ rule: 'duplicate-host-port', severity: 'warning', range: '8:13-8:17', message: ['when their profiles run together'] }],
  },
  {
    name: '`COMPOSE_PROFILES` in .env turns both profiles on: they do run together, an error',
    rule: 'duplicate-host-port',
    options: { env: composeEnvironment({ files: [{ path: '/p/.env', text: 'COMPOSE_PROFILES=blue,green\n' }] }) },
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          profiles: [blue]
          ports: ["8080:80"]
        web-green:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          profiles: [green]
          ports: ["8080:80"]
    `,
    expect: [{ rule: 'duplicate-host-port', severity: 'error', range: '8:13-8:17', message: ['`web` and `web-green`'] }],
  },
  {
    name: 'near miss: `COMPOSE_PROFILES=blue` runs only one of them',
    rule: 'duplicate-host-port',
    options: { env: composeEnvironment({ files: [{ path: '/p/.env', text: 'COMPOSE_PROFILES=blue\n' }] }) },
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          profiles: [blue]
          ports: ["8080:80"]
        web-green:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          profiles: [green]
          ports: ["8080:80"]
    `,
    expect: [],
  },
  {
    name: 'replicas of a compose service on a fixed host port: only the first starts',
    rule: 'duplicate-host-port',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: ["8080:80"]
          deploy:
            replicas: 3
    `,
    expect: [
      { rule: 'duplicate-host-port', severity: 'error', range: '3:13-3:17', message: ['runs 3 replicas', 'host port 8080/tcp', 'no host port (`"80"`)'] },
    ],
  },
  {
    name: 'near misses: other ports, TCP beside UDP, no host port, exact repeats compose drops, a shared profile is an error only when together',
    rule: 'duplicate-host-port',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports:
            - "8080:80"
            - "8080:80"
            - "53:53/udp"
            - "80"
        dns:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports:
            - "53:53/tcp"
            - "8081:80"
            - "\${PORT}:80"
            - "80"
    `,
    expect: [],
  },
  {
    name: 'near misses: a stack shares replicas through the routing mesh; host-mode ports in a stack; transparent-only services',
    rule: 'duplicate-host-port',
    path: 'docker-stack.yml',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports:
            - target: 80
              published: 8080
              mode: host
          deploy:
            replicas: 3
        api:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports:
            - target: 80
              published: 8080
              mode: host
    `,
    expect: [],
  },
  {
    name: 'near misses: services on a transparent network only, network_mode none, a host range Docker picks from',
    rule: 'duplicate-host-port',
    yaml: yaml`
      services:
        a:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [lan]
          ports: ["8080:80"]
        b:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [lan]
          ports: ["8080:80"]
        c:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          network_mode: none
          ports: ["9090:80"]
        d:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: ["9090:80"]
      networks:
        lan:
          driver: transparent
    `,
    expect: [],
  },
];

describeRule('duplicate-host-port', cases, []);
