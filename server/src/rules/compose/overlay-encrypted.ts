import { getPair } from '../../documents/tree';
import type { Rule } from '../types';
import { networksWithDrivers, optionPairs } from './support/helpers';
import { unsupportedOption } from '../../knowledge/unsupported';
import { describeEntry } from './support/unsupported-entry';

const entry = unsupportedOption('overlay-encrypted');

export const overlayEncryptedRule: Rule = {
  meta: {
    id: 'overlay-encrypted',
    title: 'Encrypted overlay with Windows services runs unencrypted',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: `${describeEntry(entry)} Linux tasks on the same network are encrypted; Windows tasks are not, with no error or warning.`,
    remedy:
      'Do not rely on overlay encryption for Windows services: encrypt at the application layer (TLS), or keep the traffic that must be encrypted on Linux nodes.',
    examples: {
      command: 'docker network create -d overlay --opt encrypted --attachable secure\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\n    deploy:\n      placement:\n        constraints: [node.platform.os == windows]\nnetworks:\n  app:\n    driver: overlay\n    driver_opts:\n      encrypted: ""\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\n    deploy:\n      placement:\n        constraints: [node.platform.os == windows]\nnetworks:\n  app:\n    driver: overlay\n',
    },
    sources: entry.sources,
  },
  check(ctx) {
    for (const { network, driver } of networksWithDrivers(ctx.compose)) {
      if (driver.name !== 'overlay' && driver.origin !== 'external') continue;
      const pair = optionPairs(network.node).find((p) => p.key.value === 'encrypted') ?? getPair(network.node, 'encrypted');
      if (!pair) continue;
      ctx.report({
        span: { start: pair.key.start, end: pair.key.end },
        message: `Overlay encryption is not applied on Windows: Windows tasks on network \`${network.name}\` send their traffic unencrypted, with no error. Encrypt at the application layer (TLS) instead.`,
      });
    }
  },
};
