/**
 * Which Windows release the host runs, when the setting is `auto`: a process-isolated container shares the
 * host's kernel, so an image that pins a release (`servercore:ltsc2019`, `nanoserver-1803`, `10.0.17763.*`)
 * and runs with process isolation (written, or the Windows Server default when `isolation` is unset) tells the
 * host's release (knowledge/windows-releases.ts). Hyper-V isolation, or an isolation compose substitutes from a
 * variable, says only that the host is that release or newer, which decides nothing. Without a pin, the newest
 * release: version-gated facts are then the most permissive.
 *
 * Windows 10 and 11 run containers Hyper-V isolated by default; a file that leaves `isolation` unset is read
 * as written for Windows Server, where it is process (moby `daemon/daemon_windows.go`, `setDefaultIsolation`).
 */
import { asScalar, get, liveSpan, scalarText } from '../documents/tree';
import { isWindowsImage } from '../knowledge/images';
import { DEFAULT_WINDOWS_VERSION, type WindowsVersion, type WindowsVersionSetting } from '../knowledge/versions';
import { FORWARD_COMPATIBLE_BUILD, releaseOfImage, releaseOfVersion, type WindowsRelease } from '../knowledge/windows-releases';
import type { Span } from '../documents/text';
import { isInterpolated, withDefaults } from './interpolation';
import type { ComposeModel, ServiceModel } from './model';
import { oncePer } from '../util/once-per';

export type { WindowsVersionSetting } from '../knowledge/versions';

export interface HostVersion {
  /** The version whose facts apply. */
  version: WindowsVersion;
  /** The release itself (finer than `version`: 1709 and 1803 share the facts of 2016). */
  release: WindowsRelease;
  /** How it was decided: a setting, the images of the file, or the newest release by default. */
  origin: 'setting' | 'image' | 'default';
  /** For `image`: which service and image decided it, for messages. */
  reason?: string;
  /** For `image`: how that service is isolated ("process-isolated (the Windows Server default)"). */
  isolation?: string;
  span?: Span;
}

function settingHost(version: WindowsVersion): HostVersion {
  return { version, release: releaseOfVersion(version), origin: 'setting' };
}

const NEWEST: HostVersion = Object.freeze(defaultHost());

function defaultHost(): HostVersion {
  return { version: DEFAULT_WINDOWS_VERSION, release: releaseOfVersion(DEFAULT_WINDOWS_VERSION), origin: 'default' };
}

interface ServicePin {
  release: WindowsRelease;
  reason: string;
  isolation: string;
  span: Span;
}

/** The release one service pins the host to, once per service model (every check asks of every service). */
const servicePin = oncePer((service: ServiceModel): ServicePin | undefined => {
  const isolation = asScalar(get(service.node, 'isolation'));
  const isolationText = isolation && isolation.value !== null ? String(isolation.value).trim().toLowerCase() : 'default';
  if (isInterpolated(isolationText) || (isolationText !== 'process' && isolationText !== 'default')) return undefined;
  const imageNode = get(service.node, 'image');
  const image = scalarText(imageNode);
  if (!image || !imageNode) return undefined;
  const resolved = isInterpolated(image) ? withDefaults(image) : image;
  const pinned = releaseOfImage(resolved);
  if (!pinned || !(pinned.explicit || isWindowsImage(resolved))) return undefined;
  const how = isolationText === 'process' ? 'process-isolated' : 'process-isolated (the Windows Server default)';
  return { release: pinned.release, span: liveSpan(imageNode), isolation: how, reason: `service \`${service.name}\` runs \`${image}\` ${how}` };
});

/** `model`: the services Windows runs (compose/target.ts windowsServices). */
export function decideHostVersion(model: ComposeModel | undefined, setting: WindowsVersionSetting = 'auto'): HostVersion {
  if (setting !== 'auto') return settingHost(setting);
  let best: ServicePin | undefined;
  let others = 0;
  for (const service of model?.services ?? []) {
    const pin = servicePin(service);
    if (!pin) continue;
    if (best && pin.release.build !== best.release.build) others++;
    if (!best || pin.release.build > best.release.build) best = pin;
  }
  if (!best) return NEWEST;
  const mixed = others ? '; other services pin other releases, which cannot all match one host under process isolation' : '';
  return {
    version: best.release.facts,
    release: best.release,
    origin: 'image',
    reason: best.reason + mixed,
    isolation: best.isolation + mixed,
    span: best.span,
  };
}

/** "Windows Server, version 1803 (build 17134)"; a process-isolated 2022 image also runs on newer hosts. */
export function hostName(host: HostVersion): string {
  const orNewer = host.origin === 'image' && host.release.build >= FORWARD_COMPATIBLE_BUILD ? ' or newer' : '';
  return `${host.release.name} (build ${host.release.build})${orNewer}`;
}
