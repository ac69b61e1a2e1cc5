/**
 * What a compose file says about the platform its containers run on, piece by piece, each with the reason a
 * message can quote and the place it is written.
 *
 * - **Strong** Windows evidence is something only a Windows container (or a Windows daemon) has: a Windows
 *   image, `platform: windows`, a process or Hyper-V `isolation`, a Windows-only network driver, a windowsshim
 *   option, a placement on Windows nodes, the host's predefined `nat` network, a named pipe, a Windows drive path
 *   inside the container, a gMSA credential spec, a Windows shell or program.
 * - **Weak** Windows evidence is what a Windows *host* running Linux containers (Docker Desktop) writes too:
 *   `isolation: default` (Linux accepts it), host paths with backslashes, a path that names Windows.
 * - **Linux** evidence is something a Windows container does not have: a Linux distribution image, a POSIX path
 *   inside the container, a Linux driver, `network_mode: host`, a placement on Linux nodes.
 *
 * compose/target.ts decides from them. Evidence is gathered once per service and network model, so a keystroke
 * in one service re-reads that service only.
 */
import { asMap, asScalar, asSeq, get, getPair, items, liveSpan, pairs, scalarText, type Node } from '../documents/tree';
import type { Span } from '../documents/text';
import { LINUX_DRIVERS, WINDOWS_ONLY_DRIVERS } from '../knowledge/drivers';
import { isLinuxImage, isWindowsImage } from '../knowledge/images';
import { WINDOWSSHIM_PREFIX } from '../knowledge/windowsshim';
import { oncePer } from '../util/once-per';
import { isInterpolated, withDefaults } from './interpolation';
import { driverOpts, isExternal, type ComposeModel, type NetworkModel, type ServiceModel } from './model';
import { isNamedPipe, isPosixAbsolutePath, isWindowsDrivePath, isWindowsStylePath, serviceMounts } from './volumes';

export type Strength = 'strong' | 'weak';

export interface Evidence {
  /** Human-readable: "service `web` uses the Windows image `mcr.microsoft.com/windows/servercore:ltsc2022`". */
  reason: string;
  span: Span;
  strength: Strength;
}

export interface ServiceEvidence {
  windows: Evidence[];
  linux: Evidence[];
  /** `linux` when the service is pinned to Linux (`platform: linux/...`, a placement on Linux nodes). */
  platform?: 'linux';
}

/** Evidence is kept per service and network model, across incremental re-parses: its spans follow the nodes. */
const spanOf = liveSpan;

/** Windows-only network driver names, as an external network's name: the name of a Windows network. */
const WINDOWS_NETWORK_NAMES = new Set<string>(WINDOWS_ONLY_DRIVERS.filter((d) => d !== 'internal' && d !== 'private'));

const WINDOWS_PLACEMENT = /node\.platform\.os\s*==\s*windows/i;
const LINUX_PLACEMENT = /node\.platform\.os\s*(==\s*linux|!=\s*windows)/i;
/** A Dockerfile named for a Windows base: `Dockerfile.nanowin`, `Dockerfile.windows`, `windows.Dockerfile`. */
const WINDOWS_DOCKERFILE = /(^|[\\/._-])(windows|win|nanowin|nanoserver|servercore|windowsservercore)([\\/._-]|$)/i;

/**
 * Whether a service is pinned to Linux (`platform: linux/...`, a placement on Linux nodes): read apart from the
 * rest of the evidence, since every check asks it of every service (compose/target.ts windowsServices).
 */
export const servicePlatform = oncePer((service: ServiceModel): 'linux' | undefined => {
  if (/^linux(\/|$)/i.test(scalarText(get(service.node, 'platform')) ?? '')) return 'linux';
  for (const constraint of items(get(get(get(service.node, 'deploy'), 'placement'), 'constraints'))) {
    if (LINUX_PLACEMENT.test(scalarText(constraint) ?? '')) return 'linux';
  }
  return undefined;
});

