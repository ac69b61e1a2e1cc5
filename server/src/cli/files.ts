/**
 * Finding and reading the files to check. Directories are walked for files winnet understands: compose files
 * by name, JSON/CNI files whose content is HNS, HCN or CNI (decided after parsing), and scripts, CI files and
 * Markdown, which count only when they hold a docker command winnet reads. Globs are matched
 * without a dependency: `*` within a path segment, `**` across segments, `?` one character.
 */
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isCiName, isComposeName, isScriptName } from '../documents/kind';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.cache', '.vscode-test']);
const CANDIDATE = /\.(json|jsonc|conf|conflist)$/i;
/** Files larger than this are not read: no compose or HNS document is that big, and it bounds memory. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

export interface SourceFile {
  path: string;
  text: string;
  encoding: Encoding;
  /** The file decoded without loss, so a fix can write it back byte-for-byte elsewhere. */
  lossless: boolean;
}

function isCandidate(path: string): boolean {
  return isComposeName(path) || CANDIDATE.test(path) || isScriptName(path) || isCiName(path);
}

export interface Discovery {
  files: string[];
  errors: string[];
}

export function discover(inputs: string[], cwd: string): Discovery {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const abs = resolve(cwd, file);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  for (const input of inputs) {
    if (/[*?[]/.test(input)) {
      const matches = glob(input, cwd);
      if (!matches.length) errors.push(`no files match '${input}'`);
      matches.forEach(add);
      continue;
    }
    const abs = resolve(cwd, input);
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(abs);
    } catch {
      errors.push(`cannot read '${input}': no such file or directory`);
      continue;
    }
    if (stat.isDirectory()) walk(abs, (f) => isCandidate(f) && add(f));
    else add(abs);
  }
  return { files, errors };
}

function walk(dir: string, visit: (file: string) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, visit);
    } else if (entry.isFile()) visit(full);
  }
}

export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      re += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|\\[\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function glob(pattern: string, cwd: string): string[] {
  const normalized = pattern.split(sep).join('/');
  const firstWild = normalized.search(/[*?[]/);
  const baseEnd = normalized.lastIndexOf('/', firstWild);
  const base = baseEnd === -1 ? '.' : normalized.slice(0, baseEnd) || '/';
  const re = globToRegExp(baseEnd === -1 ? normalized : normalized.slice(baseEnd + 1));
  const root = resolve(cwd, base);
  const out: string[] = [];
  walk(root, (file) => {
    if (re.test(relative(root, file).split(sep).join('/'))) out.push(file);
  });
  return out;
}

/** Decodes a file, keeping its BOM as U+FEFF (offsets then match the text the parsers see). */
export function decode(bytes: Uint8Array): { text: string; encoding: Encoding; lossless: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes, 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes, 'utf16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return decodeWith('utf-8', bytes, bom ? 'utf8bom' : 'utf8');
}

function decodeWith(label: string, bytes: Uint8Array, encoding: Encoding) {
  try {
    return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes), encoding, lossless: true };
  } catch {
    return { text: new TextDecoder(label, { fatal: false, ignoreBOM: true }).decode(bytes), encoding, lossless: false };
  }
}

export function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'utf16be') {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return le;
  }
  return Buffer.from(text, 'utf8');
}

export function readSource(path: string): SourceFile | { path: string; error: string } {
  try {
    const stat = statSync(path);
    // A device or FIFO (include: /dev/zero) would be read forever: only regular files are read.
    if (!stat.isFile()) return { path, error: 'not a regular file: not checked' };
    const size = stat.size;
    if (size > MAX_FILE_BYTES) return { path, error: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB (${(size / 1024 / 1024).toFixed(1)} MB): not checked` };
    const bytes = readFileSync(path);
    return { path, ...decode(bytes) };
  } catch (error) {
    return { path, error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

/** The names of the other files in the folder of `path` (for partner files of a compose file checked alone). */
export function siblingNames(path: string): string[] {
  try {
    return readdirSync(dirname(path), { withFileTypes: true })
      .filter((e) => e.isFile() && join(dirname(path), e.name) !== path)
      .map((e) => e.name);
  } catch {
    return [];
  }
}
