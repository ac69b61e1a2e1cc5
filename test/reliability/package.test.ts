/**
 * The .vsix holds no development files: when `npm run package` has built winnet.vsix (skipped otherwise), every
 * file in it is a bundle, a doc page, a schema, the grammar, the icon or a manifest file. The names are read
 * from the zip's central directory, with no unzip tool. `npx vsce ls --no-dependencies` lists the same files.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from './support/corpus';
import { zipEntries } from './support/zip';

const VSIX = join(REPO, 'winnet.vsix');

const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(client|server|engine)\.js$/,
  /^extension\/images\/screenshots\/[\w.-]+\.png$/,
  /^extension\/client\/walkthrough\/[\w.-]+\.md$/,
  /^extension\/dist\/validators\/(compose|hns-v1|hcn-v2)-validators\.js$/,
  /^extension\/docs\/[\w./-]+\.md$/,
  /^extension\/schemas\/[\w.-]+\.json$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/images\/icon\.png$/,
];

describe('the packaged extension', { skip: !existsSync(VSIX) && 'winnet.vsix not built (npm run package)' }, () => {
  it('contains only bundles, docs, schemas, the grammar, the icon and manifest files', () => {
    const names = zipEntries(readFileSync(VSIX)).filter((n) => !n.endsWith('/'));
    assert.ok(names.includes('extension/dist/server.js') && names.includes('extension/dist/client.js'));
    // The CLI is distributed as the npm package (test/distribution/npm-package.test.ts); the extension never runs it.
    assert.ok(!names.includes('extension/dist/cli.js'));
    // The engine and the schema validators are required by the server and the CLI at run time (esbuild.js keeps
    // them apart).
    assert.ok(names.includes('extension/dist/engine.js'));
    for (const name of ['compose', 'hns-v1', 'hcn-v2']) assert.ok(names.includes(`extension/dist/validators/${name}-validators.js`), name);
    assert.deepEqual(
      names.filter((n) => !ALLOWED.some((re) => re.test(n))),
      [],
    );
    assert.deepEqual(
      names.filter((n) => /\.(ts|map|mjs|cjs)$|node_modules|\/test\/|\/examples\/|\/bench\//.test(n)),
      [],
    );
  });
});
