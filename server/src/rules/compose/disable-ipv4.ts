import { effectiveDriver, isExternal, type EffectiveDriver } from '../../compose/model';
import { fix, removePairLines } from '../edits';
import type { Rule, RuleContext, SpanFix } from '../types';
import { isFalsy, boolOption, scalarPair } from './support/helpers';

/** moby `daemon/libnetwork/netlabel/labels.go` EnableIPv4. */
const OPTION = 'com.docker.network.enable_ipv4';

/**
 * moby `daemon/libnetwork/drivers/windows/windows.go` CreateNetwork: "IPv4 cannot be disabled on Windows";
 * `daemon/libnetwork/controller.go` NewNetwork refuses it on swarm-scoped (overlay) networks first: "IPv4 cannot be
 * disabled in a Swarm scoped network". `daemon/network.go` createNetwork reads the driver option
 * `com.docker.network.enable_ipv4` with strconv.ParseBool when the request carries no EnableIPv4 (Engine 28+), and
 * refuses any other value with `driver-opt %q is not a valid bool`; compose sends EnableIPv4 only when
 * `enable_ipv4` is written (docker/compose `pkg/compose/create.go` createNetwork).
 */
export const disableIpv4Rule: Rule = {
  meta: {
    id: 'disable-ipv4',
    title: '`enable_ipv4: false` on Windows',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: `The Windows network driver refuses networks without IPv4: \`IPv4 cannot be disabled on Windows\` (on overlay, swarm refuses first: \`IPv4 cannot be disabled in a Swarm scoped network\`). The key reaches the daemon from Engine 28 (API 1.48); older engines ignore it and keep IPv4. The driver option \`${OPTION}: "false"\` does the same when \`enable_ipv4\` is not written (the daemon reads it as a fallback, Engine 28 and later), and is reported the same way; a value that is not a Go boolean (\`true\`/\`false\`, \`1\`/\`0\`, \`t\`/\`f\`) fails on every driver: \`driver-opt "${OPTION}" is not a valid bool\`.`,
    remedy: `Remove \`enable_ipv4: false\` (or the \`${OPTION}\` driver option).`,
    caveat:
      'An external network is not created by compose, so its setting is not reported. Engines before 28 ignore both the key and the driver option (the network keeps IPv4).',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    enable_ipv4: false\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
    },
    errors: ['IPv4 cannot be disabled on Windows', 'IPv4 cannot be disabled in a Swarm scoped network', `driver-opt "${OPTION}" is not a valid bool`],
    sources: ['MOBY-WIN', 'MOBY-DNET', 'COMPOSE'],
  },
  check(ctx) {
    for (const network of ctx.compose.networks) {
      if (!network.node || isExternal(network)) continue;
      const driver = effectiveDriver(network, ctx.compose.stack);
      const setting = scalarPair(network.node, 'enable_ipv4');
      if (setting) {
        // Written, so compose sends EnableIPv4 and the daemon ignores the driver option.
        if (!isFalsy(setting.value)) continue;
        const fixes = fix('Remove `enable_ipv4: false`', removePairLines(ctx.doc, setting.pair), true);
        report(ctx, network.name, driver, '`enable_ipv4: false`', { start: setting.pair.key.start, end: setting.value.end }, fixes);
        continue;
      }
      const option = boolOption(network.node, OPTION);
      if (option) checkOption(ctx, network.name, driver, option);
    }
  },
};

/** The driver option, read by the daemon only when `enable_ipv4` is not written. */
function checkOption(
  ctx: RuleContext,
  networkName: string,
  driver: EffectiveDriver,
  { pair: option, value, enabled }: NonNullable<ReturnType<typeof boolOption>>,
): void {
  if (enabled === undefined) {
    ctx.report({
      span: { start: value.start, end: value.end },
      message: `\`${OPTION}\` on network \`${networkName}\` is not a Go boolean, so the daemon refuses the network: "driver-opt "${OPTION}" is not a valid bool". Remove the option: Windows networks always have IPv4.`,
    });
    return;
  }
  if (enabled) return;
  const fixes = fix(`Remove \`${OPTION}\``, removePairLines(ctx.doc, option), true);
  const subject = `\`${OPTION}: "${String(value.value)}"\` (read as \`enable_ipv4: false\` when that key is not written)`;
  report(ctx, networkName, driver, subject, { start: option.key.start, end: value.end }, fixes);
}

function report(ctx: RuleContext, networkName: string, driver: EffectiveDriver, subject: string, span: { start: number; end: number }, fixes: SpanFix[]): void {
  const error =
    driver.name === 'overlay'
      ? `on overlay network \`${networkName}\`, swarm refuses it: "IPv4 cannot be disabled in a Swarm scoped network"`
      : driver.name === undefined
        ? `on network \`${networkName}\`, whose driver is set by a variable: the Windows driver refuses it ("IPv4 cannot be disabled on Windows"), and so does swarm on overlay`
        : `fails on Windows: "IPv4 cannot be disabled on Windows"`;
  ctx.report({ span, message: `${subject} ${error}. Remove it.`, fixes });
}
