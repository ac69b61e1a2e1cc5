// Writes docs/rules/*.md and docs/drivers.md from the rule metadata and the knowledge table, and removes rule
// pages whose rule is gone. `npm run docs`; a test fails when the committed docs are out of date.
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedDocs } from '../server/src/docs/generate';

const root = join(__dirname, '..');
const files = generatedDocs();
for (const [path, content] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
for (const name of readdirSync(join(root, 'docs/rules'))) {
  if (!files.has(`docs/rules/${name}`)) unlinkSync(join(root, 'docs/rules', name));
}
console.log(`wrote ${files.size} docs files`);
