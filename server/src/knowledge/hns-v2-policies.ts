/**
 * HCN v2 policies: `{"Type": <type>, "Settings": {...}}` on networks, endpoints and subnets (HNS-SCHEMA, hcsshim
 * / hnslib `hcnpolicy.go`, hns.v2.psm1). Where the schema and the clients spell a setting differently, both
 * spellings are listed.
 */
import { arr, bool, enumOf, flagsOf, int, obj, str, type Field, type PolicySpec } from './hns-model';

const aclSettings: Record<string, Field> = {
  Id: { type: str(), description: 'Rule ID, so the rule can be found and removed later (HNS ≥ 7.2).' },
  Action: { type: enumOf('ActionType'), description: 'Allow or Block (Pass from schema 2.10) matching traffic.' },
  Direction: { type: enumOf('DirectionType'), description: '`In` (to the endpoint) or `Out` (from it).' },
  RuleType: { type: enumOf('RuleType'), description: '`Host` programs a Windows Filtering Platform rule, `Switch` a VFP (vSwitch) rule.' },
  Protocols: {
    type: str('protocolList'),
    description: 'IANA protocol numbers, comma-separated: "6" TCP, "17" UDP, "1" ICMPv4, "58" ICMPv6, "2" IGMP. Empty: any.',
  },
  LocalAddresses: {
    type: str('addressList'),
    description: 'Comma-separated IP addresses or prefixes on the endpoint side. HNS accepts addresses only, not words like "Any".',
  },
  RemoteAddresses: { type: str('addressList'), description: 'Comma-separated IP addresses or prefixes on the far side.' },
  LocalPorts: { type: str('portList'), description: 'Comma-separated ports or `low-high` ranges (ranges need HNS ≥ 7.2).' },
  RemotePorts: { type: str('portList'), description: 'Comma-separated ports or `low-high` ranges on the far side.' },
  Priority: { type: int(16), description: 'Rule priority; lower numbers are evaluated first.' },
};

const interfaceConstraint: Record<string, Field> = {
  InterfaceGuid: { type: str('guid'), description: 'GUID of the host interface.' },
  InterfaceLuid: { type: int(64), description: 'LUID of the host interface.' },
  InterfaceIndex: { type: int(32), description: 'Index of the host interface.' },
  InterfaceMediaType: { type: int(32), description: 'NDIS media type of the host interface.' },
  InterfaceAlias: { type: str(), description: 'Alias (name) of the host interface, e.g. "Ethernet 2".' },
  InterfaceDescription: { type: str(), description: 'Description of the host interface.' },
};

const l4Proxy: Record<string, Field> = {
  IP: { type: str('ip'), description: 'Address of the proxy.' },
  Port: { type: str('port'), description: 'Port of the proxy, as a string.' },
  Protocol: { type: enumOf('ProtocolType'), description: 'Protocol to proxy.' },
  ExceptionList: { type: arr(str('cidrOrIp')), description: 'Destinations that bypass the proxy.', alias: 'Exceptions' },
  Exceptions: { type: arr(str('cidrOrIp')), description: 'Destinations that bypass the proxy (hcsshim spelling).', alias: 'ExceptionList' },
  Destination: { type: str(), description: 'Destination to proxy.' },
  OutboundNat: { type: bool, description: 'Apply outbound NAT to proxied traffic.', alias: 'OutboundNAT' },
  OutboundNAT: { type: bool, description: 'Apply outbound NAT to proxied traffic (hcsshim spelling).', alias: 'OutboundNat' },
};

const isolationId = (what: 'VLAN' | 'VSID'): Field =>
  what === 'VLAN'
    ? { type: int(32, 'vlan'), description: '802.1Q VLAN ID, 1–4094.' }
    : { type: int(32, 'vsid'), description: 'Virtual subnet ID (the VXLAN VNI). Windows cannot use 0–4095 (they overlap VLAN IDs); at most 16777215.' };

