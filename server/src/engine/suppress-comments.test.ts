/**
 * A suppression directive counts only in a comment: text inside a value (a quoted or block scalar in YAML, a
 * string in JSON) that happens to read `# winnet-disable-file` silences nothing. Files that do not parse are
 * judged by a lexer, files in a compose set by their own text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { checkComposeSet } from './check-set';
import { checkDocument } from './check';
import { readSuppressions } from './suppress';

const IMAGE = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';
/** A Windows compose file with one finding (`network-mode-bridge`) on line 5, after `extra` at line 4. */
const compose = (extra: string) => `services:\n  web:\n    image: ${IMAGE}\n${extra}\n    network_mode: bridge\n`;
const rules = (path: string, text: string) => checkDocument(parseDocument(path, text)).findings.map((f) => f.rule);

describe('suppression directives count only in comments', () => {
  describe('YAML', () => {
    const content: [string, string][] = [
      ['a double-quoted value', '    command: "echo # winnet-disable-file"'],
      ['a single-quoted value', "    command: 'it''s # winnet-disable-next-line'"],
      ['a double-quoted value over two lines', '    command: "echo\n      # winnet-disable-next-line"'],
      ['a literal block scalar', '    command: |\n      echo\n      # winnet-disable-next-line'],
      ['a folded block scalar with indicators', '    command: >-\n      # winnet-disable-file'],
      ['a plain value (no white space before #)', '    command: echo#winnet-disable-next-line'],
      ['a flow sequence item', '    command: ["sh", "-c", "true # winnet-disable-file"]'],
      ['a quoted key', '    labels:\n      "a # winnet-disable-next-line": x'],
    ];
    for (const [name, extra] of content) {
      it(`inside ${name}: nothing is silenced`, () => {
        assert.deepEqual(rules('compose.yaml', compose(extra)), ['network-mode-bridge']);
      });
    }

    const comments: [string, string][] = [
      ['a comment line', '    # winnet-disable-next-line network-mode-bridge'],
      ['a comment after a quoted value', '    command: "echo #" # winnet-disable-next-line'],
      ['a comment after a block scalar header', '    command: | # winnet-disable-file\n      echo'],
      ['a comment after a plain value', '    command: echo # winnet-disable-next-line -- reviewed'],
    ];
    for (const [name, extra] of comments) {
      it(`in ${name}: the finding is silenced`, () => {
        assert.deepEqual(rules('compose.yaml', compose(extra)), []);
      });
    }

    it('a comment after a block scalar ends it and counts', () => {
      assert.deepEqual(rules('compose.yaml', compose('    command: |\n      echo\n    # winnet-disable-next-line')), []);
    });
  });

  describe('YAML that does not parse (no tree: a lexer decides)', () => {
    const broken = 'services:\n  web: [1, 2\n  x: 3\n';
    it('a directive in a comment still silences the syntax finding', () => {
      assert.deepEqual(rules('compose.yaml', `# winnet-disable-file syntax\n${broken}`), []);
      assert.deepEqual(rules('compose.yaml', `services:\n  web: [1, 2 # winnet-disable-next-line\n  x: 3\n`), []);
    });
    for (const [name, value] of [
      ['a double-quoted value', 'a: "x # winnet-disable-file"'],
      ['a single-quoted value', "a: 'x # winnet-disable-file'"],
      ['a block scalar', 'a: |\n  # winnet-disable-file'],
      ['a block scalar under a sequence item', '- a: |\n    # winnet-disable-file'],
    ]) {
      it(`a directive inside ${name} does not silence the syntax finding`, () => {
        assert.deepEqual(rules('compose.yaml', `${value}\n${broken}`), ['syntax']);
      });
    }
  });

  describe('JSON', () => {
    const hns = (inner: string) => `{\n  "Name": "x",\n${inner}\n  "Type": "NAT", "Policies": [{"Type": "VLAN"\n}`;
    it('a directive in a `//` or `/* */` comment silences the syntax finding', () => {
      assert.ok(rules('hns.json', hns('')).includes('syntax'));
      assert.ok(!rules('hns.json', hns('  // winnet-disable-file syntax')).includes('syntax'));
      assert.ok(!rules('hns.json', hns('  /* winnet-disable-file syntax */')).includes('syntax'));
    });
    it('the rule names of a `/* */` directive end with the comment', () => {
      const s = readSuppressions('{ /* winnet-disable-file hns-type */ }', parseDocument('a.json', '{}').lines, { language: 'json', root: undefined });
      assert.deepEqual([s.isSuppressed('hns-type', 0), s.isSuppressed('syntax', 0)], [true, false]);
    });
    for (const [name, inner] of [
      ['a string', '  "Comment": "// winnet-disable-file",'],
      ['a string with an escaped quote', '  "Comment": "say \\" // winnet-disable-file",'],
      ['a string, after a #', '  "Comment": "# winnet-disable-file",'],
    ]) {
      it(`a directive inside ${name} silences nothing`, () => {
        assert.ok(rules('hns.json', hns(inner)).includes('syntax'));
      });
    }
    it('`#` starts no comment in JSON', () => {
      const text = hns('  # winnet-disable-file');
      assert.ok(rules('hns.json', text).includes('syntax'));
    });
  });

  describe('compose file sets', () => {
    const base = `services:\n  web:\n    image: ${IMAGE}\n`;
    const check = (override: string) => {
      const files = new Map([
        ['/p/compose.yaml', base],
        ['/p/compose.override.yaml', override],
      ]);
      const { results } = checkComposeSet(['/p/compose.yaml', '/p/compose.override.yaml'], { read: (p) => files.get(p) });
      return results.get('/p/compose.override.yaml')!.findings.map((f) => f.rule);
    };
    it('a directive in a string of the second file silences nothing', () => {
      assert.deepEqual(check('services:\n  web:\n    command: "echo # winnet-disable-file"\n    network_mode: bridge\n'), ['network-mode-bridge']);
    });
    it('a directive in a comment of the second file silences its finding', () => {
      assert.deepEqual(check('services:\n  web:\n    # winnet-disable-next-line\n    network_mode: bridge\n'), []);
    });
  });
});
