import { getPair } from '../../documents/tree';
import type { Rule } from '../types';

/** moby's `registerLinks` is a no-op on Windows (daemon/daemon_windows.go: "As of Windows TP4, links are not supported"). */
export const linksRule: Rule = {
  meta: {
    id: 'links',
    title: 'Legacy `links` on Windows',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    tags: ['deprecated'],
    description:
      "Microsoft's 2017 documentation lists container linking (`--link`) as unsupported on Windows, and the daemon's link registration is a no-op there. Service names still resolve through Docker's DNS on `nat` networks, but link aliases (`db:database`) and the environment variables links used to inject do not work.",
    remedy: "Remove `links`; reach services by their service name, or add `aliases:` under the service's network.",
    caveat: 'The only documentation is from 2017, and compose maps links onto network aliases in ways not verified on Windows, so this is information only.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    links:\n      - "db:database"\n  db:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    depends_on:\n      - db\n  db:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n',
    },
    sources: ['MOBY-D', 'MSD-HISTORY'],
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      for (const key of ['links', 'external_links']) {
        const pair = getPair(service.node, key);
        if (!pair) continue;
        ctx.report({
          span: { start: pair.key.start, end: pair.key.end },
          message: `\`${key}\` is not supported on Windows (service \`${service.name}\`): link aliases and link environment variables do not work. Use service names or network \`aliases\` instead.`,
        });
      }
    }
  },
};
