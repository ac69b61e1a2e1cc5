/**
 * Published ports on Windows (shared/windows-networking.md §5.2, §7 #8–10, #28): no host IP, no host-port range
 * on nat/transparent/ics (one port allocated on l2bridge/l2tunnel), tcp/udp only, no routing mesh on WS2016.
 */
import { describeTheme, WIN, yaml, type FixCase, type RuleCase } from './test-helpers';

const cases: RuleCase[] = [
  // port-host-ip
  {
    name: 'a quoted short port with an IPv4 host IP: the IP is underlined',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "127.0.0.1:8080:80"\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '4:9-4:18', message: ['`127.0.0.1`', 'Windows does not support host IP addresses in NAT settings', '`web`'] }],
  },
  {
    name: 'a bracketed IPv6 host IP: the address without its brackets',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "[::1]:80:80"\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '4:10-4:13', message: ['`::1`'] }],
  },
  {
    name: 'an unbracketed IPv6 host IP, as compose reads it (everything before the host port)',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "fe80::1:80:80"\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '4:9-4:16', message: ['`fe80::1`'] }],
  },
  {
    name: 'a plain `IP::port` (host port left to Docker)',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - 127.0.0.1::80\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '4:8-4:17' }],
  },
  {
    name: 'a flow sequence of ports',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports: ["127.0.0.1:80:80", 8080:80]\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '3:13-3:22' }],
  },
  {
    name: 'long syntax `host_ip`: the value',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '6:17-6:26', message: ['`127.0.0.1`'] }],
  },
  {
    name: 'CRLF line endings do not move the range',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "127.0.0.1:8080:80"\n`.replace(/\n/g, '\r\n'),
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '4:9-4:18' }],
  },
  {
    name: 'a BOM counts on line 0 only',
    rule: 'port-host-ip',
    yaml: `\ufeff${WIN}    ports: ["10.0.0.1:80:80"]\n`,
    expect: [{ rule: 'port-host-ip', severity: 'error', range: '3:13-3:21' }],
  },
  {
    name: 'ports shared through an anchor are reported at the anchor, once per service',
    rule: 'port-host-ip',
    yaml: yaml`
      x-ports: &ports
        - "127.0.0.1:80:80"
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: *ports
        api:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: *ports
    `,
    expect: [
      { rule: 'port-host-ip', severity: 'error', range: '1:5-1:14', message: ['`web`'] },
      { rule: 'port-host-ip', severity: 'error', range: '1:5-1:14', message: ['`api`'] },
    ],
  },
  {
    name: 'near misses: all-address host IPs (0.0.0.0, [::], ::, empty) and no host IP',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "0.0.0.0:80:80"\n      - "[::]:81:81"\n      - ":::82:82"\n      - ":83:83"\n      - "8080:80"\n      - 9000\n      - target: 90\n        host_ip: 0.0.0.0\n`,
    expect: [],
  },
  // port-range
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
    expect: [{ rule: 'port-range', severity: 'error', range: '4:9-4:18', message: ['compose refuses', 'invalid ranges specified for container and host Ports'] }],
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
  // transparent-ports
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
    expect: [{ rule: 'transparent-ports', severity: 'information', range: '4:4-4:9', message: ['`web`', 'transparent (`lan`)', 'nat networks only', 'Windows firewall'] }],
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
  {
    name: 'sctp in the short syntax: the protocol',
    rule: 'port-protocol',
    yaml: `${WIN}    ports:\n      - "3868:3868/sctp"\n`,
    expect: [{ rule: 'port-protocol', severity: 'error', range: '4:19-4:23', message: ['`sctp`', 'invalid protocol sctp', 'tcp and udp'] }],
  },
  {
    name: 'sctp in the long syntax',
    rule: 'port-protocol',
    yaml: `${WIN}    ports:\n      - target: 3868\n        protocol: sctp\n`,
    expect: [{ rule: 'port-protocol', severity: 'error', range: '5:18-5:22' }],
  },
  {
    name: 'near misses: tcp, udp (any case) and no protocol',
    rule: 'port-protocol',
    yaml: `${WIN}    ports:\n      - "53:53/udp"\n      - "80:80/tcp"\n      - "81:81/UDP"\n      - target: 82\n        protocol: tcp\n`,
    expect: [],
  },
  // routing-mesh-ltsc2016
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

const fixes: FixCase[] = [
  {
    name: 'drops the IPv4 host IP and its colon, keeping the quotes and the comment',
    rule: 'port-host-ip',
    yaml: `# web front end\n${WIN}    ports:\n      - "127.0.0.1:8080:80"   # local only\n`,
    preferred: true,
    expected: `# web front end\n${WIN}    ports:\n      - "8080:80"   # local only\n`,
  },
  {
    name: 'drops a bracketed IPv6 host IP with its brackets',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "[::1]:80:80"\n`,
    expected: `${WIN}    ports:\n      - "80:80"\n`,
  },
  {
    name: '`IP::port` becomes the bare container port, not `:port`',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - 127.0.0.1::80\n`,
    expected: `${WIN}    ports:\n      - 80\n`,
  },
  {
    name: 'in a flow sequence the `[` of the sequence is kept',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports: [127.0.0.1:80:80, "8080:80"]\n`,
    expected: `${WIN}    ports: [80:80, "8080:80"]\n`,
  },
  {
    name: 'drops an unbracketed IPv6 host IP',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - "::1:80:80"\n`,
    expected: `${WIN}    ports:\n      - "80:80"\n`,
  },
  {
    name: 'long syntax: removes the `host_ip` line',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\n      - target: 80\n        host_ip: 127.0.0.1\n        published: 8080\n`,
    expected: `${WIN}    ports:\n      - target: 80\n        published: 8080\n`,
  },
  {
    name: 'CRLF: the line endings stay CRLF',
    rule: 'port-host-ip',
    yaml: `${WIN}    ports:\r\n      - "127.0.0.1:8080:80"\r\n`.replace(/(?<!\r)\n/g, '\r\n'),
    expected: `${WIN}    ports:\r\n      - "8080:80"\r\n`.replace(/(?<!\r)\n/g, '\r\n'),
  },
];

describeTheme('port', cases, fixes);
