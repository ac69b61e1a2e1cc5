/**
 * Fix safety, on every example and every corpus file (and a fixed-seed sample of generated documents): each
 * fix of each finding, applied alone, gives a document that still parses, keeps every comment, keeps the line
 * ending style, and no longer has that finding; `--fix` (all preferred fixes, repeated until nothing changes)
 * keeps the same properties and applying it twice equals applying it once. Fixes that hit a recorded bug
 * (support/known-issues.ts) are set aside; their todo tests are in regressions.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { fixText } from '../../server/src/cli/run';
import { checkComposeSet } from '../../server/src/engine/check-set';
import { parseDocument } from '../../server/src/documents/document';
import { checkDocument, type CheckOptions } from '../../server/src/engine/check';
import { applyEdits } from '../../server/src/engine/fix';
import { createLanguageService } from '../../server/src/service/language-service';
import { allSamples, corpusSamples, exampleSamples, hasCorpus, REPO, type Sample } from './support/corpus';
import { commentsOf, fixProblems, missingComments } from './support/fixes';
import { composeDocument, type Generated } from './support/generators';
import { knownFixIssue } from './support/known-issues';
import { SEED } from './support/seed';

const TARGETS: CheckOptions['target'][] = ['auto', 'windows', 'linux'];

/** Problems of every fix of every finding of `sample`, under each target, known issues set aside. */
function everyFix(sample: Generated): { fixes: number; problems: string[] } {
  let fixes = 0;
  const problems: string[] = [];
  for (const target of TARGETS) {
    const options: CheckOptions = { target };
    const doc = parseDocument(sample.path, sample.text);
    const { findings } = checkDocument(doc, options);
    for (const finding of findings) {
      for (const fix of finding.fixes) {
        fixes++;
        if (knownFixIssue(doc, finding, fix)) continue;
        for (const p of fixProblems(doc, findings, finding, fix, options)) problems.push(`${sample.path} [${target}] ${finding.rule} '${fix.title}': ${p}`);
      }
    }
  }
  return { fixes, problems };
}

/** `--fix` over the whole text: parses, keeps comments, idempotent. */
function fixAllProblems(sample: Generated, target: CheckOptions['target']): string[] {
  const options: CheckOptions = { target };
  const doc = parseDocument(sample.path, sample.text);
  const before = checkDocument(doc, options);
  if (before.findings.some((f) => f.fixes.some((x) => knownFixIssue(doc, f, x)))) return [];
  const once = fixText(sample.path, sample.text, options);
  const twice = fixText(sample.path, once, options);
  const problems: string[] = [];
  const fixed = parseDocument(sample.path, once);
  if (!doc.errors.length && fixed.errors.length) problems.push(`--fix output does not parse: ${fixed.errors[0].message}`);
  const lost = missingComments(commentsOf(doc), commentsOf(fixed));
  if (lost.length) problems.push(`--fix lost comments: ${lost.join(' | ')}`);
  if (twice !== once) problems.push('--fix twice differs from --fix once');
  return problems.map((p) => `${sample.path} [${target}]: ${p}`);
}

function checkSamples(samples: Sample[]) {
  let fixes = 0;
  const problems: string[] = [];
  for (const sample of samples) {
    const r = everyFix(sample);
    fixes += r.fixes;
    problems.push(...r.problems);
    for (const target of TARGETS) problems.push(...fixAllProblems(sample, target));
  }
  return { fixes, problems };
}

describe('fix safety', () => {
  it('every fix on every example parses, keeps comments and removes its finding; --fix is idempotent', () => {
    const { fixes, problems } = checkSamples(exampleSamples());
    assert.ok(fixes > 20, `only ${fixes} fixes exercised`);
    assert.deepEqual(problems, []);
  });

  it('every fix on every corpus file parses, keeps comments and removes its finding; --fix is idempotent', { skip: !hasCorpus() && 'corpus absent' }, () => {
    const { fixes, problems } = checkSamples(corpusSamples());
    assert.ok(fixes > 20, `only ${fixes} fixes exercised`);
    assert.deepEqual(problems, []);
  });

  it('the editor\'s "fix all" action, applied until stable, matches --fix and keeps comments', () => {
    for (const sample of allSamples()) {
      const service = createLanguageService();
      let text = sample.text;
      for (let pass = 0; pass < 10; pass++) {
        const action = service.fixAll({ uri: `file://${sample.path}`, version: pass + 1, text });
        if (!action) break;
        const next = applyEdits(text, action.edits);
        if (next === text) break;
        text = next;
      }
      assert.equal(text, fixText(sample.path, sample.text, {}), sample.name);
      assert.deepEqual(missingComments(commentsOf(parseDocument(sample.path, sample.text)), commentsOf(parseDocument(sample.path, text))), [], sample.name);
    }
  });

  it('fixes in a compose file set stay in their own file and keep it parsing', () => {
    const dir = join(REPO, 'examples', 'multi-file');
    const paths = [join(dir, 'docker-compose.yml'), join(dir, 'docker-compose.override.yml')];
    const { set, results } = checkComposeSet(
      paths,
      {
        read: (p) => {
          try {
            return readFileSync(p, 'utf8');
          } catch {
            return undefined;
          }
        },
      },
      { target: 'windows' },
    );
    let fixes = 0;
    for (const [path, result] of results) {
      const member = set.members.find((m) => m.path === path)!;
      for (const f of result.findings) {
        for (const fix of f.fixes) {
          fixes++;
          for (const e of fix.edits) assert.ok(e.span.start >= 0 && e.span.end <= member.doc.text.length, `${path}: edit outside the file`);
          const after = parseDocument(path, applyEdits(member.doc.text, fix.edits));
          assert.deepEqual(after.errors, [], `${path} ${f.rule}`);
          assert.deepEqual(missingComments(commentsOf(member.doc), commentsOf(after)), []);
        }
      }
    }
    assert.ok(fixes > 0, 'the multi-file example has fixes');
  });

  it('every fix on generated compose documents is safe (fixed-seed sample)', () => {
    fc.assert(
      fc.property(composeDocument, (doc) => {
        assert.deepEqual(everyFix(doc).problems, []);
        assert.deepEqual(fixAllProblems(doc, 'windows'), []);
      }),
      { seed: SEED, numRuns: 150, includeErrorInReport: true },
    );
  });
});
