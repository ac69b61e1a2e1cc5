/** Every rule winnet runs, in a stable order (docs, SARIF and `--rule` read this list). */
import { auxAddressesRule } from './compose/aux-addresses';
import { composeVariableRule } from './compose/compose-variable';
import { disableIpv4Rule } from './compose/disable-ipv4';
import { dnsOptRule } from './compose/dns-opt';
import { driverNameCaseRule } from './compose/driver-name-case';
import { driverOptsTypeRule } from './compose/driver-opts-type';
import { duplicateHostPortRule } from './compose/duplicate-host-port';
import { enableIpv6Rule } from './compose/enable-ipv6';
import { ephemeralHostPortRule } from './compose/ephemeral-host-port';
import { externalNameDeprecatedRule } from './compose/external-name-deprecated';
import { externalNetworksSameAdapterRule } from './compose/external-networks-same-adapter';
import { extraHostsRule } from './compose/extra-hosts';
import { hostDockerInternalRule } from './compose/host-docker-internal';
import { hypervHotAddRule } from './compose/hyperv-hot-add';
import { internalNetworkRule } from './compose/internal-network';
import { ipRangeRule } from './compose/ip-range';
import { ipamDriverRule } from './compose/ipam-driver';
import { ipamOptionsRule } from './compose/ipam-options';
import { ipv6AddressRule } from './compose/ipv6-address';
import { ipv6SubnetRule } from './compose/ipv6-subnet';
import { isolationValueRule } from './compose/isolation-value';
import { l2bridgeOutboundnatRule } from './compose/l2bridge-outboundnat';
import { linksRule } from './compose/links';
import { linuxCapabilitiesRule } from './compose/linux-capabilities';
import { linuxDriverOptionRule } from './compose/linux-driver-option';
import { linuxDriverRule } from './compose/linux-driver';
import { natLoopbackRule } from './compose/nat-loopback';
import { natNetworkPerProjectRule } from './compose/nat-network-per-project';
import { networkModeBridgeRule } from './compose/network-mode-bridge';
import { networkModeHostRule } from './compose/network-mode-host';
import { networkModeHypervSharedRule } from './compose/network-mode-hyperv-shared';
import { outboundnatExceptionsWithoutEnableRule } from './compose/outboundnat-exceptions-without-enable';
import { overlayEncryptedRule } from './compose/overlay-encrypted';
import { overlayVniRule } from './compose/overlay-vni';
import { portHostIpRule } from './compose/port-host-ip';
import { portProtocolRule } from './compose/port-protocol';
import { portRangeRule } from './compose/port-range';
import { portsOnSeveralNetworksRule } from './compose/ports-on-several-networks';
import { privilegedRule } from './compose/privileged';
import { proxyEnvironmentRule } from './compose/proxy-environment';
import { routingMeshLtsc2016Rule } from './compose/routing-mesh-ltsc2016';
import { serviceNameResolutionRule } from './compose/service-name-resolution';
import { stackLocalNetworkRule } from './compose/stack-local-network';
import { staticIpOutsideSubnetRule } from './compose/static-ip-outside-subnet';
import { staticIpWithoutSubnetRule } from './compose/static-ip-without-subnet';
import { subnetOverlapRule } from './compose/subnet-overlap';
import { sysctlsRule } from './compose/sysctls';
import { transparentHostRequirementsRule } from './compose/transparent-host-requirements';
import { transparentPortsRule } from './compose/transparent-ports';
import { undefinedNetworkRule } from './compose/undefined-network';
import { windowsDriverOnLinuxRule } from './compose/windows-driver-on-linux';
import { windowsshimIgnoredOptionRule } from './compose/windowsshim-ignored-option';
import { windowsshimInternalOptionRule } from './compose/windowsshim-internal-option';
import { windowsshimInvalidValueRule } from './compose/windowsshim-invalid-value';
import { windowsshimUnknownOptionRule } from './compose/windowsshim-unknown-option';
import { windowsshimWrongDriverRule } from './compose/windowsshim-wrong-driver';
import { composeReferenceMeta, COMPOSE_REFERENCE_RULE_ID } from './compose-reference';
import { syntaxMeta, SYNTAX_RULE_ID } from './syntax';
import type { Rule, RuleMeta } from './types';
import { composeSchemaRule } from './compose-schema';
import { envFileRule } from './env-file';
import { HNS_RULES } from './hns';

export { COMPOSE_REFERENCE_RULE_ID, SYNTAX_RULE_ID };

export const COMPOSE_RULES: readonly Rule[] = [
  linuxDriverRule,
  windowsDriverOnLinuxRule,
  networkModeHostRule,
  networkModeBridgeRule,
  networkModeHypervSharedRule,
  enableIpv6Rule,
  ipv6AddressRule,
  ipv6SubnetRule,
  disableIpv4Rule,
  overlayEncryptedRule,
  overlayVniRule,
  ipRangeRule,
  auxAddressesRule,
  internalNetworkRule,
  ipamOptionsRule,
  ipamDriverRule,
  dnsOptRule,
  extraHostsRule,
  portHostIpRule,
  portRangeRule,
  portProtocolRule,
  transparentPortsRule,
  driverOptsTypeRule,
  windowsshimUnknownOptionRule,
  windowsshimWrongDriverRule,
  windowsshimInvalidValueRule,
  outboundnatExceptionsWithoutEnableRule,
  windowsshimIgnoredOptionRule,
  windowsshimInternalOptionRule,
  linuxDriverOptionRule,
  staticIpWithoutSubnetRule,
  staticIpOutsideSubnetRule,
  isolationValueRule,
  linksRule,
  externalNameDeprecatedRule,
  undefinedNetworkRule,
  natNetworkPerProjectRule,
  routingMeshLtsc2016Rule,
  externalNetworksSameAdapterRule,
  hypervHotAddRule,
  hostDockerInternalRule,
  duplicateHostPortRule,
  subnetOverlapRule,
  stackLocalNetworkRule,
  portsOnSeveralNetworksRule,
  natLoopbackRule,
  ephemeralHostPortRule,
  driverNameCaseRule,
  serviceNameResolutionRule,
  proxyEnvironmentRule,
  transparentHostRequirementsRule,
  l2bridgeOutboundnatRule,
  privilegedRule,
  linuxCapabilitiesRule,
  sysctlsRule,
  composeVariableRule,
];

export const ALL_RULES: readonly Rule[] = [...COMPOSE_RULES, composeSchemaRule, envFileRule, ...HNS_RULES];

/** Metadata of every rule id winnet can report, `syntax` included. */
export const ALL_RULE_META: readonly RuleMeta[] = [syntaxMeta, composeReferenceMeta, ...ALL_RULES.map((r) => r.meta)];

export function ruleMeta(id: string): RuleMeta | undefined {
  return ALL_RULE_META.find((m) => m.id === id);
}