const V2_POLICIES: PolicySpec[] = [
  // Network policies (HNS-SCHEMA NetworkPolicyType)
  {
    type: 'SourceMacAddress',
    locations: ['network'],
    description: 'Source MAC address the network uses.',
    settings: { SourceMacAddress: { type: str('mac'), description: 'MAC address, `00-15-5D-00-00-00` form.' } },
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'NetAdapterName',
    locations: ['network'],
    description: 'Binds the network to a host adapter (external vSwitch).',
    settings: { NetworkAdapterName: { type: str(), description: 'Host adapter name, e.g. "Ethernet 2".' } },
    required: ['NetworkAdapterName'],
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'SDN-V2'],
  },
  {
    type: 'InterfaceConstraint',
    locations: ['network', 'endpoint'],
    description: 'Constrains the network or endpoint to a host interface.',
    settings: interfaceConstraint,
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'SDN-V2'],
  },
  {
    type: 'VSwitchExtension',
    locations: ['network'],
    description: 'Enables or disables a vSwitch extension.',
    settings: {
      ExtensionID: { type: str('guid'), description: 'GUID of the vSwitch extension.' },
      Enable: { type: bool, description: 'Enable the extension.' },
    },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'ProviderAddress',
    locations: ['network', 'endpoint'],
    description: 'Provider address (PA): the host address overlay traffic is encapsulated with. On an endpoint it maps to a VNET policy with the PA.',
    settings: { ProviderAddress: { type: str('ip'), description: 'Host (provider) IP address.' } },
    required: ['ProviderAddress'],
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'DrMacAddress',
    locations: ['network'],
    description: 'MAC address of the distributed router (overlay).',
    settings: { Address: { type: str('mac'), description: 'MAC address, `00-15-5D-00-00-00` form.' } },
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'AutomaticDNS',
    locations: ['network'],
    description: 'Automatic DNS for the network (Docker sets it on overlay).',
    settings: { Enable: { type: bool, description: 'Enable automatic DNS.' } },
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'MOBY-OV'],
  },
  {
    type: 'RemoteSubnetRoute',
    locations: ['network'],
    description: 'Route to a subnet on another host of an overlay network.',
    settings: {
      DestinationPrefix: { type: str('cidr'), description: 'The remote subnet.' },
      IsolationId: { type: int(32, 'vsid'), description: 'VSID of the remote subnet (hcsshim sends a 16-bit value; the schema says 32-bit).' },
      ProviderAddress: { type: str('ip'), description: 'Provider address of the remote host.' },
      DistributedRouterMacAddress: { type: str('mac'), description: 'MAC address of the remote distributed router.' },
    },
    gate: 'RemoteSubnet',
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'VxlanPort',
    locations: ['network'],
    description: 'UDP port for VXLAN encapsulation (default 4789).',
    settings: { Port: { type: int(16, 'port'), description: 'UDP port, 1–65535.' } },
    gate: 'VxlanPort',
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'HostRoute',
    locations: ['network'],
    description: 'Lets containers reach their own host on an overlay network. Settings is an empty object.',
    settings: {},
    gate: 'HostRoute',
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'SetPolicy',
    locations: ['network'],
    description: 'An IP set that ACLs can refer to.',
    settings: {
      Id: { type: str(), description: 'ID of the set.' },
      Name: { type: str(), description: 'Name of the set (hcsshim).' },
      PolicyType: { type: enumOf('SetPolicyType'), description: '`IPSET` or `NESTEDIPSET` (hns.v2.psm1 sends an integer).' },
      Values: { type: str(), description: 'Comma-separated members: addresses, or set IDs for a nested set.' },
    },
    gate: 'SetPolicy',
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'SDN-V2'],
  },
  {
    type: 'L4Proxy',
    locations: ['network', 'endpoint'],
    description: 'Layer-4 proxy through VFP. Schema and hcsshim spell two settings differently; both are accepted.',
    settings: l4Proxy,
    gate: 'L4Proxy',
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'LayerConstraint',
    locations: ['network'],
    description: 'Constrains the network to a layer.',
    settings: { LayerId: { type: str('guid'), description: 'Layer GUID.' } },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'NetworkACL',
    locations: ['network'],
    description: 'An ACL rule applied to the whole network.',
    settings: aclSettings,
    gate: 'NetworkACL',
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'NeighborDiscovery',
    locations: ['network'],
    description: 'Neighbor discovery settings. Sent by hns.v2.psm1 only; not in the schema or hcsshim.',
    settings: {
      TargetIpPrefix: { type: str('cidr'), description: 'Target prefix.' },
      SenderIpAddress: { type: str('ip'), description: 'Sender address.' },
      SenderMacAddress: { type: str('mac'), description: 'Sender MAC address.' },
    },
    open: true,
    sources: ['SDN-V2'],
  },

  // Endpoint policies (HNS-SCHEMA EndpointPolicyType)
  {
    type: 'PortMapping',
    locations: ['endpoint'],
    description: 'Publishes a container port on the host (NAT).',
    settings: {
      Protocol: { type: enumOf('ProtocolType'), description: 'TCP or UDP, by name or number (hcsshim sends 6 / 17).' },
      InternalPort: { type: int(16, 'port'), description: 'Container port, 1–65535. Zero is refused (HCN_E_INVALID_INTERNAL_PORT).' },
      ExternalPort: { type: int(16, 'port'), description: 'Host port, 1–65535.' },
      VIP: { type: str('ip'), description: 'Host address to publish on.' },
      Flags: { type: flagsOf('NatFlags'), description: 'NatFlags bit mask.' },
    },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  { type: 'ACL', locations: ['endpoint'], description: 'An ACL rule on the endpoint.', settings: aclSettings, sources: ['HNS-SCHEMA', 'HCSSHIM'] },
  {
    type: 'QOS',
    locations: ['endpoint'],
    description: 'Outbound bandwidth cap.',
    settings: { MaximumOutgoingBandwidthInBytes: { type: int(64), description: 'Cap in bytes per second.' } },
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'L2Driver',
    locations: ['endpoint'],
    description: 'L2 driver policy; no settings are documented.',
    settings: {},
    open: true,
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'OutBoundNAT',
    locations: ['endpoint'],
    description: 'Outbound NAT for the endpoint, with exceptions. A dual-stack endpoint carries two: one for IPv4 and one with the IPv6 flag.',
    settings: {
      VirtualIP: { type: str('ip'), description: 'Address to NAT to.' },
      Exceptions: { type: arr(str('cidrOrIp')), description: 'Destinations that are not NATed (v1 calls this `ExceptionList`).' },
      Destinations: { type: arr(str('cidrOrIp')), description: 'Destinations that are NATed.' },
      Flags: { type: flagsOf('NatFlags'), description: 'NatFlags bit mask; 2 (IPv6) for the IPv6 policy.' },
      MaxPortPoolUsage: { type: int(16), description: 'Cap on the NAT port pool (hcsshim only).' },
    },
    singleton: { per: 'family' },
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'SDN-V2', 'WCN'],
  },
  {
    type: 'SDNRoute',
    locations: ['endpoint'],
    description: 'A route for the endpoint, optionally encapsulated.',
    settings: {
      DestinationPrefix: { type: str('cidr'), description: 'Destination prefix.' },
      NextHop: { type: str('ip'), description: 'Next hop.' },
      NeedEncap: { type: bool, description: 'Encapsulate matching traffic (overlay).' },
      AutomaticEndpointMonitor: { type: bool, description: 'Monitor the endpoints automatically (HostComputeRoute).' },
    },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'L4WFPPROXY',
    locations: ['endpoint'],
    description: 'Layer-4 proxy through WFP (Windows Server 2022: TCP over IPv4, process isolation).',
    settings: {
      Port: { type: str('port'), description: 'Proxy port (older hcsshim; use InboundProxyPort / OutboundProxyPort).' },
      InboundProxyPort: { type: str('port'), since: '2.11', description: 'Port to deliver inbound proxied traffic to.' },
      OutboundProxyPort: { type: str('port'), since: '2.11', description: 'Port to deliver outbound proxied traffic to.' },
      FilterTuple: { type: obj('FiveTuple'), description: 'Which traffic to proxy.' },
      UserSID: { type: str(), description: 'User account of the proxy container.' },
      InboundExceptions: { type: obj('ProxyExceptions'), since: '2.14', description: 'Addresses or ports exempt from inbound redirection.' },
      OutboundExceptions: { type: obj('ProxyExceptions'), since: '2.14', description: 'Addresses or ports exempt from outbound redirection.' },
    },
    since: '2.5',
    gate: 'L4WfpProxy',
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'HCNPROXYCTRL'],
  },
  {
    type: 'PortName',
    locations: ['endpoint'],
    description: 'Name of the vSwitch port.',
    settings: { Name: { type: str(), description: 'Port name (hcsshim; the schema shows no fields).' } },
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'EncapOverhead',
    locations: ['endpoint'],
    description: 'Bytes reserved for encapsulation headers.',
    settings: { Overhead: { type: int(16), description: 'Overhead in bytes (VXLAN: 50).' } },
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'Encryption',
    locations: ['endpoint'],
    description: 'IPsec between endpoints (a platform primitive; Docker does not expose it).',
    settings: {
      EncryptionMethodType: { type: enumOf('EncryptionMethod'), description: 'Ipsec.' },
      AuthenticationMethods: { type: arr(obj('AuthenticationMethod')), description: 'Authentication methods in priority order.' },
      Name: { type: str(), description: 'Name of the policy.' },
      Endpoints1: { type: arr(str()), description: 'First set of endpoints (default: any).' },
      Endpoints2: { type: arr(str()), description: 'Second set of endpoints (default: any).' },
      Endpoint1Ports: { type: arr(str()), description: 'Ports of the first set (default: all).' },
      Endpoint2Ports: { type: arr(str()), description: 'Ports of the second set (default: all).' },
      ProtocolType: { type: str(), description: 'Protocol (default: any).' },
    },
    since: '2.1',
    sources: ['HNS-SCHEMA'],
  },
  {
    type: 'VLAN',
    locations: ['endpoint'],
    description: 'VLAN isolation of the endpoint (802.1Q tag).',
    settings: { IsolationId: isolationId('VLAN') },
    required: ['IsolationId'],
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'InterfaceParameters',
    locations: ['endpoint'],
    description: 'Interface parameters of the endpoint. At most one per endpoint: HNS refuses a second (HCN_INTERFACEPARAMETERS_ALREADY_APPLIED).',
    settings: { Mtu: { type: int(16), description: 'MTU in bytes.' } },
    since: '2.4',
    singleton: { per: 'object', refused: true },
    sources: ['HNS-SCHEMA', 'HCN-HR'],
  },
  {
    type: 'Iov',
    locations: ['endpoint'],
    description: 'SR-IOV offload for the endpoint.',
    settings: {
      IovOffloadWeight: { type: int(32), description: 'Offload weight (0–100).' },
      QueuePairsRequested: { type: int(32), description: 'Queue pairs requested.' },
      InterruptModeration: { type: enumOf('IovInterruptModeration'), description: 'Interrupt moderation, by name (schema) or number (hcsshim).' },
    },
    since: '2.9',
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'TierAcl',
    locations: ['endpoint'],
    description: 'A tier of ACL rules evaluated in order.',
    settings: {
      Name: { type: str(), description: 'Name of the tier.' },
      Direction: { type: enumOf('DirectionType'), description: '`In` or `Out`.' },
      Order: { type: int(16), description: 'Evaluation order of the tier.' },
      TierAclRules: { type: arr(obj('TierAclRule')), description: 'The rules of the tier.' },
    },
    since: '2.10',
    gate: 'TierAcl',
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
];

