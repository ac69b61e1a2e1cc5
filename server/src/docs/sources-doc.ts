/**
 * docs/knowledge/sources.md: every source of knowledge/sources.ts (SOURCES) with the rules that cite it (their
 * metadata, ALL_RULE_META), the generated knowledge pages that link it (found in the pages' text) and the HNS
 * object fields that cite it (hns-v1-objects.ts, hns-v2-objects.ts), then the issues and other pages cited by URL
 * instead of by key.
 */
import { posix } from 'node:path';
import type { ObjectSpec } from '../knowledge/hns-model';
import { V1_OBJECTS } from '../knowledge/hns-v1-objects';
import { V2_OBJECTS } from '../knowledge/hns-v2-objects';
import { SOURCES, type SourceKey, type SourceRef } from '../knowledge/sources';
import { ALL_RULE_META } from '../rules/registry';
import { citation, table } from './markdown';

const HERE = 'docs/knowledge';

/** The HNS object tables, which no page renders (the JSON schemas do): a field may cite its own source. */
const OBJECT_TABLES: { objects: Record<string, ObjectSpec>; label: string; schema: string }[] = [
  { objects: V1_OBJECTS, label: 'HNS v1', schema: '../../schemas/hns-v1.schema.json' },
  { objects: V2_OBJECTS, label: 'HCN v2', schema: '../../schemas/hcn-v2.schema.json' },
];

/** `pages`: the generated knowledge pages (path → content) whose citations to list. */
export function renderSourcesDoc(pages: ReadonlyMap<string, string>): string {
  const pageList = [...pages].map(([path, content]) => ({ path: posix.relative(HERE, path), title: title(content), content }));
  const keys = Object.keys(SOURCES) as SourceKey[];
  const rulesCiting = (ref: SourceRef) =>
    ALL_RULE_META.filter((m) => m.sources.includes(ref))
      .map((m) => m.id)
      .sort()
      .map((id) => `[${id}](../rules/${id}.md)`);
  const pagesCiting = (url: string) => pageList.filter((p) => p.content.includes(`](${url})`)).map((p) => `[${p.title}](${p.path})`);
  const fieldsCiting = (ref: SourceRef) =>
    OBJECT_TABLES.flatMap(({ objects, label, schema }) =>
      Object.values(objects).flatMap((o) =>
        Object.entries(o.fields)
          .filter(([, f]) => f.sources?.includes(ref))
          .map(([name]) => `${label} field \`${o.id}.${name}\` ([schema](${schema}))`),
      ),
    );

  const byUrl = new Set<string>([
    ...ALL_RULE_META.flatMap((m) => m.sources.filter((s) => s.startsWith('https://'))),
    ...pageList.flatMap((p) => [...p.content.matchAll(/\]\((https:\/\/[^)\s]+)\)/g)].map((m) => m[1])),
  ]);
  for (const key of keys) byUrl.delete(SOURCES[key].url);

  return [
    '# Sources',
    '',
    'Generated from `server/src/knowledge/sources.ts` and the rules that cite each source (`npm run docs`). Every fact in the knowledge tables cites one of these by its key, or an issue, a pull request or a page by its URL (below). Rule pages list their sources in full; the knowledge pages link sources by key.',
    '',
    ...table(
      ['Key', 'Source', 'Rules', 'Knowledge pages'],
      keys.map((key) => {
        const { title: name, url } = SOURCES[key];
        const pagesHere = [...pagesCiting(url), ...fieldsCiting(key)];
        return [`\`${key}\``, `[${name}](${url})`, rulesCiting(key).join(', ') || '—', pagesHere.join(', ') || '—'];
      }),
    ),
    '',
    '## Cited by URL',
    '',
    'Issues, pull requests and pages that facts cite directly.',
    '',
    ...table(
      ['Citation', 'Rules', 'Knowledge pages'],
      [...byUrl]
        .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))
        .map((url) => [
          citation(url as SourceRef),
          rulesCiting(url as SourceRef).join(', ') || '—',
          [...pagesCiting(url), ...fieldsCiting(url as SourceRef)].join(', ') || '—',
        ]),
    ),
    '',
  ].join('\n');
}

/** A page's title: its first heading. */
function title(content: string): string {
  return /^# (.+)$/m.exec(content)?.[1] ?? 'untitled';
}
