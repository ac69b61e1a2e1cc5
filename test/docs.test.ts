import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from '../server/src/documents/document';
import { generatedDocs } from '../server/src/docs/generate';
import { readSuppressions } from '../server/src/engine/suppress';
import { ALL_RULE_META } from '../server/src/rules/registry';

const root = join(__dirname, '..');

describe('rule docs', () => {
  it('are generated from the metadata and committed up to date (run `npm run docs`)', () => {
    for (const [path, content] of generatedDocs()) {
      assert.ok(existsSync(join(root, path)), `${path} is missing`);
      assert.equal(readFileSync(join(root, path), 'utf8'), content, `${path} is out of date`);
    }
  });

  it('have a page for every rule and no page for a rule that is gone', () => {
    const pages = readdirSync(join(root, 'docs/rules'))
      .filter((f) => f !== 'README.md')
      .map((f) => f.replace(/\.md$/, ''))
      .sort();
    assert.deepEqual(pages, ALL_RULE_META.map((m) => m.id).sort());
  });

  it('every rule cites at least one source and says what to do', () => {
    for (const meta of ALL_RULE_META) {
      assert.ok(meta.sources.length > 0, `${meta.id} cites no source`);
      assert.ok(meta.remedy.length > 10, `${meta.id} has no remedy`);
      assert.match(meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('rule ids are unique', () => {
    const ids = ALL_RULE_META.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  describe('how to silence a rule', () => {
    const page = (id: string) => generatedDocs().get(`docs/rules/${id}.md`)!;
    /** The directives a page tells users to write: `<marker> winnet-disable-<scope> <id>`. */
    const directives = (id: string) => [...page(id).matchAll(/`((#|\/\/) winnet-disable-(next-line|file) [a-z0-9-]+)`/g)].map((m) => m[1]);
    const isJson = (kind: string) => kind !== 'compose' && kind !== 'dotenv';

    it('a rule that checks only compose files (YAML) shows `#` directives', () => {
      assert.deepEqual(directives('dns-opt'), ['# winnet-disable-next-line dns-opt', '# winnet-disable-file dns-opt']);
    });

    it('a rule that checks only HNS, HCN or CNI documents (JSON) shows `//` directives, never `#`', () => {
      assert.deepEqual(directives('hns-cidr'), ['// winnet-disable-next-line hns-cidr', '// winnet-disable-file hns-cidr']);
      assert.match(page('hns-cidr'), /`\/\/` or `\/\* \*\/` in JSON\), not inside a string value/);
    });

    it('a rule that checks YAML and JSON documents shows both forms', () => {
      assert.deepEqual(directives('syntax'), [
        '# winnet-disable-next-line syntax',
        '// winnet-disable-next-line syntax',
        '# winnet-disable-file syntax',
        '// winnet-disable-file syntax',
      ]);
      assert.match(page('syntax'), /`#` in YAML, `\/\/` or `\/\* \*\/` in JSON/);
    });

    it('every page shows exactly the comment forms of the documents its rule checks', () => {
      for (const meta of ALL_RULE_META) {
        const markers = new Set(directives(meta.id).map((d) => d.split(' ')[0]));
        const expected = new Set([...(meta.kinds.some((k) => !isJson(k)) ? ['#'] : []), ...(meta.kinds.some(isJson) ? ['//'] : [])]);
        assert.deepEqual(markers, expected, meta.id);
        assert.ok(
          directives(meta.id).every((d) => d.endsWith(` ${meta.id}`)),
          meta.id,
        );
      }
    });

    it('every directive a page shows silences its rule in a document of that comment syntax', () => {
      for (const meta of ALL_RULE_META) {
        for (const directive of directives(meta.id)) {
          const json = directive.startsWith('//');
          const text = json ? `{\n  ${directive}\n  "Name": "x"\n}\n` : `${directive}\nname: x\n`;
          const doc = parseDocument(json ? 'hns.json' : 'compose.yaml', text);
          const suppressions = readSuppressions(text, doc.lines, doc);
          const line = json ? 2 : 1;
          assert.ok(suppressions.isSuppressed(meta.id, line), `${meta.id}: ${directive}`);
          assert.equal(suppressions.isSuppressed('some-other-rule', line), false, `${meta.id}: ${directive}`);
        }
      }
    });
  });
});
