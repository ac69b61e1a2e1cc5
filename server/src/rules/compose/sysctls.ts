import { asScalar, getPair, items, pairs, type Pair } from '../../documents/tree';
import { isInterpolated } from '../../compose/interpolation';
import { daemonOption } from '../../knowledge/unsupported';
import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';

const entry = daemonOption('sysctls');

/**
 * A sysctl that names an interface, as the API reads it (moby daemon/server/router/container/container_routes.go
 * handleSysctlBC: `strings.SplitN(k, ".", 5)`, `net`, and a fourth part starting with `eth`).
 */
const isInterfaceSysctl = (name: string): boolean => {
  const parts = name.split('.');
  return parts.length >= 5 && parts[0] === 'net' && parts[3].startsWith('eth');
};

/**
 * moby daemon/oci_windows.go builds the Windows spec without HostConfig.Sysctls, and no Windows validation looks
 * at them (daemon_windows.go verifyPlatformContainerResources, runconfig/hostconfig_windows.go): accepted and
 * ignored. The API's handleSysctlBC (Engine 27+) refuses interface sysctls before any platform code runs.
 */
export const sysctlsRule: Rule = {
  meta: {
    id: 'sysctls',
    title: '`sysctls` have no effect on Windows',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    tags: ['unnecessary'],
    description: `Sysctls are Linux kernel parameters. ${entry.behaviour} The refusal reads \`interface specific sysctl setting "net.ipv4.conf.eth0.forwarding" ${entry.errors[0]}\` (error). \`net.*\` settings do nothing on Windows: HNS configures a container's network stack from the network it joins.`,
    remedy:
      "Remove `sysctls` from Windows services. Network behaviour on Windows comes from the network's `driver` and `driver_opts` and the service's `dns` settings.",
    caveat:
      'An interface sysctl fails from Engine 27 only; older engines accept and ignore it like any other. Engine 28 still moves an `eth0` sysctl to the endpoint for clients of API 1.47 or older.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    sysctls:\n      net.core.somaxconn: 1024\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n',
    },
    errors: entry.errors,
    sources: [...entry.sources, 'MOBY-D', 'MOBY-HC', 'MSD-ARCH'],
  },
  check(ctx) {
    // A pair shared by several services through a merge key is reported once, naming them all.
    const owners = new Map<Pair, { names: string[]; own: boolean }>();
    for (const service of ctx.compose.services) {
      const pair = getPair(service.node, 'sysctls');
      if (!pair) continue;
      const seen = owners.get(pair);
      if (seen) seen.names.push(service.name);
      else owners.set(pair, { names: [service.name], own: service.node.pairs.includes(pair) });
    }
    for (const [pair, { names, own }] of owners) {
      // Mapping (`name: value`) or list (`name=value`); a name written with a variable is still a sysctl, and
      // ignored whatever it is, but whether it names an interface is unknown.
      const written = [
        ...pairs(pair.value).map((p) => String(p.key.value)),
        ...items(pair.value).flatMap((item) => {
          const value = asScalar(item)?.value;
          return typeof value === 'string' ? [value.split('=')[0]] : [];
        }),
      ];
      if (!written.length) continue;
      const failing = written.filter((name) => !isInterpolated(name) && isInterfaceSysctl(name));
      const net = written.some((name) => name.startsWith('net.'));
      const who = `${names.length === 1 ? 'service' : 'services'} ${names.map((n) => `\`${n}\``).join(', ')}`;
      ctx.report({
        span: { start: pair.key.start, end: pair.key.end },
        severity: failing.length ? 'error' : undefined,
        message: failing.length
          ? `\`sysctls\` on ${who}: ${failing.map((n) => `\`${n}\``).join(', ')} ${failing.length === 1 ? 'names' : 'name'} a Linux interface, and Engine 27 and later refuse to create the container ("interface specific sysctl setting ... ${entry.errors[0]}"); Windows has no sysctls at all. Remove \`sysctls\`.`
          : `\`sysctls\` have no effect on Windows (${who}): Windows has no sysctls, and the daemon accepts and ignores them.${net ? " `net.*` settings do not reach a Windows container's network stack, which HNS configures from the network it joins." : ''} Remove \`sysctls\`.`,
        // Only a key written in the service itself: one inherited through a merge key is shared with other services.
        fixes: own && names.length === 1 ? fix('Remove `sysctls`', removePairLines(ctx.doc, pair), true) : [],
      });
    }
  },
};
