/**
 * "The file decides its target": a compose file with no Windows evidence is Linux and gets no
 * Windows findings at all, whatever Linux-only networking it uses. Each case also runs with the target forced to
 * Windows, to show the silence comes from the target and not from rules that do not see the construct.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../documents/document';
import { checkDocument } from '../../engine/check';
import { COMPOSE_RULES } from '../registry';
import { yaml } from '../../testing/rule-tests';

interface LinuxCase {
  name: string;
  yaml: string;
  /** Rule ids reported when the same file is checked as Windows. */
  asWindows: string[];
}

const cases: LinuxCase[] = [
  {
    name: 'IPv6: enable_ipv6, an IPv6 subnet, ipv6_address, enable_ipv4: false',
    yaml: yaml`
      services:
        app:
          image: node:20
          networks:
            v6:
              ipv6_address: fd00::10
      networks:
        v6:
          enable_ipv6: true
          enable_ipv4: false
        dual:
          ipam:
            config:
              - subnet: fd00::/64
                gateway: fd00::1
    `,
    asWindows: ['disable-ipv4', 'enable-ipv6', 'ipv6-address', 'ipv6-subnet'],
  },
  {
    name: 'macvlan with a parent interface, ipvlan, bridge options',
    yaml: yaml`
      services:
        app:
          image: alpine
          networks: [lan, vlan, br]
      networks:
        lan:
          driver: macvlan
          driver_opts:
            parent: eth0
        vlan:
          driver: ipvlan
        br:
          driver: bridge
          driver_opts:
            com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"
            com.docker.network.driver.mtu: "1400"
    `,
    asWindows: ['linux-driver', 'linux-driver-option'],
  },
  {
    name: 'host networking and network_mode: bridge',
    yaml: yaml`
      services:
        proxy:
          image: nginx:1.27
          network_mode: host
        legacy:
          image: busybox
          network_mode: bridge
        sidecar:
          image: envoyproxy/envoy:v1.31
          network_mode: service:proxy
    `,
    asWindows: ['network-mode-bridge', 'network-mode-host', 'network-mode-hyperv-shared'],
  },
  {
    name: 'an encrypted overlay with low VNIs and an ip_range',
    yaml: yaml`
      services:
        api:
          image: golang:1.23
          networks: [mesh]
          deploy:
            replicas: 3
      networks:
        mesh:
          driver: overlay
          driver_opts:
            encrypted: ""
            com.docker.network.driver.overlay.vxlanid_list: "100"
    `,
    asWindows: ['overlay-encrypted', 'overlay-vni'],
  },
  {
    name: 'internal networks, aux_addresses, ip_range, ipam options and driver, static IPs',
    yaml: yaml`
      services:
        db:
          image: postgres:16
          networks:
            backend:
              ipv4_address: 10.20.0.5
            plain:
              ipv4_address: 172.28.0.5
      networks:
        backend:
          internal: true
          ipam:
            driver: dhcp
            options:
              foo: bar
            config:
              - subnet: 10.10.0.0/24
                ip_range: 10.10.0.128/25
                aux_addresses:
                  router: 10.10.0.2
        plain:
    `,
    asWindows: ['aux-addresses', 'internal-network', 'ip-range', 'ipam-driver', 'ipam-options', 'static-ip-outside-subnet', 'static-ip-without-subnet'],
  },
  {
    name: 'ports with host IPs, ranges and sctp; dns_opt, extra_hosts, links, host.docker.internal',
    yaml: yaml`
      services:
        app:
          image: node:20
          ports:
            - "127.0.0.1:3000:3000"
            - "[::1]:3001:3001"
            - "8000-8010:80"
            - "3868:3868/sctp"
          dns_opt: [ndots:2]
          extra_hosts: ["db.local:10.0.0.5"]
          links: [db]
          environment:
            API: http://host.docker.internal:5000
        db:
          image: postgres:16
    `,
    asWindows: ['dns-opt', 'extra-hosts', 'host-docker-internal', 'links', 'nat-network-per-project', 'port-host-ip', 'port-protocol', 'port-range'],
  },
];

const WINDOWS_RULES = new Set(COMPOSE_RULES.filter((r) => r.meta.target === 'windows').map((r) => r.meta.id));

describe('Linux compose files get no Windows findings', () => {
  for (const c of cases) {
    it(c.name, () => {
      const doc = parseDocument('docker-compose.yml', c.yaml);
      assert.deepEqual(doc.errors, []);
      const linux = checkDocument(doc);
      assert.equal(linux.target?.target, 'linux');
      assert.equal(linux.target?.evidence, undefined);
      assert.deepEqual(
        linux.findings.map((f) => f.rule),
        [],
      );
      const windows = checkDocument(doc, { target: 'windows' });
      assert.deepEqual([...new Set(windows.findings.map((f) => f.rule))].sort(), c.asWindows);
      assert.ok(c.asWindows.every((id) => WINDOWS_RULES.has(id)));
    });
  }
  it('Windows findings on a Linux file carry no "checks this file as Windows" note when the target is forced', () => {
    const doc = parseDocument('docker-compose.yml', 'services:\n  app:\n    image: nginx\n    network_mode: host\n');
    const [finding] = checkDocument(doc, { target: 'windows' }).findings;
    assert.equal(finding.rule, 'network-mode-host');
    assert.deepEqual(finding.related, []);
  });
});
