/**
 * Suppression comments: `# winnet-disable-next-line <rule>[, <rule>]` silences those rules (all, when none is
 * named) on the next line; `# winnet-disable-file <rule>[, <rule>]` for the whole file. Text after ` -- ` is a
 * reason, not rule names. In JSON with comments, `//` and `/* ... *\/` work the same.
 *
 * A directive counts only in a real comment, so text inside a value (`command: "echo # winnet-disable-file"`,
 * a JSON string) silences nothing. In YAML a comment is a `#` at the start of a line or after white space that
 * lies in no scalar of the parsed tree; a document that did not parse has no tree, and a small lexer (quoted and
 * block scalars) decides instead. In JSON a lexer skips strings. All of it is one pass over the text, done only
 * when the text mentions `winnet-disable` and only once a finding asks.
 */
import { languageOf, type Language } from '../documents/kind';
import type { LineIndex } from '../documents/text';
import type { Node } from '../documents/tree';

export interface Suppressions {
  isSuppressed(rule: string, line: number): boolean;
}

/** What the text parsed to: which comments it can have and, for YAML, which text is scalar content. */
export interface SuppressionSyntax {
  language: Language;
  /** The parsed tree; undefined when the text did not parse. */
  root: Node | undefined;
  /** Where this text starts in the tree's offsets (a member of a compose file set is shifted); default 0. */
  base?: number;
}

interface Directive {
  /** Offset of the comment marker (`#`, `//`, `/*`). */
  offset: number;
  scope: 'next-line' | 'file';
  /** The rest of the comment after the directive name: rule names and an optional ` -- reason`. */
  rest: string;
}

/** A directive right at the start of a comment's text; group 1 the scope, group 2 the rest of the line. */
const AFTER_MARKER = /[ \t]*winnet-disable-(next-line|file)\b([^\n\r]*)/y;
/** YAML directive candidates: `#` then the directive (whether the `#` starts a comment is decided apart). */
const YAML_CANDIDATE = /#[ \t]*winnet-disable-(next-line|file)\b([^\n\r]*)/g;

const NONE: Suppressions = { isSuppressed: () => false };

/**
 * Reads the suppression directives of `text`. Pass `syntax` (the parsed document) so that only real comments
 * count; without it the language is guessed from the text and the lexers decide what is a comment.
 */
export function readSuppressions(text: string, lines: LineIndex, syntax?: SuppressionSyntax): Suppressions {
  if (!text.includes('winnet-disable')) return NONE;
  let table: { file: Set<string>; byLine: Map<number, Set<string>> } | undefined;
  const read = () => {
    const file = new Set<string>();
    const byLine = new Map<number, Set<string>>();
    for (const directive of directivesOf(text, syntax ?? { language: languageOf('', text), root: undefined })) {
      const names = ruleNames(directive.rest);
      if (directive.scope === 'file') names.forEach((r) => file.add(r));
      else {
        const line = lines.positionAt(directive.offset).line + 1;
        const set = byLine.get(line) ?? new Set<string>();
        names.forEach((r) => set.add(r));
        byLine.set(line, set);
      }
    }
    return { file, byLine };
  };
  return {
    isSuppressed(rule, line) {
      table ??= read();
      if (table.file.has('*') || table.file.has(rule)) return true;
      const set = table.byLine.get(line);
      return !!set && (set.has('*') || set.has(rule));
    },
  };
}

/** Rule names of a directive; `*` (every rule) when it names none. `-- reason` is a comment, as in ESLint. */
function ruleNames(rest: string): string[] {
  const rules = rest
    .split(/\s--(?:\s|$)|^--(?:\s|$)/)[0]
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter((r) => /^[a-z0-9-]+$/.test(r));
  return rules.length ? rules : ['*'];
}

function directivesOf(text: string, syntax: SuppressionSyntax): Directive[] {
  return syntax.language === 'json' ? jsonDirectives(text) : yamlDirectives(text, syntax);
}

