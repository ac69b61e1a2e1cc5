/**
 * Validating a compose file service by service (validateParts) finds exactly what validating it whole finds,
 * on the examples, the real-world corpus and files written to fail in every way a service can; and a service's
 * cached problems are placed where the service is now after an edit moved it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument, type ParsedDocument } from '../documents/document';
import { reparseIncrementally } from '../documents/incremental';
import { validateCompose, validateService } from '../generated/compose-validators';
import composeSchema from '../generated/compose.schema.json';
import { isInterpolated } from '../compose/interpolation';
import { serviceParts } from '../rules/compose-schema';
import { validateParts, validateTree, type PartProblems, type PlacedProblem } from './validate';
import type { Node } from '../documents/tree';

const input = (doc: ParsedDocument) => ({
  root: doc.root,
  text: doc.text,
  language: doc.language,
  validator: validateCompose,
  schema: composeSchema as Record<string, unknown>,
  deferred: isInterpolated,
});

const shown = (problems: readonly PlacedProblem[]) => problems.map((p) => `${p.span.start}-${p.span.end} ${p.pointer} ${p.message}`).sort();

function bothWays(text: string, path = '/w/compose.yaml'): { whole: string[]; parts: string[] | undefined } {
  const doc = parseDocument(path, text);
  const whole = validateTree(input(doc));
  const parts = serviceParts(doc.root, validateService, doc.language);
  const split = parts && validateParts({ ...input(doc), parts, cache: new WeakMap() });
  assert.ok(whole.ok);
  if (split) assert.ok(split.ok);
  return { whole: shown(whole.problems), parts: split?.ok ? shown(split.problems) : undefined };
}

const FAILING: [string, string][] = [
  ['an unknown key in a service', 'services:\n  web:\n    image: a\n    imagee: b\n'],
  ['a wrong type in a service', 'services:\n  web:\n    image: a\n    healthcheck:\n      interval: 30\n'],
  ['a service that is a number', 'services:\n  web: 5\n  db:\n    image: b\n'],
  ['a service with no value', 'services:\n  web:\n  db:\n    image: b\n'],
  ['a service that is a list', 'services:\n  web: [a, b]\n'],
  ['a service name the schema refuses', 'services:\n  "my web":\n    image: a\n'],
  ['a long-syntax port with a bad field', 'services:\n  web:\n    image: a\n    ports:\n      - target: 80\n        published: [1]\n        moed: host\n'],
  ['interpolated values are left to compose', 'services:\n  web:\n    image: a\n    cpus: ${CPUS}\n    ports:\n      - ${PORT}:80\n'],
  ['a service written by an alias', 'x-base: &base\n  image: a\n  imagee: b\nservices:\n  web: *base\n  db: *base\n'],
  ['a service merging an anchor', 'x-base: &base\n  restart: [1]\nservices:\n  web:\n    <<: *base\n    image: a\n'],
  [
    'a top-level and a network error beside service errors',
    'versions: 3\nservices:\n  web:\n    image: 1\n    networks: [front]\nnetworks:\n  front:\n    driver: nat\n    ipam:\n      config:\n        - subnett: 10.0.0.0/24\n',
  ],
  ['services that is not a mapping', 'services: [web]\n'],
  ['a reset service', 'services:\n  web: !reset null\n  db:\n    image: b\n    imagee: c\n'],
];

describe('service by service equals whole', () => {
  for (const [title, text] of FAILING) {
    it(title, () => {
      const { whole, parts } = bothWays(text);
      if (parts) assert.deepEqual(parts, whole);
      // Every table case but the unsplittable ones has problems to compare.
      if (!/not a mapping|interpolated/.test(title)) assert.ok(whole.length > 0, 'the case fails validation');
    });
  }

  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (/\.ya?ml$/.test(e.name)) files.push(join(dir, e.name));
    }
  };
  walk(join(__dirname, '../../../examples'));
  walk(join(__dirname, '../../../../shared/corpus/real-world/compose-windows'));
  walk(join(__dirname, '../../../../shared/corpus/real-world/compose-linux'));

  it(`on the examples and the real-world corpus (${files.length} files)`, () => {
    let split = 0;
    for (const file of files) {
      const { whole, parts } = bothWays(readFileSync(file, 'utf8'), file);
      if (!parts) continue;
      split++;
      assert.deepEqual(parts, whole, file);
    }
    assert.ok(split > files.length / 2, `${split} of ${files.length} files split into services`);
  });
});

describe('cached service problems', () => {
  it('are placed where the service is after an edit before it, and an edited service is validated again', () => {
    const text = 'services:\n  web:\n    image: a\n    imagee: b\n  db:\n    image: c\n    cpus: [1]\n';
    const cache = new WeakMap<Node, PartProblems>();
    const check = (doc: ParsedDocument) => {
      const result = validateParts({ ...input(doc), parts: serviceParts(doc.root, validateService, doc.language)!, cache });
      assert.ok(result.ok);
      return shown(result.problems);
    };
    const first = parseDocument('/w/compose.yaml', text);
    assert.ok(check(first).some((p) => p.includes('/services/db/cpus')));
    // Lengthen the first service's image: db's nodes move by three characters and keep their cached problems.
    const moved = text.replace('image: a', 'image: abcd');
    const incremental = reparseIncrementally(first, moved);
    assert.ok(incremental, 'the edit is re-parsed incrementally');
    assert.deepEqual(check(incremental), bothWays(moved).whole);
    // Fix db's cpus: only db is new, and its problem is gone.
    const fixed = moved.replace('cpus: [1]', 'cpus: 2');
    const again = reparseIncrementally(incremental, fixed);
    assert.ok(again);
    assert.deepEqual(check(again), bothWays(fixed).whole);
    assert.ok(!check(again).some((p) => p.includes('/services/db')));
  });

  it('count toward the alias budget: many services sharing a large anchor are not validated past it', () => {
    const big = Array.from({ length: 30 }, (_, i) => `  k${i}: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]`).join('\n');
    const services = Array.from({ length: 20 }, (_, i) => `  s${i}:\n    labels: *big`).join('\n');
    const doc = parseDocument('/w/compose.yaml', `x-big: &big\n${big}\nservices:\n${services}\n`);
    const result = validateParts({ ...input(doc), parts: serviceParts(doc.root, validateService, doc.language)!, cache: new WeakMap(), budget: 3000 });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : '', /expand to more than 3,000 values/);
  });
});
