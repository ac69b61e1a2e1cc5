import { get, items } from '../../documents/tree';
import type { EffectiveDriver } from '../../compose/model';
import { parsePort } from '../../compose/ports';
import { supportOf, windowsDriver } from '../../knowledge/drivers';
import type { Rule } from '../types';
import { serviceDrivers } from './support/helpers';

/** `8000-8010` → [8000, 8010]; a single port → [p, p]; anything else undefined. */
function portRange(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : undefined;
}

/**
 * moby `daemon/libnetwork/drivers/windows/windows.go` ConvertPortBindings refuses a binding whose host port is a
 * range; `port_mapping.go` AllocatePorts (l2bridge, l2tunnel, and the overlay driver's endpoints) first narrows
 * it to one port. compose-go's ParsePortConfig (go-connections `nat.ParsePortSpec`) keeps a host range in one
 * binding only when the container side is a single port: `8000-8010:8000-8010` becomes eleven bindings of one
 * port each, which Windows accepts.
 */
export const portRangeRule: Rule = {
  meta: {
    id: 'port-range',
    title: 'Host-port range onto one container port on a Windows network',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      'A host-port range published onto a single container port (`"8000-8010:80"`) reaches the Windows driver as one binding with a range of host ports. On `nat`, `transparent` and `ics` networks the driver takes exactly one host port per binding and fails: `Windows does not support more than one host port in NAT settings`. On `l2bridge`, `l2tunnel` and `overlay` Docker allocates one port from the range itself (reported as information). A range onto a range of the same length (`"8000-8010:8000-8010"`) is fine: compose expands it into one binding per port.',
    remedy:
      'Publish one host port (`"8000:80"`), let Docker choose with `"80"` (no host port), or map a range onto a range of the same length (`"8000-8010:8000-8010"`).',
    caveat:
      'A range onto a range of another length (`"8000-8010:80-81"`) is refused by compose itself on every platform ("invalid ranges specified for container and host Ports"); winnet reports that here too.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "8000-8010:80"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "8000:80"\n      - "9000-9010:9000-9010"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
    },
    errors: ['Windows does not support more than one host port in NAT settings'],
    sources: ['MOBY-WIN', 'MOBY-OV-EP', 'COMPOSE-PORTS', 'GO-CONN-NAT'],
  },
  check(ctx) {
    const rangeSupport = (name: string | undefined) => {
      const driver = windowsDriver(name);
      return driver ? supportOf(driver, 'hostPortRange', ctx.windowsVersion)?.level : undefined;
    };
    for (const service of ctx.compose.services) {
      // The service's drivers are looked up only for a service that publishes a range: few do, and this runs on
      // every keystroke for every service.
      let drivers: EffectiveDriver[] | undefined;
      for (const item of items(get(service.node, 'ports'))) {
        const port = parsePort(item);
        if (!port?.published || port.published.byVariable || port.target?.byVariable) continue;
        const host = portRange(port.published.text);
        if (!host || host[0] === host[1]) continue;
        const container = port.target ? portRange(port.target.text) : undefined;
        if (container && container[0] !== container[1]) {
          // Same length: one binding per port. Another length: compose refuses before Windows sees it.
          if (container[1] - container[0] === host[1] - host[0]) continue;
          ctx.report({
            span: port.published.span,
            message: `compose refuses \`${port.published.text}:${port.target!.text}\` (service \`${service.name}\`): "invalid ranges specified for container and host Ports". Map a range onto a range of the same length, or onto one container port.`,
          });
          continue;
        }
        drivers ??= serviceDrivers(ctx.compose, service);
        const refusing = drivers.find((d) => rangeSupport(d.name) === 'no');
        const allocating = drivers.find((d) => rangeSupport(d.name) === 'partial');
        if (!refusing && !allocating) break;
        if (refusing) {
          ctx.report({
            span: port.published.span,
            message: `Host-port range \`${port.published.text}\` onto one container port fails on the \`${refusing.name}\` network of service \`${service.name}\`: "Windows does not support more than one host port in NAT settings". Publish one host port, or a range onto a range of the same length.`,
          });
        } else {
          ctx.report({
            span: port.published.span,
            severity: 'information',
            message: `On \`${allocating!.name}\`, Docker allocates a single host port from \`${port.published.text}\` for service \`${service.name}\`, not the whole range.`,
          });
        }
      }
    }
  },
};
