// Bundles the CLI (and, next, the language server and the VS Code client) into dist/.
// `node esbuild.js --dev` keeps bundles unminified with sourcemaps.
const esbuild = require('esbuild');

const dev = process.argv.includes('--dev');

async function main() {
  await esbuild.build({
    entryPoints: { cli: 'server/src/cli/main.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // jsonc-parser's main entry is UMD, which esbuild cannot follow; its ESM build bundles cleanly.
    mainFields: ['module', 'main'],
    outdir: 'dist',
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
