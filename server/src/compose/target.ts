/**
 * Does this compose file run Windows containers? Only with evidence: a Windows base image, `platform: windows`,
 * an `isolation:` key, a Windows-only driver, a windowsshim option, or a swarm placement on Windows nodes. No
 * evidence means Linux, and a Linux file gets no Windows findings at all. The evidence is kept so messages can
 * say why winnet thinks the file targets Windows.
 */
import { asScalar, get, items, pairs, scalarText, type Node } from '../documents/tree';
import type { Span } from '../documents/text';
import { WINDOWS_ONLY_DRIVERS } from '../knowledge/drivers';
import { WINDOWSSHIM_PREFIX } from '../knowledge/windowsshim';
import { driverOpts, type ComposeModel } from './model';

export type Target = 'windows' | 'linux';
export type TargetSetting = Target | 'auto';

export interface Evidence {
  /** Human-readable: "service `web` uses image `mcr.microsoft.com/windows/servercore:ltsc2022`". */
  reason: string;
  span: Span;
}

export interface TargetInfo {
  target: Target;
  /** True when a setting chose the target instead of the file. */
  forced: boolean;
  /** The first piece of evidence in file order: what Windows findings cite as the reason. */
  evidence: Evidence | undefined;
}

const WINDOWS_IMAGE = [
  /(^|\/)mcr\.microsoft\.com\/windows(\/|:|$)/i,
  /(^|[/:_-])(nanoserver|servercore|windowsservercore)([/:_-]|$)/i,
  /(^|\/)mcr\.microsoft\.com\/dotnet\/framework\//i,
  /:[^/]*\bltsc20(16|19|22|25)\b/i,
  /:[^/]*(^|[-_.])windows([-_.]|$)/i,
  /:[^/]*windows(servercore|nanoserver)/i,
  // A Windows build or release glued to the word, as some multi-arch tags write it: `windows1809-amd64`,
  // `1.0-windows2022`, `windowsltsc2022`.
  /:([^/]*[-_.])?windows(\d{4}|ltsc\d{4}|\d{2}h\d)([-_.]|$)/i,
];

export function isWindowsImage(image: string): boolean {
  return WINDOWS_IMAGE.some((re) => re.test(image));
}

/** Every piece of evidence, in file order. */
export function collectEvidence(model: ComposeModel): Evidence[] {
  return [...evidenceIn(model)];
}

/**
 * The evidence, one piece at a time: deciding the target needs only the first, which in a Windows file is
 * usually in its first service, so a check (one per keystroke) does not walk every service or build a reason
 * for each.
 */
function* evidenceIn(model: ComposeModel): Generator<Evidence> {
  const add = (reason: string, node: Node): Evidence => ({ reason, span: { start: node.start, end: node.end } });
  for (const service of model.services) {
    const image = scalarText(get(service.node, 'image'));
    if (image && isWindowsImage(image)) yield add(`service \`${service.name}\` uses the Windows image \`${image}\``, get(service.node, 'image')!);
    const platform = scalarText(get(service.node, 'platform'));
    if (platform && /^windows(\/|$)/i.test(platform)) yield add(`service \`${service.name}\` sets \`platform: ${platform}\``, get(service.node, 'platform')!);
    const isolation = get(service.node, 'isolation');
    if (isolation && asScalar(isolation) && asScalar(isolation)!.value !== null) yield add(`service \`${service.name}\` sets \`isolation\`, a Windows container option`, isolation);
    for (const constraint of items(get(get(get(service.node, 'deploy'), 'placement'), 'constraints'))) {
      const text = scalarText(constraint);
      if (text && /node\.platform\.os\s*==\s*windows/i.test(text)) yield add(`service \`${service.name}\` is placed on Windows nodes`, constraint);
    }
  }
  for (const network of model.networks) {
    const driver = get(network.node, 'driver');
    const name = scalarText(driver);
    if (driver && name && (WINDOWS_ONLY_DRIVERS as readonly string[]).includes(name)) yield add(`network \`${network.name}\` uses the Windows driver \`${name}\``, driver);
    for (const opt of driverOpts(network)) {
      if (String(opt.key.value).startsWith(WINDOWSSHIM_PREFIX)) yield add(`network \`${network.name}\` sets the Windows option \`${String(opt.key.value)}\``, opt.key);
    }
  }
  for (const service of model.services) {
    for (const endpoint of service.attachments) {
      for (const opt of pairs(get(endpoint.config, 'driver_opts'))) {
        if (String(opt.key.value).includes('.windowsshim.')) yield add(`service \`${service.name}\` sets the Windows option \`${String(opt.key.value)}\``, opt.key);
      }
    }
  }
}

export function decideTarget(model: ComposeModel, setting: TargetSetting): TargetInfo {
  const evidence = evidenceIn(model).next().value as Evidence | undefined;
  if (setting !== 'auto') return { target: setting, forced: true, evidence };
  return { target: evidence ? 'windows' : 'linux', forced: false, evidence };
}
