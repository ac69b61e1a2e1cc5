/**
 * Suppression comments: `# winnet-disable-next-line <rule>[, <rule>]` silences those rules (all, when none is
 * named) on the next line; `# winnet-disable-file <rule>[, <rule>]` for the whole file. Text after ` -- ` is a
 * reason, not rule names. `//` works the same in JSON with comments.
 */
import type { LineIndex } from '../documents/text';

export interface Suppressions {
  isSuppressed(rule: string, line: number): boolean;
}

const DIRECTIVE = /(?:#|\/\/)\s*winnet-disable-(next-line|file)\b([^\n\r]*)/g;

export function readSuppressions(text: string, lines: LineIndex): Suppressions {
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  if (!text.includes('winnet-disable')) return { isSuppressed: () => false };
  for (const match of text.matchAll(DIRECTIVE)) {
    // `-- reason` after the rule names is a comment, as in ESLint directives.
    const rules = match[2]
      .split(/\s--(?:\s|$)|^--(?:\s|$)/)[0]
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter((r) => /^[a-z0-9-]+$/.test(r));
    const names = rules.length ? rules : ['*'];
    if (match[1] === 'file') names.forEach((r) => file.add(r));
    else {
      const line = lines.positionAt(match.index!).line + 1;
      const set = byLine.get(line) ?? new Set<string>();
      names.forEach((r) => set.add(r));
      byLine.set(line, set);
    }
  }
  return {
    isSuppressed(rule, line) {
      if (file.has('*') || file.has(rule)) return true;
      const set = byLine.get(line);
      return !!set && (set.has('*') || set.has(rule));
    },
  };
}
