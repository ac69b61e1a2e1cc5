/** `external-name-deprecated`: Deprecated `external: {name: ...}` form. Its cases, near misses and fixes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WIN, check, describeRule, type FixCase, type RuleCase } from '../../testing/rule-tests';

const JOIN_NAT = 'networks:\n  default:\n    name: nat\n    external: true\n';

const cases: RuleCase[] = [
  {
    name: '`external: {name: nat}` (block form): the `external` key',
    rule: 'external-name-deprecated',
    yaml: `${WIN}networks:\n  default:\n    external:\n      name: nat\n`,
    expect: [
      {
        rule: 'external-name-deprecated',
        severity: 'information',
        range: '5:4-5:12',
        message: ['`external: {name: nat}` is deprecated', '`name: nat`', '`external: true`'],
      },
    ],
  },
  {
    name: 'in a Linux file too (a compose-spec deprecation, not a Windows one)',
    rule: 'external-name-deprecated',
    yaml: 'services:\n  app:\n    image: nginx\nnetworks:\n  shared:\n    external: {name: proxy}\n',
    expect: [{ rule: 'external-name-deprecated', severity: 'information', range: '5:4-5:12', message: ['`name: proxy`'] }],
  },
  {
    name: 'near misses: the current form; `external: true` alone',
    rule: 'external-name-deprecated',
    yaml: `${WIN}${JOIN_NAT}  other:\n    external: true\n`,
    expect: [],
  },
];

const fixes: FixCase[] = [
  {
    name: 'rewrites the block form to `name:` + `external: true`',
    rule: 'external-name-deprecated',
    preferred: true,
    yaml: `${WIN}networks:\n  default:  # Microsoft's example\n    external:\n      name: nat\n`,
    expected: `${WIN}networks:\n  default:  # Microsoft's example\n    name: nat\n    external: true\n`,
  },
  {
    name: 'a comment after the name stays, at the end of the rewritten lines',
    rule: 'external-name-deprecated',
    yaml: `${WIN}networks:\n  default:\n    external:\n      name: nat # the built-in one\n`,
    expected: `${WIN}networks:\n  default:\n    name: nat\n    external: true # the built-in one\n`,
  },
  {
    name: 'in a flow mapping the two keys go on one line, with a comma',
    rule: 'external-name-deprecated',
    yaml: `${WIN}networks:\n  default: {external: {name: nat}}\n`,
    expected: `${WIN}networks:\n  default: {name: nat, external: true}\n`,
  },
  {
    name: 'in a flow mapping written over several lines too',
    rule: 'external-name-deprecated',
    yaml: `${WIN}networks:\n  default: {\n    external: {name: nat}\n  }\n`,
    expected: `${WIN}networks:\n  default: {\n    name: nat, external: true\n  }\n`,
  },
  {
    name: 'rewrites the flow form, keeping CRLF line endings',
    rule: 'external-name-deprecated',
    yaml: `${WIN}networks:\n  default:\n    external: {name: "nat"}\n`.replace(/\n/g, '\r\n'),
    expected: `${WIN}networks:\n  default:\n    name: "nat"\n    external: true\n`.replace(/\n/g, '\r\n'),
  },
];

describeRule('external-name-deprecated', cases, fixes);

describe('external-name-deprecated: more', () => {
  it('no rewrite of an `external` merged in from an anchor (other networks share that text)', () => {
    const text = `x-ext: &ext\n  external:\n    name: nat\n${WIN}networks:\n  default:\n    <<: *ext\n`;
    const [finding] = check(text).filter((f) => f.rule === 'external-name-deprecated');
    assert.equal(finding.range.start.line, 1);
    assert.deepEqual(finding.fixes, []);
  });
  it('no rewrite of an `external` that declares an anchor', () => {
    const text = `${WIN}networks:\n  default:\n    external: &ext\n      name: nat\nx-reuse:\n  <<: *ext\n`;
    const [finding] = check(text).filter((f) => f.rule === 'external-name-deprecated');
    assert.deepEqual(finding.fixes, []);
  });
  it('no rewrite when `external` holds more than the name, or a comment inside it', () => {
    const text = `${WIN}networks:\n  a:\n    external:\n      name: nat\n      x-note: 1\n  b:\n    external: # old form\n      name: nat\n`;
    const findings = check(text).filter((f) => f.rule === 'external-name-deprecated');
    assert.equal(findings.length, 2);
    assert.deepEqual(
      findings.flatMap((f) => f.fixes),
      [],
    );
  });
});
