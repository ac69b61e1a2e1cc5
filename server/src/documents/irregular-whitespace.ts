/**
 * Characters that look like spaces but are not whitespace to JSON or to YAML indentation. They come in with text
 * pasted from web pages, chat and word processors (U+00A0 most of all) and are invisible in an editor:
 *
 * - JSON allows only space, tab, line feed and carriage return between values (RFC 8259 §2), so a strict parser
 *   (Go's encoding/json, which the Windows CNI plugins use) refuses the file; jsonc-parser says "invalid symbol"
 *   once per line, which does not say why.
 * - YAML indents with spaces only (YAML 1.2 §6.1), so a key indented with no-break spaces is read at column 0, as
 *   a key whose name starts with them: `services` loses it, or the file fails at a later line.
 *
 * One finding per document names the character and where it first is, and its fix replaces every one of them
 * with a space (one for one, so columns stay).
 */
import { skipBlockComment, skipLineComment, skipString } from './json-scan';
import type { Span } from './text';
import type { ParseError } from './parse-error';

/**
 * The irregular spaces, as code point ranges: the one list both the whole-text test (a regular expression, built
 * from it) and the per-character scan read.
 */
const IRREGULAR_RANGES: readonly (readonly [from: number, to: number])[] = [
  [0x0b, 0x0c],
  [0x85, 0x85],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200b],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

const unicodeEscape = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

/** JSON: every irregular space outside strings and comments (a BOM at offset 0 is not content). */
const IRREGULAR = new RegExp(
  `[${IRREGULAR_RANGES.map(([from, to]) => (from === to ? unicodeEscape(from) : `${unicodeEscape(from)}-${unicodeEscape(to)}`)).join('')}]`,
);

const NAMES: Record<number, string> = {
  11: 'line tabulation',
  12: 'form feed',
  133: 'next line',
  160: 'no-break space',
  5760: 'ogham space mark',
  8203: 'zero-width space',
  8232: 'line separator',
  8233: 'paragraph separator',
  8239: 'narrow no-break space',
  8287: 'medium mathematical space',
  12288: 'ideographic space',
  65279: 'zero-width no-break space',
};

function irregularName(code: number): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return `\`${hex}\` (${NAMES[code] ?? 'a Unicode space'})`;
}

export interface IrregularWhitespace {
  /** Every run of irregular spaces, in text order. */
  runs: Span[];
}

/**
 * The irregular spaces of a JSON text outside strings and comments, or undefined when there are none. Cheap when
 * there are none: one regular-expression test (this runs only on text the strict fast path refused).
 */
export function jsonIrregularWhitespace(text: string): IrregularWhitespace | undefined {
  if (!IRREGULAR.test(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)) return undefined;
  const runs: Span[] = [];
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) i = skipString(text, i);
    else if (ch === 47 /* / */ && text.charCodeAt(i + 1) === 47) i = skipLineComment(text, i);
    else if (ch === 47 && text.charCodeAt(i + 1) === 42 /* * */) i = skipBlockComment(text, i);
    else if (isIrregular(ch)) {
      const start = i;
      while (i + 1 < text.length && isIrregular(text.charCodeAt(i + 1))) i++;
      runs.push({ start, end: i + 1 });
    }
  }
  return runs.length ? { runs } : undefined;
}

/**
 * The YAML characters most often pasted as indentation: the no-break space and the ideographic space (typed by
 * East Asian input methods). Looked for with `includes`, which costs little on a large file; a full character
 * class over every compose file opened would cost more than the rest of the check of a small one.
 */
const YAML_SUSPECTS = [0xa0, 0x3000];
const YAML_SUSPECT_CHARS = YAML_SUSPECTS.map((code) => String.fromCharCode(code));

/**
 * The irregular spaces that indent lines of a YAML text, or undefined when there are none: the lines whose
 * indentation (spaces may be mixed in) holds them and whose content then starts like a key (`name:`) or a list
 * item (`- `). One pass over the text, each line once (a regular expression here backtracked quadratically on a
 * long run of them).
 */
export function yamlIrregularIndentation(text: string): IrregularWhitespace | undefined {
  if (!YAML_SUSPECT_CHARS.some((c) => text.includes(c))) return undefined;
  const runs: Span[] = [];
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    let i = lineStart;
    let irregular = false;
    for (; i < lineEnd; i++) {
      const ch = text.charCodeAt(i);
      if (YAML_SUSPECTS.includes(ch)) irregular = true;
      else if (ch !== 0x20) break;
    }
    if (irregular && i < lineEnd && startsKeyOrItem(text, i, lineEnd)) {
      for (let j = lineStart; j < i; j++) {
        if (text.charCodeAt(j) === 0x20) continue;
        const start = j;
        while (j + 1 < i && text.charCodeAt(j + 1) !== 0x20) j++;
        runs.push({ start, end: j + 1 });
      }
    }
    lineStart = lineEnd + 1;
  }
  return runs.length ? { runs } : undefined;
}

/** `- ` (or `-` before a no-break space), or a plain key: no quote or comment first, a `:` then a space or the end. */
function startsKeyOrItem(text: string, at: number, lineEnd: number): boolean {
  const first = text[at];
  if (first === '-') return at + 1 < lineEnd && (text[at + 1] === ' ' || text[at + 1] === '\u00a0');
  if (first === '#' || first === "'" || first === '"' || /\s/.test(first)) return false;
  for (let i = at; i < lineEnd; i++) {
    const ch = text[i];
    if (ch === '#') return false;
    if (ch === ':') return i + 1 >= lineEnd || /[ \u00a0\t\r]/.test(text[i + 1]);
  }
  return false;
}

function isIrregular(ch: number): boolean {
  for (const [from, to] of IRREGULAR_RANGES) if (ch >= from && ch <= to) return true;
  return false;
}

/** The one finding for a document's irregular spaces: where the first is, how many there are, and the fix. */
export function irregularWhitespaceError(text: string, found: IrregularWhitespace, language: 'json' | 'yaml', offset = 0): ParseError {
  const [first] = found.runs;
  const name = irregularName(text.charCodeAt(first.start - offset));
  // JSON counts places; YAML counts lines, as a line may mix them with spaces (two runs, one line).
  const lineOf = (start: number) => text.lastIndexOf('\n', start - offset);
  const others = language === 'json' ? found.runs.length - 1 : new Set(found.runs.map((r) => lineOf(r.start))).size - 1;
  const plural = found.runs.length > 1 || first.end - first.start > 1;
  const message =
    language === 'json'
      ? `${name} is not whitespace in JSON${others ? `, here and in ${others} more place${others === 1 ? '' : 's'}` : ''}: JSON allows only spaces, tabs and line breaks between values, and strict parsers (Go's encoding/json in the Windows CNI plugins) refuse the file. Replace ${plural ? 'them' : 'it'} with spaces.`
      : `Indentation with ${name}${others ? `, here and on ${others} more line${others === 1 ? '' : 's'}` : ''}: YAML indents with spaces only, so this line is read as a key at column 0 whose name starts with the invisible character, or the file fails at a later line. Replace ${plural ? 'them' : 'it'} with spaces.`;
  return {
    message,
    offset: first.start,
    end: first.end,
    fix: { title: 'Replace the irregular spaces with spaces', edits: found.runs.map((span) => ({ span, newText: ' '.repeat(span.end - span.start) })) },
  };
}
