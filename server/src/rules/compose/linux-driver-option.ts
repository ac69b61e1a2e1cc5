import { LINUX_ONLY_OPTIONS } from '../../knowledge/windowsshim';
import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';
import { allDriverOptions } from './support/helpers';

export const linuxDriverOptionRule: Rule = {
  meta: {
    id: 'linux-driver-option',
    title: 'Linux driver option in a Windows compose file',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    tags: ['unnecessary'],
    description: `Options of Linux drivers have no effect on Windows networks: ${LINUX_ONLY_OPTIONS.map((o) => `\`${o.label}\` (${o.note})`).join('; ')}.`,
    remedy: 'Remove the option; see the `com.docker.network.windowsshim.*` options for what Windows can tune.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n    driver_opts:\n      com.docker.network.bridge.host_binding_ipv4: "127.0.0.1"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
    },
    sources: [...new Set(LINUX_ONLY_OPTIONS.flatMap((o) => o.sources))],
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      const linux = LINUX_ONLY_OPTIONS.find((o) => o.match(use.key));
      if (!linux) continue;
      ctx.report({
        span: { start: use.pair.key.start, end: use.pair.key.end },
        message: `\`${use.key}\` has no effect on Windows: it is one of ${linux.note}. Remove it.`,
        fixes: fix(`Remove \`${use.key}\``, removePairLines(ctx.doc, use.pair), true),
      });
    }
  },
};
