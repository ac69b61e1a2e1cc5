import { hnsModel } from '../../hns/model';
import { withArticle } from '../../knowledge/hns-network-types';
import type { Rule } from '../types';
import { networkById, spanOf } from './helpers';
import { getPair } from '../../documents/tree';

/**
 * Microsoft's architecture page: NAT networks use WinNAT and the firewall, "for all other networks HNS utilizes
 * VFP ... which includes load balancing"; hcsshim moved its load-balancer tests from NAT to Overlay networks "so
 * LBPolicy will work" (commit 50949ce32) and requires an SDN network for ELB (hcsshim#705). No HRESULT documents
 * the refusal, so this is a warning.
 */
export const hnsLoadBalancerNetworkRule: Rule = {
  meta: {
    id: 'hns-load-balancer-network',
    title: 'Load balancer on a NAT network',
    defaultSeverity: 'warning',
    kinds: ['hcn-v2'],
    target: 'any',
    fixable: false,
    description:
      'HNS load-balances through VFP, the virtual switch\'s filtering platform, which it uses on "SDN" networks such as Overlay and L2Bridge; NAT networks go through WinNAT and the host firewall instead, so a load balancer over NAT endpoints does not balance. winnet checks this when the document holds both the load balancer and the network of its endpoints (or its `HostComputeNetwork`).',
    remedy: 'Put the backends on an L2Bridge or Overlay network, or publish ports with PortMapping policies on the NAT endpoints instead.',
    caveat:
      'Microsoft documents the mechanism (VFP for load balancing, WinNAT for NAT), not an error code: whether HNS refuses the load balancer or accepts one that does nothing is not documented, so this is a warning. A network with no `Type` is not judged.',
    examples: {
      bad: '[{ "ID": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "NAT" }, { "SchemaVersion": { "Major": 2, "Minor": 5 }, "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "HostComputeEndpoints": ["8C3E4D5F-7777-4081-9CAD-2E3F4A5B6C7D"], "FrontendVIPs": ["10.0.0.10"] }]',
    },
    sources: ['MSD-ARCH', 'https://github.com/microsoft/hcsshim/pull/705', 'https://github.com/microsoft/hcsshim/commit/50949ce32', 'HCSSHIM'],
  },
  check(ctx) {
    const model = hnsModel(ctx.doc);
    for (const lb of model.loadBalancers) {
      // The network named on the load balancer, or the networks of its backend endpoints held in the document.
      const backends = lb.endpointIds.map((id) => model.endpoints.find((e) => e.id?.toLowerCase() === id.toLowerCase())?.networkId);
      const ids = [lb.networkId, ...backends];
      const network = ids.map((id) => networkById(model, id)).find((n) => n?.type?.loadBalancers === 'no');
      if (!network?.type) continue;
      const anchor = getPair(lb.object.node, 'HostComputeNetwork')?.value ?? getPair(lb.object.node, 'HostComputeEndpoints')?.key ?? lb.anchor;
      ctx.report({
        span: spanOf(anchor),
        message: `Load balancer on ${withArticle(network.type.name)} network${network.name ? ` (\`${network.name}\`)` : ''}: HNS load-balances only on SDN networks such as Overlay or L2Bridge (through VFP); NAT networks go through WinNAT.`,
        related: [{ span: spanOf(network.typePair?.value ?? network.anchor), message: 'the network' }],
      });
    }
  },
};
