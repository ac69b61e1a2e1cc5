/**
 * docs/errors.md: every error text and symptom winnet knows, with the rule that catches it in the files or the
 * host cause behind it. Rendered from the rules' `errors`/`symptoms` and knowledge/error-causes.ts, the same data
 * `winnet explain` matches, so the page and the command cannot disagree.
 */
import { ERROR_CAUSES } from '../knowledge/error-causes';
import { ALL_RULE_META } from '../rules/registry';
import { anchor, citations, table } from './markdown';

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

export function renderErrorsDoc(): string {
  const rows: string[][] = [];
  for (const meta of ALL_RULE_META) {
    for (const text of meta.errors ?? []) rows.push([code(text), `[${meta.id}](rules/${meta.id}.md)`]);
    for (const text of meta.symptoms ?? []) rows.push([`_${text}_`, `[${meta.id}](rules/${meta.id}.md)`]);
  }
  for (const cause of ERROR_CAUSES) {
    for (const text of cause.texts) rows.push([code(text), `[${cause.title}](#${anchor(cause.title)})`]);
  }
  rows.sort((a, b) => a[0].replace(/[`_]/g, '').localeCompare(b[0].replace(/[`_]/g, '')));
  const out = [
    '# Errors and symptoms, and what causes them',
    '',
    'Generated (`npm run docs`) from the error texts the rules quote and from the host causes no file shows. `winnet explain "<the message>"` matches a pasted error against the same texts, loosely: names, ids, addresses and numbers may differ, and an HRESULT such as `(0x803b0006)` matches in any spelling. Symptoms (in italics) are what people notice when nothing prints an error.',
    '',
    ...table(['Error or symptom', 'Caught by, or caused by'], rows),
    '',
    '## Causes on the host',
    '',
    'These live on the Windows host, not in a file, so no rule can see them; the rules listed catch the related mistakes in the files.',
    '',
  ];
  for (const cause of ERROR_CAUSES) {
    out.push(`### ${cause.title}`, '', cause.cause, '', `**What to do:** ${cause.remedy}`, '');
    if (cause.rules?.length) out.push(`**Rules:** ${cause.rules.map((id) => `[${id}](rules/${id}.md)`).join(', ')}`, '');
    out.push(`**Sources:** ${citations(cause.sources)}`, '');
  }
  return out.join('\n');
}
