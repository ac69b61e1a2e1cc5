/** `port-range`: Host-port range onto one container port on a Windows network. Its cases, near misses and fixes. */
import { WIN, describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'a host-port range on the default (nat) network',
    rule: 'port-range',
    yaml: `${WIN}    ports:\n      - "8000-8010:80"\n`,
    expect: [{ rule: 'port-range', severity: 'error', range: '4:9-4:18', message: ['`8000-8010`', '`nat`', 'more than one host port'] }],
  },
  {
    name: 'a host-port range in long syntax on a transparent network',
    rule: 'port-range',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [lan]
          ports:
            - target: 80
              published: "8080-8090"
      networks:
        lan:
          driver: transparent
    `,
    expect: [{ rule: 'port-range', severity: 'error', range: '6:19-6:30', message: ['`transparent`'] }],
  },
  {
    name: 'a host-port range on l2bridge: Docker allocates one port (information)',
    rule: 'port-range',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [k8s]
          ports:
            - 8000-8010:80
      networks:
        k8s:
          driver: l2bridge
    `,
    expect: [{ rule: 'port-range', severity: 'information', range: '5:8-5:17', message: ['`l2bridge`', 'single host port'] }],
  },
  {
    name: 'a host-port range on overlay: Docker allocates one port, as on l2bridge (moby ov_endpoint_windows.go AllocatePorts)',
    rule: 'port-range',
    yaml: yaml`
      services:
        swarm:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [app]
          ports:
            - "9000-9010:90"
      networks:
        app:
          driver: overlay
    `,
    expect: [{ rule: 'port-range', severity: 'information', range: '5:9-5:18', message: ['`overlay`', 'single host port'] }],
  },
  {
    name: 'a range onto a range of another length: compose refuses it (go-connections nat.ParsePortSpec)',
    rule: 'port-range',
    yaml: `${WIN}    ports:\n      - "8000-8010:80-81"\n`,
    expect: [
      { rule: 'port-range', severity: 'error', range: '4:9-4:18', message: ['compose refuses', 'invalid ranges specified for container and host Ports'] },
    ],
  },
  {
    name: 'near misses: a range onto a range of the same length (compose-go ParsePortConfig expands it to one binding per port), a one-port range, a container-port range',
    rule: 'port-range',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports:
            - "8000-8010:8000-8010"
            - "7146-7149:7046-7049"
            - "8000-8000:80"
            - "3000-3005"
            - "8080:80"
            - "\${FROM}-\${TO}:80"
    `,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('port-range', cases, fixes);