/** Directives in `//` and `/* *\/` comments; strings (which end at a line break, as the parser reads them) are skipped. */
function jsonDirectives(text: string): Directive[] {
  const out: Directive[] = [];
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
      // A line comment; a further `//` in it may hold the directive (`// note // winnet-disable-...`).
      const start = i;
      while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++;
      const comment = text.slice(start, i);
      for (let at = 0; at !== -1; at = comment.indexOf('//', at + 2)) {
        const d = directiveAfter(text, start + at, start + at + 2);
        if (d) out.push(d);
      }
    } else if (ch === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      const d = directiveAfter(text, i, i + 2);
      // The rule names end where the comment does, when it closes on the directive's line.
      if (d) out.push({ ...d, rest: d.rest.split('*/')[0] });
      i = close === -1 ? n : close + 1;
    }
  }
  return out;
}

/** The directive whose comment marker is at `marker` and whose comment text starts at `from`, if any. */
function directiveAfter(text: string, marker: number, from: number): Directive | undefined {
  AFTER_MARKER.lastIndex = from;
  const m = AFTER_MARKER.exec(text);
  return m ? { offset: marker, scope: m[1] as Directive['scope'], rest: m[2] } : undefined;
}

function yamlDirectives(text: string, syntax: SuppressionSyntax): Directive[] {
  const candidates: Directive[] = [];
  for (const m of text.matchAll(YAML_CANDIDATE)) {
    const at = m.index!;
    // A comment starts at the start of a line or after white space (or the byte order mark).
    const before = at === 0 ? 0x20 : text.charCodeAt(at - 1);
    if (before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d || before === 0xfeff) {
      candidates.push({ offset: at, scope: m[1] as Directive['scope'], rest: m[2] });
    }
  }
  if (!candidates.length) return candidates;
  const content = syntax.root ? inScalars(candidates, text, syntax.root, syntax.base ?? 0) : notComments(candidates, text);
  return candidates.filter((_, i) => !content[i]);
}

/**
 * For each candidate (in text order), whether it lies inside a scalar of the tree. Aliases are not followed. A
 * block scalar's content starts on the line after its header: a comment after `|` or `>` is a comment.
 */
function inScalars(candidates: readonly Directive[], text: string, root: Node, base: number): boolean[] {
  const inside = candidates.map(() => false);
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
      for (let i = firstAtOrAfter(candidates, start); i < candidates.length && candidates[i].offset < end; i++) inside[i] = true;
    }
  }
  return inside;
}

function firstAtOrAfter(candidates: readonly Directive[], offset: number): number {
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (candidates[mid].offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For YAML that did not parse: for each candidate, whether a lexer puts it inside a quoted or a block scalar.
 * A quote starts a scalar where a token starts (after white space, `[`, `{`, `,` or `:`), `''` and `\"` are
 * escapes, and a block scalar (`|` or `>`) holds the lines indented deeper than the key or `-` that owns it.
 * When unsure it errs towards content: a directive is then ignored rather than silencing a file by accident.
 */
function notComments(candidates: readonly Directive[], text: string): boolean[] {
  const inside = candidates.map(() => true);
  let next = 0;
  const n = text.length;
  /** Column threshold of the block scalar being skipped: its lines are indented deeper; -2 when none. */
  let block = -2;
  let lineStart = 0;
  let i = 0;
  const isBlank = (c: number) => c === 0x20 || c === 0x09;
  const isBreak = (c: number) => c === 0x0a || c === 0x0d;
  while (i < n && next < candidates.length) {
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
      // Every candidate up to the line end is in this comment (`# note # winnet-disable-...` counts too).
      while (next < candidates.length && candidates[next].offset < i) {
        if (candidates[next].offset >= start) inside[next] = false;
        next++;
      }
    } else if ((ch === 0x22 || ch === 0x27) && tokenStart) {
      i = quotedEnd(text, i, ch);
    } else if ((ch === 0x7c /* | */ || ch === 0x3e /* > */) && isBlank(prev) && blockHeader(text, i + 1) && startsValue(text, lineStart, i)) {
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
