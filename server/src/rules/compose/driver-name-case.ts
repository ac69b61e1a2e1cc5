import { WINDOWS_DRIVERS } from '../../knowledge/drivers';
import { fix, replaceScalar } from '../edits';
import type { Rule } from '../types';
import { networksWithDrivers } from './support/helpers';

/** The names the Windows daemon registers its network drivers under, all lower case. */
const NAMES = Object.keys(WINDOWS_DRIVERS);

/** The registered name `written` matches only when case is ignored, if any. */
function caseVariant(written: string): string | undefined {
  if (NAMES.includes(written)) return undefined;
  const lower = written.toLowerCase();
  return NAMES.find((name) => name === lower);
}

/**
 * moby `daemon/libnetwork/drivers/windows/windows.go` registers `nat`, `transparent`, `l2bridge`, ... by those exact
 * names (`builtinLocalDrivers`; `drivers_windows.go` adds `null` and `overlay`); `drvregistry/networks.go` Driver is
 * a plain map lookup, and on a miss `controller.go` loadDriver looks for a v1 plugin of that name (`daemon_windows.go`
 * gives the Windows controller no plugin store, so `pkg/plugins` Get): `could not find plugin NAT in v1 plugin
 * registry: plugin not found`. Seen with compose in docker/for-win#1400 (`plugin not found`, an engine of 2017).
 */
export const driverNameCaseRule: Rule = {
  meta: {
    id: 'driver-name-case',
    title: 'Network driver name in the wrong case',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: `Docker looks a network driver up by its exact name. The Windows daemon registers its drivers in lower case (${NAMES.map((n) => `\`${n}\``).join(', ')}), so \`driver: NAT\`, \`Transparent\` or \`L2Bridge\` finds no built-in driver; Docker then looks for a plugin of that name and the network fails with \`could not find plugin NAT in v1 plugin registry: plugin not found\` (engines of 2017: \`plugin not found\`). A Linux driver name in any case (\`Bridge\`) is reported by \`linux-driver\` instead. IPAM driver names are looked up the same way; \`ipam-driver\` reports those.`,
    remedy: 'Write the driver name in lower case: `nat`, `transparent`, `l2bridge`, `l2tunnel`, `overlay`.',
    examples: {
      command: 'docker network create -d Transparent lan\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: NAT\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
    },
    errors: ['could not find plugin NAT in v1 plugin registry: plugin not found', 'plugin not found'],
    sources: ['MOBY-WIN', 'MOBY-NET', 'MOBY-D', 'https://github.com/docker/for-win/issues/1400'],
  },
  check(ctx) {
    for (const { network, driver } of networksWithDrivers(ctx.compose)) {
      // Only a driver written as a literal: a variable's value is unknown, and an external network is not created.
      if (driver.origin !== 'explicit' || !driver.node || driver.node.value === null) continue;
      // The model reads `Transparent` as the driver meant (`transparent`); the text says how it is written.
      const written = String(driver.node.value);
      const name = caseVariant(written);
      if (!name) continue;
      ctx.report({
        span: { start: driver.node.start, end: driver.node.end },
        message: `Network \`${network.name}\` asks for driver \`${written}\`, but Docker matches driver names exactly and Windows registers \`${name}\`: the network fails with \`could not find plugin ${written} in v1 plugin registry: plugin not found\`. Write \`${name}\`.`,
        fixes: fix(`Write the driver in lower case: \`${name}\``, replaceScalar(driver.node, name), true),
      });
    }
  },
};
