import { asScalar, get, scalarText } from '../../documents/tree';
import type { Rule } from '../types';
import { scalarPair } from './helpers';

/** shared/windows-networking.md §2.2, §7 #24 (moby hostconfig_windows.go validateNetMode, container_operations_windows.go). */
export const networkModeHypervSharedRule: Rule = {
  meta: {
    id: 'network-mode-hyperv-shared',
    title: 'Shared network namespace with Hyper-V isolation',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      '`network_mode: service:<name>` and `container:<name>` share another container\'s network stack. Windows allows this for process isolation only: with Hyper-V isolation the daemon refuses with "using the network stack of another container is not supported while using Hyper-V Containers" (or "sharing of hyperv containers network is not supported" when the target uses Hyper-V). Without `isolation:` the daemon default applies: Hyper-V on Windows 10/11, process on Windows Server.',
    remedy: 'Set `isolation: process` on both services (Windows Server, or a client with a matching host build), or give the services their own network and talk over it.',
    examples: { bad: 'services:\n  sidecar:\n    isolation: hyperv\n    network_mode: service:web', good: 'services:\n  sidecar:\n    isolation: process\n    network_mode: service:web' },
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
      const span = { start: mode.value.start, end: mode.value.end };
      if (own === 'hyperv' || peerIsolation === 'hyperv') {
        const who = own === 'hyperv' ? `\`${service.name}\` uses Hyper-V isolation` : `\`${shared[2]}\` uses Hyper-V isolation`;
        const isolationNode = own === 'hyperv' ? asScalar(get(service.node, 'isolation')) : asScalar(get(peer?.node, 'isolation'));
        ctx.report({
          span,
          message: `\`network_mode: ${text}\` fails on Windows because ${who}: Hyper-V containers cannot share a network stack. Use \`isolation: process\` on both, or a shared network.`,
          related: isolationNode ? [{ span: { start: isolationNode.start, end: isolationNode.end }, message: 'Hyper-V isolation set here' }] : [],
        });
      } else if (own === undefined || own === 'default') {
        ctx.report({
          span,
          severity: 'warning',
          message: `\`network_mode: ${text}\` fails on Windows 10/11 hosts, where the default isolation is Hyper-V: Hyper-V containers cannot share a network stack. Set \`isolation: process\` to make it work on every host that can run it.`,
        });
      }
    }
  },
};
