import { hnsModel } from '../../hns/model';
import { withArticle } from '../../knowledge/hns-network-types';
import { HNS_REF } from '../../knowledge/hns-sources';
import type { Rule } from '../types';
import { networkById, spanOf } from './helpers';
import { getPair } from '../../documents/tree';

/** shared/windows-networking.md §6.6, §6.12: load balancers need an "SDN" network (hcsshim#705). */
export const hnsLoadBalancerNetworkRule: Rule = {
  meta: {
    id: 'hns-load-balancer-network',
    title: 'Load balancer on a NAT network',
    defaultSeverity: 'error',
    kinds: ['hcn-v2'],
    target: 'any',
    fixable: false,
    description:
      'HNS only creates load balancers (and v1 ELB policies) on "SDN" networks such as Overlay and L2Bridge. On a NAT network HNS refuses them. winnet checks this when the document holds both the load balancer and the network of its endpoints (or its `HostComputeNetwork`).',
    remedy: 'Put the backends on an L2Bridge or Overlay network, or publish ports with PortMapping policies on the NAT endpoints instead.',
    examples: { bad: '[{ "ID": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "NAT" }, { "SchemaVersion": { "Major": 2, "Minor": 5 }, "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "HostComputeEndpoints": [], "FrontendVIPs": ["10.0.0.10"] }]' },
    sources: [HNS_REF.ELB_SDN, 'HCSSHIM'],
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
        message: `Load balancer on ${withArticle(network.type.name)} network${network.name ? ` (\`${network.name}\`)` : ''}: HNS only allows load balancers on SDN networks such as Overlay or L2Bridge, and refuses this one.`,
        related: [{ span: spanOf(network.typePair?.value ?? network.anchor), message: 'the network' }],
      });
    }
  },
};
