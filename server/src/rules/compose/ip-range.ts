import { ipamConfigs } from '../../compose/model';
import { getPair } from '../../documents/tree';
import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';
import { networksWithDrivers } from './support/helpers';
import { unsupportedOption } from '../../knowledge/unsupported';
import { describeEntry } from './support/unsupported-entry';

const entry = unsupportedOption('ip-range');

export const ipRangeRule: Rule = {
  meta: {
    id: 'ip-range',
    title: '`ip_range` on a Windows network',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: describeEntry(entry),
    remedy: 'Remove `ip_range`; give the network a subnet of the size you need instead.',
    examples: {
      command: 'docker network create -d nat --subnet 172.30.0.0/16 --ip-range 172.30.1.0/24 appnet\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/16\n          ip_range: 10.10.5.0/24\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 10.10.0.0/16\n',
    },
    errors: ["this request is not supported by the 'windows' ipam driver", "this request is not supported by the 'null' ipam driver"],
    sources: entry.sources,
  },
  check(ctx) {
    for (const { network, driver } of networksWithDrivers(ctx.compose)) {
      // Overlay uses the default IPAM, which takes sub-pools; a driver set by a variable may be overlay.
      if (driver.name === 'overlay' || driver.origin === 'variable') continue;
      for (const config of ipamConfigs(network)) {
        const pair = getPair(config, 'ip_range');
        if (!pair) continue;
        ctx.report({
          span: { start: pair.key.start, end: pair.value.end },
          message: `\`ip_range\` fails on Windows: the \`windows\` IPAM driver refuses sub-pools ("this request is not supported by the 'windows' ipam driver"). Remove it and size the subnet instead.`,
          fixes: fix('Remove `ip_range`', removePairLines(ctx.doc, pair), true),
        });
      }
    }
  },
};
