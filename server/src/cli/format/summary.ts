/** Counting findings the way every formatter reports them. */
import type { FileResult } from '../run';

export interface Summary {
  errors: number;
  warnings: number;
  information: number;
  hints: number;
  fixable: number;
  files: number;
  ioErrors: number;
  /** Files read and parsed that are not compose, HNS, HCN or CNI documents: nothing in them was checked. */
  notOurs: number;
}

/** A file that was read and parsed but is not a compose, HNS, HCN or CNI document: nothing in it was checked. */
export function isNotOurs(r: FileResult): boolean {
  return !r.error && r.kind === 'none';
}

export function summarize(results: readonly FileResult[]): Summary {
  const s: Summary = { errors: 0, warnings: 0, information: 0, hints: 0, fixable: 0, files: results.length, ioErrors: 0, notOurs: 0 };
  for (const r of results) {
    if (r.error) s.ioErrors++;
    else if (isNotOurs(r)) s.notOurs++;
    for (const f of r.findings) {
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else if (f.severity === 'information') s.information++;
      else s.hints++;
      if (f.fixes.some((x) => x.preferred)) s.fixable++;
    }
  }
  return s;
}
