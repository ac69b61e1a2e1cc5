/**
 * Bugs the fuzzing found that are recorded as `todo` regression tests (test/reliability/regressions.test.ts)
 * until their fixes land in server/src. The fixed-seed fuzz sample and the fix-safety tests set violations of
 * these exact kinds aside, so they stay green while every other violation fails them; scripts/fuzz.ts counts
 * them separately. When a fix lands, delete its entry here: the sample then guards against its return.
 */
import type { ParsedDocument } from '../../../server/src/documents/document';
import type { Node } from '../../../server/src/documents/tree';
import type { Finding, Fix } from '../../../server/src/engine/check';

export interface KnownIssue {
  id: string;
  todo: string;
}

export const SYNTAX_SPAN_SPLITS: KnownIssue = {
  id: 'syntax-span-splits',
  todo: 'needs fix in server/src/engine/check.ts: a syntax finding at a CRLF or a surrogate pair covers half of it (offset + 1)',
};
export const FIX_DELETES_ANCHOR: KnownIssue = {
  id: 'fix-deletes-anchor',
  todo: 'needs fix in server/src/engine/check.ts: a fix that deletes or rewrites an anchor (&name) breaks every alias to it; such fixes must not be offered',
};

export const CLI_DUPLICATE_SYNTAX: KnownIssue = {
  id: 'cli-duplicate-syntax',
  todo: 'needs fix in server/src/compose/loader.ts: the virtual document of a one-file set keeps the file\'s parse errors ({ ...first.doc, root }), so check-set.ts reports every syntax finding twice in the CLI; give it errors: []',
};

/** The known issue an invariant violation belongs to, if any. */
export function knownViolation(violation: string, _text: string): KnownIssue | undefined {
  if (/^syntax \(target \w+\): range-splits-(crlf|surrogate)/.test(violation)) return SYNTAX_SPAN_SPLITS;
  return undefined;
}

function anchorDeclarations(root: Node | undefined): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const seen = new Set<Node>();
  const stack: Node[] = root ? [root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.anchor !== undefined) out.push({ start: n.full.start, end: Math.max(n.full.start, n.start) });
    if (n.kind === 'map') for (const p of n.pairs) stack.push(p.key, p.value);
    else if (n.kind === 'seq') stack.push(...n.items);
  }
  return out;
}

/** The known issue an unsafe fix belongs to, if any (judged from the fix and the document, not the symptom). */
export function knownFixIssue(doc: ParsedDocument, _finding: Finding, fix: Fix): KnownIssue | undefined {
  const anchors = anchorDeclarations(doc.root);
  if (fix.edits.some((e) => anchors.some((a) => e.span.start <= a.start && a.start < Math.max(e.span.end, e.span.start + 1)))) return FIX_DELETES_ANCHOR;
  return undefined;
}
