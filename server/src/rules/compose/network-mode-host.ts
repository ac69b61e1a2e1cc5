import { LINUX_DRIVERS } from '../../knowledge/drivers';
import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';
import { scalarPair } from './support/helpers';

export const networkModeHostRule: Rule = {
  meta: {
    id: 'network-mode-host',
    title: '`network_mode: host` on Windows',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: `${LINUX_DRIVERS.host.onWindows} Microsoft lists host mode networking as unsupported since 2019-11. Docker Desktop's host networking applies to Linux containers only.`,
    remedy: 'Remove `network_mode` (the service joins the project network, `nat` on Windows) and publish the ports you need with `ports:`.',
    examples: {
      command: 'docker run -d --network host mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    network_mode: host\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "8080:80"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
    },
    errors: ['network host not found'],
    sources: LINUX_DRIVERS.host.sources,
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      const mode = scalarPair(service.node, 'network_mode');
      if (mode?.value.value !== 'host') continue;
      ctx.report({
        span: { start: mode.value.start, end: mode.value.end },
        message: `\`network_mode: host\` fails on Windows: there is no host network, and the daemon answers \`network host not found\`. Remove it and publish ports with \`ports:\`.`,
        fixes: fix('Remove `network_mode: host`', removePairLines(ctx.doc, mode.pair)),
      });
    }
  },
};
