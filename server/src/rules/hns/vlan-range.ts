import { hnsModel } from '../../hns/model';
import { walkFields } from '../../hns/walk';
import { VLAN_ID_RANGE, vlanIdProblem } from '../../knowledge/values';
import type { Rule } from '../types';
import { integerValue, spanOf } from './helpers';

/** VLAN policies and subnet VLAN IsolationId (HNS-SCHEMA); IEEE 802.1Q VLAN IDs. */
export const hnsVlanRangeRule: Rule = {
  meta: {
    id: 'hns-vlan-range',
    title: `VLAN ID outside ${VLAN_ID_RANGE.min}–${VLAN_ID_RANGE.max}`,
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description: `A VLAN ID is a 12-bit 802.1Q tag: ${VLAN_ID_RANGE.min}–${VLAN_ID_RANGE.max} (0 means untagged and 4095 is reserved). v1 \`VLAN\` policies, v1 \`Isolation\` policies and v2 VLAN subnet or endpoint policies (\`IsolationId\`) take it; the host adapter must be in trunk mode for tagged traffic. An ID above ${VLAN_ID_RANGE.max} cannot be a usable tag, and 0 asks for no tag, so the policy is pointless: Docker itself sends no VLAN policy for \`vlanid\` 0. The compose option \`com.docker.network.windowsshim.vlanid\` is judged the same way (\`windowsshim-invalid-value\`).`,
    remedy: `Use a VLAN ID from ${VLAN_ID_RANGE.min} to ${VLAN_ID_RANGE.max}, or remove the policy for untagged traffic.`,
    caveat: 'No source shows what HNS does with 0 or with an ID above 4094 (refuse it, or program a tag nobody can use), so both are warnings.',
    examples: { bad: '{ "Type": "VLAN", "Settings": { "IsolationId": 4095 } }', good: '{ "Type": "VLAN", "Settings": { "IsolationId": 11 } }' },
    sources: ['HNS-SCHEMA', 'HCSSHIM', 'MSD-ADV', 'MOBY-WIN'],
  },
  check(ctx) {
    walkFields(hnsModel(ctx.doc), (use) => {
      if (use.type.kind !== 'int' || use.type.format !== 'vlan') return;
      const value = integerValue(use.node);
      const problem = value === undefined ? undefined : vlanIdProblem(value);
      if (!problem) return;
      ctx.report({
        span: spanOf(use.node),
        message: problem.untagged
          ? `${problem.text}: the policy tags nothing. Remove it for untagged traffic, or use an ID from ${VLAN_ID_RANGE.min} to ${VLAN_ID_RANGE.max}.`
          : `${problem.text}.`,
      });
    });
  },
};
