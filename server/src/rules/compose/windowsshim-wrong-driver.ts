import { driverOption } from '../../knowledge/windowsshim';
import type { Rule } from '../types';
import { allDriverOptions, driverLabel } from './helpers';

/** shared/windows-networking.md §5.1 (driver applicability from MSD-ADV), §7 #22. */
export const windowsshimWrongDriverRule: Rule = {
  meta: {
    id: 'windowsshim-wrong-driver',
    title: 'Windows option on a driver it does not apply to',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    tags: ['unnecessary'],
    description:
      'Some Windows driver options apply to some drivers only: `interface` binds an external vSwitch (not `nat`), `vlanid` is for `transparent` and `l2bridge`, `enable_outboundnat` and `outboundnat_exceptions` are documented for `l2bridge`, `disable_gatewaydns` matters where Docker\'s internal DNS is used (`nat`), `vxlanid_list` is for `overlay`. Elsewhere they have no effect.',
    remedy: 'Remove the option, or change the driver to one it applies to.',
    caveat: 'Where Microsoft documents one driver and the driver code applies the option to every driver (`enable_outboundnat`, `outboundnat_exceptions`, `disable_gatewaydns`), the finding is information, not a warning.',
    examples: { bad: 'networks:\n  app:\n    driver: nat\n    driver_opts:\n      com.docker.network.windowsshim.interface: "Ethernet 2"' },
    sources: ['MSD-ADV', 'MOBY-WIN'],
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      const option = driverOption(use.key);
      if (!option?.drivers || use.level !== (option.level ?? 'network') || !use.driver.name) continue;
      if (option.drivers.includes(use.driver.name)) continue;
      ctx.report({
        span: { start: use.pair.key.start, end: use.pair.key.end },
        severity: option.driverMismatch,
        message: `\`${use.key}\` applies to ${option.drivers.map((d) => `\`${d}\``).join(', ')} networks; network \`${use.networkName}\` uses ${driverLabel(use.driver)}, where it has no effect.${option.notes ? ` ${option.notes}` : ''}`,
      });
    }
  },
};
