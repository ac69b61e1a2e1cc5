import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DocsPages } from './docs-pages';

describe('docs pages as link targets', () => {
  const root = mkdtempSync(join(tmpdir(), 'winnet-docs-'));
  mkdirSync(join(root, 'knowledge'));
  writeFileSync(join(root, 'drivers.md'), '# Drivers\r\n\r\n### `nat`\r\ntext\r\n### `ics` (undocumented)\r\n');
  const page = (name: string) => pathToFileURL(join(root, ...name.split('/'))).href;

  const cases: { name: string; fragments: boolean; page: string; anchor?: string; expect: string }[] = [
    { name: 'a heading, by the start of its line', fragments: true, page: 'drivers.md', anchor: '### `ics`', expect: `${page('drivers.md')}#L5` },
    { name: 'CRLF lines count as lines', fragments: true, page: 'drivers.md', anchor: '### `nat`', expect: `${page('drivers.md')}#L3` },
    { name: 'no anchor: the page', fragments: true, page: 'drivers.md', expect: page('drivers.md') },
    { name: 'an anchor the page lacks: the page', fragments: true, page: 'drivers.md', anchor: '### `null`', expect: page('drivers.md') },
    { name: 'a page that does not exist: its URL anyway', fragments: true, page: 'knowledge/x.md', anchor: '| x |', expect: page('knowledge/x.md') },
    { name: 'a client without line fragments: the page', fragments: false, page: 'drivers.md', anchor: '### `nat`', expect: page('drivers.md') },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(new DocsPages(root, c.fragments).url(c.page, c.anchor), c.expect);
    });
  }
});
