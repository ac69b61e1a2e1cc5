/**
 * The paths a service's mounts name, and what kind of path each is. The short syntax
 * `[SOURCE:]TARGET[:MODE]` is split as compose-go's `format.ParseVolume` splits it: a `:` right after a single
 * drive letter and before `\` or `/` belongs to a Windows path (`C:\data:C:\app`), so the host side of a Docker
 * Desktop bind (`C:\data:/data`) and the container side of a Windows mount (`.\logs:C:\logs`) come apart where
 * compose cuts them. Named pipes (`\\.\pipe\docker_engine`) have no `:` to cut.
 * Source: compose-spec/compose-go `format/volume.go` (ParseVolume).
 */
import { asMap, get, items, scalarText, type Node } from '../documents/tree';

export interface MountPaths {
  /** The host side (a path or a volume name), when written. */
  source?: string;
  /** The container side. */
  target?: string;
  /** `npipe` for the long syntax `type: npipe`. */
  type?: string;
  /** The node the paths were read from (the short string or the long mapping's `target`). */
  node: Node;
}

/** Splits a short volume string into its parts at the colons compose cuts at. */
export function splitVolumeSpec(spec: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    if (spec[i] !== ':') continue;
    const drive = i - start === 1 && /[A-Za-z]/.test(spec[start]) && (spec[i + 1] === '\\' || spec[i + 1] === '/');
    if (drive) continue;
    parts.push(spec.slice(start, i));
    start = i + 1;
  }
  parts.push(spec.slice(start));
  return parts;
}

/** Each mount of a service's `volumes` (short or long syntax). */
export function serviceMounts(service: Node): MountPaths[] {
  return items(get(service, 'volumes')).flatMap((item): MountPaths[] => {
    const map = asMap(item);
    if (map) {
      const target = get(map, 'target');
      return [{ source: scalarText(get(map, 'source')), target: scalarText(target), type: scalarText(get(map, 'type')), node: target ?? item }];
    }
    const text = scalarText(item);
    if (!text) return [];
    const parts = splitVolumeSpec(text);
    return [parts.length === 1 ? { target: parts[0], node: item } : { source: parts[0], target: parts[1], node: item }];
  });
}

/** `C:\data`, `c:/data`, `C:`: a path on a Windows drive. */
export function isWindowsDrivePath(path: string): boolean {
  return /^[A-Za-z]:([\\/]|$)/.test(path);
}

/** A Windows named pipe, in either slash direction: `\\.\pipe\docker_engine`, `//./pipe/docker_engine`. */
export function isNamedPipe(path: string): boolean {
  return /^[\\/]{2}[.?][\\/]pipe[\\/]/i.test(path);
}

/** `/data`, `/var/run/docker.sock`: an absolute POSIX path (not a named pipe written with slashes). */
export function isPosixAbsolutePath(path: string): boolean {
  return path.startsWith('/') && !isNamedPipe(path);
}

/** `.\logs`, `..\app\`, `C:\data`: a path written with Windows separators or a drive (a Windows host wrote it). */
export function isWindowsStylePath(path: string): boolean {
  return isWindowsDrivePath(path) || /^\.{1,2}\\/.test(path) || /\\/.test(path);
}
