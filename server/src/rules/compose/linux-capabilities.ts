import { asScalar, getPair, items, type Pair } from '../../documents/tree';
import { isInterpolated } from '../../compose/interpolation';
import { daemonOption } from '../../knowledge/unsupported';
import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';

const KEYS = ['cap_add', 'cap_drop'] as const;
const entries = { cap_add: daemonOption('cap_add'), cap_drop: daemonOption('cap_drop') };

/** The capabilities people add to change network settings; named in the message when present. */
const NETWORK_CAPS = new Set(['NET_ADMIN', 'NET_RAW']);

/**
 * moby daemon/container.go validateCapabilities runs caps.NormalizeLegacyCapabilities on CapAdd and CapDrop for
 * every platform; on Windows daemon/pkg/oci/caps/utils_other.go initCaps knows no capability (since moby#42933,
 * Engine 23), so every name but the magic `ALL` is "unknown capability". daemon/oci_windows.go never reads them.
 */
export const linuxCapabilitiesRule: Rule = {
  meta: {
    id: 'linux-capabilities',
    title: '`cap_add` / `cap_drop` on a Windows service',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: `Capabilities are a Linux kernel feature; Windows containers have none. ${entries.cap_add.behaviour} The same holds for \`cap_drop\`. People add \`NET_ADMIN\` or \`NET_RAW\` to change network settings inside the container: on Windows, HNS sets a container's addresses, routes and DNS from the network it joins.`,
    remedy:
      "Remove `cap_add` and `cap_drop` from Windows services. Set network settings where Windows takes them: the network's `driver` and `driver_opts`, the service's `dns`/`dns_search`, static addresses in `ipv4_address`.",
    caveat:
      'Engines before 23 (Docker 20.10 and older) accepted the Linux names and ignored them; from 23 they fail. `ALL` passes on every engine and does nothing, so a list of only `ALL` is a warning.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    cap_add:\n      - NET_ADMIN\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    dns:\n      - 10.0.0.10\n',
    },
    errors: [...entries.cap_add.errors, ...entries.cap_drop.errors],
    sources: [...new Set([...entries.cap_add.sources, ...entries.cap_drop.sources, 'MSD-ARCH' as const])],
  },
  check(ctx) {
    // A pair shared by several services through a merge key is reported once, naming them all.
    const owners = new Map<Pair, { key: (typeof KEYS)[number]; names: string[]; own: boolean }>();
    for (const service of ctx.compose.services) {
      for (const key of KEYS) {
        const pair = getPair(service.node, key);
        if (!pair) continue;
        const seen = owners.get(pair);
        if (seen) seen.names.push(service.name);
        else owners.set(pair, { key, names: [service.name], own: service.node.pairs.includes(pair) });
      }
    }
    for (const [pair, { key, names, own }] of owners) {
      // Values with a variable are unknown (`ALL` or a name): only the written ones are judged.
      const caps = items(pair.value).flatMap((item) => {
        const value = asScalar(item)?.value;
        return typeof value === 'string' && value !== '' && !isInterpolated(value) ? [value] : [];
      });
      if (!caps.length) continue;
      const refused = caps.filter((c) => c.toUpperCase() !== 'ALL');
      const field = key === 'cap_add' ? 'CapAdd' : 'CapDrop';
      const network = [...new Set(refused.map((c) => c.toUpperCase().replace(/^CAP_/, '')).filter((c) => NETWORK_CAPS.has(c)))];
      const who = `${names.length === 1 ? 'service' : 'services'} ${names.map((n) => `\`${n}\``).join(', ')}`;
      const why = network.length
        ? ` ${network.map((c) => `\`${c}\``).join(' and ')} cannot change a Windows container's network: HNS sets its addresses, routes and DNS from the network it joins (driver options, \`dns\`, \`ipv4_address\`).`
        : '';
      // The daemon names the first capability it cannot find, upper-cased with a CAP_ prefix (caps.NormalizeLegacyCapabilities).
      const first = refused.length ? refused[0].toUpperCase().replace(/^(?!CAP_)/, 'CAP_') : '';
      ctx.report({
        span: { start: pair.key.start, end: pair.key.end },
        severity: refused.length ? 'error' : 'warning',
        message: refused.length
          ? `\`${key}\` on ${who}: Windows containers have no Linux capabilities, and the daemon refuses to create the container: \`invalid ${field}: unknown capability: "${first}"\` (Engine 23 and later).${why} Remove \`${key}\`.`
          : `\`${key}: [ALL]\` on ${who} does nothing: Windows containers have no Linux capabilities (the daemon accepts \`ALL\` and ignores it). Remove \`${key}\`.`,
        // Only a key written in the service itself: one inherited through a merge key is shared with other services.
        fixes: own && names.length === 1 ? fix(`Remove \`${key}\``, removePairLines(ctx.doc, pair), true) : [],
      });
    }
  },
};
