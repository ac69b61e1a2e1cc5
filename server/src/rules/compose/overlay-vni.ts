import { asScalar } from '../../documents/tree';
import { driverOption } from '../../knowledge/windowsshim';
import { parseUint32 } from '../../knowledge/values';
import { isInterpolated } from '../../compose/interpolation';
import type { Rule } from '../types';
import { networksWithDrivers, optionPairs } from './support/helpers';

const KEY = 'com.docker.network.driver.overlay.vxlanid_list';
const option = driverOption(KEY)!;
const MAX_VNI = 16777215; // VXLAN IDs are 24-bit

/** moby `drivers/overlay/ovmanager/ovmanager.go` (swarm allocates VNIs from 4096 because Windows cannot use lower ones). */
export const overlayVniRule: Rule = {
  meta: {
    id: 'overlay-vni',
    title: 'VXLAN ID below 4096 on a Windows overlay',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `\`${KEY}\`: ${option.meaning} ${option.notes} Swarm's own allocation starts at 4096 for that reason, and Flannel on Windows uses VNI 4096. A swarm manager accepts a lower ID; tasks on Windows nodes then fail with \`HNS failed with error : Element not found\`.`,
    remedy: 'Use VXLAN IDs from 4096 to 16777215, one per subnet.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\n    deploy:\n      placement:\n        constraints: [node.platform.os == windows]\nnetworks:\n  app:\n    driver: overlay\n    driver_opts:\n      com.docker.network.driver.overlay.vxlanid_list: "100"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\n    deploy:\n      placement:\n        constraints: [node.platform.os == windows]\nnetworks:\n  app:\n    driver: overlay\n    driver_opts:\n      com.docker.network.driver.overlay.vxlanid_list: "4097"\n',
    },
    errors: ['HNS failed with error : Element not found'],
    sources: [...option.sources, 'https://github.com/moby/moby/issues/32935', 'https://github.com/flannel-io/flannel/pull/1215'],
  },
  check(ctx) {
    for (const { network } of networksWithDrivers(ctx.compose)) {
      const pair = optionPairs(network.node).find((p) => p.key.value === KEY);
      const value = asScalar(pair?.value);
      if (!value || value.value === null || isInterpolated(value.value)) continue;
      const vnis = String(value.value)
        .split(',')
        .map((s) => s.trim());
      const bad = vnis.filter((v) => {
        const n = parseUint32(v);
        return n !== undefined && (n < 4096 || n > MAX_VNI);
      });
      if (!bad.length) continue;
      ctx.report({
        span: { start: value.start, end: value.end },
        message: `VXLAN ID${bad.length > 1 ? 's' : ''} ${bad.join(', ')} cannot be used on Windows (network \`${network.name}\`): IDs 0–4095 overlap 802.1Q VLAN IDs, and VXLAN IDs end at ${MAX_VNI}; tasks on Windows nodes fail with "Element not found". Use 4096 or more.`,
      });
    }
  },
};
