import { fix, replaceScalar } from '../edits';
import type { Rule } from '../types';
import { scalarPair } from './support/helpers';

/** moby `api/types/container/hostconfig_windows.go`: `bridge` is not a predefined mode on Windows, so it names a user network. */
export const networkModeBridgeRule: Rule = {
  meta: {
    id: 'network-mode-bridge',
    title: '`network_mode: bridge` on Windows',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description:
      'On Windows the default network is called `nat`, not `bridge`. A Windows daemon treats `bridge` as the name of a user-defined network, and there is none, so the container fails with `network bridge not found`.',
    remedy: 'Use `network_mode: nat` (the default Windows network), or attach the service to a compose network.',
    caveat:
      'Users report exactly `network bridge not found` on Windows (portainer/portainer#290); it works only where someone has created a network named `bridge`.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    network_mode: bridge\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    network_mode: nat\n',
    },
    errors: ['network bridge not found'],
    sources: ['MOBY-HC', 'MSD-DRV', 'https://github.com/portainer/portainer/issues/290'],
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      const mode = scalarPair(service.node, 'network_mode');
      if (mode?.value.value !== 'bridge') continue;
      ctx.report({
        span: { start: mode.value.start, end: mode.value.end },
        message:
          'There is no `bridge` network on Windows: the default network is `nat`, so this fails with `network bridge not found`. Use `network_mode: nat`.',
        fixes: fix('Use the default Windows network `nat`', replaceScalar(mode.value, 'nat'), true),
      });
    }
  },
};
