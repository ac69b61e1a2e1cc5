import { WINDOWS_ONLY_DRIVERS } from '../../knowledge/drivers';
import { fix, replaceScalar } from '../edits';
import type { Rule } from '../types';
import { networksWithDrivers } from './support/helpers';

export const windowsDriverOnLinuxRule: Rule = {
  meta: {
    id: 'windows-driver-on-linux',
    title: 'Windows-only network driver in a Linux compose file',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'linux',
    fixable: true,
    description:
      'A Windows driver (`nat`, `transparent`, `l2bridge`, `l2tunnel`, `ics`, `internal`, `private`) does not exist on a Linux daemon (or Docker Desktop in Linux-containers mode): the daemon fails with `plugin "nat" not found` (in any case: driver names are matched exactly, so `NAT` fails the same way). winnet reports this only when the target is set to Linux, since a Windows driver is otherwise taken as evidence that the file targets Windows.',
    remedy: 'Use `bridge` on Linux, or switch Docker Desktop to Windows containers.',
    examples: {
      bad: 'services:\n  web:\n    image: nginx:1.27\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
      good: 'services:\n  web:\n    image: nginx:1.27\n    networks: [app]\nnetworks:\n  app:\n    driver: bridge\n',
      target: 'linux',
    },
    errors: [
      'plugin "nat" not found',
      'plugin "transparent" not found',
      'plugin "l2bridge" not found',
      'plugin "l2tunnel" not found',
      'plugin "ics" not found',
    ],
    sources: ['https://github.com/docker/for-win/issues/7273', 'MOBY-NET'],
  },
  check(ctx) {
    for (const { network, driver } of networksWithDrivers(ctx.compose)) {
      // Matched ignoring case: `NAT` fails on Linux too, and the fix is `bridge` either way (driver-name-case, which
      // suggests the lower-case name, speaks to Windows files only).
      if (!driver.node || !driver.name || !(WINDOWS_ONLY_DRIVERS as readonly string[]).includes(driver.name)) continue;
      const spelled = String(driver.node.value);
      ctx.report({
        span: { start: driver.node.start, end: driver.node.end },
        message: `Network \`${network.name}\` uses the Windows-only driver \`${spelled}\`, and this file targets Linux: a Linux daemon fails with \`plugin "${spelled}" not found\`. Use \`bridge\`, or target Windows.`,
        fixes: fix('Use the Linux driver `bridge`', replaceScalar(driver.node, 'bridge'), driver.name === 'nat'),
      });
    }
  },
};
