import { get, getPair } from '../../documents/tree';
import type { Rule } from '../types';
import { attachments } from './support/helpers';

export const natNetworkPerProjectRule: Rule = {
  meta: {
    id: 'nat-network-per-project',
    title: 'Each compose project creates its own NAT network',
    defaultSeverity: 'information',
    kinds: ['compose'],
    target: 'windows',
    fixable: true,
    description:
      'Without a `networks:` section compose creates a `<project>_default` network, which a Windows daemon makes a NAT network. Several NAT networks with published ports on one host can hang HNS (an open bug on Windows 10 2004/20H2, Windows Server 2022 and 2025); on Windows Server 2016 there is only one NAT prefix. NAT networks are also not persisted across reboots on Windows Server 2019 and later, so containers with `restart:` can come back to `network <id> not found` (Engine 24.0 and later re-create custom nat networks).',
    remedy: 'Join the built-in `nat` network instead: `networks: {default: {name: nat, external: true}}`.',
    caveat: 'The hang is intermittent and depends on the host; this is a platform note, not an error.',
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "8080:80"\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    ports:\n      - "8080:80"\nnetworks:\n  default:\n    name: nat\n    external: true\n',
    },
    errors: ['HNS failed with error : The parameter is incorrect', 'network 3f2a9c1b0d4e not found'],
    symptoms: ['the third container hangs and HNS uses 30% CPU', 'containers with restart: always do not come back after a reboot'],
    sources: [
      'MSD-DRV',
      'https://github.com/microsoft/Windows-Containers/issues/140',
      'https://github.com/microsoft/Windows-Containers/issues/486',
      'https://github.com/docker/compose/issues/10383',
      'https://github.com/docker/compose/issues/11524',
    ],
  },
  check(ctx) {
    const onProjectNat = attachments(ctx.compose).find((a) => a.driver.name === 'nat' && a.driver.origin !== 'external' && getPair(a.service.node, 'ports'));
    if (!onProjectNat) return;
    const ports = getPair(onProjectNat.service.node, 'ports')!;
    const root = ctx.compose.root;
    const canAppend = root && !root.flow && !get(root, 'networks') && !ctx.doc.text.includes('\t');
    const eol = ctx.doc.text.includes('\r\n') ? '\r\n' : '\n';
    const end = ctx.doc.text.length;
    const lead = ctx.doc.text.endsWith('\n') ? '' : eol;
    ctx.report({
      span: { start: ports.key.start, end: ports.key.end },
      message: `Service \`${onProjectNat.service.name}\` publishes ports on network \`${onProjectNat.attachment.name}\`, a NAT network this project creates for itself. Several such networks on one Windows host can hang HNS, and they do not survive reboots: consider joining the built-in \`nat\` network (\`name: nat\`, \`external: true\`).`,
      fixes:
        canAppend && onProjectNat.attachment.name === 'default'
          ? [
              {
                title: 'Join the built-in `nat` network',
                edits: [{ span: { start: end, end }, newText: `${lead}networks:${eol}  default:${eol}    name: nat${eol}    external: true${eol}` }],
              },
            ]
          : [],
    });
  },
};
