import { get, getPair } from '../../documents/tree';
import type { Rule } from '../types';
import { reportNoEffect } from './support/no-effect-option';
import { unsupportedOption } from '../../knowledge/unsupported';
import { describeEntry } from './support/unsupported-entry';

const entry = unsupportedOption('ipam-options');

export const ipamOptionsRule: Rule = {
  meta: {
    id: 'ipam-options',
    title: '`ipam.options` has no effect on Windows',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    tags: ['unnecessary'],
    description: describeEntry(entry),
    remedy: 'Remove `ipam.options`.',
    caveat: 'Read from the code of the `windows` IPAM driver; Microsoft documents the option only as unsupported.',
    examples: {
      command: 'docker network create -d nat --ipam-opt foo=bar appnet\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    ipam:\n      options:\n        foo: bar\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    ipam:\n      config:\n        - subnet: 10.30.0.0/24\n',
    },
    sources: entry.sources,
  },
  check(ctx) {
    reportNoEffect(
      ctx,
      (model) =>
        model.networks.flatMap((n) => {
          const pair = getPair(get(n.node, 'ipam'), 'options');
          return pair ? [{ pair, owner: n.name }] : [];
        }),
      (owner) => `\`ipam.options\` has no effect on Windows (network \`${owner}\`): the \`windows\` IPAM driver ignores them. Remove it.`,
    );
  },
};
