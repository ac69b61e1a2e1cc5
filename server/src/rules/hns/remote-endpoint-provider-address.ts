import { hnsModel } from '../../hns/model';
import type { Rule } from '../types';
import { endpointNetworkType, spanOf } from './helpers';

const KUBE_PROXY = 'https://github.com/kubernetes/kubernetes/blob/master/pkg/proxy/winkernel/proxier.go';

/**
 * Overlay remote endpoints: the RemoteEndpoint flag with a ProviderAddress (HNS-SCHEMA, SDN-V2). Only on Overlay:
 * kube-proxy (pkg/proxy/winkernel/proxier.go syncProxyRules) gives a remote endpoint a provider address only when the
 * network type is Overlay and creates L2Bridge remote endpoints with IP and MAC alone, and real L2Bridge dumps show
 * such endpoints with no PA (Azure/AKS#1367, Azure/acs-engine#1903).
 */
export const hnsRemoteEndpointProviderAddressRule: Rule = {
  meta: {
    id: 'hns-remote-endpoint-provider-address',
    title: 'Overlay remote endpoint without a provider address',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2'],
    target: 'any',
    fixable: false,
    description:
      "A remote endpoint (v2 `Flags` with RemoteEndpoint = 1, v1 `IsRemoteEndpoint: true`) stands for a container on another host. On an Overlay network HNS encapsulates traffic to it towards that host's provider address, given by a `ProviderAddress` endpoint policy (v2) or a `PA` policy (v1): without it there is nowhere to send the traffic. On L2Bridge networks remote endpoints carry no provider address (the container is reached on the same link), so winnet checks only remote endpoints whose network is known to be Overlay: from the network in the same document, or from the `Type` that `Get-HnsEndpoint` prints on each endpoint.",
    remedy:
      'Add `{"Type": "ProviderAddress", "Settings": {"ProviderAddress": "<remote host IP>"}}` (v2) or `{"Type": "PA", "PA": "<remote host IP>"}` (v1) to the endpoint `Policies`.',
    caveat:
      "Every client that creates overlay remote endpoints (kube-proxy, hcsshim tests, hns.psm1) sends the PA; HNS's answer without one is not documented, so this is a warning. A remote endpoint whose network type the document does not show is not judged.",
    examples: {
      bad: '[{ "ID": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "Overlay" }, { "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Flags": 1, "IpConfigurations": [{ "IpAddress": "10.244.2.5" }] }]',
      good: '[{ "ID": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "Overlay" }, { "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Flags": 1, "IpConfigurations": [{ "IpAddress": "10.244.2.5" }], "Policies": [{ "Type": "ProviderAddress", "Settings": { "ProviderAddress": "10.0.0.5" } }] }]',
    },
    sources: [
      'HCSSHIM',
      'https://github.com/microsoft/SDN/blob/master/Kubernetes/windows/hns.psm1',
      KUBE_PROXY,
      'https://github.com/Azure/AKS/issues/1367',
      'K8S-WIN',
    ],
  },
  check(ctx) {
    const model = hnsModel(ctx.doc);
    for (const endpoint of model.endpoints) {
      if (!endpoint.remote) continue;
      if (endpointNetworkType(model, endpoint)?.name !== 'Overlay') continue;
      const hasPa = endpoint.policies.some((p) => /^(pa|provideraddress)$/i.test(p.type ?? ''));
      if (hasPa) continue;
      const v1 = endpoint.object.schema === 'v1';
      ctx.report({
        span: spanOf(endpoint.remote),
        message: `Overlay remote endpoint without a provider address: add a ${v1 ? '`PA`' : '`ProviderAddress`'} policy with the address of the host the container runs on, or HNS has nowhere to encapsulate its traffic to.`,
      });
    }
  },
};
