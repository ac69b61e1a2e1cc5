/**
 * Writes schemas/hns-v1.schema.json and schemas/hcn-v2.schema.json from the knowledge tables
 * (server/src/hns/schema-builder.ts). Run after changing server/src/knowledge/hns-*.ts:
 *   npx tsx scripts/schemas/generate.ts
 * server/src/hns/schema-builder.test.ts fails while the committed files differ from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildHcnV2Schema, buildHnsV1Schema, schemaText } from '../../server/src/hns/schema-builder';

const root = join(__dirname, '..', '..');
for (const [file, schema] of [
  ['schemas/hns-v1.schema.json', buildHnsV1Schema()],
  ['schemas/hcn-v2.schema.json', buildHcnV2Schema()],
] as const) {
  writeFileSync(join(root, file), schemaText(schema));
  console.log(`wrote ${file}`);
}
