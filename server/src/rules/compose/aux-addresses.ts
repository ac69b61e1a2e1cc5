import { effectiveDriver, ipamConfigs } from '../../compose/model';
import { getPair } from '../../documents/tree';
import type { Rule } from '../types';
import { reportNoEffect } from './support/no-effect-option';
import { unsupportedOption } from '../../knowledge/unsupported';
import { describeEntry } from './support/unsupported-entry';

const entry = unsupportedOption('aux-addresses');

export const auxAddressesRule: Rule = {
  meta: {
    id: 'aux-addresses',
    title: '`aux_addresses` has no effect on Windows',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    tags: ['unnecessary'],
    description: describeEntry(entry),
    remedy: 'Remove `aux_addresses`; keep the addresses out of use by other means (a subnet that excludes them, or static addresses for the containers).',
    caveat: 'That the addresses are ignored is read from the code (MOBY-IPAM, MOBY-WIN); Microsoft only says "unsupported".',
    examples: {
      command: 'docker network create -d nat --subnet 172.30.0.0/24 --aux-address router=172.30.0.5 appnet\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\nnetworks:\n  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n          aux_addresses:\n            router: 10.10.0.2\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\nnetworks:\n  lan:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/24\n',
    },
    sources: entry.sources,
  },
  check(ctx) {
    reportNoEffect(
      ctx,
      // Overlay networks take their addresses from swarm's default IPAM, which does reserve them (as for
      // ip_range): only the `windows` IPAM ignores them. A driver set by a
      // variable may be overlay.
      (model) =>
        model.networks.flatMap((n) => {
          const driver = effectiveDriver(n, model.stack);
          if (driver.name === 'overlay' || driver.origin === 'variable') return [];
          return ipamConfigs(n).flatMap((c) => {
            const pair = getPair(c, 'aux_addresses');
            return pair ? [{ pair, owner: n.name }] : [];
          });
        }),
      (owner) =>
        `\`aux_addresses\` has no effect on Windows (network \`${owner}\`): the Windows IPAM driver does not reserve them, so containers may get these addresses. Remove it.`,
    );
  },
};
