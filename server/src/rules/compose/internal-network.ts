import { getPair } from '../../documents/tree';
import type { Rule } from '../types';
import { isTruthy } from './helpers';
import { reportNoEffect } from './no-effect-option';
import { describeEntry, unsupportedEntry } from './unsupported-entry';

const entry = unsupportedEntry('internal-network');

/** shared/windows-networking.md §4, §7 #15. */
export const internalNetworkRule: Rule = {
  meta: {
    id: 'internal-network',
    title: '`internal: true` does not isolate a Windows network',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    tags: ['unnecessary'],
    description: `${describeEntry(entry)} Containers on the network can still reach outside networks.`,
    remedy: 'Remove `internal: true` and isolate the containers another way (Windows Firewall rules inside the image, or no outbound NAT on l2bridge).',
    caveat: 'That Windows ignores the key is read from the code; Microsoft documents it only as unsupported.',
    examples: { bad: 'networks:\n  backend:\n    internal: true' },
    sources: entry.sources,
  },
  check(ctx) {
    reportNoEffect(
      ctx,
      (model) => model.networks.flatMap((n) => {
        const pair = getPair(n.node, 'internal');
        return pair && isTruthy(pair.value) ? [{ pair, owner: n.name }] : [];
      }),
      (owner) => `\`internal: true\` has no effect on Windows: network \`${owner}\` is not isolated, and its containers can still reach outside networks. Remove it and isolate another way.`,
    );
  },
};
