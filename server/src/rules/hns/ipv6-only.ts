import { hnsModel } from '../../hns/model';
import type { Rule } from '../types';
import { spanOf } from './helpers';

/** Microsoft, 2025: no IPv6-only network anywhere; all IPv6 support is dual-stack. */
export const hnsIpv6OnlyRule: Rule = {
  meta: {
    id: 'hns-ipv6-only',
    title: 'IPv6-only network or endpoint',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'Windows container networking supports IPv6 only as dual-stack: an IPv6 subnet next to an IPv4 one, and endpoints with one address of each family. Microsoft states there is no IPv6-only mode anywhere, and Kubernetes documents Windows dual-stack as "not IPv6-only".',
    remedy: 'Add an IPv4 subnet to the network (and an IPv4 address to the endpoint) beside the IPv6 one.',
    examples: {
      bad: '{ "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "L2Bridge", "Ipams": [{ "Subnets": [{ "IpAddressPrefix": "fd00:1::/64" }] }] }',
      good: '{ "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "L2Bridge", "Ipams": [{ "Subnets": [{ "IpAddressPrefix": "10.0.0.0/24" }, { "IpAddressPrefix": "fd00:1::/64" }] }] }',
    },
    sources: ['https://github.com/microsoft/Windows-Containers/issues/522', 'K8S-DS', 'MSD-ARCH'],
  },
  check(ctx) {
    const model = hnsModel(ctx.doc);
    for (const network of model.networks) {
      const families = network.subnets.map((s) => s.prefix?.family).filter((f) => f !== undefined);
      if (!families.length || families.includes(4)) continue;
      const first = network.subnets.find((s) => s.prefix?.family === 6)!.prefix!;
      ctx.report({ span: spanOf(first.node), message: 'IPv6-only network: Windows supports IPv6 only as dual-stack. Add an IPv4 subnet beside the IPv6 one.' });
    }
    for (const endpoint of model.endpoints) {
      const families = endpoint.addresses.map((a) => a.family).filter((f) => f !== undefined);
      if (!families.length || families.includes(4)) continue;
      ctx.report({
        span: spanOf(endpoint.addresses[0].node),
        message: 'IPv6-only endpoint: Windows supports IPv6 only as dual-stack. Give the endpoint an IPv4 address too.',
      });
    }
  },
};
