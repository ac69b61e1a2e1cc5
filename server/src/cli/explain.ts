/**
 * `winnet explain`: the text to explain comes from the arguments, or from stdin (`-`, or no argument when stdin is
 * not a terminal); a rule id prints the rule's page. The answer is the language service's markdown as terminal
 * text, or the matches as JSON. Exit codes: 0 explained, 1 nothing known matched, 2 no text.
 */
import { renderRuleDoc } from '../docs/rule-doc';
import { sourceOf } from '../knowledge/sources';
import { ruleMeta } from '../rules/registry';
import { explainError, explainMarkdown } from '../service/explain';
import { markdownToText } from './format/markdown-text';

export interface ExplainIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input, when there is one to read. */
  stdin?: { isTTY: boolean; read: () => string };
  color: boolean;
  /** Columns to wrap at. */
  width: number;
}

export function runExplain(words: readonly string[], format: 'stylish' | 'json', io: ExplainIo, docsBaseUrl: string, version: string): number {
  const fromStdin = words.length === 0 || (words.length === 1 && words[0] === '-');
  let text: string;
  if (fromStdin) {
    if (!io.stdin || (words.length === 0 && io.stdin.isTTY)) {
      io.stderr('winnet explain: give the error text as an argument (in quotes), or pipe it in: docker compose up 2>&1 | winnet explain\n');
      return 2;
    }
    try {
      text = io.stdin.read();
    } catch (error) {
      io.stderr(`winnet explain: could not read stdin: ${(error as Error).message}\n`);
      return 2;
    }
  } else text = words.join(' ');
  if (!text.trim()) {
    io.stderr('winnet explain: the error text is empty\n');
    return 2;
  }

  const meta = ruleMeta(text.trim());
  if (meta) {
    if (format === 'json') {
      const { id, title, defaultSeverity, offByDefault, description, remedy, caveat, errors } = meta;
      const rule = {
        id,
        title,
        defaultSeverity,
        offByDefault,
        description,
        remedy,
        caveat,
        errors,
        sources: meta.sources.map(sourceOf),
        docsUrl: `${docsBaseUrl}${id}.md`,
      };
      io.stdout(`${JSON.stringify({ version, rule, matches: [] }, null, 2)}\n`);
    } else io.stdout(markdownToText(renderRuleDoc(meta), io));
    return 0;
  }

  const result = explainError(text, { docsBaseUrl });
  if (format === 'json') io.stdout(`${JSON.stringify({ version, matches: result.matches }, null, 2)}\n`);
  else io.stdout(markdownToText(explainMarkdown(result), io));
  return result.matches.length ? 0 : 1;
}

/** The width to wrap at: `$COLUMNS` when it is a number, else 100; never below 40 or above 120. */
export function textWidth(env: Record<string, string | undefined>): number {
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? Math.max(40, Math.min(120, columns)) : 100;
}
