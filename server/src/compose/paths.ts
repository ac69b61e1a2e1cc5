/**
 * Path arithmetic for include/extends without `node:path` (the engine must run in a browser too). Accepts `/`
 * and `\` separators and Windows drive letters; results use the first path's separator style.
 */
export function dirname(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i <= 0 ? (i === 0 ? path[0] : '.') : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/** `rel` resolved against the folder `dir`, with `.` and `..` folded. */
export function resolvePath(dir: string, rel: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const joined = isAbsolute(rel) ? rel : `${dir}${sep}${rel}`;
  const parts = joined.split(/[\\/]/);
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join(sep) || sep;
}

/** The compose override file that goes with a base file, by compose's default naming. */
export function defaultOverrideOf(path: string): string[] {
  const name = basename(path);
  const m = /^(docker-compose|compose)\.(ya?ml)$/i.exec(name);
  if (!m) return [];
  const dir = dirname(path);
  return [resolvePath(dir, `${m[1]}.override.yml`), resolvePath(dir, `${m[1]}.override.yaml`)];
}

/** The base file an override file belongs to, by compose's default naming. */
export function defaultBaseOf(path: string): string[] {
  const name = basename(path);
  const m = /^(docker-compose|compose)\.override\.(ya?ml)$/i.exec(name);
  if (!m) return [];
  const dir = dirname(path);
  return [resolvePath(dir, `${m[1]}.yml`), resolvePath(dir, `${m[1]}.yaml`)];
}
