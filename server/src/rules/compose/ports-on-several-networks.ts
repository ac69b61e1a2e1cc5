import { networkNamed } from '../../compose/model';
import { asScalar, get, getPair, items } from '../../documents/tree';
import type { Rule } from '../types';
import { isTruthy } from './support/helpers';

/**
 * Published ports belong to the container, not to a network: moby daemon/network.go
 * buildPortsRelatedCreateEndpointOptions gives them to the first non-internal endpoint the container joins and to
 * no later one ("Port-mapping rules belong to the container"). From API 1.44 docker/compose hands every network to
 * the daemon at create (pkg/compose/create.go), which joins them in map order. On Windows each network also adds a
 * default route of the same metric (moby#38187, moby#38412, both open).
 */
export const portsOnSeveralNetworksRule: Rule = {
  meta: {
    id: 'ports-on-several-networks',
    title: 'Published ports on a service with several networks',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      "Docker publishes a container's ports on one network only: the first one the container joins that is not `internal`. With several networks, which one that is depends on the order the daemon joins them, which it does not define (compose hands them all over at once on current engines). When the networks are of different kinds (`nat` beside `transparent`, `l2bridge` or an existing network winnet cannot see), the ports may be forwarded on a network you did not mean, or on a `transparent` one where nothing forwards them. And on Windows every network adds a default route with the same metric, so outbound traffic can leave through either network. Networks of one kind (two `nat` networks) behave alike and are not reported.",
    remedy:
      'Give the service that publishes ports a single network, and let the services it talks to join that network too (or put them behind a service of their own). Check where the ports went with `docker inspect` (`NetworkSettings.Ports`) and the routes with `Get-NetRoute` in the container. Networks marked `internal: true` never carry published ports and do not count here.',
    caveat:
      "The port placement is read from the daemon code and the open moby issues; none of Microsoft's pages describe it, and some engines may happen to join in a stable order. Information only.",
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [default, backend]\n    ports:\n      - "8080:80"\nnetworks:\n  default:\n    name: nat\n    external: true\n  backend:\n    name: corp-backend\n    external: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "8080:80"\n  api:\n    image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\n    networks: [default, backend]\nnetworks:\n  default:\n    name: nat\n    external: true\n  backend:\n    name: corp-backend\n    external: true\n',
    },
    symptoms: [
      'outbound traffic from the container leaves through the wrong network',
      'a published port does not answer when the container is on two networks',
    ],
    sources: [
      'https://github.com/moby/moby/blob/master/daemon/network.go',
      'https://github.com/docker/compose/blob/main/pkg/compose/create.go',
      'https://github.com/moby/moby/issues/38187',
      'https://github.com/moby/moby/issues/38412',
    ],
  },
  check(ctx) {
    if (ctx.compose.stack) return; // a stack publishes through the ingress network, not the service's networks
    for (const service of ctx.compose.services) {
      const ports = getPair(service.node, 'ports');
      if (!ports || !items(ports.value).length || asScalar(get(service.node, 'network_mode'))) continue;
      const publishing = service.attachments
        .map((a) => ({ name: a.name, ...networkNamed(ctx.compose, a.name) }))
        .filter((n) => !isTruthy(get(n.network?.node, 'internal')));
      if (publishing.length < 2) continue;
      // Networks of one known kind (two nat networks) forward the ports and route out alike: nothing to say.
      const kinds = new Set(publishing.map((n) => n.driver.name));
      if (kinds.size === 1 && !kinds.has(undefined)) continue;
      const names = publishing.map((n) => `\`${n.name}\` (${n.driver.name ?? 'driver unknown'})`).join(', ');
      ctx.report({
        span: { start: ports.key.start, end: ports.key.end },
        message: `\`${service.name}\` publishes ports and joins ${publishing.length} networks that can carry them (${names}): Docker publishes them on only one, the first the container joins, in an order it does not define; and each Windows network adds a default route of equal metric. Publish the ports from a service with one network.`,
      });
    }
  },
};
