/**
 * The schemas themselves: winnet's HNS schemas are valid draft-07, compile under ajv's strict mode and are the
 * committed output of the knowledge tables; the compose schema (dclint's copy, `$schema` patched) is valid
 * draft-07; the precompiled validators never compile code at run time.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { buildHcnV2Schema, buildHnsV1Schema, schemaText } from '../hns/schema-builder';

const root = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('schemas', () => {
  const cases = [
    { file: 'schemas/hns-v1.schema.json', build: buildHnsV1Schema },
    { file: 'schemas/hcn-v2.schema.json', build: buildHcnV2Schema },
  ];
  for (const c of cases) {
    it(`${c.file} is the committed output of the knowledge tables (run \`npx tsx scripts/schemas/generate.ts\`)`, () => {
      assert.equal(read(c.file), schemaText(c.build()));
    });
    it(`${c.file} is valid draft-07 and compiles in strict mode`, () => {
      const ajv = new Ajv({ strict: true, allErrors: true });
      const schema = JSON.parse(read(c.file));
      assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
      assert.doesNotThrow(() => ajv.compile(schema));
    });
    it(`${c.file} describes every property (hovers and completion read the descriptions)`, () => {
      const missing: string[] = [];
      const walk = (node: unknown, path: string) => {
        if (!node || typeof node !== 'object') return;
        const n = node as Record<string, unknown>;
        if (n.properties && typeof n.properties === 'object') {
          for (const [name, prop] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
            if (typeof prop.description !== 'string' || prop.description.length < 3) missing.push(`${path}/properties/${name}`);
          }
        }
        for (const [k, v] of Object.entries(n)) walk(v, `${path}/${k}`);
      };
      walk(JSON.parse(read(c.file)), '#');
      // `if` conditions name Type without describing it; they are not shown to anyone.
      assert.deepEqual(
        missing.filter((m) => !m.includes('/if/')),
        [],
      );
    });
  }

  it('the compose-spec schema from dclint is valid draft-07 once its $schema is patched', () => {
    const schema = JSON.parse(read('node_modules/dclint/schemas/compose.schema.json'));
    assert.equal(schema.$schema, 'https://json-schema.org/draft-07/schema', 'dclint changed the $schema the patch expects');
    const ajv = new Ajv({ strict: false });
    assert.equal(ajv.validateSchema({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#' }), true, JSON.stringify(ajv.errors));
  });

  it('the precompiled validators are plain code: no new Function, no eval', () => {
    const dir = join(root, 'server', 'src', 'generated');
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    assert.deepEqual(files.sort(), ['compose-validators.js', 'hcn-v2-validators.js', 'hns-v1-validators.js']);
    for (const f of files) assert.doesNotMatch(readFileSync(join(dir, f), 'utf8'), /new Function|\beval\(/, f);
  });
});
