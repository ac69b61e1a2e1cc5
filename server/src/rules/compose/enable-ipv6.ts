import { effectiveDriver, isExternal } from '../../compose/model';
import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';
import { isTruthy, scalarPair } from './support/helpers';
import { unsupportedOption } from '../../knowledge/unsupported';
import { describeEntry } from './support/unsupported-entry';

const entry = unsupportedOption('enable-ipv6');

/**
 * moby `daemon/libnetwork/network_windows.go` defaultIpamForNetworkType: the builtin local drivers (nat,
 * transparent, l2bridge, l2tunnel, ics, internal, private) get the `windows` IPAM, whose RequestPool refuses
 * `req.V6`; overlay gets the default IPAM, and `drivers/windows/overlay/ov_network_windows.go` never reads the
 * IPv6 data, so an IPv6 overlay is created and its Windows tasks get IPv4 only.
 */
export const enableIpv6Rule: Rule = {
  meta: {
    id: 'enable-ipv6',
    title: '`enable_ipv6` on Windows',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: `${describeEntry(entry)} That is a warning: Linux tasks on the same overlay network do get IPv6. HNS itself can do dual-stack on l2bridge (Kubernetes uses it), but Docker cannot reach it.`,
    remedy: 'Remove `enable_ipv6`, or run the services that need IPv6 on Linux.',
    caveat:
      'An external network is not created by compose, so its `enable_ipv6` is not reported. A driver set by a variable may be overlay: then the finding is a warning.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    enable_ipv6: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
    },
    sources: [...entry.sources, 'MOBY-OV'],
  },
  check(ctx) {
    for (const network of ctx.compose.networks) {
      const setting = scalarPair(network.node, 'enable_ipv6');
      if (!setting || !isTruthy(setting.value) || isExternal(network)) continue;
      const driver = effectiveDriver(network, ctx.compose.stack);
      const span = { start: setting.pair.key.start, end: setting.value.end };
      const fixes = fix('Remove `enable_ipv6`', removePairLines(ctx.doc, setting.pair), true);
      if (driver.name === 'overlay') {
        ctx.report({
          span,
          severity: 'warning',
          message: `\`enable_ipv6\` on overlay network \`${network.name}\`: the network is created, but the Windows overlay driver ignores IPv6, so Windows tasks get an IPv4 address only (Linux tasks get IPv6). Remove it, or run the services that need IPv6 on Linux nodes.`,
          fixes,
        });
      } else if (driver.name === undefined) {
        ctx.report({
          span,
          severity: 'warning',
          message: `\`enable_ipv6\` on network \`${network.name}\`, whose driver is set by a variable: with a Windows local driver (\`nat\`, \`transparent\`, \`l2bridge\`, ...) the network fails, since Docker's \`windows\` IPAM driver refuses IPv6 pools; on \`overlay\` Windows tasks get no IPv6.`,
          fixes,
        });
      } else {
        ctx.report({
          span,
          message: `\`enable_ipv6\` fails on Windows: Docker's \`windows\` IPAM driver refuses IPv6 pools ("this request is not supported by the 'windows' ipam driver"). Remove it, or run these services on Linux.`,
          fixes,
        });
      }
    }
  },
};
