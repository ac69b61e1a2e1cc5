/**
 * hns-schema: valid and invalid documents for every HNS object and every policy type. Findings are compared as
 * `line:column text | severity | message` (the exact range and wording), and nothing else may be reported.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from '../../documents/document';
import { checkDocument } from '../../engine/check';
import { V1_POLICIES } from '../../knowledge/hns-v1-objects';
import { V2_SUBNET_POLICIES, v2PoliciesAt } from '../../knowledge/hns-v2-policies';
import { hnsSchemaRule } from './schema';

function findings(path: string, text: string): string[] {
  const result = checkDocument(parseDocument(path, text), { ruleSet: [hnsSchemaRule] });
  assert.deepEqual(result.ruleErrors, []);
  return result.findings.map(
    (f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${text.slice(f.span.start, f.span.end)} | ${f.severity} | ${f.message}`,
  );
}

const GUID = '7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C';
const fixtures = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'hns');

describe('hns-schema: the good fixtures pass', () => {
  for (const file of readdirSync(fixtures)) {
    it(file, () => assert.deepEqual(findings(file, readFileSync(join(fixtures, file), 'utf8')), []));
  }
});

/** A valid Settings (v2) or field set (v1) for every policy type winnet knows. */
const V1_SAMPLES: Record<string, Record<string, unknown>> = {
  NAT: { Protocol: 'UDP', InternalPort: 53, ExternalPort: 53 },
  ACL: { Action: 'Block', Direction: 'Out', RemoteAddresses: '10.0.0.1', Protocol: 6 },
  PA: { PA: '10.0.0.4' },
  VLAN: { VLAN: 11 },
  VSID: { VSID: 4096 },
  VNET: {},
  L2Driver: {},
  Isolation: { VLAN: 5, InDefaultIsolation: false },
  QOS: { MaximumOutgoingBandwidthInBytes: 1000 },
  OutBoundNAT: { VIP: '10.0.0.4', ExceptionList: ['10.0.0.0/8'] },
  ELB: { Protocol: 6, InternalPort: 80, ExternalPort: 80, VIPs: ['10.96.0.1'], ILB: false },
  ROUTE: { DestinationPrefix: '10.0.0.0/8', NeedEncap: true },
  PROXY: { IP: '10.0.0.9', Port: '8080', ExceptionList: ['10.0.0.0/8'] },
};

const acl = { Action: 'Allow', Direction: 'In', RuleType: 'Host', Protocols: '6,17', LocalPorts: '80', RemoteAddresses: '10.0.0.0/8', Priority: 100, Id: 'r1' };
const V2_SAMPLES: Record<string, Record<string, unknown>> = {
  SourceMacAddress: { SourceMacAddress: '00-15-5D-00-00-01' },
  NetAdapterName: { NetworkAdapterName: 'Ethernet 2' },
  InterfaceConstraint: { InterfaceAlias: 'Ethernet', InterfaceIndex: 4 },
  VSwitchExtension: { ExtensionID: GUID, Enable: true },
  ProviderAddress: { ProviderAddress: '10.0.0.4' },
  DrMacAddress: { Address: '00-15-5D-00-00-02' },
  AutomaticDNS: { Enable: true },
  RemoteSubnetRoute: { DestinationPrefix: '10.244.2.0/24', IsolationId: 4097, ProviderAddress: '10.0.0.5', DistributedRouterMacAddress: '00-15-5D-00-00-03' },
  VxlanPort: { Port: 4789 },
  HostRoute: {},
  SetPolicy: { Id: 'set1', Name: 'set1', PolicyType: 'IPSET', Values: '10.0.0.1,10.0.0.2' },
  L4Proxy: { IP: '10.0.0.9', Port: '15001', Protocol: 6, ExceptionList: ['10.0.0.0/8'], Exceptions: ['10.1.0.0/16'], OutboundNat: true },
  LayerConstraint: { LayerId: GUID },
  NetworkACL: acl,
  NeighborDiscovery: { TargetIpPrefix: '10.0.0.0/24' },
  PortMapping: { Protocol: 'TCP', InternalPort: 80, ExternalPort: 8080, VIP: '10.0.0.4', Flags: 1 },
  ACL: acl,
  QOS: { MaximumOutgoingBandwidthInBytes: 1000000 },
  L2Driver: {},
  OutBoundNAT: { VirtualIP: '10.0.0.4', Exceptions: ['10.0.0.0/8'], Destinations: ['10.1.0.0/16'], Flags: 0, MaxPortPoolUsage: 100 },
  SDNRoute: { DestinationPrefix: '10.96.0.0/12', NextHop: '10.0.0.1', NeedEncap: true },
  L4WFPPROXY: { InboundProxyPort: '15001', OutboundProxyPort: '15002', FilterTuple: { Protocols: '6', RemotePorts: '80' }, UserSID: 'S-1-5-18' },
  PortName: { Name: 'port0' },
  EncapOverhead: { Overhead: 50 },
  Encryption: { EncryptionMethodType: 'Ipsec', AuthenticationMethods: [{ Type: 'PresharedKey', Settings: { Key: 'k' } }], Endpoints1: ['10.0.0.1'] },
  VLAN: { IsolationId: 7 },
  InterfaceParameters: { Mtu: 1450 },
  Iov: { IovOffloadWeight: 100, QueuePairsRequested: 1, InterruptModeration: 'IovInterruptModerationAdaptive' },
  TierAcl: { Name: 'tier1', Direction: 'In', Order: 1, TierAclRules: [{ Id: 'r1', Protocols: '6', TierAclRuleAction: 'Pass', Priority: 1 }] },
  VSID: { IsolationId: 4096 },
};

