import { WINDOWS_DRIVERS } from '../../knowledge/drivers';
import { driverOption, WINDOWSSHIM_PREFIX } from '../../knowledge/windowsshim';
import type { Rule } from '../types';
import { networksWithDrivers, optionPairs } from './support/helpers';

const ENABLE = `${WINDOWSSHIM_PREFIX}enable_outboundnat`;
const EXCEPTIONS = `${WINDOWSSHIM_PREFIX}outboundnat_exceptions`;
const option = driverOption(ENABLE)!;
const fact = WINDOWS_DRIVERS.l2bridge.features.outboundNat!;

/**
 * Microsoft's advanced-networking page ("Specify OutboundNAT Policy for a Network": l2bridge endpoints get no
 * OutboundNAT policy unless asked, "resulting in containers being unable to reach the outside world"); moby
 * daemon/libnetwork/drivers/windows/windows.go parseNetworkOptions reads `enable_outboundnat`, and CreateEndpoint
 * adds the OutBoundNAT policy to an endpoint only `if n.config.EnableOutboundNat`.
 */
export const l2bridgeOutboundnatRule: Rule = {
  meta: {
    id: 'l2bridge-outboundnat',
    title: '`l2bridge` network without outbound NAT',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `Containers on an \`l2bridge\` network get addresses from the network's own subnet, and without \`${ENABLE}: "true"\` their endpoints get no OutBoundNAT policy: they reach only what routes that subnet back to them, and not the internet. Microsoft's page: endpoints "do not have an HNS OutboundNAT policy applied, resulting in containers being unable to reach the outside world". Outbound NAT on l2bridge works ${fact.note.charAt(0).toLowerCase()}${fact.note.slice(1)} \`enable_outboundnat\`: ${option.meaning}`,
    remedy: `Add \`${ENABLE}: "true"\` to the network's \`driver_opts\` (and \`${EXCEPTIONS}\` for destinations that must see the container's own address), or route the subnet to the host in your network.`,
    caveat:
      "Where the physical network routes the containers' subnet (an SDN fabric, Kubernetes routes, a subnet shared with the host), they reach those destinations without NAT; that is why this is information only.",
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [k8s]\nnetworks:\n  k8s:\n    driver: l2bridge\n    ipam:\n      config:\n        - subnet: 10.244.1.0/24\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [k8s]\nnetworks:\n  k8s:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.enable_outboundnat: "true"\n    ipam:\n      config:\n        - subnet: 10.244.1.0/24\n',
    },
    symptoms: ['containers on the l2bridge network have no internet access', 'no outbound connectivity from containers on an l2bridge network'],
    sources: [...new Set([...option.sources, ...fact.sources])],
  },
  check(ctx) {
    for (const { network, driver } of networksWithDrivers(ctx.compose)) {
      if (driver.name !== 'l2bridge' || driver.origin !== 'explicit' || !driver.node) continue;
      // Any value means the author has decided: "true" (or a variable) enables it, "false" is a choice, and a
      // value the daemon cannot read is windowsshim-invalid-value's. Exceptions without the option are
      // outboundnat-exceptions-without-enable's, which already asks for it.
      const keys = optionPairs(network.node).map((p) => p.key.value);
      if (keys.includes(ENABLE) || keys.includes(EXCEPTIONS)) continue;
      ctx.report({
        span: { start: driver.node.start, end: driver.node.end },
        message: `Containers on l2bridge network \`${network.name}\` get no outbound NAT: without \`${ENABLE}: "true"\` they reach only what routes the network's subnet back to them, not the internet. Add the option if they need outside access.`,
      });
    }
  },
};
