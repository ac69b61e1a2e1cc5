import { getPair } from '../../documents/tree';
import type { Rule } from '../types';
import { reportNoEffect } from './support/no-effect-option';
import { unsupportedOption } from '../../knowledge/unsupported';
import { describeEntry } from './support/unsupported-entry';

const entry = unsupportedOption('dns-opt');

export const dnsOptRule: Rule = {
  meta: {
    id: 'dns-opt',
    title: '`dns_opt` has no effect on Windows',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    tags: ['unnecessary'],
    description: `${describeEntry(entry)} \`dns\` and \`dns_search\` do work.`,
    remedy: 'Remove `dns_opt`. Set DNS servers with `dns:` and search domains with `dns_search:`, or resolver behaviour in the image.',
    examples: {
      command: 'docker run -d --dns-option ndots:2 mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    dns_opt:\n      - ndots:2\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    dns_search: corp.example\n',
    },
    sources: entry.sources,
  },
  check(ctx) {
    reportNoEffect(
      ctx,
      (model) =>
        model.services.flatMap((s) => {
          const pair = getPair(s.node, 'dns_opt');
          return pair ? [{ pair, owner: s.name }] : [];
        }),
      (owner) => `\`dns_opt\` has no effect on Windows (service \`${owner}\`): ${entry.why}, so the options are silently ignored. Remove it.`,
    );
  },
};
