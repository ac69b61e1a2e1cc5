/** The rules listed by the rules' index page of the docs (`docs/rules/README.md`, written by `npm run docs`). */

export interface RuleEntry {
  id: string;
  severity: string;
  title: string;
}

/** The rows of the index's table: `| [id](id.md) | severity | fix | what it reports |`. */
export function parseRuleIndex(markdown: string): RuleEntry[] {
  const rules: RuleEntry[] = [];
  for (const m of markdown.matchAll(/^\|\s*\[([a-z0-9-]+)\]\(\1\.md\)\s*\|\s*([^|]*?)\s*\|[^|]*\|\s*(.*?)\s*\|\s*$/gm))
    rules.push({ id: m[1], severity: m[2], title: m[3].replace(/`/g, '') });
  return rules;
}
