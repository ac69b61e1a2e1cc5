/**
 * Builders for the text edits fixes are made of. They edit only the characters they must (a value, a key, a
 * pair's lines), so comments, quoting elsewhere, order and indentation stay as the user wrote them. A builder
 * returns undefined when it cannot edit safely, and the rule then offers no fix rather than a risky one.
 */
import type { ParsedDocument } from '../documents/document';
import type { Node, Pair, ScalarNode } from '../documents/tree';
import type { SpanEdit, SpanFix } from './types';

function replaceNode(node: Node, newText: string): SpanEdit {
  return { span: { start: node.start, end: node.end }, newText };
}

/** Replaces a scalar's value keeping its quoting style (plain stays plain, 'single' stays single). */
export function replaceScalar(node: ScalarNode, value: string): SpanEdit {
  const quote = node.style === 'double' ? '"' : node.style === 'single' ? "'" : '';
  return replaceNode(node, `${quote}${value}${quote}`);
}

/** Double-quotes a plain scalar (booleans and other values compose wants as strings). */
export function quoteScalar(doc: ParsedDocument, node: ScalarNode): SpanEdit | undefined {
  if (node.style !== 'plain') return undefined;
  const raw = doc.text.slice(node.start, node.end);
  if (/["\\\n\r]/.test(raw)) return undefined;
  return replaceNode(node, `"${raw}"`);
}

/**
 * Removes a block-mapping pair with its whole lines: from the start of the key's line through the end of the
 * value's last line. Refused (undefined) for flow mappings, for pairs sharing a line with something else, for
 * pairs whose lines hold a comment (a fix never deletes a comment), and for pairs that declare an anchor (a fix
 * never breaks an alias).
 */
export function removePairLines(doc: ParsedDocument, pair: Pair): SpanEdit | undefined {
  const { lines, text } = doc;
  if (declaresAnchor(pair.key) || declaresAnchor(pair.value)) return undefined;
  const keyLine = lines.positionAt(pair.key.fullStart).line;
  const lineStart = lines.lineStart(keyLine);
  if (text.slice(lineStart, pair.key.fullStart).trim() !== '' && !/^\s*-\s*$/.test(text.slice(lineStart, pair.key.fullStart))) return undefined;
  if (/^\s*-/.test(text.slice(lineStart, pair.key.fullStart))) return undefined; // first key of a list item
  const valueEnd = Math.max(pair.value.end, pair.key.end);
  const lastLine = lines.positionAt(valueEnd).line;
  const lastLineEnd = lines.lineEnd(lastLine);
  if (text.slice(valueEnd, lastLineEnd).trim() !== '') return undefined;
  const removed = text.slice(lineStart, lastLineEnd);
  if (removed.includes('#') && hasComment(removed)) return undefined;
  if (/[{}[\]]/.test(text.slice(lineStart, pair.key.fullStart))) return undefined;
  const nextLineStart = lastLine + 1 < lines.lineCount ? lines.lineStart(lastLine + 1) : text.length;
  return { span: { start: lineStart, end: nextLineStart }, newText: '' };
}

/**
 * True when the node or anything written inside it declares an anchor (`&name`): deleting that text would leave
 * every alias to it dangling, and the document would no longer parse. Aliases are not followed.
 */
export function declaresAnchor(node: Node): boolean {
  const stack: Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.anchor !== undefined) return true;
    if (n.kind === 'map') for (const p of n.pairs) stack.push(p.key, p.value);
    else if (n.kind === 'seq') stack.push(...n.items);
  }
  return false;
}

function hasComment(segment: string): boolean {
  // A '#' starts a comment at the start of a line or after white space, unless inside quotes; be conservative
  // and treat any such '#' as a comment.
  return /(^|\s)#/m.test(segment);
}

/**
 * Gives a key written with no value (`encrypted:`) the value `text`, right after its colon (block or flow
 * mapping alike). Refused unless the colon follows the key on the same line.
 */
export function fillEmptyValue(doc: ParsedDocument, pair: Pair, text: string): SpanEdit | undefined {
  if (pair.value.kind !== 'scalar' || pair.value.style !== 'empty') return undefined;
  const m = /^[ \t]*:/.exec(doc.text.slice(pair.key.end, pair.key.end + 64));
  if (!m) return undefined;
  const at = pair.key.end + m[0].length;
  return { span: { start: at, end: at }, newText: ` ${text}` };
}

export function fix(title: string, edit: SpanEdit | undefined, preferred = false): SpanFix[] {
  return edit ? [{ title, edits: [edit], preferred }] : [];
}
