/**
 * The files in examples/ give exactly the findings in examples/expected-findings.json, with the default settings
 * (target and Windows version from the file). Any change in behaviour shows up here first; when it is meant,
 * `npm run test:golden` rewrites the file, and the diff is reviewed with the change (and the example's comments,
 * which say what each file demonstrates, kept true).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { EXAMPLES, readGolden, updating, writeGolden, type Golden } from '../testing/golden';
import { checkComposeSet } from './check-set';
import { checkDocument, type Finding } from './check';

const at = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.rule}`;

function exampleFiles(dir = EXAMPLES, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) exampleFiles(full, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(relative(EXAMPLES, full).split('\\').join('/'));
  }
  return out.sort();
}

/** The compose sets checked whole: each example folder with a base and its override. */
const SETS: Record<string, string[]> = { 'multi-file': ['multi-file/docker-compose.yml', 'multi-file/docker-compose.override.yml'] };

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

describe('examples', () => {
  const golden: Golden = updating ? { files: {}, sets: {} } : readGolden();
  after(() => updating && writeGolden(golden));

  it('every example file has its findings in the golden file', () => {
    if (!updating) assert.deepEqual(Object.keys(golden.files).sort(), exampleFiles());
  });
  for (const file of exampleFiles()) {
    it(`${file}`, () => {
      const doc = parseDocument(file, readFileSync(join(EXAMPLES, file), 'utf8'));
      assert.equal(doc.kind, 'compose');
      assert.deepEqual(doc.errors, []);
      const result = checkDocument(doc);
      assert.deepEqual(result.ruleErrors, []);
      const actual = { target: result.target!.target, findings: result.findings.map(at) };
      if (updating) golden.files[file] = actual;
      else assert.deepEqual(actual, golden.files[file]);
    });
  }
  for (const [name, files] of Object.entries(SETS)) {
    it(`${name}: the override and included files are checked as part of the project`, () => {
      const { results } = checkComposeSet(
        files.map((f) => join(EXAMPLES, f)),
        { read },
      );
      const actual = Object.fromEntries([...results].map(([path, r]) => [relative(EXAMPLES, path).split('\\').join('/'), r.findings.map(at)]));
      if (updating) golden.sets[name] = actual;
      else assert.deepEqual(actual, golden.sets[name]);
    });
  }
});
