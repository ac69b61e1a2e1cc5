/**
 * Links from what a Windows compose file names to the page of winnet's docs that explains it, so the explanation
 * opens offline, from the copy of the docs the extension ships (`docs/`, written by `npm run docs`):
 *
 * - a Windows driver in a network's `driver:` value → its section of `docs/drivers.md`;
 * - a driver option (`com.docker.network.windowsshim.*` and the others the Windows driver reads) in `driver_opts`,
 *   of a network or of a service's network entry → its row of `docs/knowledge/driver-options.md`;
 * - a rule id in a `winnet-disable-next-line` / `winnet-disable-file` comment → `docs/rules/<id>.md`.
 *
 * Pure: a link names a page and the text its line starts with; the language server turns that into a file URL.
 */
import { buildComposeModel, driverOpts } from '../compose/model';
import { findComments } from '../documents/comments';
import type { ParsedDocument } from '../documents/document';
import type { Span } from '../documents/text';
import { asScalar, get, pairs, type ScalarNode } from '../documents/tree';
import { WINDOWS_DRIVERS, WINDOWS_ONLY_DRIVERS } from '../knowledge/drivers';
import { driverOption, WINDOWSSHIM_PREFIX } from '../knowledge/windowsshim';
import { ruleMeta } from '../rules/registry';

export interface DocumentLink {
  span: Span;
  /** The page, relative to the docs folder: `drivers.md`, `knowledge/driver-options.md`, `rules/<id>.md`. */
  page: string;
  /** The start of the line of the page to open at (a heading, a table row); absent, the top of the page. */
  anchor?: string;
  tooltip: string;
}

export const DRIVERS_PAGE = 'drivers.md';
export const DRIVER_OPTIONS_PAGE = 'knowledge/driver-options.md';

/** How docs/generate.ts heads a driver's section of docs/drivers.md, and writes an option's row of driver-options.md. */
export const driverHeading = (driver: string) => `### \`${driver}\``;
export const optionRow = (key: string) => `| \`${key}\` |`;

/**
 * `windows`: the document was last checked as a Windows file. Drivers that exist on Linux too (`overlay`, `null`)
 * are linked only then: a Linux file's `overlay` network has nothing to do with Windows' page.
 */
export function documentLinks(doc: ParsedDocument, options: { windows: boolean }): DocumentLink[] {
  if (doc.kind === 'none') return [];
  const links = doc.kind === 'compose' && doc.root ? composeLinks(doc, options.windows) : [];
  links.push(...directiveLinks(doc));
  return links.sort((a, b) => a.span.start - b.span.start);
}

function composeLinks(doc: ParsedDocument, windows: boolean): DocumentLink[] {
  const links: DocumentLink[] = [];
  const model = buildComposeModel(doc.root, doc.path);
  const option = (key: ScalarNode) => {
    if (typeof key.value !== 'string') return;
    const known = driverOption(key.value);
    if (!known && !key.value.startsWith(WINDOWSSHIM_PREFIX)) return;
    links.push({
      span: contentSpan(doc.text, key),
      page: DRIVER_OPTIONS_PAGE,
      anchor: known ? optionRow(known.key) : undefined,
      tooltip: known ? `What \`${known.key}\` does on Windows (winnet docs)` : 'The options the Windows network driver reads (winnet docs)',
    });
  };
  for (const network of model.networks) {
    const driver = asScalar(get(network.node, 'driver'));
    if (driver && typeof driver.value === 'string') {
      // `NAT` is refused for its spelling, but its page is the one for `nat` (the driver-name-case finding says why).
      const name = driver.value.toLowerCase();
      const windowsOnly = (WINDOWS_ONLY_DRIVERS as readonly string[]).includes(name);
      if (Object.hasOwn(WINDOWS_DRIVERS, name) && (windowsOnly || windows))
        links.push({
          span: contentSpan(doc.text, driver),
          page: DRIVERS_PAGE,
          anchor: driverHeading(name),
          tooltip: `What the \`${name}\` driver supports on each Windows version (winnet docs)`,
        });
    }
    for (const pair of driverOpts(network)) option(pair.key);
  }
  for (const service of model.services)
    for (const attachment of service.attachments) for (const pair of pairs(get(attachment.config, 'driver_opts'))) option(pair.key);
  return links;
}

/** A directive right after its comment marker, as engine/suppress.ts reads it. */
const DIRECTIVE = /(#|\/\/|\/\*)[ \t]*winnet-disable-(?:next-line|file)\b/g;
/** Where a directive's rule names end: at a ` -- reason`, the end of a block comment, or another directive. */
const NAMES_END = /(?:^|\s)--(?:\s|$)|\*\/|[#/]\s*winnet-disable-/;

function directiveLinks(doc: ParsedDocument): DocumentLink[] {
  if (!doc.text.includes('winnet-disable')) return [];
  const links: DocumentLink[] = [];
  for (const comment of findComments(doc.text, doc)) {
    if (!comment.text.includes('winnet-disable')) continue;
    for (const m of comment.text.matchAll(DIRECTIVE)) {
      const from = m.index + m[0].length;
      let rest = comment.text.slice(from);
      const end = rest.search(NAMES_END);
      if (end >= 0) rest = rest.slice(0, end);
      for (const name of rest.matchAll(/[^\s,]+/g)) {
        const meta = /^[a-z0-9-]+$/.test(name[0]) ? ruleMeta(name[0]) : undefined;
        if (!meta) continue;
        const start = comment.span.start + from + name.index;
        links.push({ span: { start, end: start + name[0].length }, page: `rules/${meta.id}.md`, tooltip: `Rule \`${meta.id}\`: ${meta.title} (winnet docs)` });
      }
    }
  }
  return links;
}

/** A scalar's text without its quotes: the link covers the name, as the editor underlines it. */
function contentSpan(text: string, node: ScalarNode): Span {
  const quoted = (node.style === 'single' || node.style === 'double') && node.end - node.start >= 2 && /['"]/.test(text[node.start]);
  return quoted ? { start: node.start + 1, end: node.end - 1 } : { start: node.start, end: node.end };
}
