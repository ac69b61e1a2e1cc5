import { asScalar, getPair } from '../../documents/tree';
import { hnsModel } from '../../hns/model';
import type { AddressUse, EndpointModel } from '../../hns/model-types';
import { parseIp } from '../../knowledge/addresses';
import type { Rule } from '../types';
import { spanOf } from './helpers';

const FELIX = 'https://github.com/projectcalico/calico/blob/master/felix/dataplane/windows/endpoint_mgr.go';

/** The same address however it is written (`fd00::5` and `fd00:0::5`). */
function addressKey(a: AddressUse): string | undefined {
  const ip = parseIp(a.value.trim());
  return ip ? `${ip.family}:${ip.bytes.join('.')}` : undefined;
}

/** What the dump says about an endpoint that may explain the clash: remote, or not attached (v1 `State`). */
function note(endpoint: EndpointModel): string | undefined {
  if (endpoint.remote) return 'remote';
  const state = asScalar(getPair(endpoint.object.node, 'State')?.value)?.value;
  if (endpoint.object.schema === 'v1' && typeof state === 'number') {
    if (state === 1) return 'Created, not attached';
    if (state === 4) return 'Detached';
    if (state === 5) return 'Degraded';
  }
  return undefined;
}

/**
 * Azure/AKS#5653 (duplicate HNS endpoints with one IP; detection `Get-HnsEndpoint | Group-Object IPAddress`),
 * Calico Felix endpoint_mgr.go ("Some CNI plugins do not clear endpoint properly ... Felix sees multiple endpoints
 * with the same IP"), kubernetes/kubernetes#130963 and #131138 ("If two endpoints (one remote and one local) share
 * the same IP ..." kube-proxy removed the local one). HNS evidently accepts the second endpoint, since dumps show
 * them; no error text is published.
 */
export const hnsDuplicateIpRule: Rule = {
  meta: {
    id: 'hns-duplicate-ip',
    title: 'Two endpoints of one network with the same IP address',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2'],
    target: 'any',
    fixable: false,
    description:
      "Each endpoint of an HNS network needs its own IP address. Dumps of real hosts show that HNS does keep two endpoints with one address when a CNI plugin or kube-proxy leaves one behind: a pod whose IP was reused, a remote endpoint kube-proxy created for a pod that moved. The pod on that address then loses connectivity until the stale endpoint is removed (Azure/AKS#5653); with a stale remote endpoint on a local pod's address, kube-proxy deleted the local one (kubernetes/kubernetes#130963, fixed by #131138), and Calico has to guess which endpoint is live. winnet checks endpoints of the same network (`VirtualNetwork` / `HostComputeNetwork`) in one document, such as `Get-HnsEndpoint | ConvertTo-Json -Depth 10`.",
    remedy:
      'Find the stale endpoint (Detached or Created with no container, a remote endpoint for an address now local, or the older one) and delete it: `Get-HnsEndpoint | ? IPAddress -eq <ip>`, then `Remove-HnsEndpoint` or `hnsdiag delete endpoints <id>`. If it comes back, the plugin that created it is not cleaning up.',
    caveat:
      'No source gives the exact error HNS returns for a second endpoint with an address in use, or says it always refuses one; dumps show both endpoints exist, so this is a warning. Endpoints with no network named are not compared.',
    examples: {
      bad: '[\n  { "ID": "2B3C4D5E-AAAA-4F60-9B0C-1D2E3F4A5B6C", "VirtualNetwork": "B1F2C3D4-1111-4A2B-8C3D-5E6F7A8B9C0D", "IPAddress": "10.244.5.23", "State": 3 },\n  { "ID": "3C4D5E6F-BBBB-4071-8C1D-2E3F4A5B6C7D", "VirtualNetwork": "B1F2C3D4-1111-4A2B-8C3D-5E6F7A8B9C0D", "IPAddress": "10.244.5.23", "State": 3 }\n]',
      good: '[\n  { "ID": "2B3C4D5E-AAAA-4F60-9B0C-1D2E3F4A5B6C", "VirtualNetwork": "B1F2C3D4-1111-4A2B-8C3D-5E6F7A8B9C0D", "IPAddress": "10.244.5.23", "State": 3 },\n  { "ID": "3C4D5E6F-BBBB-4071-8C1D-2E3F4A5B6C7D", "VirtualNetwork": "C2A3B4C5-2222-4B3C-9D4E-6F7A8B9C0D1E", "IPAddress": "10.244.5.23", "State": 3 }\n]',
    },
    sources: [
      'https://github.com/Azure/AKS/issues/5653',
      FELIX,
      'https://github.com/kubernetes/kubernetes/issues/130963',
      'https://github.com/kubernetes/kubernetes/pull/131138',
    ],
  },
  check(ctx) {
    const first = new Map<string, { endpoint: EndpointModel; address: AddressUse }>();
    for (const endpoint of hnsModel(ctx.doc).endpoints) {
      if (!endpoint.networkId) continue;
      for (const address of endpoint.addresses) {
        const key = addressKey(address);
        if (!key) continue;
        const scoped = `${endpoint.networkId.toLowerCase()} ${key}`;
        const earlier = first.get(scoped);
        if (!earlier) {
          first.set(scoped, { endpoint, address });
          continue;
        }
        const notes = [note(earlier.endpoint) && `the other one is ${note(earlier.endpoint)}`, note(endpoint) && `this one is ${note(endpoint)}`].filter(
          Boolean,
        );
        ctx.report({
          span: spanOf(address.node),
          message: `${address.value} is also the address of another endpoint of this network${notes.length ? ` (${notes.join('; ')})` : ''}: one of them is stale, and the container on that address loses connectivity until it is deleted.`,
          related: [{ span: spanOf(earlier.address.node), message: 'the other endpoint with this address' }],
        });
      }
    }
  },
};
