/**
 * The compose projects that scripts, CI steps and docs run (`docker compose -f base.yml -f windows.yml up`): each is
 * checked as the set it names, as `winnet check -f ... -f ...` would. A relative path is taken from the script's
 * folder, else from the current one (where a CI step usually runs); a set with a file that is in neither is left
 * out, since winnet cannot tell where the script runs.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isCiName, isScriptName } from '../documents/kind';
import { parseDocument } from '../documents/document';
import { composeSetsOf } from '../engine/check-script';
import { readSource } from './files';

export interface ScriptSet {
  /** Absolute paths, in the order of the `-f` flags. */
  files: string[];
  /** The project directory: `--project-directory`, else the first file's folder. */
  project: string;
}

export function composeSetsInScripts(paths: readonly string[], cwd: string): ScriptSet[] {
  const sets: ScriptSet[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    if (!isScriptName(path) && !isCiName(path)) continue;
    const source = readSource(path);
    if ('error' in source) continue;
    for (const set of composeSetsOf(parseDocument(path, source.text))) {
      const locate = (file: string) => [resolve(dirname(path), file), resolve(cwd, file)].find((p) => existsSync(p));
      const files = set.files.map(locate);
      if (files.some((f) => f === undefined)) continue;
      const absolute = files as string[];
      const key = absolute.join('\n');
      if (seen.has(key)) continue;
      seen.add(key);
      const project = set.projectDirectory ? (locate(set.projectDirectory) ?? dirname(absolute[0])) : dirname(absolute[0]);
      sets.push({ files: absolute, project });
    }
  }
  return sets;
}
