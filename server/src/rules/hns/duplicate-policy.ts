import { asScalar, getPair, items } from '../../documents/tree';
import { familyOf } from '../../hns/model-common';
import { hnsModel, type PolicyUse } from '../../hns/model';
import { setting } from '../../hns/walk';
import type { Rule } from '../types';
import { integerValue, spanOf } from './helpers';

/** The list a policy sits in: its parent pointer; CNI policies of one plugin form one endpoint. */
function listOf(p: PolicyUse): string {
  if (p.cni) return p.pointer.replace(/\/[^/]+\/\d+\/[^/]+$/, '');
  return p.pointer.replace(/\/\d+$/, '');
}

/** IP family of an OutBoundNAT policy: the IPv6 NAT flag, else its address or first exception. */
function natFamily(p: PolicyUse): 4 | 6 {
  const flags = integerValue(setting(p, 'Flags'));
  if (flags !== undefined && (flags & 2) === 2) return 6;
  const address = asScalar(setting(p, 'VirtualIP') ?? setting(p, 'VIP'))?.value;
  if (typeof address === 'string' && familyOf(address)) return familyOf(address)!;
  const exceptions = items(setting(p, 'Exceptions') ?? setting(p, 'ExceptionList') ?? getPair(p.settings, 'Destinations')?.value);
  const first = asScalar(exceptions[0])?.value;
  return typeof first === 'string' && familyOf(first) === 6 ? 6 : 4;
}

/** HCN_INTERFACEPARAMETERS_ALREADY_APPLIED; one OutBoundNAT per address family. */
export const hnsDuplicatePolicyRule: Rule = {
  meta: {
    id: 'hns-duplicate-policy',
    title: 'Policy that may appear once, repeated',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'Some policies describe a single property of their network, subnet or endpoint: its adapter, source MAC, provider address, VXLAN port, VLAN or VSID, bandwidth cap, MTU. HNS refuses a second InterfaceParameters policy on an endpoint (HCN_INTERFACEPARAMETERS_ALREADY_APPLIED); for the others a second copy is at best ignored, and which one wins is not documented. OutBoundNAT may appear once per IP family (a dual-stack endpoint carries an IPv4 and an IPv6 one).',
    remedy: 'Keep one policy of the type (one per IP family for OutBoundNAT) and merge the settings into it.',
    caveat: 'Only InterfaceParameters has a documented refusal; other repeats are warnings.',
    examples: {
      bad: '{ "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Policies": [{ "Type": "InterfaceParameters", "Settings": { "Mtu": 1450 } }, { "Type": "InterfaceParameters", "Settings": { "Mtu": 1500 } }] }',
      good: '{ "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Policies": [{ "Type": "InterfaceParameters", "Settings": { "Mtu": 1450 } }] }',
    },
    errors: ['Cannot apply more than one InterfaceParameters policy (0x803b0036)'],
    sources: ['HNS-SCHEMA', 'HCN-HR', 'SDN-V2', 'WCN'],
  },
  check(ctx) {
    const seen = new Map<string, PolicyUse>();
    for (const p of hnsModel(ctx.doc).policies) {
      const single = p.spec?.singleton;
      if (!single || !p.typePair) continue;
      const family = single.per === 'family' ? natFamily(p) : undefined;
      const key = `${listOf(p)}\u0000${p.spec!.type}\u0000${family ?? ''}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, p);
        continue;
      }
      const what = family ? `a second IPv${family} \`${p.spec!.type}\` policy` : `a second \`${p.spec!.type}\` policy`;
      ctx.report({
        span: spanOf(p.typePair.value),
        severity: single.refused ? 'error' : 'warning',
        message: single.refused
          ? `${what[0].toUpperCase()}${what.slice(1)} on the same endpoint: HNS refuses it (HCN_INTERFACEPARAMETERS_ALREADY_APPLIED). Keep one.`
          : `${what[0].toUpperCase()}${what.slice(1)} in the same list: the type describes one property, and which copy HNS keeps is not documented. Keep one.`,
        related: first.typePair ? [{ span: spanOf(first.typePair.value), message: 'the first one' }] : [],
      });
    }
  },
};
