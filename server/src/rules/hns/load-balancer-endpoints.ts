import { getPair, items, pairs, scalarText, type Node } from '../../documents/tree';
import { hnsModel } from '../../hns/model';
import type { LoadBalancerModel } from '../../hns/model-types';
import type { Rule } from '../types';
import { spanOf } from './helpers';

const NETWORK_HEALTH = 'https://github.com/microsoft/SDN/blob/master/Kubernetes/windows/debug/networkmonitor/networkhealth.ps1';
const KUBE_PROXY = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/proxy/winkernel/proxier.go';
const MOBY_LB = 'https://github.com/moby/moby/blob/master/daemon/libnetwork/service_windows.go';

/** The key that lists the backends (v2 `HostComputeEndpoints`, v1 `References`), or where a missing list is reported. */
function listKey(lb: LoadBalancerModel): { key: string; node: Node } {
  const key = lb.object.schema === 'v1' ? 'References' : 'HostComputeEndpoints';
  const pair = getPair(lb.object.node, key);
  if (pair) return { key, node: pair.key };
  const fallback = ['FrontendVIPs', 'PortMappings', 'Policies', 'ID'].map((k) => getPair(lb.object.node, k)).find(Boolean) ?? pairs(lb.object.node)[0];
  return { key, node: fallback?.key ?? lb.object.node };
}

/**
 * kube-proxy never programs a load balancer without backends ("Endpoint information not available for service, not
 * applying any policy", pkg/proxy/winkernel/proxier.go), and Docker removes a service's policy lists with its last
 * backend ("No more backends for service ... Removing all policies", moby service_windows.go rmLBBackend);
 * networkhealth.ps1 LoadBalancerStaleRemoteEndpoints reports
 * load balancers whose endpoints are gone ("Detected N Load balancer stale remote endpoints", "Reconfigure Load
 * balancer policies or remove the stale endpoints").
 */
export const hnsLoadBalancerEndpointsRule: Rule = {
  meta: {
    id: 'hns-load-balancer-endpoints',
    title: 'Load balancer with no endpoints, or with endpoints that are gone',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2'],
    target: 'any',
    fixable: false,
    description:
      'An HNS load balancer (v2 `HostComputeLoadBalancer`, v1 policy list with an ELB policy) sends the traffic for its VIPs to its backend endpoints (`HostComputeEndpoints`, v1 `References`). With none it has nowhere to send it. Neither kube-proxy ("Endpoint information not available for service, not applying any policy") nor Docker\'s swarm routing mesh ("No more backends for service ... Removing all policies") keeps such a load balancer, so one in a dump was left behind. A load balancer naming endpoints the dump does not hold, while it holds others of the same load balancer or network, points at deleted endpoints; Microsoft\'s `networkhealth.ps1` reports these ("Detected ... Load balancer stale remote endpoints"). winnet judges only what the document holds: a dump of load balancers alone says nothing about endpoints.',
    remedy:
      'Delete the load balancer (`Remove-HnsPolicyList`, `hnsdiag delete loadbalancers <id>`) or give it backends; for Kubernetes, restarting kube-proxy reprograms the load balancers of every service.',
    caveat:
      "What HNS does with a load balancer that has no backends is not documented (hcsshim's `RemoveEndpoint` recreates a load balancer without the removed endpoint, so it may accept one), so this is a warning; endpoints missing from the dump are information, since a document may hold only part of a host's endpoints.",
    examples: {
      bad: '{ "SchemaVersion": { "Major": 2, "Minor": 0 }, "HostComputeEndpoints": [], "FrontendVIPs": ["10.96.0.10"], "PortMappings": [{ "Protocol": 17, "InternalPort": 53, "ExternalPort": 53 }] }',
      good: '{ "SchemaVersion": { "Major": 2, "Minor": 0 }, "HostComputeEndpoints": ["8C3E4D5F-7777-4081-9CAD-2E3F4A5B6C7D"], "FrontendVIPs": ["10.96.0.10"], "PortMappings": [{ "Protocol": 17, "InternalPort": 53, "ExternalPort": 53 }] }',
    },
    errors: ['Detected <count> stale remote endpoints', 'Reconfigure Load balancer policies or remove the stale endpoints'],
    sources: [KUBE_PROXY, MOBY_LB, NETWORK_HEALTH, 'HCSSHIM', 'HNS-V1-CLIENT'],
  },
  check(ctx) {
    const model = hnsModel(ctx.doc);
    const endpointIds = new Set(model.endpoints.map((e) => e.id?.toLowerCase()).filter(Boolean));
    const networksWithEndpoints = new Set(model.endpoints.map((e) => e.networkId?.toLowerCase()).filter(Boolean));
    for (const lb of model.loadBalancers) {
      const { key, node } = listKey(lb);
      if (!lb.endpointIds.length) {
        ctx.report({
          span: spanOf(node),
          message: `Load balancer with no backend endpoints${getPair(lb.object.node, key) ? '' : ` (no \`${key}\`)`}: nothing receives the traffic sent to it. kube-proxy and Docker remove a load balancer with its last backend, so this one was left behind: delete it, or give it endpoints.`,
        });
        continue;
      }
      // Endpoints of a dump that holds some of this load balancer's backends, or others of its network, are all there.
      const present = lb.endpointIds.some((id) => endpointIds.has(id.toLowerCase()));
      const sameNetwork = lb.networkId !== undefined && networksWithEndpoints.has(lb.networkId.toLowerCase());
      if (!present && !sameNetwork) continue;
      const list = getPair(lb.object.node, key);
      for (const item of items(list?.value)) {
        const text = scalarText(item);
        const id = text?.replace(/^\/?endpoints\//i, '');
        if (!id || endpointIds.has(id.toLowerCase())) continue;
        ctx.report({
          span: spanOf(item),
          severity: 'information',
          message: `Backend ${id} is not among the endpoints of this dump, which holds ${present ? "this load balancer's other backends" : 'endpoints of its network'}: it looks deleted, yet the load balancer still lists it (networkhealth.ps1 reports this as a stale endpoint). Restart kube-proxy, or recreate the load balancer without it.`,
        });
      }
    }
  },
};
