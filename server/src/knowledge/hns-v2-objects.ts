/**
 * HCN v2 objects (HNS-SCHEMA structs, hcsshim `hcn/*.go`). Every top-level object carries the `Base` fields.
 * `NetworkPolicy`, `EndpointPolicy` and `SubnetPolicy` are the typed policy unions of hns-v2-policies.ts.
 */
import { any, arr, bool, enumOf, flagsOf, int, obj, str, type Field, type ObjectSpec } from './hns-model';

const base: Record<string, Field> = {
  ID: { type: str('guid'), description: 'GUID of the object. HNS assigns one when it is absent.' },
  Owner: { type: str(), description: 'Who created the object (e.g. "docker", "containerd").' },
  Name: { type: str(), description: 'Name of the object.' },
  Version: { type: int(64), description: 'Object version (HNS output).', readOnly: true },
  AdditionalParams: { type: any, description: 'Free-form extra parameters (ICS networks: `ICSFlags`).' },
  Health: { type: obj('Health'), description: 'Health data (HNS output).', readOnly: true },
  SchemaVersion: {
    type: obj('Version'),
    description: 'HCN schema version of the document, e.g. `{"Major": 2, "Minor": 0}`. The schema says it should be in every object.',
  },
  Telemetry: { type: obj('Telemetry'), description: 'Telemetry data (HNS output).', readOnly: true },
  State: { type: int(16), description: 'Object state (HNS output).', readOnly: true },
};

const route: Record<string, Field> = {
  NextHop: { type: str('ip'), description: 'Gateway address.' },
  DestinationPrefix: { type: str('cidr'), description: 'Destination prefix; `0.0.0.0/0` (or `::/0`) makes this the default route.' },
  Metric: { type: int(16), description: 'Route metric.' },
};

const sdnRoute: Record<string, Field> = {
  DestinationPrefix: { type: str('cidr'), description: 'Destination prefix.' },
  NextHop: { type: str('ip'), description: 'Next hop.' },
  NeedEncap: { type: bool, description: 'Encapsulate matching traffic.' },
  AutomaticEndpointMonitor: { type: bool, description: 'Monitor the endpoints automatically.' },
};