/** Subnet policies (Subnet.Policies): VLAN or VSID isolation; same `Type` names as the endpoint VLAN policy. */
export const V2_SUBNET_POLICIES: PolicySpec[] = [
  {
    type: 'VLAN',
    locations: ['subnet'],
    description: 'VLAN isolation of the subnet (802.1Q tag).',
    settings: { IsolationId: isolationId('VLAN') },
    required: ['IsolationId'],
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  {
    type: 'VSID',
    locations: ['subnet'],
    description: 'Virtual subnet ID of an overlay subnet (the VXLAN VNI). Every overlay subnet needs one.',
    settings: { IsolationId: isolationId('VSID') },
    required: ['IsolationId'],
    singleton: { per: 'object' },
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'MOBY-OV'],
  },
];

/** HNS-SCHEMA's EndpointPolicyType order (policies valid on both lists are written with the network ones above). */
const ENDPOINT_ORDER = [
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
];

export function v2PoliciesAt(location: 'network' | 'endpoint' | 'subnet'): PolicySpec[] {
  if (location === 'subnet') return V2_SUBNET_POLICIES;
  const list = V2_POLICIES.filter((p) => p.locations.includes(location));
  return location === 'endpoint' ? list.sort((a, b) => ENDPOINT_ORDER.indexOf(a.type) - ENDPOINT_ORDER.indexOf(b.type)) : list;
}

export function v2Policy(location: 'network' | 'endpoint' | 'subnet', type: string): PolicySpec | undefined {
  const lower = type.toLowerCase();
  return v2PoliciesAt(location).find((p) => p.type.toLowerCase() === lower);
}
