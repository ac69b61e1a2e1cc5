/**
 * Where the comments of a YAML or JSON text are: suppression directives count only in comments, and a fix must
 * keep every one. In YAML a comment is a `#` at the start of a line or after white space that lies in no scalar of
 * the parsed tree (a block scalar's content starts on the line after its header, so a comment after `|` is one);
 * a text that did not parse has no tree, and a small lexer of quoted and block scalars decides instead, erring
 * towards content. In JSON a lexer skips strings (which end at a line break, as the parser reads them) and finds
 * `//` and `/* *\/` comments. One pass over the text; a caller that needs comments mentioning a word asks for
 * them with `mentioning`, and texts without the word cost one `includes`.
 */
import type { Language } from './kind';
import type { Span } from './text';
import type { Node } from './tree';

export interface Comment {
  /** From the comment marker (`#`, `//`, `/*`) to the end of its line, or of the block comment. */
  span: Span;
  /** The comment as written, without trailing blanks. */
  text: string;
}

/** What the text parsed to: which comments it can have and, for YAML, which text is scalar content. */
export interface CommentSyntax {
  language: Language;
  /** The parsed tree; undefined when the text did not parse. */
  root: Node | undefined;
  /** Where this text starts in the tree's offsets (a member of a compose file set is shifted); default 0. */
  base?: number;
}

export function findComments(text: string, syntax: CommentSyntax): Comment[] {
  return syntax.language === 'json' ? jsonComments(text) : yamlComments(text, syntax);
}

const lineEnd = (text: string, from: number) => {
  let end = from;
  while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
  return end;
};

function comment(text: string, start: number, end: number): Comment {
  return { span: { start, end }, text: text.slice(start, end).trimEnd() };
}

function jsonComments(text: string): Comment[] {
  const out: Comment[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      for (i++; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i++;
        else if (c === 0x22 || c === 0x0a || c === 0x0d) break;
      }
    } else if (ch === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const end = lineEnd(text, i);
      out.push(comment(text, i, end));
      i = end;
    } else if (ch === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? n : close + 2;
      out.push({ span: { start: i, end }, text: text.slice(i, end) });
      i = end - 1;
    }
  }
  return out;
}

function yamlComments(text: string, syntax: CommentSyntax): Comment[] {
  // A `#` starts a comment at the start of a line or after white space (or the byte order mark).
  const starts: number[] = [];
  for (let at = text.indexOf('#'); at !== -1; at = text.indexOf('#', at + 1)) {
    const before = at === 0 ? 0x20 : text.charCodeAt(at - 1);
    if (before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d || before === 0xfeff) starts.push(at);
  }
  if (!starts.length) return [];
  const content = syntax.root ? inScalars(starts, text, syntax.root, syntax.base ?? 0) : notComments(starts, text);
  const out: Comment[] = [];
  let covered = -1;
  starts.forEach((at, i) => {
    if (content[i] || at < covered) return; // content, or a `#` inside the comment before it on its line
    covered = lineEnd(text, at);
    out.push(comment(text, at, covered));
  });
  return out;
}

/**
 * For each offset (in text order), whether it lies inside a scalar of the tree. Aliases are not followed. A block
 * scalar's content starts on the line after its header.
 */
function inScalars(offsets: readonly number[], text: string, root: Node, base: number): boolean[] {
  const inside = offsets.map(() => false);
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === 'map') {
      for (const pair of node.pairs) stack.push(pair.key, pair.value);
    } else if (node.kind === 'seq') {
      for (const item of node.items) stack.push(item);
    } else if (node.kind === 'scalar' && node.end > node.start) {
      let start = node.start - base;
      const end = node.end - base;
      if (node.style === 'block') while (start < end && text.charCodeAt(start) !== 0x0a && text.charCodeAt(start) !== 0x0d) start++;
      for (let i = firstAtOrAfter(offsets, start); i < offsets.length && offsets[i] < end; i++) inside[i] = true;
    }
  }
  return inside;
}

