import { get, getPair, items } from '../../documents/tree';
import { networkNamed } from '../../compose/model';
import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';
import { isTruthy } from './support/helpers';
import { unsupportedOption } from '../../knowledge/unsupported';
import { describeEntry } from './support/unsupported-entry';

const entry = unsupportedOption('internal-network');

/**
 * The Windows drivers never read `internal` (moby `drivers/windows/windows.go`), so nothing is isolated; but the
 * daemon acts on it on every platform (`daemon/network.go`): buildPortsRelatedCreateEndpointOptions publishes no
 * ports on an internal network, and buildCreateEndpointOptions gives its endpoints none of the `dns:` servers.
 */
export const internalNetworkRule: Rule = {
  meta: {
    id: 'internal-network',
    title: '`internal: true` does not isolate a Windows network',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: `${describeEntry(entry)} The Windows drivers never read it, so containers on the network still reach outside networks. The daemon still acts on it: it publishes no \`ports:\` on an internal network, and gives its endpoints none of the \`dns:\` servers (Docker's own DNS on \`nat\` still answers).`,
    remedy:
      'To isolate, use Windows Firewall rules inside the image or an l2bridge network without outbound NAT. Remove `internal: true` if you need the ports or `dns:` servers on this network; the quick fix does that, and is never applied by `--fix`, since it publishes the ports again.',
    caveat:
      'That the Windows drivers ignore the key is read from the driver code; Microsoft lists `--internal` as unsupported. The effects on ports and DNS are read from the daemon code.',
    examples: {
      command: 'docker network create -d nat --internal backend\n',
      bad: 'services:\n  db:\n    image: mcr.microsoft.com/mssql/server:2022-latest-windows-ltsc2022\n    networks: [backend]\nnetworks:\n  backend:\n    internal: true\n',
      good: 'services:\n  db:\n    image: mcr.microsoft.com/mssql/server:2022-latest-windows-ltsc2022\n    networks: [backend]\nnetworks:\n  backend:\n    driver: nat\n',
    },
    sources: [...entry.sources, 'MOBY-DNET'],
  },
  check(ctx) {
    for (const network of ctx.compose.networks) {
      const pair = getPair(network.node, 'internal');
      if (!pair || !isTruthy(pair.value)) continue;
      // Ports go to a container's first non-internal network: a service with ports on internal networks only loses them.
      const losing = ctx.compose.services.filter(
        (s) =>
          items(get(s.node, 'ports')).length > 0 &&
          s.attachments.some((a) => a.name === network.name) &&
          s.attachments.every((a) => isTruthy(get(networkNamed(ctx.compose, a.name).network?.node, 'internal'))),
      );
      const ports = losing.length
        ? ` ${losing.map((s) => `\`${s.name}\``).join(', ')} ${losing.length === 1 ? 'publishes' : 'publish'} ports that are therefore not published.`
        : '';
      ctx.report({
        span: { start: pair.key.start, end: pair.value.kind === 'scalar' && pair.value.end > pair.key.end ? pair.value.end : pair.key.end },
        message: `\`internal: true\` does not isolate network \`${network.name}\` on Windows: its containers can still reach outside networks. It does stop \`ports:\` being published on it and drops its \`dns:\` servers.${ports} Isolate with firewall rules instead.`,
        fixes: fix('Remove `internal: true`', removePairLines(ctx.doc, pair), false),
      });
    }
  },
};
