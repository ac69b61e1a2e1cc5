/**
 * Which variables a project's compose files use, so an env file can be told which of its variables nothing reads
 * (the `env-file` rule's hint). Over-counting is the safe side: a name that appears only in a default
 * (`${A:-${B}}`) or a comment still counts as used, because a variable wrongly called unused is a hint the user
 * would delete a working line for.
 */
import { type FileReader, loadComposeSet, partnersOf } from '../compose/loader';
import { defaultOverrideOf, resolvePath } from '../compose/paths';

/** The files `docker compose` reads in a folder when no `-f` is given (compose-go `cli/options.go` DefaultFileNames). */
const DEFAULT_COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/**
 * The variables used by the compose files of `directories` (by compose's default names, their partner files such as
 * `docker-compose.windows.yml`, and what they include or extend), read through `reader`, and by `texts` (the open
 * compose documents that read the env file). Undefined when no compose file is known: then nothing is unused.
 */
export function variablesUsedBy(directories: Iterable<string>, reader: FileReader, texts: readonly string[]): Set<string> | undefined {
  const all = [...texts];
  const seen = new Set<string>();
  for (const directory of directories) {
    for (const file of defaultComposeFiles(directory)) {
      if (seen.has(file) || reader.read(file) === undefined) continue;
      for (const path of [file, ...partnersOf(file, reader)]) {
        if (seen.has(path)) continue;
        seen.add(path);
        for (const member of loadComposeSet([path], reader).members) all.push(member.doc.text);
      }
    }
  }
  if (!all.length) return undefined;
  const names = new Set<string>();
  for (const text of all) for (const name of variableNames(text)) names.add(name);
  return names;
}

/** The compose files a project directory may hold by compose's default names: the bases and their overrides. */
function defaultComposeFiles(directory: string): string[] {
  return DEFAULT_COMPOSE_FILES.flatMap((name) => {
    const base = resolvePath(directory, name);
    return [base, ...defaultOverrideOf(base)];
  });
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /\w/;

/** Every variable name `text` substitutes: `$NAME` and `${NAME...}`, nested ones too; `$$` is a literal `$`. */
export function variableNames(text: string): Set<string> {
  const names = new Set<string>();
  for (let i = text.indexOf('$'); i !== -1 && i < text.length - 1; i = text.indexOf('$', i + 1)) {
    if (text[i + 1] === '$') {
      i++; // the escaped `$` is no expression
      continue;
    }
    const start = text[i + 1] === '{' ? i + 2 : i + 1;
    if (!NAME_START.test(text[start] ?? '')) continue;
    let end = start + 1;
    while (end < text.length && NAME_CHAR.test(text[end])) end++;
    names.add(text.slice(start, end));
  }
  return names;
}
