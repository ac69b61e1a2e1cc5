/**
 * Legacy HNS v1 objects (`HNSCall` `/networks`, `/endpoints`, `/policylists`; `Get-HnsNetwork` output) and the
 * 13 flat v1 policy types (hcsshim `internal/hns`). Fields HNS reports but ignores on input are marked read-only
 * so pasted `Get-HnsNetwork | ConvertTo-Json` output validates.
 */
import { any, arr, bool, enumOf, flagsOf, int, obj, str, type Field, type ObjectSpec, type PolicySpec } from './hns-model';

const ro = (type: Field['type'], description: string): Field => ({ type, description, readOnly: true });

const health = ro(obj('V1Health'), 'Health data (HNS output).');

export const V1_OBJECTS: Record<string, ObjectSpec> = {
  Network: {
    id: 'Network',
    title: 'HNS network (v1)',
    description: 'An HNS v1 network (`POST /networks`, `Get-HnsNetwork`).',
    fields: {
      ID: { type: str('guid'), description: 'GUID of the network. HNS assigns one when it is absent.' },
      Name: { type: str(), description: 'Network name (Docker: the network ID unless `com.docker.network.windowsshim.networkname` is set).' },
      Type: { type: enumOf('V1NetworkType'), description: 'Network type: NAT, ICS, Transparent, L2Bridge, L2Tunnel, Overlay, Private, Internal (any case).' },
      NetworkAdapterName: {
        type: str(),
        description: 'Host adapter the external vSwitch binds to (Transparent, L2Bridge, L2Tunnel, Overlay). Absent: HNS picks an unbound adapter.',
      },
      SourceMac: { type: str('mac'), description: 'Source MAC address.' },
      Policies: { type: arr(obj('V1Policy')), description: 'Network policies, flat `{"Type": "VLAN", "VLAN": 11}` objects.' },
      MacPools: { type: arr(obj('V1MacPool')), description: 'MAC address ranges for endpoints.' },
      Subnets: { type: arr(obj('V1Subnet')), description: 'Subnets with their gateways.' },
      DNSSuffix: { type: str(), description: 'DNS suffix for endpoints.' },
      DNSServerList: { type: str('ipList'), description: 'DNS servers, comma-separated in one string.' },
      DNSServerCompartment: { type: int(32), description: "Compartment of Docker's DNS resolver." },
      ManagementIP: { type: str('ip'), description: 'Overlay provider (management) address.' },
      AutomaticDNS: { type: bool, description: 'Automatic DNS (Docker sets it on overlay).' },
      IPv6: { type: bool, description: 'Request IPv6 (hns.psm1 `-IPv6`; reported in output).', sources: ['SDN-V1'] },
      ActivityId: ro(str('guid'), 'Activity ID of the last operation (HNS output).'),
      AdditionalParams: ro(any, 'Additional parameters (HNS output).'),
      CurrentEndpointCount: ro(int(32), 'Endpoints on the network now (HNS output).'),
      MaxConcurrentEndpoints: ro(int(32), 'Most endpoints at once (HNS output).'),
      TotalEndpoints: ro(int(32), 'Endpoints ever created (HNS output).'),
      Extensions: ro(arr(obj('V1Extension')), 'vSwitch extensions and whether they are enabled (HNS output).'),
      Flags: ro(flagsOf('V1NetworkFlags'), 'Network flags (HNS output; 8 = not persisted on `nat`).'),
      Health: health,
      LayeredOn: ro(str('guid'), 'Network this one is layered on (HNS output).'),
      NatName: ro(str(), 'WinNAT instance name (HNS output).'),
      DrMacAddress: ro(str('mac'), 'Distributed router MAC (HNS output).'),
      GatewayMac: ro(str('mac'), 'Gateway MAC (HNS output).'),
      IsolateSwitch: ro(bool, 'Switch isolation (HNS output).'),
      Resources: ro(any, 'Resource allocation (HNS output).'),
      State: ro(int(16), 'Network state (HNS output).'),
      SwitchGuid: ro(str('guid'), 'vSwitch GUID (HNS output).'),
      Version: ro(int(64), 'Object version (HNS output).'),
    },
  },
  Endpoint: {
    id: 'Endpoint',
    title: 'HNS endpoint (v1)',
    description: 'An HNS v1 endpoint (`POST /endpoints`, `Get-HnsEndpoint`).',
    fields: {
      ID: { type: str('guid'), description: 'GUID of the endpoint.' },
      Name: { type: str(), description: 'Endpoint name.' },
      VirtualNetwork: { type: str('guid'), description: 'GUID of the network the endpoint belongs to.' },
      VirtualNetworkName: { type: str(), description: 'Name of the network.' },
      Policies: { type: arr(obj('V1Policy')), description: 'Endpoint policies, flat objects (NAT port mappings, ACL, QOS, OutBoundNAT, ...).' },
      MacAddress: { type: str('mac'), description: 'MAC address, `00-15-5D-00-00-00` form.' },
      IPAddress: { type: str('ip'), description: 'IPv4 address; inside a subnet of the network.' },
      IPv6Address: { type: str('ip'), description: 'IPv6 address (dual-stack networks only).' },
      DNSSuffix: { type: str(), description: 'DNS suffix.' },
      DNSServerList: { type: str('ipList'), description: 'DNS servers, comma-separated in one string.' },
      DNSDomain: { type: str(), description: 'DNS domain.' },
      GatewayAddress: { type: str('ip'), description: 'IPv4 gateway.' },
      GatewayAddressV6: { type: str('ip'), description: 'IPv6 gateway.' },
      EnableInternalDNS: { type: bool, description: "Use Docker's embedded DNS on the gateway (nat)." },
      DisableICC: { type: bool, description: 'No traffic between endpoints of the network.' },
      PrefixLength: { type: int(8, 'prefixLength'), description: 'IPv4 prefix length.' },
      IPv6PrefixLength: { type: int(8, 'prefixLength'), description: 'IPv6 prefix length.' },
      IsRemoteEndpoint: {
        type: bool,
        description:
          "The endpoint lives on another host. On Overlay networks it carries a PA policy (the host's provider address); L2Bridge remote endpoints have IP and MAC only.",
      },
      InterfaceConstraint: {
        type: any,
        description: 'The host interface the endpoint is bound to (HNS output).',
        readOnly: true,
        sources: ['https://github.com/Azure/AKS/issues/1367'],
      },
      EnableLowMetric: { type: bool, description: 'Low interface metric.' },
      Namespace: { type: obj('V1Namespace'), description: 'Namespace (compartment) of the endpoint.' },
      EncapOverhead: { type: int(16), description: 'Bytes reserved for encapsulation.' },
      SharedContainers: { type: arr(str()), description: 'Containers sharing the endpoint.' },
      State: {
        type: enumOf('V1EndpointState'),
        description: 'Endpoint state: 0 Uninitialized, 1 Created, 2 Attached, 3 AttachedSharing, 4 Detached, 5 Degraded, 6 Destroyed.',
        readOnly: true,
      },
      Type: ro(enumOf('V1NetworkType'), 'Type of the network the endpoint is on (HNS output).'),
      ActivityId: ro(str('guid'), 'Activity ID (HNS output).'),
      AdditionalParams: ro(any, 'Additional parameters (HNS output).'),
      Health: health,
      Resources: ro(any, 'Resource allocation (HNS output).'),
      Version: ro(int(64), 'Object version (HNS output).'),
      StartTime: ro(int(64), 'Creation time (HNS output).'),
      CreateProcessingStartTime: ro(int(64), 'Creation start time (HNS output).'),
      Flags: ro(int(32), 'Endpoint flags (HNS output).'),
    },
    required: ['VirtualNetwork'],
  },
  PolicyList: {
    id: 'PolicyList',
    title: 'HNS policy list (v1)',
    description: 'An HNS v1 policy list (`POST /policylists`): load balancers (ELB) and routes over endpoints.',
    fields: {
      ID: { type: str('guid'), description: 'GUID of the policy list.' },
      References: { type: arr(str()), description: 'Endpoint paths, `/endpoints/<GUID>`.' },
      Policies: { type: arr(obj('V1Policy')), description: 'ELB and ROUTE policies.' },
      ActivityId: ro(str('guid'), 'Activity ID of the last operation (HNS output).'),
      AdditionalParams: ro(any, 'Additional parameters (HNS output).'),
      Flags: ro(int(32), 'Policy-list flags (HNS output).'),
      Health: health,
      HostComputeNetwork: ro(str('guid'), 'Network of the endpoints (HNS output).'),
      IsApplied: ro(bool, 'Whether HNS applied the list (HNS output).'),
      Resources: ro(any, 'Resource allocation (HNS output).'),
      State: ro(int(16), 'State (HNS output).'),
      Version: ro(int(64), 'Object version (HNS output).'),
    },
    required: ['References', 'Policies'],
  },

  V1Subnet: {
    id: 'V1Subnet',
    title: 'Subnet (v1)',
    description: 'A subnet of a v1 network.',
    fields: {
      AddressPrefix: { type: str('cidr'), description: 'The subnet, e.g. `10.0.0.0/24`. Docker sends `0.0.0.0/0` to let HNS choose.' },
      GatewayAddress: { type: str('ip'), description: 'Gateway address, inside the subnet.' },
      Policies: { type: arr(obj('V1Policy')), description: 'Subnet policies (Docker puts a VSID policy on each overlay subnet).' },
      ID: ro(str('guid'), 'Subnet GUID (HNS output).'),
      Flags: ro(int(32), 'Subnet flags (HNS output).'),
      ObjectType: ro(int(32), 'Object type (HNS output).'),
      IpSubnets: ro(arr(any), 'IP subnets (HNS output).'),
      Health: health,
      AdditionalParams: ro(any, 'Additional parameters (HNS output).'),
      State: ro(int(16), 'State (HNS output).'),
    },
  },
  V1MacPool: {
    id: 'V1MacPool',
    title: 'MAC pool (v1)',
    description: 'A range of MAC addresses.',
    fields: { StartMacAddress: { type: str('mac'), description: 'First MAC address.' }, EndMacAddress: { type: str('mac'), description: 'Last MAC address.' } },
  },
  V1Extension: {
    id: 'V1Extension',
    title: 'vSwitch extension',
    description: 'A vSwitch extension (HNS output).',
    fields: {
      Id: { type: str('guid'), description: 'Extension GUID.' },
      IsEnabled: { type: bool, description: 'Enabled.' },
      Name: { type: str(), description: 'Extension name.' },
    },
  },
  V1Health: {
    id: 'V1Health',
    title: 'Health',
    description: 'Health data (HNS output).',
    fields: {
      LastErrorCode: { type: int(32), description: 'Last error code.' },
      LastUpdateTime: { type: int(64), description: 'Time of the last update (FILETIME).' },
    },
    open: true,
  },
  V1Namespace: {
    id: 'V1Namespace',
    title: 'Namespace (v1)',
    description: 'The compartment of an endpoint.',
    fields: {
      ID: { type: str('guid'), description: 'Namespace GUID.' },
      IsDefault: { type: bool, description: 'The host default namespace.' },
      ResourceList: { type: arr(any), description: 'Resources in the namespace.' },
      CompartmentId: { type: int(32), description: 'Compartment ID.' },
      CompartmentGuid: {
        type: str('guid'),
        description: 'Compartment GUID (HNS output).',
        readOnly: true,
        sources: ['https://github.com/Azure/AKS/issues/1367'],
      },
    },
  },
};

