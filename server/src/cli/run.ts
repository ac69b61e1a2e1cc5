/**
 * Checking and fixing files: read, parse once, check, and for --fix apply the preferred fixes until nothing
 * changes (bounded), then write atomically, and only if nobody changed the file in the meantime.
 */
import { chmodSync, chownSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { parseDocument } from '../documents/document';
import type { HostVersion } from '../compose/host-version';
import { checkDocument, type CheckOptions, type Finding } from '../engine/check';
import { applyEdits, preferredEdits } from '../engine/fix';
import type { DocumentKind } from '../documents/kind';
import { encode, readSource, type SourceFile } from './files';

export interface FileResult {
  path: string;
  kind: DocumentKind;
  target?: 'windows' | 'linux';
  /** The Windows version the file was judged against (Windows compose files, HNS and CNI documents). */
  host?: HostVersion;
  findings: Finding[];
  /** Why the file was not checked: an I/O problem, or an internal error of winnet. */
  error?: string;
  /** Rules that threw while checking the file (their findings may be missing; the other rules' are there). */
  ruleErrors?: { rule: string; message: string }[];
  /** With --fix / --fix-dry-run: the text before and after the fixes, when they changed something. */
  fix?: { before: string; after: string; written: boolean; note?: string };
}

/** At most this many fix passes: each pass re-checks, and a fix can reveal another. */
const MAX_FIX_PASSES = 10;

function checkText(path: string, text: string, options: CheckOptions) {
  return checkDocument(parseDocument(path, text), options);
}

export function fixText(path: string, text: string, options: CheckOptions): string {
  let current = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = preferredEdits(checkText(path, current, options).findings);
    if (!edits.length) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return current;
}

export function checkFile(path: string, displayPath: string, options: CheckOptions, mode: 'check' | 'fix' | 'dry-run'): FileResult {
  const source = readSource(path);
  if ('error' in source) return { path: displayPath, kind: 'none', findings: [], error: source.error };
  let result = checkText(path, source.text, options);
  let fix: FileResult['fix'];
  if (mode !== 'check' && result.findings.some((f) => f.fixes.some((x) => x.preferred))) {
    fix = settleFix(path, source, fixText(path, source.text, options), mode);
    if (fix?.written) result = checkText(path, fix.after, options);
  }
  return { path: displayPath, kind: result.kind, target: result.target?.target, host: result.host, findings: result.findings, fix };
}

/**
 * The outcome of fixing one file: nothing when the fixes changed nothing; otherwise the before/after texts, and
 * with --fix the file written (or why not).
 */
export function settleFix(path: string, source: SourceFile, after: string, mode: 'check' | 'fix' | 'dry-run'): FileResult['fix'] {
  if (after === source.text) return undefined;
  const fix: NonNullable<FileResult['fix']> = { before: source.text, after, written: false };
  if (mode !== 'fix') return fix;
  if (!source.lossless) fix.note = 'not written: the file is not valid text in its encoding, and rewriting it would change bytes winnet cannot read';
  else {
    const problem = writeAtomically(path, source, after);
    if (problem) fix.note = problem;
    else fix.written = true;
  }
  return fix;
}

/**
 * Writes through a temporary file and a rename, so a reader never sees half a file; refuses if the file changed
 * since it was read. A symlink is followed: the target is replaced and the link stays a link. The temporary file
 * is created beside the target, exclusively (never through a file or link already there), with the target's
 * permissions and, where the process may set it, its owner.
 */
function writeAtomically(path: string, source: SourceFile, text: string): string | undefined {
  let target: string;
  let mode: number;
  let uid: number;
  let gid: number;
  try {
    target = realpathSync(path);
    ({ mode, uid, gid } = statSync(target));
  } catch (error) {
    return `not written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
  }
  // The rename below would replace a read-only file (the folder is what it needs to be writable); an editor
  // would refuse to save it, and so does --fix. Checked on the mode, which also holds when running as root.
  if ((mode & 0o222) === 0) return 'not written: the file is read-only';
  const temp = join(dirname(target), `.${basename(target)}.winnet-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    writeFileSync(temp, encode(text, source.encoding), { flag: 'wx', mode: mode & 0o777 });
    created = true;
    // The creation mode is cut by the umask: set it exactly.
    chmodSync(temp, mode & 0o7777);
    keepOwner(temp, uid, gid);
    const now = readSource(target);
    if ('error' in now || now.text !== source.text) {
      unlinkSync(temp);
      return 'not written: the file changed while winnet was checking it';
    }
    renameSync(temp, target);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EEXIST: the name was taken by something else, which is not ours to delete.
    if (created || code !== 'EEXIST') {
      try {
        unlinkSync(temp);
      } catch {
        // the temporary file was never created
      }
    }
    return `not written: ${code ?? (error as Error).message}`;
  }
}

/** Gives the file the original owner and group when they differ; only root may, so EPERM is not a failure. */
function keepOwner(path: string, uid: number, gid: number): void {
  const own = statSync(path);
  if (own.uid === uid && own.gid === gid) return;
  try {
    chownSync(path, uid, gid);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
  }
}
