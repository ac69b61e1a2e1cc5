// Bundles the CLI, the language server and the VS Code client into dist/ (one file each; `vscode` stays
// external, it is the host's). `node esbuild.js --dev` keeps bundles unminified with sourcemaps.
const esbuild = require('esbuild');
const { basename } = require('node:path');

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

// The precompiled schema validators (about 1.1 MB of generated code) are their own files in dist/validators/,
// shared by the server and the CLI and required on first use (schema/*-validators.ts): compiling them is most of
// a bundle's start-up time, and a session that opens no compose or HNS file never needs them.
const VALIDATORS = ['compose-validators', 'hns-v1-validators', 'hcn-v2-validators'];
const validatorsApart = {
  name: 'validators-apart',
  setup(build) {
    build.onResolve({ filter: /\/generated\/[\w-]+-validators$/ }, (args) => ({ path: `./validators/${basename(args.path)}.js`, external: true }));
  },
};

// The language server answers `initialize` before it loads the engine (server-engine.ts), which is dist/engine.js.
const engineApart = {
  name: 'engine-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/server-engine$/ }, () => ({ path: './engine.js', external: true }));
  },
};

async function main() {
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: { cli: 'server/src/cli/main.ts' },
      outdir: 'dist',
      banner: { js: '#!/usr/bin/env node' },
      plugins: [validatorsApart],
    }),
    // The server is also the npm package's `winnet-language-server` bin (package.json), hence its shebang too.
    esbuild.build({
      ...common,
      entryPoints: { server: 'server/src/lsp/server.ts' },
      outdir: 'dist',
      banner: { js: '#!/usr/bin/env node' },
      plugins: [engineApart],
    }),
    esbuild.build({ ...common, entryPoints: { engine: 'server/src/lsp/server-engine.ts' }, outdir: 'dist', plugins: [validatorsApart] }),
    esbuild.build({
      ...common,
      entryPoints: Object.fromEntries(VALIDATORS.map((name) => [`validators/${name}`, `server/src/generated/${name}.js`])),
      outdir: 'dist',
    }),
    esbuild.build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  ]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
