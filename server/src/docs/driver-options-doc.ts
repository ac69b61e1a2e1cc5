/**
 * docs/knowledge/driver-options.md: the network driver options a Windows compose file can carry, rendered from
 * knowledge/windowsshim.ts (DRIVER_OPTIONS by status, LINUX_ONLY_OPTIONS, OVERLAY_READS).
 */
import type { ValueKind } from '../knowledge/values';
import { DRIVER_OPTIONS, LINUX_ONLY_OPTIONS, OVERLAY_READS, WINDOWSSHIM_PREFIX, type DriverOption, type OptionStatus } from '../knowledge/windowsshim';
import { citations, sentence, table } from './markdown';

const STATUS_SECTION: Record<OptionStatus, { heading: string; text: string }> = {
  supported: {
    heading: 'Options the driver reads and applies',
    text: 'The driver parses each of these and applies it to the HNS network it creates or to its endpoints.',
  },
  ignored: {
    heading: 'Options the driver accepts and ignores',
    text: 'The driver defines these names but never applies them: a network with one is created as if it were not there.',
  },
  internal: {
    heading: 'Options Docker sets itself',
    text: 'Docker sets these; a value written in a compose file changes what Docker does in ways the docs do not describe, or makes the daemon refuse the endpoint.',
  },
};

const KIND_LABEL: Record<ValueKind, string> = {
  string: 'text',
  uint32: 'unsigned 32-bit integer',
  bool: 'boolean',
  ipList: 'list of IP addresses',
  cidrOrIpList: 'list of CIDRs or IP addresses',
  macPool: 'MAC address ranges',
  vniList: 'list of VXLAN IDs',
  presence: 'any value (only its presence counts)',
};

export function renderDriverOptionsDoc(): string {
  const out: string[] = [
    '# Driver options on Windows',
    '',
    'Generated from `server/src/knowledge/windowsshim.ts` (`npm run docs`).',
    '',
    `The Windows network driver reads the options in a network's \`driver_opts\` whose names start with \`${WINDOWSSHIM_PREFIX}\`, and a few others; the \`driver_opts\` of a service's network entry (\`services.*.networks.*.driver_opts\`) reach it as endpoint options. Values are strings, parsed the way the daemon's Go code parses them. What each driver supports overall is in [the driver matrix](../drivers.md).`,
    '',
  ];
  for (const status of Object.keys(STATUS_SECTION) as OptionStatus[]) {
    const options = DRIVER_OPTIONS.filter((o) => o.status === status);
    if (!options.length) continue;
    out.push(`## ${STATUS_SECTION[status].heading}`, '', STATUS_SECTION[status].text, '');
    out.push(
      ...table(
        ['Option', 'Set on', 'Value', 'Drivers', 'What it does', 'Sources'],
        options.map((o) => [
          `\`${o.key}\``,
          o.level === 'endpoint' ? 'a service endpoint' : 'a network',
          value(o),
          drivers(o),
          meaning(o),
          citations(o.sources),
        ]),
      ),
      '',
    );
  }
  out.push(
    '## Options only Linux drivers read',
    '',
    'On a Windows network these do nothing.',
    '',
    ...table(
      ['Option', 'Why', 'Sources'],
      LINUX_ONLY_OPTIONS.map((o) => [`\`${o.label}\``, `${sentence(o.note)}.`, citations(o.sources)]),
    ),
    '',
    '## What the overlay driver reads',
    '',
    'The Windows `overlay` driver reads only these options; every other option on an overlay network is ignored, since its HNS request carries no DNS, MAC pool, VLAN or outbound NAT settings:',
    '',
    ...OVERLAY_READS.map((key) => `- \`${key}\``),
    '',
  );
  return out.join('\n');
}

function value(o: DriverOption): string {
  const help = o.valueHelp === 'internal' ? '' : `: ${o.valueHelp}`;
  const example = o.example && !o.valueHelp.includes(o.example) ? `, e.g. \`${o.example}\`` : '';
  return `${KIND_LABEL[o.value]}${help}${example}`;
}

function drivers(o: DriverOption): string {
  if (!o.drivers) {
    // Network options only: the overlay driver's CreateNetwork reads OVERLAY_READS and nothing else.
    return o.level !== 'endpoint' && !OVERLAY_READS.includes(o.key) ? 'all Windows drivers but `overlay`' : 'all Windows drivers';
  }
  const names = o.drivers.map((d) => `\`${d}\``).join(', ');
  if (o.driverMismatch === 'warning') return `${names} only; no effect on other drivers`;
  if (o.driverMismatch === 'information') return `${names} (documented); on other drivers the docs and the code disagree`;
  return names;
}

function meaning(o: DriverOption): string {
  const requires = o.requires ? ` Needs \`${o.requires.key}\` set to \`${o.requires.value}\`.` : '';
  return `${o.meaning}${o.notes ? ` ${o.notes}` : ''}${requires}`;
}
