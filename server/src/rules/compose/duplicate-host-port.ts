import { activeProfiles } from '../../compose/environment';
import type { ServiceModel } from '../../compose/model';
import { get, scalarText } from '../../documents/tree';
import type { Related, Rule } from '../types';
import { serviceDrivers } from './support/helpers';
import { type HostPort, hostPorts, profilesOf } from './support/published-ports';

const HNS_0X20 = 'The process cannot access the file because it is being used by another process';

/** Services whose published ports reach the host's NAT: not `network_mode: none`/`service:`, not transparent-only. */
function publishesOnHost(ctx: Parameters<Rule['check']>[0], service: ServiceModel): boolean {
  const mode = scalarText(get(service.node, 'network_mode'));
  if (mode !== undefined && mode !== 'nat' && mode !== 'default') return false;
  const drivers = serviceDrivers(ctx.compose, service);
  return !drivers.length || !drivers.every((d) => d.name === 'transparent');
}

function replicasOf(service: ServiceModel): number | undefined {
  const text = scalarText(get(get(service.node, 'deploy'), 'replicas')) ?? scalarText(get(service.node, 'scale'));
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** Whether a service runs when `active` profiles are on (`COMPOSE_PROFILES`; `*` turns on all): no profile, or an active one. */
function runs(service: ServiceModel, active: readonly string[]): boolean {
  const profiles = profilesOf(service);
  return !profiles.length || active.includes('*') || profiles.some((p) => active.includes(p));
}

/** Whether two services run together in every run (no profiles, or a profile in common). */
function alwaysTogether(a: ServiceModel, b: ServiceModel): boolean {
  const pa = profilesOf(a);
  const pb = profilesOf(b);
  if (!pa.length && !pb.length) return true;
  return pa.some((p) => pb.includes(p));
}

/**
 * Docker does not check published ports before it creates containers (compose-go's checkConsistency has no port
 * check; docker/compose only serialises starts), and on a Windows `nat` network HNS refuses the second endpoint
 * that asks for a taken host port with ERROR_SHARING_VIOLATION (0x20), worded as a file error (moby#36983,
 * docker/for-win#1745). compose-go drops exact duplicates within one service (`host_ip:published:target/protocol`).
 */
export const duplicateHostPortRule: Rule = {
  meta: {
    id: 'duplicate-host-port',
    title: 'The same host port published twice',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `Two services of a project (or one service with two mappings, or several replicas of one service) that publish the same host port cannot all start: Docker checks nothing before it creates the containers, and on Windows the second one fails with \`failed to create endpoint ... on network nat: ... ${HNS_0X20}. (0x20)\`. Despite the wording, no file is involved: that message means a host port is already taken, here by another container of the same project. Ports from every file of a compose file set (override, \`-f\` files, \`include\`) count together, and TCP and UDP are separate ports.`,
    remedy:
      'Give each service its own host port (`"8081:80"` beside `"8080:80"`), or publish no host port (`"80"`) and let Docker choose one. For several replicas, publish no host port, so each replica gets its own (a host-port range onto one container port is refused on Windows `nat` networks).',
    caveat:
      'Services in profiles that never run together do not collide: when the two services do not always run together, the finding is a warning. A host port also taken by a program on the host (IIS on 80, SQL Server on 1433) gives the same error; winnet cannot see the host.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "8080:80"\n  api:\n    image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\n    ports:\n      - "8080:8080"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "8080:80"\n  api:\n    image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\n    ports:\n      - "8081:8080"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
    },
    errors: [`${HNS_0X20}. (0x20)`, `HNS failed with error : ${HNS_0X20}`, 'port is already allocated'],
    sources: [
      'https://github.com/moby/moby/issues/36983',
      'https://github.com/docker/for-win/issues/1745',
      'https://github.com/docker/for-win/issues/2213',
      'https://github.com/compose-spec/compose-go/blob/main/loader/validate.go',
    ],
  },
  check(ctx) {
    const stack = ctx.compose.stack;
    // With `COMPOSE_PROFILES` set (environment or .env), compose runs exactly those profiles' services.
    const active = activeProfiles(ctx.env);
    const byPort = new Map<string, HostPort[]>();
    for (const entry of hostPorts(ctx.compose)) {
      // A stack's `mode: host` port is bound on each task's node, where the scheduler may keep them apart.
      if (stack && entry.hostMode) continue;
      const key = entry.protocol === 'tcp' ? String(entry.port) : `${entry.port}/${entry.protocol}`;
      const list = byPort.get(key);
      if (!list) {
        byPort.set(key, [entry]);
        continue;
      }
      // compose drops a mapping that repeats another of the same service exactly.
      const target = entry.mapping.target?.text;
      if (list.some((e) => e.service === entry.service && e.mapping.target?.text === target)) continue;
      list.push(entry);
    }
    const eligible = new Map<ServiceModel, boolean>();
    const onHost = (s: ServiceModel) => eligible.get(s) ?? eligible.set(s, publishesOnHost(ctx, s)).get(s)!;

    for (const [written, all] of byPort) {
      if (all.length < 2) continue; // most host ports are published once: no need to ask about their service
      const key = written.includes('/') ? written : `${written}/tcp`;
      const entries = all.filter((e) => onHost(e.service) && (!active || runs(e.service, active)));
      for (let i = 1; i < entries.length; i++) {
        const here = entries[i];
        const first = entries[0];
        const same = here.service === first.service;
        const together = same || !!active || alwaysTogether(here.service, first.service);
        const by = same
          ? `twice by \`${here.service.name}\` (to container ports ${first.mapping.target?.text} and ${here.mapping.target?.text})`
          : `by \`${first.service.name}\` and \`${here.service.name}\``;
        const related: Related[] = [{ span: first.span, message: `host port ${key} first published by \`${first.service.name}\`` }];
        ctx.report({
          span: here.span,
          severity: together ? undefined : 'warning',
          message: `Host port ${key} is published ${by}${together ? '' : ' (when their profiles run together)'}. On Windows the second container fails with "${HNS_0X20} (0x20)": that message means this port conflict. Publish each on its own host port.`,
          related,
        });
      }
    }

    if (stack) return; // a stack's replicas share a published port through the routing mesh
    for (const service of ctx.compose.services) {
      const replicas = replicasOf(service);
      if (!replicas || replicas < 2 || !onHost(service)) continue;
      const seen = new Set<string>();
      for (const entry of hostPorts(ctx.compose)) {
        if (entry.service !== service || seen.has(`${entry.mapping.node.start}`)) continue;
        seen.add(`${entry.mapping.node.start}`);
        ctx.report({
          span: entry.span,
          message: `\`${service.name}\` runs ${replicas} replicas, and each publishes host port ${entry.port}/${entry.protocol}: only the first starts; the others fail with "${HNS_0X20} (0x20)", which means this port conflict. Publish no host port (\`"${entry.mapping.target?.text}"\`), so that each replica gets its own, or run one replica: a host-port range onto one container port is refused on Windows nat networks (\`port-range\`).`,
        });
      }
    }
  },
};
