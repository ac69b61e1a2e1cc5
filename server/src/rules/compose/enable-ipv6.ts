import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';
import { isTruthy, scalarPair } from './helpers';
import { describeEntry, unsupportedEntry } from './unsupported-entry';

const entry = unsupportedEntry('enable-ipv6');

/** shared/windows-networking.md §3.2, §4, §7 #5. */
export const enableIpv6Rule: Rule = {
  meta: {
    id: 'enable-ipv6',
    title: '`enable_ipv6` on Windows',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: `${describeEntry(entry)} HNS itself can do dual-stack on l2bridge (Kubernetes uses it), but Docker cannot reach it.`,
    remedy: 'Remove `enable_ipv6`, or run the services that need IPv6 on Linux.',
    examples: { bad: 'networks:\n  app:\n    enable_ipv6: true', good: 'networks:\n  app:\n    driver: nat' },
    sources: entry.sources,
  },
  check(ctx) {
    for (const network of ctx.compose.networks) {
      const setting = scalarPair(network.node, 'enable_ipv6');
      if (!setting || !isTruthy(setting.value)) continue;
      ctx.report({
        span: { start: setting.pair.key.start, end: setting.value.end },
        message: `\`enable_ipv6\` fails on Windows: Docker's \`windows\` IPAM driver refuses IPv6 pools. Remove it, or run these services on Linux.`,
        fixes: fix('Remove `enable_ipv6`', removePairLines(ctx.doc, setting.pair), true),
      });
    }
  },
};
