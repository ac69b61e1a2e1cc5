/**
 * The inputs the reliability tests start from: the project's own examples, and the third-party real-world
 * corpus, read in place from `../shared/corpus/real-world` (or $WINNET_CORPUS). The corpus is never copied
 * into the repository (its licences differ); when it is absent, the corpus parts of the tests are skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decode } from '../../../server/src/cli/files';

export const REPO = join(__dirname, '..', '..', '..');
export const CORPUS = process.env.WINNET_CORPUS ?? join(REPO, '..', 'shared', 'corpus', 'real-world');

export interface Sample {
  /** Where it came from, for messages: `examples/iis-sql/docker-compose.yml` or `corpus/cni/x.conf`. */
  name: string;
  /** The path the engine sees (decides the document kind by name). */
  path: string;
  text: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

const OURS = /\.(ya?ml|json|jsonc|conf|conflist|template)$/i;

function load(root: string, prefix: string): Sample[] {
  if (!existsSync(root) || !statSync(root).isDirectory()) return [];
  return walk(root)
    .filter((f) => OURS.test(f))
    .map((f) => ({ name: `${prefix}/${relative(root, f)}`, path: f, text: decode(readFileSync(f)).text }));
}

export function exampleSamples(): Sample[] {
  return load(join(REPO, 'examples'), 'examples');
}

export function corpusSamples(): Sample[] {
  return load(CORPUS, 'corpus');
}

export const hasCorpus = (): boolean => existsSync(CORPUS);

/** The examples and (when present) the corpus. */
export function allSamples(): Sample[] {
  return [...exampleSamples(), ...corpusSamples()];
}
