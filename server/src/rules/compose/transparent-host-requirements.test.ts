/** `transparent-host-requirements`: a transparent network needs MAC address spoofing on a VM host. Its cases and near misses. */
import { describeRule, yaml, type FixCase, type RuleCase } from '../../testing/rule-tests';

const ID = 'transparent-host-requirements';

const cases: RuleCase[] = [
  {
    name: '`driver: transparent`: information on the driver value (MSD-DRV: MAC address spoofing on a VM host; not on Azure)',
    rule: ID,
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [lan]
      networks:
        lan:
          driver: transparent
          driver_opts:
            com.docker.network.windowsshim.interface: "Ethernet 2"
    `,
    expect: [
      {
        rule: ID,
        severity: 'information',
        range: '6:12-6:23',
        message: ['Network `lan` is transparent', 'container host is a VM', 'MAC address spoofing', 'promiscuous mode on VMware', 'Azure VMs'],
      },
    ],
  },
  {
    name: 'the existing network `transparent` through the deprecated `external: {name: ...}` (the Dynamics NAV pattern): on the name',
    rule: ID,
    yaml: yaml`
      services:
        sql:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
      networks:
        default:
          external:
            name: transparent
    `,
    expect: [{ rule: ID, severity: 'information', range: '6:12-6:23', message: ['`default` (the existing network `transparent`)', 'MAC address spoofing'] }],
  },
  {
    name: '`name: transparent` with `external: true`, and an external network whose key is `transparent`: each once',
    rule: ID,
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [lan, transparent]
      networks:
        lan:
          name: transparent
          external: true
        transparent:
          external: true
    `,
    expect: [
      { rule: ID, severity: 'information', range: '6:10-6:21', message: ['`lan` (the existing network `transparent`)'] },
      { rule: ID, severity: 'information', range: '8:2-8:13', message: ['`transparent` (the existing network `transparent`)'] },
    ],
  },
  {
    name: 'beside transparent-ports: both speak, on different lines (the ports key, the driver value), about different things',
    rule: [ID, 'transparent-ports'],
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [lan]
          ports: ["80:80"]
      networks:
        lan:
          driver: transparent
    `,
    expect: [
      { rule: 'transparent-ports', severity: 'information', range: '4:4-4:9' },
      { rule: ID, severity: 'information', range: '7:12-7:23' },
    ],
  },
  {
    name: 'on Windows Server 2016 too (the Azure fact has no version)',
    rule: ID,
    options: { windowsVersion: 'ltsc2016' },
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:sac2016
          networks: [lan]
      networks:
        lan:
          driver: "transparent"
    `,
    expect: [{ rule: ID, severity: 'information', range: '6:12-6:25', message: ['Azure VMs'] }],
  },
  {
    name: 'near misses: nat, l2bridge, a driver from a variable, external networks with other names, `name: transparent` created by compose (nat)',
    rule: ID,
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [a, b, c, d, e, f]
      networks:
        a:
          driver: nat
        b:
          driver: l2bridge
          driver_opts:
            com.docker.network.windowsshim.enable_outboundnat: "true"
        c:
          driver: \${LAN_DRIVER:-transparent}
        d:
          external: true
          name: nat
        e:
          external:
            name: \${NETWORK}
        f:
          name: transparent
    `,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule(ID, cases, fixes);
