import { asScalar, get } from '../../documents/tree';
import { parseCidr } from '../../knowledge/addresses';
import { ipamConfigs, isExternal } from '../../compose/model';
import { isInterpolated } from '../../compose/interpolation';
import type { Rule } from '../types';
import { parseGoBool } from '../../knowledge/values';
import { isTruthy, optionPairs } from './support/helpers';

/** `enable_ipv6: true`, or, when that key is not written, the driver option the daemon reads in its place (Engine 27+). */
function ipv6Enabled(node: Parameters<typeof get>[0]): boolean {
  if (get(node, 'enable_ipv6') !== undefined) return isTruthy(get(node, 'enable_ipv6'));
  const option = asScalar(optionPairs(node).find((p) => p.key.value === 'com.docker.network.enable_ipv6')?.value);
  return option !== undefined && option.value !== null && parseGoBool(String(option.value)) === true;
}

/**
 * moby `daemon/network.go` validateIpamConfig skips IPv6 entries when IPv6 is not enabled, and
 * `daemon/libnetwork/network.go` ipamAllocate requests IPv6 pools only `if n.enableIPv6`: without `enable_ipv6`
 * an IPv6 `ipam.config` entry is never allocated. With it, the `enable-ipv6` rule reports the failure.
 */
export const ipv6SubnetRule: Rule = {
  meta: {
    id: 'ipv6-subnet',
    title: 'IPv6 subnet or gateway on a Windows network without `enable_ipv6`',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    tags: ['unnecessary'],
    description:
      "Docker allocates a network's IPv6 `ipam.config` entries only when the network enables IPv6. Without `enable_ipv6: true` an IPv6 `subnet` or `gateway` is skipped: the network is created IPv4-only, with no error. With `enable_ipv6: true` the network fails on the Windows local drivers (the `enable-ipv6` rule reports it), and on `overlay` Windows tasks get no IPv6 either.",
    remedy: 'Remove the IPv6 `ipam.config` entry; keep IPv4 subnets only. Run the services that need IPv6 on Linux.',
    caveat: 'An external network is not created by compose, so its `ipam` is not reported.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 10.30.0.0/24\n        - subnet: fd00:10::/64\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 10.30.0.0/24\n',
    },
    sources: ['MOBY-DNET', 'MOBY-LIBNET', 'MOBY-IPAM', 'https://github.com/microsoft/Windows-Containers/issues/230'],
  },
  check(ctx) {
    for (const network of ctx.compose.networks) {
      // With IPv6 enabled the network fails (or, on overlay, Windows tasks get no IPv6): enable-ipv6 says so.
      if (ipv6Enabled(network.node) || (network.node && isExternal(network))) continue;
      for (const config of ipamConfigs(network)) {
        for (const key of ['subnet', 'gateway'] as const) {
          const node = asScalar(get(config, key));
          if (!node || typeof node.value !== 'string' || isInterpolated(node.value)) continue;
          const v6 = key === 'subnet' ? parseCidr(node.value)?.family === 6 : node.value.includes(':');
          if (!v6) continue;
          ctx.report({
            span: { start: node.start, end: node.end },
            message: `IPv6 ${key} \`${node.value}\` is ignored: without \`enable_ipv6\` Docker does not allocate it, and network \`${network.name}\` is IPv4-only. Docker cannot give Windows containers IPv6; remove this entry.`,
          });
        }
      }
    }
  },
};
