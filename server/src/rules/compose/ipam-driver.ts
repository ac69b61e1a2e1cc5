import { asScalar, get } from '../../documents/tree';
import { isInterpolated } from '../../compose/interpolation';
import { fix, replaceScalar } from '../edits';
import type { Rule } from '../types';
import { networksWithDrivers } from './support/helpers';
import { unsupportedOption } from '../../knowledge/unsupported';
import { describeEntry } from './support/unsupported-entry';

const entry = unsupportedOption('ipam-driver');
const BUILT_IN = ['default', 'windows', 'null'];

export const ipamDriverRule: Rule = {
  meta: {
    id: 'ipam-driver',
    title: 'IPAM driver a Windows daemon does not have',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: describeEntry(entry),
    remedy: 'Remove `ipam.driver` or set it to `default` (mapped to `windows`).',
    caveat:
      'Microsoft calls `--ipam-driver` unsupported, while the code accepts `default`, `windows` and `null`; other names fail only when no such plugin is installed, hence a warning.',
    examples: {
      command: 'docker network create -d nat --ipam-driver mydriver appnet\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    ipam:\n      driver: dhcp\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    ipam:\n      driver: default\n',
    },
    errors: ['could not find plugin <driver> in v1 plugin registry: plugin not found'],
    sources: entry.sources,
  },
  check(ctx) {
    for (const { network, driver } of networksWithDrivers(ctx.compose)) {
      const node = asScalar(get(get(network.node, 'ipam'), 'driver'));
      if (!node || node.value === null || isInterpolated(node.value) || BUILT_IN.includes(String(node.value))) continue;
      // Swarm overlay keeps the default IPAM of the manager; a driver set by a variable may be overlay.
      if (driver.name === 'overlay' || driver.origin === 'variable') continue;
      ctx.report({
        span: { start: node.start, end: node.end },
        message: `IPAM driver \`${String(node.value)}\` is not built into Windows: only \`default\` (mapped to \`windows\`), \`windows\` and \`null\` are. Any other name needs a plugin of that name, or network \`${network.name}\` fails. Use \`default\`.`,
        fixes: fix('Use the `default` IPAM driver', replaceScalar(node, 'default'), true),
      });
    }
  },
};
