import { asMap, asScalar, get, getPair, items, scalarText, type MapNode } from '../../documents/tree';
import type { ComposeModel } from '../../compose/model';
import { isInterpolated } from '../../compose/interpolation';
import { networksWithDrivers } from './support/helpers';
import { SWARM_DEPLOY_KEYS } from '../../compose/swarm';
import { parsePort } from '../../compose/ports';
import { atLeast } from '../../knowledge/versions';
import type { Rule } from '../types';

/** Microsoft's swarm-mode page (routing mesh from Windows Server version 1709). */
export const routingMeshLtsc2016Rule: Rule = {
  meta: {
    id: 'routing-mesh-ltsc2016',
    title: 'Swarm routing mesh on Windows Server 2016',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      'Windows Server 2016 has no swarm routing mesh: no VIP load balancing and no ingress-mode published ports. Services there need `endpoint_mode: dnsrr` and ports with `mode: host`. The routing mesh arrived with Windows Server 1709 and 2019. Checked only when the target Windows version is `ltsc2016`, for services with a `deploy` section.',
    caveat:
      'Only swarm (`docker stack deploy`) has a routing mesh; `docker compose up` also reads `deploy` (`replicas`, `resources`) and publishes ports without one. So the finding is a warning when the file shows it is a swarm stack (a swarm-only `deploy` key: `placement`, `endpoint_mode`, `mode`, `update_config`, `rollback_config`; or an overlay network) and information otherwise.',
    remedy: 'Set `deploy.endpoint_mode: dnsrr` and publish ports with `mode: host`.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2016\n    deploy:\n      replicas: 2\n      placement:\n        constraints: [node.platform.os == windows]\n    ports:\n      - "80:80"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2016\n    deploy:\n      endpoint_mode: dnsrr\n      placement:\n        constraints: [node.platform.os == windows]\n    ports:\n      - target: 80\n        published: 80\n        mode: host\n',
      path: 'docker-stack.yml',
    },
    sources: ['MSD-SWARM', 'https://github.com/moby/moby/issues/24189', 'https://github.com/MicrosoftDocs/Virtualization-Documentation/issues/1047'],
  },
  check(ctx) {
    if (atLeast(ctx.windowsVersion, 'ltsc2019')) return;
    const overlay = hasOverlayNetwork(ctx.compose);
    for (const service of ctx.compose.services) {
      const deploy = asMap(get(service.node, 'deploy'));
      if (!deploy) continue; // not a swarm service
      // Without swarm-only evidence this may be a plain `docker compose` file, which has no routing mesh to miss.
      const swarm = overlay || isSwarmDeploy(deploy);
      const severity = swarm ? undefined : ('information' as const);
      const unsure = swarm ? '' : ' (if this file is deployed as a swarm stack)';
      const mode = get(deploy, 'endpoint_mode');
      if (scalarText(mode) !== 'dnsrr' && !isInterpolated(asScalar(mode)?.value)) {
        const at = mode ?? deploy;
        ctx.report({
          span: mode ? { start: at.start, end: at.end } : { start: service.key.start, end: service.key.end },
          severity,
          message: `Service \`${service.name}\` uses VIP load balancing (the default \`endpoint_mode\`), which Windows Server 2016 does not support${unsure}: set \`endpoint_mode: dnsrr\`.`,
        });
      }
      for (const item of items(get(service.node, 'ports'))) {
        const port = parsePort(item);
        if (!port || port.mode?.text === 'host' || port.mode?.byVariable) continue;
        ctx.report({
          span: port.mode?.span ?? { start: item.start, end: item.end },
          severity,
          message: `Ingress-mode port on Windows Server 2016 (service \`${service.name}\`)${unsure}: there is no routing mesh; publish with \`mode: host\`.`,
        });
      }
    }
  },
};

/**
 * `deploy` keys that make a service's routing-mesh finding sure: the swarm-only ones, and `mode` in any value.
 * (compose/swarm.ts asks more before it calls a whole file a stack: `mode: replicated` alone does not count there.)
 */
const SWARM_ONLY_DEPLOY_KEYS = [...SWARM_DEPLOY_KEYS, 'mode'];

function isSwarmDeploy(deploy: MapNode): boolean {
  return SWARM_ONLY_DEPLOY_KEYS.some((key) => getPair(deploy, key) !== undefined);
}

function hasOverlayNetwork(model: ComposeModel): boolean {
  return networksWithDrivers(model).some((n) => n.driver.name === 'overlay');
}
