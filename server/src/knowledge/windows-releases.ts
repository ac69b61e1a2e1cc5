/**
 * Windows Server releases as container image tags name them, with their build numbers, and the version whose
 * facts winnet applies to each (knowledge/versions.ts keeps the long-term releases only; the semi-annual ones
 * between them share the facts of the release before the next gate).
 *
 * Why the release of an image tells the host's: under process isolation a Windows container shares the host's
 * kernel, and before Windows Server 2022 the host build must equal the image build ("Windows Server containers
 * are blocked from starting when the build number between the container host and the container image are
 * different"); from Windows Server 2022 on, a process-isolated image of 2022 also runs on newer hosts. Under
 * Hyper-V isolation the host may be any newer release.
 * Sources: Microsoft Learn, "Windows container version compatibility"
 * (https://learn.microsoft.com/virtualization/windowscontainers/deploy-containers/version-compatibility); build
 * numbers as the MCR base image tags write them (`10.0.17763.*`).
 */
import type { WindowsVersion } from './versions';

export interface WindowsRelease {
  /** The release as winnet names it: `ltsc2019`, `1803`. */
  id: string;
  /** The Windows build: what `10.0.<build>.*` tags and the host's `ver` show. */
  build: number;
  /** The human name. */
  name: string;
  /** The version whose facts apply (the newest long-term release at or before this one). */
  facts: WindowsVersion;
  /** How image tags write it, lower case, besides `10.0.<build>`. */
  tags: readonly string[];
}

export const WINDOWS_RELEASES: readonly WindowsRelease[] = [
  { id: 'ltsc2016', build: 14393, name: 'Windows Server 2016', facts: 'ltsc2016', tags: ['ltsc2016', 'sac2016', '1607'] },
  { id: '1709', build: 16299, name: 'Windows Server, version 1709', facts: 'ltsc2016', tags: ['1709'] },
  { id: '1803', build: 17134, name: 'Windows Server, version 1803', facts: 'ltsc2016', tags: ['1803'] },
  { id: 'ltsc2019', build: 17763, name: 'Windows Server 2019 (1809)', facts: 'ltsc2019', tags: ['ltsc2019', '1809'] },
  { id: '1903', build: 18362, name: 'Windows Server, version 1903', facts: 'ltsc2019', tags: ['1903'] },
  { id: '1909', build: 18363, name: 'Windows Server, version 1909', facts: 'ltsc2019', tags: ['1909'] },
  { id: '2004', build: 19041, name: 'Windows Server, version 2004', facts: 'ltsc2019', tags: ['2004'] },
  { id: '20H2', build: 19042, name: 'Windows Server, version 20H2', facts: 'ltsc2019', tags: ['20h2', '2009'] },
  { id: 'ltsc2022', build: 20348, name: 'Windows Server 2022', facts: 'ltsc2022', tags: ['ltsc2022'] },
  { id: 'ltsc2025', build: 26100, name: 'Windows Server 2025', facts: 'ltsc2025', tags: ['ltsc2025'] },
];

/** The long-term release of a fact version (the version a setting names). */
export function releaseOfVersion(version: WindowsVersion): WindowsRelease {
  return WINDOWS_RELEASES.find((r) => r.id === version)!;
}

/** The first build from which a process-isolated image also runs on newer hosts (Windows Server 2022). */
export const FORWARD_COMPATIBLE_BUILD = 20348;

const BY_TAG = new Map(WINDOWS_RELEASES.flatMap((r) => r.tags.map((t) => [t, r] as const)));
const BY_BUILD = new Map(WINDOWS_RELEASES.map((r) => [r.build, r]));

export interface PinnedRelease {
  release: WindowsRelease;
  /** The tag token that names it. */
  token: string;
  /**
   * True when the token alone says Windows (`ltsc2019`, `sac2016`, `20h2`, `10.0.17763`, `windows1809`); a bare
   * number (`1809`) names a release only in an image already known to be a Windows one.
   */
  explicit: boolean;
}

/**
 * The release an image tag pins, if any: a release name as a whole tag token (`ltsc2019`, `1809`,
 * `nanoserver-1909`, `windows1809`, `10.0.17763.5458`). Only the tag is read (after the first `:` that follows
 * the last `/`), so a registry port (`host:5000/app`) or a repository name is never taken for a release.
 */
export function releaseOfImage(reference: string): PinnedRelease | undefined {
  const image = reference.split('@')[0];
  const slash = image.lastIndexOf('/');
  const colon = image.indexOf(':', slash + 1);
  if (colon === -1) return undefined;
  const tag = image.slice(colon + 1).toLowerCase();
  const build = /(?:^|[-_.])10\.0\.(\d{5})(?:\.\d+)?(?=[-_.]|$)/.exec(tag);
  const byBuild = build && BY_BUILD.get(Number(build[1]));
  if (byBuild) return { release: byBuild, token: build[0].replace(/^[-_.]/, ''), explicit: true };
  // Tokens are split on separators; a token may glue the release to a Windows word (`windows1809`,
  // `windowsservercore1803`, `nanoserver2004`).
  for (const token of tag.split(/[-_.]/)) {
    const bare = token.replace(/^(windowsservercore|windows|servercore|nanoserver)/, '');
    const release = BY_TAG.get(bare);
    if (release) return { release, token, explicit: bare !== token || !/^\d+$/.test(bare) };
  }
  return undefined;
}
