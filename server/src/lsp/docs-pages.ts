/**
 * Where a page of winnet's docs is on disk (the copy that ships beside the bundles: `<extension>/docs/`), as the
 * file URL a document link opens. An anchor (the start of a heading or table row) becomes a `#L<line>` fragment,
 * which VS Code opens at that line; editors that say nothing about such fragments get the page alone. Pages are
 * read once, when a link first needs a line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class DocsPages {
  private readonly lines = new Map<string, string[]>();

  constructor(
    private readonly root: string,
    /** The client opens `#L<line>` fragments of file URLs at that line (winnet's VS Code client says so). */
    private readonly lineFragments: boolean,
  ) {}

  url(page: string, anchor?: string): string {
    const href = pathToFileURL(join(this.root, ...page.split('/'))).href;
    if (!anchor || !this.lineFragments) return href;
    const line = this.linesOf(page).findIndex((l) => l.startsWith(anchor));
    return line < 0 ? href : `${href}#L${line + 1}`;
  }

  private linesOf(page: string): string[] {
    let lines = this.lines.get(page);
    if (!lines) {
      try {
        lines = readFileSync(join(this.root, ...page.split('/')), 'utf8').split(/\r?\n/);
      } catch {
        lines = [];
      }
      this.lines.set(page, lines);
    }
    return lines;
  }
}