/** A document carrying one policy at `location`, and the pointer of that policy. */
function v2Doc(location: 'network' | 'endpoint' | 'subnet', policy: unknown): string {
  const SchemaVersion = { Major: 2, Minor: 0 };
  if (location === 'network') return JSON.stringify({ SchemaVersion, Name: 'n', Type: 'Overlay', Policies: [policy] }, null, 1);
  if (location === 'endpoint') return JSON.stringify({ SchemaVersion, HostComputeNetwork: GUID, Policies: [policy] }, null, 1);
  return JSON.stringify(
    { SchemaVersion, Name: 'n', Type: 'Overlay', Ipams: [{ Type: 'Static', Subnets: [{ IpAddressPrefix: '10.0.0.0/24', Policies: [policy] }] }] },
    null,
    1,
  );
}
const v1Doc = (policy: unknown) => JSON.stringify({ VirtualNetwork: GUID, Policies: [policy] }, null, 1);

describe('hns-schema: every policy type, valid and invalid', () => {
  it('has a sample for every policy type in the knowledge tables', () => {
    const all = [...V1_POLICIES, ...v2PoliciesAt('network'), ...v2PoliciesAt('endpoint'), ...V2_SUBNET_POLICIES].map((p) => p.type);
    assert.deepEqual(
      all.filter((t) => !(t in V1_SAMPLES) && !(t in V2_SAMPLES)),
      [],
    );
  });

  for (const p of V1_POLICIES) {
    const sample = V1_SAMPLES[p.type];
    it(`v1 ${p.type}: valid, in any case`, () => {
      assert.deepEqual(findings('ep.json', v1Doc({ Type: p.type, ...sample })), []);
      assert.deepEqual(findings('ep.json', v1Doc({ Type: p.type.toLowerCase(), ...sample })), []);
    });
    if (!p.open) {
      it(`v1 ${p.type}: an unknown field is a warning at its key`, () => {
        const out = findings('ep.json', v1Doc({ Type: p.type, ...sample, Bogus: 1 }));
        assert.deepEqual(
          out.map((l) => l.replace(/^\d+:\d+ /, '')),
          ['"Bogus" | warning | `Bogus` is not an HNS field here; HNS does not read it.'],
        );
      });
    }
    const first = Object.keys(sample)[0];
    if (first) {
      it(`v1 ${p.type}: a wrong type is an error at the value`, () => {
        const out = findings('ep.json', v1Doc({ Type: p.type, ...sample, [first]: { x: 1 } }));
        assert.equal(out.length, 1, out.join('\n'));
        assert.match(out[0], new RegExp(`^\\d+:\\d+ "${first}" \\| error \\| \`${first}\`: expected .*, got an object$`));
      });
    }
  }

  for (const location of ['network', 'endpoint', 'subnet'] as const) {
    const policies = location === 'subnet' ? V2_SUBNET_POLICIES : v2PoliciesAt(location);
    for (const p of policies) {
      const sample = V2_SAMPLES[p.type];
      it(`v2 ${location} ${p.type}: valid, Type in any case`, () => {
        assert.deepEqual(findings('x.json', v2Doc(location, { Type: p.type, Settings: sample })), []);
        assert.deepEqual(findings('x.json', v2Doc(location, { Type: p.type.toUpperCase(), Settings: sample })), []);
      });
      if (!p.open) {
        it(`v2 ${location} ${p.type}: an unknown setting is a warning at its key`, () => {
          const out = findings('x.json', v2Doc(location, { Type: p.type, Settings: { ...sample, Bogus: 1 } }));
          assert.deepEqual(
            out.map((l) => l.replace(/^\d+:\d+ /, '')),
            ['"Bogus" | warning | `Bogus` is not an HNS field here; HNS does not read it.'],
          );
        });
      }
      const first = Object.keys(sample)[0];
      if (first) {
        it(`v2 ${location} ${p.type}: a wrong type is an error, at the key when the value spans lines`, () => {
          const out = findings('x.json', v2Doc(location, { Type: p.type, Settings: { ...sample, [first]: { x: 1 } } }));
          assert.equal(out.length, 1, out.join('\n'));
          assert.match(out[0], new RegExp(`^\\d+:\\d+ "${first}" \\| error \\| \`${first}\`: expected .*, got an object$`));
        });
      }
    }
  }
});