function firstAtOrAfter(offsets: readonly number[], offset: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For YAML that did not parse: for each offset of a `#`, whether a lexer puts it inside a quoted or a block scalar.
 * A quote starts a scalar where a token starts (after white space, `[`, `{`, `,` or `:`), `''` and `\"` are
 * escapes, and a block scalar (`|` or `>`) holds the lines indented deeper than the key or `-` that owns it. When
 * unsure it errs towards content: a directive is then ignored rather than silencing a file by accident.
 */
function notComments(offsets: readonly number[], text: string): boolean[] {
  const inside = offsets.map(() => true);
  let next = 0;
  const n = text.length;
  /** Column threshold of the block scalar being skipped: its lines are indented deeper; -2 when none. */
  let block = -2;
  let lineStart = 0;
  let i = 0;
  const isBlank = (c: number) => c === 0x20 || c === 0x09;
  const isBreak = (c: number) => c === 0x0a || c === 0x0d;
  while (i < n && next < offsets.length) {
    // At a line start: skip the lines of a block scalar.
    if (i === lineStart && block > -2) {
      let col = 0;
      while (text.charCodeAt(i + col) === 0x20) col++;
      let j = i + col;
      while (j < n && isBlank(text.charCodeAt(j))) j++;
      if (j >= n || isBreak(text.charCodeAt(j)) || col > block) {
        while (j < n && !isBreak(text.charCodeAt(j))) j++;
        i = lineStart = skipBreak(text, j);
        continue;
      }
      block = -2;
    }
    const ch = text.charCodeAt(i);
    if (isBreak(ch)) {
      i = lineStart = skipBreak(text, i);
      continue;
    }
    const prev = i === lineStart ? 0x20 : text.charCodeAt(i - 1);
    const tokenStart = isBlank(prev) || prev === 0x5b || prev === 0x7b || prev === 0x2c || prev === 0x3a || prev === 0xfeff;
    if (ch === 0x23 /* # */ && (isBlank(prev) || prev === 0xfeff)) {
      const start = i;
      while (i < n && !isBreak(text.charCodeAt(i))) i++;
      // Every `#` up to the line end is in this comment.
      while (next < offsets.length && offsets[next] < i) {
        if (offsets[next] >= start) inside[next] = false;
        next++;
      }
    } else if ((ch === 0x22 || ch === 0x27) && tokenStart) {
      i = quotedEnd(text, i, ch);
    } else if ((ch === 0x7c /* | */ || ch === 0x3e) /* > */ && isBlank(prev) && blockHeader(text, i + 1) && startsValue(text, lineStart, i)) {
      block = blockOwnerColumn(text, lineStart, i);
      i++;
    } else i++;
  }
  return inside;
}

function skipBreak(text: string, i: number): number {
  return text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
}

/** Offset after the quoted scalar opened at `open`: `\` escapes in double quotes, `''` in single quotes. */
function quotedEnd(text: string, open: number, quote: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === 0x22 && c === 0x5c) i++;
    else if (c === quote) {
      if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
      else return i + 1;
    }
  }
  return text.length;
}

/** Whether a block scalar header continues at `i`: indentation and chomping indicators, then a blank or the end. */
function blockHeader(text: string, i: number): boolean {
  let j = i;
  while (/[0-9+-]/.test(text[j] ?? '')) j++;
  const c = text.charCodeAt(j);
  return j >= text.length || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Whether `i` starts a node: after `:`, `-`, `?` or a property (`&a`, `!tag`), or first on its line. */
function startsValue(text: string, lineStart: number, i: number): boolean {
  let j = i - 1;
  while (j >= lineStart && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j--;
  if (j < lineStart) return true;
  const c = text[j];
  if (c === ':' || c === '-' || c === '?') return true;
  let k = j;
  while (k >= lineStart && text.charCodeAt(k) !== 0x20 && text.charCodeAt(k) !== 0x09) k--;
  return text[k + 1] === '&' || text[k + 1] === '!';
}

/**
 * The column a block scalar's lines must be indented deeper than: that of the key it is the value of, or of the
 * `-` (or `?`) it follows directly; -1 for a scalar at the top of the document.
 */
function blockOwnerColumn(text: string, lineStart: number, indicator: number): number {
  let i = lineStart;
  while (text.charCodeAt(i) === 0x20) i++;
  let dash = -1;
  while ((text[i] === '-' || text[i] === '?') && (text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x09)) {
    dash = i - lineStart;
    i++;
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  }
  // Anchors and tags before the indicator belong to the scalar, not to a key.
  while ((text[i] === '&' || text[i] === '!') && i < indicator) {
    while (i < indicator && text.charCodeAt(i) !== 0x20 && text.charCodeAt(i) !== 0x09) i++;
    while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
  }
  if (i >= indicator) return dash;
  if (text.startsWith('---', i)) return -1;
  return i - lineStart;
}
