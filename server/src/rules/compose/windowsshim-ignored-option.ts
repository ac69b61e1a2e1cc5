import { driverOption } from '../../knowledge/windowsshim';
import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';
import { allDriverOptions } from './support/helpers';

/**
 * moby daemon/libnetwork/drivers/windows/windows.go parseNetworkOptions: `sourcemac` has no case there, so it never
 * reaches HNSNetwork.SourceMac; `routingdomain` is stored in RDID, which nothing sends to HNS.
 */
export const windowsshimIgnoredOptionRule: Rule = {
  meta: {
    id: 'windowsshim-ignored-option',
    title: 'Windows option the driver never applies',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    tags: ['unnecessary'],
    description:
      '`com.docker.network.windowsshim.sourcemac` is defined by the Windows driver but never parsed, in the current code and in the 2021 libnetwork copy; `routingdomain` is parsed and never sent to HNS. Both are accepted and silently ignored.',
    remedy: 'Remove the option.',
    caveat: 'Read from the driver code; Microsoft does not document either option.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n    driver_opts:\n      com.docker.network.windowsshim.sourcemac: "00-15-5D-01-02-03"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
    },
    sources: ['MOBY-WIN', 'MOBY-LABELS'],
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      const option = driverOption(use.key);
      if (option?.status !== 'ignored') continue;
      ctx.report({
        span: { start: use.pair.key.start, end: use.pair.key.end },
        message: `\`${use.key}\` is ignored by the Windows driver: ${option.notes} Remove it.`,
        fixes: fix(`Remove \`${use.key}\``, removePairLines(ctx.doc, use.pair), true),
      });
    }
  },
};
