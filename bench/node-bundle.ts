/**
 * The esbuild options every benchmark bundle shares, matching esbuild.js: one CommonJS file for Node 20,
 * `module` before `main` so jsonc-parser's ESM build is bundled (its main entry is UMD, which esbuild cannot
 * follow), minified like the shipped bundles.
 */
import type { BuildOptions } from 'esbuild';

export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  minify: true,
  logLevel: 'warning',
} satisfies BuildOptions;
