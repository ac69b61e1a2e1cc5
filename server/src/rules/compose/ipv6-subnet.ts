import { asScalar, get } from '../../documents/tree';
import { parseCidr } from '../../knowledge/values';
import { ipamConfigs } from '../../compose/model';
import { isInterpolated } from '../../compose/interpolation';
import type { Rule } from '../types';

/** shared/windows-networking.md §4 (`--ipv6` row: "windowsshim driver doesn't support v6 subnets"). */
export const ipv6SubnetRule: Rule = {
  meta: {
    id: 'ipv6-subnet',
    title: 'IPv6 subnet or gateway on a Windows network',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      "Docker's `windows` IPAM driver refuses IPv6 pools, and with any other IPAM the Windows network driver still refuses: `windowsshim driver doesn't support v6 subnets`. An IPv6 `subnet` or `gateway` in `ipam.config` therefore fails on every Windows driver.",
    remedy: 'Remove the IPv6 `ipam.config` entry; keep IPv4 subnets only.',
    caveat: 'The driver message is read from the code (MOBY-WIN); the IPAM refusal is documented in issues.',
    examples: { bad: 'networks:\n  app:\n    ipam:\n      config:\n        - subnet: fd00:10::/64' },
    sources: ['MOBY-IPAM', 'MOBY-WIN', 'https://github.com/microsoft/Windows-Containers/issues/230'],
  },
  check(ctx) {
    for (const network of ctx.compose.networks) {
      for (const config of ipamConfigs(network)) {
        for (const key of ['subnet', 'gateway'] as const) {
          const node = asScalar(get(config, key));
          if (!node || typeof node.value !== 'string' || isInterpolated(node.value)) continue;
          const v6 = key === 'subnet' ? parseCidr(node.value)?.address.kind() === 'ipv6' : node.value.includes(':');
          if (!v6) continue;
          ctx.report({
            span: { start: node.start, end: node.end },
            message: `IPv6 ${key} \`${node.value}\` fails on Windows: Docker's Windows networks are IPv4 only ("windowsshim driver doesn't support v6 subnets"). Remove this entry.`,
          });
        }
      }
    }
  },
};
