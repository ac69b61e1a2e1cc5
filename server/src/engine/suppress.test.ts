/**
 * Suppression comments: `# winnet-disable-next-line <rule>[, <rule>]` (all rules when none is named) for the
 * next line, `# winnet-disable-file <rule>[, <rule>]` for the whole file; `//` in JSON with comments; a
 * ` -- reason` after the names is not a name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { LineIndex } from '../documents/text';
import { checkDocument } from './check';
import { readSuppressions } from './suppress';

const WIN = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n';

interface SuppressCase {
  name: string;
  text: string;
  /** [rule, line] pairs and whether each is suppressed. */
  expect: [rule: string, line: number, suppressed: boolean][];
}

const cases: SuppressCase[] = [
  {
    name: 'next line, one rule',
    text: 'a: 1\n# winnet-disable-next-line port-host-ip\nb: 2\n',
    expect: [
      ['port-host-ip', 2, true],
      ['port-range', 2, false],
      ['port-host-ip', 1, false],
      ['port-host-ip', 3, false],
    ],
  },
  {
    name: 'next line, two rules with a comma',
    text: '# winnet-disable-next-line dns-opt, extra-hosts\nx: 1\n',
    expect: [
      ['dns-opt', 1, true],
      ['extra-hosts', 1, true],
      ['links', 1, false],
    ],
  },
  {
    name: 'next line, rules separated by spaces only',
    text: '# winnet-disable-next-line dns-opt extra-hosts\nx: 1\n',
    expect: [
      ['dns-opt', 1, true],
      ['extra-hosts', 1, true],
    ],
  },
  {
    name: 'next line, no rule: every rule',
    text: '# winnet-disable-next-line\nx: 1\n',
    expect: [
      ['dns-opt', 1, true],
      ['syntax', 1, true],
      ['dns-opt', 2, false],
    ],
  },
  {
    name: 'a directive at the end of a content line applies to the line after it',
    text: 'ports: # winnet-disable-next-line port-host-ip\n  - "127.0.0.1:80:80"\n',
    expect: [
      ['port-host-ip', 1, true],
      ['port-host-ip', 0, false],
    ],
  },
  {
    name: 'only the very next line, not the one after',
    text: '# winnet-disable-next-line dns-opt\nx: 1\ny: 2\n',
    expect: [
      ['dns-opt', 1, true],
      ['dns-opt', 2, false],
    ],
  },
  {
    name: 'file, one rule: every line',
    text: 'a: 1\nb: 2\n# winnet-disable-file links\n',
    expect: [
      ['links', 0, true],
      ['links', 5, true],
      ['dns-opt', 0, false],
    ],
  },
  {
    name: 'file, no rule: everything',
    text: '# winnet-disable-file\n',
    expect: [
      ['links', 0, true],
      ['syntax', 9, true],
    ],
  },
  {
    name: '` -- reason` is not a rule name',
    text: '# winnet-disable-next-line links -- legacy app, kept on purpose\nx: 1\n',
    expect: [
      ['links', 1, true],
      ['legacy', 1, false],
      ['app', 1, false],
      ['dns-opt', 1, false],
    ],
  },
  { name: 'a reason alone: every rule', text: '# winnet-disable-next-line -- reviewed\nx: 1\n', expect: [['links', 1, true]] },
  {
    name: 'CRLF lines',
    text: 'a: 1\r\n# winnet-disable-next-line dns-opt\r\nb: 2\r\n',
    expect: [
      ['dns-opt', 2, true],
      ['dns-opt', 1, false],
    ],
  },
  { name: 'lone CR lines', text: 'a: 1\r# winnet-disable-next-line dns-opt\rb: 2\r', expect: [['dns-opt', 2, true]] },
  {
    name: '`//` comments in JSON',
    text: '{\n  // winnet-disable-next-line hns-type\n  "Type": "x"\n}\n',
    expect: [
      ['hns-type', 2, true],
      ['hns-type', 1, false],
    ],
  },
  {
    name: 'no directive, nothing suppressed',
    text: 'a: 1 # winnet is great\n',
    expect: [
      ['dns-opt', 0, false],
      ['dns-opt', 1, false],
    ],
  },
];

describe('suppression comments', () => {
  for (const c of cases) {
    it(c.name, () => {
      const s = readSuppressions(c.text, new LineIndex(c.text));
      assert.deepEqual(
        c.expect.map(([rule, line]) => [rule, line, s.isSuppressed(rule, line)]),
        c.expect,
      );
    });
  }

  it('in a check: the suppressed finding is dropped and the others stay', () => {
    const text = `${WIN}    # winnet-disable-next-line port-host-ip\n    ports: ["127.0.0.1:80:80", "8000-8010:80"]\n    dns_opt: [ndots:2]\n`;
    const rules = checkDocument(parseDocument('compose.yaml', text)).findings.map((f) => f.rule);
    assert.deepEqual(rules, ['nat-network-per-project', 'port-range', 'dns-opt']);
  });

  it('a multi-line finding is suppressed by the line it starts on', () => {
    const text = `${WIN}networks:\n  # winnet-disable-next-line enable-ipv6\n  app: {enable_ipv6: true,\n    driver: nat}\n`;
    assert.deepEqual(
      checkDocument(parseDocument('compose.yaml', text)).findings.map((f) => f.rule),
      [],
    );
  });

  it('file-level in a check, and `suppress: false` ignores the comments', () => {
    const text = `# winnet-disable-file dns-opt, links\n${WIN}    dns_opt: [ndots:2]\n    links: [db]\n    extra_hosts: ["a:1.2.3.4"]\n`;
    const doc = parseDocument('compose.yaml', text);
    assert.deepEqual(
      checkDocument(doc).findings.map((f) => f.rule),
      ['extra-hosts'],
    );
    assert.deepEqual(
      checkDocument(doc, { suppress: false }).findings.map((f) => f.rule),
      ['dns-opt', 'links', 'extra-hosts'],
    );
  });

  it('syntax findings can be suppressed too, on the line the parser stopped at', () => {
    const broken = 'services:\n  web: [1, 2\n  x: 3\n';
    const [finding] = checkDocument(parseDocument('compose.yaml', broken)).findings;
    assert.equal(finding.rule, 'syntax');
    assert.equal(finding.range.start.line, 2);
    const nextLine = 'services:\n  web: [1, 2\n  # winnet-disable-next-line syntax\n  x: 3\n';
    assert.deepEqual(checkDocument(parseDocument('compose.yaml', nextLine)).findings, []);
    assert.deepEqual(checkDocument(parseDocument('compose.yaml', `# winnet-disable-file syntax\n${broken}`)).findings, []);
  });
});
