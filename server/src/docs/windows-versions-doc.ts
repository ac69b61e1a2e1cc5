/**
 * docs/knowledge/windows-versions.md: the Windows versions winnet checks against (knowledge/versions.ts), the
 * releases it recognises in image tags (knowledge/windows-releases.ts), and how `auto` picks one
 * (compose/host-version.ts, described in words).
 */
import { DEFAULT_WINDOWS_VERSION, versionName, WINDOWS_VERSIONS } from '../knowledge/versions';
import { FORWARD_COMPATIBLE_BUILD, WINDOWS_RELEASES } from '../knowledge/windows-releases';
import { table } from './markdown';

const VERSION_COMPATIBILITY = 'https://learn.microsoft.com/virtualization/windowscontainers/deploy-containers/version-compatibility';

export function renderWindowsVersionsDoc(): string {
  const forward = WINDOWS_RELEASES.find((r) => r.build === FORWARD_COMPATIBLE_BUILD);
  const forwardName = forward ? `${forward.name}, build ${FORWARD_COMPATIBLE_BUILD}` : `build ${FORWARD_COMPATIBLE_BUILD}`;
  const defaultName = `\`${DEFAULT_WINDOWS_VERSION}\` (${versionName(DEFAULT_WINDOWS_VERSION)})`;
  return [
    '# Windows versions',
    '',
    'Generated from `server/src/knowledge/versions.ts` and `server/src/knowledge/windows-releases.ts` (`npm run docs`).',
    '',
    '## The versions winnet checks against',
    '',
    'Facts that change between Windows versions (what each driver supports, HNS feature versions, IPv6) are stated for these long-term releases. Choose one with `--windows-version`, `windowsVersion` in `.winnetrc.json` or the `winnet.windowsVersion` setting, or leave it at `auto`.',
    '',
    ...table(
      ['Setting', 'Windows', 'Build', 'Releases with the same facts'],
      WINDOWS_VERSIONS.map((v) => [
        `\`${v.id}\`${v.id === DEFAULT_WINDOWS_VERSION ? ' (default for `auto`)' : ''}`,
        v.name,
        String(v.build),
        WINDOWS_RELEASES.filter((r) => r.facts === v.id && r.id !== v.id)
          .map((r) => `\`${r.id}\``)
          .join(', ') || '—',
      ]),
    ),
    '',
    'The semi-annual releases between two long-term ones share the facts of the long-term release before them; the releases are listed [below](#releases-in-image-tags).',
    '',
    '## How `auto` picks a version',
    '',
    `A process-isolated container shares the host's kernel, so its image tells the host's release. With \`auto\` (the default), winnet looks at the services of a compose file that run on Windows: a service that runs process-isolated (\`isolation: process\`, or \`isolation\` unset, which is process isolation on Windows Server) and whose image tag pins a release (below) pins the host to that release. The variables in an image are read with their defaults (\`\${TAG:-ltsc2019}\`). When services pin different releases, the newest wins, and findings say the others cannot all run on one host. Hyper-V isolation, or an \`isolation\` that compose fills from a variable, pins nothing. Without a pin, and for HNS, HCN and CNI documents, which name no image, winnet uses the newest version, ${defaultName}, under which version-gated facts are the most permissive.`,
    '',
    '## Releases in image tags',
    '',
    `Under process isolation the host's build must equal the image's before ${forwardName}; from that build on, a process-isolated image also runs on newer hosts. Under Hyper-V isolation the host may be any newer release. Source: [Microsoft Learn: Windows container version compatibility](${VERSION_COMPATIBILITY}).`,
    '',
    ...table(
      ['Release', 'Windows', 'Build', 'Tags that name it', 'Facts of'],
      WINDOWS_RELEASES.map((r) => [`\`${r.id}\``, r.name, String(r.build), [...r.tags, `10.0.${r.build}`].map((t) => `\`${t}\``).join(', '), `\`${r.facts}\``]),
    ),
    '',
    'Only the tag is read (after the `:` that follows the last `/`), so a registry port or a repository name never counts. A tag names a release when one of its parts (split at `-`, `_` and `.`) is one of the names above, alone or glued to `windows`, `windowsservercore`, `servercore` or `nanoserver` (`nanoserver-1809`, `windows1809`, `servercore20h2`), or when it holds `10.0.<build>` (`10.0.17763.5458`). A bare number such as `1809` counts only in an image already known to be a Windows one (`mcr.microsoft.com/windows/servercore:1809`); `ltsc2019`, `sac2016`, `20h2`, `windows1809` or `10.0.17763` count in any image.',
    '',
  ].join('\n');
}
