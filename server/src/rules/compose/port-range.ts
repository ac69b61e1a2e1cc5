import { get, items } from '../../documents/tree';
import type { EffectiveDriver } from '../../compose/model';
import { parsePort } from '../../compose/ports';
import { supportOf, windowsDriver } from '../../knowledge/drivers';
import type { Rule } from '../types';
import { serviceDrivers } from './helpers';

/** shared/windows-networking.md §7 #9 (moby windows.go ConvertPortBindings, port_mapping.go). */
export const portRangeRule: Rule = {
  meta: {
    id: 'port-range',
    title: 'Host-port range on a Windows network',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      'On `nat`, `transparent` and `ics` networks the Windows driver takes exactly one host port per mapping and fails on a range: `Windows does not support more than one host port in NAT settings`. On `l2bridge` and `l2tunnel` Docker allocates one port from the range itself (reported as information).',
    remedy: 'Publish each port on its own line (`"8000:80"`), or let Docker choose with `"80"` (no host port).',
    examples: { bad: 'ports:\n  - "8000-8010:80"', good: 'ports:\n  - "8000:80"' },
    sources: ['MOBY-WIN'],
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
        if (!port?.published || port.published.byVariable || !/^\d+-\d+$/.test(port.published.text)) continue;
        const [low, high] = port.published.text.split('-').map(Number);
        if (low === high) continue;
        drivers ??= serviceDrivers(ctx.compose, service);
        const refusing = drivers.find((d) => rangeSupport(d.name) === 'no');
        const allocating = drivers.find((d) => rangeSupport(d.name) === 'partial');
        if (!refusing && !allocating) break;
        if (refusing) {
          ctx.report({
            span: port.published.span,
            message: `Host-port range \`${port.published.text}\` fails on the \`${refusing.name}\` network of service \`${service.name}\`: "Windows does not support more than one host port in NAT settings". Publish one host port per mapping.`,
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
