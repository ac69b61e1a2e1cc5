import { hnsModel, type NetworkModel } from '../../hns/model';
import { hnsNetworkType, withArticle } from '../../knowledge/hns-network-types';
import { versionName } from '../../knowledge/versions';
import type { Rule } from '../types';
import { networkById, spanOf } from './helpers';

/** The first thing in a network that asks for IPv6: an IPv6 subnet, or the `IPv6: true` request flag. */
function ipv6Evidence(network: NetworkModel): { start: number; end: number } | undefined {
  const subnet = network.subnets.find((s) => s.prefix?.family === 6);
  if (subnet?.prefix) return spanOf(subnet.prefix.node);
  const flag = network.ipv6Flag;
  if (flag && flag.value.kind === 'scalar' && flag.value.value === true) return spanOf(flag.key);
  return undefined;
}

/** Sources disagree on IPv6 per network type; the per-type facts and their sources are in knowledge/hns-network-types.ts. */
export const hnsIpv6NetworkTypeRule: Rule = {
  meta: {
    id: 'hns-ipv6-network-type',
    title: 'IPv6 on a network type or Windows version without it',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'HNS carries IPv6 only on some network types, and only as dual-stack. L2Bridge supports it from Windows Server 2022 (Microsoft docs; Microsoft also said it was backported to Windows Server 2019 in the October 2020 update). Transparent networks carry IPv6 with self-assigned addresses only: HNS assigns none, and applies no load balancing or ACLs (docs, 2024). NAT networks have none. Overlay is disputed: the docs and Kubernetes say no, Microsoft said builds 22410 and later work. winnet reads IPv6 subnets, IPv6 endpoint addresses and the `IPv6` request flag, and judges them against the network type and `winnet.windowsVersion`.',
    remedy: 'Use an L2Bridge network (Windows Server 2022 or later) for IPv6, with an IPv4 subnet beside the IPv6 one; otherwise remove the IPv6 subnet.',
    caveat:
      'Where the sources disagree (Overlay; L2Bridge on Windows Server 2019) the finding is information. NAT is a warning: every documentation revision since 2019 says no, but HNS itself is not documented to refuse the subnet.',
    examples: {
      bad: '{ "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "NAT", "Ipams": [{ "Subnets": [{ "IpAddressPrefix": "172.20.0.0/16" }, { "IpAddressPrefix": "fd00:1::/64" }] }] }',
      good: '{ "SchemaVersion": { "Major": 2, "Minor": 0 }, "Type": "L2Bridge", "Ipams": [{ "Subnets": [{ "IpAddressPrefix": "10.0.0.0/24" }, { "IpAddressPrefix": "fd00:1::/64" }] }] }',
    },
    errors: ['Dual stack specified with non l2bridge network'],
    sources: [
      'MSD-ARCH',
      'K8S-DS',
      'https://github.com/microsoft/Windows-Containers/issues/522',
      'https://github.com/microsoft/Windows-Containers/issues/75',
      'https://github.com/microsoft/Windows-Containers/issues/82',
      'HCN-GLOBALS',
    ],
  },
  check(ctx) {
    const model = hnsModel(ctx.doc);
    const where = versionName(ctx.windowsVersion);
    for (const network of model.networks) {
      const span = network.type && ipv6Evidence(network);
      if (!span || !network.type) continue;
      const verdict = network.type.ipv6(ctx.windowsVersion);
      if (verdict.level === 'yes') continue;
      ctx.report({ span, severity: verdict.severity, message: `IPv6 on ${withArticle(network.type.name)} network (${where}): ${verdict.message}` });
    }
    for (const endpoint of model.endpoints) {
      const v6 = endpoint.addresses.find((a) => a.family === 6);
      if (!v6) continue;
      const inDocument = networkById(model, endpoint.networkId);
      if (inDocument) continue; // the network's own finding covers it
      const type = endpoint.networkTypeValue ? hnsNetworkType(endpoint.networkTypeValue) : undefined;
      if (!type) continue;
      const verdict = type.ipv6(ctx.windowsVersion);
      if (verdict.level === 'yes') continue;
      ctx.report({
        span: spanOf(v6.node),
        severity: verdict.severity,
        message: `IPv6 address on ${withArticle(type.name)} network (${where}): ${verdict.message}`,
      });
    }
  },
};
