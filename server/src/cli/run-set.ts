/**
 * Checking (and fixing) a compose file set from the CLI: `-f a.yml -f b.yml`, or a base file with its default
 * override. Every member file gets its own result, so output always names the file a finding belongs to.
 */
import { checkComposeSet } from '../engine/check-set';
import type { CheckOptions } from '../engine/check';
import { applyEdits, preferredEdits } from '../engine/fix';
import { readSource, siblingNames, type SourceFile } from './files';
import { settleFix, type FileResult } from './run';

const MAX_FIX_PASSES = 10;

export function checkSetFiles(paths: string[], display: (path: string) => string, options: CheckOptions, mode: 'check' | 'fix' | 'dry-run'): FileResult[] {
  const sources = new Map<string, SourceFile | { path: string; error: string }>();
  const source = (path: string) => {
    if (!sources.has(path)) sources.set(path, readSource(path));
    return sources.get(path)!;
  };
  const current = new Map<string, string>();
  const reader = {
    read(path: string) {
      if (current.has(path)) return current.get(path);
      const s = source(path);
      return 'error' in s ? undefined : s.text;
    },
    siblings: siblingNames,
  };
  const errors: FileResult[] = [];
  for (const path of paths) {
    const s = source(path);
    if ('error' in s) errors.push({ path: display(path), kind: 'none', findings: [], error: s.error });
  }

  let checked = checkComposeSet(paths, reader, options);
  if (mode !== 'check') {
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      let changed = false;
      for (const [path, result] of checked.results) {
        const edits = preferredEdits(result.findings);
        if (!edits.length) continue;
        const before = reader.read(path)!;
        const after = applyEdits(before, edits);
        if (after !== before) {
          current.set(path, after);
          changed = true;
        }
      }
      if (!changed) break;
      checked = checkComposeSet(paths, reader, options);
    }
  }

  // Settle every file's fixes first; a fix that was not written must not hide the findings still on disk.
  const fixes = new Map<string, FileResult['fix']>();
  for (const path of checked.results.keys()) {
    const s = source(path);
    const after = current.get(path);
    fixes.set(path, 'error' in s || after === undefined ? undefined : settleFix(path, s, after, mode));
  }
  if (mode === 'fix') {
    let unwritten = false;
    for (const [path, fix] of fixes) {
      if (fix && !fix.written) {
        current.delete(path);
        unwritten = true;
      }
    }
    if (unwritten) checked = checkComposeSet(paths, reader, options);
  }
  const results: FileResult[] = [...errors];
  for (const [path, result] of checked.results) {
    const fix = fixes.get(path);
    results.push({ path: display(path), kind: result.kind, target: result.target?.target, host: result.host, findings: result.findings, fix });
  }
  return results;
}