/** The evidence one service carries. */
const serviceEvidence = oncePer((service: ServiceModel): ServiceEvidence => {
  const windows: Evidence[] = [];
  const linux: Evidence[] = [];
  const node = service.node;
  const name = `service \`${service.name}\``;
  const win = (reason: string, at: Node, strength: Strength = 'strong') => windows.push({ reason: `${name} ${reason}`, span: spanOf(at), strength });
  const lin = (reason: string, at: Node) => linux.push({ reason: `${name} ${reason}`, span: spanOf(at), strength: 'strong' });

  const imageNode = get(node, 'image');
  const image = scalarText(imageNode);
  if (image && imageNode) {
    const resolved = isInterpolated(image) ? withDefaults(image) : image;
    if (isWindowsImage(resolved)) win(`uses the Windows image \`${image}\``, imageNode);
    else if (isLinuxImage(resolved)) lin(`uses the Linux image \`${image}\``, imageNode);
  }

  const platformNode = get(node, 'platform');
  const platformText = scalarText(platformNode);
  if (platformText && platformNode) {
    if (/^windows(\/|$)/i.test(platformText)) win(`sets \`platform: ${platformText}\``, platformNode);
    else if (/^linux(\/|$)/i.test(platformText)) lin(`sets \`platform: ${platformText}\``, platformNode);
  }

  const isolation = asScalar(get(node, 'isolation'));
  if (isolation && isolation.value !== null) {
    const text = String(isolation.value);
    const resolved = isInterpolated(text) ? withDefaults(text) : text;
    // Linux daemons accept `default` (and nothing else): only another value says Windows.
    if (resolved.trim().toLowerCase() === 'default') win('sets `isolation: default`, which Linux accepts too', isolation, 'weak');
    else win('sets `isolation`, a Windows container option', isolation);
  }

  for (const constraint of items(get(get(get(node, 'deploy'), 'placement'), 'constraints'))) {
    const text = scalarText(constraint);
    if (!text) continue;
    if (WINDOWS_PLACEMENT.test(text)) win('is placed on Windows nodes', constraint);
    else if (LINUX_PLACEMENT.test(text)) lin('is placed on Linux nodes', constraint);
  }

  // A gMSA credential spec (`credential_spec:` or `security_opt: credentialspec=...`) exists for Windows only.
  const credentialSpec = getPair(node, 'credential_spec');
  if (credentialSpec) win('uses a gMSA credential spec, a Windows container feature', credentialSpec.key);
  for (const option of items(get(node, 'security_opt'))) {
    if (/^credentialspec=/i.test(scalarText(option) ?? '')) win('uses a gMSA credential spec, a Windows container feature', option);
  }

  for (const mount of serviceMounts(node)) {
    if (mount.type === 'npipe' || isNamedPipe(mount.source ?? '') || isNamedPipe(mount.target ?? '')) win('mounts a Windows named pipe', mount.node);
    else if (mount.target && isWindowsDrivePath(mount.target)) win(`mounts a volume at \`${mount.target}\`, a Windows path`, mount.node);
    else if (mount.target && isPosixAbsolutePath(mount.target)) lin(`mounts a volume at \`${mount.target}\`, a Linux path`, mount.node);
    if (mount.source && !isInterpolated(mount.source) && isWindowsStylePath(mount.source) && !isNamedPipe(mount.source)) {
      win(`mounts \`${mount.source}\`, a host path written the Windows way`, mount.node, 'weak');
    }
  }

  for (const section of ['secrets', 'configs']) {
    for (const item of items(get(node, section))) {
      const target = get(asMap(item), 'target');
      const text = scalarText(target);
      if (target && text && isWindowsDrivePath(text)) win(`puts a ${section.slice(0, -1)} at \`${text}\`, a Windows path`, target);
    }
  }

  const workdir = get(node, 'working_dir');
  const workdirText = scalarText(workdir);
  if (workdir && workdirText) {
    if (isWindowsDrivePath(workdirText)) win(`works in \`${workdirText}\`, a Windows path`, workdir);
    else if (isPosixAbsolutePath(workdirText)) lin(`works in \`${workdirText}\`, a Linux path`, workdir);
  }

  for (const key of ['command', 'entrypoint']) commandEvidence(get(node, key), `its \`${key}\``, win);
  commandEvidence(get(get(node, 'healthcheck'), 'test'), 'its health check', win);
  for (const value of environmentValues(get(node, 'environment'))) {
    if (/npipe:/i.test(scalarText(value) ?? '')) win('points at the Docker engine through a Windows named pipe', value);
  }

  const build = get(node, 'build');
  const dockerfile = get(build, 'dockerfile');
  const dockerfileText = scalarText(dockerfile);
  if (dockerfile && dockerfileText && WINDOWS_DOCKERFILE.test(dockerfileText.replace(/^.*[\\/]/, '')))
    win(`builds from \`${dockerfileText}\`, a Dockerfile named for Windows`, dockerfile);
  const context = asMap(build) ? get(build, 'context') : build;
  const contextText = scalarText(context);
  if (context && contextText && !isInterpolated(contextText) && isWindowsStylePath(contextText))
    win(`builds from \`${contextText}\`, a path written the Windows way`, context, 'weak');

  const networkMode = scalarText(get(node, 'network_mode'));
  if (networkMode === 'host' || networkMode === 'bridge') lin(`uses \`network_mode: ${networkMode}\`, which Windows does not have`, get(node, 'network_mode')!);

  for (const endpoint of service.attachments) {
    for (const opt of pairs(get(endpoint.config, 'driver_opts'))) {
      if (String(opt.key.value).includes('.windowsshim.')) win(`sets the Windows option \`${String(opt.key.value)}\``, opt.key);
    }
  }
  return { windows, linux, platform: servicePlatform(service) };
});

/** Windows shells and programs in a command: `powershell`, `cmd /S /C`, `C:\app\run.exe`, `npipe://`. */
function commandEvidence(command: Node | undefined, what: string, win: (reason: string, at: Node) => void): void {
  const found = commandShell(command, what);
  if (found) win(found.reason, found.node);
}

