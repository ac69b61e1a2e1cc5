/** Every HNS rule, schema validation first, in a stable order (docs, SARIF and `--rule` read this list). */
import { hnsSchemaRule } from './schema';
import type { Rule } from '../types';
import { hnsAdapterNameRule } from './adapter-name';
import { hnsAddressOutsideSubnetRule } from './address-outside-subnet';
import { hnsCidrRule } from './cidr';
import { hnsCniPolicyShapeRule } from './cni-policy-shape';
import { hnsDuplicateIpRule } from './duplicate-ip';
import { hnsDuplicatePolicyRule } from './duplicate-policy';
import { hnsEndpointStateRule } from './endpoint-state';
import { hnsFlagBitsRule } from './flag-bits';
import { hnsIpAddressRule } from './ip-address';
import { hnsIpv6NetworkTypeRule } from './ipv6-network-type';
import { hnsIpv6OnlyRule } from './ipv6-only';
import { hnsLoadBalancerEndpointsRule } from './load-balancer-endpoints';
import { hnsLoadBalancerNetworkRule } from './load-balancer-network';
import { hnsMacAddressRule } from './mac-address';
import { hnsOverlaySubnetVsidRule } from './overlay-subnet-vsid';
import { hnsPlaceholderRule } from './placeholder';
import { hnsPolicyLocationRule } from './policy-location';
import { hnsPortRangeRule } from './port-range';
import { hnsRemoteEndpointNetworkRule } from './remote-endpoint-network';
import { hnsRemoteEndpointProviderAddressRule } from './remote-endpoint-provider-address';
import { hnsSchemaVersionRule } from './schema-version';
import { hnsTruncatedDumpRule } from './truncated-dump';
import { hnsVersionGateRule } from './version-gate';
import { hnsVlanRangeRule } from './vlan-range';
import { hnsVsidRangeRule } from './vsid-range';

export const HNS_RULES: readonly Rule[] = [
  hnsSchemaRule,
  hnsTruncatedDumpRule,
  hnsPlaceholderRule,
  hnsPolicyLocationRule,
  hnsCniPolicyShapeRule,
  hnsAdapterNameRule,
  hnsOverlaySubnetVsidRule,
  hnsVsidRangeRule,
  hnsRemoteEndpointProviderAddressRule,
  hnsRemoteEndpointNetworkRule,
  hnsIpv6NetworkTypeRule,
  hnsIpv6OnlyRule,
  hnsVersionGateRule,
  hnsSchemaVersionRule,
  hnsFlagBitsRule,
  hnsDuplicatePolicyRule,
  hnsPortRangeRule,
  hnsVlanRangeRule,
  hnsCidrRule,
  hnsIpAddressRule,
  hnsMacAddressRule,
  hnsAddressOutsideSubnetRule,
  hnsLoadBalancerNetworkRule,
  hnsLoadBalancerEndpointsRule,
  hnsEndpointStateRule,
  hnsDuplicateIpRule,
];
