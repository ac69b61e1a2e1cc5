/**
 * Does this compose file run Windows containers? Only with evidence (compose/evidence.ts):
 *
 * - any strong Windows evidence (a Windows image, `platform: windows`, a process or Hyper-V `isolation`, a
 *   Windows driver or option, the predefined `nat` network, a named pipe, a Windows path inside a container, ...)
 *   makes it Windows;
 * - weak evidence alone (`isolation: default`, Windows-style host paths, a path that names Windows) makes it
 *   Windows only when nothing in the file is Linux-only (a Linux image, a POSIX path inside a container, a Linux
 *   driver), because Docker Desktop users on a Windows host write those for Linux containers too;
 * - otherwise Linux, and a Linux file gets no Windows findings at all.
 *
 * The evidence is kept so messages can say why winnet thinks the file targets Windows (or does not).
 */
import { linuxEvidence, servicePlatform, windowsEvidence, type Evidence } from './evidence';
import type { ComposeModel } from './model';
import { oncePer } from '../util/once-per';

export type { Evidence } from './evidence';
export { isWindowsImage } from '../knowledge/images';

export type Target = 'windows' | 'linux';
export type TargetSetting = Target | 'auto';

export interface TargetInfo {
  target: Target;
  /** True when a setting chose the target instead of the file. */
  forced: boolean;
  /** The first piece of Windows evidence: what Windows findings cite as the reason. */
  evidence: Evidence | undefined;
  /** For a file decided Linux although it has weak Windows evidence: the Linux evidence that outweighed it. */
  counter?: Evidence;
}

/** Every piece of Windows evidence: the strong pieces in file order, then the weak ones. */
export function collectEvidence(model: ComposeModel): Evidence[] {
  const all = [...windowsEvidence(model)];
  return [...all.filter((e) => e.strength === 'strong'), ...all.filter((e) => e.strength === 'weak')];
}

export function decideTarget(model: ComposeModel, setting: TargetSetting): TargetInfo {
  // The first strong piece, usually in the first service, decides: a check (one per keystroke) stops there.
  let weak: Evidence | undefined;
  let strong: Evidence | undefined;
  for (const evidence of windowsEvidence(model)) {
    if (evidence.strength === 'strong') {
      strong = evidence;
      break;
    }
    weak ??= evidence;
  }
  if (setting !== 'auto') return { target: setting, forced: true, evidence: strong ?? weak };
  if (strong) return { target: 'windows', forced: false, evidence: strong };
  // Weak evidence needs something to run: a path that names Windows says nothing about a file with no services or
  // networks (an empty file, one that does not parse, the old format with services at the top level).
  if (!weak || (!model.services.length && !model.networks.length)) return { target: 'linux', forced: false, evidence: undefined };
  const counter = linuxEvidence(model).next().value as Evidence | undefined;
  if (counter) return { target: 'linux', forced: false, evidence: undefined, counter };
  return { target: 'windows', forced: false, evidence: { ...weak, reason: `${weak.reason}, and nothing in it is Linux-only` } };
}

/**
 * The model Windows rules read: the services pinned to Linux nodes or a Linux platform (in a swarm of Windows
 * and Linux nodes, or a file that also runs LCOW containers) are left out, since Windows does not run them.
 */
export const windowsServices = oncePer((model: ComposeModel): ComposeModel => {
  const services = model.services.filter((s) => servicePlatform(s) !== 'linux');
  return services.length === model.services.length ? model : { ...model, services };
});
