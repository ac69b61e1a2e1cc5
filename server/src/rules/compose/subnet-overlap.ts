import { effectiveDriver, type EffectiveDriver, ipamConfigs, isExternal, type NetworkModel } from '../../compose/model';
import { isInterpolated } from '../../compose/interpolation';
import { getPair, type ScalarNode, asScalar } from '../../documents/tree';
import { cidrsOverlap, parseCidr } from '../../knowledge/addresses';
import { HNS_NETWORK_TYPES } from '../../knowledge/hns-network-types';
import { NAT_DEFAULT_POOL } from '../../knowledge/winnat';
import type { Rule } from '../types';

const OBJECT_EXISTS = 'HNS failed with error : The object already exists';
const POOL_OVERLAP = 'Pool overlaps with other one on this address space';

interface Subnet {
  network: NetworkModel;
  driver: EffectiveDriver;
  cidr: string;
  node: ScalarNode;
}

function subnetsOf(network: NetworkModel, stack: boolean): Subnet[] {
  if (!network.node || isExternal(network)) return []; // an existing network's subnet is not in the file
  const driver = effectiveDriver(network, stack);
  return ipamConfigs(network).flatMap((config) => {
    const node = asScalar(getPair(config, 'subnet')?.value);
    if (!node || node.value === null || isInterpolated(node.value)) return [];
    const cidr = String(node.value);
    return parseCidr(cidr) ? [{ network, driver, cidr, node }] : [];
  });
}

/**
 * Docker does not compare the subnets of Windows networks: the `windows` IPAM driver "allocates the subnet user
 * asked and does not validate anything" (moby daemon/libnetwork/ipams/windowsipam/windowsipam.go RequestPool), so
 * HNS is the first to see an overlap and refuses the second NAT network with "The object already exists"
 * (docker/for-win#1384, #726; sig-windows-tools#292 for the CNI nat plugin). Swarm networks (overlay) go through
 * the default IPAM, which refuses an overlap itself (ipamapi/contract.go ErrPoolOverlap). The default `nat`
 * network sits at a /20 HNS picks inside 172.16.0.0/12.
 */
export const subnetOverlapRule: Rule = {
  meta: {
    id: 'subnet-overlap',
    title: 'Subnets of two networks overlap',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `Two networks of one project (or of one compose file set) whose subnets overlap cannot both be created. On Windows the \`windows\` IPAM driver takes any subnet without checking it, so HNS refuses the second NAT network: \`${OBJECT_EXISTS}\`. Overlay networks of a swarm stack fail earlier, in Docker's own IPAM: \`${POOL_OVERLAP}\`. A project \`nat\` network inside ${NAT_DEFAULT_POOL} can also collide with the host's default \`nat\` network: ${HNS_NETWORK_TYPES.nat.notes.find((n) => n.includes(NAT_DEFAULT_POOL)) ?? ''}`,
    remedy:
      'Give each network a subnet of its own that overlaps no other (`10.10.1.0/24`, `10.10.2.0/24`), or leave `ipam` out and let HNS choose. Outside 172.16.0.0/12 a project subnet cannot meet the default `nat` network.',
    caveat:
      'The sources show HNS refusing overlapping NAT networks; for other pairs (transparent, l2bridge, a NAT network beside another type) no source says what HNS does, so those are warnings. The default `nat` network may sit anywhere in 172.16.0.0/12 or elsewhere on a given host: that note is information.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [front, back]\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: 10.20.0.0/16\n  back:\n    ipam:\n      config:\n        - subnet: 10.20.5.0/24\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [front, back]\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: 10.20.0.0/24\n  back:\n    ipam:\n      config:\n        - subnet: 10.21.0.0/24\n',
    },
    errors: [OBJECT_EXISTS, 'The object already exists. (0x1392)', POOL_OVERLAP],
    sources: [
      'https://github.com/moby/moby/blob/master/daemon/libnetwork/ipams/windowsipam/windowsipam.go',
      'https://github.com/docker/for-win/issues/1384',
      'https://github.com/docker/for-win/issues/726',
      'https://github.com/kubernetes-sigs/sig-windows-tools/issues/292',
      'https://github.com/moby/moby/blob/master/daemon/libnetwork/ipamapi/contract.go',
      ...HNS_NETWORK_TYPES.nat.sources,
    ],
  },
  check(ctx) {
    const stack = ctx.compose.stack;
    const subnets = ctx.compose.networks.flatMap((n) => subnetsOf(n, stack));
    const reported = new Set<Subnet>();
    for (let j = 1; j < subnets.length; j++) {
      const b = subnets[j];
      const a = subnets.slice(0, j).find((s) => s.network !== b.network && cidrsOverlap(s.cidr, b.cidr));
      if (!a) continue;
      reported.add(b);
      const bothNat = a.driver.name === 'nat' && b.driver.name === 'nat';
      const bothOverlay = a.driver.name === 'overlay' && b.driver.name === 'overlay';
      const fails = bothNat
        ? `HNS refuses the second NAT network: "${OBJECT_EXISTS}"`
        : bothOverlay
          ? `Docker's swarm IPAM refuses the second: "${POOL_OVERLAP}"`
          : 'the two networks share addresses, which HNS may refuse or route to the wrong network';
      ctx.report({
        span: { start: b.node.start, end: b.node.end },
        severity: bothNat || bothOverlay ? undefined : 'warning',
        message: `Subnet ${b.cidr} of network \`${b.network.name}\` overlaps ${a.cidr} of \`${a.network.name}\`: ${fails}. Give each network a subnet of its own.`,
        related: [{ span: { start: a.node.start, end: a.node.end }, message: `subnet ${a.cidr} of \`${a.network.name}\`` }],
      });
    }
    for (const s of subnets) {
      if (reported.has(s) || s.driver.name !== 'nat' || !cidrsOverlap(s.cidr, NAT_DEFAULT_POOL)) continue;
      ctx.report({
        span: { start: s.node.start, end: s.node.end },
        severity: 'information',
        message: `Subnet ${s.cidr} of the nat network \`${s.network.name}\` lies in ${NAT_DEFAULT_POOL}, where HNS puts the host's default \`nat\` network (a /20 that differs per host): on a host where they meet, creating \`${s.network.name}\` fails with "${OBJECT_EXISTS}". A subnet outside ${NAT_DEFAULT_POOL} (e.g. in 10.0.0.0/8) cannot meet it.`,
      });
    }
  },
};
