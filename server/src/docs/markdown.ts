/**
 * Markdown pieces the generated pages share: a cited source as a link (long, with its title, or short, for a
 * table cell), a table with its cells escaped, and the anchor GitHub gives a heading.
 */
import { SOURCES, sourceOf, type SourceRef } from '../knowledge/sources';

/** A source as a link with its title, shortened: `[[moby: Windows network driver (windowsshim)]](url)`. */
export function link(ref: SourceRef): string {
  const s = sourceOf(ref);
  return `[[${s.title.length > 40 ? `${s.title.slice(0, 37)}…` : s.title}]](${s.url})`;
}

/**
 * A source as a short link for a table cell: its key, which docs/knowledge/sources.md lists with its title
 * (`[MOBY-WIN](url)`), an issue or pull request as `owner/repo#123`, a commit as `owner/repo@abc123`, another
 * page as its repository or site and its last path segment (`compose-spec/compose-go: validate.go`).
 */
export function citation(ref: SourceRef): string {
  const { url, title } = sourceOf(ref);
  if (ref in SOURCES) return `[${ref}](${url})`;
  if (title !== url) return `[${title}](${url})`;
  const parsed = new URL(url);
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (parsed.hostname === 'github.com' && segments.length >= 2) {
    const repo = `${segments[0]}/${segments[1]}`;
    if (segments[2] === 'commit') return `[${repo}@${segments[3]}](${url})`;
    return `[${repo}${segments.length > 2 ? `: ${segments[segments.length - 1]}` : ''}](${url})`;
  }
  return `[${parsed.hostname}${segments.length ? `: ${segments[segments.length - 1]}` : ''}](${url})`;
}

export function citations(refs: readonly SourceRef[]): string {
  return refs.map(citation).join(', ');
}

/** A table: every cell has its `|` escaped and its line breaks flattened, so no cell can break a row. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const row = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')).join(' | ')} |`;
  return [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)];
}

/** The anchor GitHub gives a heading: `HNS v1 policies` → `hns-v1-policies`. */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Upper-case first letter, for a table's phrase used as a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
