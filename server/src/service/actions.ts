/**
 * Code actions over a checked document: each finding's fixes (the preferred one marked), "disable <rule> for
 * this line" and "for this file" comments, and "fix all" (every preferred fix that does not overlap another).
 */
import type { ParsedDocument } from '../documents/document';
import type { Span } from '../documents/text';
import type { Finding } from '../engine/check';
import { preferredEdits } from '../engine/fix';

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  edits: TextEdit[];
  preferred?: boolean;
  /** The findings the action resolves. */
  findings: Finding[];
}

const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

export function codeActions(doc: ParsedDocument, findings: readonly Finding[], range: Span): CodeAction[] {
  const here = findings.filter((f) => overlaps(f.span, range));
  const actions: CodeAction[] = [];
  for (const finding of here) {
    for (const fix of finding.fixes) {
      actions.push({
        title: fix.title.replace(/`/g, "'"),
        kind: 'quickfix',
        edits: fix.edits.map(({ span, newText }) => ({ span, newText })),
        preferred: fix.preferred,
        findings: [finding],
      });
    }
  }
  // HNS takes no comments in JSON, so suppression comments are offered in YAML only (settings work everywhere).
  if (doc.language !== 'yaml') return actions;
  const comment = '#';
  const seen = new Set<string>();
  for (const finding of here) {
    if (finding.rule === 'syntax' || seen.has(finding.rule)) continue;
    seen.add(finding.rule);
    const line = doc.lines.positionAt(finding.span.start).line;
    const lineStart = doc.lines.lineStart(line);
    const indent = /^[ \t]*/.exec(doc.text.slice(lineStart, doc.lines.lineEnd(line)))![0];
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    actions.push({
      title: `Disable ${finding.rule} for this line`,
      kind: 'quickfix',
      edits: [{ span: { start: lineStart, end: lineStart }, newText: `${indent}${comment} winnet-disable-next-line ${finding.rule}${eol}` }],
      findings: [finding],
    });
    const top = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    actions.push({
      title: `Disable ${finding.rule} for this file`,
      kind: 'quickfix',
      edits: [{ span: { start: top, end: top }, newText: `${comment} winnet-disable-file ${finding.rule}${eol}` }],
      findings: here.filter((f) => f.rule === finding.rule),
    });
  }
  return actions;
}

export function fixAllAction(findings: readonly Finding[]): CodeAction | undefined {
  const edits = preferredEdits(findings);
  if (!edits.length) return undefined;
  return {
    title: 'Fix all winnet problems',
    kind: 'source.fixAll',
    edits: edits.map(({ span, newText }) => ({ span, newText })),
    findings: findings.filter((f) => f.fixes.some((x) => x.preferred)),
  };
}
