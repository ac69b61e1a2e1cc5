/**
 * Suppression comments: `# winnet-disable-next-line <rule>[, <rule>]` silences those rules (all, when none is
 * named) on the next line; `# winnet-disable-file <rule>[, <rule>]` for the whole file. Text after ` -- ` is a
 * reason, not rule names. In JSON with comments, `//` and `/* ... *\/` work the same.
 *
 * A directive counts only in a real comment (documents/comments.ts), so text inside a value (`command: "echo #
 * winnet-disable-file"`, a JSON string) silences nothing. The comments are found only when the text mentions
 * `winnet-disable`, and only once a finding asks.
 */
import { findComments, type CommentSyntax } from '../documents/comments';
import { languageOf } from '../documents/kind';
import type { LineIndex } from '../documents/text';

export interface Suppressions {
  isSuppressed(rule: string, line: number): boolean;
}

export type SuppressionSyntax = CommentSyntax;

interface Directive {
  /** Offset of the comment marker (`#`, `//`, `/*`). */
  offset: number;
  scope: 'next-line' | 'file';
  /** The rest of the comment after the directive name: rule names and an optional ` -- reason`. */
  rest: string;
}

/** A directive right at the start of a comment's text; group 1 the scope, group 2 the rest of the line. */
const AFTER_MARKER = /[ \t]*winnet-disable-(next-line|file)\b([^\n\r]*)/y;

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
      if (directive.scope === 'file') for (const r of names) file.add(r);
      else {
        const line = lines.positionAt(directive.offset).line + 1;
        const set = byLine.get(line) ?? new Set<string>();
        for (const r of names) set.add(r);
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

/** The directives in the comments of `text`: after each `#` of a YAML comment, each `//` of a JSON line comment, or `/*`. */
function directivesOf(text: string, syntax: CommentSyntax): Directive[] {
  const out: Directive[] = [];
  for (const c of findComments(text, syntax)) {
    if (!c.text.includes('winnet-disable')) continue;
    if (c.text.startsWith('/*')) {
      const d = directiveAfter(text, c.span.start, c.span.start + 2);
      // The rule names end where the comment does, when it closes on the directive's line.
      if (d) out.push({ ...d, rest: d.rest.split('*/')[0] });
      continue;
    }
    // A further marker in the comment may hold the directive (`# note # winnet-disable-...`).
    const marker = c.text.startsWith('//') ? '//' : '#';
    for (let at = 0; at !== -1; at = c.text.indexOf(marker, at + marker.length)) {
      const d = directiveAfter(text, c.span.start + at, c.span.start + at + marker.length);
      if (d) out.push(d);
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