/** The first Windows shell, program, path or named pipe of a command, with why it is one. */
function commandShell(command: Node | undefined, what: string): { reason: string; node: Node } | undefined {
  const scalar = asScalar(command);
  const words: { text: string; node: Node }[] = scalar
    ? String(scalar.value ?? '')
        .split(/\s+/)
        .map((text) => ({ text, node: scalar }))
    : (asSeq(command)?.items ?? []).flatMap((item) => {
        const text = scalarText(item);
        return text ? [{ text, node: item }] : [];
      });
  for (let i = 0; i < words.length; i++) {
    const word = words[i].text.replace(/^["']|["']$/g, '');
    const program = word.replace(/^.*[\\/]/, '').toLowerCase();
    const next = words[i + 1]?.text.toLowerCase();
    const node = words[i].node;
    if (program === 'powershell' || program === 'powershell.exe') return { reason: `runs Windows PowerShell in ${what}`, node };
    if ((program === 'cmd' || program === 'cmd.exe') && (next === '/c' || next === '/s' || next === '/k'))
      return { reason: `runs \`cmd ${words[i + 1].text}\` in ${what}`, node };
    if (isWindowsDrivePath(word) || /\.exe$/i.test(program)) return { reason: `runs \`${word}\`, a Windows program or path, in ${what}`, node };
    if (/npipe:/i.test(word)) return { reason: `points at the Docker engine through a Windows named pipe in ${what}`, node };
  }
  return undefined;
}

/** The value nodes of `environment` in either form (mapping, or a list of `KEY=value`). */
function environmentValues(environment: Node | undefined): Node[] {
  const list = asSeq(environment);
  if (list) return list.items;
  return pairs(environment).map((p) => p.value);
}

export interface NetworkEvidence {
  windows: Evidence[];
  linux: Evidence[];
}

/** The evidence one network definition carries. */
const networkEvidence = oncePer((network: NetworkModel): NetworkEvidence => {
  const windows: Evidence[] = [];
  const linux: Evidence[] = [];
  const name = `network \`${network.name}\``;
  const driver = get(network.node, 'driver');
  const driverName = scalarText(driver);
  if (driver && driverName) {
    // Driver names are case-sensitive to Docker, but `driver: NAT` still says which platform the author meant
    // (driver-name-case reports the spelling).
    const lower = driverName.toLowerCase();
    if ((WINDOWS_ONLY_DRIVERS as readonly string[]).includes(lower))
      windows.push({ reason: `${name} uses the Windows driver \`${driverName}\``, span: spanOf(driver), strength: 'strong' });
    else if (Object.hasOwn(LINUX_DRIVERS, lower))
      linux.push({ reason: `${name} uses the Linux driver \`${driverName}\``, span: spanOf(driver), strength: 'strong' });
  }
  for (const opt of driverOpts(network)) {
    const key = String(opt.key.value);
    if (key.startsWith(WINDOWSSHIM_PREFIX)) windows.push({ reason: `${name} sets the Windows option \`${key}\``, span: spanOf(opt.key), strength: 'strong' });
  }
  if (network.node && isExternal(network)) {
    const nameNode = get(network.node, 'name') ?? get(get(network.node, 'external'), 'name');
    const external = scalarText(nameNode) ?? network.name;
    if (WINDOWS_NETWORK_NAMES.has(external)) {
      const reason =
        external === 'nat'
          ? `${name} is the Windows host's predefined \`nat\` network`
          : `${name} is the existing network \`${external}\`, named like the Windows driver`;
      windows.push({ reason, span: spanOf(nameNode ?? network.key), strength: 'strong' });
    }
  }
  return { windows, linux };
});

/**
 * A file or folder named for Windows (`docker-compose.windows.yml`, `windows/compose.yaml`,
 * `todo-list-configured-windows/`): weak, since Linux variants for Docker Desktop on a Windows host are named so
 * too. The file and its two nearest folders are read, not the whole path.
 */
function pathEvidence(path: string): Evidence | undefined {
  const near = path.split(/[\\/]/).slice(-3);
  const named = near.find((segment) => /(^|[^a-z])(windows|win|nanoserver|servercore)([^a-z]|$)/i.test(segment));
  return named ? { reason: `its path names Windows (\`${named}\`)`, span: { start: 0, end: 0 }, strength: 'weak' } : undefined;
}

/** Every piece of Windows evidence in file order of kind: services, then networks, then the path. */
export function* windowsEvidence(model: ComposeModel): Generator<Evidence> {
  for (const service of model.services) {
    if (servicePlatform(service) !== 'linux') yield* serviceEvidence(service).windows;
  }
  for (const network of model.networks) yield* networkEvidence(network).windows;
  const path = pathEvidence(model.path);
  if (path) yield path;
}

export function* linuxEvidence(model: ComposeModel): Generator<Evidence> {
  for (const service of model.services) yield* serviceEvidence(service).linux;
  for (const network of model.networks) yield* networkEvidence(network).linux;
}
