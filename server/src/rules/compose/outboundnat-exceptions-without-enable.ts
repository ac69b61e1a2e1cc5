import { asScalar } from '../../documents/tree';
import { driverOption, WINDOWSSHIM_PREFIX } from '../../knowledge/windowsshim';
import { parseGoBool } from '../../knowledge/values';
import { isInterpolated } from '../../compose/interpolation';
import type { Rule } from '../types';
import { allDriverOptions } from './support/helpers';

const EXCEPTIONS = `${WINDOWSSHIM_PREFIX}outboundnat_exceptions`;
const option = driverOption(EXCEPTIONS)!;

/** moby daemon/libnetwork/drivers/windows/windows.go parseNetworkOptions and the OutBoundNAT policy it builds. */
export const outboundnatExceptionsWithoutEnableRule: Rule = {
  meta: {
    id: 'outboundnat-exceptions-without-enable',
    title: '`outboundnat_exceptions` without `enable_outboundnat`',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    tags: ['unnecessary'],
    description: `\`${EXCEPTIONS}\`: ${option.meaning} The exceptions belong to the OutBoundNAT policy that \`enable_outboundnat\` adds; without it there is no policy, and the exceptions do nothing.`,
    remedy: `Add \`${WINDOWSSHIM_PREFIX}enable_outboundnat: "true"\`, or remove the exceptions.`,
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [k8s]\nnetworks:\n  k8s:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.outboundnat_exceptions: "10.244.0.0/16"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [k8s]\nnetworks:\n  k8s:\n    driver: l2bridge\n    driver_opts:\n      com.docker.network.windowsshim.enable_outboundnat: "true"\n      com.docker.network.windowsshim.outboundnat_exceptions: "10.244.0.0/16"\n',
    },
    sources: option.sources,
  },
  check(ctx) {
    for (const use of allDriverOptions(ctx.compose)) {
      if (use.key !== EXCEPTIONS || !option.requires) continue;
      const enable = use.siblings.find((p) => p.key.value === option.requires!.key);
      const value = asScalar(enable?.value)?.value;
      if (value !== undefined && value !== null && (parseGoBool(String(value)) === true || isInterpolated(value))) continue;
      ctx.report({
        span: { start: use.pair.key.start, end: use.pair.key.end },
        message: `\`outboundnat_exceptions\` does nothing on network \`${use.networkName}\` without \`enable_outboundnat: "true"\`: there is no outbound NAT policy to except from.`,
      });
    }
  },
};
