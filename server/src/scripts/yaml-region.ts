/**
 * Where the script of a YAML scalar (a CI step's `run:`, `script:`) is written, as a region of the file whose
 * visible characters are the scalar's value: the tokenizers then read the file in place and every span they give
 * lands on the file's text.
 *
 * YAML 1.2 §8.1 (block scalars): a literal block (`|`) keeps its lines less their indentation, so the indentation of
 * each line is skipped; a folded block (`>`) and a multi-line plain scalar (§7.3.3) also turn each line break between
 * two text lines into one space, so there the break and all but one character of the next line's indentation are
 * skipped, leaving one blank where the space goes. A quoted scalar is mapped only when its value is written as it is
 * (no escapes, no `''`, one line); otherwise undefined.
 */
import type { Span } from '../documents/text';
import { asScalar, type Node } from '../documents/tree';
import type { Region } from './script-block';

export function scalarRegion(text: string, node: Node | undefined): Region | undefined {
  const scalar = asScalar(node);
  if (!scalar || typeof scalar.value !== 'string' || scalar.end <= scalar.start || scalar.end > text.length) return undefined;
  const { start, end } = scalar;
  switch (scalar.style) {
    case 'plain':
      return plainRegion(text, start, end);
    case 'single':
    case 'double': {
      const inner = text.slice(start + 1, end - 1);
      const quote = scalar.style === 'single' ? "'" : '"';
      if (text[start] !== quote || text[end - 1] !== quote || /[\r\n]/.test(inner)) return undefined;
      if (scalar.style === 'single' ? inner.includes("'") : inner.includes('\\')) return undefined;
      return { from: start + 1, to: end - 1 };
    }
    case 'block':
      return blockRegion(text, start, end);
    default:
      return undefined;
  }
}

interface Line {
  start: number;
  /** End of the content, before the line break. */
  end: number;
  /** Start of the next line (after the break), or the region's end. */
  next: number;
}

function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let at = from;
  while (at < to) {
    let end = text.indexOf('\n', at);
    if (end < 0 || end >= to) end = to;
    const next = end < to ? end + 1 : to;
    const contentEnd = end > at && text[end - 1] === '\r' ? end - 1 : end;
    lines.push({ start: at, end: contentEnd, next });
    at = next;
  }
  return lines;
}

function indentOf(text: string, line: Line): number {
  let i = line.start;
  while (i < line.end && text[i] === ' ') i++;
  return i - line.start;
}

function isBlankLine(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** A plain scalar: one line as it is; over several lines, folded. */
function plainRegion(text: string, start: number, end: number): Region | undefined {
  const lines = linesOf(text, start, end);
  if (lines.length <= 1) return { from: start, to: end };
  const skip: Span[] = [];
  for (let k = 1; k < lines.length; k++) {
    if (!foldInto(text, lines[k - 1], lines[k], skip, 0)) return undefined;
  }
  return { from: start, to: end, skip };
}

/**
 * The line break before `line` folds into a space when both lines hold text: skip the break and the indentation but
 * its last character. After an empty line, or before one, the break stays (folding keeps it as a line break), and
 * only the indentation goes. False when there is no indentation character to stand for the space.
 */
function foldInto(text: string, previous: Line, line: Line, skip: Span[], indent: number): boolean {
  const blank = isBlankLine(text, line);
  let contentStart = line.start;
  while (contentStart < line.end && (text[contentStart] === ' ' || text[contentStart] === '\t')) contentStart++;
  if (blank) {
    if (line.end > line.start) skip.push({ start: line.start, end: line.end });
    return true;
  }
  const previousBlank = isBlankLine(text, previous);
  const moreIndented = indent > 0 && (contentStart - line.start > indent || indentOf(text, previous) > indent);
  if (previousBlank || moreIndented) {
    const drop = indent > 0 ? Math.min(indent, contentStart - line.start) : contentStart - line.start;
    if (drop > 0) skip.push({ start: line.start, end: line.start + drop });
    return true;
  }
  if (contentStart === line.start) return false;
  const keep = indent > 0 ? line.start + indent - 1 : contentStart - 1;
  skip.push({ start: previous.end, end: keep });
  return true;
}

/** `|` or `>` with its header line, then the content lines up to the node's end. */
function blockRegion(text: string, start: number, end: number): Region | undefined {
  const folded = text[start] === '>';
  if (!folded && text[start] !== '|') return undefined;
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return { from: end, to: end };
  // An explicit indentation indicator (`|2`) counts from the parent's indentation, which the node does not carry.
  const header = text
    .slice(start + 1, headerEnd)
    .replace(/#.*$/, '')
    .trim();
  if (/\d/.test(header)) return undefined;
  const lines = linesOf(text, headerEnd + 1, end);
  const first = lines.find((line) => !isBlankLine(text, line));
  if (!first) return { from: end, to: end };
  const indent = indentOf(text, first);
  if (indent === 0) return undefined;
  const skip: Span[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (folded && k > 0 && lines[k - 1] !== undefined && !isBlankLine(text, lines[k - 1]) && !isBlankLine(text, line)) {
      foldInto(text, lines[k - 1], line, skip, indent);
      continue;
    }
    // Spaces past the indentation are content, on a line of spaces too (§8.1.1.2: an empty line has at most
    // the indentation).
    const drop = Math.min(indent, indentOf(text, line));
    if (drop > 0) skip.push({ start: line.start, end: line.start + drop });
  }
  return { from: headerEnd + 1, to: end, skip };
}
