/**
 * The `winnet/explain` request, `{text}` → `{markdown, matches}`: what an error pasted into the editor means (the
 * language service's explanation), or, when the text is a rule id, that rule's page. The VS Code command
 * "winnet: Explain a Docker or HNS error" shows the markdown; any LSP client can send the request.
 */
import { renderRuleDoc } from '../docs/rule-doc';
import { ruleMeta } from '../rules/registry';
import { explainError, explainMarkdown, type ExplainMatch } from '../service/explain';

export interface ExplainAnswer {
  markdown: string;
  /** The likely causes, best first (none for a rule id, or when nothing matches). */
  matches: ExplainMatch[];
  /** The rule whose page `markdown` is, when the text was a rule id. */
  rule?: string;
}

export function explainRequest(params: unknown, docsBaseUrl: string): ExplainAnswer {
  const text = typeof (params as { text?: unknown } | null)?.text === 'string' ? (params as { text: string }).text : '';
  const meta = ruleMeta(text.trim());
  if (meta) return { markdown: renderRuleDoc(meta), matches: [], rule: meta.id };
  const result = explainError(text, { docsBaseUrl });
  return { markdown: explainMarkdown(result), matches: result.matches };
}
