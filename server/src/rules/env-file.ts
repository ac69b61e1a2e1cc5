import { parseEnvFile } from '../compose/dotenv';
import { basename } from '../compose/paths';
import type { Rule } from './types';

/**
 * Variables compose and the Docker CLI read for themselves (docker/compose `cmd/compose/compose.go` and the
 * environment-variables reference; the Docker CLI's `DOCKER_*`): an env file sets them for compose, not for `${...}`,
 * so no compose file has to use them.
 */
const TOOL_VARIABLE = /^(COMPOSE_|DOCKER_|BUILDKIT_)/;

/**
 * An env file as compose reads it (compose/dotenv.ts ports compose-go's `dotenv` parser): what compose stops on
 * (`failed to read .env: line 3: unexpected character ...`), lines compose reads differently from how they look, a
 * variable set twice (the later line wins), and, when the compose files that read the file are known, a variable
 * none of them uses.
 */
export const envFileRule: Rule = {
  meta: {
    id: 'env-file',
    title: 'An env file compose refuses or reads differently',
    defaultSeverity: 'error',
    kinds: ['dotenv'],
    target: 'any',
    fixable: false,
    description:
      'compose reads the project\'s `.env` (or the `--env-file` files) before it reads any compose file, and stops on the first line it cannot parse: `failed to read .env: line 3: unexpected character "!" in variable name`. Its grammar is its own (compose-go\'s `dotenv` package): `NAME=VALUE` or `NAME: VALUE`, an optional `export`, single quotes literal, double quotes with escapes and `${...}` interpolation, unquoted values cut at ` #`. winnet reads the file with the same grammar and reports every line compose would stop on (errors), lines compose accepts but reads differently from how they look (warnings: text after a closing quote is a new statement, a bare `NAME` that nothing defines), a variable defined twice (the later definition wins: a warning at the first), and a variable no compose file of the project uses (a hint, once the compose files that read the file are known; `COMPOSE_*` and `DOCKER_*` are read by compose itself and never reported).',
    remedy:
      'Fix the line as the message says: quote a value with spaces or `#`, write names with letters, digits and `_`, remove the duplicate definition, and delete variables nothing uses.',
    caveat:
      'A variable that no compose file uses may still be read by a script or a `docker run --env-file`: that is why it is only a hint. Problems that depend on the shell (`${X:?}` with X unset) are judged against the environment winnet read.',
    examples: {
      bad: 'ISOLATION=process\nSITECORE VERSION=10.3-ltsc2019\nISOLATION=hyperv\n',
      good: 'ISOLATION=hyperv\nSITECORE_VERSION=10.3-ltsc2019\n',
    },
    errors: [
      'failed to read .env: line 3: unexpected character "!" in variable name',
      'key cannot contain a space',
      'unterminated quoted value',
      'zero length string',
    ],
    sources: [
      'https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file-syntax',
      'https://github.com/compose-spec/compose-go/blob/main/dotenv/parser.go',
      'https://github.com/compose-spec/compose-go/blob/main/dotenv/env.go',
      'https://docs.docker.com/compose/how-tos/environment-variables/envvars/',
    ],
  },
  check(ctx) {
    const { env } = ctx;
    // The file's `${X}` sees the shell's X first (compose-go env.go), when winnet read the shell.
    const fromProcess = (name: string) => {
      const binding = env.get(name);
      return binding?.source.kind === 'process' ? binding.value : undefined;
    };
    const parsed = parseEnvFile(ctx.doc.text, env.processRead ? fromProcess : undefined);
    for (const problem of parsed.problems) {
      const stops = problem.severity === 'error';
      ctx.report({
        span: problem.span,
        severity: problem.code === 'required' && !env.processRead ? 'information' : problem.severity,
        message: stops ? `${problem.message}: compose stops here ("failed to read ${basename(ctx.doc.path)}: ...").` : problem.message,
      });
    }
    const used = ctx.usedVariables;
    if (!used) return;
    // A variable other lines of the file interpolate is used too.
    const usedHere = new Set(parsed.entries.flatMap((e) => e.uses.map((u) => u.name)));
    const reported = new Set<string>();
    for (const entry of parsed.entries) {
      if (used.has(entry.name) || usedHere.has(entry.name) || TOOL_VARIABLE.test(entry.name) || reported.has(entry.name)) continue;
      reported.add(entry.name);
      ctx.report({
        span: entry.nameSpan,
        severity: 'hint',
        message: `\`${entry.name}\` is not used by the compose files that read ${basename(ctx.doc.path)}. A script or \`docker run --env-file\` may read it; otherwise delete it.`,
      });
    }
  },
};
