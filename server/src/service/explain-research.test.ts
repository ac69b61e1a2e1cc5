/**
 * The twenty messages users report most about Windows container networking (shared research,
 * anchors-and-user-pains-2026-12.md, section 4), as they would paste or describe them, each with the causes
 * `winnet explain` must give first (within TIE of the best score, as equally likely): rules by id, causes without a
 * rule (knowledge/error-causes.ts) by id.
 *
 * Every expected rule quotes its errors or symptoms (RuleMeta.errors, .symptoms), so every case is checked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CAUSES } from '../knowledge/error-causes';
import { explainError, TIE } from './explain';

interface ResearchCase {
  n: number;
  what: string;
  /** What users paste or type, with the ids, names and numbers of a real run. */
  messages: string[];
  /** Each must share first place. */
  first: string[];
}

const CASES: ResearchCase[] = [
  {
    n: 1,
    what: 'a Linux driver on a Windows daemon',
    messages: [
      'failed to create network myapp_default: Error response from daemon: could not find plugin bridge in v1 plugin registry: plugin not found',
      'Error response from daemon: could not find plugin macvlan in v1 plugin registry: plugin not found',
    ],
    first: ['linux-driver'],
  },
  {
    n: 2,
    what: 'a second NAT network, or a leftover WinNAT',
    messages: [
      'Creating network "myapp_default" with the default driver\nERROR: HNS failed with error : The parameter is incorrect.',
      'failed to create network myapp_default: Error response from daemon: HNS failed with error : The parameter is incorrect.',
    ],
    first: ['nat-network-per-project', 'winnat-leftover'],
  },
  {
    n: 3,
    what: 'an overlapping subnet, or a network that already exists on the host',
    messages: [
      'Error response from daemon: HNS failed with error : The object already exists.',
      'plugin type="nat" name="nat" failed (add): hcnCreateNetwork failed in Win32: The object already exists. (0x1392) {"Success":false,"Error":"The object already exists."}',
    ],
    first: ['subnet-overlap', 'hns-network-exists'],
  },
  {
    n: 4,
    what: 'a port conflict, reported as a file in use',
    messages: [
      'Error response from daemon: failed to create endpoint myapp-web-1 on network nat: HNS failed with error : The process cannot access the file because it is being used by another process. (0x20)',
      'ERROR: for web  Cannot start service web: failed to create endpoint web_1 on network nat: HNS failed with error : The process cannot access the file because it is being used by another process.',
    ],
    first: ['duplicate-host-port', 'host-port-in-use'],
  },
  {
    n: 5,
    what: 'a port in a range Windows reserved',
    messages: [
      'Error response from daemon: Ports are not available: exposing port TCP 0.0.0.0:5005 -> 0.0.0.0:0: listen tcp 0.0.0.0:5005: bind: An attempt was made to access a socket in a way forbidden by its access permissions.',
      'Ports are not available: listen tcp 0.0.0.0:50123: bind: An attempt was made to access a socket in a way forbidden by its access permissions.',
    ],
    first: ['ephemeral-host-port', 'excluded-port-range'],
  },
  {
    n: 6,
    what: 'no loopback to published ports on older hosts',
    messages: ['cannot reach localhost:8080 from the host', 'the site works from other machines but http://localhost:8080 does not respond on the host'],
    first: ['nat-loopback'],
  },
  {
    n: 7,
    what: 'a service name that does not resolve',
    messages: [
      'Ping request could not find host db. Please check the name and try again.',
      'C:\\> ping api\nPing request could not find host api. Please check the name and try again.',
    ],
    first: ['service-name-resolution'],
  },
  {
    n: 8,
    what: 'a network gone after a reboot',
    messages: [
      'Error response from daemon: network 0c4b9f5e7d2a3c1b8e6f4a2d9c7b5e3f1a8d6c4b2e0f9a7c5e3d1b8f6a4c2e0d not found',
      'Error response from daemon: failed to set up container networking: network 3c7d1e2f9a8b not found',
    ],
    first: ['nat-network-per-project'],
  },
  {
    n: 9,
    what: 'HNS hangs with several NAT networks',
    messages: ['the third container hangs and HNS is at 25% CPU', 'docker compose up hangs on the third container while HNS uses 30% CPU'],
    first: ['nat-network-per-project'],
  },
  {
    n: 10,
    what: 'enable_ipv6 on Windows',
    messages: [
      "Error response from daemon: this request is not supported by the 'windows' ipam driver",
      "failed to create network myapp_v6: Error response from daemon: windowsshim driver doesn't support v6 subnets",
    ],
    first: ['enable-ipv6'],
  },
  {
    n: 11,
    what: 'a host IP on a published port',
    messages: ['Error response from daemon: Windows does not support host IP addresses in NAT settings'],
    first: ['port-host-ip'],
  },
  {
    n: 12,
    what: 'network_mode: host',
    messages: ['Error response from daemon: network host not found', 'Cannot start service web: network host not found'],
    first: ['network-mode-host'],
  },
  {
    n: 13,
    what: 'a Windows driver on a Linux daemon',
    messages: [
      'Error response from daemon: plugin "nat" not found',
      'failed to create network myapp_lan: Error response from daemon: plugin "transparent" not found',
    ],
    first: ['windows-driver-on-linux'],
  },
  {
    n: 14,
    what: 'a driver name in the wrong case',
    messages: [
      'failed to create network myapp_default: Error response from daemon: could not find plugin NAT in v1 plugin registry: plugin not found',
      'Creating network "myapp_default" with driver "NAT"\nERROR: plugin not found',
    ],
    first: ['driver-name-case'],
  },
  {
    n: 15,
    what: 'a swarm stack joining the local nat network',
    messages: [
      'failed to create service myapp_web: Error response from daemon: could not find the corresponding predefined swarm network: network nat not found',
    ],
    first: ['stack-local-network'],
  },
  {
    n: 16,
    what: 'l2bridge without outbound NAT',
    messages: ['containers on the l2bridge network have no internet access'],
    first: ['l2bridge-outboundnat'],
  },
  {
    n: 17,
    what: 'a transparent network where the host cannot carry it',
    messages: ['containers on the transparent network get no IP address from DHCP on an Azure VM'],
    first: ['transparent-host-requirements'],
  },
  {
    n: 18,
    what: 'a service on several networks, each with a default route',
    messages: ['outbound traffic from the container leaves through the wrong network'],
    first: ['ports-on-several-networks'],
  },
  {
    n: 19,
    what: 'a proxy in the environment of a Windows container',
    messages: ['HTTP_PROXY is ignored in the Windows container', 'the proxy does not work in Windows containers'],
    first: ['proxy-environment'],
  },
  {
    n: 20,
    what: 'a VPN client on the host',
    messages: ['Windows container loses network when the host VPN connects', 'containers have no internet while the VPN is connected'],
    first: ['vpn-client'],
  },
];

const CAUSE_IDS = new Set(ERROR_CAUSES.map((c) => c.id));

describe('explain: the twenty messages users report most (research 2026-12, section 4)', () => {
  it('the table has the twenty cases, and its causes without a rule exist', () => {
    assert.deepEqual(
      CASES.map((c) => c.n),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    for (const id of CASES.flatMap((c) => c.first)) assert.ok(CAUSE_IDS.has(id) || /^[a-z0-9-]+$/.test(id), id);
  });

  for (const c of CASES) {
    for (const [index, message] of c.messages.entries()) {
      it(`#${c.n} ${c.what} (${index + 1}): ${c.first.join(' + ')}`, () => {
        const { matches } = explainError(message);
        const first = matches.filter((m) => m.score >= (matches[0]?.score ?? 0) - TIE).map((m) => m.id);
        for (const id of c.first)
          assert.ok(first.includes(id), `${id} first for ${JSON.stringify(message)}; got ${JSON.stringify(matches.map((m) => [m.id, m.score]))}`);
      });
    }
  }
});
