import { getPair } from '../../documents/tree';
import { fix, removePairLines } from '../edits';
import type { Rule } from '../types';

export const extraHostsRule: Rule = {
  meta: {
    id: 'extra-hosts',
    title: '`extra_hosts` is not written into Windows containers',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    tags: ['unnecessary'],
    description:
      'Docker does not manage the hosts file of Windows containers, so `extra_hosts` (`--add-host`) entries never reach `C:\\Windows\\System32\\drivers\\etc\\hosts`. Open issues on moby and compose track it.',
    remedy:
      'Resolve the names through DNS (`dns:` servers that know them), or write the hosts file in the Dockerfile (`RUN Add-Content C:\\Windows\\System32\\drivers\\etc\\hosts ...`).',
    examples: {
      command: 'docker run -d --add-host db:10.0.0.5 mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n',
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    extra_hosts:\n      - "db.local:10.0.0.5"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    dns:\n      - 10.0.0.53\n',
    },
    errors: ['extra_hosts entries are missing from the hosts file of a Windows container'],
    sources: [
      'https://github.com/moby/moby/issues/41439',
      'https://github.com/moby/moby/issues/41165',
      'https://github.com/docker/compose/issues/4701',
      'https://github.com/microsoft/Windows-Containers/issues/115',
    ],
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      const pair = getPair(service.node, 'extra_hosts');
      if (!pair) continue;
      ctx.report({
        span: { start: pair.key.start, end: pair.key.end },
        message: `\`extra_hosts\` is ignored for Windows containers (service \`${service.name}\`): Docker does not write their hosts file. Use DNS, or add the entries in the Dockerfile.`,
        // Not preferred: the entries still document intent; removing them is the user's call.
        fixes: fix('Remove `extra_hosts`', removePairLines(ctx.doc, pair)),
      });
    }
  },
};
