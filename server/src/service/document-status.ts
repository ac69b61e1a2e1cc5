/**
 * What the last check of a document decided, as the editor shows it (the `winnet/documentStatus` request, which
 * VS Code shows as a language status item): what the document is, the platform and Windows version it was judged
 * against and why, and the files it was checked with. Built from the check's own result (`CheckResult.target`,
 * `CheckResult.host`), so it can never say something the findings were not made with.
 */
import { hostName } from '../compose/host-version';
import type { DocumentKind } from '../documents/kind';
import type { CheckResult } from '../engine/check';
import type { WindowsVersion } from '../knowledge/versions';

export interface DocumentStatus {
  /** What the document is; `none` when it is not ours (nothing is checked). */
  kind: DocumentKind;
  /** For a compose file (and the compose a script's commands amount to): the platform it was checked as. */
  target?: 'windows' | 'linux';
  /** Why that platform: the setting, the first piece of Windows evidence, or the lack of it. */
  targetReason?: string;
  /** True when `winnet.target` chose the platform instead of the file. */
  targetForced?: boolean;
  /** For a Windows compose file and HNS, HCN and CNI documents: the version whose facts were applied. */
  windowsVersion?: WindowsVersion;
  /** That version's release by name and build, e.g. "Windows Server 2022 (build 20348)". */
  release?: string;
  /** Where the version came from: `winnet.windowsVersion`, an image that pins the host's release, or the default. */
  versionOrigin?: 'setting' | 'image' | 'default';
  /** Why that version, in words. */
  versionReason?: string;
  /** The files read with it (URIs, the set's own order), when it was checked as part of a compose file set. */
  setFiles?: string[];
}

const WINDOWS_DOCUMENTS: ReadonlySet<DocumentKind> = new Set(['hns-v1', 'hcn-v2', 'cni']);

/** The status of a document whose last check gave `result`; `setFiles` when it was checked in a set of several files. */
export function documentStatus(result: Pick<CheckResult, 'kind' | 'target' | 'host'>, setFiles: readonly string[] = []): DocumentStatus {
  const status: DocumentStatus = { kind: result.kind };
  if (result.kind === 'none') return status;
  if (setFiles.length > 1) status.setFiles = [...setFiles];
  const { target, host } = result;
  if (target && !WINDOWS_DOCUMENTS.has(result.kind) && result.kind !== 'dotenv') {
    status.target = target.target;
    status.targetForced = target.forced;
    status.targetReason = targetReason(target);
  }
  // A Linux compose file is judged against no Windows version; an HNS, HCN or CNI document always is.
  const windows = WINDOWS_DOCUMENTS.has(result.kind) || status.target === 'windows';
  if (host && windows) {
    status.windowsVersion = host.version;
    status.release = hostName(host);
    status.versionOrigin = host.origin;
    status.versionReason =
      host.origin === 'setting'
        ? `\`winnet.windowsVersion\` is \`${host.version}\``
        : host.origin === 'image'
          ? (host.reason ?? 'an image pins the release')
          : 'nothing in the file pins a release, so winnet assumes the newest (set `winnet.windowsVersion` to the version your hosts run)';
  }
  return status;
}

function targetReason(target: NonNullable<CheckResult['target']>): string {
  if (target.forced) return `\`winnet.target\` is \`${target.target}\``;
  if (target.target === 'windows') return target.evidence?.reason ?? 'the file has Windows evidence';
  if (target.counter) return `${target.counter.reason}; that is Linux-only, so the weak Windows hints do not count`;
  return 'nothing in the file says Windows: no Windows image, platform, isolation, driver or option';
}
