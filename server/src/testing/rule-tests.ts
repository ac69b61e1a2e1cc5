/**
 * The compose rule test harness: each rule's `rules/compose/<id>.test.ts` lists its cases and fixes and calls
 * describeRule(), which checks each case's findings in a compact form (`{rule, severity, range: 'L:C-L:C'}`,
 * 0-based) and the facts its message states, applies each fix and checks what a fix must keep, reruns every case
 * with CRLF and a BOM, proves a Windows rule silent on Linux, and proves the rule has a firing case, a near
 * miss, a message-facts case and, when fixable, a fix case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import type { Range } from '../documents/text';
import { findComments } from '../documents/comments';
import { parseYaml } from '../documents/yaml';
import { checkDocument, type CheckOptions, type Finding, type Fix } from '../engine/check';
import { applyEdits } from '../engine/fix';
import { COMPOSE_RULES } from '../rules/registry';
import type { Severity } from '../rules/types';

/**
 * Template tag for readable YAML fixtures: drops the first line break and the indentation common to all
 * non-blank lines, keeps a final line break. Tabs, CRLF and BOMs are written with explicit strings instead.
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ ]*$/, '\n')
    .split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** The first lines of a Windows compose file: one service on a Windows image (lines 0–2). */
export const WIN = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n';

const toCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/** A range after a BOM is added: positions on line 0 move one character right. */
function shiftLine0(range: string): string {
  return range.replace(/(^|-)0:(\d+)/g, (_, before: string, character: string) => `${before}0:${Number(character) + 1}`);
}

