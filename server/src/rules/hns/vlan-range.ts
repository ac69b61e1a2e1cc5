import { hnsModel } from '../../hns/model';
import { walkFields } from '../../hns/walk';
import type { Rule } from '../types';
import { integerValue, spanOf } from './helpers';

/** VLAN policies and subnet VLAN IsolationId (HNS-SCHEMA); IEEE 802.1Q VLAN IDs. */
export const hnsVlanRangeRule: Rule = {
  meta: {
    id: 'hns-vlan-range',
    title: 'VLAN ID outside 1–4094',
    defaultSeverity: 'error',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'A VLAN ID is a 12-bit 802.1Q tag: 1–4094 (0 means untagged and 4095 is reserved). v1 `VLAN` policies, v1 `Isolation` policies and v2 VLAN subnet or endpoint policies (`IsolationId`) take it; the host adapter must be in trunk mode for tagged traffic. An ID above 4094 cannot be a tag (error); 0 asks for no tag, so the policy is pointless (warning): Docker itself sends no VLAN policy for `vlanid` 0.',
    remedy: 'Use a VLAN ID from 1 to 4094, or remove the policy for untagged traffic.',
    caveat: 'No source shows HNS refusing 0; that is why it is a warning.',
    examples: { bad: '{ "Type": "VLAN", "Settings": { "IsolationId": 4095 } }', good: '{ "Type": "VLAN", "Settings": { "IsolationId": 11 } }' },
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'MSD-ADV', 'MOBY-WIN'],
  },
  check(ctx) {
    walkFields(hnsModel(ctx.doc), (use) => {
      if (use.type.kind !== 'int' || use.type.format !== 'vlan') return;
      const value = integerValue(use.node);
      if (value === undefined || (value >= 1 && value <= 4094)) return;
      if (value === 0) {
        ctx.report({
          span: spanOf(use.node),
          severity: 'warning',
          message: 'VLAN ID 0 means untagged: the policy tags nothing. Remove it for untagged traffic, or use an ID from 1 to 4094.',
        });
        return;
      }
      const why = value === 4095 ? '4095 is reserved' : 'VLAN IDs are 12-bit';
      ctx.report({ span: spanOf(use.node), message: `VLAN ID ${value} is not usable (${why}): 802.1Q VLAN IDs are 1–4094.` });
    });
  },
};
