import { cidrContains, parseIp } from '../../knowledge/addresses';
import { isExternal } from '../../compose/model';
import { isInterpolated } from '../../compose/interpolation';
import type { Rule } from '../types';
import { staticIps } from './support/static-ip';

export const staticIpOutsideSubnetRule: Rule = {
  meta: {
    id: 'static-ip-outside-subnet',
    title: "Static IPv4 address outside the network's subnets",
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      'The daemon checks a static address against the subnets configured on the network and refuses the container with `no configured subnet contains IP address` when none contains it; HNS refuses such endpoints too (`HCN_E_INVALID_IP`).',
    remedy: "Pick an address inside one of the network's `ipam.config[].subnet`s, or add a subnet that contains it.",
    caveat:
      'For an `external` network compose does not read `ipam`: the subnets written there are compared, since they usually document the existing network, but the finding is a warning.',
    examples: {
      command:
        'docker network create -d nat --subnet 172.30.0.0/24 appnet\ndocker run -d --network appnet --ip 172.31.0.5 mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks:\n      lan:\n        ipv4_address: 10.20.0.5\nnetworks:\n  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks:\n      lan:\n        ipv4_address: 10.10.0.5\nnetworks:\n  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n',
    },
    errors: ['no configured subnet contains IP address 172.20.0.5', 'IP address is either invalid or not part of any configured subnet(s) (0x803b001e)'],
    sources: ['MOBY-D', 'CS-SVC', 'HNS-SCHEMA'],
  },
  check(ctx) {
    for (const ip of staticIps(ctx.compose)) {
      const address = String(ip.address.value);
      // A variable in the address or in a subnet: compose substitutes it, so whether it fits is unknown here.
      if (isInterpolated(address) || ip.subnetByVariable) continue;
      const span = { start: ip.address.start, end: ip.address.end };
      if (parseIp(address)?.family !== 4) {
        if (!address.includes(':')) ctx.report({ span, message: `\`${address}\` is not an IPv4 address (service \`${ip.service.name}\`).` });
        continue;
      }
      if (!ip.subnets.length || ip.subnets.some((s) => cidrContains(s.cidr, address))) continue;
      // compose does not read the ipam of an existing network: the subnets written here may not be its own.
      const external = ip.network?.node !== undefined && isExternal(ip.network);
      ctx.report({
        span,
        severity: external ? 'warning' : undefined,
        message: external
          ? `\`${address}\` is outside the subnets written for external network \`${ip.attachment.name}\` (${ip.subnets.map((s) => s.cidr).join(', ')}). compose does not read them (the existing network keeps its own), but if they are its subnets the container fails with "no configured subnet contains IP address".`
          : `\`${address}\` is outside every subnet of network \`${ip.attachment.name}\` (${ip.subnets.map((s) => s.cidr).join(', ')}): the container fails with "no configured subnet contains IP address".`,
        related: ip.subnets.map((s) => ({ span: { start: s.node.start, end: s.node.end }, message: `subnet ${s.cidr}` })),
      });
    }
  },
};
