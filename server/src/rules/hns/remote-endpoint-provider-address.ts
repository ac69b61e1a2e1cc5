import { hnsModel } from '../../hns/model';
import type { Rule } from '../types';
import { spanOf } from './helpers';

/** Overlay remote endpoints: the RemoteEndpoint flag with a ProviderAddress (HNS-SCHEMA, SDN-V2). */
export const hnsRemoteEndpointProviderAddressRule: Rule = {
  meta: {
    id: 'hns-remote-endpoint-provider-address',
    title: 'Remote endpoint without a provider address',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2'],
    target: 'any',
    fixable: false,
    description:
      "A remote endpoint (v2 `Flags` with RemoteEndpoint = 1, v1 `IsRemoteEndpoint: true`) stands for a container on another host of an overlay network. HNS encapsulates traffic to it towards that host's provider address, given by a `ProviderAddress` endpoint policy (v2) or a `PA` policy (v1). Without it there is nowhere to send the traffic.",
    remedy:
      'Add `{"Type": "ProviderAddress", "Settings": {"ProviderAddress": "<remote host IP>"}}` (v2) or `{"Type": "PA", "PA": "<remote host IP>"}` (v1) to the endpoint `Policies`.',
    caveat:
      "Every client that creates remote endpoints (kube-proxy, hcsshim tests, hns.psm1) sends the PA; HNS's answer without one is not documented, so this is a warning.",
    examples: {
      bad: '{ "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Flags": 1, "IpConfigurations": [{ "IpAddress": "10.244.2.5" }] }',
      good: '{ "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Flags": 1, "IpConfigurations": [{ "IpAddress": "10.244.2.5" }], "Policies": [{ "Type": "ProviderAddress", "Settings": { "ProviderAddress": "10.0.0.5" } }] }',
    },
    sources: ['HCSSHIM', 'https://github.com/microsoft/SDN/blob/master/Kubernetes/windows/hns.psm1', 'K8S-WIN'],
  },
  check(ctx) {
    for (const endpoint of hnsModel(ctx.doc).endpoints) {
      if (!endpoint.remote) continue;
      const hasPa = endpoint.policies.some((p) => /^(pa|provideraddress)$/i.test(p.type ?? ''));
      if (hasPa) continue;
      const v1 = endpoint.object.schema === 'v1';
      ctx.report({
        span: spanOf(endpoint.remote),
        message: `Remote endpoint without a provider address: add a ${v1 ? '`PA`' : '`ProviderAddress`'} policy with the address of the host the container runs on, or HNS has nowhere to encapsulate its traffic to.`,
      });
    }
  },
};
