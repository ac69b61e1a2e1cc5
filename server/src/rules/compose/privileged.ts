import { asScalar, getPair, type Pair } from '../../documents/tree';
import { isInterpolated } from '../../compose/interpolation';
import { daemonOption } from '../../knowledge/unsupported';
import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';

const entry = daemonOption('privileged');

/** compose-go loader/interpolate.go toBoolean: the strings compose reads as true (YAML 1.1 spellings included). */
const TRUE = /^(true|y|yes|on)$/i;

/**
 * moby daemon/internal/runconfig/hostconfig_windows.go validatePrivileged, called for every create request
 * (runconfig/config.go validateCreateRequest): "invalid option: privileged mode is not supported for Windows
 * containers" (Engine 28; "Windows does not support privileged mode" before).
 */
export const privilegedRule: Rule = {
  meta: {
    id: 'privileged',
    title: '`privileged: true` on a Windows service',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: `Windows containers have no privileged mode, and \`privileged: true\` fails. ${entry.behaviour} The error reads \`${entry.errors[0]}\` (engines before 28: \`${entry.errors[1]}\`).`,
    remedy:
      'Remove `privileged`. For administrative work inside the container, run it as `ContainerAdministrator` (the default user of Server Core images; Nano Server images run as `ContainerUser`): `user: ContainerAdministrator`.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    privileged: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n',
    },
    errors: entry.errors,
    sources: [...entry.sources, 'https://learn.microsoft.com/virtualization/windowscontainers/manage-containers/container-security'],
  },
  check(ctx) {
    // A pair shared by several services through a merge key is reported once, naming them all.
    const owners = new Map<Pair, string[]>();
    for (const service of ctx.compose.services) {
      const pair = getPair(service.node, 'privileged');
      const value = asScalar(pair?.value)?.value;
      if (!pair || isInterpolated(value) || !(value === true || (typeof value === 'string' && TRUE.test(value)))) continue;
      owners.set(pair, [...(owners.get(pair) ?? []), service.name]);
    }
    for (const [pair, names] of owners) {
      const own = names.length === 1 && ctx.compose.services.find((s) => s.name === names[0])?.node.pairs.includes(pair);
      ctx.report({
        span: { start: pair.key.start, end: Math.max(pair.value.end, pair.key.end) },
        severity: ctx.compose.stack ? 'warning' : undefined,
        message: `${names.length === 1 ? 'Service' : 'Services'} ${names.map((n) => `\`${n}\``).join(', ')}: Windows has no privileged mode, and the daemon refuses to create the container: "${entry.errors[0]}".${ctx.compose.stack ? ' (`docker stack deploy` drops the key with a warning; `docker compose up` fails.)' : ''} Remove \`privileged\`.`,
        // Only a key written in the service itself: one inherited through a merge key is shared with other services.
        fixes: own ? fix('Remove `privileged`', removePairLines(ctx.doc, pair), true) : [],
      });
    }
  },
};