const cases: { name: string; file: string; text: string; expect: string[] }[] = [
  {
    name: 'v1 network: type, enum and GUID errors, unknown keys',
    file: 'net.json',
    text: '{ "ID": "abc", "Name": "lan", "Type": "Transparnet", "DNSServerList": 10, "Subnets": [{ "AddressPrefix": "10.0.0.0/24", "GatewayAddres": "10.0.0.1" }] }',
    expect: [
      '1:9 "abc" | error | `ID`: `abc` is not a GUID (8-4-4-4-12 hexadecimal digits)',
      '1:39 "Transparnet" | error | `Type`: `Transparnet` is not a valid value (did you mean `Transparent`?): expected one of NAT, ICS, Transparent, L2Bridge, L2Tunnel, Overlay, Private, Internal, Layered (any case) or an integer 0–255',
      '1:71 10 | error | `DNSServerList`: expected a string, got an integer: quote it',
      '1:121 "GatewayAddres" | warning | `GatewayAddres` is not an HNS field here: did you mean `GatewayAddress`? HNS does not read it.',
    ],
  },
  {
    name: 'v1 endpoint: missing VirtualNetwork at the opening brace, number IP',
    file: 'ep.json',
    text: '{ "Name": "web", "IPAddress": 10, "Policies": [{ "Type": "NAT", "Protocol": "SCTP", "InternalPort": 70000 }] }',
    expect: [
      '1:1 { | error | missing required `VirtualNetwork`',
      '1:31 10 | error | `IPAddress`: expected a string, got an integer: quote it',
      '1:77 "SCTP" | error | `Protocol`: `SCTP` is not a valid value: expected one of TCP, UDP (any case) or an integer 0–255',
      '1:101 70000 | error | `InternalPort`: 70000 is too large: the maximum is 65535 (a 16-bit value)',
    ],
  },
  {
    name: 'v1 policy list: References is a list of endpoint paths',
    file: 'pl.json',
    text: '{ "References": "/endpoints/7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Policies": [{ "Type": "ELB", "InternalPort": 80, "VIPs": "10.0.0.1" }] }',
    expect: [
      '1:17 "/endpoints/7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C" | error | `References`: expected an array, got a string',
      '1:126 "10.0.0.1" | error | `VIPs`: expected an array, got a string',
    ],
  },
  {
    name: 'v2 network: flags as a numeric string, unknown IPAM type, negative metric, an IPv6 flag',
    file: 'net.json',
    text: '{ "Name": "n", "Type": "l2bridge", "IPv6": true, "Flags": "8", "Ipams": [{ "Type": "Dhcpp", "Subnets": [{ "IpAddressPrefix": "10.0.0.0/24", "Routes": [{ "DestinationPrefix": "0.0.0.0/0", "NextHop": "10.0.0.1", "Metric": -1 }] }] }] }',
    expect: [
      '1:59 "8" | error | `Flags`: expected an integer bit mask (as clients send it) or a flag name, got `8`: remove the quotes',
      '1:84 "Dhcpp" | error | `Type`: `Dhcpp` is not a valid value (did you mean `Dhcp`?): expected one of Static, Dhcp (any case) or an integer 0–255',
      '1:221 -1 | error | `Metric`: -1 is too small: the minimum is 0',
    ],
  },
  {
    name: 'v2 network: flag names and integer types are accepted',
    file: 'net.json',
    text: '{ "Name": "n", "Type": 5, "Flags": "EnableNonPersistent" }',
    expect: [],
  },
  {
    name: 'v2 endpoint: 8-bit prefix length, MAC as a number, Settings missing for a policy that needs it',
    file: 'ep.json',
    text: '{ "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "MacAddress": 0, "IpConfigurations": [{ "IpAddress": "10.0.0.5", "PrefixLength": 300 }], "Policies": [{ "Type": "VLAN" }] }',
    expect: [
      '1:79 0 | error | `MacAddress`: expected a string, got an integer: quote it',
      '1:146 300 | error | `PrefixLength`: 300 is too large: the maximum is 255 (an 8-bit value)',
      '1:167 { | error | item 1 of `Policies`: missing required `Settings`',
    ],
  },
  {
    name: 'v2 namespace: resource type',
    file: 'ns.json',
    text: '{ "NamespaceId": 5, "Type": "HostDefault", "Resources": [{ "Type": "Endpoints", "Data": { "ID": "x" } }] }',
    expect: [
      '1:68 "Endpoints" | error | `Type`: `Endpoints` is not a valid value (did you mean `Endpoint`?): expected one of Container, Endpoint (any case) or an integer 0–255',
    ],
  },
  {
    name: 'v2 load balancer: port out of range, distribution out of range',
    file: 'lb.json',
    text: '{ "HostComputeEndpoints": ["7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C"], "FrontendVIPs": ["10.96.0.1"], "PortMappings": [{ "Protocol": "TCP", "InternalPort": 70000, "DistributionType": 3 }] }',
    expect: [
      '1:154 70000 | error | `InternalPort`: 70000 is too large: the maximum is 65535 (a 16-bit value)',
      '1:181 3 | error | `DistributionType`: 3 is out of range: expected one of None, SourceIPProtocol, SourceIP, or an integer 0–2',
    ],
  },
  {
    name: 'v2 route: both list spellings, a wrong boolean',
    file: 'route.json',
    text: '{ "HostComputeEndpoints": ["7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C"], "Routes": [{ "DestinationPrefix": "10.0.0.0/8", "NeedEncap": "yes" }], "Setting": [] }',
    expect: ['1:130 "yes" | error | `NeedEncap`: expected a boolean, got a string'],
  },
  {
    name: 'v2: a misplaced policy type is left to hns-policy-location; an unknown one is reported here',
    file: 'ep.json',
    text: '{ "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Policies": [{ "Type": "VxlanPort", "Settings": { "Port": 4789 } }, { "Type": "PortMaping", "Settings": {} }] }',
    expect: [
      '1:143 "PortMaping" | error | `Type`: `PortMaping` is not a valid value (did you mean `PortMapping`?): expected one of PortMapping, ACL, QOS, L2Driver, OutBoundNAT, SDNRoute, L4Proxy, L4WFPPROXY, ProviderAddress, PortName, EncapOverhead, InterfaceConstraint, Encryption, VLAN, InterfaceParameters, Iov, TierAcl (any case) or an integer 0–255',
    ],
  },
  {
    name: 'HCN scenario sample shape: VLAN IsolationId directly on the policy is not read',
    file: 'net.json',
    text: '{ "Name": "n", "Type": 0, "Ipams": [{ "Subnets": [{ "IpAddressPrefix": "10.0.0.0/24", "Policies": [{ "Type": "VLAN", "IsolationId": 7 }] }] }] }',
    expect: [
      '1:100 { | error | item 1 of `Policies`: missing required `Settings`',
      '1:118 "IsolationId" | warning | `IsolationId` is not an HNS field here; HNS does not read it.',
    ],
  },
  {
    name: 'CNI: embedded v1 and v2 policies are checked by their shape; placeholders are not',
    file: 'x.conflist',
    text: '{ "cniVersion": "0.3.0", "name": "n", "plugins": [{ "type": "azure-vnet", "AdditionalArgs": [{ "Name": "EndpointPolicy", "Value": { "Type": "OutBoundNAT", "ExceptionList": "10.0.0.0/8" } }, { "Name": "EndpointPolicy", "Value": { "Type": "SDNRoute", "Settings": { "NeedEncap": 1 } } }, { "Name": "EndpointPolicy", "Value": { "Type": "__ROUTE_TYPE__", "DestinationPrefix": "__CIDR__" } }] }] }',
    expect: [
      '1:173 "10.0.0.0/8" | error | `ExceptionList`: expected an array, got a string',
      '1:277 1 | error | `NeedEncap`: expected a boolean, got an integer',
    ],
  },
  {
    name: 'Calico: flat policies as its installer writes them (ROUTE for Docker, SDNROUTE for containerd) are read flat; a v1 field of the wrong type still is not',
    file: '10-calico.conf',
    text: '{ "cniVersion": "0.3.1", "name": "Calico", "type": "calico", "policies": [{ "Name": "EndpointPolicy", "Value": { "Type": "OutBoundNAT", "ExceptionList": "10.96.0.0/12" } }, { "Name": "EndpointPolicy", "Value": { "Type": "SDNROUTE", "DestinationPrefix": "10.96.0.0/12", "NeedEncap": true } }, { "Name": "EndpointPolicy", "Value": { "Type": "ROUTE", "DestinationPrefix": "10.96.0.0/12", "NeedEncap": true } }] }',
    expect: ['1:154 "10.96.0.0/12" | error | `ExceptionList`: expected an array, got a string'],
  },
  {
    name: "values cut by ConvertTo-Json (`@{...}`, `System.Object[]`) are hns-truncated-dump's, not type errors; other strings still are",
    file: 'nat.json',
    text: '{ "Name": "nat", "Type": "nat", "Subnets": ["@{AddressPrefix=172.29.144.0/20}", "10.0.0.0/24"], "Policies": [{ "Type": "OutBoundNAT", "ExceptionList": "System.Object[]" }] }',
    expect: ['1:81 "10.0.0.0/24" | error | item 2 of `Subnets`: expected an object, got a string'],
  },
];

