import { hnsModel, type PolicyUse } from '../../hns/model';
import type { Rule } from '../types';
import { spanOf } from './helpers';

const isVsid = (p: PolicyUse) => p.type?.toLowerCase() === 'vsid';

/** Every overlay subnet needs a VSID policy (HNS-SCHEMA, SDN-V2 examples). */
export const hnsOverlaySubnetVsidRule: Rule = {
  meta: {
    id: 'hns-overlay-subnet-vsid',
    title: 'Overlay subnet without a VSID',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2'],
    target: 'any',
    fixable: false,
    description:
      "An Overlay network encapsulates each subnet in VXLAN with the subnet's virtual subnet ID (VSID) as the VNI. Docker's Windows overlay driver puts a VSID policy on every subnet and refuses to work without pre-assigned VNIs; hcsshim's overlay networks do the same. A subnet without one has no VXLAN ID.",
    remedy:
      'Add `{"Type": "VSID", "Settings": {"IsolationId": 4096}}` to the subnet `Policies` (v2), or `{"Type": "VSID", "VSID": 4096}` (v1), one distinct VSID ≥ 4096 per subnet.',
    caveat:
      "The requirement comes from every client (Docker, hcsshim, hns.psm1) always sending one; HNS's own answer to an overlay subnet without a VSID is not documented, so this is a warning.",
    examples: {
      bad: '{ "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "Overlay", "Ipams": [{ "Type": "Static", "Subnets": [{ "IpAddressPrefix": "10.244.1.0/24" }] }] }',
      good: '{ "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "Overlay", "Ipams": [{ "Type": "Static", "Subnets": [{ "IpAddressPrefix": "10.244.1.0/24", "Policies": [{ "Type": "VSID", "Settings": { "IsolationId": 4096 } }] }] }] }',
    },
    errors: ['HNS failed with error : Element not found'],
    sources: ['MOBY-OV', 'HCSSHIM', 'MSD-DRV'],
  },
  check(ctx) {
    for (const network of hnsModel(ctx.doc).networks) {
      if (network.source === 'cni' || !network.type?.needsVsid) continue;
      // v1 clients also put the VSID on the network itself (one subnet per network).
      if (network.source === 'v1' && network.policies.some(isVsid)) continue;
      for (const subnet of network.subnets) {
        if (subnet.policies.some(isVsid)) continue;
        ctx.report({
          span: spanOf(subnet.prefix?.node ?? subnet.node),
          message: `Overlay subnet${subnet.prefix ? ` ${subnet.prefix.value}` : ''} has no VSID policy: VXLAN needs a virtual subnet ID per subnet (4096 or more). Add a VSID policy to the subnet.`,
        });
      }
    }
  },
};
