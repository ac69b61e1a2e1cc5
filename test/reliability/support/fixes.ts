/**
 * What a safe fix must keep: the document still parses, every comment survives, the finding it fixes goes away,
 * and fixing is idempotent. Comments are found as the engine finds them (documents/comments.ts).
 */
import { parseDocument, type ParsedDocument } from '../../../server/src/documents/document';
import { findComments, type Comment } from '../../../server/src/documents/comments';
import { checkDocument, type CheckOptions, type Finding, type Fix } from '../../../server/src/engine/check';
import { applyEdits } from '../../../server/src/engine/fix';

export function commentsOf(doc: ParsedDocument): Comment[] {
  return findComments(doc.text, doc);
}

/** Multiset difference: comment texts of `before` missing from `after`. */
export function missingComments(before: readonly Comment[], after: readonly Comment[]): string[] {
  const left = new Map<string, number>();
  for (const c of after) left.set(c.text, (left.get(c.text) ?? 0) + 1);
  const missing: string[] = [];
  for (const c of before) {
    const n = left.get(c.text) ?? 0;
    if (n > 0) left.set(c.text, n - 1);
    else missing.push(c.text);
  }
  return missing;
}

const key = (f: Finding) => `${f.rule}\u0000${f.message}`;

/**
 * Applies one fix and reports every way it is unsafe: the result does not parse (when the input did), it
 * lost a comment (an edit touches one, or one is gone afterwards), or the finding is still there (the count
 * of findings with the same rule and message did not drop).
 */
export function fixProblems(doc: ParsedDocument, findings: readonly Finding[], finding: Finding, fix: Fix, options: CheckOptions): string[] {
  const problems: string[] = [];
  const comments = commentsOf(doc);
  for (const e of fix.edits) {
    for (const c of comments) {
      if (e.span.start < c.span.end && c.span.start < e.span.end) problems.push(`edit ${e.span.start}-${e.span.end} deletes the comment '${c.text}'`);
    }
  }
  const crlfOnly = doc.text.includes('\r\n') && !/(^|[^\r])\n/.test(doc.text);
  if (crlfOnly && fix.edits.some((e) => /(^|[^\r])\n/.test(e.newText))) problems.push('the fix writes a bare LF line break into a CRLF file');
  const after = applyEdits(doc.text, fix.edits);
  const fixed = parseDocument(doc.path, after, doc.language);
  if (!doc.errors.length && fixed.errors.length) problems.push(`the fixed text does not parse: ${fixed.errors[0].message}`);
  const lost = missingComments(comments, commentsOf(fixed));
  if (lost.length) problems.push(`comments lost: ${lost.join(' | ')}`);
  if (fixed.kind !== doc.kind) problems.push(`the fix changed the document kind from ${doc.kind} to ${fixed.kind}`);
  const before = findings.filter((f) => key(f) === key(finding)).length;
  const remaining = checkDocument(fixed, options).findings.filter((f) => key(f) === key(finding)).length;
  if (remaining >= before) problems.push(`the finding is still reported after the fix (${remaining} of ${before})`);
  return problems;
}
