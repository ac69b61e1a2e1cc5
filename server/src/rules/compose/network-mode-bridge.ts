import { fix, replaceScalar } from '../edits';
import type { Rule } from '../types';
import { scalarPair } from './helpers';

/** shared/windows-networking.md §2.2, §7 #4 (code reading of moby hostconfig_windows.go). */
export const networkModeBridgeRule: Rule = {
  meta: {
    id: 'network-mode-bridge',
    title: '`network_mode: bridge` on Windows',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description:
      "On Windows the default network is called `nat`, not `bridge`. A Windows daemon treats `bridge` as the name of a user-defined network, and there is none, so the container fails with `network bridge not found`.",
    remedy: 'Use `network_mode: nat` (the default Windows network), or attach the service to a compose network.',
    caveat: 'The failure is read from the daemon code (`IsUserDefined`), not from a documented error.',
    examples: { bad: 'services:\n  web:\n    network_mode: bridge', good: 'services:\n  web:\n    network_mode: nat' },
    sources: ['MOBY-HC', 'MSD-DRV'],
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      const mode = scalarPair(service.node, 'network_mode');
      if (mode?.value.value !== 'bridge') continue;
      ctx.report({
        span: { start: mode.value.start, end: mode.value.end },
        message: 'There is no `bridge` network on Windows: the default network is `nat`, so this fails with `network bridge not found`. Use `network_mode: nat`.',
        fixes: fix('Use the default Windows network `nat`', replaceScalar(mode.value, 'nat'), true),
      });
    }
  },
};
