/**
 * HNS enumerations and flag sets. Enum values travel as names, in any case in practice (Docker sends "nat", HNS
 * answers "NAT"; hns.v2.psm1 sends "INTERFACECONSTRAINT"), or as integers (the C++ sample sends `"Type": 0` for
 * NAT); flags travel as integer bit masks although HNS-SCHEMA says to use names. Both spellings are accepted
 * everywhere.
 */
import type { EnumId, EnumSpec, FlagSetId, FlagSetSpec, PolicySpec } from './hns-model';
import { V1_POLICIES } from './hns-v1-objects';
import { V2_SUBNET_POLICIES, v2PoliciesAt } from './hns-v2-policies';

const values = (...names: string[]) => names.map((name) => ({ name }));
const policyValues = (policies: PolicySpec[]) => policies.map((p) => ({ name: p.type, since: p.since, gate: p.gate, description: p.description }));

export const HNS_ENUMS: Record<EnumId, EnumSpec> = {
  V1NetworkType: {
    id: 'V1NetworkType',
    description: 'HNS v1 network type. Docker sends lower case (`nat`, `l2bridge`); HNS answers with its own spelling.',
    values: [
      { name: 'NAT', description: 'Single-host network behind WinNAT on an internal vSwitch.' },
      { name: 'ICS', description: 'Internet Connection Sharing (the Hyper-V "Default Switch").' },
      { name: 'Transparent', description: 'Bridged onto the physical network through an external vSwitch.' },
      { name: 'L2Bridge', description: 'External vSwitch with MAC rewriting to the host MAC; Kubernetes host-gw and dual-stack.' },
      { name: 'L2Tunnel', description: 'Like L2Bridge, with all traffic hair-pinned to the Azure host.' },
      { name: 'Overlay', description: 'VXLAN overlay (swarm, Kubernetes win-overlay); one VSID per subnet.' },
      { name: 'Private', description: 'Private vSwitch, not adopted by Docker.' },
      { name: 'Internal', description: 'Internal vSwitch, not adopted by Docker.' },
      { name: 'Layered', description: 'Accepted by the v1 PowerShell helpers only (undocumented).' },
    ],
    maxInteger: 255,
    sources: ['SDN-V1', 'HCSSHIM', 'MOBY-WIN'],
  },
  V1PolicyType: {
    id: 'V1PolicyType',
    description: 'HNS v1 policy type; the policy fields sit beside `Type` (no `Settings`).',
    values: policyValues(V1_POLICIES),
    maxInteger: 255,
    sources: ['HNS-V1-CLIENT'],
  },
  V1NatProtocol: {
    id: 'V1NatProtocol',
    description: 'Protocol of a v1 NAT (port mapping) policy: Windows publishes TCP and UDP only.',
    values: [
      { name: 'TCP', value: 6 },
      { name: 'UDP', value: 17 },
    ],
    maxInteger: 255,
    sources: ['HNS-V1-CLIENT', 'MOBY-WIN'],
  },
  V1EndpointState: {
    id: 'V1EndpointState',
    description: 'Endpoint state reported by HNS.',
    values: [
      { name: 'Uninitialized', value: 0 },
      { name: 'Created', value: 1 },
      { name: 'Attached', value: 2 },
      { name: 'AttachedSharing', value: 3 },
      { name: 'Detached', value: 4 },
      { name: 'Degraded', value: 5 },
      { name: 'Destroyed', value: 6 },
    ],
    maxInteger: 6,
    sources: ['HNS-V1-CLIENT'],
  },
  NetworkMode: {
    id: 'NetworkMode',
    description:
      'HCN network type, a string in hcsshim (`hcn.NetworkType`). As an integer only `0` (NAT) is attested, by the C++ sample; no other integer values are published.',
    values: [
      { name: 'NAT', value: 0, description: 'Single-host network behind WinNAT on an internal vSwitch.' },
      { name: 'ICS', description: 'Internet Connection Sharing.' },
      { name: 'Transparent', description: 'Bridged onto the physical network through an external vSwitch.' },
      { name: 'L2Bridge', description: 'External vSwitch with MAC rewriting; dual-stack capable.' },
      { name: 'L2Tunnel', description: 'L2Bridge hair-pinned to the Azure host.' },
      { name: 'Overlay', description: 'VXLAN overlay; one VSID per subnet.' },
      { name: 'Private', description: 'Private vSwitch.' },
      { name: 'Internal', description: 'Internal vSwitch.' },
      { name: 'Mirrored', since: '2.4', description: 'Flow Steering Engine (WSL mirrored networking).' },
      { name: 'Infiniband', since: '2.4', description: 'InfiniBand.' },
      { name: 'ConstrainedICS', since: '2.10', description: 'ICS constrained to an interface.' },
    ],
    maxInteger: 255,
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  NetworkPolicyType: {
    id: 'NetworkPolicyType',
    description: 'Type of a network policy; its settings go in `Settings`.',
    values: policyValues(v2PoliciesAt('network')),
    maxInteger: 255,
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  EndpointPolicyType: {
    id: 'EndpointPolicyType',
    description: 'Type of an endpoint policy; its settings go in `Settings`.',
    values: policyValues(v2PoliciesAt('endpoint')),
    maxInteger: 255,
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  SubnetPolicyType: {
    id: 'SubnetPolicyType',
    description: 'Type of a subnet policy: VLAN or VSID isolation.',
    values: policyValues(V2_SUBNET_POLICIES),
    maxInteger: 255,
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  ActionType: {
    id: 'ActionType',
    description: 'What an ACL rule does.',
    values: [
      { name: 'Allow', description: 'Let matching traffic through.' },
      { name: 'Block', description: 'Drop matching traffic.' },
      { name: 'Pass', since: '2.10', description: 'Hand matching traffic to the next tier.' },
    ],
    maxInteger: 255,
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  DirectionType: {
    id: 'DirectionType',
    description: 'Traffic direction, seen from the endpoint.',
    values: [
      { name: 'In', description: 'Traffic coming to the endpoint.' },
      { name: 'Out', description: 'Traffic leaving the endpoint.' },
    ],
    maxInteger: 255,
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  RuleType: {
    id: 'RuleType',
    description: 'Where an ACL is programmed.',
    values: [
      { name: 'Host', description: 'Windows Filtering Platform (Windows Firewall) rule.' },
      { name: 'Switch', description: 'Virtual Filtering Platform (vSwitch) rule.' },
    ],
    maxInteger: 255,
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  ProtocolType: {
    id: 'ProtocolType',
    description: 'IP protocol, by name or by its IANA number (hcsshim sends numbers: 6 for TCP, 17 for UDP).',
    values: [
      { name: 'Unknown', value: 0 },
      { name: 'ICMPv4', value: 1 },
      { name: 'IGMP', value: 2 },
      { name: 'TCP', value: 6 },
      { name: 'UDP', value: 17 },
      { name: 'ICMPv6', value: 58 },
    ],
    maxInteger: 255,
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  IpamType: {
    id: 'IpamType',
    description: 'How endpoints get addresses.',
    values: [
      { name: 'Static', description: 'HNS assigns addresses from the subnets below.' },
      { name: 'Dhcp', description: 'Addresses come from a DHCP server on the network.' },
    ],
    maxInteger: 255,
    sources: ['HNS-SCHEMA'],
  },
  SetPolicyType: {
    id: 'SetPolicyType',
    description: 'Kind of IP set.',
    values: [
      { name: 'IPSET', description: 'A set of IP addresses or prefixes.' },
      { name: 'NESTEDIPSET', description: 'A set of other sets (HNS ≥ 15.0).', gate: 'NestedIpSet' },
    ],
    maxInteger: 255,
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'SDN-V2'],
  },
  NamespaceType: {
    id: 'NamespaceType',
    description: 'Kind of network namespace (compartment).',
    values: values('Host', 'HostDefault', 'Guest', 'GuestDefault'),
    maxInteger: 255,
    sources: ['HNS-SCHEMA'],
  },
  NamespaceResourceType: {
    id: 'NamespaceResourceType',
    description: 'What a namespace resource refers to.',
    values: values('Container', 'Endpoint'),
    maxInteger: 255,
    sources: ['HNS-SCHEMA'],
  },
  LoadBalancerDistribution: {
    id: 'LoadBalancerDistribution',
    description: 'How a load balancer spreads connections.',
    values: [
      { name: 'None', value: 0, description: '5-tuple hash.' },
      { name: 'SourceIPProtocol', value: 1, description: 'Source IP and protocol (session affinity).' },
      { name: 'SourceIP', value: 2, description: 'Source IP (session affinity).' },
    ],
    maxInteger: 2,
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  EncryptionMethod: { id: 'EncryptionMethod', description: 'Encryption method.', values: values('Ipsec'), maxInteger: 255, sources: ['HNS-SCHEMA'] },
  AuthenticationType: {
    id: 'AuthenticationType',
    description: 'IPsec authentication method.',
    values: values('PresharedKey', 'Certificate'),
    maxInteger: 255,
    sources: ['HNS-SCHEMA'],
  },
  IovInterruptModeration: {
    id: 'IovInterruptModeration',
    description: 'SR-IOV interrupt moderation (hcsshim sends a number).',
    values: values(
      'IovInterruptModerationDefault',
      'IovInterruptModerationAdaptive',
      'IovInterruptModerationOff',
      'IovInterruptModerationLow',
      'IovInterruptModerationMedium',
      'IovInterruptModerationHigh',
    ),
    maxInteger: 0xffffffff,
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
};

export const HNS_FLAGS: Record<FlagSetId, FlagSetSpec> = {
  NetworkFlags: {
    id: 'NetworkFlags',
    description: 'Network flags, an integer bit mask.',
    bits: [
      { name: 'None', value: 0, description: 'No flags.' },
      { name: 'EnableDnsProxy', value: 1, description: 'HNS runs a DNS proxy for the network.' },
      { name: 'EnableDhcpServer', value: 2, description: 'HNS runs a DHCP server for the network.' },
      { name: 'EnableMirroring', value: 4, description: 'Mirror traffic.' },
      { name: 'EnableNonPersistent', value: 8, description: 'The network does not survive a reboot or an HNS restart (HNS sets it on `nat`).' },
      { name: 'EnablePersistent', description: 'Keep the network across reboots (value not published).' },
      { name: 'IsolateVSwitch', description: 'Isolate the vSwitch (value not published).' },
      { name: 'EnableFlowSteering', since: '2.11', description: 'Flow steering (value not published).' },
      { name: 'DisableHostPort', value: 1024, gate: 'DisableHostPort', description: 'No host vNIC on the network (HNS ≥ 15.1).' },
      { name: 'EnableIov', value: 8192, description: 'SR-IOV offload.' },
      { name: 'DisableSharing', since: '2.14', description: 'Value not published.' },
      { name: 'EnableFirewall', since: '2.14', description: 'Value not published.' },
    ],
    unpublishedNames: true,
    sources: ['SDN-V2', 'HCSSHIM', 'HNS-SCHEMA'],
  },
  V1NetworkFlags: {
    id: 'V1NetworkFlags',
    description: 'Flags HNS reports on a network (read-only in v1 output; 8 = non-persistent on `nat`).',
    bits: [
      { name: 'None', value: 0, description: 'No flags.' },
      { name: 'EnableDnsProxy', value: 1, description: 'DNS proxy.' },
      { name: 'EnableDhcpServer', value: 2, description: 'DHCP server.' },
      { name: 'EnableMirroring', value: 4, description: 'Mirroring.' },
      { name: 'EnableNonPersistent', value: 8, description: 'Not persisted across reboots.' },
    ],
    unpublishedNames: true,
    sources: ['https://github.com/projectcalico/calico/issues/8465', 'SDN-V2'],
  },
  EndpointFlags: {
    id: 'EndpointFlags',
    description: 'Endpoint flags, an integer bit mask.',
    bits: [
      { name: 'None', value: 0, description: 'No flags.' },
      { name: 'RemoteEndpoint', value: 1, description: 'The endpoint lives on another host (overlay); it needs a ProviderAddress policy.' },
      { name: 'DisableInterComputeCommunication', value: 2, description: 'No traffic between endpoints of the network (DisableICC).' },
      { name: 'EnableMirroring', value: 4, description: 'Mirror traffic.' },
      { name: 'EnableLowInterfaceMetric', value: 8, description: 'Give the interface a low route metric.' },
      { name: 'OverrideDNSServerOrder', value: 16, description: 'Use the endpoint DNS servers first.' },
      { name: 'EnableDhcp', value: 32, description: 'Get the address by DHCP.' },
    ],
    unpublishedNames: false,
    sources: ['SDN-V2', 'HNS-SCHEMA', 'HCSSHIM'],
  },
  SubnetFlags: {
    id: 'SubnetFlags',
    description: 'Subnet flags (schema 2.7).',
    bits: [
      { name: 'None', value: 0, description: 'No flags.' },
      { name: 'DoNotReserveGatewayAddress', value: 1, description: 'Do not reserve the gateway address for the host.' },
    ],
    unpublishedNames: false,
    sources: ['HCSSHIM', 'HNS-SCHEMA'],
  },
  IpSubnetFlags: {
    id: 'IpSubnetFlags',
    description: 'IP subnet flags (schema 2.5).',
    bits: [
      { name: 'None', value: 0, description: 'No flags.' },
      { name: 'EnableBroadcast', value: 1, description: 'Allow broadcast on the subnet.' },
      { name: 'ReserveNetworkAddress', value: 2, description: 'Reserve the network address.' },
    ],
    unpublishedNames: false,
    sources: ['SDN-V2', 'HNS-SCHEMA'],
  },
  NatFlags: {
    id: 'NatFlags',
    description: 'Port-mapping and outbound NAT flags.',
    bits: [
      { name: 'None', value: 0, description: 'No flags.' },
      { name: 'LocalRoutedVip', value: 1, description: 'The VIP is routed locally.' },
      { name: 'IPv6', value: 2, since: '2.8', description: 'The policy is for IPv6 (the second OutBoundNAT of a dual-stack endpoint).' },
      {
        name: 'ExternalPortReserved',
        value: 4,
        description: 'The external port is already reserved. Named only in microsoft/SDN `hns.v2.psm1`, not in hcsshim or the HNS schema.',
      },
    ],
    unpublishedNames: false,
    sources: ['HCSSHIM', 'SDN-V2', 'HNS-SCHEMA'],
  },
  LoadBalancerFlags: {
    id: 'LoadBalancerFlags',
    description: 'Load balancer flags.',
    bits: [
      { name: 'None', value: 0, description: 'No flags.' },
      { name: 'EnableDirectServerReturn', value: 1, gate: 'DSR', description: 'Direct Server Return.' },
      { name: 'IPv6', value: 2, since: '2.8', description: 'IPv6 load balancer.' },
    ],
    unpublishedNames: false,
    sources: ['HCSSHIM', 'SDN-V2', 'HNS-SCHEMA'],
  },
  LoadBalancerPortMappingFlags: {
    id: 'LoadBalancerPortMappingFlags',
    description: 'Load balancer port-mapping flags.',
    bits: [
      { name: 'None', value: 0, description: 'No flags.' },
      { name: 'EnableInternalLoadBalancer', value: 1, description: 'Internal load balancer (ILB).' },
      { name: 'LocalRoutedVip', value: 2, description: 'The VIP is routed locally.' },
      { name: 'UseMux', value: 4, description: 'Use the SLB MUX (HNS-SCHEMA calls this bit NotUsed).' },
      { name: 'EnablePreserveDip', value: 8, description: 'Preserve the destination IP.' },
    ],
    unpublishedNames: false,
    sources: ['HCSSHIM', 'SDN-V2', 'HNS-SCHEMA'],
  },
};

/** The canonical spelling of an enum value written in any case, or undefined. */
export function canonicalEnumName(id: EnumId, written: string): string | undefined {
  const lower = written.toLowerCase();
  return HNS_ENUMS[id].values.find((v) => v.name.toLowerCase() === lower)?.name;
}
