/**
 * What a safe fix must keep: the document still parses, every comment survives, the finding it fixes goes away,
 * and fixing is idempotent. Comments are located with the parsed tree (a `#` inside a scalar is not a comment)
 * for YAML and with a small lexer for JSON with comments.
 */
import { parseDocument, type ParsedDocument } from '../../../server/src/documents/document';
import type { Span } from '../../../server/src/documents/text';
import type { Node } from '../../../server/src/documents/tree';
import { checkDocument, type CheckOptions, type Finding, type Fix } from '../../../server/src/engine/check';
import { applyEdits } from '../../../server/src/engine/fix';

export interface Comment {
  span: Span;
  text: string;
}

/** Spans of every scalar (keys included) of the tree: a `#` in one of them is content, not a comment. */
function scalarSpans(root: Node | undefined): Span[] {
  const out: Span[] = [];
  if (!root) return out;
  const seen = new Set<Node>();
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (n.kind === 'scalar') out.push({ start: n.start, end: n.end });
    else if (n.kind === 'map') for (const p of n.pairs) stack.push(p.key, p.value);
    else if (n.kind === 'seq') stack.push(...n.items);
  }
  return out.sort((a, b) => a.start - b.start);
}

export function yamlComments(doc: ParsedDocument): Comment[] {
  const { text } = doc;
  const scalars = scalarSpans(doc.root);
  const inScalar = (offset: number) => scalars.some((s) => offset >= s.start && offset < s.end);
  const out: Comment[] = [];
  for (let i = text.indexOf('#'); i !== -1; i = text.indexOf('#', i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (i > 0 && before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 0xfeff) continue;
    if (inScalar(i)) continue;
    let end = i;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    out.push({ span: { start: i, end }, text: text.slice(i, end).trimEnd() });
    i = end;
  }
  return out;
}

export function jsonComments(text: string): Comment[] {
  const out: Comment[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '/' && text[i + 1] === '/') {
      let end = i;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      out.push({ span: { start: i, end }, text: text.slice(i, end).trimEnd() });
      i = end;
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : close + 2;
      out.push({ span: { start: i, end }, text: text.slice(i, end) });
      i = end - 1;
    }
  }
  return out;
}

export function commentsOf(doc: ParsedDocument): Comment[] {
  return doc.language === 'yaml' ? yamlComments(doc) : jsonComments(doc.text);
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
