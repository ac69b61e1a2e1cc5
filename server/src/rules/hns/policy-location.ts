import { hnsModel, type PolicyUse } from '../../hns/model';
import type { PolicyLocation } from '../../knowledge/hns-model';
import type { Rule } from '../types';
import { spanOf } from './helpers';

const PLACE: Record<PolicyLocation, string> = {
  network: 'a network policy',
  endpoint: 'an endpoint policy',
  subnet: 'a subnet policy',
  policylist: 'a policy-list policy',
};
const LIST: Record<PolicyLocation, string> = {
  network: "a network's `Policies`",
  endpoint: "an endpoint's `Policies`",
  subnet: "a subnet's `Policies`",
  policylist: "a policy list's `Policies`",
};

function where(p: PolicyUse): string {
  return p.cni ? `a CNI \`${p.cni.name ?? 'EndpointPolicy'}\` entry` : LIST[p.location];
}

/** v1 policy types (hcsshim internal/hns) and v2 NetworkPolicyType / EndpointPolicyType / SubnetPolicyType (HNS-SCHEMA). */
export const hnsPolicyLocationRule: Rule = {
  meta: {
    id: 'hns-policy-location',
    title: 'Policy type in the wrong place (network vs endpoint vs subnet)',
    defaultSeverity: 'error',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'HCN keeps separate policy types for networks (`NetworkPolicyType`: NetAdapterName, VxlanPort, RemoteSubnetRoute, ...), endpoints (`EndpointPolicyType`: PortMapping, OutBoundNAT, ACL, ...) and subnets (`SubnetPolicyType`: VLAN, VSID). HNS refuses a type in the wrong list (HCN_E_INVALID_POLICY_TYPE). HNS v1 takes untyped policy lists, but its policy types are still meant for one place: VLAN and VSID on networks and subnets, NAT, ACL, QOS, PA and OutBoundNAT on endpoints, ELB in policy lists.',
    remedy: 'Move the policy to the object it belongs to (e.g. VxlanPort on the network, PortMapping on the endpoint, VSID on the subnet).',
    caveat: 'For v1 the placement comes from what clients do (hcsshim, Docker, the CNI plugins), not from an HNS refusal, so v1 placements are warnings.',
    examples: {
      bad: '{ "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Policies": [{ "Type": "VxlanPort", "Settings": { "Port": 4789 } }] }',
      good: '{ "Type": "Overlay", "Policies": [{ "Type": "VxlanPort", "Settings": { "Port": 4789 } }] }',
    },
    errors: ['Invalid policy type (0x803b000e)'],
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'HNS-V1-CLIENT', 'HCN-HR'],
  },
  check(ctx) {
    for (const p of hnsModel(ctx.doc).policies) {
      if (p.spec || !p.elsewhere || !p.typePair) continue;
      const places = p.elsewhere.locations.map((l) => PLACE[l]).join(' or ');
      const v1 = p.schema === 'v1';
      ctx.report({
        span: spanOf(p.typePair.value),
        severity: v1 ? 'warning' : 'error',
        message: v1
          ? `\`${p.type}\` is ${places} in HNS v1; in ${where(p)} HNS may ignore it.`
          : `\`${p.type}\` is ${places}: HNS refuses it in ${where(p)} (HCN_E_INVALID_POLICY_TYPE).`,
      });
    }
  },
};
