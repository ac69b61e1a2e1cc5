/**
 * The knowledge reference (docs/knowledge/): every fact of the tables has its place on a page, every link of every
 * generated page leads somewhere, and the pages are well-formed markdown.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, it } from 'node:test';
import { HNS_ENUMS, HNS_FLAGS } from '../knowledge/hns-enums';
import { HNS_NETWORK_TYPES } from '../knowledge/hns-network-types';
import { V1_POLICIES } from '../knowledge/hns-v1-objects';
import { v2PoliciesAt } from '../knowledge/hns-v2-policies';
import { HNS_FEATURES } from '../knowledge/hns-versions';
import { SOURCES, type SourceKey } from '../knowledge/sources';
import { WINDOWS_VERSIONS } from '../knowledge/versions';
import { WINDOWS_RELEASES } from '../knowledge/windows-releases';
import { DRIVER_OPTIONS, LINUX_ONLY_OPTIONS, OVERLAY_READS } from '../knowledge/windowsshim';
import { ALL_RULE_META } from '../rules/registry';
import { generatedDocs } from './generate';
import { anchor } from './markdown';

const ROOT = join(__dirname, '../../..');
const docs = generatedDocs();
const page = (name: string) => {
  const content = docs.get(`docs/knowledge/${name}`);
  assert.ok(content, `docs/knowledge/${name} is not generated`);
  return content;
};
const KNOWLEDGE_PAGES = [...docs.keys()].filter((p) => p.startsWith('docs/knowledge/'));

/** The link targets of a page, as written: `[text](target)`. */
function links(content: string): string[] {
  return [...content.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

/** The anchors GitHub gives a page's headings. */
function anchors(content: string): Set<string> {
  return new Set([...content.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1])));
}

