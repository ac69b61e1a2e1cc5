/**
 * The Windows host versions winnet can target (`--windows-version`, `winnet.windowsVersion`). Ordered oldest
 * first so "since" comparisons are index comparisons.
 */
export const WINDOWS_VERSIONS = [
  { id: 'ltsc2016', name: 'Windows Server 2016', build: 14393 },
  { id: 'ltsc2019', name: 'Windows Server 2019 / Windows 10 1809', build: 17763 },
  { id: 'ltsc2022', name: 'Windows Server 2022', build: 20348 },
  { id: 'ltsc2025', name: 'Windows Server 2025', build: 26100 },
] as const;

export type WindowsVersion = (typeof WINDOWS_VERSIONS)[number]['id'];

/** The newest release: what `auto` falls back to when no image pins the host's release. */
export const DEFAULT_WINDOWS_VERSION: WindowsVersion = 'ltsc2025';

/** A setting: a version, or `auto` (from the file's images, compose/host-version.ts). */
export type WindowsVersionSetting = WindowsVersion | 'auto';

export const WINDOWS_VERSION_SETTINGS: readonly WindowsVersionSetting[] = ['auto', ...WINDOWS_VERSIONS.map((v) => v.id)];

export function isWindowsVersionSetting(value: string): value is WindowsVersionSetting {
  return value === 'auto' || isWindowsVersion(value);
}

function isWindowsVersion(value: string): value is WindowsVersion {
  return WINDOWS_VERSIONS.some((v) => v.id === value);
}

function versionIndex(version: WindowsVersion): number {
  return WINDOWS_VERSIONS.findIndex((v) => v.id === version);
}

/** True when `version` is `since` or newer. */
export function atLeast(version: WindowsVersion, since: WindowsVersion): boolean {
  return versionIndex(version) >= versionIndex(since);
}

export function versionName(version: WindowsVersion): string {
  return WINDOWS_VERSIONS.find((v) => v.id === version)!.name;
}
