// Writes docs/rules/*.md, docs/drivers.md and docs/knowledge/*.md from the rule metadata and the knowledge tables,
// and removes the pages of docs/rules/ and docs/knowledge/ it no longer generates (a rule or page that is gone).
// `npm run docs`; a test fails when the committed docs are out of date.
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generatedDocs } from '../server/src/docs/generate';

const root = join(__dirname, '..');
const files = generatedDocs();
for (const [path, content] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
for (const dir of ['docs/rules', 'docs/knowledge']) {
  mkdirSync(join(root, dir), { recursive: true });
  for (const name of readdirSync(join(root, dir))) {
    if (!files.has(`${dir}/${name}`)) unlinkSync(join(root, dir, name));
  }
}
console.log(`wrote ${files.size} docs files`);