describe('knowledge pages', () => {
  it('are generated: an index, a page per table, and the sources', () => {
    assert.deepEqual(KNOWLEDGE_PAGES.sort(), [
      'docs/knowledge/README.md',
      'docs/knowledge/driver-options.md',
      'docs/knowledge/hns.md',
      'docs/knowledge/sources.md',
      'docs/knowledge/windows-versions.md',
    ]);
  });

  const facts: { what: string; page: string; items: string[] }[] = [
    { what: 'SOURCES key', page: 'sources.md', items: Object.keys(SOURCES).map((k) => `\`${k}\``) },
    { what: 'SOURCES url', page: 'sources.md', items: Object.values(SOURCES).map((s) => `](${s.url})`) },
    { what: 'DRIVER_OPTIONS key', page: 'driver-options.md', items: DRIVER_OPTIONS.map((o) => `\`${o.key}\``) },
    { what: 'LINUX_ONLY_OPTIONS label', page: 'driver-options.md', items: LINUX_ONLY_OPTIONS.map((o) => `\`${o.label}\``) },
    { what: 'OVERLAY_READS key', page: 'driver-options.md', items: OVERLAY_READS.map((k) => `- \`${k}\``) },
    { what: 'HNS network type', page: 'hns.md', items: Object.values(HNS_NETWORK_TYPES).map((t) => `### ${t.name}\n`) },
    { what: 'HNS_FEATURES id', page: 'hns.md', items: Object.keys(HNS_FEATURES).map((id) => `\`${id}\``) },
    { what: 'HNS_ENUMS id', page: 'hns.md', items: Object.keys(HNS_ENUMS).map((id) => `### \`${id}\``) },
    { what: 'HNS_FLAGS id', page: 'hns.md', items: Object.keys(HNS_FLAGS).map((id) => `### \`${id}\``) },
    {
      what: 'HNS_FLAGS bit',
      page: 'hns.md',
      items: Object.values(HNS_FLAGS).flatMap((f) => f.bits.map((b) => `| \`${b.name}\` | ${b.value ?? 'not published'} |`)),
    },
    { what: 'v1 policy type', page: 'hns.md', items: V1_POLICIES.map((p) => `| \`${p.type}\` |`) },
    {
      what: 'v2 policy type',
      page: 'hns.md',
      items: (['network', 'endpoint', 'subnet'] as const).flatMap((l) => v2PoliciesAt(l).map((p) => `| \`${p.type}\` |`)),
    },
    { what: 'WINDOWS_VERSIONS id', page: 'windows-versions.md', items: WINDOWS_VERSIONS.map((v) => `| \`${v.id}\``) },
    { what: 'WINDOWS_RELEASES name', page: 'windows-versions.md', items: WINDOWS_RELEASES.map((r) => `| ${r.name} | ${r.build} |`) },
    {
      what: 'WINDOWS_RELEASES tag',
      page: 'windows-versions.md',
      items: WINDOWS_RELEASES.flatMap((r) => r.tags.map((t) => `\`${t}\``)),
    },
    {
      what: 'page of the index',
      page: 'README.md',
      items: ['](../drivers.md)', '](../rules/README.md)', '](driver-options.md)', '](hns.md)', '](windows-versions.md)', '](sources.md)'],
    },
  ];
  for (const { what, page: name, items } of facts) {
    it(`${name} shows every ${what}`, () => {
      const content = page(name);
      assert.ok(items.length > 0, `no ${what} to look for`);
      assert.deepEqual(
        items.filter((item) => !content.includes(item)),
        [],
      );
    });
  }

  it('the index links every knowledge page', () => {
    const linked = new Set(links(page('README.md')).map((l) => posix.join('docs/knowledge', l)));
    assert.deepEqual(
      KNOWLEDGE_PAGES.filter((p) => p !== 'docs/knowledge/README.md' && !linked.has(p)),
      [],
    );
  });

  it("sources.md lists, in each source's row, exactly the rules that cite it", () => {
    const rows = new Map(
      page('sources.md')
        .split('\n')
        .flatMap((line) => (/^\| `([A-Z0-9-]+)` \|/.exec(line) ? [[/^\| `([A-Z0-9-]+)`/.exec(line)![1], line]] : [])),
    );
    for (const key of Object.keys(SOURCES) as SourceKey[]) {
      const row = rows.get(key);
      assert.ok(row, `no row for ${key}`);
      const rulesCell = row.split(' | ')[2];
      const listed = [...rulesCell.matchAll(/\(\.\.\/rules\/([a-z0-9-]+)\.md\)/g)].map((m) => m[1]);
      const citing = ALL_RULE_META.filter((m) => m.sources.includes(key))
        .map((m) => m.id)
        .sort();
      assert.deepEqual(listed, citing, key);
    }
  });

  it('every source in the table is cited by a rule or a knowledge page (no dead entries)', () => {
    const uncited = page('sources.md')
      .split('\n')
      .filter((l) => /^\| `[A-Z0-9-]+` \|/.test(l) && l.endsWith('| — | — |'))
      .map((l) => /`([A-Z0-9-]+)`/.exec(l)![1]);
    assert.deepEqual(uncited, []);
  });

  it('sources.md says which knowledge page links a source', () => {
    const row = page('sources.md')
      .split('\n')
      .find((l) => l.startsWith('| `HCNPROXYCTRL` |'));
    assert.match(row ?? '', /\[HNS and HCN\]\(hns\.md\)/);
  });

  it('hns.md says that the Windows → HNS version table is inferred', () => {
    assert.match(page('hns.md'), /\*\*the HNS versions below are inferred\*\*/);
  });

  it('show no internal placeholder: no "undefined", no "[object", no empty table cell', () => {
    for (const path of KNOWLEDGE_PAGES) {
      const content = docs.get(path)!;
      // `undefined` alone, not inside a name such as the rule `undefined-network`.
      assert.doesNotMatch(content, /(?<![\w-])(undefined|NaN)(?![\w-])|\[object /, path);
      assert.doesNotMatch(content, /\| +\|/, `${path} has an empty table cell`);
    }
  });
});

describe('every generated docs page', () => {
  for (const [path, content] of docs) {
    it(`${path}: relative links lead to a generated page or a file of the repository, anchors to a heading`, () => {
      const dir = posix.dirname(path);
      const broken: string[] = [];
      for (const target of links(content)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [file, hash] = target.split('#');
        const resolved = file ? posix.normalize(posix.join(dir, file)) : path;
        const generated = docs.get(resolved);
        if (!generated && !existsSync(join(ROOT, resolved))) broken.push(target);
        else if (hash && generated && !anchors(generated).has(hash)) broken.push(target);
      }
      assert.deepEqual(broken, []);
    });
  }

  it('end with exactly one newline, name no path outside the repository, and keep tables rectangular', () => {
    for (const [path, content] of docs) {
      assert.ok(content.endsWith('\n') && !content.endsWith('\n\n'), `${path} must end with a single newline`);
      assert.ok(!content.includes('shared/'), `${path} mentions shared/`);
      assert.ok(!content.includes('windows-networking.md'), `${path} mentions windows-networking.md`);
      const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
      const lines = content.split('\n');
      for (let i = 1; i < lines.length; i++) {
        if (!/^\|(---\|)+$/.test(lines[i])) continue;
        const width = cells(lines[i - 1]);
        for (let j = i; j < lines.length && lines[j].startsWith('|'); j++) assert.equal(cells(lines[j]), width, `${path}:${j + 1}`);
      }
    }
  });

  it('give each heading of a knowledge page its own anchor, so every link to one lands where it means', () => {
    for (const path of KNOWLEDGE_PAGES) {
      const headings = [...docs.get(path)!.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1]));
      assert.deepEqual(
        headings.filter((h, i) => headings.indexOf(h) !== i),
        [],
        path,
      );
    }
  });

  it('are the same every time they are generated', () => {
    assert.deepEqual([...generatedDocs()], [...docs]);
  });
});
