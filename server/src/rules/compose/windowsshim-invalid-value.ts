import { asScalar } from '../../documents/tree';
import { driverOption } from '../../knowledge/windowsshim';
import { checkValue } from '../../knowledge/values';
import { isInterpolated } from '../../compose/interpolation';
import type { Rule } from '../types';
import { allDriverOptions } from './support/helpers';

/** Value parsing follows moby daemon/libnetwork/drivers/windows/windows.go parseNetworkOptions. */
export const windowsshimInvalidValueRule: Rule = {
  meta: {
    id: 'windowsshim-invalid-value',
    title: 'Windows driver option with a value the daemon cannot parse',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      'The Windows driver parses its options when the network is created: `vlanid` and `vsid` as unsigned 32-bit decimal integers, `enable_outboundnat` and `disable_gatewaydns` as Go booleans (`true`/`false`, `1`/`0`, `t`/`f`), `macpool` as start,end pairs. A value it cannot parse makes the daemon refuse the network (error). Address lists that do not parse are passed on to HNS (warning).',
    remedy: 'Write the value in the form the option expects (see the hover on the option).',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\nnetworks:\n  lan:\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.vlanid: "eleven"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\nnetworks:\n  lan:\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.vlanid: "11"\n',
    },
    sources: ['MOBY-WIN', 'MSD-ADV'],
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      const option = driverOption(use.key);
      const value = asScalar(use.pair.value);
      // A VNI list is checked here for numbers only (the driver's strconv fails on anything else); which numbers
      // Windows can use is overlay-vni's concern.
      if (!option || !value || value.value === null || isInterpolated(value.value)) continue;
      const problem = checkValue(option.value, String(value.value));
      if (!problem) continue;
      ctx.report({
        span: { start: value.start, end: value.end },
        severity: problem.severity,
        message: `\`${use.key.replace(/^.*\./, '')}\` on network \`${use.networkName}\`: ${problem.message}. Expected ${option.valueHelp}.`,
      });
    }
  },
};
