import { effectiveDriver, isExternal, type EffectiveDriver } from '../../compose/model';
import { fix, removePairLines } from '../edits';
import type { Rule, RuleContext, SpanFix } from '../types';
import { isTruthy, boolOption, scalarPair } from './support/helpers';
import { unsupportedOption } from '../../knowledge/unsupported';
import { describeEntry } from './support/unsupported-entry';

const entry = unsupportedOption('enable-ipv6');

/** moby `daemon/libnetwork/netlabel/labels.go` EnableIPv6. */
const OPTION = 'com.docker.network.enable_ipv6';

/**
 * moby `daemon/libnetwork/network_windows.go` defaultIpamForNetworkType: the builtin local drivers (nat,
 * transparent, l2bridge, l2tunnel, ics, internal, private) get the `windows` IPAM, whose RequestPool refuses
 * `req.V6`; overlay gets the default IPAM, and `drivers/windows/overlay/ov_network_windows.go` never reads the
 * IPv6 data, so an IPv6 overlay is created and its Windows tasks get IPv4 only.
 *
 * The driver option: moby `daemon/network.go` createNetwork reads `com.docker.network.enable_ipv6` with
 * strconv.ParseBool when the request carries no EnableIPv6 (Engine 27+), refuses any other value with
 * `driver-opt %q is not a valid bool`, and drops the option when EnableIPv6 is set. Compose sends EnableIPv6 only
 * when `enable_ipv6` is written (docker/compose `pkg/compose/create.go` createNetwork; a pointer since compose 2.28).
 */
export const enableIpv6Rule: Rule = {
  meta: {
    id: 'enable-ipv6',
    title: '`enable_ipv6` on Windows',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: `${describeEntry(entry)} That is a warning: Linux tasks on the same overlay network do get IPv6. HNS itself can do dual-stack on l2bridge (Kubernetes uses it), but Docker cannot reach it. The driver option \`${OPTION}: "true"\` does the same when \`enable_ipv6\` is not written (the daemon reads it as a fallback, Engine 27 and later), and is reported the same way; a value that is not a Go boolean (\`true\`/\`false\`, \`1\`/\`0\`, \`t\`/\`f\`) fails on every driver: \`driver-opt "${OPTION}" is not a valid bool\`.`,
    remedy: `Remove \`enable_ipv6\` (or the \`${OPTION}\` driver option), or run the services that need IPv6 on Linux.`,
    caveat: `An external network is not created by compose, so its \`enable_ipv6\` is not reported. A driver set by a variable may be overlay: then the finding is a warning. The driver option is read only by Engine 27 and later, and only when compose leaves EnableIPv6 out of the request, which compose does from 2.28 (older versions always sent \`false\`, and the option was ignored).`,
    examples: {
      command: 'docker network create -d nat --ipv6 appnet\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    enable_ipv6: true\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
    },
    errors: [
      "this request is not supported by the 'windows' ipam driver",
      'This request is not supported by null ipam driver',
      "windowsshim driver doesn't support v6 subnets",
      `driver-opt "${OPTION}" is not a valid bool`,
      'HNS failed with error : Element not found',
    ],
    sources: [...entry.sources, 'MOBY-OV', 'MOBY-DNET', 'COMPOSE'],
  },
  check(ctx) {
    for (const network of ctx.compose.networks) {
      if (!network.node || isExternal(network)) continue;
      const driver = effectiveDriver(network, ctx.compose.stack);
      const setting = scalarPair(network.node, 'enable_ipv6');
      if (setting) {
        // Written, so compose sends EnableIPv6 and the daemon ignores the driver option.
        if (!isTruthy(setting.value)) continue;
        const fixes = fix('Remove `enable_ipv6`', removePairLines(ctx.doc, setting.pair), true);
        report(ctx, network.name, driver, '`enable_ipv6`', { start: setting.pair.key.start, end: setting.value.end }, fixes);
        continue;
      }
      const option = boolOption(network.node, OPTION);
      if (option) checkOption(ctx, network.name, driver, option);
    }
  },
};

/** The driver option, read by the daemon only when `enable_ipv6` is not written. */
function checkOption(
  ctx: RuleContext,
  networkName: string,
  driver: EffectiveDriver,
  { pair: option, value, enabled }: NonNullable<ReturnType<typeof boolOption>>,
): void {
  if (enabled === undefined) {
    ctx.report({
      span: { start: value.start, end: value.end },
      message: `\`${OPTION}\` on network \`${networkName}\` is not a Go boolean, so the daemon refuses the network: "driver-opt "${OPTION}" is not a valid bool". Remove the option (IPv6 does not work on Windows networks anyway).`,
    });
    return;
  }
  if (!enabled) return;
  const fixes = fix(`Remove \`${OPTION}\``, removePairLines(ctx.doc, option), true);
  const subject = `\`${OPTION}\` (read as \`enable_ipv6\` when that key is not written)`;
  report(ctx, networkName, driver, subject, { start: option.key.start, end: value.end }, fixes);
}

function report(ctx: RuleContext, networkName: string, driver: EffectiveDriver, subject: string, span: { start: number; end: number }, fixes: SpanFix[]): void {
  if (driver.name === 'overlay') {
    ctx.report({
      span,
      severity: 'warning',
      message: `${subject} on overlay network \`${networkName}\`: the network is created, but the Windows overlay driver ignores IPv6, so Windows tasks get an IPv4 address only (Linux tasks get IPv6). Remove it, or run the services that need IPv6 on Linux nodes.`,
      fixes,
    });
  } else if (driver.name === undefined) {
    ctx.report({
      span,
      severity: 'warning',
      message: `${subject} on network \`${networkName}\`, whose driver is set by a variable: with a Windows local driver (\`nat\`, \`transparent\`, \`l2bridge\`, ...) the network fails, since Docker's \`windows\` IPAM driver refuses IPv6 pools; on \`overlay\` Windows tasks get no IPv6.`,
      fixes,
    });
  } else {
    ctx.report({
      span,
      message: `${subject} fails on Windows: Docker's \`windows\` IPAM driver refuses IPv6 pools ("this request is not supported by the 'windows' ipam driver"). Remove it, or run these services on Linux.`,
      fixes,
    });
  }
}
