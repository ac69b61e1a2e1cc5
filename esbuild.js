// Bundles the CLI, the language server and the VS Code client into dist/ (one file each; `vscode` stays
// external, it is the host's). `node esbuild.js --dev` keeps bundles unminified with sourcemaps.
const esbuild = require('esbuild');

const dev = process.argv.includes('--dev');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // jsonc-parser's main entry is UMD, which esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  logLevel: 'warning',
};

async function main() {
  await Promise.all([
    esbuild.build({ ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
    esbuild.build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' }),
    esbuild.build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
