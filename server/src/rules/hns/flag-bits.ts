import { hnsModel } from '../../hns/model';
import { walkFields } from '../../hns/walk';
import { HNS_FLAGS } from '../../knowledge/hns-enums';
import type { Rule } from '../types';
import { integerValue, spanOf } from './helpers';

/** Flag bit values and how sure each is: knowledge/hns-enums.ts, from HNS-SCHEMA and hcsshim. */
export const hnsFlagBitsRule: Rule = {
  meta: {
    id: 'hns-flag-bits',
    title: 'Flag bits with no known meaning',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'HNS flags (NetworkFlags, EndpointFlags, SubnetFlags, IpSubnetFlags, NatFlags, LoadBalancerFlags, LoadBalancerPortMappingFlags) are integer bit masks. Bits outside the published values have no known meaning; a typo in a mask (16 for 1, 64 for 4) turns on something else or nothing.',
    remedy: 'Use the published bit values (hover the field to see them) and add them up.',
    caveat:
      'HNS-SCHEMA names some network flags (EnablePersistent, IsolateVSwitch, EnableFlowSteering, DisableSharing, EnableFirewall) without publishing their values, so an unknown NetworkFlags bit may be one of them: those are information only.',
    examples: {
      bad: '{ "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Flags": 64 }',
      good: '{ "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Flags": 1 }',
    },
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'https://github.com/microsoft/SDN/blob/master/Kubernetes/windows/hns.v2.psm1'],
  },
  check(ctx) {
    walkFields(hnsModel(ctx.doc), (use) => {
      if (use.type.kind !== 'flags') return;
      const value = integerValue(use.node);
      if (value === undefined || value < 0 || value > 0xffffffff) return;
      const set = HNS_FLAGS[use.type.flags];
      const known = set.bits.reduce((mask, b) => (b.value ? mask | b.value : mask), 0);
      const unknown = (value & ~known) >>> 0;
      if (!unknown) return;
      const bits: number[] = [];
      for (let bit = 1; bit <= 0x80000000 && bit > 0; bit *= 2) if (unknown & bit) bits.push(bit);
      const published = set.bits
        .filter((b) => b.value)
        .map((b) => `${b.value} ${b.name}`)
        .join(', ');
      ctx.report({
        span: spanOf(use.node),
        severity: set.unpublishedNames ? 'information' : 'warning',
        message: `${set.id} ${value} sets bit${bits.length > 1 ? 's' : ''} ${bits.join(', ')} with no published meaning (known: ${published})${set.unpublishedNames ? '; it may be one of the flags HNS-SCHEMA names without a value' : ''}.`,
      });
    });
  },
};
