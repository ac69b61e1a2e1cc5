/**
 * Builds what the editor runs: extension bundles (esbuild, CommonJS, `vscode` external), their .vsix
 * packages (vsce, from a staging folder so nothing but the bundle and manifest goes in), and the in-host mocha
 * test files (one CommonJS bundle per file, `vscode` and `mocha` external, mocha's BDD globals at run time).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { REPO } from './paths';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  sourcemap: 'inline',
  logLevel: 'error',
  absWorkingDir: REPO,
};

/**
 * Bundles `entries` (name → TypeScript entry) into `<staging>/dist/<name>.js`, copies the extension folder's
 * package.json and README.md, and packages the staging folder with vsce. Returns the .vsix path.
 */
export async function packageExtension(options: {
  /** The extension's folder: package.json, README.md. */
  dir: string;
  entries: Record<string, string>;
  /** Where the staging folder and the .vsix go. */
  outDir: string;
  vsce: string;
}): Promise<string> {
  const name = basename(options.dir);
  const staging = join(options.outDir, `${name}-staging`);
  mkdirSync(join(staging, 'dist'), { recursive: true });
  await build({
    ...common,
    entryPoints: options.entries,
    outdir: join(staging, 'dist'),
    external: ['vscode'],
  });
  for (const file of ['package.json', 'README.md']) copyFileSync(join(options.dir, file), join(staging, file));
  const license = join(options.dir, 'LICENSE');
  if (existsSync(license)) copyFileSync(license, join(staging, 'LICENSE'));
  else writeFileSync(join(staging, 'LICENSE'), 'MIT License: test-only extension of the winnet repository; see its LICENSE.\n');
  const vsix = join(options.outDir, `${name}.vsix`);
  // vsce needs no network and no signing to package (@vscode/vsce-sign is only used to sign/verify for publishing).
  try {
    execFileSync(process.execPath, [options.vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
      cwd: staging,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`vsce package failed in ${staging}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  return vsix;
}

/** The staging folder packageExtension() packaged `vsix` from: an unpacked copy of the extension. */
export function stagingFolderOf(vsix: string): string {
  return vsix.replace(/\.vsix$/, '-staging');
}

/** Bundles one TypeScript entry into a single CommonJS file for Node (e.g. a language server for Neovim). */
export async function bundleNode(entry: string, outfile: string, external: string[] = []): Promise<string> {
  await build({ ...common, entryPoints: [entry], outfile, external });
  return outfile;
}

/** Bundles each in-host test file to `<outDir>/<name>.js`; returns the compiled paths in the given order. */
export async function bundleSuite(files: string[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const out: string[] = [];
  for (const file of files) {
    const target = join(outDir, basename(file).replace(/\.ts$/, '.js'));
    out.push(await bundleNode(file, target, ['vscode', 'mocha']));
  }
  return out;
}
