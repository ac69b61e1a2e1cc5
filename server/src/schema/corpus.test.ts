/**
 * compose-schema over the real-world compose corpus (shared/corpus/real-world/compose-windows and compose-linux),
 * read from where it lives: no rule error, no throw, and only the findings these files deserve. Skipped when
 * the corpus folder is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { checkDocument } from '../engine/check';
import { composeSchemaRule } from '../rules/compose-schema';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real-world');

const EXPECTED: Record<string, string[]> = {
  // Compose file format 1: services at the top level.
  'DeviaVir__zenbot__docker-compose-windows.yml': [
    '1:1 `server` is not allowed here: it looks like a service in the old compose file format 1, which compose no longer reads. Move it under `services:`.',
    '11:1 `mongodb` is not allowed here: it looks like a service in the old compose file format 1, which compose no longer reads. Move it under `services:`.',
    '17:1 `mongodb-data` is not allowed here: it looks like a service in the old compose file format 1, which compose no longer reads. Move it under `services:`.',
  ],
};

describe('real-world compose corpus against the compose schema', { skip: !existsSync(CORPUS) && 'shared/corpus/real-world is absent' }, () => {
  const files = existsSync(CORPUS) ? ['compose-windows', 'compose-linux'].flatMap((dir) => readdirSync(join(CORPUS, dir)).map((f) => ({ dir, f }))) : [];
  for (const { dir, f } of files) {
    it(`${dir}/${f}`, () => {
      const text = readFileSync(join(CORPUS, dir, f), 'utf8');
      const result = checkDocument(parseDocument(f.split('__').pop()!, text), { ruleSet: [composeSchemaRule] });
      assert.deepEqual(result.ruleErrors, []);
      const findings = result.findings
        .filter((x) => x.rule === 'compose-schema')
        .map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.message}`);
      assert.deepEqual(findings, EXPECTED[f] ?? []);
    });
  }
});
