/** Applying fixes: non-overlapping edits, back to front, so every span stays valid while editing. */
import type { Edit, Finding } from './check';

export function applyEdits(text: string, edits: readonly Pick<Edit, 'span' | 'newText'>[]): string {
  // Back to front; insertions at one offset are applied last-first, so their texts end up in the order given
  // (as LSP applies a TextEdit[]).
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.span.start - a.edit.span.start || b.edit.span.end - a.edit.span.end || b.index - a.index)
    .map((e) => e.edit);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.span.end > limit) continue; // overlaps an edit already applied: left for the next pass
    result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
    limit = edit.span.start;
  }
  return result;
}

/** The preferred fix of each finding, one edit set per finding; overlapping sets after the first are dropped. */
export function preferredEdits(findings: readonly Finding[]): Edit[] {
  const chosen: Edit[] = [];
  const overlaps = (a: Edit, b: Edit) => a.span.start < b.span.end && b.span.start < a.span.end;
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.preferred);
    if (!fix) continue;
    if (fix.edits.some((e) => chosen.some((c) => overlaps(c, e) || (c.span.start === e.span.start && c.span.end === e.span.end)))) continue;
    chosen.push(...fix.edits);
  }
  return chosen;
}