describe('hns-schema: enum and flag tolerance (names in any case, integers, masks)', () => {
  const SV = '"SchemaVersion": { "Major": 2, "Minor": 0 }';
  const accepted: { name: string; file: string; text: string }[] = [
    {
      name: 'v1 types in Docker lower case and HNS spelling',
      file: 'n.json',
      text: '[{ "Name": "a", "Type": "l2bridge" }, { "Name": "b", "Type": "L2BRIDGE" }, { "Name": "c", "Type": "L2Bridge" }]',
    },
    { name: 'v2 network type as an integer (NAT = 0) and in upper case', file: 'n.json', text: `[{ ${SV}, "Type": 0 }, { ${SV}, "Type": "TRANSPARENT" }]` },
    {
      name: 'policy types in any case (hns.v2.psm1 sends INTERFACECONSTRAINT)',
      file: 'n.json',
      text: `{ ${SV}, "Type": "ICS", "Policies": [{ "Type": "INTERFACECONSTRAINT", "Settings": { "InterfaceIndex": 5 } }] }`,
    },
    {
      name: 'ACL enums in any case or as integers',
      file: 'e.json',
      text: `{ ${SV}, "HostComputeNetwork": "${GUID}", "Policies": [{ "Type": "ACL", "Settings": { "Action": "allow", "Direction": "OUT", "RuleType": 1 } }] }`,
    },
    {
      name: 'protocols by name (schema) or number (hcsshim)',
      file: 'e.json',
      text: `{ ${SV}, "HostComputeNetwork": "${GUID}", "Policies": [{ "Type": "PortMapping", "Settings": { "Protocol": "tcp", "InternalPort": 80 } }, { "Type": "PortMapping", "Settings": { "Protocol": 17, "InternalPort": 53 } }] }`,
    },
    {
      name: 'flags as integer masks (clients) or names (HNS-SCHEMA)',
      file: 'e.json',
      text: `[{ ${SV}, "HostComputeNetwork": "${GUID}", "Flags": 17 }, { ${SV}, "HostComputeNetwork": "${GUID}", "Flags": "RemoteEndpoint" }]`,
    },
    {
      name: 'SetPolicy PolicyType as a string (schema) or an integer (hns.v2.psm1)',
      file: 'n.json',
      text: `{ ${SV}, "Type": "Overlay", "Policies": [{ "Type": "SetPolicy", "Settings": { "PolicyType": "ipset" } }, { "Type": "SetPolicy", "Settings": { "PolicyType": 0 } }] }`,
    },
    {
      name: 'IPAM type and namespace type in any case',
      file: 'n.json',
      text: `[{ ${SV}, "Type": "NAT", "Ipams": [{ "Type": "STATIC" }] }, { ${SV}, "NamespaceId": 1, "Type": "hostdefault" }]`,
    },
  ];
  for (const c of accepted) it(c.name, () => assert.deepEqual(findings(c.file, c.text), []));
});

describe('hns-schema: invalid documents', () => {
  for (const c of cases) it(c.name, () => assert.deepEqual(findings(c.file, c.text), c.expect));
});