const port = (description: string): Field => ({ type: int(16, 'port'), description });

/** What `Get-HnsEndpoint` prints on every policy besides its own fields (Windows-Containers#616). */
const POLICY_OUTPUT: Record<string, Field> = {
  ID: ro(str('guid'), 'Policy GUID (HNS output).'),
  AdditionalParams: ro(any, 'Additional parameters (HNS output).'),
  AllocationOrder: ro(int(32), 'Allocation order (HNS output).'),
  Flags: ro(int(32), 'Policy flags (HNS output).'),
  Health: health,
  IsPolicy: ro(bool, 'Marks a policy object (HNS output).'),
  State: ro(int(16), 'Policy state (HNS output).'),
  Tag: ro(str(), 'Policy kind as text, e.g. "Isolation Policy" (HNS output).'),
};
const OUTPUT_SOURCE = 'https://github.com/microsoft/Windows-Containers/issues/616';

/** The 13 v1 policy types of hcsshim `internal/hns/hnspolicy.go`, with their flat fields. */
const V1_POLICY_FIELDS: PolicySpec[] = [
  {
    type: 'NAT',
    locations: ['endpoint'],
    description: 'Port mapping: publishes a container port on the host (Docker `ports:`).',
    settings: {
      Protocol: { type: enumOf('V1NatProtocol'), description: '"TCP" or "UDP".' },
      InternalPort: port('Container port, 1–65535.'),
      ExternalPort: port('Host port, 1–65535.'),
      ExternalPortReserved: { type: bool, description: 'The host port is already reserved (Docker sets true).' },
    },
    sources: ['HNS-V1-CLIENT', 'MOBY-WIN'],
  },
  {
    type: 'ACL',
    locations: ['endpoint'],
    description: 'An ACL rule. Address lists, port ranges, rule IDs and host-rule priorities need HNS ≥ 7.2 (1803).',
    settings: {
      Id: { type: str(), description: 'Rule ID (HNS ≥ 7.2).' },
      Protocol: { type: int(16, 'protocol'), description: 'IANA protocol number (single).' },
      Protocols: { type: str('protocolList'), description: 'IANA protocol numbers, comma-separated ("6", "17", "6,17").' },
      InternalPort: port('Container port.'),
      Action: { type: enumOf('ActionType'), description: 'Allow or Block.' },
      Direction: { type: enumOf('DirectionType'), description: 'In or Out.' },
      LocalAddresses: { type: str('addressList'), description: 'Comma-separated local addresses or prefixes (lists need HNS ≥ 7.2).' },
      RemoteAddresses: { type: str('addressList'), description: 'Comma-separated remote addresses or prefixes.' },
      LocalPorts: { type: str('portList'), description: 'Comma-separated local ports or ranges (ranges need HNS ≥ 7.2).' },
      LocalPort: port('Single local port.'),
      RemotePorts: { type: str('portList'), description: 'Comma-separated remote ports or ranges.' },
      RemotePort: port('Single remote port.'),
      RuleType: { type: enumOf('RuleType'), description: '`Host` (WFP) or `Switch` (VFP).' },
      Priority: { type: int(16), description: 'Priority; lower first.' },
      ServiceName: { type: str(), description: 'Windows service the rule applies to.' },
      Scope: { type: int(32), description: 'Rule scope (seen in Calico output).' },
    },
    sources: ['HNS-V1-CLIENT', 'https://github.com/Azure/azure-container-networking/pull/1752'],
  },
  {
    type: 'PA',
    locations: ['endpoint'],
    description: 'Provider address of a (remote) overlay endpoint.',
    settings: { PA: { type: str('ip'), description: 'Host (provider) IP address.' } },
    required: ['PA'],
    singleton: { per: 'object' },
    sources: ['HNS-V1-CLIENT', 'SDN-V1'],
  },
  {
    type: 'VLAN',
    locations: ['network', 'subnet', 'endpoint'],
    description: 'VLAN isolation (802.1Q tag). HNS adds VLAN 1 on `nat` in its output.',
    settings: { VLAN: { type: int(32, 'vlan'), description: 'VLAN ID, 1–4094.' } },
    required: ['VLAN'],
    singleton: { per: 'object' },
    sources: ['HNS-V1-CLIENT', 'MOBY-WIN', 'https://github.com/projectcalico/calico/issues/8465'],
  },
  {
    type: 'VSID',
    locations: ['network', 'subnet'],
    description: 'Virtual subnet ID (VXLAN VNI) of an overlay network or subnet.',
    settings: { VSID: { type: int(32, 'vsid'), description: 'VSID, 4096–16777215 on Windows.' } },
    required: ['VSID'],
    singleton: { per: 'object' },
    sources: ['HNS-V1-CLIENT', 'MOBY-OV'],
  },
  {
    type: 'VNET',
    locations: ['endpoint'],
    description: 'Virtual network policy; no fields are documented.',
    settings: {},
    open: true,
    sources: ['HNS-V1-CLIENT'],
  },
  {
    type: 'L2Driver',
    locations: ['endpoint'],
    description: 'L2 driver policy; no fields are documented.',
    settings: {},
    open: true,
    sources: ['HNS-V1-CLIENT'],
  },
  {
    type: 'Isolation',
    locations: ['endpoint'],
    description: 'Isolation by VLAN or VSID.',
    settings: {
      VLAN: { type: int(32, 'vlan'), description: 'VLAN ID, 1–4094.' },
      VSID: { type: int(32, 'vsid'), description: 'VSID.' },
      InDefaultIsolation: { type: bool, description: 'In the default isolation domain.' },
      IsolationID: ro(int(32), 'Isolation ID (HNS output).'),
      IsolationType: ro(int(32), 'Isolation type (HNS output).'),
    },
    sources: ['HNS-V1-CLIENT'],
  },
  {
    type: 'QOS',
    locations: ['endpoint'],
    description: 'Outbound bandwidth cap.',
    settings: { MaximumOutgoingBandwidthInBytes: { type: int(64), description: 'Cap in bytes per second.' } },
    singleton: { per: 'object' },
    sources: ['HNS-V1-CLIENT', 'MOBY-WIN'],
  },
  {
    type: 'OutBoundNAT',
    locations: ['endpoint', 'network'],
    description: 'Outbound NAT with exceptions (l2bridge `enable_outboundnat`, Kubernetes CNI).',
    settings: {
      VIP: { type: str('ip'), description: 'Address to NAT to.' },
      ExceptionList: { type: arr(str('cidrOrIp')), description: 'Destinations that are not NATed (v2 calls this `Exceptions`).' },
      Destinations: { type: arr(str('cidrOrIp')), description: 'Destinations that are NATed.' },
      MaxPortPoolUsage: { type: int(16), description: 'Cap on the NAT port pool.' },
    },
    singleton: { per: 'family' },
    sources: ['HNS-V1-CLIENT', 'MOBY-WIN', 'MSD-ADV'],
  },
  {
    type: 'ELB',
    locations: ['policylist'],
    description: 'Load balancer over the endpoints of a policy list.',
    settings: {
      Protocol: { type: int(16, 'protocol'), description: 'IANA protocol number (6 TCP, 17 UDP).' },
      InternalPort: port('Backend port, 1–65535.'),
      ExternalPort: port('Frontend port, 1–65535.'),
      SourceVIP: { type: str('ip'), description: 'Source address for traffic to the backends.' },
      VIPs: { type: arr(str('ip')), description: 'Frontend addresses.' },
      ILB: { type: bool, description: 'Internal load balancer.' },
      IsDSR: { type: bool, description: 'Direct Server Return (needs HNS 9.3–9.x or ≥ 10.2).' },
    },
    sources: ['HNS-V1-CLIENT'],
  },
  {
    type: 'ROUTE',
    locations: ['policylist', 'endpoint'],
    description: 'A route, optionally encapsulated (Kubernetes CNI sends it as an endpoint policy).',
    settings: {
      DestinationPrefix: { type: str('cidr'), description: 'Destination prefix.' },
      NextHop: { type: str('ip'), description: 'Next hop.' },
      NeedEncap: { type: bool, description: 'Encapsulate matching traffic.' },
    },
    sources: ['HNS-V1-CLIENT', 'https://github.com/containernetworking/plugins/blob/main/plugins/main/windows/win-bridge/sample-v1.conf'],
  },
  {
    type: 'PROXY',
    locations: ['endpoint'],
    description: 'Proxy policy.',
    settings: {
      IP: { type: str('ip'), description: 'Proxy address.' },
      Port: { type: str('port'), description: 'Proxy port, as a string.' },
      ExceptionList: { type: arr(str('cidrOrIp')), description: 'Destinations that bypass the proxy.' },
      Destination: { type: str(), description: 'Destination to proxy.' },
      OutboundNat: { type: bool, description: 'Apply outbound NAT to proxied traffic.' },
    },
    sources: ['HNS-V1-CLIENT'],
  },
];

export const V1_POLICIES: PolicySpec[] = V1_POLICY_FIELDS.map((p) => ({
  ...p,
  settings: { ...p.settings, ...POLICY_OUTPUT },
  sources: [...p.sources, OUTPUT_SOURCE],
}));

export function v1Policy(type: string): PolicySpec | undefined {
  const lower = type.toLowerCase();
  return V1_POLICIES.find((p) => p.type.toLowerCase() === lower);
}

export const V1_ROOTS = ['Network', 'Endpoint', 'PolicyList'] as const;
