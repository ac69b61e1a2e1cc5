import { driverOption, OVERLAY_READS, WINDOWSSHIM_PREFIX } from '../../knowledge/windowsshim';
import type { Rule } from '../types';
import { allDriverOptions, driverLabel } from './support/helpers';

/**
 * Applicability from Microsoft's advanced-networking page; the Windows overlay driver is a separate driver that
 * reads only `networkname`, `interface`, `hnsid` and `vxlanid_list` (moby `drivers/windows/overlay/
 * ov_network_windows.go` CreateNetwork), so every other windowsshim option is ignored there.
 */
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
      "Some Windows driver options apply to some drivers only: `interface` binds an external vSwitch (not `nat`), `vlanid` is for `transparent` and `l2bridge`, `enable_outboundnat` and `outboundnat_exceptions` are documented for `l2bridge`, `disable_gatewaydns` matters where Docker's internal DNS is used (`nat`), `vxlanid_list` is for `overlay`. The Windows `overlay` driver reads only `networkname`, `interface` and `vxlanid_list`: every other windowsshim option (`dnsservers`, `dnssuffix`, `macpool`, `vlanid`, `vsid`, `enable_outboundnat`, ...) has no effect there; overlay endpoints always get outbound NAT and Docker's DNS. Elsewhere they have no effect either.",
    remedy: 'Remove the option, or change the driver to one it applies to.',
    caveat:
      "Where Microsoft documents one driver and the driver code applies the option to every driver (`enable_outboundnat`, `outboundnat_exceptions`, `disable_gatewaydns`), the finding is information, not a warning; on overlay it is a warning, since that driver never reads them. Microsoft's own overlay example passes `dnsservers`, which the code shows has no effect.",
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n    driver_opts:\n      com.docker.network.windowsshim.interface: "Ethernet 2"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    # winnet-disable-next-line transparent-host-requirements\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.interface: "Ethernet 2"\n',
    },
    sources: ['MSD-ADV', 'MOBY-WIN', 'MOBY-OV', 'MOBY-OV-EP'],
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      const option = driverOption(use.key);
      if (option?.status !== 'supported' || use.level !== (option.level ?? 'network') || !use.driver.name) continue;
      const span = { start: use.pair.key.start, end: use.pair.key.end };
      if (use.driver.name === 'overlay' && use.key.startsWith(WINDOWSSHIM_PREFIX) && !OVERLAY_READS.includes(use.key)) {
        ctx.report({
          span,
          message: `\`${use.key}\` has no effect on network \`${use.networkName}\`, which uses ${driverLabel(use.driver)}: the Windows overlay driver reads only \`networkname\`, \`interface\` and \`vxlanid_list\`.`,
        });
        continue;
      }
      if (!option.drivers || option.drivers.includes(use.driver.name)) continue;
      ctx.report({
        span,
        severity: option.driverMismatch,
        message: `\`${use.key}\` applies to ${option.drivers.map((d) => `\`${d}\``).join(', ')} networks; network \`${use.networkName}\` uses ${driverLabel(use.driver)}, where it has no effect.${option.notes ? ` ${option.notes}` : ''}`,
      });
    }
  },
};
