import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';
import { attachments, scalarPair } from './support/helpers';
import { unsupportedOption } from '../../knowledge/unsupported';
import { describeEntry } from './support/unsupported-entry';

const entry = unsupportedOption('ipv6-address');

export const ipv6AddressRule: Rule = {
  meta: {
    id: 'ipv6-address',
    title: '`ipv6_address` on Windows',
    defaultSeverity: 'error',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description: describeEntry(entry),
    remedy: 'Remove `ipv6_address`; Windows containers started by Docker are IPv4 only.',
    examples: {
      command: 'docker run -d --ip6 fd00::5 mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks:\n      app:\n        ipv6_address: fd00::10\nnetworks:\n  app:\n    driver: nat\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks:\n      app:\n        ipv4_address: 10.30.0.10\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 10.30.0.0/24\n',
    },
    errors: ['no configured subnet contains IP address fd00::5'],
    sources: entry.sources,
  },
  check(ctx) {
    for (const { service, attachment } of attachments(ctx.compose)) {
      const setting = scalarPair(attachment.config, 'ipv6_address');
      if (!setting || setting.value.value === null) continue;
      ctx.report({
        span: { start: setting.pair.key.start, end: setting.value.end },
        message: `\`ipv6_address\` fails on Windows: no Windows network can have an IPv6 subnet, so \`${service.name}\` fails with "no configured subnet contains IP address". Remove it.`,
        fixes: fix('Remove `ipv6_address`', removePairLines(ctx.doc, setting.pair), true),
      });
    }
  },
};
