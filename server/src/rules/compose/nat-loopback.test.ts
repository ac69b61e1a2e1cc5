/** `nat-loopback`: published ports that `localhost` cannot reach on Windows Server 2016, 1709 (and 1803 before its fix). */
import { describeRule, yaml, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'an image pinned to ltsc2016 (process isolation): information on `ports`',
    rule: 'nat-loopback',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2016
          ports:
            - "8080:80"
    `,
    expect: [
      {
        rule: 'nat-loopback',
        severity: 'information',
        range: '3:4-3:9',
        message: ['Windows Server 2016 hosts', 'no loopback', '`localhost:<port>`', '`web`', "host's own address", 'Windows Server 2019'],
      },
    ],
  },
  {
    name: 'the setting says ltsc2016: every service that publishes on nat',
    rule: 'nat-loopback',
    options: { windowsVersion: 'ltsc2016' },
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          ports: ["80"]
        api:
          image: mcr.microsoft.com/windows/nanoserver:ltsc2022
          networks: [app]
          ports: ["81:81"]
      networks:
        app: {}
    `,
    expect: [
      { rule: 'nat-loopback', severity: 'information', range: '3:4-3:9', message: ['`web`'] },
      { rule: 'nat-loopback', severity: 'information', range: '7:4-7:9', message: ['`api`'] },
    ],
  },
  {
    name: 'a 1709 image: no loopback either',
    rule: 'nat-loopback',
    yaml: yaml`
      services:
        web:
          image: microsoft/nanoserver:1709
          ports: ["8080:80"]
    `,
    expect: [{ rule: 'nat-loopback', severity: 'information', range: '3:4-3:9', message: ['Windows Server, version 1709 hosts'] }],
  },
  {
    name: 'a 1803 image: loopback with the July 2018 fix',
    rule: 'nat-loopback',
    yaml: yaml`
      services:
        web:
          image: mcr.microsoft.com/windows/nanoserver:1803
          ports: ["8080:80"]
    `,
    expect: [{ rule: 'nat-loopback', severity: 'information', range: '3:4-3:9', message: ['version 1803', 'KB4340917', '169.254'] }],
  },
  {
    name: 'near misses: ltsc2019 and later, Hyper-V isolation (pins nothing), no ports, a transparent network, the default (newest) release',
    rule: 'nat-loopback',
    yaml: yaml`
      services:
        a:
          image: mcr.microsoft.com/windows/servercore:ltsc2019
          ports: ["8080:80"]
        b:
          image: mcr.microsoft.com/windows/servercore:ltsc2016
          isolation: hyperv
          ports: ["8081:80"]
    `,
    expect: [],
  },
  {
    name: 'near misses on an ltsc2016 host: no ports, a service only on a transparent network, network_mode none',
    rule: 'nat-loopback',
    options: { windowsVersion: 'ltsc2016' },
    yaml: yaml`
      services:
        a:
          image: mcr.microsoft.com/windows/servercore:ltsc2016
        b:
          image: mcr.microsoft.com/windows/servercore:ltsc2016
          networks: [lan]
          ports: ["8081:80"]
        c:
          image: mcr.microsoft.com/windows/servercore:ltsc2016
          network_mode: none
          ports: ["8082:80"]
      networks:
        lan:
          driver: transparent
    `,
    expect: [],
  },
];

describeRule('nat-loopback', cases, []);
