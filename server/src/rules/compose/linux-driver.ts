import { linuxDriver, LINUX_DRIVERS } from '../../knowledge/drivers';
import { fix, replaceScalar } from '../edits';
import type { Rule } from '../types';
import { networksWithDrivers } from './support/helpers';

export const linuxDriverRule: Rule = {
  meta: {
    id: 'linux-driver',
    title: 'Linux-only network driver in a Windows compose file',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: `Windows daemons register only ${'`nat`, `transparent`, `l2bridge`, `l2tunnel`, `overlay`'} (plus the undocumented \`ics\`, \`internal\`, \`private\`) and \`null\`. ${Object.values(
      LINUX_DRIVERS,
    )
      .map((d) => `\`${d.name}\`: ${d.onWindows}`)
      .join(' ')} Driver names are matched exactly, so \`Bridge\` fails as \`bridge\` does.`,
    remedy:
      'Use `nat` for a single-host network (or drop `driver:`: compose then lets the Windows daemon pick `nat`), `transparent` or `l2bridge` where containers need addresses on the LAN.',
    examples: {
      command: 'docker network create -d bridge appnet\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: bridge\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
    },
    errors: [
      'could not find plugin bridge in v1 plugin registry: plugin not found',
      'could not find plugin macvlan in v1 plugin registry: plugin not found',
      'could not find plugin ipvlan in v1 plugin registry: plugin not found',
    ],
    sources: ['MOBY-NET', 'MSD-DRV', 'https://github.com/docker/for-win/issues/13927', 'https://github.com/docker/for-win/issues/2109'],
  },
  check(ctx) {
    for (const { network, driver } of networksWithDrivers(ctx.compose)) {
      // Driver names are matched exactly, so `Bridge` fails like `bridge`; it is reported here (the fix is a Windows
      // driver, not the lower-case name), and driver-name-case reports only Windows drivers in the wrong case.
      const linux = linuxDriver(driver.name);
      if (!linux || !driver.node) continue;
      const spelled = String(driver.node.value);
      const written = spelled === linux.name ? '' : ` (written \`${spelled}\`)`;
      ctx.report({
        span: { start: driver.node.start, end: driver.node.end },
        message: `Network \`${network.name}\` uses the Linux driver \`${linux.name}\`${written}. ${linux.onWindows} Use ${linux.equivalents.map((e) => `\`${e}\``).join(' or ')} instead.`,
        fixes: linux.equivalents.flatMap((e, i) => fix(`Use the Windows driver \`${e}\``, replaceScalar(driver.node!, e), i === 0 && linux.name === 'bridge')),
      });
    }
  },
};
