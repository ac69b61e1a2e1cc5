import { asScalar } from '../../documents/tree';
import { WINDOWS_ONLY_DRIVERS } from '../../knowledge/drivers';
import { driverOption, OVERLAY_READS } from '../../knowledge/windowsshim';
import { checkValue, VLAN_ID_RANGE } from '../../knowledge/values';
import { isInterpolated } from '../../compose/interpolation';
import type { Rule } from '../types';
import { allDriverOptions, type OptionUse } from './support/helpers';

const { min, max } = VLAN_ID_RANGE;
const VXLAN_IDS = 'com.docker.network.driver.overlay.vxlanid_list';

/**
 * Whether the driver the option goes to parses it, and can therefore refuse it: the windowsshim drivers
 * (windows.go builtinLocalDrivers) parse the network options of parseNetworkOptions, the overlay driver only
 * OVERLAY_READS (ov_network_windows.go CreateNetwork). Elsewhere the value is never read (windowsshim-wrong-driver
 * says so); a service's endpoint options are windowsshim-internal-option's; an external network is not created.
 * A driver from a variable might be any of them.
 */
function parsed(use: OptionUse): boolean {
  if (use.level !== 'network' || use.driver.origin === 'external') return false;
  const name = use.driver.name;
  if (name === undefined) return true;
  if (name === 'overlay') return OVERLAY_READS.includes(use.key);
  return (WINDOWS_ONLY_DRIVERS as readonly string[]).includes(name) && use.key !== VXLAN_IDS;
}

/**
 * Value parsing follows moby daemon/libnetwork/drivers/windows/windows.go parseNetworkOptions (strconv.ParseUint,
 * strconv.ParseBool, the MAC pool pairs) and the overlay driver's VNI list (overlay/ov_network_windows.go). The
 * VLAN range: CreateNetwork adds an HNS VLAN policy `if config.VLAN != 0`, with no upper bound; 802.1Q IDs are 1–4094.
 */
export const windowsshimInvalidValueRule: Rule = {
  meta: {
    id: 'windowsshim-invalid-value',
    title: 'Windows driver option with a value the daemon cannot parse',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `The Windows network drivers parse their options when the network is created (the \`overlay\` driver only \`vxlanid_list\`, \`networkname\` and \`interface\`; the others every windowsshim option): \`vlanid\` and \`vsid\` as unsigned 32-bit decimal integers, \`enable_outboundnat\` and \`disable_gatewaydns\` as Go booleans (\`true\`/\`false\`, \`1\`/\`0\`, \`t\`/\`f\`), \`macpool\` as start,end pairs. A value it cannot parse makes the daemon refuse the network (error), with Go's own words: \`strconv.ParseUint: parsing "eleven": invalid syntax\`. Address lists that do not parse are passed on to HNS (warning). A \`vlanid\` outside ${min}–${max} is not an 802.1Q VLAN ID (warning): \`0\` sets no VLAN at all, since the daemon sends HNS a VLAN policy only for a non-zero ID, and an ID above ${max} goes to HNS unchecked.`,
    remedy: `Write the value in the form the option expects (see the hover on the option). For a VLAN, use an ID from ${min} to ${max}, or remove \`vlanid\` for untagged traffic.`,
    caveat: `No source says what HNS does with a VLAN ID above ${max} (it may refuse the network, or tag nothing); the finding is a warning until one does.`,
    examples: {
      command: 'docker network create -d l2bridge --subnet 10.0.0.0/24 --gateway 10.0.0.1 -o com.docker.network.windowsshim.vlanid=5000 lan\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\nnetworks:\n  lan:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.enable_outboundnat: "true"\n      com.docker.network.windowsshim.vlanid: "eleven"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [lan]\nnetworks:\n  lan:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.enable_outboundnat: "true"\n      com.docker.network.windowsshim.vlanid: "11"\n',
    },
    errors: [
      'strconv.ParseUint: parsing',
      'strconv.ParseBool: parsing',
      'invalid mac pool. You must specify both a start range and an end range',
      'invalid vxlan id value',
    ],
    sources: ['MOBY-WIN', 'MOBY-OV', 'MSD-ADV'],
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      const option = driverOption(use.key);
      const value = asScalar(use.pair.value);
      // A VNI list is checked here for numbers only (the driver's strconv fails on anything else); which numbers
      // Windows can use is overlay-vni's concern.
      if (!option || !value || value.value === null || isInterpolated(value.value) || !parsed(use)) continue;
      const text = String(value.value);
      const problem = checkValue(option.value, text) ?? option.check?.(text);
      if (!problem) continue;
      ctx.report({
        span: { start: value.start, end: value.end },
        severity: problem.severity,
        message: `\`${use.key.replace(/^.*\./, '')}\` on network \`${use.networkName}\`: ${problem.message}. Expected ${option.valueHelp}.`,
      });
    }
  },
};
