import { hnsModel } from '../../hns/model';
import { walkFields } from '../../hns/walk';
import type { Rule } from '../types';
import { integerValue, spanOf } from './helpers';

const MAX_VNI = 16777215; // VXLAN network identifiers are 24-bit

/**
 * moby daemon/libnetwork/drivers/overlay/ovmanager/ovmanager.go, vxlanIDStart = 4096: "Windows does not support VXLAN
 * IDs which overlap the range of 802.1Q VLAN IDs [0, 4095]"; vxlanIDEnd is 2^24 − 1 (RFC 7348).
 */
export const hnsVsidRangeRule: Rule = {
  meta: {
    id: 'hns-vsid-range',
    title: 'VSID (VXLAN ID) below 4096 or above 16777215',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'The VSID of an overlay subnet is its VXLAN network identifier. VXLAN IDs are 24-bit, so above 16777215 nothing can carry them. Windows cannot use 0–4095: they overlap 802.1Q VLAN IDs, which is why Docker swarm allocates Windows VNIs from 4096 and Flannel on Windows uses 4096.',
    remedy: 'Use a VSID from 4096 to 16777215, one per subnet.',
    caveat:
      'The 4096 floor is documented by Docker (swarm allocation) and Kubernetes (Flannel), not by HNS itself; below it the finding is a warning. Above 16777215 it is an error.',
    examples: { bad: '{ "Type": "VSID", "Settings": { "IsolationId": 100 } }', good: '{ "Type": "VSID", "Settings": { "IsolationId": 4096 } }' },
    errors: ['HNS failed with error : Element not found'],
    sources: ['MOBY-OVMGR', 'MOBY-OV', 'K8S-WIN', 'HCSSHIM'],
  },
  check(ctx) {
    walkFields(hnsModel(ctx.doc), (use) => {
      if (use.type.kind !== 'int' || use.type.format !== 'vsid') return;
      const value = integerValue(use.node);
      if (value === undefined) return;
      if (value > MAX_VNI) {
        ctx.report({ span: spanOf(use.node), severity: 'error', message: `VSID ${value} does not fit in a 24-bit VXLAN ID (at most ${MAX_VNI}).` });
      } else if (value < 4096) {
        ctx.report({
          span: spanOf(use.node),
          message: `VSID ${value} is below 4096: Windows cannot use VXLAN IDs 0–4095, which overlap 802.1Q VLAN IDs (Docker swarm and Flannel start at 4096).`,
        });
      }
    });
  },
};
