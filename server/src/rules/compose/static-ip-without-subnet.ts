import { ipamConfigs } from '../../compose/model';
import { get } from '../../documents/tree';
import type { Rule } from '../types';
import { staticIps } from './support/static-ip';

/** Microsoft's advanced-networking page: a transparent network with static IPs needs `--subnet` and `--gateway`. */
export const staticIpWithoutSubnetRule: Rule = {
  meta: {
    id: 'static-ip-without-subnet',
    title: 'Static IPv4 address without an explicit subnet',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      "Microsoft's docs say the default `nat` prefix is 172.16.0.0/16, but since 2016 Docker lets HNS choose the subnet, and HNS picks a /20 inside 172.16.0.0/12 that differs from host to host (172.29.144.0/20 on one, 172.27.96.0/20 on another). An `ipv4_address` on a network without `ipam.config[].subnet` therefore works on one machine and fails on the next with `no configured subnet contains IP address`. On `transparent` networks static addresses also need the LAN's `gateway`.",
    remedy: 'Give the network an explicit `ipam.config` with `subnet` (and `gateway` on transparent), and pick the address inside it.',
    caveat: 'Docs and code disagree on the default subnet; the finding is a warning because the address may happen to fit on a given host.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks:\n      default:\n        ipv4_address: 172.16.0.10\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks:\n      default:\n        ipv4_address: 10.30.0.10\nnetworks:\n  default:\n    ipam:\n      config:\n        - subnet: 10.30.0.0/24\n',
    },
    errors: ['no configured subnet contains IP address 172.20.0.5'],
    sources: [
      'MSD-ARCH',
      'https://github.com/moby/moby/pull/25097',
      'https://github.com/moby/moby/pull/40186',
      'https://github.com/projectcalico/calico/issues/8465',
      'MSD-ADV',
      'CS-SVC',
    ],
  },
  check(ctx) {
    for (const ip of staticIps(ctx.compose)) {
      if (!ip.subnets.length && !ip.subnetByVariable) {
        if (ip.driver.name !== 'nat' && ip.driver.name !== 'transparent' && ip.driver.name !== 'l2bridge') continue;
        const why =
          ip.driver.name === 'nat'
            ? `network \`${ip.attachment.name}\` is a \`nat\` network whose subnet HNS picks per host (a /20 in 172.16.0.0/12, not the documented 172.16.0.0/16)`
            : `network \`${ip.attachment.name}\` (\`${ip.driver.name}\`) has no subnet configured`;
        ctx.report({
          span: { start: ip.address.start, end: ip.address.end },
          message: `Static address \`${String(ip.address.value)}\` without an explicit subnet: ${why}, so it fails on hosts where it does not fit. Add \`ipam.config[].subnet\` to the network.`,
        });
      } else if (ip.driver.name === 'transparent' && !ipamConfigs(ip.network).some((c) => get(c, 'gateway'))) {
        ctx.report({
          span: { start: ip.address.start, end: ip.address.end },
          message: `Static addresses on the transparent network \`${ip.attachment.name}\` need the LAN's \`gateway\` in \`ipam.config\` too, or the containers cannot leave the subnet.`,
        });
      }
    }
  },
};
