import { asScalar, type ScalarNode } from '../../documents/tree';
import { hnsModel, type PolicyUse } from '../../hns/model';
import { setting } from '../../hns/walk';
import { cidrContains, parseIp } from '../../knowledge/addresses';
import type { Rule } from '../types';
import { networkById, spanOf } from './helpers';

const KUBE_PROXY = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/proxy/winkernel/proxier.go';

const sameIp = (a: string, b: string) => {
  const x = parseIp(a.trim());
  const y = parseIp(b.trim());
  return x !== undefined && y !== undefined && x.family === y.family && x.bytes.every((v, i) => v === y.bytes[i]);
};

const text = (p: PolicyUse, key: string) => {
  const s = asScalar(setting(p, key));
  return typeof s?.value === 'string' ? { node: s, value: s.value } : undefined;
};

/**
 * kube-proxy (pkg/proxy/winkernel/proxier.go, findRemoteSubnetProviderAddress) gives an Overlay remote endpoint the
 * ProviderAddress of the network's RemoteSubnetRoute whose DestinationPrefix holds the endpoint's IP (the routes
 * flannel writes per node, flannel-io/flannel#1061); an address in no route is taken for a public IP and gets the
 * node's own address. kube-proxy reuses a remote endpoint it finds by IP, so one made before a subnet moved keeps
 * the old host.
 */
export const hnsRemoteEndpointNetworkRule: Rule = {
  meta: {
    id: 'hns-remote-endpoint-network',
    title: "Remote endpoint's provider address differs from its network's route",
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2'],
    target: 'any',
    fixable: false,
    description:
      "On an Overlay network, each remote pod subnet has a `RemoteSubnetRoute` network policy that names the host holding it (`DestinationPrefix`, `ProviderAddress`; flannel writes one per node). kube-proxy gives a remote endpoint the provider address of the route that holds its IP. A remote endpoint whose provider address is another one sends that container's traffic to the wrong host: it is left from before the subnet moved (a node replaced or re-addressed), and kube-proxy keeps reusing it because it looks endpoints up by IP. winnet checks this when the document holds the network with its routes and the remote endpoint.",
    remedy:
      'Delete the stale remote endpoint (`Remove-HnsEndpoint`, `hnsdiag delete endpoints <id>`); kube-proxy creates it again with the provider address of the current route on its next sync.',
    caveat:
      "The rule follows kube-proxy's own choice of provider address; another client may create remote endpoints differently, and HNS does not refuse the mismatch, so this is a warning. An endpoint whose address no route holds is not judged (kube-proxy gives it the node's own address).",
    examples: {
      bad: '[\n  { "ID": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "Overlay",\n    "Policies": [{ "Type": "RemoteSubnetRoute", "Settings": { "DestinationPrefix": "10.244.2.0/24", "IsolationId": 4096, "ProviderAddress": "10.0.0.5" } }] },\n  { "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Flags": 1, "IpConfigurations": [{ "IpAddress": "10.244.2.9" }],\n    "Policies": [{ "Type": "ProviderAddress", "Settings": { "ProviderAddress": "10.0.0.9" } }] }\n]',
      good: '[\n  { "ID": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "Overlay",\n    "Policies": [{ "Type": "RemoteSubnetRoute", "Settings": { "DestinationPrefix": "10.244.2.0/24", "IsolationId": 4096, "ProviderAddress": "10.0.0.5" } }] },\n  { "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Flags": 1, "IpConfigurations": [{ "IpAddress": "10.244.2.9" }],\n    "Policies": [{ "Type": "ProviderAddress", "Settings": { "ProviderAddress": "10.0.0.5" } }] }\n]',
    },
    sources: [KUBE_PROXY, 'https://github.com/flannel-io/flannel/pull/1061', 'HNS-SCHEMA', 'HCSSHIM'],
  },
  check(ctx) {
    const model = hnsModel(ctx.doc);
    for (const endpoint of model.endpoints) {
      if (!endpoint.remote) continue;
      const network = networkById(model, endpoint.networkId);
      if (network?.type?.name !== 'Overlay') continue;
      const pa = endpoint.policies
        .filter((p) => /^(pa|provideraddress)$/i.test(p.type ?? ''))
        .map((p) => text(p, p.schema === 'v1' ? 'PA' : 'ProviderAddress'))
        .find(Boolean);
      if (!pa || !parseIp(pa.value.trim())) continue;
      for (const address of endpoint.addresses) {
        // kube-proxy's loop: the last route that holds the address (or whose PA is the address) wins.
        let chosen: { prefix: string; value: string; node: ScalarNode } | undefined;
        for (const p of network.policies) {
          if (p.type?.toLowerCase() !== 'remotesubnetroute') continue;
          const prefix = text(p, 'DestinationPrefix');
          const routePa = text(p, 'ProviderAddress');
          if (!prefix || !routePa) continue;
          if (cidrContains(prefix.value.trim(), address.value.trim()) === true || sameIp(routePa.value, address.value)) {
            chosen = { prefix: prefix.value, value: routePa.value, node: routePa.node };
          }
        }
        if (!chosen || !parseIp(chosen.value.trim()) || sameIp(chosen.value, pa.value)) continue;
        ctx.report({
          span: spanOf(pa.node),
          message: `Remote endpoint ${address.value} is encapsulated to ${pa.value}, but the network's RemoteSubnetRoute for ${chosen.prefix} puts that subnet on ${chosen.value}: its traffic goes to the wrong host. The endpoint is stale (kube-proxy reuses remote endpoints by IP): delete it, and kube-proxy recreates it with the route's provider address.`,
          related: [{ span: spanOf(chosen.node), message: 'the route for this subnet' }],
        });
        break;
      }
    }
  },
};
