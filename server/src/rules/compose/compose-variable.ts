import { basename } from '../../compose/paths';
import type { Rule } from '../types';
import { spanWithin } from './support/helpers';

/**
 * What compose itself says about a file's variables when it substitutes them (compose-go template/template.go and
 * interpolation/interpolation.go; docker/compose's "The %q variable is not set. Defaulting to a blank string."
 * warning): an expression it cannot read is an error, a required variable without a value stops it, and an unset
 * `${X}` becomes an empty string with a warning. winnet knows only the variables it read, so without the shell's
 * environment (the editor, by default) an unset variable may yet be set where compose runs: information then.
 */
export const composeVariableRule: Rule = {
  meta: {
    id: 'compose-variable',
    title: 'A variable compose cannot substitute',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description:
      'Compose substitutes `${VAR}` and `$VAR` in every value from the shell that runs it and the project\'s `.env` file (or the `--env-file` files), before it reads the file. An expression it cannot parse (`${}`, an unclosed `${VAR`) stops it: `invalid interpolation format`. A required variable (`${VAR:?message}`, `${VAR?message}`) that has no value stops it: `required variable VAR is missing a value`. A plain `${VAR}` that is unset becomes an empty string, and compose warns: `The "VAR" variable is not set. Defaulting to a blank string.` winnet reads the same sources (the CLI: the shell, `.env`, `--env-file`; the editor: `.env` and `winnet.envFiles`, and the process environment only when `winnet.readProcessEnvironment` allows it), and judges a value with an unset variable as unknown rather than empty.',
    remedy:
      'Define the variable in `.env` (or the `--env-file` you deploy with), or give it a default in the file (`${ISOLATION:-process}`); write `$$` for a literal `$`.',
    caveat:
      "Without the shell's environment, winnet cannot tell whether the shell that runs compose sets a variable: unset variables are then information, not warnings, and a missing required variable is information, not an error.",
    examples: {
      bad: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    isolation: ${ISOLATION:?set ISOLATION in .env}\n',
      good: 'services:\n  web:\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\n    isolation: ${ISOLATION:-process}\n',
      env: 'TAG=ltsc2022\n',
    },
    errors: ['invalid interpolation format for', 'required variable <name> is missing a value', 'variable is not set. Defaulting to a blank string.'],
    sources: [
      'https://docs.docker.com/reference/compose-file/interpolation/',
      'https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/',
      'https://github.com/compose-spec/compose-go/blob/main/template/template.go',
      'https://github.com/compose-spec/compose-go/blob/main/interpolation/interpolation.go',
    ],
  },
  check(ctx) {
    const { env } = ctx;
    // With nothing read (no .env, no environment), every variable would be "unset": say nothing rather than guess.
    const knowsSome = env.processRead || env.files.length > 0;
    const files = env.files.map((f) => basename(f.path)).join(', ');
    const where = env.processRead ? `in the environment${files ? ` or ${files}` : ''}` : `in ${files} (winnet does not read the shell's environment here)`;
    for (const s of ctx.substitutions) {
      const at = (span: { start: number; end: number }) => spanWithin(ctx.doc, s.node, span.start, span.end - span.start);
      for (const problem of s.problems) {
        if (problem.kind === 'format') {
          ctx.report({ span: at(problem.span), severity: 'error', message: `${problem.message}: compose refuses the file. Write \`$$\` for a literal \`$\`.` });
        } else if (knowsSome) {
          ctx.report({
            span: at(problem.span),
            severity: env.processRead ? 'error' : 'information',
            message: env.processRead
              ? `${problem.message}: compose stops here. Set it ${where}.`
              : `${problem.message} ${where}: compose stops here unless the shell that runs it sets it.`,
          });
        }
      }
      if (!knowsSome || s.problems.length) continue;
      for (const use of s.uses) {
        if (use.set || use.operator !== undefined) continue;
        ctx.report({
          span: at(use.span),
          severity: env.processRead ? 'warning' : 'information',
          message: env.processRead
            ? `\`${use.name}\` is not set ${where}: compose substitutes an empty string ("The "${use.name}" variable is not set. Defaulting to a blank string."). Define it, or give a default: \`\${${use.name}:-...}\`.`
            : `\`${use.name}\` is not set ${where}: unless the shell that runs compose sets it, compose substitutes an empty string. winnet leaves this value unjudged.`,
        });
      }
    }
  },
};