export function rangeText(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export interface Compact {
  rule: string;
  severity: Severity;
  range: string;
}

function compact(findings: readonly Finding[]): Compact[] {
  return findings.map((f) => ({ rule: f.rule, severity: f.severity, range: rangeText(f.range) }));
}

export function check(text: string, options: CheckOptions = {}, path = 'compose.yaml'): Finding[] {
  const doc = parseDocument(path, text);
  const result = checkDocument(doc, options);
  assert.deepEqual(result.ruleErrors, [], 'no rule throws');
  return result.findings;
}

export interface Expected extends Compact {
  /** Fragments the message must contain: the facts it has to state. */
  message?: (string | RegExp)[];
  /** Ranges the finding's related information must point at (the evidence note that the file is Windows aside). */
  related?: string[];
}

export interface RuleCase {
  name: string;
  /** The rule (or rules) under test: only their findings are compared. */
  rule: string | string[];
  yaml: string;
  options?: CheckOptions;
  path?: string;
  expect: Expected[];
}

export interface FixCase {
  name: string;
  rule: string;
  yaml: string;
  options?: CheckOptions;
  /** Which finding of the rule (default: the only one). */
  index?: number;
  /** A fragment of the fix's title (default: the preferred fix, else the only one). */
  fix?: string;
  /** Whether the chosen fix must be the preferred one (what `--fix` applies). */
  preferred?: boolean;
  /** The whole text after the fix. */
  expected: string;
}

const rulesOf = (c: { rule: string | string[] }): string[] => (Array.isArray(c.rule) ? c.rule : [c.rule]);

export function assertCase(c: RuleCase): void {
  const rules = rulesOf(c);
  const findings = check(c.yaml, c.options, c.path).filter((f) => rules.includes(f.rule));
  assert.deepEqual(
    compact(findings),
    c.expect.map(({ rule, severity, range }) => ({ rule, severity, range })),
  );
  c.expect.forEach((e, i) => {
    for (const fragment of e.message ?? []) {
      if (typeof fragment === 'string')
        assert.ok(findings[i].message.includes(fragment), `message of ${e.rule} should mention ${JSON.stringify(fragment)}: ${findings[i].message}`);
      else assert.match(findings[i].message, fragment);
    }
    assert.ok(findings[i].message.length > 20, 'a message says what happens');
    if (e.related) {
      const ranges = findings[i].related.flatMap((r) => (r.range ? [rangeText(r.range)] : []));
      for (const range of e.related) assert.ok(ranges.includes(range), `related information of ${e.rule} at ${range}: ${ranges.join(', ')}`);
    }
  });
}

/** Comments of a YAML text, located with its tree so a `#` inside a scalar is not taken for one. */
function yamlComments(text: string): string[] {
  return findComments(text, { language: 'yaml', root: parseYaml(text).root }).map((c) => c.text);
}

export interface Applied {
  finding: Finding;
  fix: Fix;
  text: string;
}

/** Applies one fix of one finding of `rule` and returns the new text. */
function applyFix(c: Pick<FixCase, 'rule' | 'yaml' | 'options' | 'index' | 'fix'>): Applied {
  const findings = check(c.yaml, c.options).filter((f) => f.rule === c.rule);
  if (c.index === undefined) assert.equal(findings.length, 1, `exactly one ${c.rule} finding`);
  const finding = findings[c.index ?? 0];
  assert.ok(finding, `a ${c.rule} finding to fix`);
  const fix =
    c.fix !== undefined
      ? finding.fixes.find((f) => f.title.includes(c.fix!))
      : (finding.fixes.find((f) => f.preferred) ?? (finding.fixes.length === 1 ? finding.fixes[0] : undefined));
  assert.ok(fix, `a fix for ${c.rule}: ${finding.fixes.map((f) => f.title).join(', ') || 'none offered'}`);
  return { finding, fix, text: applyEdits(c.yaml, fix.edits) };
}

/** What every fix must do: give the exact text, still parse, keep every comment, and remove its finding. */
function assertFix(c: FixCase): void {
  const { finding, fix, text } = applyFix(c);
  if (c.preferred !== undefined) assert.equal(fix.preferred, c.preferred, 'preferred');
  assert.equal(text, c.expected);
  assert.deepEqual(parseYaml(text).errors, [], 'the fixed text parses');
  const after = yamlComments(text);
  for (const comment of yamlComments(c.yaml)) assert.ok(after.includes(comment), `comment kept: ${comment}`);
  const before = check(c.yaml, c.options).filter((f) => f.rule === c.rule);
  const remaining = check(text, c.options).filter((f) => f.rule === c.rule);
  assert.equal(remaining.length, before.length - 1, 'the fixed finding is gone');
  assert.ok(!remaining.some((f) => f.message === finding.message && f.span.start === finding.span.start), 'not reported again');
}

/** Registers one rule's tests (see the header). */
export function describeRule(id: string, cases: RuleCase[], fixes: FixCase[]): void {
  const meta = COMPOSE_RULES.find((r) => r.meta.id === id)?.meta;
  assert.ok(meta, `${id} is a registered rule`);
  describe(id, () => {
    for (const c of cases) it(c.name, () => assertCase(c));
    for (const f of fixes) it(`fix: ${f.name}`, () => assertFix(f));
    // The same cases with CRLF line endings and a BOM: the same ranges (a BOM is one more character on line 0).
    it('every case with CRLF line endings and a BOM gives the same findings', () => {
      for (const c of cases.filter((c) => !/[\r\ufeff]/.test(c.yaml))) {
        assertCase({ ...c, name: `${c.name} (CRLF)`, yaml: toCrlf(c.yaml) });
        const bom = c.expect.map((e) => ({ ...e, range: shiftLine0(e.range) }));
        assertCase({ ...c, name: `${c.name} (BOM)`, yaml: `\ufeff${c.yaml}`, expect: bom });
      }
    });
    it('every fix keeps CRLF line endings', () => {
      for (const f of fixes.filter((f) => !/\r/.test(f.yaml)))
        assertFix({ ...f, name: `${f.name} (CRLF)`, yaml: toCrlf(f.yaml), expected: toCrlf(f.expected) });
    });
    if (meta.target === 'windows') {
      it('is silent when the target is Linux', () => {
        const firing = cases.filter((c) => c.expect.some((e) => e.rule === id));
        for (const c of firing) {
          const linux = check(c.yaml, { ...c.options, target: 'linux' }, c.path).filter((f) => f.rule === id);
          assert.deepEqual(compact(linux), [], c.name);
        }
      });
    }
    it('has a firing case, a near miss, a case checking its message, and a fix case when fixable', () => {
      assert.ok(
        cases.some((c) => c.expect.some((e) => e.rule === id)),
        'a case where it fires',
      );
      assert.ok(
        cases.some((c) => c.expect.some((e) => e.rule === id && (e.message?.length ?? 0) >= 2)),
        'a case checking the facts its message states',
      );
      assert.ok(
        cases.some((c) => rulesOf(c).includes(id) && !c.expect.some((e) => e.rule === id)),
        'a near miss',
      );
      assert.ok(
        cases.some((c) => c.expect.some((e) => e.rule === id && e.severity === meta.defaultSeverity)),
        'a case at its default severity',
      );
      if (meta.fixable)
        assert.ok(
          fixes.some((f) => f.rule === id),
          'fixable, so a fix case',
        );
      for (const c of cases) assert.ok(rulesOf(c).includes(id), `case "${c.name}" is about ${id}`);
      for (const f of fixes) assert.equal(f.rule, id, `fix "${f.name}" is ${id}'s`);
    });
  });
}
