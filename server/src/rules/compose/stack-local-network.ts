import { isExternal, type NetworkModel } from '../../compose/model';
import { asMap, asScalar, get, getPair, type ScalarNode } from '../../documents/tree';
import type { Rule } from '../types';

const NOT_FOUND = 'could not find the corresponding predefined swarm network';

/** The node that names the existing network: `name:`, the deprecated `external.name`, or the key itself. */
function nameNode(network: NetworkModel): ScalarNode {
  const name = asScalar(getPair(network.node, 'name')?.value) ?? asScalar(getPair(asMap(get(network.node, 'external')), 'name')?.value);
  return name && name.value !== null ? name : network.key;
}

/**
 * `docker stack deploy` hands a service's networks to the swarm manager, which resolves a predefined local network
 * such as `nat` to the swarm network of the same name (moby daemon/cluster/networks.go populateNetworkID:
 * "could not find the corresponding predefined swarm network"). Only a Windows manager has one: swarm's predefined
 * networks are the manager's platform's (moby daemon/libnetwork/cnmallocator/drivers_network_windows.go lists `nat`;
 * the Linux list has none of that name). docker/cli skips predefined names when it checks external networks, so
 * the error comes from the daemon.
 */
export const stackLocalNetworkRule: Rule = {
  meta: {
    id: 'stack-local-network',
    title: 'A swarm stack joins the local `nat` network',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `A file written for \`docker stack deploy\` that joins the host's \`nat\` network (declared \`external\`, by name) asks the swarm for its predefined \`nat\` network. Only managers running Windows have one: with a Linux manager, as most mixed clusters have, the deploy fails with \`${NOT_FOUND}: network nat not found\`. Where it is accepted, \`nat\` is a network of each node on its own, so tasks on different nodes cannot reach each other through it.`,
    remedy:
      'Use an overlay network in the stack (leave `networks` out, and the stack gets one; or declare a network without `external`), and publish ports for what must be reached from outside. Keep `nat` for `docker compose up` on one host.',
    caveat:
      "The failure depends on the managers' platform, which the file does not show: moby creates the predefined swarm `nat` network on Windows managers, so an all-Windows swarm may accept the stack. Hence a warning.",
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    deploy:\n      replicas: 2\n      placement:\n        constraints: [node.platform.os == windows]\nnetworks:\n  default:\n    name: nat\n    external: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    deploy:\n      replicas: 2\n      placement:\n        constraints: [node.platform.os == windows]\n',
      path: 'docker-stack.yml',
    },
    errors: [`${NOT_FOUND}: network nat not found`, NOT_FOUND],
    sources: [
      'https://github.com/moby/moby/blob/master/daemon/cluster/networks.go',
      'https://github.com/moby/moby/blob/master/daemon/libnetwork/cnmallocator/drivers_network_windows.go',
      'https://github.com/MicrosoftDocs/Virtualization-Documentation/issues/1148',
      'MSD-SWARM',
    ],
  },
  check(ctx) {
    if (!ctx.compose.stack) return;
    for (const network of ctx.compose.networks) {
      if (!network.node || !isExternal(network)) continue;
      const node = nameNode(network);
      if (String(node.value) !== 'nat') continue;
      ctx.report({
        span: { start: node.start, end: node.end },
        message: `This stack joins the host's \`nat\` network (\`${network.name}\`): with a Linux swarm manager \`docker stack deploy\` fails with "${NOT_FOUND}: network nat not found", and where it is accepted \`nat\` does not connect tasks on different nodes. Use an overlay network in the stack.`,
      });
    }
  },
};
