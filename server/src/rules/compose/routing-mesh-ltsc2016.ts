import { asMap, get, items, scalarText } from '../../documents/tree';
import { parsePort } from '../../compose/ports';
import { atLeast } from '../../knowledge/versions';
import type { Rule } from '../types';

/** shared/windows-networking.md §2.3 overlay, §7 #28 (MSD-SWARM). */
export const routingMeshLtsc2016Rule: Rule = {
  meta: {
    id: 'routing-mesh-ltsc2016',
    title: 'Swarm routing mesh on Windows Server 2016',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: 'Windows Server 2016 has no swarm routing mesh: no VIP load balancing and no ingress-mode published ports. Services there need `endpoint_mode: dnsrr` and ports with `mode: host`. The routing mesh arrived with Windows Server 1709 and 2019. Checked only when the target Windows version is `ltsc2016`.',
    remedy: 'Set `deploy.endpoint_mode: dnsrr` and publish ports with `mode: host`.',
    examples: { bad: 'deploy:\n  replicas: 2\nports:\n  - "80:80"', good: 'deploy:\n  endpoint_mode: dnsrr\nports:\n  - target: 80\n    published: 80\n    mode: host' },
    sources: ['MSD-SWARM', 'https://github.com/moby/moby/issues/24189', 'https://github.com/MicrosoftDocs/Virtualization-Documentation/issues/1047'],
  },
  check(ctx) {
    if (atLeast(ctx.windowsVersion, 'ltsc2019')) return;
    for (const service of ctx.compose.services) {
      const deploy = asMap(get(service.node, 'deploy'));
      if (!deploy) continue; // not a swarm service
      const mode = get(deploy, 'endpoint_mode');
      if (scalarText(mode) !== 'dnsrr') {
        const at = mode ?? deploy;
        ctx.report({
          span: mode ? { start: at.start, end: at.end } : { start: service.key.start, end: service.key.end },
          message: `Service \`${service.name}\` uses VIP load balancing (the default \`endpoint_mode\`), which Windows Server 2016 does not support: set \`endpoint_mode: dnsrr\`.`,
        });
      }
      for (const item of items(get(service.node, 'ports'))) {
        const port = parsePort(item);
        if (!port || port.mode?.text === 'host') continue;
        ctx.report({
          span: port.mode?.span ?? { start: item.start, end: item.end },
          message: `Ingress-mode port on Windows Server 2016 (service \`${service.name}\`): there is no routing mesh; publish with \`mode: host\`.`,
        });
      }
    }
  },
};
