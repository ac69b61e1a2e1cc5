/**
 * Hover and completion from the schemas, table-tested. `|` marks the cursor in each text and is removed before
 * parsing. Hovers are checked for their range and for lines they must contain; completions for their labels (in
 * order), the text they insert and what they replace.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import type { WindowsVersion } from '../knowledge/versions';
import { hnsCompletions } from './hns-complete';
import { hnsHover } from './hns-hover';

function at(source: string): { text: string; offset: number } {
  return { text: source.replace('|', ''), offset: source.indexOf('|') };
}

const SV = '"SchemaVersion": { "Major": 2, "Minor": 0 }';

describe('hnsHover', () => {
  const cases: { name: string; file?: string; source: string; version?: WindowsVersion; range: string; contains: string[] }[] = [
    {
      name: 'a key: description, type, allowed values',
      source: `{ ${SV}, "Ty|pe": "L2Bridge" }`,
      range: '"Type"',
      contains: [
        '**`Type`** — NetworkMode: a name (any case) or an integer',
        'Network type. Omitted: NAT.',
        '- `L2Bridge`: External vSwitch with MAC rewriting; dual-stack capable.',
        '- `Mirrored` — schema 2.4+: Flow Steering Engine (WSL mirrored networking).',
      ],
    },
    {
      name: 'a network Type value: capability facts for the target version',
      source: `{ ${SV}, "Type": "l2b|ridge" }`,
      version: 'ltsc2019',
      range: '"l2bridge"',
      contains: [
        '**L2Bridge**: External vSwitch;',
        '- External adapter: yes (name it, or HNS binds the first unbound one)',
        '- IPv6 on Windows Server 2019 / Windows 10 1809: disputed: IPv6 (dual-stack) on L2Bridge is documented from Windows Server 2022',
      ],
    },
    {
      name: 'a v1 network Type value',
      source: '{ "Name": "n", "Type": "Over|lay", "Subnets": [] }',
      range: '"Overlay"',
      contains: ['**Overlay**: VXLAN overlay across hosts', '- Every subnet needs a VSID policy (4096 or more).'],
    },
    {
      name: 'a v2 policy Type: where it goes and whether the version has it',
      source: `{ ${SV}, "HostComputeNetwork": "x", "Policies": [{ "Type": "L4WF|PPROXY", "Settings": {} }] }`,
      version: 'ltsc2019',
      range: '"L4WFPPROXY"',
      contains: [
        '**`L4WFPPROXY` policy**',
        'Valid in: endpoint policies.',
        'New in HCN schema 2.5 (Windows Server 2019 / Windows 10 1809: no).',
        'Needs HNS ≥ 13.2 (L4WFPPROXY policies); Windows Server 2019 / Windows 10 1809: no.',
      ],
    },
    {
      name: 'a subnet policy Type',
      source: `{ ${SV}, "Type": "Overlay", "Ipams": [{ "Subnets": [{ "Policies": [{ "Type": "VS|ID", "Settings": { "IsolationId": 4096 } }] }] }] }`,
      range: '"VSID"',
      contains: ['**`VSID` policy**', 'Valid in: subnet policies.', 'At most one per object.'],
    },
    {
      name: 'a setting chosen by the policy Type',
      source: `{ ${SV}, "Type": "Overlay", "Policies": [{ "Type": "VxlanPort", "Settings": { "Po|rt": 4789 } }] }`,
      range: '"Port"',
      contains: ['**`Port`** — integer 0–65535', 'UDP port, 1–65535.'],
    },
    {
      name: 'a flags value: its bits, set ones marked',
      source: `{ ${SV}, "HostComputeNetwork": "x", "Flags": 1|7 }`,
      range: '17',
      contains: [
        '**`Flags`** — EndpointFlags: an integer bit mask',
        '- **set** `1` RemoteEndpoint:',
        '- **set** `16` OverrideDNSServerOrder:',
        '- `2` DisableInterComputeCommunication:',
      ],
    },
    {
      name: 'an enum value',
      source: `{ ${SV}, "HostComputeEndpoints": [], "PortMappings": [{ "DistributionType": "Source|IP" }] }`,
      range: '"SourceIP"',
      contains: ['`SourceIP` = 2: Source IP (session affinity).'],
    },
    {
      name: 'a read-only v1 output field',
      source: '{ "Name": "nat", "Type": "NAT", "NatN|ame": "x" }',
      range: '"NatName"',
      contains: ['WinNAT instance name (HNS output). (read-only: HNS reports it and ignores it on input)'],
    },
    {
      name: 'a CNI plugin type: the HNS network it makes',
      file: 'x.conf',
      source: '{ "cniVersion": "0.2.0", "name": "n", "type": "sdnov|erlay" }',
      range: '"sdnoverlay"',
      contains: ['CNI plugin `sdnoverlay` puts containers on an HNS network of this type.', '**Overlay**: VXLAN overlay across hosts'],
    },
    {
      name: "a setting of a v2 policy Calico writes flat (SDNROUTE): the v2 Settings' description",
      file: 'cni.conf',
      source:
        '{ "cniVersion": "0.3.1", "name": "Calico", "type": "calico", "mode": "vxlan", "policies": [{ "Name": "EndpointPolicy", "Value": { "Type": "SDNROUTE", "Destination|Prefix": "10.96.0.0/12", "NeedEncap": true } }] }',
      range: '"DestinationPrefix"',
      contains: ['Destination prefix.'],
    },
    {
      name: 'a CNI embedded policy setting',
      file: 'x.conf',
      source:
        '{ "cniVersion": "0.2.0", "name": "n", "type": "win-bridge", "policies": [{ "name": "EndpointPolicy", "value": { "Type": "OutBoundNAT", "Exception|List": [] } }] }',
      range: '"ExceptionList"',
      contains: ['**`ExceptionList`** — array of strings', 'Destinations that are not NATed (v2 calls this `Exceptions`).'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { text, offset } = at(c.source);
      const hover = hnsHover(parseDocument(c.file ?? 'doc.json', text), offset, { windowsVersion: c.version });
      assert.ok(hover, 'no hover');
      assert.equal(text.slice(hover.span.start, hover.span.end), c.range);
      for (const line of c.contains) assert.ok(hover.markdown.includes(line), `missing: ${line}\n---\n${hover.markdown}`);
    });
  }

  const none: { name: string; file?: string; source: string }[] = [
    { name: 'CNI plugin keys are not HNS', file: 'x.conf', source: '{ "cniVersion": "0.2.0", "na|me": "n", "type": "sdnbridge" }' },
    { name: 'an unknown key', source: `{ ${SV}, "Type": "NAT", "Bog|us": 1 }` },
    { name: 'not an HNS document', file: 'x.json', source: '{ "a|": 1 }' },
  ];
  for (const c of none) {
    it(`nothing: ${c.name}`, () => {
      const { text, offset } = at(c.source);
      assert.equal(hnsHover(parseDocument(c.file ?? 'doc.json', text), offset), undefined);
    });
  }
});

describe('hnsCompletions', () => {
  const cases: { name: string; file?: string; source: string; labels: string[]; first?: { insertText?: string; replaced: string } }[] = [
    {
      name: 'property names valid in a v2 network, not yet written, read-only fields left out',
      source: `{ ${SV}, "Type": "Overlay", "Na| }`,
      labels: ['ID', 'Owner', 'Name', 'AdditionalParams', 'Policies', 'MacPool', 'Dns', 'Ipams', 'Flags', 'IPv6'],
      first: { insertText: 'ID": "$1"', replaced: 'Na' },
    },
    {
      name: 'property names at an empty spot: the whole quoted key is inserted',
      source: '{ "VirtualNetwork": "x", "IPAddress": "10.0.0.5", | }',
      labels: [
        'ID',
        'Name',
        'VirtualNetworkName',
        'Policies',
        'MacAddress',
        'IPv6Address',
        'DNSSuffix',
        'DNSServerList',
        'DNSDomain',
        'GatewayAddress',
        'GatewayAddressV6',
        'EnableInternalDNS',
        'DisableICC',
        'PrefixLength',
        'IPv6PrefixLength',
        'IsRemoteEndpoint',
        'EnableLowMetric',
        'Namespace',
        'EncapOverhead',
        'SharedContainers',
      ],
      first: { insertText: '"ID": "$1"', replaced: '' },
    },
    {
      name: 'settings of the policy Type',
      source: `{ ${SV}, "Type": "Overlay", "Policies": [{ "Type": "RemoteSubnetRoute", "Settings": { "IsolationId": 4096, | } }] }`,
      labels: ['DestinationPrefix', 'ProviderAddress', 'DistributedRouterMacAddress'],
    },
    {
      name: 'enum values for a value, typed prefix replaced after the quote',
      source: `{ ${SV}, "Type": "L2|" }`,
      labels: ['NAT', 'ICS', 'Transparent', 'L2Bridge', 'L2Tunnel', 'Overlay', 'Private', 'Internal', 'Mirrored', 'Infiniband', 'ConstrainedICS'],
      first: { insertText: 'NAT"', replaced: 'L2"' },
    },
    {
      name: 'policy types valid in an endpoint list',
      source: `{ ${SV}, "HostComputeNetwork": "x", "Policies": [{ "Type": | }] }`,
      labels: [
        'PortMapping',
        'ACL',
        'QOS',
        'L2Driver',
        'OutBoundNAT',
        'SDNRoute',
        'L4Proxy',
        'L4WFPPROXY',
        'ProviderAddress',
        'PortName',
        'EncapOverhead',
        'InterfaceConstraint',
        'Encryption',
        'VLAN',
        'InterfaceParameters',
        'Iov',
        'TierAcl',
      ],
      first: { insertText: '"PortMapping"', replaced: '' },
    },
    {
      name: 'subnet policy types',
      source: `{ ${SV}, "Type": "Overlay", "Ipams": [{ "Subnets": [{ "Policies": [{ "Type": "|" }] }] }] }`,
      labels: ['VLAN', 'VSID'],
    },
    {
      name: 'a whole policy with its Settings in a v2 network Policies array',
      source: `{ ${SV}, "Type": "Overlay", "Policies": [ | ] }`,
      labels: [
        'SourceMacAddress policy',
        'NetAdapterName policy',
        'InterfaceConstraint policy',
        'VSwitchExtension policy',
        'ProviderAddress policy',
        'DrMacAddress policy',
        'AutomaticDNS policy',
        'RemoteSubnetRoute policy',
        'VxlanPort policy',
        'HostRoute policy',
        'SetPolicy policy',
        'L4Proxy policy',
        'LayerConstraint policy',
        'NetworkACL policy',
        'NeighborDiscovery policy',
      ],
      first: { insertText: '{ "Type": "SourceMacAddress", "Settings": { "SourceMacAddress": "${1}" } }', replaced: '' },
    },
    {
      name: 'a flat v1 policy in a v1 endpoint',
      source: '{ "VirtualNetwork": "x", "Policies": [ | ] }',
      labels: [
        'NAT policy',
        'ACL policy',
        'PA policy',
        'VLAN policy',
        'VSID policy',
        'VNET policy',
        'L2Driver policy',
        'Isolation policy',
        'QOS policy',
        'OutBoundNAT policy',
        'ELB policy',
        'ROUTE policy',
        'PROXY policy',
      ],
      first: { insertText: '{ "Type": "NAT", "Protocol": "${1|TCP,UDP|}", "InternalPort": ${2:80}, "ExternalPort": ${3:80} }', replaced: '' },
    },
    { name: 'flag bits for a flags value', source: `{ ${SV}, "HostComputeNetwork": "x", "Flags": | }`, labels: ['0', '1', '2', '4', '8', '16', '32'] },
    {
      name: 'booleans',
      source: `{ ${SV}, "Type": "Overlay", "Policies": [{ "Type": "AutomaticDNS", "Settings": { "Enable": | } }] }`,
      labels: ['true', 'false'],
    },
    {
      name: 'a CNI embedded v2 policy',
      file: 'x.conf',
      source:
        '{ "cniVersion": "0.2.0", "name": "n", "type": "sdnbridge", "AdditionalArgs": [{ "Name": "EndpointPolicy", "Value": { "Type": "OutBoundNAT", "Settings": { | } } }] }',
      labels: ['VirtualIP', 'Exceptions', 'Destinations', 'Flags', 'MaxPortPoolUsage'],
    },
    { name: 'nothing in CNI plugin keys', file: 'x.conf', source: '{ "cniVersion": "0.2.0", "name": "n", "type": "sdnbridge", | }', labels: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { text, offset } = at(c.source);
      const items = hnsCompletions(parseDocument(c.file ?? 'doc.json', text), offset);
      assert.deepEqual(
        items.map((i) => i.label),
        c.labels,
      );
      if (c.first) {
        assert.equal(items[0].insertText, c.first.insertText);
        assert.equal(text.slice(items[0].replace.start, items[0].replace.end), c.first.replaced);
      }
    });
  }

  it('survives any cursor position in every fixture shape without throwing', () => {
    const text = `[{ ${SV}, "Type": "Overlay", "Policies": [{ "Type": "VxlanPort", "Settings": { "Port": 4789 } }] }, { "HostComputeNetwork": "x", "Flags": 1 }]`;
    const doc = parseDocument('doc.json', text);
    for (let offset = 0; offset <= text.length; offset++) {
      assert.doesNotThrow(() => hnsCompletions(doc, offset));
      assert.doesNotThrow(() => hnsHover(doc, offset));
    }
  });
});
