import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';
import { isFalsy, scalarPair } from './support/helpers';

/** moby `drivers/windows/windows.go` CreateNetwork: "IPv4 cannot be disabled on Windows". */
export const disableIpv4Rule: Rule = {
  meta: {
    id: 'disable-ipv4',
    title: '`enable_ipv4: false` on Windows',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description:
      'The Windows network driver refuses networks without IPv4: `IPv4 cannot be disabled on Windows`. The key reaches the daemon from Engine 28 (API 1.48); older engines ignore it and keep IPv4.',
    remedy: 'Remove `enable_ipv4: false`.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    enable_ipv4: false\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
    },
    sources: ['MOBY-WIN'],
  },
  check(ctx) {
    for (const network of ctx.compose.networks) {
      const setting = scalarPair(network.node, 'enable_ipv4');
      if (!setting || !isFalsy(setting.value)) continue;
      ctx.report({
        span: { start: setting.pair.key.start, end: setting.value.end },
        message: '`enable_ipv4: false` fails on Windows: "IPv4 cannot be disabled on Windows". Remove it.',
        fixes: fix('Remove `enable_ipv4: false`', removePairLines(ctx.doc, setting.pair), true),
      });
    }
  },
};