export const V2_OBJECTS: Record<string, ObjectSpec> = {
  HostComputeNetwork: {
    id: 'HostComputeNetwork',
    title: 'HostComputeNetwork',
    description: 'An HCN network (`HcnCreateNetwork`).',
    fields: {
      ...base,
      Type: { type: enumOf('NetworkMode'), description: 'Network type. Omitted: NAT.' },
      Policies: { type: arr(obj('NetworkPolicy')), description: 'Network policies, `{"Type": ..., "Settings": {...}}`.' },
      MacPool: { type: obj('MacPool'), description: 'MAC address ranges endpoints get their MAC addresses from.' },
      Dns: { type: obj('DNS'), description: 'DNS settings handed to endpoints.' },
      Ipams: { type: arr(obj('Ipam')), description: 'Address management: subnets, routes and subnet policies.' },
      Flags: { type: flagsOf('NetworkFlags'), description: 'NetworkFlags bit mask (8: not persisted across reboots).' },
      IPv6: { type: bool, description: 'Request IPv6 (sent by hns.v2.psm1 `-IPv6`; not in the schema).', sources: ['SDN-V2'] },
    },
  },
  HostComputeEndpoint: {
    id: 'HostComputeEndpoint',
    title: 'HostComputeEndpoint',
    description: 'An HCN endpoint (`HcnCreateEndpoint`): a container vNIC on a network.',
    fields: {
      ...base,
      HostComputeNetwork: { type: str('guid'), description: 'GUID of the network the endpoint belongs to.' },
      HostComputeNamespace: { type: str('guid'), description: 'GUID of the namespace (compartment) the endpoint is in.' },
      Policies: { type: arr(obj('EndpointPolicy')), description: 'Endpoint policies, `{"Type": ..., "Settings": {...}}`.' },
      IpConfigurations: { type: arr(obj('IpConfig')), description: 'Addresses; one per IP family for dual-stack.' },
      Dns: { type: obj('DNS'), description: 'DNS settings of the endpoint.' },
      Routes: { type: arr(obj('Route')), description: 'Routes; the default route is `DestinationPrefix: 0.0.0.0/0` with the gateway as `NextHop`.' },
      MacAddress: { type: str('mac'), description: 'MAC address, `00-15-5D-00-00-00` form.' },
      Flags: { type: flagsOf('EndpointFlags'), description: 'EndpointFlags bit mask (1: remote endpoint).' },
    },
  },
  HostComputeNamespace: {
    id: 'HostComputeNamespace',
    title: 'HostComputeNamespace',
    description: 'An HCN namespace (network compartment) and what is in it.',
    fields: {
      ...base,
      NamespaceId: { type: int(32), description: 'Compartment ID.' },
      NamespaceGuid: { type: str('guid'), description: 'Namespace GUID.' },
      Type: { type: enumOf('NamespaceType'), description: 'Host, HostDefault, Guest or GuestDefault.' },
      Resources: { type: arr(obj('NamespaceResource')), description: 'Containers and endpoints in the namespace.' },
    },
  },
  HostComputeLoadBalancer: {
    id: 'HostComputeLoadBalancer',
    title: 'HostComputeLoadBalancer',
    description: 'An HCN load balancer. HNS only allows load balancers on "SDN" networks (e.g. Overlay, L2Bridge), not NAT.',
    fields: {
      ...base,
      HostComputeNetwork: { type: str('guid'), since: '2.5', description: 'GUID of the network.' },
      HostComputeEndpoints: { type: arr(str('guid')), description: 'GUIDs of the backend endpoints.' },
      SourceVIP: { type: str('ip'), description: 'Source address for traffic to the backends.' },
      FrontendVIPs: { type: arr(str('ip')), description: 'Frontend addresses.' },
      PortMappings: { type: arr(obj('LoadBalancerPortMapping')), description: 'Frontend → backend port mappings.' },
      Flags: { type: flagsOf('LoadBalancerFlags'), description: 'LoadBalancerFlags bit mask (1: Direct Server Return).' },
    },
  },
  HostComputeRoute: {
    id: 'HostComputeRoute',
    title: 'HostComputeRoute',
    description: 'SDN routes for a set of endpoints. The schema names the list `Routes`; hcsshim sends `Setting`.',
    fields: {
      ...base,
      HostComputeNetwork: { type: str('guid'), since: '2.5', description: 'GUID of the network.' },
      HostComputeEndpoints: { type: arr(str('guid')), description: 'GUIDs of the endpoints the routes apply to.' },
      Routes: { type: arr(obj('SDNRoutePolicySetting')), description: 'The routes (schema spelling).', alias: 'Setting' },
      Setting: { type: arr(obj('SDNRoutePolicySetting')), description: 'The routes (hcsshim spelling).', alias: 'Routes' },
    },
  },

  // Parts
  Version: {
    id: 'Version',
    title: 'Version',
    description: 'A schema version.',
    fields: { Major: { type: int(32), description: 'Major version (2).' }, Minor: { type: int(32), description: 'Minor version.' } },
  },
  Health: {
    id: 'Health',
    title: 'Health',
    description: 'Health data (HNS output).',
    fields: { Data: { type: any, description: 'Health data.' }, Extra: { type: obj('ExtraParams'), description: 'Extra data.' } },
  },
  ExtraParams: {
    id: 'ExtraParams',
    title: 'ExtraParams',
    description: 'Extra health data.',
    fields: {
      Resources: { type: any, description: 'Resources.' },
      SharedContainers: { type: any, description: 'Containers sharing the object.' },
      LayeredOn: { type: str('guid'), description: 'Object this one is layered on.' },
      SwitchGuid: { type: str('guid'), description: 'vSwitch GUID.' },
      UtilityVM: { type: str('guid'), description: 'Utility VM GUID.' },
      VirtualMachine: { type: str('guid'), description: 'VM GUID.' },
    },
    open: true,
  },
  Telemetry: {
    id: 'Telemetry',
    title: 'Telemetry',
    description: 'Telemetry (HNS output).',
    fields: { Data: { type: any, description: 'Telemetry data.' } },
    open: true,
  },
  MacPool: {
    id: 'MacPool',
    title: 'MacPool',
    description: 'MAC address pool.',
    fields: { Ranges: { type: arr(obj('MacRange')), description: 'MAC address ranges.' } },
  },
  MacRange: {
    id: 'MacRange',
    title: 'MacRange',
    description: 'A range of MAC addresses.',
    fields: {
      StartMacAddress: { type: str('mac'), description: 'First MAC address of the range.' },
      EndMacAddress: { type: str('mac'), description: 'Last MAC address of the range.' },
    },
  },
  DNS: {
    id: 'DNS',
    title: 'DNS',
    description: 'DNS settings.',
    fields: {
      Domain: { type: str(), description: 'DNS suffix (domain) of the endpoints.' },
      Search: { type: arr(str()), description: 'DNS search list.' },
      ServerList: { type: arr(str('ip')), description: 'DNS server addresses.' },
      Options: { type: arr(str()), description: 'Resolver options (not reachable from Docker).' },
      Suffix: {
        type: str(),
        description: 'DNS suffix as the HCN scenario sample spells it; the schema says `Domain`.',
        alias: 'Domain',
        sources: ['HCN-SCEN'],
      },
    },
  },
  Ipam: {
    id: 'Ipam',
    title: 'Ipam',
    description: 'Address management of a network.',
    fields: {
      Type: { type: enumOf('IpamType'), description: 'Static (HNS assigns from the subnets) or Dhcp.' },
      Subnets: { type: arr(obj('Subnet')), description: 'Subnets of the network.' },
    },
  },
  Subnet: {
    id: 'Subnet',
    title: 'Subnet',
    description: 'A subnet of a network.',
    fields: {
      ...base,
      IpAddressPrefix: { type: str('cidr'), description: 'The subnet, e.g. `10.0.0.0/24` or `fd00::/64`.' },
      Policies: { type: arr(obj('SubnetPolicy')), description: 'Subnet policies: VLAN or VSID isolation.' },
      Routes: { type: arr(obj('Route')), description: 'Routes of the subnet; the default route carries the gateway.' },
      IpSubnets: {
        type: arr(obj('IpSubnet')),
        since: '2.3',
        description: 'Smaller address ranges inside the subnet (several per network from Windows Server 2022).',
      },
      Flags: { type: flagsOf('SubnetFlags'), since: '2.7', description: 'SubnetFlags bit mask.' },
    },
  },
  IpSubnet: {
    id: 'IpSubnet',
    title: 'IpSubnet',
    description: 'An address range inside a subnet.',
    fields: {
      ...base,
      IpAddressPrefix: { type: str('cidr'), since: '2.3', description: 'The range, inside its subnet.' },
      Flags: { type: flagsOf('IpSubnetFlags'), since: '2.5', description: 'IpSubnetFlags bit mask.' },
    },
  },
  Route: { id: 'Route', title: 'Route', description: 'A route.', fields: route },
  SDNRoutePolicySetting: { id: 'SDNRoutePolicySetting', title: 'SDN route', description: 'An SDN route.', fields: sdnRoute },
  IpConfig: {
    id: 'IpConfig',
    title: 'IpConfig',
    description: 'An address of an endpoint.',
    fields: {
      IpAddress: { type: str('ip'), description: 'The address; must be inside a subnet of the network (HCN_E_INVALID_IP).' },
      PrefixLength: { type: int(8, 'prefixLength'), description: 'Prefix length.' },
      IpSubnetId: { type: str('guid'), since: '2.3', description: 'GUID of the IpSubnet to allocate from.' },
    },
  },
  NamespaceResource: {
    id: 'NamespaceResource',
    title: 'NamespaceResource',
    description: 'A container or endpoint in a namespace.',
    fields: {
      Type: { type: enumOf('NamespaceResourceType'), description: 'Container or Endpoint.' },
      Data: { type: obj('NamespaceResourceData'), description: 'Which one.' },
    },
  },
  NamespaceResourceData: {
    id: 'NamespaceResourceData',
    title: 'NamespaceResource data',
    description: 'The ID of the container or endpoint. The schema writes `Id`, hcsshim sends `ID`; both are accepted.',
    fields: {
      Id: { type: str(), description: 'Container ID or endpoint GUID (schema spelling).', alias: 'ID' },
      ID: { type: str(), description: 'Container ID or endpoint GUID (hcsshim spelling).', alias: 'Id' },
    },
  },
  LoadBalancerPortMapping: {
    id: 'LoadBalancerPortMapping',
    title: 'LoadBalancerPortMapping',
    description: 'A frontend → backend port mapping.',
    fields: {
      Protocol: { type: enumOf('ProtocolType'), description: 'TCP or UDP, by name or number (hcsshim sends 6 / 17).' },
      InternalPort: { type: int(16, 'port'), description: 'Backend port, 1–65535; zero is refused (HCN_E_INVALID_INTERNAL_PORT).' },
      ExternalPort: { type: int(16, 'port'), description: 'Frontend port, 1–65535.' },
      DistributionType: { type: enumOf('LoadBalancerDistribution'), since: '2.7', description: 'How connections are spread (session affinity).' },
      Flags: { type: flagsOf('LoadBalancerPortMappingFlags'), description: 'LoadBalancerPortMappingFlags bit mask.' },
    },
  },
  FiveTuple: {
    id: 'FiveTuple',
    title: 'FiveTuple',
    description: 'Traffic filter.',
    fields: {
      Protocols: { type: str('protocolList'), description: 'IANA protocol numbers, comma-separated.' },
      LocalAddresses: { type: str('addressList'), description: 'Comma-separated local addresses or prefixes.' },
      RemoteAddresses: { type: str('addressList'), description: 'Comma-separated remote addresses or prefixes.' },
      LocalPorts: { type: str('portList'), description: 'Comma-separated local ports or ranges.' },
      RemotePorts: { type: str('portList'), description: 'Comma-separated remote ports or ranges.' },
      Priority: { type: int(16), description: 'Priority.' },
    },
  },
  ProxyExceptions: {
    id: 'ProxyExceptions',
    title: 'ProxyExceptions',
    description: 'Traffic exempt from proxy redirection (schema 2.14).',
    fields: {
      IpAddressExceptions: { type: arr(str('cidrOrIp')), description: 'Exempt addresses.' },
      PortExceptions: { type: arr(str('port')), description: 'Exempt ports.' },
    },
  },
  AuthenticationMethod: {
    id: 'AuthenticationMethod',
    title: 'PrioritizedAuthenticationMethod',
    description: 'An IPsec authentication method.',
    fields: {
      Type: { type: enumOf('AuthenticationType'), description: 'PresharedKey or Certificate.' },
      Settings: { type: obj('AuthenticationSettings'), description: '`{"Key": ...}` or `{"CertificateName": ...}`.' },
    },
  },
  AuthenticationSettings: {
    id: 'AuthenticationSettings',
    title: 'Authentication settings',
    description: 'Pre-shared key or certificate name.',
    fields: { Key: { type: str(), description: 'Pre-shared key.' }, CertificateName: { type: str(), description: 'Certificate name.' } },
  },
  TierAclRule: {
    id: 'TierAclRule',
    title: 'TierAclRule',
    description: 'A rule of an ACL tier.',
    fields: {
      Id: { type: str(), description: 'Rule ID.' },
      Protocols: { type: str('protocolList'), description: 'IANA protocol numbers, comma-separated.' },
      LocalAddresses: { type: str('addressList'), description: 'Comma-separated local addresses or prefixes.' },
      RemoteAddresses: { type: str('addressList'), description: 'Comma-separated remote addresses or prefixes.' },
      LocalPorts: { type: str('portList'), description: 'Comma-separated local ports or ranges.' },
      RemotePorts: { type: str('portList'), description: 'Comma-separated remote ports or ranges.' },
      Priority: { type: int(16), description: 'Priority.' },
      TierAclRuleAction: { type: enumOf('ActionType'), description: 'Allow, Block or Pass.' },
    },
  },
};

/** The top-level HCN objects a document can hold (alone or in an array). */
export const V2_ROOTS = ['HostComputeNetwork', 'HostComputeEndpoint', 'HostComputeNamespace', 'HostComputeLoadBalancer', 'HostComputeRoute'] as const;
