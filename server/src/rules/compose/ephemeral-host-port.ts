import type { Rule } from '../types';
import { hostPorts } from './support/published-ports';

/** Windows' default dynamic (ephemeral) port range since Vista / Server 2008: 49152–65535. */
const DYNAMIC_FROM = 49152;
const FORBIDDEN = 'An attempt was made to access a socket in a way forbidden by its access permissions';

/**
 * Windows reserves blocks of ports for Hyper-V, WinNAT and other services ("excluded port ranges", `netsh int ipv4
 * show excludedportrange protocol=tcp`), mostly inside the dynamic range, and a host port inside a reserved block
 * cannot be bound (docker/for-win#3171, #6613, #8881; dotnet/aspnetcore#25562). Which blocks are reserved differs
 * per host and per boot, so a port in the dynamic range is only likelier to collide: a hint, off by default.
 */
export const ephemeralHostPortRule: Rule = {
  meta: {
    id: 'ephemeral-host-port',
    title: 'Host port in the Windows dynamic port range',
    defaultSeverity: 'hint',
    offByDefault: true,
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `Windows hands out ports ${DYNAMIC_FROM}–65535 to outgoing connections, and Hyper-V, WinNAT and other services reserve blocks of ports ("excluded port ranges"), which on many hosts fall in that range. A published host port inside a reserved block cannot be bound, and publishing fails with \`${FORBIDDEN}\` (Docker Desktop: \`Ports are not available: listen tcp 0.0.0.0:<port>: bind: ...\`). The reserved blocks differ per host and can move at each boot, so a file cannot know; a host port below ${DYNAMIC_FROM} is simply less likely to meet one.`,
    remedy: `Publish a host port below ${DYNAMIC_FROM} (and not in a block \`netsh int ipv4 show excludedportrange protocol=tcp\` lists on your hosts), or reserve the port you need for yourself with \`netsh int ipv4 add excludedportrange protocol=tcp startport=<port> numberofports=1\`.`,
    caveat:
      'Whether a given port is reserved is a property of the host at run time, not of the file: many hosts publish ports in this range without trouble. That is why this rule is off unless a setting turns it on.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "50080:80"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "8080:80"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
    },
    errors: [FORBIDDEN, 'Ports are not available: listen tcp'],
    sources: [
      'https://learn.microsoft.com/troubleshoot/windows-server/networking/default-dynamic-port-range-tcpip-chang',
      'https://github.com/docker/for-win/issues/3171',
      'https://github.com/docker/for-win/issues/6613',
      'https://github.com/docker/for-win/issues/8881',
      'https://github.com/dotnet/aspnetcore/issues/25562',
    ],
  },
  check(ctx) {
    const seen = new Set<object>();
    for (const entry of hostPorts(ctx.compose)) {
      if (entry.port < DYNAMIC_FROM || seen.has(entry.mapping)) continue;
      seen.add(entry.mapping);
      ctx.report({
        span: entry.span,
        message: `Host port ${entry.port} is in the Windows dynamic port range (${DYNAMIC_FROM}–65535), where Hyper-V and WinNAT often reserve blocks: if it falls in one on a host, publishing fails with "${FORBIDDEN}". A port below ${DYNAMIC_FROM} is less likely to; \`netsh int ipv4 show excludedportrange protocol=tcp\` lists a host's blocks.`,
      });
    }
  },
};
