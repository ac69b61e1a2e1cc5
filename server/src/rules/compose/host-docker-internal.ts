import { asScalar, get, items, pairs, type Node } from '../../documents/tree';
import type { ServiceModel } from '../../compose/model';
import type { Rule, RuleContext } from '../types';

export const hostDockerInternalRule: Rule = {
  meta: {
    id: 'host-docker-internal',
    title: '`host.docker.internal` in a Windows container',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      'Docker Desktop injects `host.docker.internal` into the hosts file of some containers only; in Windows containers the name does not resolve reliably.',
    remedy: "Pass the host's address explicitly (an environment variable set per host), or use the `nat` gateway address.",
    caveat: 'Reported by users in issues; behaviour varies by Docker Desktop version.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    environment:\n      API_URL: http://host.docker.internal:5000\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    environment:\n      API_URL: http://${HOST_ADDRESS}:5000\n',
    },
    errors: ['Ping request could not find host host.docker.internal', 'host.docker.internal does not resolve in a Windows container'],
    sources: ['https://github.com/docker/for-win/issues/1976', 'https://github.com/microsoft/Windows-Containers/issues/357'],
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      const env = get(service.node, 'environment');
      // `environment` is a list (`- KEY=value`) or a mapping (`KEY: value`).
      for (const item of items(env)) reportIn(ctx, service, item);
      for (const pair of pairs(env)) reportIn(ctx, service, pair.value);
    }
  },
};

function reportIn(ctx: RuleContext, service: ServiceModel, value: Node): void {
  const scalar = asScalar(value);
  if (typeof scalar?.value !== 'string' || !scalar.value.includes('host.docker.internal')) return;
  ctx.report({
    span: { start: scalar.start, end: scalar.end },
    message: `\`host.docker.internal\` does not resolve reliably in Windows containers (service \`${service.name}\`): pass the host address explicitly.`,
  });
}
