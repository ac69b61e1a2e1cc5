import { asScalar, get, scalarText } from '../../documents/tree';
import type { Rule } from '../types';
import { scalarPair } from './support/helpers';

/**
 * moby `daemon/internal/runconfig/hostconfig_windows.go` validateNetMode refuses a sharer that asks for Hyper-V;
 * `daemon/container_operations_windows.go` refuses sharing the network of a container whose stored isolation is
 * Hyper-V, which `create_windows.go` sets to the daemon default when none is written (Hyper-V on Windows 10/11).
 */
export const networkModeHypervSharedRule: Rule = {
  meta: {
    id: 'network-mode-hyperv-shared',
    title: 'Shared network namespace with Hyper-V isolation',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      '`network_mode: service:<name>` and `container:<name>` share another container\'s network stack. Windows allows this for process isolation only: a sharer that sets Hyper-V isolation is refused with "using the network stack of another container is not supported while using Hyper-V Containers", and sharing the network of a container that runs Hyper-V isolated fails with "sharing of hyperv containers network is not supported". A container without `isolation:` gets the daemon default: Hyper-V on Windows 10/11, process on Windows Server, so a target without `isolation:` fails on Windows 10/11 (a warning).',
    remedy:
      'Set `isolation: process` on both services (Windows Server, or a client with a matching host build), or give the services their own network and talk over it.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    isolation: process\n  sidecar:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    isolation: hyperv\n    network_mode: service:web\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    isolation: process\n  sidecar:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    isolation: process\n    network_mode: service:web\n',
    },
    errors: [
      'invalid network-mode: using the network stack of another container is not supported while using Hyper-V Containers',
      'sharing of hyperv containers network is not supported',
    ],
    sources: ['MOBY-HC', 'MOBY-D'],
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      const mode = scalarPair(service.node, 'network_mode');
      const text = typeof mode?.value.value === 'string' ? mode.value.value : '';
      const shared = /^(service|container):(.+)$/.exec(text);
      if (!mode || !shared) continue;
      const own = scalarText(get(service.node, 'isolation'))?.toLowerCase();
      const peer = shared[1] === 'service' ? ctx.compose.services.find((s) => s.name === shared[2]) : undefined;
      const peerIsolation = peer ? scalarText(get(peer.node, 'isolation'))?.toLowerCase() : undefined;
      const target = `${shared[1] === 'service' ? 'service' : 'container'} \`${shared[2]}\``;
      const span = { start: mode.value.start, end: mode.value.end };
      if (own === 'hyperv' || peerIsolation === 'hyperv') {
        const who = own === 'hyperv' ? `\`${service.name}\` uses Hyper-V isolation` : `${target} uses Hyper-V isolation`;
        const isolationNode = own === 'hyperv' ? asScalar(get(service.node, 'isolation')) : asScalar(get(peer?.node, 'isolation'));
        ctx.report({
          span,
          message: `\`network_mode: ${text}\` fails on Windows because ${who}: Hyper-V containers cannot share a network stack. Use \`isolation: process\` on both, or a shared network.`,
          related: isolationNode ? [{ span: { start: isolationNode.start, end: isolationNode.end }, message: 'Hyper-V isolation set here' }] : [],
        });
      } else if (peerIsolation === undefined || peerIsolation === 'default') {
        // The target's isolation decides (its stored isolation, the daemon default when unwritten).
        if (peerIsolation === undefined && peer && get(peer.node, 'isolation') !== undefined) continue; // a variable
        ctx.report({
          span,
          severity: 'warning',
          message: `\`network_mode: ${text}\` fails on Windows 10/11 hosts if ${target} runs Hyper-V isolated, the default there: a Hyper-V container's network stack cannot be shared. Set \`isolation: process\` on ${target} to make it work on every host that can run it.`,
        });
      }
    }
  },
};
